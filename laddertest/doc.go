// Package laddertest serves the tests of teams that keep a career ladder,
// as net/http/httptest serves those of HTTP handlers. It is for _test.go
// files, and for tools such as the ladder command: it imports testing and
// github.com/leanovate/gopter, which the library's other packages never do,
// so that a program importing package ladder does not link them.
//
// A team pins its ladder's behaviour in CI with a file of cases next to the
// ladder (see RunCases), and proves its own rules behave like levels:
//
//	func TestLadder(t *testing.T) {
//		laddertest.RunCases(t, "cases.json")
//	}
//
//	func TestRulesAreMonotone(t *testing.T) {
//		laddertest.CheckMonotone(t, laddertest.MustLoad(t, "ladder.json"))
//	}
//
// CheckMonotone searches with gopter for an assessment where reaching more
// loses a level, and reports the smallest it finds: a rule such as
// count(soft, .reached) == 1 fails it, as reaching a second soft
// requirement loses the skill.
//
// FindConstant finds what a ladder's rules decide whatever the
// assessment: a level that is not reached even with everything reached,
// one that is reached with nothing reached. The ladder command's lint
// reports both.
//
// The generators it uses (GenShape, GenMarks, GenCase, GenLadder,
// GenAssessment) are exported for teams that write properties of their own.
// GenAnyShape and GenAnyCase generate the other shapes of ladders too:
// skills with steps worth points, tracks, levels decided by profiles,
// thresholds and implied steps. Cases files (see Cases) pin tracks, skill
// levels, points and named values as well as ranks.
package laddertest
