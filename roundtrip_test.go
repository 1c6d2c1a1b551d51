package ladder

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// exported returns the ladder's document: what Marshal writes and Parse
// reads, without what Parse compiles.
func (l *Ladder) exported() Ladder {
	c := *l
	c.plan, c.file, c.rules = nil, "", nil
	return c
}

func (a *Assessment) exported() Assessment {
	c := *a
	c.places = nil
	return c
}

// Parse(Marshal(x)) gives back x, for every ladder and assessment of the
// examples and test data.
func TestRoundTrip(t *testing.T) {
	files, err := filepath.Glob("examples/*/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example files: %v", err)
	}
	for _, path := range files {
		if filepath.Base(path) == "cases.json" {
			continue // ranks pinned for laddertest.RunCases
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var probe map[string]json.RawMessage
		if err := json.Unmarshal(data, &probe); err != nil {
			t.Fatal(err)
		}
		if _, ok := probe["marks"]; ok {
			a, err := ParseAssessment(data)
			if err != nil {
				t.Fatalf("ParseAssessment(%s) failed: %v", path, err)
			}
			out, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			b, err := ParseAssessment(out)
			if err != nil {
				t.Fatalf("ParseAssessment(Marshal(%s)) failed: %v", path, err)
			}
			if got, want := b.exported(), a.exported(); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: got %+v, want %+v", path, got, want)
			}
			continue
		}
		l, err := Parse(data)
		if err != nil {
			t.Fatalf("Parse(%s) failed: %v", path, err)
		}
		out, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(Marshal(%s)) failed: %v", path, err)
		}
		if got, want := m.exported(), l.exported(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v, want %+v", path, got, want)
		}
	}
}
