package ladder_test

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/dsl"
)

func ExampleParse() {
	l, err := ladder.Parse([]byte(`{
	  "id": "backend", "name": "Backend engineering",
	  "skills": [{"id": "code", "name": "Code"}, {"id": "ops", "name": "Operations"}],
	  "levels": [
	    {"id": "junior", "name": "Junior", "requirements": [
	      {"id": "ships-small-features", "skill": "code", "kind": "hard", "text": "Ships small features with help"},
	      {"id": "reads-dashboards", "skill": "ops", "kind": "hard", "text": "Reads the dashboards"}]},
	    {"id": "senior", "name": "Senior", "requirements": [
	      {"id": "designs-systems", "skill": "code", "kind": "hard", "text": "Designs systems others build on"},
	      {"id": "mentors", "kind": "soft", "text": "Mentors juniors"}]}
	  ]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	for i, lv := range l.Levels {
		fmt.Printf("rank %d: %s, %d requirements\n", i+1, lv.Name, len(lv.Requirements))
	}
	// Output:
	// rank 1: Junior, 2 requirements
	// rank 2: Senior, 2 requirements
}

func ExampleLoad() {
	l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(l.Name)
	for _, s := range l.Skills {
		fmt.Println("-", s.Name)
	}
	// Output:
	// DevOps Technical Mastery
	// - DevOps
	// - Monitoring / Incident
	// - Dev Cycle
	// - Quality
}

func ExampleParseAssessment() {
	a, err := ladder.ParseAssessment([]byte(`{
	  "ladder": "backend", "subject": "alice", "assessor": "bob", "date": "2026-11-20",
	  "marks": {
	    "ships-small-features": {"status": "reached", "reason": "Shipped the export alone"},
	    "reads-dashboards": {"status": "not_yet"}
	  }
	}`))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Subject, a.Marks["ships-small-features"].Status, a.Marks["reads-dashboards"].Status)
	// Output: alice reached not_yet
}

func ExampleLoadAssessment() {
	a, err := ladder.LoadAssessment("examples/devops-technical-mastery/alice-newcomer.json")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s, assessed by %s on %s: %d marks\n", a.Subject, a.Assessor, a.Date, len(a.Marks))
	// Output: alice, assessed by bob on 2026-11-20: 23 marks
}

func ExampleLadder_Evaluate() {
	l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		log.Fatal(err)
	}
	a, err := ladder.LoadAssessment("examples/devops-technical-mastery/chloe-gap.json")
	if err != nil {
		log.Fatal(err)
	}
	res, err := l.Evaluate(a)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s reached level %d: %s\n", res.Subject, res.Rank, res.Reached().Reach)
	for _, lv := range res.Levels {
		fmt.Printf("level %s reached: %v\n", lv.ID, lv.Reached)
	}
	for _, g := range res.Next().Groups {
		if !g.Reached {
			fmt.Printf("missing in %s for level %s: %v\n", g.Name, res.Next().ID, g.Missing)
		}
	}
	// Output:
	// chloe reached level 2: Others in Squad
	// level 1 reached: true
	// level 2 reached: true
	// level 3 reached: false
	// level 4 reached: true
	// level 5 reached: false
	// level 6 reached: false
	// missing in Quality for level 3: [l3-quality-creates-few-bugs]
}

func ExampleError() {
	_, err := ladder.Parse([]byte(`{
  "id": "backend", "name": "Backend",
  "skills": [{"id": "code", "name": "Code"}],
  "levels": [{"id": "1", "requirements": [{"id": "r", "skill": "cdoe", "kind": "must", "text": "Ships"}]}]
}`))
	var le *ladder.Error
	if errors.As(err, &le) {
		for _, p := range le.Problems {
			fmt.Printf("%d:%d %s: %s\n", p.Line, p.Column, p.Pointer, p.Message)
		}
	}
	// Output:
	// 4:64 /levels/0/requirements/0/skill: unknown skill "cdoe" (did you mean "code"?)
	// 4:80 /levels/0/requirements/0/kind: "must" is not one of "hard", "soft"
}

func ExampleParser() {
	// A rule nesting predicates three deep is over the default limit.
	doc := []byte(`{
	  "id": "t", "name": "T", "skills": [{"id": "mentoring", "name": "Mentoring"}],
	  "rules": {"level": "all(skills, all(.hard, .reached or any(skills, .id == 'mentoring' and .reached)))"},
	  "levels": [{"id": "1", "requirements": [{"id": "r", "kind": "hard", "text": "x"}]}]
	}`)
	_, err := ladder.Parse(doc)
	fmt.Println(err != nil)

	// A program that trusts its ladders can raise the limit.
	p := ladder.Parser{Rules: dsl.Limits{MaxNesting: 3}}
	_, err = p.Parse(doc)
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}

// A ladder kept as Go values, in an HR system's own database, is checked
// and compiled by New, as Parse does for JSON: nil and empty slices are the
// same, and problems are located by JSON pointer.
func ExampleNew() {
	doc := &ladder.Ladder{
		ID: "backend", Name: "Backend",
		Skills: []ladder.Skill{{ID: "code", Name: "Code"}},
		Levels: []ladder.Level{
			{ID: "junior", Requirements: []ladder.Requirement{{ID: "tests", Skill: "code", Kind: ladder.Hard, Text: "Writes tests"}}},
			{ID: "senior", Requirements: []ladder.Requirement{{ID: "designs", Skill: "cod", Kind: ladder.Hard, Text: "Designs systems"}}},
		},
	}
	_, err := ladder.New(doc)
	fmt.Println(err)

	doc.Levels[1].Requirements[0].Skill = "code"
	l, err := ladder.New(doc)
	if err != nil {
		log.Fatal(err)
	}
	res, err := l.Evaluate(&ladder.Assessment{Ladder: "backend", Subject: "dana", Marks: map[string]ladder.Mark{"tests": {Status: ladder.Reached}}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("rank", res.Rank)
	// Output:
	// /levels/1/requirements/0/skill: unknown skill "cod" (did you mean "code"?)
	// rank 1
}

// A program builds a ladder and an assessment as Go values, evaluates them,
// and prints a full report from the Result alone: every level, skill and
// requirement with its text, status and the assessor's reason, and what is
// missing for the next level. A UI shows the same from the same Result, or
// from its JSON.
func ExampleResult() {
	l, err := ladder.New(&ladder.Ladder{
		ID: "backend", Name: "Backend", Version: "2026.1",
		Skills: []ladder.Skill{{ID: "code", Name: "Code"}, {ID: "ops", Name: "Operations"}},
		Levels: []ladder.Level{
			{ID: "junior", Name: "Junior", Reach: "Self", Requirements: []ladder.Requirement{
				{ID: "tests", Skill: "code", Kind: ladder.Hard, Text: "Writes tests for the code they change"},
				{ID: "reviews", Skill: "code", Kind: ladder.Soft, Text: "Reviews a colleague's change each week"},
				{ID: "on-call", Skill: "ops", Kind: ladder.Hard, Text: "Takes part in on-call"},
			}},
			{ID: "senior", Name: "Senior", Reach: "Team", Requirements: []ladder.Requirement{
				{ID: "designs", Skill: "code", Kind: ladder.Hard, Text: "Designs systems others build on"},
				{ID: "incidents", Skill: "ops", Kind: ladder.Hard, Text: "Leads incidents to their end"},
				{ID: "mentors", Kind: ladder.Soft, Text: "Mentors a newcomer"},
			}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	res, err := l.Evaluate(&ladder.Assessment{
		Ladder: "backend", Subject: "Dana", Assessor: "Eli", Date: "2026-11-30",
		Marks: map[string]ladder.Mark{
			"tests":     {Status: ladder.Reached},
			"on-call":   {Status: ladder.Reached, Reason: "Since March"},
			"designs":   {Status: ladder.NotYet, Reason: "Not yet asked to"},
			"incidents": {Status: ladder.Reached},
		},
	})
	if err != nil {
		log.Fatal(err)
	}

	fmt.Printf("%s %s: %s, assessed by %s on %s\n", res.LadderName, res.Version, res.Subject, res.Assessor, res.Date)
	if lv := res.Reached(); lv != nil {
		fmt.Printf("Level reached: %s (%s)\n", lv.Name, lv.Reach)
	}
	for _, lv := range res.Levels {
		fmt.Printf("%s: reached %v\n", lv.Name, lv.Reached)
		for _, g := range lv.Groups {
			fmt.Printf("  %s: reached %v, hard %d/%d, soft %d/%d\n", g.Name, g.Reached, g.Hard.Reached, g.Hard.Total, g.Soft.Reached, g.Soft.Total)
			for _, r := range g.Requirements {
				fmt.Printf("    [%s] %s %q: %s", r.Kind, r.ID, r.Text, r.Status)
				if r.Reason != "" {
					fmt.Printf(" (%s)", r.Reason)
				}
				fmt.Println()
			}
		}
	}
	fmt.Println("Senior reached:", res.Level("senior").Reached)
	if next := res.Next(); next != nil {
		fmt.Printf("To reach %s:\n", next.Name)
		for _, g := range next.Groups {
			for _, id := range g.Missing {
				r := res.Requirement(id)
				fmt.Printf("  %s: %s, %s\n", g.Name, r.Text, r.Status)
			}
			for _, id := range g.SoftMissing {
				fmt.Printf("  %s (soft): %s\n", g.Name, res.Requirement(id).Text)
			}
		}
	}
	// Output:
	// Backend 2026.1: Dana, assessed by Eli on 2026-11-30
	// Level reached: Junior (Self)
	// Junior: reached true
	//   Code: reached true, hard 1/1, soft 0/1
	//     [hard] tests "Writes tests for the code they change": reached
	//     [soft] reviews "Reviews a colleague's change each week": unassessed
	//   Operations: reached true, hard 1/1, soft 0/0
	//     [hard] on-call "Takes part in on-call": reached (Since March)
	// Senior: reached false
	//   Code: reached false, hard 0/1, soft 0/0
	//     [hard] designs "Designs systems others build on": not_yet (Not yet asked to)
	//   Operations: reached true, hard 1/1, soft 0/0
	//     [hard] incidents "Leads incidents to their end": reached
	//   General: reached true, hard 0/0, soft 0/1
	//     [soft] mentors "Mentors a newcomer": unassessed
	// Senior reached: false
	// To reach Senior:
	//   Code: Designs systems others build on, not_yet
	//   General (soft): Mentors a newcomer
}

// A ladder whose titles are decided by points, with two tracks after the
// shared titles: each skill has steps worth points, steps below the one
// marked are implied, and one rule decides every title by its threshold.
// The result gives the rank on each track, each skill's level, the points,
// and the ladder's named values.
func ExampleResult_Skill() {
	l, err := ladder.Load("examples/points-and-titles/ladder.json")
	if err != nil {
		log.Fatal(err)
	}
	a, err := ladder.LoadAssessment("examples/points-and-titles/ivo-manager.json")
	if err != nil {
		log.Fatal(err)
	}
	res, err := l.Evaluate(a)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %s, rank %d on track %s, %d points\n", res.Subject, res.Reached().Name, res.Rank, res.Track, res.Points)
	for _, t := range res.Tracks {
		fmt.Printf("  track %s: rank %d\n", t.ID, t.Rank)
	}
	planning := res.Skill("planning")
	fmt.Printf("%s: level %d of %d, worth %d points\n", planning.Name, planning.Level, len(planning.Steps), planning.Points)
	for _, st := range planning.Steps[:planning.Level] {
		for _, r := range st.Group.Requirements {
			fmt.Printf("  step %d: %s, implied %v\n", st.Step, r.Status, r.Implied)
		}
	}
	for _, v := range res.Values {
		fmt.Printf("%s: %g\n", v.Name, v.Value)
	}
	// Output:
	// Ivo: Engineer II, rank 2 on track manager, 18 points
	//   track engineer: rank 2
	//   track manager: rank 2
	// Planning: level 3 of 5, worth 4 points
	//   step 1: reached, implied true
	//   step 2: reached, implied true
	//   step 3: reached, implied false
	// Total points: 18
	// Points to the next title: 2
}

// Levels defined by profiles: each role asks for a level in some skills,
// and holds no requirements of its own. Without a track named, the result
// is ranked on every track, and gives the first of the highest.
func ExampleLevel_profile() {
	l, err := ladder.Load("examples/axes-and-roles/ladder.json")
	if err != nil {
		log.Fatal(err)
	}
	a, err := ladder.LoadAssessment("examples/axes-and-roles/ben-no-track.json")
	if err != nil {
		log.Fatal(err)
	}
	res, err := l.Evaluate(a)
	if err != nil {
		log.Fatal(err)
	}
	lv := res.Reached()
	fmt.Printf("%s: %s %s on track %s\n", res.Subject, lv.Label, lv.Name, res.Track)
	next := res.Next()
	fmt.Printf("for %s %s:\n", next.Label, next.Name)
	for _, p := range next.Profile {
		if !p.Met {
			fmt.Printf("  %s: level %d, has %d\n", p.Name, p.Want, p.Level)
		}
	}
	// Output:
	// Ben: TL4 Tech Lead on track tech-lead
	// for TL5 Senior Tech Lead:
	//   Technology: level 4, has 3
	//   System: level 4, has 3
	//   Influence: level 4, has 3
}

func ExampleDiff() {
	v1, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		log.Fatal(err)
	}
	v2, err := ladder.Load("examples/devops-technical-mastery/ladder-v2.json")
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range ladder.Diff(v1, v2) {
		if c.What == "requirement" && c.Kind != "added" {
			fmt.Println(c)
		}
	}
	// Output:
	// reworded requirement l2-devops-easy-tools-for-devs: "Provides tools that developers find easy to use, and documents them", was "Ensures to provide tools that are easy to use for dev"
	// requirement l2-devops-relevant-architecture-choices is soft, not hard
	// moved requirement l3-monitoring-finds-incident-origins from level 3, skill monitoring to level 4, skill monitoring
	// removed requirement l1-devops-asks-for-help (level 1, skill devops: Knows when to ask for help, and who to ask and doesn't get stuck on a problem)
	// removed requirement l2-devops-writes-good-code (level 2, skill devops: Writes good code (clear, testable, documented) / apply good practice)
}

func ExampleLadder_Migrate() {
	v2, err := ladder.Load("examples/devops-technical-mastery/ladder-v2.json")
	if err != nil {
		log.Fatal(err)
	}
	alice, err := ladder.LoadAssessment("examples/devops-technical-mastery/alice-newcomer.json")
	if err != nil {
		log.Fatal(err)
	}
	migrated, err := v2.Migrate(alice, map[string]string{
		"l2-devops-writes-good-code": "l2-devops-writes-clear-tested-code",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("version:", migrated.LadderVersion)
	fmt.Println("carried over:", migrated.Marks["l2-devops-writes-clear-tested-code"].Status)
	for id, m := range migrated.Orphaned.Marks {
		fmt.Printf("orphaned: %s (%s: %s)\n", id, m.Status, m.Reason)
	}
	// Output:
	// version: 2.0.0
	// carried over: reached
	// orphaned: l1-devops-asks-for-help (not_yet: Stayed stuck two days on the CI cache issue before asking)
}

func ExampleProgress() {
	l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		log.Fatal(err)
	}
	var results []*ladder.Result
	for _, file := range []string{"alice-2026-05.json", "alice-newcomer.json"} {
		a, err := ladder.LoadAssessment("examples/devops-technical-mastery/" + file)
		if err != nil {
			log.Fatal(err)
		}
		res, err := l.Evaluate(a)
		if err != nil {
			log.Fatal(err)
		}
		results = append(results, res)
	}
	progress, err := ladder.Progress(results)
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range progress {
		fmt.Printf("%s: rank %d, %d gained, %d lost\n", c.Result.Date, c.Result.Rank, len(c.Gained), len(c.Lost))
		for _, r := range c.Lost {
			fmt.Printf("  went back: %s (%s)\n", r.ID, r.Reason)
		}
	}
	// Output:
	// 2026-05-20: rank 0, 0 gained, 0 lost
	// 2026-11-20: rank 1, 6 gained, 1 lost
	//   went back: l1-devops-asks-for-help (Stayed stuck two days on the CI cache issue before asking)
}

func ExampleCompare() {
	l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		log.Fatal(err)
	}
	evaluate := func(file string) *ladder.Result {
		a, err := ladder.LoadAssessment("examples/devops-technical-mastery/" + file)
		if err != nil {
			log.Fatal(err)
		}
		res, err := l.Evaluate(a)
		if err != nil {
			log.Fatal(err)
		}
		return res
	}
	self, manager := evaluate("chloe-self.json"), evaluate("chloe-gap.json")
	disagreements, err := ladder.Compare(self, manager)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("rank %d by %s, %d by %s\n", self.Rank, self.Assessor, manager.Rank, manager.Assessor)
	for _, d := range disagreements {
		fmt.Printf("%s: %s / %s\n", d.A.ID, d.A.Status, d.B.Status)
	}
	// Output:
	// rank 3 by chloe, 2 by dana
	// l3-quality-creates-few-bugs: reached / not_yet
	// l4-devops-plans-huge-refactors: not_yet / reached
	// l4-monitoring-mitigates-qos-risks: reached / not_applicable
}

func ExampleLadder_Batch() {
	l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		log.Fatal(err)
	}
	in := strings.NewReader(`{"ladder": "devops-technical-mastery", "subject": "ann", "marks": {}}
{"ladder": "devops-technical-mastery", "ladderVersion": "1.0.0", "subject": "ben", "marks": {"l1-nope": {"status": "reached"}}}
{"ladder": "devops-technical-mastery", "subject": "cy", "marks": {
`)
	var out strings.Builder
	sum, err := l.Batch(in, &out, ladder.BatchOptions{Workers: 2, File: "people.ndjson"})
	if err != nil {
		log.Fatal(err)
	}
	for line := range strings.Lines(out.String()) {
		if strings.HasPrefix(line, `{"ladder"`) {
			line = line[:60] + "...\n" // a result, long
		}
		fmt.Print(line)
	}
	fmt.Printf("%d lines, %d failed, %d at no level\n", sum.Lines, sum.Failed, sum.Levels[""])
	// Output:
	// {"ladder":"devops-technical-mastery","ladderName":"DevOps Te...
	// {"line":2,"problems":[{"file":"people.ndjson","line":2,"column":94,"pointer":"/marks/l1-nope","message":"ladder \"devops-technical-mastery\" has no requirement \"l1-nope\""}]}
	// {"line":3,"problems":[{"file":"people.ndjson","line":3,"column":67,"pointer":"/marks","message":"unexpected end of input: want a quoted key"}]}
	// 3 lines, 2 failed, 1 at no level
}

func ExampleLadder_EvaluateLines() {
	l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		log.Fatal(err)
	}
	in := strings.NewReader(`{"ladder": "devops-technical-mastery", "subject": "ann", "marks": {}}
{"ladder": "devops-technical-mastery", "subject": ""}
`)
	for res, err := range l.EvaluateLines(in, ladder.BatchOptions{}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(res.Subject, "rank", res.Rank)
	}
	// Output:
	// ann rank 0
	// line 2: 2:1: missing required field "marks"
	// 2:51: /subject: must not be empty
}
