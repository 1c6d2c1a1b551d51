package dsl

import (
	"fmt"
	"github.com/ladderkit/ladder/internal/rule"
	"sync"

	"github.com/expr-lang/expr"
)

// The helper functions rules can call besides expr's builtins. Each takes a
// list of requirements or skills (hard, soft, skills, a skill's .hard or
// .soft, or a filter of one of them) and looks at whether each is reached.
var helpers = []struct {
	name  string
	fn    func(list any) (any, error)
	types []any // the signatures the checker accepts
}{
	// share(list) is the share of the list that is reached, from 0 to 1.
	// An empty list counts as fully reached (1), as all(list, .reached) is
	// true of it: share(soft) >= 0.5 holds at a level without soft
	// requirements.
	{"share", func(list any) (any, error) {
		reached, total, err := countReached(list)
		return fraction(reached, total), err
	}, []any{new(func([]rule.Requirement) float64), new(func([]rule.SkillResult) float64), new(func([]any) float64)}},
	// missing(list) is the number of items of the list that are not reached.
	{"missing", func(list any) (any, error) {
		reached, total, err := countReached(list)
		return total - reached, err
	}, []any{new(func([]rule.Requirement) int), new(func([]rule.SkillResult) int), new(func([]any) int)}},
}

// fractions holds n/d stored in an interface, for d up to 32: a float64
// stored in an interface allocates, and share runs once per group.
var fractions = sync.OnceValue(func() [][]any {
	t := make([][]any, 33)
	for d := 1; d < len(t); d++ {
		t[d] = make([]any, d+1)
		for n := range t[d] {
			t[d][n] = float64(n) / float64(d)
		}
	}
	return t
})

// fraction returns n/d, and 1 when d is 0.
func fraction(n, d int) any {
	if d == 0 {
		return 1.0
	}
	if t := fractions(); d < len(t) {
		return t[d][n]
	}
	return float64(n) / float64(d)
}

// helperNames lists the helpers, for suggestions.
func helperNames() []string {
	names := make([]string, len(helpers))
	for i, h := range helpers {
		names[i] = h.name
	}
	return names
}

func helperOptions() []expr.Option {
	opts := make([]expr.Option, 0, len(helpers))
	for _, h := range helpers {
		fn := h.fn
		name := h.name
		opts = append(opts, expr.Function(name, func(params ...any) (any, error) {
			if len(params) != 1 {
				return nil, fmt.Errorf("%s takes one list", name)
			}
			return fn(params[0])
		}, h.types...))
	}
	return opts
}

// countReached counts the reached items of a list as rules hold them: []any
// of rule.Requirement or rule.SkillResult values, or typed slices of them.
func countReached(list any) (reached, total int, err error) {
	switch l := list.(type) {
	case []any:
		for _, x := range l {
			switch v := x.(type) {
			case rule.Requirement:
				reached += b2i(v.Reached)
			case rule.SkillResult:
				reached += b2i(v.Reached)
			default:
				return 0, 0, fmt.Errorf("want a list of requirements or skills, got an element of type %T", x)
			}
		}
		return reached, len(l), nil
	case []rule.Requirement:
		for _, v := range l {
			reached += b2i(v.Reached)
		}
		return reached, len(l), nil
	case []rule.SkillResult:
		for _, v := range l {
			reached += b2i(v.Reached)
		}
		return reached, len(l), nil
	}
	return 0, 0, fmt.Errorf("want a list of requirements or skills, got %T", list)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
