package dsl

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/expr-lang/expr/vm"
)

// FuzzCompile: Compile never panics, and every error is a *Error at a
// character of the rule; a rule that compiles runs without a panic, within
// its limits, and fails only with an *Error.
func FuzzCompile(f *testing.F) {
	for _, rule := range []string{
		DefaultSkillRule, DefaultLevelRule,
		"all(hard, .reached) and share(soft) >= 0.5",
		"missing(skills) <= 1 and reachMark.reached",
		"level.rank >= 3 ? missing(hard) <= 1 : all(hard, .reached)",
		"all(skills, all(.hard, .reached or .reason == 'waived'))",
		"count(1..10, # % 2 == 0) > len(filter(hard, .status == 'not_yet'))",
		"hard[0].text matches '^Writes' and lower(skill.name) in ['devops', 'quality']",
		"let n = len(hard); n > 0 && sum(hard, .reached ? 1 : 0) / n >= 0.5",
		"now() > now()", "all(hard, all(hard, all(hard, .reached)))", "1..1000000000",
	} {
		f.Add(uint8(0), rule)
		f.Add(uint8(1), rule)
	}
	f.Fuzz(func(t *testing.T, scope uint8, rule string) {
		s := Scope(scope % 2)
		p, err := Compile(s, rule, Limits{})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Compile(%q): error %T is not a *dsl.Error: %v", rule, err, err)
			}
			if e.Offset < 0 || e.Offset > utf8.RuneCountInString(rule) {
				t.Fatalf("Compile(%q): offset %d outside the rule", rule, e.Offset)
			}
			_ = e.Snippet()
			return
		}
		env := NewEnv(s)
		if s == SkillRule {
			env[VarHard] = []any{Requirement{ID: "a", Reached: true, Status: StatusReached}, Requirement{ID: "b", Status: StatusNotYet, Reason: "x"}}
			env[VarSoft] = []any{Requirement{ID: "c", Status: StatusUnassessed}}
		} else {
			env[VarSkills] = []any{SkillResult{ID: "a", Reached: true, Hard: []Requirement{{ID: "a"}}}, SkillResult{General: true}}
		}
		var m vm.VM
		if _, err := p.Run(&m, env); err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Run(%q): error %T is not a *dsl.Error: %v", rule, err, err)
			}
		}
	})
}
