package dsl

// Scope says which of a ladder's rules a program is, and so which
// variables it sees.
type Scope uint8

// The scopes of rules.
const (
	// SkillRule decides whether a skill is reached at a level, or at one
	// of its steps. It sees hard, soft, skill and level.
	SkillRule Scope = iota
	// LevelRule decides whether a level is reached. It sees skills, level,
	// reachMark, descriptionMark, skillLevels and points.
	LevelRule
	// ValueRule computes a named value of a ladder, a number for people
	// to read. It sees points, rank, skillLevels and next.
	ValueRule
)

// String returns "skill", "level" or "value".
func (s Scope) String() string {
	switch s {
	case LevelRule:
		return "level"
	case ValueRule:
		return "value"
	}
	return "skill"
}
