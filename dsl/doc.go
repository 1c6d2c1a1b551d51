// Package dsl is the language of a ladder's rules: expressions of
// github.com/expr-lang/expr over the requirements of a level, that decide
// whether a skill is reached at that level and whether the level is.
//
// A ladder writes its rules in JSON, for all levels and, to override them,
// on one level:
//
//	"rules": {
//	  "skill": "all(hard, .reached) and share(soft) >= 0.5",
//	  "level": "all(skills, .reached)"
//	}
//
// A rule left out is inherited: a level's from the ladder's, the ladder's
// from the default. The defaults are DefaultSkillRule, all(hard, .reached),
// and DefaultLevelRule, all(skills, .reached): a skill is reached at a level
// when all its hard requirements there are, and a level when all its skills
// are. A person's rank is the highest r such that levels 1 to r are all
// reached, whatever the rules.
//
// # The skill rule
//
// The skill rule decides whether one skill is reached at one level. It sees:
//
//	hard   the skill's hard requirements at the level, a list of Requirement
//	soft   the skill's soft requirements at the level, a list of Requirement
//	skill  the skill: .id, .name, .general (a Skill)
//	level  the level: .id, .name, .rank, .reach (a Level)
//
// A Requirement has .id, .text, .reached (a boolean), .status ("reached",
// "not_yet" or "unassessed") and .reason (the assessor's, "" when none).
// Requirements marked not_applicable are left out of the lists, as if the
// level did not have them. A level's requirements without a skill form its
// general group, decided by the skill rule too, with skill.general true and
// skill.id "".
//
// # The level rule
//
// The level rule decides whether a level is reached. It sees:
//
//	skills           the level's skills, a list of SkillResult: .id, .name,
//	                 .general, .reached (the skill rule's verdict), .hard, .soft
//	level            the level: .id, .name, .rank, .reach
//	reachMark        the assessor's mark on the level's expertise reach (a Mark)
//	descriptionMark  the assessor's mark on the level's description (a Mark)
//
// A Mark has .reached, .status ("reached", "not_yet", "not_applicable", or
// "unassessed" when the assessment has none) and .reason.
//
// # Functions
//
// Besides expr's operators (and, or, not, ==, <, in, matches, ?:, ...),
// rules may call these builtins of expr: all, any, none, one, count, filter,
// map, sum, find, findIndex, findLast, findLastIndex, first, last, len, abs,
// ceil, floor, round, int, float, max, min, mean, median, lower, upper,
// trim, trimPrefix, trimSuffix, hasPrefix and hasSuffix (see Builtins), and
// two helpers for the common cases:
//
//	share(list)    the share of the list that is reached, from 0 to 1;
//	               1 for an empty list, as all(list, .reached) is true of it
//	missing(list)  the number of items of the list not reached
//
// where list is hard, soft, skills, a skill's .hard or .soft, or a filter of
// one of them. For example:
//
//	all(hard, .reached) and share(soft) >= 0.5   every hard one, half the soft ones
//	missing(hard) <= 1                           all hard ones but one
//	missing(skills) <= 1                         one skill may lag behind
//	all(skills, .reached) and reachMark.reached  and the expertise reach is ticked
//
// Other builtins are refused when the rule is compiled: now, date, duration
// and timezone make a verdict depend on the clock rather than the
// assessment; repeat and reduce can take memory without bound; the rest
// (toJSON, split, sort...) have no use in a rule.
//
// # Checks and limits
//
// Compile checks a rule completely before it ever runs: syntax, names
// (with a "did you mean" for a misspelling), fields, types (a rule must be
// true or false), refused builtins, and the Limits that bound its cost: the
// length of its source, the number of nodes, how deep predicates nest, the
// size of ranges; expr's memory budget fences each run. A rule that
// compiles cannot hang or exhaust memory; every error carries the offset of
// the character at fault, shown with a caret by Error.Snippet.
//
// Rules are checked and compiled once, when package ladder parses a ladder;
// a compiled Program is immutable and runs on a reused vm.VM.
package dsl
