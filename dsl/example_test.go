package dsl_test

import (
	"fmt"
	"log"

	"github.com/expr-lang/expr/vm"

	"github.com/ladderkit/ladder/dsl"
)

// verdict compiles a rule and runs it on env.
func verdict(scope dsl.Scope, rule string, env dsl.Env) bool {
	p, err := dsl.Compile(scope, rule, dsl.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	var m vm.VM
	ok, err := p.Run(&m, env)
	if err != nil {
		log.Fatal(err)
	}
	return ok
}

// req makes a requirement as rules see it.
func req(id, status string) dsl.Requirement {
	return dsl.Requirement{ID: id, Text: "Text of " + id, Reached: status == dsl.StatusReached, Status: status}
}

// skillEnv makes the environment of a skill rule with the given lists.
func skillEnv(hard, soft []dsl.Requirement) dsl.Env {
	env := dsl.NewEnv(dsl.SkillRule)
	env[dsl.VarHard] = list(hard)
	env[dsl.VarSoft] = list(soft)
	env[dsl.VarSkill] = dsl.Skill{ID: "devops", Name: "DevOps"}
	env[dsl.VarLevel] = dsl.Level{ID: "3", Name: "Level 3", Rank: 3, Reach: "Squad"}
	return env
}

func list[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// The variable hard holds the skill's hard requirements at the level.
func ExampleCompile_hard() {
	env := skillEnv([]dsl.Requirement{req("writes-tests", "reached"), req("reviews", "not_yet")}, nil)
	fmt.Println(verdict(dsl.SkillRule, "all(hard, .reached)", env))
	fmt.Println(verdict(dsl.SkillRule, "count(hard, .status == 'not_yet') == 1", env))
	// Output:
	// false
	// true
}

// The variable soft holds the skill's soft requirements at the level.
func ExampleCompile_soft() {
	env := skillEnv(nil, []dsl.Requirement{req("mentors", "reached"), req("blogs", "unassessed")})
	fmt.Println(verdict(dsl.SkillRule, "any(soft, .reached)", env))
	fmt.Println(verdict(dsl.SkillRule, "none(soft, .status == 'unassessed')", env))
	// Output:
	// true
	// false
}

// The variable skill is the skill the rule decides on; skill.general is true
// for a level's requirements without a skill.
func ExampleCompile_skill() {
	env := skillEnv([]dsl.Requirement{req("a", "reached"), req("b", "not_yet")}, nil)
	// Relax the rule for one skill.
	rule := "skill.id == 'devops' ? missing(hard) <= 1 : all(hard, .reached)"
	fmt.Println(verdict(dsl.SkillRule, rule, env))
	// Output: true
}

// The variable level is the level the rule is applied at.
func ExampleCompile_level() {
	env := skillEnv([]dsl.Requirement{req("a", "reached"), req("b", "not_yet")}, nil)
	// From rank 3 up, all hard requirements; below, all but one.
	rule := "level.rank >= 3 ? all(hard, .reached) : missing(hard) <= 1"
	fmt.Println(verdict(dsl.SkillRule, rule, env))
	// Output: false
}

// levelEnv makes the environment of a level rule.
func levelEnv(skills []dsl.SkillResult, reach dsl.Mark) dsl.Env {
	env := dsl.NewEnv(dsl.LevelRule)
	env[dsl.VarSkills] = list(skills)
	env[dsl.VarLevel] = dsl.Level{ID: "4", Name: "Level 4", Rank: 4, Reach: "Other squads"}
	env[dsl.VarReachMark] = reach
	return env
}

// The variable skills holds the level's skills with the skill rule's
// verdict on each.
func ExampleCompile_skills() {
	env := levelEnv([]dsl.SkillResult{
		{ID: "devops", Name: "DevOps", Reached: true},
		{ID: "quality", Name: "Quality", Reached: false, Hard: []dsl.Requirement{req("few-bugs", "not_yet")}},
	}, dsl.Mark{Status: dsl.StatusUnassessed})
	fmt.Println(verdict(dsl.LevelRule, "all(skills, .reached)", env))
	fmt.Println(verdict(dsl.LevelRule, "count(skills, !.reached) <= 1", env))
	fmt.Println(verdict(dsl.LevelRule, "all(skills, .reached or len(.hard) == 1)", env))
	// Output:
	// false
	// true
	// true
}

// The variable reachMark is the assessor's mark on the level's expertise
// reach: the sheet's checkbox next to it.
func ExampleCompile_reachMark() {
	skills := []dsl.SkillResult{{ID: "devops", Reached: true}}
	rule := "all(skills, .reached) and reachMark.reached"
	fmt.Println(verdict(dsl.LevelRule, rule, levelEnv(skills, dsl.Mark{Reached: true, Status: dsl.StatusReached})))
	fmt.Println(verdict(dsl.LevelRule, rule, levelEnv(skills, dsl.Mark{Status: dsl.StatusUnassessed})))
	// Output:
	// true
	// false
}

// The variable descriptionMark is the assessor's mark on the level's
// description.
func ExampleCompile_descriptionMark() {
	env := levelEnv([]dsl.SkillResult{{ID: "devops", Reached: true}}, dsl.Mark{Status: dsl.StatusUnassessed})
	env[dsl.VarDescriptionMark] = dsl.Mark{Status: dsl.StatusNotYet, Reason: "Not yet seen leading"}
	rule := "all(skills, .reached) and descriptionMark.status != 'not_yet'"
	fmt.Println(verdict(dsl.LevelRule, rule, env))
	// Output: false
}

// share(list) is the share of a list that is reached, from 0 to 1.
func ExampleCompile_share() {
	env := skillEnv(
		[]dsl.Requirement{req("a", "reached")},
		[]dsl.Requirement{req("s1", "reached"), req("s2", "not_yet"), req("s3", "reached"), req("s4", "unassessed")})
	fmt.Println(verdict(dsl.SkillRule, "all(hard, .reached) and share(soft) >= 0.5", env))
	fmt.Println(verdict(dsl.SkillRule, "share(soft) > 0.5", env))
	// An empty list is fully reached.
	fmt.Println(verdict(dsl.SkillRule, "share(filter(soft, .reason == 'waived')) == 1", env))
	// Output:
	// true
	// false
	// true
}

// missing(list) is the number of items of a list that are not reached.
func ExampleCompile_missing() {
	env := skillEnv([]dsl.Requirement{req("a", "reached"), req("b", "not_yet"), req("c", "unassessed")}, nil)
	fmt.Println(verdict(dsl.SkillRule, "missing(hard) <= 1", env))
	fmt.Println(verdict(dsl.SkillRule, "missing(hard) == 2", env))
	// Output:
	// false
	// true
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

func ExampleProgram_Run() {
	p, err := dsl.Compile(dsl.SkillRule, "missing(hard) == 0", dsl.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	// One VM and one environment, reused from run to run.
	var m vm.VM
	env := dsl.NewEnv(dsl.SkillRule)
	for _, hard := range [][]dsl.Requirement{
		{req("a", "reached")},
		{req("a", "reached"), req("b", "not_yet")},
	} {
		env[dsl.VarHard] = list(hard)
		ok, err := p.Run(&m, env)
		fmt.Println(ok, err)
	}
	// Output:
	// true <nil>
	// false <nil>
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
