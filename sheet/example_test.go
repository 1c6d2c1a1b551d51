package sheet_test

import (
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/sheet"
)

// A sheet exported as CSV from a spreadsheet, in the layout of the DevOps
// matrix: the ladder it holds, and the assessment filled in it.
func ExampleImportCSV() {
	csv := `Backend engineering
Writes and runs the backend
Level,Expertise reach,Reached,Not yet,Description,Reached,Not yet,Hard requirements,Reasons,Reached,Not yet,Soft requirements,Reasons
1,Self,,,Delivers tasks with help,,,Code:,,,,,
,,,,,TRUE,FALSE,- Writes tests for their changes,Always does,FALSE,TRUE,- Reviews a change a week,Not yet
,,,,,,,Operations,,,,,
,,,,,x,,- Takes part in on-call,,,,,
`
	im, err := sheet.ImportCSV(strings.NewReader(csv), sheet.Options{File: "backend.csv", Subject: "dana"})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range im.Ladder.Levels[0].Requirements {
		fmt.Printf("%s (%s, %s): %s\n", r.ID, r.Skill, r.Kind, im.Assessment.Marks[r.ID].Status)
	}
	l, err := ladder.New(im.Ladder)
	if err != nil {
		log.Fatal(err)
	}
	res, err := l.Evaluate(im.Assessment)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("rank", res.Rank)
	// Output:
	// l1-code-writes-tests-their-changes (code, hard): reached
	// l1-code-reviews-change-week (code, soft): not_yet
	// l1-operations-takes-part-call (operations, hard): reached
	// rank 1
}

// A ladder and an assessment written as a sheet, for a spreadsheet or for
// people who keep their ladder there; what the layout cannot carry is
// listed.
func ExampleExportCSV() {
	l, err := ladder.Load("../examples/shared-levels-two-tracks/ladder.json")
	if err != nil {
		log.Fatal(err)
	}
	leftOut, err := sheet.ExportCSV(os.Stdout, &ladder.Ladder{ID: l.ID, Name: l.Name, Summary: "For engineers", Description: "Shared levels first", Skills: l.Skills[:1], Levels: []ladder.Level{
		{ID: "1", Name: "Level 1", Requirements: l.Levels[0].Requirements[:1]},
	}}, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(leftOut)
	// Output:
	// "Shared levels, two tracks",id: shared-levels-two-tracks
	// For engineers
	// Shared levels first
	// Level,Expertise reach,Reached,Not yet,Description,Reached,Not yet,Hard requirements,Reasons,Reached,Not yet,Soft requirements,Reasons,Level ID,Level name,Skill ID,Hard requirement ID,Soft requirement ID
	// 1,,,,,,,,,,,,,1,Level 1,,,
	// ,,,,Getting the right things built and shipped.,,,Delivery:,,,,,,,,delivery,,
	// ,,,,,,,"- Delivers small, well-defined tasks with guidance.",,,,,,,,,e1-delivers-tasks,
	// []
}
