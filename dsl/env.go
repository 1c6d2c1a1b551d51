package dsl

// Scope says which of a ladder's two rules a program is, and so which
// variables it sees.
type Scope uint8

// The scopes of rules.
const (
	// SkillRule decides whether a skill is reached at a level. It sees
	// hard, soft, skill and level.
	SkillRule Scope = iota
	// LevelRule decides whether a level is reached. It sees skills, level,
	// reachMark and descriptionMark.
	LevelRule
)

// String returns "skill" or "level".
func (s Scope) String() string {
	if s == LevelRule {
		return "level"
	}
	return "skill"
}

// The statuses a rule sees in the status field of a Requirement or Mark.
const (
	StatusReached       = "reached"
	StatusNotYet        = "not_yet"
	StatusUnassessed    = "unassessed"
	StatusNotApplicable = "not_applicable" // marks only: such requirements are left out
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
)

// Env holds the variables of one run of a rule, by name. Lists (hard, soft,
// skills) are []any holding values of the element type (Requirement,
// SkillResult), so that a caller can fill them in place and reuse them from
// run to run without allocating; the other variables hold their type's
// value. NewEnv makes one for a scope.
type Env map[string]any

// NewEnv returns an environment for a scope, with every variable set to its
// zero value.
func NewEnv(s Scope) Env {
	if s == LevelRule {
		return Env{VarSkills: []any{}, VarLevel: Level{}, VarReachMark: unassessedMark, VarDescriptionMark: unassessedMark}
	}
	return Env{VarHard: []any{}, VarSoft: []any{}, VarSkill: Skill{}, VarLevel: Level{}}
}

var unassessedMark = Mark{Status: StatusUnassessed}

// typeEnv is the environment the checker sees: the same names, with typed
// lists, so that rules are checked against the element types.
func typeEnv(s Scope) map[string]any {
	if s == LevelRule {
		return map[string]any{VarSkills: []SkillResult{}, VarLevel: Level{}, VarReachMark: Mark{}, VarDescriptionMark: Mark{}}
	}
	return map[string]any{VarHard: []Requirement{}, VarSoft: []Requirement{}, VarSkill: Skill{}, VarLevel: Level{}}
}
