package ladder_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/source"
	"github.com/ladderkit/ladder/laddertest"
)

// The model's values decoded from the parsed tree are those encoding/json
// decodes from the same text: on the examples and on the valid corpus of
// the schemas.
func TestDecodeAgreesWithEncodingJSON(t *testing.T) {
	files, err := filepath.Glob("examples/*/*.json")
	if err != nil {
		t.Fatal(err)
	}
	more, err := filepath.Glob("schema/testdata/valid/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range append(files, more...) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, problems := source.Parse(data, source.DefaultLimits)
		if len(problems) > 0 {
			t.Fatalf("%s: %v", file, problems)
		}
		for _, v := range []any{new(ladder.Ladder), new(ladder.Assessment), new(laddertest.Cases)} {
			want := reflect.New(reflect.TypeOf(v).Elem()).Interface()
			if json.Unmarshal(data, want) != nil {
				continue
			}
			source.Decode(doc.Root, v)
			if !reflect.DeepEqual(v, want) {
				t.Errorf("%s: decoded as %T:\n%+v\nencoding/json:\n%+v", file, v, v, want)
			}
		}
	}
}
