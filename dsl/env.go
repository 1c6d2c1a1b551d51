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
