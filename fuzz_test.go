package ladder_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
)

// Seeds of the fuzz targets come from testdata/fuzz/FuzzX and from the
// example files. Run a target for a while with, for example:
//
//	go test -run XXX -fuzz FuzzParse -fuzztime 5m .

// checkLocated fails unless err is nil or a *ladder.Error whose problems
// each say where they are.
func checkLocated(t *testing.T, err error, data []byte) {
	if err == nil {
		return
	}
	var le *ladder.Error
	if !errors.As(err, &le) {
		t.Fatalf("error %T is not a *ladder.Error: %v", err, err)
	}
	if len(le.Problems) == 0 {
		t.Fatal("a *ladder.Error without problems")
	}
	for _, p := range le.Problems {
		if p.Message == "" {
			t.Errorf("problem without a message: %+v", p)
		}
		if data != nil && (p.Line < 1 || p.Column < 1) {
			t.Errorf("problem without a position: %+v", p)
		}
		if strings.Contains(p.String(), "\n") && p.Snippet == "" {
			t.Errorf("problem over several lines: %q", p.String())
		}
	}
}

func addExamples(f *testing.F, assessments bool) {
	files, _ := filepath.Glob("examples/*/*.json")
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		if strings.Contains(string(data), `"marks"`) == assessments && filepath.Base(path) != "cases.json" {
			f.Add(data)
		}
	}
}

// FuzzParse: Parse never panics; every error is located; what it accepts
// survives a round trip.
func FuzzParse(f *testing.F) {
	addExamples(f, false)
	f.Add([]byte(small))
	f.Add([]byte(withRules(`{"skill": "all(hard, .reached) and share(soft) >= 0.5", "level": "missing(skills) <= 1"}`, `{"skill": "missing(hard) <= 1"}`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ladder.Parse(data)
		checkLocated(t, err, data)
		if err != nil {
			return
		}
		out, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		l2, err := ladder.Parse(out)
		if err != nil {
			t.Fatalf("Parse(Marshal(%q)) failed: %v", data, err)
		}
		out2, _ := json.Marshal(l2)
		if string(out) != string(out2) {
			t.Fatalf("round trip changed the ladder:\n%s\n%s", out, out2)
		}
	})
}

// FuzzParseAssessment: ParseAssessment never panics; every error is
// located; what it accepts survives a round trip and evaluates against the
// example ladder without a panic, with located errors.
func FuzzParseAssessment(f *testing.F) {
	addExamples(f, true)
	f.Add([]byte(`{"ladder": "t", "subject": "s", "marks": {"r1": {"status": "reached"}}, "levels": {"1": {"reach": {"status": "not_yet"}}}}`))
	l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ladder.ParseAssessment(data)
		checkLocated(t, err, data)
		if err != nil {
			return
		}
		out, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ladder.ParseAssessment(out); err != nil {
			t.Fatalf("ParseAssessment(Marshal(%q)) failed: %v", data, err)
		}
		_, err = l.Evaluate(a)
		checkLocated(t, err, data)
	})
}

// FuzzEvaluate: a ladder with any rules, and any marks, evaluate without a
// panic; each error of Parse is located; and when Parse accepts the rules,
// Evaluate gives a verdict, the one each rule's program gives run alone on
// what it sees at each group and level.
func FuzzEvaluate(f *testing.F) {
	f.Add("all(hard, .reached)", "all(skills, .reached)", []byte{1, 2, 0, 3, 1, 1})
	f.Add("missing(hard) <= 1 and share(soft) > 0.5", "missing(skills) <= 1 and reachMark.reached", []byte{1, 1, 1, 1, 2, 2, 3})
	f.Add("any(hard, .reason == 'waived') or count(soft, .status == 'not_yet') == 0", "all(skills, all(.hard, .reached))", []byte{2, 2, 1})
	f.Add("hard[1].reached", "len(skills) % (len(skills) - 1) == 0", []byte{0})
	f.Fuzz(func(t *testing.T, skill, level string, marks []byte) {
		doc := withRules(`{"skill": `+jsonString(skill)+`, "level": `+jsonString(level)+`}`, "")
		l, err := ladder.Parse([]byte(doc))
		checkLocated(t, err, []byte(doc))
		if err != nil {
			return
		}
		a := &ladder.Assessment{Ladder: "t", Subject: "s", Marks: map[string]ladder.Mark{}}
		ids := []string{"1a-h1", "1a-h2", "1a-s1", "1b-h1", "1g-h1", "2b-h1", "2a-s1", "3a-h1"}
		statuses := []ladder.Status{ladder.Reached, ladder.NotYet, ladder.NotApplicable}
		for i, m := range marks {
			if m%4 > 0 && i < len(ids) {
				a.Marks[ids[i]] = ladder.Mark{Status: statuses[m%4-1], Reason: strings.Repeat("waived", int(m/4)%2)}
			}
		}
		res, err := l.Evaluate(a)
		if err != nil {
			t.Fatalf("skill rule %q, level rule %q passed Parse, but Evaluate failed: %v", skill, level, err)
		}
		if err := sameVerdicts(l, a, res); err != nil {
			t.Fatalf("skill rule %q, level rule %q: %v", skill, level, err)
		}
	})
}

func jsonString(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}

// shapesLadder has skills with steps worth points and a skill without,
// shared levels then two tracks, thresholds, profiles and implied steps:
// FuzzEvaluateShapes sets its rules.
const shapesLadder = `{
  "id": "f", "name": "F", "impliedSteps": true,
  "tracks": [{"id": "ic", "name": "IC"}, {"id": "em", "name": "EM"}],
  "rules": {"skill": %s, "level": %s},
  "values": [{"id": "v", "name": "V", "rule": %s}],
  "skills": [
    {"id": "code", "name": "Code", "steps": [
      {"id": "c1", "points": 1, "requirements": [{"id": "c1r", "kind": "hard", "text": "c1", "points": 2}]},
      {"id": "c2", "points": 3, "requirements": [{"id": "c2r", "kind": "hard", "text": "c2"}, {"id": "c2s", "kind": "soft", "text": "c2 soft"}]}]},
    {"id": "ops", "name": "Ops"}
  ],
  "levels": [
    {"id": "1", "threshold": 1, "requirements": [{"id": "1o", "skill": "ops", "kind": "hard", "text": "1o"}]},
    {"id": "2", "threshold": 3, "profile": {"code": 1}, "requirements": [{"id": "2o", "skill": "ops", "kind": "hard", "text": "2o"}, {"id": "2g", "kind": "soft", "text": "2g"}]},
    {"id": "ic3", "track": "ic", "threshold": 5, "profile": {"code": 2, "ops": 2}},
    {"id": "em3", "track": "em", "label": "EM3", "threshold": 4, "requirements": [{"id": "em3o", "skill": "ops", "kind": "hard", "text": "em3o"}]}
  ]
}`

// Rules on the shapes of any ladder: one that Parse accepts evaluates on
// every assessment, on every track, without failing.
func FuzzEvaluateShapes(f *testing.F) {
	f.Add("all(hard, .reached)", "points >= level.threshold", "next.rank > 0 ? max(0, next.threshold - points) : 0", []byte{1, 2, 0, 3}, byte(0))
	f.Add("missing(hard) <= 1", "all(skills, .reached) and count(skillLevels, .level >= 1) >= 1", "sum(skillLevels, .points) / max(1, rank)", []byte{1, 1, 1, 1, 1, 1}, byte(1))
	f.Add("level.rank < 2 or all(soft, .reached)", "len(skillLevels) > 1 and points % 2 == 0", "points * 2", []byte{3, 3, 2}, byte(2))
	f.Fuzz(func(t *testing.T, skill, level, value string, marks []byte, track byte) {
		doc := fmt.Sprintf(shapesLadder, jsonString(skill), jsonString(level), jsonString(value))
		l, err := ladder.Parse([]byte(doc))
		checkLocated(t, err, []byte(doc))
		if err != nil {
			return
		}
		a := &ladder.Assessment{Ladder: "f", Subject: "s", Marks: map[string]ladder.Mark{}, Track: []string{"", "ic", "em"}[track%3]}
		ids := []string{"c1r", "c2r", "c2s", "1o", "2o", "2g", "em3o"}
		statuses := []ladder.Status{ladder.Reached, ladder.NotYet, ladder.NotApplicable}
		for i, m := range marks {
			if m%4 > 0 && i < len(ids) {
				a.Marks[ids[i]] = ladder.Mark{Status: statuses[m%4-1], Reason: strings.Repeat("r", int(m/4)%3)}
			}
		}
		res, err := l.Evaluate(a)
		if err != nil {
			t.Fatalf("rules %q, %q, %q passed Parse, but Evaluate failed: %v", skill, level, value, err)
		}
		if res.Rank < 0 || len(res.Tracks) != 2 || len(res.Values) != 1 || math.IsNaN(res.Values[0].Value) || math.IsInf(res.Values[0].Value, 0) {
			t.Fatalf("rules %q, %q, %q: result %+v", skill, level, value, res)
		}
	})
}
