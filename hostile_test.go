package ladder_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/rules"
)

// The cases an adversarial pass over the library found, each a ladder or
// document that anyone can write, generated here at a scale CI affords.
// Each must be refused by Parse, or evaluated; and a document that is
// nothing but errors must get its first problems and a count of the rest.
// BenchmarkHostile measures what each costs.

// hostileCase is one such document.
type hostileCase struct {
	name string
	// ladder and assessment are the documents; assessment is nil for a
	// case of the ladder alone.
	ladder, assessment func(tb testing.TB) []byte
	// refused is what Parse's (or, with an assessment, Evaluate's) error
	// must say; "" when the ladder must be accepted and evaluate.
	refused string
	// problems is the number of problems the error must have, 0 for any.
	problems int
}

// distinct returns n characters of three bytes each, all different.
func distinct(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteRune(rune(0x4E00 + i%0x5000))
	}
	return b.String()
}

// exampleWith returns the example ladder changed by f.
func exampleWith(tb testing.TB, f func(l *ladder.Ladder)) []byte {
	data, err := os.ReadFile("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		tb.Fatal(err)
	}
	var l ladder.Ladder
	if err := json.Unmarshal(data, &l); err != nil {
		tb.Fatal(err)
	}
	f(&l)
	out, err := json.Marshal(&l)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

var hostileCases = []hostileCase{
	{name: "trim with a long cutset", refused: "rule may take up to", ladder: func(tb testing.TB) []byte {
		return exampleWith(tb, func(l *ladder.Ladder) {
			for i := range 18 {
				lv := &l.Levels[i%len(l.Levels)]
				lv.Requirements[i/len(l.Levels)].Text = distinct(45000)
			}
			l.Rules = &rules.Rules{Skill: "(len(hard) == 0 or any(hard, trim(.text, .text) == '')) and all(hard, .reached)"}
		})
	}},
	{name: "lists compared", refused: "lists cannot be compared with ==", ladder: func(tb testing.TB) []byte {
		return exampleWith(tb, func(l *ladder.Ladder) {
			list := "[" + strings.TrimSuffix(strings.Repeat("1,", 40), ",") + "]"
			l.Rules = &rules.Rules{Skill: "not any(" + list + ", any(" + list + ", hard == soft))"}
		})
	}},
	{name: "IDs sharing a long prefix", refused: "rule may take up to", ladder: func(tb testing.TB) []byte {
		return exampleWith(tb, func(l *ladder.Ladder) {
			prefix := strings.Repeat("x", 3_900_000)
			l.Levels[0].Requirements[0].ID = prefix + "a"
			l.Levels[0].Requirements[1].ID = prefix + "b"
			l.Rules = &rules.Rules{Skill: "count(hard, .id in map(soft, .id)) >= 0"}
		})
	}},
	{name: "a pattern on each of many levels", refused: "the patterns of this rule are of size", problems: 101, ladder: func(tb testing.TB) []byte {
		l := ladder.Ladder{ID: "p", Name: "P", Skills: []ladder.Skill{}}
		for i := range 2000 {
			l.Levels = append(l.Levels, ladder.Level{
				ID:           fmt.Sprint(i),
				Rules:        &rules.Rules{Skill: fmt.Sprintf(`'' matches '(?i)(?:[\\pL\\pN]{1,1000})Z%d'`, i)},
				Requirements: []ladder.Requirement{{ID: fmt.Sprintf("r%d", i), Kind: ladder.Hard, Text: "x"}},
			})
		}
		data, err := json.Marshal(&l)
		if err != nil {
			tb.Fatal(err)
		}
		return data
	}},
	{name: "patterns over the ladder's budget", refused: "the patterns of the ladder's rules are of size", ladder: func(tb testing.TB) []byte {
		l := ladder.Ladder{ID: "p", Name: "P", Skills: []ladder.Skill{}}
		for i := range 8 {
			l.Levels = append(l.Levels, ladder.Level{
				ID:           fmt.Sprint(i),
				Rules:        &rules.Rules{Skill: fmt.Sprintf(`'' matches '[a-z]{1,500}X%d'`, i)},
				Requirements: []ladder.Requirement{{ID: fmt.Sprintf("r%d", i), Kind: ladder.Hard, Text: "x"}},
			})
		}
		data, err := json.Marshal(&l)
		if err != nil {
			tb.Fatal(err)
		}
		return data
	}},
	{name: "many unknown fields", refused: "and 39900 more problems", problems: 101, ladder: func(tb testing.TB) []byte {
		var b strings.Builder
		b.WriteString(`{"id": "x", "name": "X", "skills": [], "levels": [{"id": "1", "requirements": [{"id": "r", "kind": "hard", "text": "t"}]}]`)
		for i := range 40000 {
			fmt.Fprintf(&b, `, "k%d": 1`, i)
		}
		b.WriteString("}")
		return []byte(b.String())
	}},
	{name: "many marks of unknown requirements", refused: "and 39901 more problems", problems: 101,
		// 40,000 problems, and the hint on ladderVersion first.
		ladder: func(tb testing.TB) []byte { return exampleWith(tb, func(*ladder.Ladder) {}) },
		assessment: func(tb testing.TB) []byte {
			marks := map[string]ladder.Mark{}
			for i := range 40000 {
				marks[fmt.Sprintf("unknown-%d", i)] = ladder.Mark{Status: ladder.Reached}
			}
			data, err := json.Marshal(ladder.Assessment{Ladder: "devops-technical-mastery", Subject: "x", Marks: marks})
			if err != nil {
				tb.Fatal(err)
			}
			return data
		}},
	{name: "empty skills", refused: "and more problems: the check stopped after the first 100", problems: 101, ladder: func(tb testing.TB) []byte {
		return []byte(`{"id":"x","skills":[` + strings.TrimSuffix(strings.Repeat("{},", 200_000), ",") + `]}`)
	}},
	{name: "integers as skills", refused: "and more problems: the check stopped after the first 100", problems: 101, ladder: func(tb testing.TB) []byte {
		return []byte(`{"id":"x","skills":[` + strings.TrimSuffix(strings.Repeat("1,", 200_000), ",") + `]}`)
	}},
	{name: "many bad marks", refused: "and more problems: the check stopped after the first 100", problems: 101,
		ladder: func(tb testing.TB) []byte { return exampleWith(tb, func(*ladder.Ladder) {}) },
		assessment: func(tb testing.TB) []byte {
			var b strings.Builder
			b.WriteString(`{"ladder": "devops-technical-mastery", "subject": "x", "marks": {`)
			for i := range 100_000 {
				if i > 0 {
					b.WriteString(",")
				}
				fmt.Fprintf(&b, `"m%d": {"status": "done"}`, i)
			}
			b.WriteString("}}")
			return []byte(b.String())
		}},
}

// Cases of the shapes of "Any ladder": what they cost must grow with the
// document, not with tracks × levels or skills × levels.
var hostileShapes = []hostileCase{
	{name: "many tracks after many shared levels", ladder: func(tb testing.TB) []byte {
		l := ladder.Ladder{ID: "t", Name: "T", Skills: []ladder.Skill{}, Rules: &rules.Rules{Level: "points >= level.threshold"}}
		for i := range 20_000 {
			l.Levels = append(l.Levels, ladder.Level{ID: fmt.Sprintf("s%d", i)})
		}
		for i := range 20_000 {
			l.Tracks = append(l.Tracks, ladder.Track{ID: fmt.Sprintf("t%d", i), Name: "T"})
			l.Levels = append(l.Levels, ladder.Level{ID: fmt.Sprintf("l%d", i), Track: fmt.Sprintf("t%d", i), Threshold: 1})
		}
		return marshal(tb, &l)
	}, assessment: func(tb testing.TB) []byte {
		return []byte(`{"ladder": "t", "subject": "x", "marks": {}}`)
	}},
	{name: "many tracks over the groups of many skills", ladder: func(tb testing.TB) []byte {
		l := ladder.Ladder{ID: "t", Name: "T", ImpliedSteps: true}
		for s := range 50 {
			l.Skills = append(l.Skills, ladder.Skill{ID: fmt.Sprintf("s%d", s), Name: "S"})
		}
		shared := ladder.Level{ID: "shared"}
		for s := range 50 {
			shared.Requirements = append(shared.Requirements, ladder.Requirement{ID: fmt.Sprintf("r-%d", s), Skill: fmt.Sprintf("s%d", s), Kind: ladder.Hard, Text: "t"})
		}
		l.Levels = append(l.Levels, shared)
		for t := range 500 {
			l.Tracks = append(l.Tracks, ladder.Track{ID: fmt.Sprintf("t%d", t), Name: "T"})
			lv := ladder.Level{ID: fmt.Sprintf("l%d", t), Track: fmt.Sprintf("t%d", t)}
			for s := range 50 {
				lv.Requirements = append(lv.Requirements, ladder.Requirement{ID: fmt.Sprintf("r%d-%d", t, s), Skill: fmt.Sprintf("s%d", s), Kind: ladder.Hard, Text: "t"})
			}
			l.Levels = append(l.Levels, lv)
		}
		return marshal(tb, &l)
	}, assessment: func(tb testing.TB) []byte {
		return []byte(`{"ladder": "t", "subject": "x", "marks": {"r7-3": {"status": "reached"}}}`)
	}},
	{name: "skillLevels read over many skills at many levels", refused: "the rules may take up to", ladder: func(tb testing.TB) []byte {
		l := ladder.Ladder{ID: "t", Name: "T", Rules: &rules.Rules{Level: "len(skillLevels) > 0"}}
		for s := range 100_000 {
			l.Skills = append(l.Skills, ladder.Skill{ID: fmt.Sprintf("s%d", s), Name: "S"})
		}
		for i := range 20 {
			l.Levels = append(l.Levels, ladder.Level{ID: fmt.Sprintf("l%d", i)})
		}
		return marshal(tb, &l)
	}},
}

func marshal(tb testing.TB, v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func init() { hostileCases = append(hostileCases, hostileShapes...) }

func TestHostileDocuments(t *testing.T) {
	for _, tc := range hostileCases {
		t.Run(tc.name, func(t *testing.T) {
			err := runHostile(t, tc)
			if tc.refused == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var le *ladder.Error
			if !errors.As(err, &le) {
				t.Fatalf("got %.300v, want a *ladder.Error saying %q", err, tc.refused)
			}
			if !strings.Contains(err.Error(), tc.refused) {
				t.Errorf("got %.500v\nwant it to say %q", err, tc.refused)
			}
			if tc.problems > 0 && len(le.Problems) != tc.problems {
				t.Errorf("got %d problems, want %d", len(le.Problems), tc.problems)
			}
		})
	}
}

// runHostile parses the case's ladder and, when it has one, parses and
// evaluates its assessment.
func runHostile(tb testing.TB, tc hostileCase) error {
	l, err := ladder.Parse(tc.ladder(tb))
	if err != nil || tc.assessment == nil {
		return err
	}
	a, err := ladder.ParseAssessment(tc.assessment(tb))
	if err != nil {
		return err
	}
	_, err = l.Evaluate(a)
	return err
}

// An assessment read by ParseAssessment and changed afterwards gets the
// checks of one built in Go: a reason over the limit is refused, not run
// through the rules at a cost they were not bounded for.
func TestEditedAssessmentIsChecked(t *testing.T) {
	l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ladder.LoadAssessment("examples/devops-technical-mastery/bruno-squad-expert.json")
	if err != nil {
		t.Fatal(err)
	}
	for id, m := range a.Marks {
		m.Reason = strings.Repeat("x", 4<<20)
		a.Marks[id] = m
		break
	}
	_, err = l.Evaluate(a)
	if err == nil || !strings.Contains(err.Error(), "/reason: is 4194304 characters long, over the limit of 1000") {
		t.Errorf("got %.300v, want the long reason refused", err)
	}
}

// BenchmarkHostile measures each hostile case: parsing, and evaluating
// where it has an assessment.
//
//	go test -run XXX -bench BenchmarkHostile -benchmem .
func BenchmarkHostile(b *testing.B) {
	for _, tc := range hostileCases {
		b.Run(strings.ReplaceAll(tc.name, " ", "-"), func(b *testing.B) {
			ladderDoc := tc.ladder(b)
			var assessment []byte
			if tc.assessment != nil {
				assessment = tc.assessment(b)
			}
			c := tc
			c.ladder = func(testing.TB) []byte { return ladderDoc }
			if assessment != nil {
				c.assessment = func(testing.TB) []byte { return assessment }
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = runHostile(b, c)
			}
		})
	}
}
