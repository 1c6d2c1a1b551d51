package rules_test

import (
	"fmt"

	"github.com/ladderkit/ladder/rules"
)

// A level's rules replace the ladder's there; a rule left out falls back to
// the ladder's, then to the default.
func ExampleRules_At() {
	ladder := rules.Rules{Skill: "all(hard, .reached) and share(soft) >= 0.5"}
	fmt.Printf("%+v\n", ladder.At(rules.Rules{}))
	fmt.Printf("%+v\n", ladder.At(rules.Rules{Skill: "missing(hard) <= 1"}))
	fmt.Printf("%+v\n", rules.Rules{}.At(rules.Rules{Level: "missing(skills) <= 1"}))
	// Output:
	// {Skill:all(hard, .reached) and share(soft) >= 0.5 Level:all(skills, .reached)}
	// {Skill:missing(hard) <= 1 Level:all(skills, .reached)}
	// {Skill:all(hard, .reached) Level:missing(skills) <= 1}
}

// Rules written as the defaults are the defaults.
func ExampleRules_Default() {
	fmt.Println(rules.Rules{}.Default())
	fmt.Println(rules.Rules{Skill: " all(hard, .reached) "}.Default())
	fmt.Println(rules.Rules{Level: "missing(skills) <= 1"}.Default())
	// Output:
	// true
	// true
	// false
}
