// These tests pin the ranks, tracks and skill levels of the example
// assessments, and prove the profiles and implied steps behave like levels.
package axes_test

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
