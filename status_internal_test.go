package ladder

import (
	"testing"

	"github.com/ladderkit/ladder/internal/engine"
	"github.com/ladderkit/ladder/internal/rule"
)

// The statuses are the words rules see, the schema lists and the engine
// reads: one set of words, written out in the constants for go doc.
func TestStatusWords(t *testing.T) {
	for _, tt := range []struct {
		status Status
		word   string
	}{
		{Reached, rule.Reached},
		{NotYet, rule.NotYet},
		{NotApplicable, rule.NotApplicable},
		{Unassessed, rule.Unassessed},
	} {
		if string(tt.status) != tt.word {
			t.Errorf("status %q, rules' word %q", tt.status, tt.word)
		}
		if s, ok := engine.StatusOf(tt.word); !ok || statusOf(s) != tt.status {
			t.Errorf("engine status of %q = %v, %v", tt.word, s, ok)
		}
	}
}
