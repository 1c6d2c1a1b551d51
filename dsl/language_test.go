package dsl

import (
	"testing"

	"github.com/expr-lang/expr/vm"

	"github.com/ladderkit/ladder/internal/rule"
)

// What each variable and helper of the language gives, on environments
// made by hand: the documentation of package dsl, as tests.

// verdict compiles a rule and runs it on env.
func verdict(scope Scope, src string, env rule.Env) bool {
	p, err := Compile(scope, src, Limits{})
	if err != nil {
		panic(err)
	}
	var m vm.VM
	ok, err := p.runOn(&m, env)
	if err != nil {
		panic(err)
	}
	return ok
}

// req makes a requirement as rules see it.
func req(id, status string) rule.Requirement {
	return rule.Requirement{ID: id, Text: "Text of " + id, Reached: status == rule.Reached, Status: status}
}

// skillEnv makes the environment of a skill rule with the given lists.
func skillEnv(hard, soft []rule.Requirement) rule.Env {
	env := rule.NewEnv(rule.SkillScope)
	env[rule.VarHard] = list(hard)
	env[rule.VarSoft] = list(soft)
	env[rule.VarSkill] = rule.Skill{ID: "devops", Name: "DevOps"}
	env[rule.VarLevel] = rule.Level{ID: "3", Name: "Level 3", Rank: 3, Reach: "Squad"}
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
func TestLanguage_hard(t *testing.T) {
	env := skillEnv([]rule.Requirement{req("writes-tests", "reached"), req("reviews", "not_yet")}, nil)
	if got := verdict(SkillRule, "all(hard, .reached)", env); got != false {
		t.Errorf("%s: got %v, want false", t.Name(), got)
	}
	if got := verdict(SkillRule, "count(hard, .status == 'not_yet') == 1", env); got != true {
		t.Errorf("%s: got %v, want true", t.Name(), got)
	}
}

// The variable soft holds the skill's soft requirements at the level.
func TestLanguage_soft(t *testing.T) {
	env := skillEnv(nil, []rule.Requirement{req("mentors", "reached"), req("blogs", "unassessed")})
	if got := verdict(SkillRule, "any(soft, .reached)", env); got != true {
		t.Errorf("%s: got %v, want true", t.Name(), got)
	}
	if got := verdict(SkillRule, "none(soft, .status == 'unassessed')", env); got != false {
		t.Errorf("%s: got %v, want false", t.Name(), got)
	}
}

// The variable skill is the skill the rule decides on; skill.general is true
// for a level's requirements without a skill.
func TestLanguage_skill(t *testing.T) {
	env := skillEnv([]rule.Requirement{req("a", "reached"), req("b", "not_yet")}, nil)
	// Relax the rule for one skill.
	src := "skill.id == 'devops' ? missing(hard) <= 1 : all(hard, .reached)"
	if got := verdict(SkillRule, src, env); got != true {
		t.Errorf("%s: got %v, want true", t.Name(), got)
	}
}

// The variable level is the level the rule is applied at.
func TestLanguage_level(t *testing.T) {
	env := skillEnv([]rule.Requirement{req("a", "reached"), req("b", "not_yet")}, nil)
	// From rank 3 up, all hard requirements; below, all but one.
	src := "level.rank >= 3 ? all(hard, .reached) : missing(hard) <= 1"
	if got := verdict(SkillRule, src, env); got != false {
		t.Errorf("%s: got %v, want false", t.Name(), got)
	}
}

// levelEnv makes the environment of a level rule.
func levelEnv(skills []rule.SkillResult, reach rule.Mark) rule.Env {
	env := rule.NewEnv(rule.LevelScope)
	env[rule.VarSkills] = list(skills)
	env[rule.VarLevel] = rule.Level{ID: "4", Name: "Level 4", Rank: 4, Reach: "Other squads"}
	env[rule.VarReachMark] = reach
	return env
}

// The variable skills holds the level's skills with the skill rule's
// verdict on each.
func TestLanguage_skills(t *testing.T) {
	env := levelEnv([]rule.SkillResult{
		{ID: "devops", Name: "DevOps", Reached: true},
		{ID: "quality", Name: "Quality", Reached: false, Hard: []rule.Requirement{req("few-bugs", "not_yet")}},
	}, rule.Mark{Status: rule.Unassessed})
	if got := verdict(LevelRule, "all(skills, .reached)", env); got != false {
		t.Errorf("%s: got %v, want false", t.Name(), got)
	}
	if got := verdict(LevelRule, "count(skills, !.reached) <= 1", env); got != true {
		t.Errorf("%s: got %v, want true", t.Name(), got)
	}
	if got := verdict(LevelRule, "all(skills, .reached or len(.hard) == 1)", env); got != true {
		t.Errorf("%s: got %v, want true", t.Name(), got)
	}
}

// The variable reachMark is the assessor's mark on the level's expertise
// reach: the sheet's checkbox next to it.
func TestLanguage_reachMark(t *testing.T) {
	skills := []rule.SkillResult{{ID: "devops", Reached: true}}
	src := "all(skills, .reached) and reachMark.reached"
	if got := verdict(LevelRule, src, levelEnv(skills, rule.Mark{Reached: true, Status: rule.Reached})); got != true {
		t.Errorf("%s: got %v, want true", t.Name(), got)
	}
	if got := verdict(LevelRule, src, levelEnv(skills, rule.Mark{Status: rule.Unassessed})); got != false {
		t.Errorf("%s: got %v, want false", t.Name(), got)
	}
}

// The variable descriptionMark is the assessor's mark on the level's
// description.
func TestLanguage_descriptionMark(t *testing.T) {
	env := levelEnv([]rule.SkillResult{{ID: "devops", Reached: true}}, rule.Mark{Status: rule.Unassessed})
	env[rule.VarDescriptionMark] = rule.Mark{Status: rule.NotYet, Reason: "Not yet seen leading"}
	src := "all(skills, .reached) and descriptionMark.status != 'not_yet'"
	if got := verdict(LevelRule, src, env); got != false {
		t.Errorf("%s: got %v, want false", t.Name(), got)
	}
}

// share(list) is the share of a list that is reached, from 0 to 1.
func TestLanguage_share(t *testing.T) {
	env := skillEnv(
		[]rule.Requirement{req("a", "reached")},
		[]rule.Requirement{req("s1", "reached"), req("s2", "not_yet"), req("s3", "reached"), req("s4", "unassessed")})
	if got := verdict(SkillRule, "all(hard, .reached) and share(soft) >= 0.5", env); got != true {
		t.Errorf("%s: got %v, want true", t.Name(), got)
	}
	if got := verdict(SkillRule, "share(soft) > 0.5", env); got != false {
		t.Errorf("%s: got %v, want false", t.Name(), got)
	}
	// An empty list is fully reached.
	if got := verdict(SkillRule, "share(filter(soft, .reason == 'waived')) == 1", env); got != true {
		t.Errorf("%s: got %v, want true", t.Name(), got)
	}
}

// missing(list) is the number of items of a list that are not reached.
func TestLanguage_missing(t *testing.T) {
	env := skillEnv([]rule.Requirement{req("a", "reached"), req("b", "not_yet"), req("c", "unassessed")}, nil)
	if got := verdict(SkillRule, "missing(hard) <= 1", env); got != false {
		t.Errorf("%s: got %v, want false", t.Name(), got)
	}
	if got := verdict(SkillRule, "missing(hard) == 2", env); got != true {
		t.Errorf("%s: got %v, want true", t.Name(), got)
	}
}
