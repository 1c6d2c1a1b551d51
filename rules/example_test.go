package rules_test

import (
	"fmt"
	"log"

	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/rules"
)

// A program with its own model of ladders builds a Spec, compiles it once,
// and decides on assessments mapped onto it.
func ExampleCompile() {
	spec := rules.Spec{
		Rules: rules.Rules{Skill: "missing(hard) <= 1"},
		Requirements: []rules.Requirement{
			{ID: "tests", Text: "Writes tests"}, {ID: "reviews", Text: "Reviews code"}, {ID: "oncall", Text: "Is on call"},
		},
		Levels: []rules.Level{
			{ID: "junior", Name: "Junior", Groups: []rules.Group{{Skill: "code", Name: "Code", Hard: []int{0, 1}}}},
			{ID: "senior", Name: "Senior", Groups: []rules.Group{{Skill: "ops", Name: "Operations", Hard: []int{2}}}},
		},
	}
	plan, err := rules.Compile(spec, dsl.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	in := plan.Input()
	defer plan.Release(in)
	i, _ := plan.Lookup("tests")
	in.Marks[i] = rules.Mark{Status: rules.Reached}
	if err := plan.Decide(in); err != nil {
		log.Fatal(err)
	}
	// Under missing(hard) <= 1, a skill may miss one hard requirement.
	fmt.Println("rank", in.Rank, "levels", in.Levels)
	// Output: rank 2 levels [true true]
}
