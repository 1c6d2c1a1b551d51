// Package rule holds what the engine needs of a rule that package dsl
// compiled: the values rules see (requirements, skills, levels, marks, and
// the status words), and the runnable form of a program, which package dsl
// gives through Of. No exported name of the library shows them: rules are
// run through ladder.Evaluate.
package rule

import "github.com/expr-lang/expr/vm"

// Runnable is a rule compiled by package dsl, as the engine runs it.
type Runnable struct {
	// Source is the rule.
	Source string
	// Run runs the rule on env with machine m, which it reuses. It
	// returns the verdict, or an error when the run fails, which a rule
	// that passed its checks on the ladder of env does not.
	Run func(m *vm.VM, env Env) (bool, error)
	// Value runs a rule that computes a value (ValueScope), as Run does,
	// and returns the number.
	Value func(m *vm.VM, env Env) (float64, error)
	// Reasons and Lists say what a run may observe beyond the statuses:
	// the reasons of requirements and marks, and a level rule's skills'
	// hard and soft lists. An environment may leave out what a rule
	// cannot observe.
	Reasons, Lists bool
	// Uses holds the variables the rule names: one it does not need not
	// be set.
	Uses Vars
	// Cost returns the steps one run may take over what it sees, of the
	// sizes given.
	Cost func(Sizes) float64
	// PatternSize is the size of the rule's regular expressions (see
	// dsl.Limits.MaxPatternSize).
	PatternSize int
}

// Sizes are the sizes of what a rule sees that bound its cost (see
// dsl.Sizes).
type Sizes struct{ List, Text, Name, Reason, Skills int }

// Of returns the runnable form of a *dsl.Program. Package dsl sets it when
// it is initialized.
var Of func(program any) *Runnable

// MarkStatuses are the statuses a mark can be given, in the order the
// schema of assessments lists them.
var MarkStatuses = []string{Reached, NotYet, NotApplicable}

// The statuses a rule sees in the status field of a Requirement or Mark:
// the words of ladder.Status.
const (
	Reached       = "reached"
	NotYet        = "not_yet"
	Unassessed    = "unassessed"
	NotApplicable = "not_applicable" // marks only: such requirements are left out
)

// Requirement is a requirement as rules see it, in hard and soft and in a
// skill's hard and soft lists. Requirements marked not_applicable are left
// out of these lists.
type Requirement struct {
	// ID is the requirement's ID.
	ID string `expr:"id"`
	// Text is the requirement's text.
	Text string `expr:"text"`
	// Reached is true when the requirement is marked reached.
	Reached bool `expr:"reached"`
	// Status is "reached", "not_yet" or "unassessed" (no mark).
	Status string `expr:"status"`
	// Reason is the reason given with the mark, "" when none.
	Reason string `expr:"reason"`
	// Points are what the requirement is worth when reached.
	Points int `expr:"points"`
}

// Skill is the skill a skill rule decides on: the variable skill. At a level
// whose requirements have no skill, the rule decides on the general group,
// whose ID is "" and General true.
type Skill struct {
	// ID is the skill's ID, "" for the general group.
	ID string `expr:"id"`
	// Name is the skill's name ("General" for the general group).
	Name string `expr:"name"`
	// General is true for the level's requirements that have no skill.
	General bool `expr:"general"`
}

// SkillResult is a skill of the level a level rule decides on, with the
// skill rule's verdict: an element of the variable skills.
type SkillResult struct {
	// ID is the skill's ID, "" for the general group.
	ID string `expr:"id"`
	// Name is the skill's name ("General" for the general group).
	Name string `expr:"name"`
	// General is true for the level's requirements that have no skill.
	General bool `expr:"general"`
	// Reached is the skill rule's verdict on this skill at this level.
	Reached bool `expr:"reached"`
	// Hard and Soft are the skill's requirements at this level.
	Hard []Requirement `expr:"hard"`
	Soft []Requirement `expr:"soft"`
}

// Level is the level a rule is applied at: the variable level.
type Level struct {
	// ID is the level's ID.
	ID string `expr:"id"`
	// Name is the level's name.
	Name string `expr:"name"`
	// Rank is the level's place in the ladder, from 1.
	Rank int `expr:"rank"`
	// Reach is the level's expertise reach.
	Reach string `expr:"reach"`
	// Threshold is the level's threshold, 0 when it has none.
	Threshold int `expr:"threshold"`
}

// SkillLevel is a person's level in one of the ladder's skills: an element
// of the variable skillLevels of a level rule.
type SkillLevel struct {
	// ID is the skill's ID.
	ID string `expr:"id"`
	// Name is the skill's name.
	Name string `expr:"name"`
	// Level is the person's level in the skill, 0 when none is reached.
	Level int `expr:"level"`
	// Points are what the skill's level is worth.
	Points int `expr:"points"`
}

// Mark is the assessor's mark on a level's expertise reach or description:
// the variables reachMark and descriptionMark of a level rule.
type Mark struct {
	// Reached is true when the mark is reached.
	Reached bool `expr:"reached"`
	// Status is "reached", "not_yet", "not_applicable", or "unassessed"
	// when the assessment has no such mark.
	Status string `expr:"status"`
	// Reason is the reason given with the mark, "" when none.
	Reason string `expr:"reason"`
}

// The names of the variables, as rules write them.
const (
	VarHard            = "hard"
	VarSoft            = "soft"
	VarSkill           = "skill"
	VarLevel           = "level"
	VarSkills          = "skills"
	VarReachMark       = "reachMark"
	VarDescriptionMark = "descriptionMark"
	VarSkillLevels     = "skillLevels"
	VarPoints          = "points"
	VarRank            = "rank"
	VarNext            = "next"
)

// Vars is a set of the variables a rule names, a bit each.
type Vars uint16

// The bits of the variables in Vars.
const (
	UsesHard Vars = 1 << iota
	UsesSoft
	UsesSkill
	UsesLevel
	UsesSkills
	UsesReachMark
	UsesDescriptionMark
	UsesSkillLevels
	UsesPoints
	UsesRank
	UsesNext
)

// VarBit returns the bit of a variable in Vars, 0 for other names.
func VarBit(name string) Vars {
	switch name {
	case VarHard:
		return UsesHard
	case VarSoft:
		return UsesSoft
	case VarSkill:
		return UsesSkill
	case VarLevel:
		return UsesLevel
	case VarSkills:
		return UsesSkills
	case VarReachMark:
		return UsesReachMark
	case VarDescriptionMark:
		return UsesDescriptionMark
	case VarSkillLevels:
		return UsesSkillLevels
	case VarPoints:
		return UsesPoints
	case VarRank:
		return UsesRank
	case VarNext:
		return UsesNext
	}
	return 0
}

// The scopes of rules, as package dsl numbers them (dsl.Scope).
const (
	SkillScope = iota // a skill rule
	LevelScope        // a level rule
	ValueScope        // a rule that computes a named value
)

// Env holds the variables of one run of a rule, by name. Lists (hard, soft,
// skills, skillLevels) are []any holding values of the element type
// (Requirement, SkillResult, SkillLevel), so that a caller can fill them in place and reuse them from
// run to run without allocating; the other variables hold their type's
// value. NewEnv makes one for a scope.
type Env map[string]any

// NewEnv returns the environment of a rule of a scope (SkillScope,
// LevelScope or ValueScope), with every variable set to its zero value.
func NewEnv(scope int) Env {
	switch scope {
	case LevelScope:
		return Env{VarSkills: []any{}, VarLevel: Level{}, VarReachMark: unassessedMark, VarDescriptionMark: unassessedMark, VarSkillLevels: []any{}, VarPoints: 0}
	case ValueScope:
		return Env{VarPoints: 0, VarRank: 0, VarSkillLevels: []any{}, VarNext: Level{}}
	}
	return Env{VarHard: []any{}, VarSoft: []any{}, VarSkill: Skill{}, VarLevel: Level{}}
}

var unassessedMark = Mark{Status: Unassessed}

// TypeEnv is the environment expr's checker sees: the same names, with
// typed lists, so that rules are checked against the element types.
func TypeEnv(scope int) map[string]any {
	switch scope {
	case LevelScope:
		return map[string]any{VarSkills: []SkillResult{}, VarLevel: Level{}, VarReachMark: Mark{}, VarDescriptionMark: Mark{}, VarSkillLevels: []SkillLevel{}, VarPoints: 0}
	case ValueScope:
		return map[string]any{VarPoints: 0, VarRank: 0, VarSkillLevels: []SkillLevel{}, VarNext: Level{}}
	}
	return map[string]any{VarHard: []Requirement{}, VarSoft: []Requirement{}, VarSkill: Skill{}, VarLevel: Level{}}
}
