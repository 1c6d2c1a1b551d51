package schema_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/ladderkit/ladder/schema"
)

// BenchmarkValidate compares Validate on the DevOps example ladder with
// decoding the same bytes with encoding/json, the floor of any check that
// reads the document.
func BenchmarkValidate(b *testing.B) {
	data, err := os.ReadFile("../examples/devops-technical-mastery/ladder.json")
	if err != nil {
		b.Fatal(err)
	}
	s := schema.Ladder()
	if err := s.Validate(data); err != nil {
		b.Fatalf("the example does not validate: %v", err)
	}
	var decoded any
	if err := json.Unmarshal(data, &decoded); err != nil {
		b.Fatal(err)
	}

	b.Run("json.Unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Validate", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if err := s.Validate(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
