package ladder_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/rules"
	"github.com/ladderkit/ladder/schema"
)

// testLadder has three levels over skills a and b. Level 1 has groups a, b
// and general; level 2 writes b before a, and a has only a soft
// requirement; level 3 has only a.
const testLadder = `{
  "id": "t", "name": "T", "version": "2",
  "skills": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
  "levels": [
    {"id": "1", "name": "One", "reach": "Self", "requirements": [
      {"id": "1a-h1", "skill": "a", "kind": "hard", "text": "a hard one"},
      {"id": "1a-h2", "skill": "a", "kind": "hard", "text": "a hard two"},
      {"id": "1a-s1", "skill": "a", "kind": "soft", "text": "a soft one"},
      {"id": "1b-h1", "skill": "b", "kind": "hard", "text": "b hard one"},
      {"id": "1g-h1", "kind": "hard", "text": "general hard one"}]},
    {"id": "2", "name": "Two", "requirements": [
      {"id": "2b-h1", "skill": "b", "kind": "hard", "text": "b hard"},
      {"id": "2a-s1", "skill": "a", "kind": "soft", "text": "a soft"}]},
    {"id": "3", "name": "Three", "requirements": [
      {"id": "3a-h1", "skill": "a", "kind": "hard", "text": "a hard"}]}
  ]
}`

func mustParse(t testing.TB, doc string) *ladder.Ladder {
	t.Helper()
	l, err := ladder.Parse([]byte(doc))
	if err != nil {
		t.Fatalf("Parse failed: %v", err)
	}
	return l
}

// assess builds an assessment of the test ladder from "id=status" pairs.
func assess(t testing.TB, marks ...string) *ladder.Assessment {
	t.Helper()
	a := &ladder.Assessment{Ladder: "t", Subject: "s", Marks: map[string]ladder.Mark{}}
	for _, m := range marks {
		id, status, ok := strings.Cut(m, "=")
		if !ok {
			t.Fatalf("bad mark %q", m)
		}
		a.Marks[id] = ladder.Mark{Status: ladder.Status(status)}
	}
	return a
}

func evaluate(t testing.TB, l *ladder.Ladder, a *ladder.Assessment) *ladder.Result {
	t.Helper()
	res, err := l.Evaluate(a)
	if err != nil {
		t.Fatalf("Evaluate failed: %v", err)
	}
	return res
}

// groups describes a level's groups as "skill:reached" (general is "*").
func groups(lv ladder.LevelResult) string {
	var parts []string
	for _, g := range lv.Groups {
		name := g.Skill
		if g.General {
			name = "*"
		}
		parts = append(parts, fmt.Sprintf("%s:%v", name, g.Reached))
	}
	return strings.Join(parts, " ")
}

// Point 1: a level's groups are one per skill with requirements there, in
// the ladder's order of skills, then the general group.
func TestGroupsFollowSkillOrderThenGeneral(t *testing.T) {
	res := evaluate(t, mustParse(t, testLadder), assess(t))
	var got []string
	for _, lv := range res.Levels {
		var names []string
		for _, g := range lv.Groups {
			names = append(names, fmt.Sprintf("%s/%s/%v", g.Skill, g.Name, g.General))
		}
		got = append(got, strings.Join(names, " "))
	}
	want := []string{"a/A/false b/B/false /General/true", "a/A/false b/B/false", "a/A/false"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Point 2: a group is reached when every hard requirement in it is;
// not_applicable ones are left out, unassessed ones are not reached, soft
// ones do not decide.
func TestGroupReached(t *testing.T) {
	l := mustParse(t, testLadder)
	for _, tc := range []struct {
		name  string
		marks []string
		want  string // level 1's groups
	}{
		{"nothing marked", nil, "a:false b:false *:false"},
		{"all hard reached", []string{"1a-h1=reached", "1a-h2=reached", "1b-h1=reached", "1g-h1=reached"}, "a:true b:true *:true"},
		{"one hard not yet", []string{"1a-h1=reached", "1a-h2=not_yet", "1b-h1=reached"}, "a:false b:true *:false"},
		{"one hard unassessed", []string{"1a-h1=reached", "1b-h1=reached"}, "a:false b:true *:false"},
		{"not_applicable left out", []string{"1a-h1=reached", "1a-h2=not_applicable"}, "a:true b:false *:false"},
		{"all hard not_applicable", []string{"1a-h1=not_applicable", "1a-h2=not_applicable"}, "a:true b:false *:false"},
		{"soft not yet does not decide", []string{"1a-h1=reached", "1a-h2=reached", "1a-s1=not_yet"}, "a:true b:false *:false"},
		{"soft reached does not make up for hard", []string{"1a-h1=reached", "1a-s1=reached"}, "a:false b:false *:false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := evaluate(t, l, assess(t, tc.marks...))
			if got := groups(res.Levels[0]); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

// A group with only soft requirements has no hard requirement left to
// miss: it is reached, as all(hard, .reached) is of an empty list.
func TestSoftOnlyGroupIsReached(t *testing.T) {
	res := evaluate(t, mustParse(t, testLadder), assess(t, "2a-s1=not_yet"))
	g := res.Levels[1].Groups[0]
	if g.Skill != "a" || !g.Reached || g.Soft != (ladder.Count{Reached: 0, Total: 1}) {
		t.Errorf("got %+v, want group a reached with soft 0/1", g)
	}
}

// Point 3: a level is reached when all its groups are.
func TestLevelReached(t *testing.T) {
	l := mustParse(t, testLadder)
	level1 := []string{"1a-h1=reached", "1a-h2=reached", "1b-h1=reached"}
	res := evaluate(t, l, assess(t, level1...))
	if res.Levels[0].Reached {
		t.Errorf("level 1 reached without its general group: %s", groups(res.Levels[0]))
	}
	res = evaluate(t, l, assess(t, append(level1, "1g-h1=reached")...))
	if !res.Levels[0].Reached {
		t.Errorf("level 1 not reached with all groups reached: %s", groups(res.Levels[0]))
	}
}

// Point 4: the rank is the highest r with levels 1..r all reached.
func TestRankHasNoGaps(t *testing.T) {
	l := mustParse(t, testLadder)
	level1 := []string{"1a-h1=reached", "1a-h2=reached", "1b-h1=reached", "1g-h1=reached"}
	level2 := []string{"2b-h1=reached"}
	level3 := []string{"3a-h1=reached"}
	for _, tc := range []struct {
		name    string
		marks   [][]string
		rank    int
		reached []bool
	}{
		{"none", nil, 0, []bool{false, false, false}},
		{"level 1", [][]string{level1}, 1, []bool{true, false, false}},
		{"levels 1 and 2", [][]string{level1, level2}, 2, []bool{true, true, false}},
		{"all", [][]string{level1, level2, level3}, 3, []bool{true, true, true}},
		{"gap at 2", [][]string{level1, level3}, 1, []bool{true, false, true}},
		{"gap at 1", [][]string{level2, level3}, 0, []bool{false, true, true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var marks []string
			for _, m := range tc.marks {
				marks = append(marks, m...)
			}
			res := evaluate(t, l, assess(t, marks...))
			var reached []bool
			for _, lv := range res.Levels {
				reached = append(reached, lv.Reached)
			}
			if res.Rank != tc.rank || !reflect.DeepEqual(reached, tc.reached) {
				t.Errorf("got rank %d, levels %v; want rank %d, levels %v", res.Rank, reached, tc.rank, tc.reached)
			}
			if lv := res.Reached(); (lv == nil) != (tc.rank == 0) || lv != nil && lv.Rank != tc.rank {
				t.Errorf("Reached() = %+v, want the level of rank %d", lv, tc.rank)
			}
			if next := res.Next(); (next == nil) != (tc.rank == 3) || next != nil && next.Rank != tc.rank+1 {
				t.Errorf("Next() = %+v, want the level of rank %d", next, tc.rank+1)
			}
		})
	}
}

// Point 5: the result explains itself.
func TestResultExplains(t *testing.T) {
	l := mustParse(t, testLadder)
	a := assess(t, "1a-h1=reached", "1a-h2=not_yet", "1a-s1=reached", "1b-h1=not_applicable", "1g-h1=reached", "2a-s1=not_yet")
	a.Levels = map[string]ladder.LevelMarks{"1": {Reach: &ladder.Mark{Status: ladder.Reached, Reason: "r"}}}
	a.Marks["1a-h2"] = ladder.Mark{Status: ladder.NotYet, Reason: "no tests yet"}
	a.Assessor, a.Date = "dana", "2026-11-30"
	res := evaluate(t, l, a)
	req := func(id string, kind ladder.Kind, text string, status ladder.Status) ladder.RequirementResult {
		return ladder.RequirementResult{ID: id, Kind: kind, Text: text, Status: status}
	}
	none := []string{}
	want := &ladder.Result{
		Ladder: "t", LadderName: "T", Version: "2", Subject: "s", Assessor: "dana", Date: "2026-11-30", Rank: 0,
		// b is reached at level 1 (its only requirement does not apply)
		// and not at level 2; a is not reached at level 1.
		Skills: []ladder.SkillResult{{ID: "a", Name: "A", Level: 0}, {ID: "b", Name: "B", Level: 1}},
		Levels: []ladder.LevelResult{
			{Rank: 1, ID: "1", Name: "One", Reach: "Self", Reached: false,
				ReachMark: &ladder.Mark{Status: ladder.Reached, Reason: "r"},
				Groups: []ladder.GroupResult{
					{Skill: "a", Name: "A", Reached: false, Missing: []string{"1a-h2"}, SoftMissing: none, Unassessed: none,
						Hard: ladder.Count{Reached: 1, Total: 2}, Soft: ladder.Count{Reached: 1, Total: 1},
						Requirements: []ladder.RequirementResult{
							req("1a-h1", ladder.Hard, "a hard one", ladder.Reached),
							{ID: "1a-h2", Kind: ladder.Hard, Text: "a hard two", Status: ladder.NotYet, Reason: "no tests yet"},
							req("1a-s1", ladder.Soft, "a soft one", ladder.Reached),
						}},
					{Skill: "b", Name: "B", Reached: true, Missing: none, SoftMissing: none, Unassessed: none,
						Requirements: []ladder.RequirementResult{req("1b-h1", ladder.Hard, "b hard one", ladder.NotApplicable)}},
					{Name: "General", General: true, Reached: true, Missing: none, SoftMissing: none, Unassessed: none,
						Hard:         ladder.Count{Reached: 1, Total: 1},
						Requirements: []ladder.RequirementResult{req("1g-h1", ladder.Hard, "general hard one", ladder.Reached)}},
				}},
			{Rank: 2, ID: "2", Name: "Two", Reached: false, Groups: []ladder.GroupResult{
				{Skill: "a", Name: "A", Reached: true, Missing: none, SoftMissing: []string{"2a-s1"}, Unassessed: none,
					Soft:         ladder.Count{Reached: 0, Total: 1},
					Requirements: []ladder.RequirementResult{req("2a-s1", ladder.Soft, "a soft", ladder.NotYet)}},
				{Skill: "b", Name: "B", Reached: false, Missing: []string{"2b-h1"}, SoftMissing: none, Unassessed: []string{"2b-h1"},
					Hard:         ladder.Count{Reached: 0, Total: 1},
					Requirements: []ladder.RequirementResult{req("2b-h1", ladder.Hard, "b hard", ladder.Unassessed)}},
			}},
			{Rank: 3, ID: "3", Name: "Three", Reached: false, Groups: []ladder.GroupResult{
				{Skill: "a", Name: "A", Reached: false, Missing: []string{"3a-h1"}, SoftMissing: none, Unassessed: []string{"3a-h1"},
					Hard:         ladder.Count{Reached: 0, Total: 1},
					Requirements: []ladder.RequirementResult{req("3a-h1", ladder.Hard, "a hard", ladder.Unassessed)}},
			}},
		},
	}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("got\n%+v\nwant\n%+v", res, want)
	}
	if lv := res.Reached(); lv != nil {
		t.Errorf("Reached() = %+v, want nil at rank 0", lv)
	}
	if next := res.Next(); next != &res.Levels[0] {
		t.Errorf("Next() = %+v, want level 1", next)
	}
	for _, id := range []string{"1", "2", "3"} {
		if lv := res.Level(id); lv == nil || lv.ID != id {
			t.Errorf("Level(%q) = %+v", id, lv)
		}
	}
	if lv := res.Level("4"); lv != nil {
		t.Errorf("Level(\"4\") = %+v, want nil", lv)
	}
	if r := res.Requirement("1a-h2"); r != &res.Levels[0].Groups[0].Requirements[1] {
		t.Errorf("Requirement(\"1a-h2\") = %+v, want the second of level 1, skill a", r)
	}
	if r := res.Requirement("2b-h1"); r == nil || r.Status != ladder.Unassessed {
		t.Errorf("Requirement(\"2b-h1\") = %+v, want it unassessed", r)
	}
	if r := res.Requirement("nope"); r != nil {
		t.Errorf("Requirement(\"nope\") = %+v, want nil", r)
	}
}

// A parsed Ladder is safe for concurrent Evaluate calls: run under -race.
func TestEvaluateConcurrently(t *testing.T) {
	l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		t.Fatal(err)
	}
	var assessments []*ladder.Assessment
	var want []*ladder.Result
	for _, name := range exampleAssessments {
		a, err := ladder.LoadAssessment("examples/devops-technical-mastery/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		assessments = append(assessments, a)
		want = append(want, evaluate(t, l, a))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				k := (g + i) % len(assessments)
				res, err := l.Evaluate(assessments[k])
				if err != nil {
					t.Error(err)
					return
				}
				if !reflect.DeepEqual(res, want[k]) {
					t.Errorf("concurrent result for %s differs from the sequential one", exampleAssessments[k])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestEvaluateNotParsed(t *testing.T) {
	var l ladder.Ladder
	if _, err := l.Evaluate(assess(t)); err == nil || err.Error() != "ladder: Evaluate on a Ladder not made by Parse, Load or New" {
		t.Errorf("got %v, want the not-parsed error", err)
	}
	if _, err := mustParse(t, testLadder).Evaluate(nil); err == nil || err.Error() != "ladder: Evaluate of a nil Assessment" {
		t.Errorf("got %v, want the nil-assessment error", err)
	}
}

// Evaluate works from what Parse compiled: changing a parsed Ladder's
// fields changes neither how it evaluates nor what its results say.
func TestParsedLadderIgnoresChanges(t *testing.T) {
	l := mustParse(t, testLadder)
	want := evaluate(t, l, assess(t, "1a-h1=reached"))
	l.ID, l.Version, l.Name = "changed", "9", "Changed"
	l.Levels[0].Requirements = nil
	l.Rules = &rules.Rules{Skill: "false"}
	got := evaluate(t, l, assess(t, "1a-h1=reached"))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// A result read back from its JSON is the result, whether it was encoded
// as a value or through a pointer, and its JSON is what result.schema.json
// describes.
func TestResultJSONRoundTrip(t *testing.T) {
	l := mustParse(t, testLadder)
	a := assess(t, "1a-h1=reached", "1a-h2=reached", "1b-h1=reached", "1g-h1=reached", "2b-h1=not_yet")
	a.Levels = map[string]ladder.LevelMarks{"1": {Reach: &ladder.Mark{Status: ladder.Reached, Reason: "r"}}}
	a.Marks["2a-s1"] = ladder.Mark{Status: ladder.NotYet, Reason: "a reason"}
	results := []*ladder.Result{evaluate(t, l, a)}
	example, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range exampleAssessments {
		a, err := ladder.LoadAssessment("examples/devops-technical-mastery/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, evaluate(t, example, a))
	}
	// And the results of the other shapes: tracks, steps, points, values,
	// implied marks and details.
	for dir, names := range map[string][]string{
		"points-and-titles":        {"gus-engineer", "hana-no-track", "ivo-manager"},
		"shared-levels-two-tracks": {"dara-senior-1", "eli-manager", "fay-individual-gap"},
		"axes-and-roles":           {"ana-developer", "ben-no-track", "cleo-manager"},
	} {
		l, err := ladder.Load("examples/" + dir + "/ladder.json")
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			a, err := ladder.LoadAssessment("examples/" + dir + "/" + name + ".json")
			if err != nil {
				t.Fatal(err)
			}
			results = append(results, evaluate(t, l, a))
		}
	}
	for _, res := range results {
		byPointer, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		byValue, err := json.Marshal(*res)
		if err != nil {
			t.Fatal(err)
		}
		if string(byPointer) != string(byValue) {
			t.Errorf("by pointer:\n%s\nby value:\n%s", byPointer, byValue)
		}
		if err := schema.Result().Validate(byValue); err != nil {
			t.Errorf("%s: the JSON does not fit result.schema.json:\n%v", res.Subject, err)
		}
		var back ladder.Result
		if err := json.Unmarshal(byValue, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(&back, res) {
			t.Errorf("got %+v, want %+v", back, *res)
		}
	}
}

// runeCount counts as utf8.RuneCountInString does on valid UTF-8.
func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "a", "abcdefgh", "abcdefghi", "é", strings.Repeat("é", 9), strings.Repeat("😀", 1000), "日本語のテキスト", "a😀b日c" + strings.Repeat("x", 13)} {
		if got, want := ladder.RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// Evaluate allocates a fixed number of times, whatever the size of the
// ladder: the result's lists share arrays (see BenchmarkEvaluate).
func TestEvaluateAllocationsAreFlat(t *testing.T) {
	var counts []float64
	for _, size := range [][3]int{{2, 2, 4}, {10, 4, 8}, {40, 8, 12}} {
		doc, a := largeLadder(size[0], size[1], size[2])
		l := mustParse(t, doc)
		counts = append(counts, testing.AllocsPerRun(50, func() { evaluate(t, l, a) }))
	}
	t.Logf("allocations: %v", counts)
	// Under the race detector, sync.Pool drops some of what it is given,
	// and an evaluation then allocates a new input: a fixed number more.
	for _, n := range counts {
		if n > 12 || n > counts[0]+3 {
			t.Errorf("allocations per Evaluate on ladders of growing size: %v, want a few, the same for each", counts)
			break
		}
	}
}
