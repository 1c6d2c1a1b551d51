package laddertest

import (
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"

	"github.com/ladderkit/ladder/rules"
)

// The search's fast path, which decides again only the level of the mark
// flipped, finds the same first loss as the whole evaluation does, on
// monotone rules and on rules that are not.
func TestFlipperAgreesWithEvaluate(t *testing.T) {
	rules := []rules.Rules{
		{},
		{Skill: "count(soft, .reached) == 1"},
		{Skill: "all(hard, .reached) and share(soft) >= 0.5", Level: "missing(skills) <= 1 and reachMark.status != 'reached'"},
		{Level: "count(skills, .reached) != 2"},
		{Skill: "any(hard, .reason == '') and missing(hard) <= 1"},
	}
	params := gopter.DefaultTestParametersWithSeed(11)
	params.MinSuccessfulTests = 300
	properties := gopter.NewProperties(params)
	properties.Property("fast and whole agree", prop.ForAll(func(c Case) bool {
		l, err := c.Shape.Ladder()
		if err != nil {
			t.Log(err)
			return false
		}
		f, err := newFlipper(l)
		if err != nil {
			t.Log(err)
			return false
		}
		fast, err := f.firstLoss(c.Marks)
		if err != nil {
			t.Log(err)
			return false
		}
		whole, err := violation(l, c.Marks)
		if err != nil {
			t.Log(err)
			return false
		}
		want := -1
		if whole != nil {
			want = whole.slot
		}
		if fast != want {
			t.Logf("%v: fast finds slot %d, the whole evaluation %d", c, fast, want)
		}
		return fast == want
	}, GenCase(rules...)))
	properties.TestingRun(t)
}
