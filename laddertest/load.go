package laddertest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
)

// MustLoad loads the ladder at path, or fails the test with every problem
// found in it.
func MustLoad(t testing.TB, path string) *ladder.Ladder {
	t.Helper()
	l, err := ladder.Load(path)
	if err != nil {
		t.Fatalf("MustLoad(%q):\n%v", path, err)
	}
	return l
}

// MustLoadAssessment loads the assessment at path, or fails the test with
// every problem found in it.
func MustLoadAssessment(t testing.TB, path string) *ladder.Assessment {
	t.Helper()
	a, err := ladder.LoadAssessment(path)
	if err != nil {
		t.Fatalf("MustLoadAssessment(%q):\n%v", path, err)
	}
	return a
}

// Cases is the file RunCases reads: a ladder, and assessments of it with the
// rank each must give. Paths are relative to the file's directory.
//
//	{
//	  "ladder": "ladder.json",
//	  "cases": [
//	    {"assessment": "alice-newcomer.json", "rank": 1},
//	    {"assessment": "chloe-gap.json", "rank": 2, "note": "level 4 does not count over the gap at 3"}
//	  ]
//	}
type Cases struct {
	Ladder string   `json:"ladder"`
	Cases  []Pinned `json:"cases"`
}

// Pinned is one case of a Cases file: an assessment and its rank.
type Pinned struct {
	// Assessment is the path of the assessment.
	Assessment string `json:"assessment"`
	// Rank is the rank the assessment must give.
	Rank int `json:"rank"`
	// Note says why, for the reader of the file and of a failure.
	Note string `json:"note,omitempty"`
}

// LoadCases reads a cases file, strictly: an unknown field is an error.
func LoadCases(path string) (*Cases, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c Cases
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if c.Ladder == "" || len(c.Cases) == 0 {
		return nil, fmt.Errorf("%s: want a \"ladder\" and at least one case", path)
	}
	return &c, nil
}

// Check evaluates the case's assessment, read relative to dir, against l.
// It returns an error that says what is wrong when the rank is not the one
// pinned.
func (p Pinned) Check(l *ladder.Ladder, dir string) error {
	path := filepath.Join(dir, p.Assessment)
	a, err := ladder.LoadAssessment(path)
	if err != nil {
		return err
	}
	res, err := l.Evaluate(a)
	if err != nil {
		return err
	}
	if res.Rank != p.Rank {
		why := ""
		if p.Note != "" {
			why = " (" + p.Note + ")"
		}
		return fmt.Errorf("%s gives rank %d, not %d%s%s", path, res.Rank, p.Rank, why, explain(res, p.Rank))
	}
	return nil
}

// RunCases reads a cases file (see Cases) and checks each assessment gives
// its rank, each in a subtest named after the assessment's file. A team
// keeps such a file next to its ladder to pin the ladder's behaviour in CI:
// a change to the ladder or its rules that moves someone fails the test,
// which says what the person now misses. The ladder command checks cases
// files too: ladder validate cases.json.
func RunCases(t *testing.T, path string) {
	t.Helper()
	c, err := LoadCases(path)
	if err != nil {
		t.Fatalf("RunCases: %v", err)
	}
	dir := filepath.Dir(path)
	l := MustLoad(t, filepath.Join(dir, c.Ladder))
	for _, p := range c.Cases {
		t.Run(strings.TrimSuffix(filepath.Base(p.Assessment), ".json"), func(t *testing.T) {
			if err := p.Check(l, dir); err != nil {
				t.Error(err)
			}
		})
	}
}

// explain says what keeps the result from the rank wanted: the levels up to
// it that are not reached and what they miss, or the levels above it that
// are.
func explain(res *ladder.Result, want int) string {
	var b strings.Builder
	for _, lv := range res.Levels {
		switch {
		case lv.Rank <= want && !lv.Reached:
			var why []string
			for _, g := range lv.Groups {
				if !g.Reached {
					why = append(why, fmt.Sprintf("%s misses %s", g.Name, strings.Join(g.Missing, ", ")))
				}
			}
			fmt.Fprintf(&b, "\n\tlevel %s is not reached: %s", lv.ID, strings.Join(why, "; "))
		case lv.Rank == want+1 && lv.Reached:
			fmt.Fprintf(&b, "\n\tlevel %s is reached", lv.ID)
		}
	}
	return b.String()
}
