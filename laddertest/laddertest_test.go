package laddertest_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/laddertest"
	"github.com/ladderkit/ladder/rules"
)

const example = "../examples/devops-technical-mastery/"

// withRules returns the example ladder with rules on it.
func withRules(t *testing.T, rules rules.Rules) *ladder.Ladder {
	t.Helper()
	data, err := os.ReadFile(example + "ladder.json")
	if err != nil {
		t.Fatal(err)
	}
	var l ladder.Ladder
	if err := json.Unmarshal(data, &l); err != nil {
		t.Fatal(err)
	}
	l.Rules = &rules
	out, err := json.Marshal(&l)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := ladder.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	return parsed
}

func TestCheckMonotoneDefaults(t *testing.T) {
	laddertest.CheckMonotone(t, laddertest.MustLoad(t, example+"ladder.json"))
}

// The rules of docs/rules.md that are meant to be monotone are.
func TestMonotoneRulesPass(t *testing.T) {
	for _, rules := range []rules.Rules{
		{Skill: "all(hard, .reached) and share(soft) >= 0.5"},
		{Skill: "all(hard, .reached) and none(soft, .status == 'not_yet')"},
		{Level: "missing(skills) <= 1"},
		{Skill: "level.rank >= 3 ? missing(hard) <= 1 : all(hard, .reached)"},
		{Level: "all(skills, .reached) and reachMark.status != 'not_yet'"},
	} {
		c, err := laddertest.Search{Tests: 100, Seed: 1}.FindNonMonotone(withRules(t, rules))
		if err != nil || c != nil {
			t.Errorf("rules %+v: got %v, %v; want no counterexample", rules, c, err)
		}
	}
}

// A deliberately broken rule is caught, with a small counterexample that
// lowers the rank.
func TestBrokenRuleIsCaught(t *testing.T) {
	for _, tc := range []struct {
		rules rules.Rules
		// what is marked reached: a soft requirement, or a level mark
		changed string
		// whether the rank drops: with the first rule, a skill without
		// soft requirements is never reached, so neither is any level.
		drops bool
	}{
		{rules.Rules{Skill: "count(soft, .reached) == 1"}, "-", false},
		{rules.Rules{Skill: "all(hard, .reached) and (len(soft) == 0 or count(soft, .reached) == 1)"}, "-", true},
		{rules.Rules{Level: "all(skills, .reached) and reachMark.status != 'reached'"}, "the reach of level", true},
	} {
		l := withRules(t, tc.rules)
		c, err := laddertest.Search{Seed: 42}.FindNonMonotone(l)
		if err != nil {
			t.Fatal(err)
		}
		if c == nil {
			t.Fatalf("rules %+v: no counterexample found", tc.rules)
		}
		t.Logf("rules %+v:\n%s", tc.rules, c)
		if drops := c.RankBefore > c.RankAfter; drops != tc.drops {
			t.Errorf("got ranks %d then %d, want a drop: %v", c.RankBefore, c.RankAfter, tc.drops)
		}
		if !strings.Contains(c.Changed, tc.changed) {
			t.Errorf("changed %q, want %q", c.Changed, tc.changed)
		}
		// Small: besides the marks of the levels below the lost one, which
		// must be reached for the rank to drop, only what the lost level
		// needs (a random assessment has dozens of marks; level 5 needs 7
		// to be reached under the second rule) and none above.
		level := map[string]int{}
		for i, lv := range l.Levels {
			for _, r := range lv.Requirements {
				level[r.ID] = i + 1
			}
		}
		lost, _ := strconv.Atoi(c.Level)
		at, above := 0, 0
		for id := range c.Before.Marks {
			switch {
			case level[id] == lost:
				at++
			case level[id] > lost:
				above++
			}
		}
		if at > 7 || above > 0 {
			t.Errorf("the counterexample has %d marks on level %s and %d above, want at most 7 and none:\n%s", at, c.Level, above, c)
		}
		// It replays: the same seed finds the same counterexample.
		again, err := laddertest.Search{Seed: 42}.FindNonMonotone(l)
		if err != nil || again.String() != c.String() {
			t.Errorf("replay with the same seed gave\n%v\nwant\n%s", again, c)
		}
	}
}

func TestRunCasesOnTheExample(t *testing.T) {
	laddertest.RunCases(t, example+"cases.json")
}

// A pinned rank that is not the ladder's says what is wrong.
func TestPinnedCheckFails(t *testing.T) {
	l := laddertest.MustLoad(t, example+"ladder.json")
	err := laddertest.Pinned{Assessment: "chloe-gap.json", Rank: 4, Note: "promoted last week"}.Check(l, example)
	want := example + "chloe-gap.json gives rank 2, not 4 (promoted last week)\n\tlevel 3 is not reached: Quality misses l3-quality-creates-few-bugs"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	err = laddertest.Pinned{Assessment: "alice-newcomer.json", Rank: 0}.Check(l, example)
	want = example + "alice-newcomer.json gives rank 1, not 0\n\tlevel 1 is reached"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestLoadCasesIsStrict(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cases.json")
	for _, tc := range []struct{ doc, want string }{
		{`{"ladder": "l.json", "cases": [{"assessment": "a.json", "rnk": 1}]}`,
			":1:32: /cases/0: missing required field \"rank\"\n" + path + ":1:57: /cases/0/rnk: unknown field \"rnk\""},
		{`{"ladder": "l.json", "cases": []}`,
			":1:31: /cases: must be an array of at least one case"},
		{`{"ladder": "l.json", "LADDER": "m.json", "cases": [{"assessment": "a.json", "rank": 1, "rank": 0}]} {`,
			":1:88: /cases/0/rank: duplicate key \"rank\" (first at 1:77): a later key would silently replace the earlier one\n" +
				path + ":1:101: unexpected \"{\" after the end of the document"},
		{`{"ladder": 3, "cases": [{"assessment": "a.json", "rank": -1}]}`,
			":1:12: /ladder: must be a string that is not empty\n" + path + ":1:58: /cases/0/rank: must be a rank: 0 or a positive integer"},
		{`{"ladder": "l", "cases": [{"assessment": "a", "rank": 1, "skills": {"a": 1.5}, "values": [], "points": -2, "track": ""}]}`,
			":1:74: /cases/0/skills/a: must be a skill level: 0 or a positive integer\n" +
				path + ":1:90: /cases/0/values: must be an object of numbers by value ID\n" +
				path + ":1:104: /cases/0/points: must be a number of points: 0 or a positive integer\n" +
				path + ":1:117: /cases/0/track: must be a string that is not empty"},
		{`{"ladder": "l", "cases": [{"assessment": "a", "rank": 1, "values": {"x": "1"}, "skills": 2}]}`,
			":1:74: /cases/0/values/x: must be a number\n" + path + ":1:90: /cases/0/skills: must be an object of skill levels by skill ID"},
	} {
		if err := os.WriteFile(path, []byte(tc.doc), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := laddertest.LoadCases(path)
		if err == nil || err.Error() != path+tc.want {
			t.Errorf("LoadCases(%s):\ngot  %v\nwant %s", tc.doc, err, path+tc.want)
		}
	}
}

// Every generated shape gives a ladder that parses, and its marks an
// assessment that evaluates; ShapeOf gives the shape back.
func TestGeneratorsMakeValidDocuments(t *testing.T) {
	params := gopter.DefaultTestParametersWithSeed(7)
	properties := gopter.NewProperties(params)
	properties.Property("generated cases parse and evaluate", prop.ForAll(func(c laddertest.Case) bool {
		l, err := c.Shape.Ladder()
		if err != nil {
			t.Log(err)
			return false
		}
		if _, err := l.Evaluate(c.Marks.Assessment(l)); err != nil {
			t.Log(err)
			return false
		}
		back := laddertest.ShapeOf(l)
		want := c.Shape
		for i := range want.Levels {
			for j := range want.Levels[i] {
				if want.Levels[i][j].Skill >= want.Skills {
					want.Levels[i][j].Skill = -1
				}
			}
		}
		got, _ := json.Marshal(back)
		wantJSON, _ := json.Marshal(want)
		return string(got) == string(wantJSON)
	}, laddertest.GenCase()))
	properties.TestingRun(t)
}

// The generators of any ladder make ladders that parse and evaluate, whose
// shape reads back as generated, and GenLadder and GenAssessment make
// ladders and assessments that fit each other; MustLoadAssessment loads.
func TestAnyGeneratorsMakeValidDocuments(t *testing.T) {
	params := gopter.DefaultTestParametersWithSeed(11)
	properties := gopter.NewProperties(params)
	properties.Property("generated cases of any ladder parse and evaluate", prop.ForAll(func(c laddertest.Case) bool {
		l, err := c.Shape.Ladder()
		if err != nil {
			t.Log(c, err)
			return false
		}
		if _, err := l.Evaluate(c.Marks.Assessment(l)); err != nil {
			t.Log(err)
			return false
		}
		// Read back, the shape is the ladder's: built again, it is the
		// same ladder.
		again, err := laddertest.ShapeOf(l).Ladder()
		if err != nil {
			t.Log(err)
			return false
		}
		got, _ := json.Marshal(laddertest.ShapeOf(again))
		want, _ := json.Marshal(laddertest.ShapeOf(l))
		return string(got) == string(want)
	}, laddertest.GenAnyCase(rules.Rules{}, rules.Rules{Level: "points >= level.threshold"})))
	properties.Property("generated ladders take generated assessments", prop.ForAll(func(l *ladder.Ladder, seed int64) bool {
		p := gopter.DefaultGenParameters().CloneWithSeed(seed)
		a, ok := laddertest.GenAssessment(l)(p).Retrieve()
		if !ok {
			return false
		}
		_, err := l.Evaluate(a.(*ladder.Assessment))
		return err == nil
	}, laddertest.GenLadder(), gen.Int64()))
	properties.TestingRun(t)
	if a := laddertest.MustLoadAssessment(t, example+"alice-newcomer.json"); a.Subject != "alice" {
		t.Errorf("MustLoadAssessment: subject %q", a.Subject)
	}
}

// Shrinking yields smaller values only: fewer marks, smaller shapes.
func TestShrinking(t *testing.T) {
	// A property that fails for ladders of more than 3 requirements
	// shrinks to 4.
	params := gopter.DefaultTestParametersWithSeed(3)
	res := prop.ForAll(func(s laddertest.Shape) bool {
		n := 0
		for _, reqs := range s.Levels {
			n += len(reqs)
		}
		return n <= 3
	}, laddertest.GenShape()).Check(params)
	if res.Passed() {
		t.Fatal("the property passed, want it to fail")
	}
	s := res.Args[0].Arg.(laddertest.Shape)
	n := 0
	for _, reqs := range s.Levels {
		n += len(reqs)
		for _, r := range reqs {
			if r.Skill >= 0 {
				t.Errorf("shrunk shape %+v still has a skilled requirement", s)
			}
		}
	}
	if n != 4 || s.Skills != 0 {
		t.Errorf("shrunk to %+v (%d requirements), want 4 general requirements and no skills", s, n)
	}
}

// A group that misses no hard requirement but fails its rule says so, and
// lists its soft requirements not reached, rather than an empty list.
func TestPinnedCheckExplainsSoftRequirements(t *testing.T) {
	l := withRules(t, rules.Rules{Skill: "all(hard, .reached) and share(soft) >= 0.5"})
	err := laddertest.Pinned{Assessment: "bruno-squad-expert.json", Rank: 3}.Check(l, example)
	want := example + "bruno-squad-expert.json gives rank 1, not 3\n\tlevel 2 is not reached: DevOps has every hard requirement, but its rule is not met; soft requirements not reached: l2-devops-helps-newcomers-learn-ropes"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v\nwant it to start with %s", err, want)
	}
}

// The counterexample lists only the marks that matter, one a line.
func TestCounterexampleIsMinimal(t *testing.T) {
	l := withRules(t, rules.Rules{Skill: "all(hard, .reached) and (len(soft) == 0 or count(soft, .reached) == 1)"})
	c, err := laddertest.Search{Seed: 42}.FindNonMonotone(l)
	if err != nil || c == nil {
		t.Fatalf("got %v, %v; want a counterexample", c, err)
	}
	lines := strings.Split(c.String(), "\n")
	if lines[1] != "before:" || !strings.HasPrefix(lines[len(lines)-1], "after: the same, with ") {
		t.Fatalf("got\n%s\nwant a line a mark between before: and after:", c)
	}
	// Each mark is needed: without it, the loss is not the same.
	marks := lines[2 : len(lines)-1]
	for _, line := range marks {
		if !strings.HasPrefix(line, "  ") || !strings.Contains(line, ": ") {
			t.Errorf("line %q is not a mark", line)
		}
	}
	if len(c.Before.Marks) != countRequirementMarks(marks) {
		t.Errorf("the assessment has %d marks, the text lists %d", len(c.Before.Marks), countRequirementMarks(marks))
	}
	t.Logf("%s", c)
}

func countRequirementMarks(lines []string) int {
	n := 0
	for _, l := range lines {
		if !strings.HasPrefix(l, "  the ") {
			n++
		}
	}
	return n
}

// FindConstant finds what the rules of a ladder decide whatever the
// assessment: what is not reached even with everything reached, and what
// is reached with nothing reached.
func TestFindConstant(t *testing.T) {
	for _, tc := range []struct {
		rules rules.Rules
		want  []string
	}{
		{rules.Rules{}, nil},
		{rules.Rules{Skill: "all(hard, .reached) and share(soft) >= 0.5"}, nil},
		{rules.Rules{Level: "all(skills, .reached) and len(skills) > 50"}, []string{
			`level "1" is not reached, even with every requirement and level mark reached`,
			`level "2" is not reached, even with every requirement and level mark reached`,
			`level "3" is not reached, even with every requirement and level mark reached`,
			`level "4" is not reached, even with every requirement and level mark reached`,
			`level "5" is not reached, even with every requirement and level mark reached`,
			`level "6" is not reached, even with every requirement and level mark reached`,
		}},
		// Level 6 of the example has one group, which can lag.
		{rules.Rules{Level: "missing(skills) <= 1"}, []string{
			`level "6" is reached with nothing reached: with no mark at all`,
		}},
		{rules.Rules{Skill: "none(hard, .status == 'not_yet')"}, []string{
			`skill "DevOps" at level "1" is reached with nothing reached: with no mark at all`,
		}},
	} {
		got, err := laddertest.FindConstant(withRules(t, tc.rules))
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, c := range got {
			texts = append(texts, c.String())
		}
		if len(texts) > len(tc.want) && len(tc.want) > 0 {
			texts = texts[:len(tc.want)]
		}
		if strings.Join(texts, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("rules %+v:\ngot  %q\nwant %q", tc.rules, texts, tc.want)
		}
	}
}
