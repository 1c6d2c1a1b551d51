package ladder_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/source"
	"github.com/ladderkit/ladder/schema"
)

func BenchmarkZZAssessment(b *testing.B) {
	data, _ := os.ReadFile("examples/devops-technical-mastery/bruno-squad-expert.json")
	l, _ := ladder.Load("examples/devops-technical-mastery/ladder.json")
	b.Run("unmarshal", func(b *testing.B) {
		for b.Loop() {
			var a ladder.Assessment
			json.Unmarshal(data, &a)
		}
	})
	b.Run("source.Parse", func(b *testing.B) {
		for b.Loop() {
			source.Parse(data, source.DefaultLimits)
		}
	})
	b.Run("schema.Validate", func(b *testing.B) {
		for b.Loop() {
			schema.Assessment().Validate(data)
		}
	})
	b.Run("ParseAssessment", func(b *testing.B) {
		for b.Loop() {
			ladder.ParseAssessment(data)
		}
	})
	b.Run("Parse+Evaluate", func(b *testing.B) {
		for b.Loop() {
			a, _ := ladder.ParseAssessment(data)
			l.Evaluate(a)
		}
	})
	ldata, _ := os.ReadFile("examples/devops-technical-mastery/ladder.json")
	b.Run("ladder-unmarshal", func(b *testing.B) {
		for b.Loop() {
			var x ladder.Ladder
			json.Unmarshal(ldata, &x)
		}
	})
	b.Run("ladder-Parse", func(b *testing.B) {
		for b.Loop() {
			ladder.Parse(ldata)
		}
	})
}
