package xlsx_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/sheet"
	"github.com/ladderkit/ladder/sheet/xlsx"
)

// A ladder and an assessment written as a workbook, and read back.
func Example() {
	l, err := ladder.Load("../../examples/devops-technical-mastery/ladder.json")
	if err != nil {
		log.Fatal(err)
	}
	a, err := ladder.LoadAssessment("../../examples/devops-technical-mastery/chloe-gap.json")
	if err != nil {
		log.Fatal(err)
	}
	var workbook bytes.Buffer
	leftOut, err := xlsx.Export(&workbook, l, a)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("left out:", leftOut)
	im, err := xlsx.Import(&workbook, sheet.Options{Subject: "chloe"})
	if err != nil {
		log.Fatal(err)
	}
	back, err := ladder.New(im.Ladder)
	if err != nil {
		log.Fatal(err)
	}
	res, err := back.Evaluate(im.Assessment)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Subject, "rank", res.Rank, "with", len(im.Assessment.Marks), "marks")
	// Output:
	// left out: [the assessment's subject its assessor its date]
	// chloe rank 2 with 59 marks
}
