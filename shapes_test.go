package ladder_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/dsl"
)

// stepsLadder has two skills of three steps each, with points, and levels
// defined by profiles and by the points; steps are implied.
const stepsLadder = `{
  "id": "s", "name": "S", "impliedSteps": true,
  "skills": [
    {"id": "code", "name": "Code", "steps": [
      {"id": "code-1", "points": 1, "requirements": [{"id": "c1", "kind": "hard", "text": "c1"}]},
      {"id": "code-2", "points": 3, "requirements": [{"id": "c2", "kind": "hard", "text": "c2"}, {"id": "c2s", "kind": "soft", "text": "c2 soft"}]},
      {"id": "code-3", "points": 6, "requirements": [{"id": "c3", "skill": "code", "kind": "hard", "text": "c3", "points": 100}]}]},
    {"id": "ops", "name": "Ops", "steps": [
      {"id": "ops-1", "points": 1, "requirements": [{"id": "o1", "kind": "hard", "text": "o1"}]},
      {"id": "ops-2", "points": 3, "requirements": [{"id": "o2", "kind": "hard", "text": "o2"}]},
      {"id": "ops-3", "points": 6, "requirements": [{"id": "o3", "kind": "hard", "text": "o3"}]}]}
  ],
  "levels": [
    {"id": "junior", "profile": {"code": 1, "ops": 1}},
    {"id": "mid", "profile": {"code": 2, "ops": 1}},
    {"id": "senior", "rules": {"level": "points >= level.threshold"}, "threshold": 9}
  ]
}`

// tracksLadder has two shared levels, then two tracks of two levels each;
// steps are the levels' groups, and implied.
const tracksLadder = `{
  "id": "t", "name": "T", "impliedSteps": true,
  "tracks": [{"id": "ic", "name": "IC"}, {"id": "em", "name": "EM"}],
  "skills": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
  "levels": [
    {"id": "1", "requirements": [{"id": "1a", "skill": "a", "kind": "hard", "text": "1a"}, {"id": "1b", "skill": "b", "kind": "hard", "text": "1b"}]},
    {"id": "2", "requirements": [{"id": "2a", "skill": "a", "kind": "hard", "text": "2a"}, {"id": "2b", "skill": "b", "kind": "hard", "text": "2b"}]},
    {"id": "ic3", "track": "ic", "label": "IC3", "requirements": [{"id": "ic3a", "skill": "a", "kind": "hard", "text": "ic3a"}]},
    {"id": "ic4", "track": "ic", "requirements": [{"id": "ic4a", "skill": "a", "kind": "hard", "text": "ic4a"}]},
    {"id": "em3", "track": "em", "label": "EM3", "requirements": [{"id": "em3b", "skill": "b", "kind": "hard", "text": "em3b"}]},
    {"id": "em4", "track": "em", "requirements": [{"id": "em4b", "skill": "b", "kind": "hard", "text": "em4b"}]}
  ]
}`

// marksOf builds an assessment of ladder id from "id=status" pairs.
func marksOf(t testing.TB, id string, marks ...string) *ladder.Assessment {
	a := assess(t, marks...)
	a.Ladder = id
	return a
}

func skillLevels(res *ladder.Result) string {
	var parts []string
	for _, s := range res.Skills {
		parts = append(parts, fmt.Sprintf("%s:%d", s.ID, s.Level))
	}
	return strings.Join(parts, " ")
}

func TestSkillsWithSteps(t *testing.T) {
	l := mustParse(t, stepsLadder)
	tests := []struct {
		name   string
		marks  []string
		rank   int
		levels string
		points int
	}{
		{"nothing", nil, 0, "code:0 ops:0", 0},
		{"the first steps", []string{"c1=reached", "o1=reached"}, 1, "code:1 ops:1", 2},
		// c2 implies c1, o2 implies o1; a soft requirement is implied too.
		{"implied", []string{"c2=reached", "o2=reached"}, 2, "code:2 ops:2", 6},
		// An explicit not_yet below a step reached is kept: the step
		// below is not reached, and the skill's level stops under it.
		{"not yet below", []string{"c1=not_yet", "c2=reached", "o1=reached"}, 0, "code:0 ops:1", 1},
		// 6 + 6 + 100 for the requirement c3.
		{"points of a requirement", []string{"c3=reached", "o3=reached"}, 3, "code:3 ops:3", 112},
		{"points without the profile", []string{"o3=reached"}, 0, "code:0 ops:3", 6},
		// The senior threshold is met, but mid's profile is not: no gap.
		{"no gaps", []string{"c1=reached", "o3=reached", "c3=not_yet"}, 1, "code:1 ops:3", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := evaluate(t, l, marksOf(t, "s", tt.marks...))
			if res.Rank != tt.rank || skillLevels(res) != tt.levels || res.Points != tt.points {
				t.Errorf("rank %d, skills %s, points %d; want %d, %s, %d", res.Rank, skillLevels(res), res.Points, tt.rank, tt.levels, tt.points)
			}
		})
	}

	res := evaluate(t, l, marksOf(t, "s", "c2=reached", "o1=not_yet"))
	code := res.Skill("code")
	if code == nil || len(code.Steps) != 3 || code.Points != 3 {
		t.Fatalf("code = %+v", code)
	}
	step1, step2 := code.Steps[0], code.Steps[1]
	if !step1.Group.Reached || !step1.Group.Requirements[0].Implied || step1.Group.Requirements[0].Status != ladder.Reached {
		t.Errorf("step 1 = %+v, want reached, its requirement implied", step1)
	}
	if r := step2.Group.Requirements; r[0].Implied || r[1].Implied || r[1].Status != ladder.Unassessed {
		t.Errorf("step 2's requirements = %+v: implied only below the step reached", r)
	}
	if r := res.Requirement("c1"); r == nil || !r.Implied {
		t.Errorf("Requirement(c1) = %+v, want it implied", r)
	}
	if len(step1.Group.Unassessed) != 0 || len(step1.Group.Missing) != 0 {
		t.Errorf("an implied requirement is neither unassessed nor missing: %+v", step1.Group)
	}
	mid := res.Level("mid")
	want := []ladder.ProfileResult{{Skill: "code", Name: "Code", Want: 2, Level: 2, Met: true}, {Skill: "ops", Name: "Ops", Want: 1, Level: 0, Met: false}}
	if !reflect.DeepEqual(mid.Profile, want) {
		t.Errorf("mid's profile = %+v, want %+v", mid.Profile, want)
	}
	if lv := res.Level("senior"); lv.Threshold != 9 || lv.Reached {
		t.Errorf("senior = %+v, want threshold 9, not reached", lv)
	}
}

func TestTracks(t *testing.T) {
	l := mustParse(t, tracksLadder)
	type rank struct {
		track string
		rank  int
	}
	tests := []struct {
		name   string
		track  string
		marks  []string
		want   rank
		tracks string
		levels string
	}{
		{"shared only, no track", "", []string{"2a=reached", "2b=reached"}, rank{"ic", 2}, "ic:2 em:2", "a:2 b:2"},
		{"the highest track", "", []string{"2a=reached", "em3b=reached"}, rank{"em", 3}, "ic:2 em:3", "a:2 b:3"},
		{"named track", "ic", []string{"2a=reached", "em4b=reached"}, rank{"ic", 2}, "ic:2 em:4", "a:2 b:2"},
		{"implied along the track", "ic", []string{"ic4a=reached", "2b=reached"}, rank{"ic", 4}, "ic:4 em:2", "a:4 b:2"},
		// A group of a track's level implies the shared ones below, not
		// the other track's.
		{"not across tracks", "em", []string{"ic4a=reached", "2b=reached"}, rank{"em", 2}, "ic:4 em:2", "a:2 b:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := marksOf(t, "t", tt.marks...)
			a.Track = tt.track
			res := evaluate(t, l, a)
			var tracks []string
			for _, tr := range res.Tracks {
				tracks = append(tracks, fmt.Sprintf("%s:%d", tr.ID, tr.Rank))
			}
			if got := (rank{res.Track, res.Rank}); got != tt.want || strings.Join(tracks, " ") != tt.tracks || skillLevels(res) != tt.levels {
				t.Errorf("got %+v, tracks %v, skills %s; want %+v, %s, %s", got, tracks, skillLevels(res), tt.want, tt.tracks, tt.levels)
			}
		})
	}

	a := marksOf(t, "t", "em3b=reached", "2a=reached")
	res := evaluate(t, l, a)
	if lv := res.Reached(); lv == nil || lv.ID != "em3" || lv.Rank != 3 || lv.Label != "EM3" || lv.Track != "em" {
		t.Errorf("Reached() = %+v, want em3, rank 3 on track em", lv)
	}
	if lv := res.Next(); lv == nil || lv.ID != "em4" {
		t.Errorf("Next() = %+v, want em4", lv)
	}
	if lv := res.Level("ic3"); lv.Rank != 3 || lv.Track != "ic" {
		t.Errorf("ic3 = %+v, want rank 3 on ic", lv)
	}
}

// Problems with the new parts of a ladder are found where they are.
func TestShapeProblems(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"unknown track", strings.Replace(tracksLadder, `"track": "em", "label": "EM3"`, `"track": "mgr", "label": "EM3"`, 1),
			`/levels/4/track: unknown track "mgr"; the ladder's tracks are "ic", "em"`},
		{"misspelled track", strings.Replace(tracksLadder, `"track": "em", "label": "EM3"`, `"track": "emm", "label": "EM3"`, 1),
			`/levels/4/track: unknown track "emm" (did you mean "em"?)`},
		{"a shared level after a track's", strings.Replace(tracksLadder, `{"id": "em4", "track": "em",`, `{"id": "em4",`, 1),
			`/levels/5: level "em4" is shared by every track, and comes after level "ic3" of track "ic": shared levels come first`},
		{"a track without levels", strings.Replace(tracksLadder, `{"id": "em", "name": "EM"}`, `{"id": "em", "name": "EM"}, {"id": "x", "name": "X"}`, 1),
			`/tracks/2: track "x" has no levels: name it in the "track" of its levels`},
		{"duplicate track", strings.Replace(tracksLadder, `{"id": "em", "name": "EM"}`, `{"id": "ic", "name": "EM"}`, 1),
			`/tracks/1/id: duplicate track ID "ic": it is already the ID of /tracks/0` + "\n" +
				`/levels/4/track: unknown track "em"; the ladder's tracks are "ic"` + "\n" +
				`/levels/5/track: unknown track "em"; the ladder's tracks are "ic"`},
		{"a step with a level's ID", strings.Replace(stepsLadder, `"id": "code-1"`, `"id": "junior"`, 1),
			`/levels/0/id: duplicate level ID "junior": it is already the ID of /skills/0/steps/0`},
		{"a step's requirement of another skill", strings.Replace(stepsLadder, `"skill": "code"`, `"skill": "ops"`, 1),
			`/skills/0/steps/2/requirements/0/skill: a requirement of a step of skill "code" names skill "ops": leave "skill" out, or name "code"`},
		{"a level's requirement for a skill with steps", strings.Replace(stepsLadder, `{"id": "junior", "profile": {"code": 1, "ops": 1}}`,
			`{"id": "junior", "requirements": [{"id": "j", "skill": "ops", "kind": "hard", "text": "j"}]}`, 1),
			`/levels/0/requirements/0/skill: skill "ops" has steps of its own: its requirements belong in them`},
		{"a profile of an unknown skill", strings.Replace(stepsLadder, `"profile": {"code": 1, "ops": 1}`, `"profile": {"code": 1, "opps": 1}`, 1),
			`/levels/0/profile/opps: unknown skill "opps" (did you mean "ops"?)`},
		{"a profile beyond the steps", strings.Replace(stepsLadder, `"profile": {"code": 2, "ops": 1}`, `"profile": {"code": 4, "ops": 1}`, 1),
			`/levels/1/profile/code: skill "code" has 3 steps: level 4 cannot be reached`},
		{"a profile beyond the levels", strings.Replace(tracksLadder, `{"id": "ic4", "track": "ic",`, `{"id": "ic4", "track": "ic", "profile": {"b": 7},`, 1),
			`/levels/3/profile/b: skill "b" reaches at most level 2 on the levels of track "ic": level 7 cannot be reached`},
		{"a shared level's profile beyond the shared levels", strings.Replace(tracksLadder, `{"id": "2", "requirements"`, `{"id": "2", "profile": {"a": 3}, "requirements"`, 1),
			`/levels/1/profile/a: skill "a" reaches at most level 2 on the shared levels, which a shared level's profile counts: level 3 cannot be reached`},
		{"a profile of a skill without requirements", strings.Replace(strings.Replace(tracksLadder, `{"id": "b", "name": "B"}]`, `{"id": "b", "name": "B"}, {"id": "c", "name": "C"}]`, 1),
			`{"id": "ic4", "track": "ic",`, `{"id": "ic4", "track": "ic", "profile": {"c": 1},`, 1),
			`/levels/3/profile/c: skill "c" has no requirements, in its steps or in the levels: level 1 cannot be reached`},
		{"a profile of level 0", strings.Replace(stepsLadder, `"profile": {"code": 1, "ops": 1}`, `"profile": {"code": 0, "ops": 1}`, 1),
			`/levels/0/profile/code: must be >= 1 but found 0`},
		{"a step worth less than one below", strings.Replace(stepsLadder, `"id": "code-2", "points": 3`, `"id": "code-2", "points": 0`, 1),
			`/skills/0/steps/1/points: step "code-2" is worth 0 points, fewer than step "code-1" below it (1): a person who reaches it would lose points`},
		{"nothing decides", strings.Replace(stepsLadder, `, "profile": {"code": 2, "ops": 1}`, ``, 1),
			`/levels/1: level "mid" has no requirements, no profile and no level rule: nothing decides whether it is reached`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ladder.Parse([]byte(tt.doc))
			var e *ladder.Error
			if !asError(err, &e) {
				t.Fatalf("got %v, want a *ladder.Error", err)
			}
			var got []string
			for _, p := range e.Problems {
				got = append(got, p.Pointer+": "+p.Message)
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}

	// A level rule of the ladder decides the levels without requirements.
	doc := strings.Replace(stepsLadder, `, "profile": {"code": 2, "ops": 1}`, ``, 1)
	doc = strings.Replace(doc, `"impliedSteps": true,`, `"impliedSteps": true, "rules": {"level": "points >= level.threshold"},`, 1)
	if _, err := ladder.Parse([]byte(doc)); err != nil {
		t.Errorf("a ladder-wide level rule: %v", err)
	}

	l := mustParse(t, tracksLadder)
	for track, want := range map[string]string{
		"mgr":   `/track: ladder "t" has no track "mgr"; its tracks are "ic", "em"`,
		"icc":   `/track: ladder "t" has no track "icc" (did you mean "ic"?)`,
		"Track": `/track: "Track" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`,
	} {
		a := marksOf(t, "t")
		a.Track = track
		_, err := l.Evaluate(a)
		if err == nil || err.Error() != want {
			t.Errorf("track %q: got %v, want %s", track, err, want)
		}
	}
	a := marksOf(t, "s")
	a.Track = "ic"
	if _, err := mustParse(t, stepsLadder).Evaluate(a); err == nil || err.Error() != `/track: ladder "s" has no tracks: leave "track" out` {
		t.Errorf("a track on a ladder without tracks: got %v", err)
	}
}

func asError(err error, target **ladder.Error) bool {
	e, ok := err.(*ladder.Error)
	*target = e
	return ok
}

// A rule that fails as it runs at a skill's step says which step.
func TestRuleFailsAtStep(t *testing.T) {
	doc := strings.Replace(stepsLadder, `"impliedSteps": true,`, `"impliedSteps": true, "rules": {"skill": "len(map(1..10, map(1..10, #))) > 0"},`, 1)
	p := ladder.Parser{Rules: dsl.Limits{MemoryBudget: 20}}
	l, err := p.Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	_, err = l.Evaluate(marksOf(t, "s"))
	if err == nil || !strings.Contains(err.Error(), `/rules/skill: rule failed at step "code-1" of skill "Code": memory budget exceeded`) {
		t.Errorf("got %v", err)
	}
}

// Level rules read the skills' levels, the points and each level's
// threshold.
func TestRulesReadSkillLevels(t *testing.T) {
	doc := strings.Replace(stepsLadder, `"rules": {"level": "points >= level.threshold"}, "threshold": 9`,
		`"rules": {"level": "count(skillLevels, .level >= 3) >= 1 and sum(skillLevels, .points) >= level.threshold"}, "threshold": 9`, 1)
	l := mustParse(t, doc)
	for marks, want := range map[string]int{
		"c3=reached o3=reached": 3,
		"c3=reached o1=reached": 2, // 6 + 1 points of steps, not 9
		"c2=reached o2=reached": 2,
	} {
		res := evaluate(t, l, marksOf(t, "s", strings.Fields(marks)...))
		if res.Rank != want {
			t.Errorf("%s: rank %d, want %d", marks, res.Rank, want)
		}
	}
	// What the analysis knows of the new values: a threshold may be 0, a
	// product of thresholds goes beyond 2^53.
	for rule, want := range map[string]string{
		"points / level.threshold > 1":                "may be 0",
		"level.threshold * level.threshold > 0":       "beyond 9007199254740991",
		"all(skillLevels, .id == \"code\")":           "",
		"all(skillLevels, .id == \"cod\")":            `"cod" is not the ID of a skill of this ladder (did you mean "code"?)`,
		"any(skillLevels, .level > 3 or .points > 6)": "",
	} {
		_, err := ladder.Parse([]byte(strings.Replace(stepsLadder, `"points >= level.threshold"`, fmt.Sprintf("%q", rule), 1)))
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%s: got %v, want %q", rule, err, want)
		}
	}
}

// New takes a ladder of the new shapes built in Go, and evaluates it as
// Parse does its JSON.
func TestNewWithShapes(t *testing.T) {
	for _, doc := range []string{stepsLadder, tracksLadder} {
		var built ladder.Ladder
		if err := json.Unmarshal([]byte(doc), &built); err != nil {
			t.Fatal(err)
		}
		fromGo, err := ladder.New(&built)
		if err != nil {
			t.Fatal(err)
		}
		parsed := mustParse(t, doc)
		for _, marks := range [][]string{nil, {"c2=reached", "o3=reached"}, {"ic4a=reached", "2b=reached"}, {"em4b=reached", "1a=reached"}} {
			a := marksOf(t, built.ID)
			for _, m := range marks {
				id, status, _ := strings.Cut(m, "=")
				if hasRequirement(&built, id) {
					a.Marks[id] = ladder.Mark{Status: ladder.Status(status)}
				}
			}
			got, want := evaluate(t, fromGo, a), evaluate(t, parsed, a)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %v: New gives\n%+v\nParse gives\n%+v", built.ID, marks, got, want)
			}
		}
	}
}

func hasRequirement(l *ladder.Ladder, id string) bool {
	for _, lv := range l.Levels {
		for _, r := range lv.Requirements {
			if r.ID == id {
				return true
			}
		}
	}
	for _, s := range l.Skills {
		for _, st := range s.Steps {
			for _, r := range st.Requirements {
				if r.ID == id {
					return true
				}
			}
		}
	}
	return false
}

// New takes nil for an empty list of a step's requirements, as it does
// elsewhere, and reports it as Parse does an empty one.
func TestNewStepWithoutRequirements(t *testing.T) {
	l := &ladder.Ladder{ID: "n", Name: "N",
		Skills: []ladder.Skill{{ID: "s", Name: "S", Steps: []ladder.Step{{ID: "s1"}}}},
		Levels: []ladder.Level{{ID: "l1", Profile: map[string]int{"s": 1}}}}
	_, err := ladder.New(l)
	if err == nil || err.Error() != "/skills/0/steps/0/requirements: must not be empty" {
		t.Errorf("got %v", err)
	}
	if l.Skills[0].Steps[0].Requirements != nil {
		t.Error("New changed the ladder it was given")
	}
}

// Named values are computed after the rank, on the result's track.
func TestValues(t *testing.T) {
	doc := strings.Replace(stepsLadder, `"impliedSteps": true,`, `"impliedSteps": true, "values": [
	  {"id": "total", "name": "Total", "rule": "points"},
	  {"id": "to-next", "name": "To the next level", "rule": "next.rank > 0 ? max(0, next.threshold - points) : 0"},
	  {"id": "share", "name": "Share of skills at 2 or more", "rule": "count(skillLevels, .level >= 2) / len(skillLevels)"},
	  {"id": "rank", "name": "Rank", "rule": "rank"}],`, 1)
	l := mustParse(t, doc)
	for marks, want := range map[string][]float64{
		"":                      {0, 0, 0, 0},
		"c2=reached o1=reached": {4, 5, 0.5, 2}, // next is senior: 9 - 4
		"c3=reached o3=reached": {112, 0, 1, 3}, // the top: next has rank 0
	} {
		res := evaluate(t, l, marksOf(t, "s", strings.Fields(marks)...))
		var got []float64
		for _, v := range res.Values {
			got = append(got, v.Value)
		}
		if !reflect.DeepEqual(got, want) || res.Values[1].ID != "to-next" || res.Values[1].Name != "To the next level" {
			t.Errorf("%q: values %+v, want %v", marks, res.Values, want)
		}
	}

	for _, tt := range []struct{ values, want string }{
		{`[{"id": "x", "name": "X", "rule": "points > 3"}]`, `/values/0/rule: a value's rule must be a number, but this one is a boolean`},
		{`[{"id": "x", "name": "X", "rule": "len(hard)"}]`, `/values/0/rule: hard is a variable of skill rules; a value rule sees points, rank, skillLevels, next`},
		{`[{"id": "x", "name": "X", "rule": "points / rank"}]`, `/values/0/rule: rank may be 0 on this ladder (from 0 to 9)`},
		{`[{"id": "x", "name": "X", "rule": "1 / next.rank"}]`, `/values/0/rule: next.rank may be 0 on this ladder`},
		{`[{"id": "x", "name": "X", "rule": "1"}, {"id": "x", "name": "Y", "rule": "2"}]`, `/values/1/id: duplicate value ID "x": it is already the ID of /values/0`},
	} {
		_, err := ladder.Parse([]byte(strings.Replace(stepsLadder, `"impliedSteps": true,`, `"impliedSteps": true, "values": `+tt.values+",", 1)))
		var e *ladder.Error
		if !asError(err, &e) || len(e.Problems) != 1 || !strings.HasPrefix(e.Problems[0].Pointer+": "+e.Problems[0].Message, tt.want) {
			t.Errorf("%s: got %v, want %s", tt.values, err, tt.want)
		}
	}

	// A value rule that fails as it runs says which value.
	p := ladder.Parser{Rules: dsl.Limits{MemoryBudget: 20}}
	l, err := p.Parse([]byte(strings.Replace(stepsLadder, `"impliedSteps": true,`, `"impliedSteps": true, "values": [{"id": "x", "name": "X", "rule": "len(map(1..10, map(1..10, #)))"}],`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Evaluate(marksOf(t, "s")); err == nil || !strings.Contains(err.Error(), `/values/0/rule: rule failed at value "x": memory budget exceeded`) {
		t.Errorf("got %v", err)
	}
}

// A requirement's details are its own fields in JSON, and each result has
// its own copy of them.
func TestRequirementDetails(t *testing.T) {
	doc := strings.Replace(stepsLadder, `{"id": "c1", "kind": "hard", "text": "c1"}`,
		`{"id": "c1", "kind": "hard", "text": "c1", "examples": ["e1", "e2"], "evidence": ["v1"], "links": [{"text": "Guide", "url": "https://example.com/g"}]}`, 1)
	l := mustParse(t, doc)
	want := ladder.Details{Examples: []string{"e1", "e2"}, Evidence: []string{"v1"}, Links: []ladder.Link{{Text: "Guide", URL: "https://example.com/g"}}}
	res := evaluate(t, l, marksOf(t, "s"))
	if got := res.Requirement("c1").Details; !reflect.DeepEqual(got, want) {
		t.Errorf("details = %+v, want %+v", got, want)
	}
	if got := res.Requirement("c2").Details; !reflect.DeepEqual(got, ladder.Details{}) {
		t.Errorf("a requirement without details has %+v", got)
	}
	res.Requirement("c1").Details.Examples[0] = "changed"
	if got := evaluate(t, l, marksOf(t, "s")).Requirement("c1").Details; !reflect.DeepEqual(got, want) {
		t.Errorf("a change to one result's details shows in the next: %+v", got)
	}
	// Nor does a change to the ladder's fields.
	req := &l.Skills[0].Steps[0].Requirements[0]
	req.Examples[0], req.Links[0].URL = "changed", "https://example.com/changed"
	if got := evaluate(t, l, marksOf(t, "s")).Requirement("c1").Details; !reflect.DeepEqual(got, want) {
		t.Errorf("a change to the ladder's fields shows in its results: %+v", got)
	}
	var built ladder.Ladder
	if err := json.Unmarshal([]byte(doc), &built); err != nil {
		t.Fatal(err)
	}
	built.Skills[0].Steps[0].Requirements[0].Examples[1] = "\xff"
	if _, err := ladder.New(&built); err == nil || err.Error() != "/skills/0/steps/0/requirements/0/examples/1: is not valid UTF-8" {
		t.Errorf("New: got %v", err)
	}
}

// A step or group reached with nothing to reach (only soft requirements,
// or all not_applicable) implies nothing below it: implication needs
// evidence.
func TestNothingReachedImpliesNothing(t *testing.T) {
	l := mustParse(t, `{
	  "id": "v", "name": "V", "impliedSteps": true,
	  "skills": [{"id": "s", "name": "S", "steps": [
	    {"id": "s1", "points": 1, "requirements": [{"id": "a", "kind": "hard", "text": "a"}]},
	    {"id": "s2", "points": 9, "requirements": [{"id": "c", "kind": "soft", "text": "c"}]}]}],
	  "levels": [{"id": "l1", "profile": {"s": 2}}]
	}`)
	res := evaluate(t, l, marksOf(t, "v"))
	if res.Rank != 0 || res.Points != 0 || res.Skills[0].Level != 0 {
		t.Errorf("no marks: rank %d, points %d, skill level %d; want 0, 0, 0", res.Rank, res.Points, res.Skills[0].Level)
	}
	if res := evaluate(t, l, marksOf(t, "v", "c=reached")); res.Rank != 1 || res.Points != 9 || !res.Requirement("a").Implied {
		t.Errorf("the soft requirement of step 2 reached: rank %d, points %d, a implied %v; want 1, 9, true", res.Rank, res.Points, res.Requirement("a").Implied)
	}

	tracks := mustParse(t, tracksLadder)
	a := marksOf(t, "t", "ic4a=not_applicable")
	a.Track = "ic"
	if res := evaluate(t, tracks, a); res.Rank != 0 || res.Requirement("1a").Implied {
		t.Errorf("a group of not_applicable marks: rank %d, 1a implied %v; want 0, false", res.Rank, res.Requirement("1a").Implied)
	}
}
