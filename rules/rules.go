// Package rules says which rules decide how requirements add up to a level:
// the rules a ladder and its levels write, the defaults, and which rule
// holds at each level. The rules themselves are written in the language of
// package dsl.
//
// A ladder may write a skill rule, which decides whether a skill is reached
// at a level, and a level rule, which decides whether a level is reached.
// A level may write its own, to replace the ladder's there. A rule left out
// is inherited: a level's from the ladder's, the ladder's from the default:
//
//	ladder := rules.Rules{Skill: "all(hard, .reached) and share(soft) >= 0.5"}
//	level3 := rules.Rules{Skill: "missing(hard) <= 1"}
//	ladder.At(level3) // {Skill: "missing(hard) <= 1", Level: "all(skills, .reached)"}
//
// Whatever the rules, a person's rank is the highest r such that levels 1
// to r are all reached.
package rules

import "strings"

// The default rules: a skill is reached at a level when all its hard
// requirements there are, and a level when all its skills are. A ladder
// without rules evaluates by them, in plain Go rather than as expressions.
const (
	DefaultSkill = "all(hard, .reached)"
	DefaultLevel = "all(skills, .reached)"
)

// Rules are expressions that decide how requirements add up to a level,
// written in the language of package dsl, for a ladder or one of its
// levels. A rule left out is inherited: a level's from the ladder's, the
// ladder's from the default.
type Rules struct {
	// Skill decides whether a skill is reached at a level, from the
	// skill's "hard" and "soft" requirements there. Default:
	// "all(hard, .reached)".
	Skill string `json:"skill,omitempty" jsonschema:"minLength=1"`
	// Level decides whether a level is reached, from its "skills" and the
	// skill rule's verdict on each. Default: "all(skills, .reached)".
	Level string `json:"level,omitempty" jsonschema:"minLength=1"`
}

// At returns the rules that hold at a level whose own rules are level, in
// a ladder whose rules are r: for each rule, the level's, else the
// ladder's, else the default.
func (r Rules) At(level Rules) Rules {
	at := Rules{Skill: DefaultSkill, Level: DefaultLevel}
	for _, src := range []Rules{r, level} {
		if src.Skill != "" {
			at.Skill = src.Skill
		}
		if src.Level != "" {
			at.Level = src.Level
		}
	}
	return at
}

// Default reports whether both rules are the defaults, left out or written
// as they are.
func (r Rules) Default() bool {
	return (r.Skill == "" || strings.TrimSpace(r.Skill) == DefaultSkill) &&
		(r.Level == "" || strings.TrimSpace(r.Level) == DefaultLevel)
}
