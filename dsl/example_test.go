package dsl_test

import (
	"fmt"
	"log"

	"github.com/ladderkit/ladder/dsl"
)

// A rule compiles once for its scope, checked completely: its names, types
// and limits. Package ladder compiles each rule of a ladder when it parses
// it.
func ExampleCompile() {
	p, err := dsl.Compile(dsl.SkillRule, "all(hard, .reached) and share(soft) >= 0.5", dsl.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Scope(), "rule:", p.Source())
	// Output: skill rule: all(hard, .reached) and share(soft) >= 0.5
}

// The builtins of expr that rules may call.
func ExampleBuiltins() {
	fmt.Println(dsl.Builtins()[:4])
	// Output: [all any none one]
}

// A rule that does not compile gives an error at the character at fault.
func ExampleCompile_error() {
	_, err := dsl.Compile(dsl.SkillRule, "all(hard, .reachd)", dsl.Limits{})
	fmt.Println(err)
	// Output:
	// 1:12: a requirement has no field "reachd" (did you mean "reached"?)
	//     all(hard, .reachd)
	//                ^
}

// Rules that could cost without bound are refused when they are compiled.
func ExampleLimits() {
	_, err := dsl.Compile(dsl.SkillRule, "all(hard, all(hard, all(hard, .reached)))", dsl.Limits{})
	fmt.Println(err)
	// A program that trusts its ladders can raise a limit.
	_, err = dsl.Compile(dsl.SkillRule, "all(hard, all(hard, all(hard, .reached)))", dsl.Limits{MaxNesting: 3})
	fmt.Println(err)
	// Output:
	// 1:31: predicates nest 3 deep, over the limit of 2: each level multiplies the work
	//     all(hard, all(hard, all(hard, .reached)))
	//                                   ^
	// <nil>
}

// Check checks a rule against the ladder it is written for: the IDs it
// names, what its numbers can be there, and its cost.
func ExampleProgram_Check() {
	shape := dsl.Shape{
		Skills:       []string{"devops", "quality"},
		Levels:       []string{"1", "2", "3"},
		Requirements: []string{"l1-devops-codes", "l1-quality-tests"},
		Sizes:        dsl.Sizes{List: 4, Text: 120, Name: 20},
	}
	for _, rule := range []string{
		"skill.id == 'devops' ? missing(hard) <= 1 : all(hard, .reached)",
		"skill.id == 'devop' ? missing(hard) <= 1 : all(hard, .reached)",
		"count(soft, .reached) / len(soft) >= 0.5",
		"len(soft) == 0 or count(soft, .reached) / len(soft) >= 0.5",
	} {
		p, err := dsl.Compile(dsl.SkillRule, rule, dsl.Limits{})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(p.Check(shape))
	}
	// Output:
	// <nil>
	// 1:13: "devop" is not the ID of a skill of this ladder (did you mean "devops"?)
	//     skill.id == 'devop' ? missing(hard) <= 1 : all(hard, .reached)
	//                 ^
	// 1:25: len(soft) is 0 when the list is empty, and a division by 0 has no value: use share(soft) for the share reached, or test len(soft) > 0 first, as in len(soft) > 0 and ...
	//     count(soft, .reached) / len(soft) >= 0.5
	//                             ^
	// <nil>
}
