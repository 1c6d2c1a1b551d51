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
