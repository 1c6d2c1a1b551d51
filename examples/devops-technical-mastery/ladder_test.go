// These tests show how a team tests its own ladder with package
// laddertest: pin the ranks of known assessments, and prove the rules
// behave like levels. Copy them next to your ladder.
package devops_test

import (
	"testing"

	"github.com/ladderkit/ladder/laddertest"
)

// The assessments of cases.json give the ranks pinned there.
func TestCases(t *testing.T) {
	laddertest.RunCases(t, "cases.json")
}

// Reaching more never lowers a rank.
func TestRulesAreMonotone(t *testing.T) {
	laddertest.CheckMonotone(t, laddertest.MustLoad(t, "ladder.json"))
}
