package render_test

import (
	"log"
	"os"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/render"
)

func exampleLadder() *ladder.Ladder {
	l, err := ladder.New(&ladder.Ladder{
		ID: "backend", Name: "Backend",
		Skills: []ladder.Skill{{ID: "code", Name: "Code"}, {ID: "ops", Name: "Operations"}},
		Levels: []ladder.Level{
			{ID: "junior", Name: "Junior", Reach: "Self", Requirements: []ladder.Requirement{
				{ID: "tests", Skill: "code", Kind: ladder.Hard, Text: "Writes tests"},
				{ID: "reviews", Skill: "code", Kind: ladder.Soft, Text: "Reviews changes"},
				{ID: "on-call", Skill: "ops", Kind: ladder.Hard, Text: "Takes part in on-call"},
			}},
			{ID: "senior", Name: "Senior", Reach: "Team", Requirements: []ladder.Requirement{
				{ID: "designs", Skill: "code", Kind: ladder.Hard, Text: "Designs systems"},
				{ID: "incidents", Skill: "ops", Kind: ladder.Hard, Text: "Leads incidents"},
			}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	return l
}

func evaluate(l *ladder.Ladder, subject string, marks map[string]ladder.Mark) *ladder.Result {
	res, err := l.Evaluate(&ladder.Assessment{Ladder: l.ID, Subject: subject, Marks: marks})
	if err != nil {
		log.Fatal(err)
	}
	return res
}

// A ladder as a matrix in Markdown: levels as rows, skills as columns.
func ExampleLadder() {
	if err := render.Ladder(os.Stdout, exampleLadder(), render.Markdown); err != nil {
		log.Fatal(err)
	}
	// Output:
	// # Backend
	//
	// | Level | Expertise reach | Code | Operations |
	// |---|---|---|---|
	// | **Junior**<br>rank 1 | Self | • Writes tests<br>• *Reviews changes* (soft) | • Takes part in on-call |
	// | **Senior**<br>rank 2 | Team | • Designs systems | • Leads incidents |
	//
	// Soft requirements are in italics.
}

// One person's report in Markdown; as HTML, the chart of skill levels is an
// SVG.
func ExampleReport() {
	l := exampleLadder()
	res := evaluate(l, "Dana", map[string]ladder.Mark{
		"tests":     {Status: ladder.Reached},
		"on-call":   {Status: ladder.Reached, Reason: "Since March"},
		"designs":   {Status: ladder.NotYet, Reason: "Not asked yet"},
		"incidents": {Status: ladder.Reached},
	})
	if err := render.Report(os.Stdout, res, render.Markdown); err != nil {
		log.Fatal(err)
	}
	// Output:
	// # Dana
	//
	// Backend
	//
	// **Level reached:** Junior
	//
	// ## Skill levels
	//
	// | Skill | Level | |
	// |---|---|---|
	// | Code | 1 of 2 | █░ |
	// | Operations | 2 of 2 | ██ |
	//
	// ## To reach Senior
	//
	// - **Code**: Designs systems (not yet: Not asked yet)
	//
	// ## What holds
	//
	// | Level | Code | Operations |
	// |---|---|---|
	// | **Junior**<br>reached | ✓ hard 1/1, soft 0/1 | ✓ hard 1/1 |
	// | **Senior**<br>not reached | ✗ hard 0/1 | ✓ hard 1/1 |
	//
	// ## Reasons given
	//
	// - **Junior, Operations**: Takes part in on-call (reached): Since March
	// - **Senior, Code**: Designs systems (not yet): Not asked yet
}

// A team's heat map: people by skills, by skill level.
func ExampleTeam() {
	l := exampleLadder()
	team := []*ladder.Result{
		evaluate(l, "Dana", map[string]ladder.Mark{"tests": {Status: ladder.Reached}, "on-call": {Status: ladder.Reached}, "incidents": {Status: ladder.Reached}}),
		evaluate(l, "Eli", map[string]ladder.Mark{"tests": {Status: ladder.Reached}}),
	}
	if err := render.Team(os.Stdout, team, render.Markdown); err != nil {
		log.Fatal(err)
	}
	// Output:
	// # Team
	//
	// Backend: each person's level in each skill
	//
	// | Person | Level reached | Code | Operations |
	// |---|---|---|---|
	// | Dana | Junior | 1 | 2 |
	// | Eli | none | 1 | 0 |
}
