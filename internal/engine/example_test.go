package engine_test

import (
	"fmt"
	"log"

	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/engine"
	"github.com/ladderkit/ladder/rules"
)

// A program with its own model of ladders builds a Spec, compiles it once,
// and decides on assessments mapped onto it.
func ExampleCompile() {
	spec := engine.Spec{
		Rules: rules.Rules{Skill: "missing(hard) <= 1"},
		Requirements: []engine.Requirement{
			{ID: "tests", Text: "Writes tests"}, {ID: "reviews", Text: "Reviews code"}, {ID: "oncall", Text: "Is on call"},
		},
		Levels: []engine.Level{
			{ID: "junior", Name: "Junior", Groups: []engine.Group{{Skill: "code", Name: "Code", Hard: []int{0, 1}}}},
			{ID: "senior", Name: "Senior", Groups: []engine.Group{{Skill: "ops", Name: "Operations", Hard: []int{2}}}},
		},
	}
	plan, err := engine.Compile(spec, dsl.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	in := plan.Input()
	defer plan.Release(in)
	i, _ := plan.Lookup("tests")
	in.Marks[i] = engine.Mark{Status: engine.Reached}
	if err := plan.Decide(in); err != nil {
		log.Fatal(err)
	}
	// Under missing(hard) <= 1, a skill may miss one hard requirement.
	fmt.Println("rank", in.Rank, "levels", in.Levels)
	// Output: rank 2 levels [true true]
}
