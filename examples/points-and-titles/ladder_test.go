// These tests pin the ranks, tracks, skill levels and points of the example
// assessments, and prove the points rule behaves like levels.
package points_test

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
