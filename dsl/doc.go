// Package dsl is the language of a ladder's rules: expressions of
// github.com/expr-lang/expr over the requirements of a level, that decide
// whether a skill is reached at that level and whether the level is, and
// that compute a ladder's named values.
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
// from the default. The defaults (rules.DefaultSkill and rules.DefaultLevel)
// are all(hard, .reached) and all(skills, .reached): a skill is reached at a level
// when all its hard requirements there are, and a level when all its skills
// are. A person's rank is the highest r such that levels 1 to r are all
// reached, whatever the rules.
//
// # The skill rule
//
// The skill rule decides whether one skill is reached at one level. It sees:
//
//	hard   the skill's hard requirements at the level, a list of requirements
//	soft   the skill's soft requirements at the level, a list of requirements
//	skill  the skill: .id, .name, .general
//	level  the level: .id, .name, .rank, .reach, .threshold
//
// A requirement has .id, .text, .reached (a boolean), .status ("reached",
// "not_yet" or "unassessed"), .reason (the assessor's, "" when none) and
// .points. Requirements marked not_applicable are left out of the lists, as
// if the level did not have them. A level's requirements without a skill
// form its general group, decided by the skill rule too, with skill.general
// true and skill.id "". The ladder's skill rule also decides each step of a
// skill that has steps of its own: level is then the step (its .rank is the
// step's number).
//
// # The level rule
//
// The level rule decides whether a level is reached. It sees:
//
//	skills           the level's skills, a list of skills: .id, .name,
//	                 .general, .reached (the skill rule's verdict), .hard, .soft
//	level            the level: .id, .name, .rank, .reach, .threshold
//	reachMark        the assessor's mark on the level's expertise reach
//	descriptionMark  the assessor's mark on the level's description
//	skillLevels      the person's level in each of the ladder's skills: .id,
//	                 .name, .level, .points (along the level's track)
//	points           the person's points, an integer
//
// A mark has .reached, .status ("reached", "not_yet", "not_applicable", or
// "unassessed" when the assessment has none) and .reason. A level without
// requirements is decided by its level rule (and its profile): one rule for
// the whole ladder can decide each level by its own threshold, as in
// points >= level.threshold.
//
// # Value rules
//
// A value rule computes one of a ladder's named values, a number for
// people to read. It runs once the rank is known, and sees:
//
//	points       the person's points
//	rank         the rank (on the result's track)
//	skillLevels  the person's level in each skill, as above
//	next         the level above the rank on the track, as level above;
//	             at the top, a level of rank 0 (and threshold 0)
//
// For example, the points to the next title:
//
//	next.rank > 0 ? max(0, next.threshold - points) : 0
//
// # Functions
//
// Besides expr's operators (and, or, not, ==, <, +, /, in, matches, ?:,
// let ...), rules may call these builtins of expr: all, any, none, one,
// count, filter, map, sum, findIndex, findLastIndex, len, abs, ceil, floor,
// round, int, float, max, min, lower, upper, trim, trimPrefix, trimSuffix,
// hasPrefix and hasSuffix (see Builtins), and two helpers for the common
// cases:
//
//	share(list)    the share of the list that is reached, from 0 to 1;
//	               1 for an empty list, as all(list, .reached) is true of it
//	missing(list)  the number of items of the list not reached
//
// where list is hard, soft, skills, a skill's .hard or .soft, or a filter of
// one of them. findIndex and findLastIndex give -1 when no element
// matches. For example:
//
//	all(hard, .reached) and share(soft) >= 0.5   every hard one, half the soft ones
//	missing(hard) <= 1                           all hard ones but one
//	missing(skills) <= 1                         one skill may lag behind
//	all(skills, .reached) and reachMark.reached  and the expertise reach is ticked
//	[0, 1, 3, 6][min(count(hard, .reached), 3)] >= 3   points by requirements reached
//
// # What a checked rule promises
//
// A rule that Compile accepts, and that Check accepts on its ladder, runs on
// every assessment of that ladder to the end, and its verdict is what it
// says: it cannot fail as it runs, give nil, overflow, or compare with NaN.
// A property test proves it on generated rules, running each on expr's
// machine and on a reference evaluator written in plain Go. To keep this
// promise, the checker types every value exactly (a number, a string, a
// requirement, a list of skills...), and refuses what could fail or
// mislead, saying what to write instead:
//
//   - nil, ?. and ??: no value a rule sees is nil.
//   - find, findLast, first and last have no value when nothing matches or
//     the list is empty: ask with any, all or count, or find where with
//     findIndex. mean, median, and max and min of a list, have no value on
//     an empty list: use share, sum or count, or give max its values, as in
//     max(a, b). max and min of integers and numbers mixed are refused:
//     write float(x).
//   - Indexes into hard, soft, skills and the lists a rule computes: a
//     requirement's place in them changes from level to level and with
//     not_applicable marks. Name requirements and skills by ID instead, as
//     in any(hard, .id == 'its-id' and .reached). A list written in the
//     rule, or a range, can be indexed: Check proves the index in range.
//     Slices, and indexes into strings, are refused.
//   - int and float of a string, which fail on text that is not a number.
//   - == and != on requirements, skills, marks or lists (compare IDs, or
//     statuses: reachMark == 'reached' is refused with a hint to write
//     reachMark.status), and a mix of types such as a number and a string.
//   - 'field' in x, on a requirement, skill, level or mark, is answered
//     from the language's field names ('id' in skill is true, 'ID' false).
//   - Maps, byte strings, methods, and sequences with ; (but for let).
//   - A status compared with a word that is not one: .status == 'reachd'
//     (did you mean "reached"?). A requirement's status is never
//     not_applicable: such requirements are left out of the lists.
//
// What depends on the ladder is checked by Program.Check, on the ladder's
// IDs and sizes (package ladder does it when it parses a ladder):
//
//   - An ID compared with a literal must be one of the ladder's:
//     skill.id == 'devop' is refused (did you mean "devops"?).
//   - Every number stays within 2^53 - 1, whatever the assessment, so that
//     no integer overflows and int() of a number is defined: Check bounds
//     each value by the sizes of the ladder's lists.
//   - A division or remainder by a number that may be 0 is refused:
//     count(soft, .reached) / len(soft) has no value at a level without
//     soft requirements. Write share(soft), or test first: in
//     len(soft) > 0 and count(soft, .reached) / len(soft) >= 0.5, and in
//     the same with or, ?: and let, the test is known where it holds.
//   - A negative number to a fractional power, and 0 to a negative one.
//
// # Refused builtins
//
// Other builtins are refused when the rule is compiled: now, date, duration
// and timezone make a verdict depend on the clock rather than the
// assessment; repeat and reduce can take memory without bound; the rest
// (toJSON, split, sort...) have no use in a rule.
//
// # Checks and limits
//
// Compile checks a rule completely before it ever runs: syntax, names
// (with a "did you mean" for a misspelled name or function; = and 50% get
// hints of their own), fields, types (a rule must be true or false), the
// constructs above, and the Limits that bound its cost: the length of its
// source, the number of nodes, how deep predicates nest, the size of ranges
// and of regular expressions. Check estimates the steps of a run over the
// ladder's longest lists and texts, and reasons of MaxReasonLength
// characters, and refuses a rule over Limits.MaxCost; package ladder also
// bounds the steps of a whole evaluation (Limits.MaxTotalCost). On a 2-core
// machine, the costliest rules the limits accept take 4 to 5 nanoseconds a
// step, so that the whole budget of an evaluation is at most about 5
// milliseconds. expr's memory budget fences each run, behind the cost.
// Every error carries the offset of the character at fault, shown with a
// caret by Error.Snippet.
//
// Rules are checked and compiled once, when package ladder parses a ladder,
// and run by ladder.Evaluate; a compiled Program is immutable. expr v1.17.8
// runs findLastIndex in a loop that corrupts the machine's stack when it is
// nested in a predicate (expr issue #950): rules run it as a forward loop.
package dsl
