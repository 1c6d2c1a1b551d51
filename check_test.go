package ladder_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/schema"
)

// genAssessment makes an assessment of the test ladder in Go, each field
// right or wrong at random.
func genAssessment(r *rand.Rand) *ladder.Assessment {
	pick := func(xs ...string) string { return xs[r.Intn(len(xs))] }
	a := &ladder.Assessment{
		Ladder:   pick("t", "t", "T", "", "t x"),
		Subject:  pick("alice", "alice", ""),
		Assessor: pick("", "bob"),
		Date:     pick("", "2026-11-20", "2026-02-30", "yesterday", "20261120"),
	}
	mark := func() ladder.Mark {
		return ladder.Mark{
			Status: ladder.Status(pick("reached", "reached", "not_yet", "not_applicable", "reachd", "", "unassessed")),
			Reason: pick("", "", "waived", strings.Repeat("é", 1001), strings.Repeat("x", 1000)),
		}
	}
	if r.Intn(4) > 0 {
		a.Marks = map[string]ladder.Mark{}
		for range r.Intn(5) {
			a.Marks[pick("1a-h1", "1a-h2", "2b-h1", "R1", "a b", "")] = mark()
		}
	}
	if r.Intn(2) == 0 {
		a.Levels = map[string]ladder.LevelMarks{}
		for range r.Intn(3) {
			var lm ladder.LevelMarks
			if r.Intn(2) == 0 {
				m := mark()
				lm.Reach = &m
			}
			if r.Intn(2) == 0 {
				m := mark()
				lm.Description = &m
			}
			a.Levels[pick("1", "2", "Two", "")] = lm
		}
	}
	return a
}

// An assessment built in Go gets exactly the checks of one read from a
// document: Evaluate reports what the schema of assessments reports of the
// same assessment written as JSON, with the same pointers and words.
func TestAssessmentChecksAreTheSchemas(t *testing.T) {
	l := mustParse(t, testLadder)
	p := properties(t)
	p.Property("Evaluate checks a Go assessment as the schema checks its JSON", prop.ForAll(func(seed int64) bool {
		a := genAssessment(rand.New(rand.NewSource(seed)))
		// As a document: nil maps are empty ones.
		doc := *a
		if doc.Marks == nil {
			doc.Marks = map[string]ladder.Mark{}
		}
		data, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		var se *schema.Error
		if errors.As(schema.Assessment().Validate(data), &se) {
			for _, p := range se.Problems {
				want = append(want, p.Pointer+": "+p.Message)
			}
		}
		var got []string
		_, err = l.Evaluate(a)
		var le *ladder.Error
		if errors.As(err, &le) {
			for _, p := range le.Problems {
				// What the ladder says of the assessment, beyond the
				// schema.
				if strings.HasPrefix(p.Message, "ladder \"t\" has no") || strings.HasPrefix(p.Message, "assessment is for ladder") {
					continue
				}
				got = append(got, p.Pointer+": "+p.Message)
			}
		} else if err != nil {
			t.Fatal(err)
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Logf("assessment %s:\nEvaluate: %q\nschema:   %q", data, got, want)
			return false
		}
		return true
	}, gen.Int64()))
	p.TestingRun(t)
}

// Text that is not UTF-8, which a document cannot hold, is refused in an
// assessment built in Go.
func TestAssessmentNotUTF8(t *testing.T) {
	l := mustParse(t, testLadder)
	a := &ladder.Assessment{Ladder: "t", Subject: "al\xffice", Marks: map[string]ladder.Mark{"1a-h1": {Status: ladder.Reached, Reason: "\xfe"}}}
	_, err := l.Evaluate(a)
	want := fmt.Sprintf("/marks/1a-h1/reason: is not valid UTF-8\n/subject: is not valid UTF-8")
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// New checks a ladder built in Go as Parse checks its JSON: the same
// problems at the same pointers, without lines. nil and empty slices are
// the same, and the Ladder it returns is a copy.
func TestNew(t *testing.T) {
	parsed := mustParse(t, testLadder)
	var doc ladder.Ladder
	if err := json.Unmarshal([]byte(testLadder), &doc); err != nil {
		t.Fatal(err)
	}
	l, err := ladder.New(&doc)
	if err != nil {
		t.Fatal(err)
	}
	a := assess(t, "1a-h1=reached", "1a-h2=reached", "1b-h1=reached", "1g-h1=reached")
	if got, want := evaluate(t, l, a).Rank, evaluate(t, parsed, a).Rank; got != want {
		t.Errorf("New gives rank %d, Parse %d", got, want)
	}
	doc.Levels[0].Requirements[0].Kind = ladder.Soft
	if got := evaluate(t, l, a).Rank; got != 1 {
		t.Errorf("after the document changed, rank %d, want 1: New keeps a copy", got)
	}

	// nil slices are empty ones: a ladder without skills is fine, one
	// without levels is not, as in JSON.
	_, err = ladder.New(&ladder.Ladder{ID: "x", Name: "X", Levels: []ladder.Level{{ID: "1", Requirements: []ladder.Requirement{{ID: "r", Kind: ladder.Hard, Text: "t"}}}}})
	if err != nil {
		t.Errorf("a ladder with nil skills: %v", err)
	}
	_, err = ladder.New(&ladder.Ladder{ID: "x", Name: "X", Levels: []ladder.Level{{ID: "1"}}})
	if want := `/levels/0: level "1" has no requirements, no profile and no level rule: nothing decides whether it is reached`; err == nil || err.Error() != want {
		t.Errorf("a level with nil requirements: got %v, want %s", err, want)
	}

	// The problems of Parse, at the same pointers, without lines.
	bad := strings.Replace(testLadder, `"skill": "b", "kind": "hard", "text": "b hard"}`, `"skill": "bb", "kind": "hard", "text": "b hard"}`, 1)
	bad = strings.Replace(bad, `"id": "3"`, `"id": "Three"`, 1)
	if err := json.Unmarshal([]byte(bad), &doc); err != nil {
		t.Fatal(err)
	}
	_, perr := ladder.Parse([]byte(bad))
	_, nerr := ladder.New(&doc)
	var pe, ne *ladder.Error
	if !errors.As(perr, &pe) || !errors.As(nerr, &ne) || len(pe.Problems) != len(ne.Problems) {
		t.Fatalf("Parse: %v\nNew: %v", perr, nerr)
	}
	for i := range pe.Problems {
		p, n := pe.Problems[i], ne.Problems[i]
		if p.Pointer != n.Pointer || p.Message != n.Message || n.Line != 0 || n.File != "" {
			t.Errorf("Parse: %s\nNew:   %s", p, n)
		}
	}

	// Text that is not UTF-8 is refused, not replaced.
	_, err = ladder.New(&ladder.Ladder{ID: "x", Name: "X\xff", Levels: []ladder.Level{{ID: "1", Requirements: []ladder.Requirement{{ID: "r", Kind: ladder.Hard, Text: "t"}}}}})
	if want := "/name: is not valid UTF-8"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
