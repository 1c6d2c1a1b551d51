package dsl

// Limits bound what a rule may cost, so that a ladder written by anyone can
// be evaluated inside a server: every rule that compiles within them runs in
// bounded time and memory. Compile refuses a rule over a limit with an error
// that names it.
//
// A zero field means the default. To evaluate trusted ladders whose rules
// need more, raise a limit on a ladder.Parser:
//
//	p := ladder.Parser{Rules: dsl.Limits{MaxNesting: 3}}
//	l, err := p.Load("ladder.json")
type Limits struct {
	// MaxSource is the longest rule, in bytes. Default 1000.
	MaxSource int
	// MaxNodes is the largest rule, in nodes of its syntax tree: each
	// name, literal, operator and call is one. Default 100: the rules of
	// docs/rules.md have at most 20.
	MaxNodes int
	// MaxNesting is how deep predicates (all, any, count, filter, map...)
	// may nest inside each other. Default 2, which allows
	// all(skills, all(.hard, .reached)). Each level of nesting multiplies
	// the work by the length of a list.
	MaxNesting int
	// MaxRange is the most elements a range a..b may have; its bounds must
	// be integer literals. Default 10: rules go over a level's lists, and
	// a range nested in a range multiplies.
	MaxRange int
	// MaxCost is the most steps one run of a rule may take, as estimated
	// by Program.Check over the sizes of the ladder (its longest list and
	// text) and of reasons (MaxReasonLength): each node counts once per
	// element of each predicate around it, each list a builtin walks counts
	// by its length, and string work by bytes. The estimate errs high.
	// Default 20000, which a rule such as all(skills, all(.hard, .reached))
	// reaches with lists of about 70 items.
	MaxCost int
	// MaxTotalCost is the most steps all the runs of an evaluation may
	// take: a skill rule runs once per skill at each level, a level rule
	// once per level. Default 1000000: a few milliseconds.
	MaxTotalCost int
	// MemoryBudget is expr's memory budget for one run of a rule, in the
	// units of expr's memory budget: elements of the lists a rule builds
	// (strings are bounded by MaxCost instead). A run over it fails, a
	// second fence behind MaxCost. Default 100000.
	MemoryBudget uint
	// MaxPatternSize bounds the regular expressions of matches: the size
	// of the programs they compile to, in instructions, a class of
	// characters counting one for each of its ranges. It bounds the
	// patterns of one rule, and of all the rules of a ladder. Default
	// 10000: a pattern such as (?i)^(senior|staff) engineer$ is of size
	// 50, and [\p{L}] about 350.
	MaxPatternSize int
	// MaxRules is the most distinct rules a ladder may have, each compiled
	// when it is parsed. Default 200.
	MaxRules int
}

// DefaultLimits returns the limits used where none are set. Under them, the
// most expensive rules that compile evaluate the DevOps example ladder in
// under 2 milliseconds (see BenchmarkWorstRule in package ladder).
func DefaultLimits() Limits {
	return Limits{
		MaxSource:      1000,
		MaxNodes:       100,
		MaxNesting:     2,
		MaxRange:       10,
		MaxCost:        20_000,
		MaxTotalCost:   1_000_000,
		MemoryBudget:   100_000,
		MaxPatternSize: 10_000,
		MaxRules:       200,
	}
}

// OrDefault returns l with each zero field set to its default.
func (l Limits) OrDefault() Limits {
	d := DefaultLimits()
	if l.MaxSource > 0 {
		d.MaxSource = l.MaxSource
	}
	if l.MaxNodes > 0 {
		d.MaxNodes = l.MaxNodes
	}
	if l.MaxNesting > 0 {
		d.MaxNesting = l.MaxNesting
	}
	if l.MaxRange > 0 {
		d.MaxRange = l.MaxRange
	}
	if l.MaxCost > 0 {
		d.MaxCost = l.MaxCost
	}
	if l.MaxTotalCost > 0 {
		d.MaxTotalCost = l.MaxTotalCost
	}
	if l.MemoryBudget > 0 {
		d.MemoryBudget = l.MemoryBudget
	}
	if l.MaxPatternSize > 0 {
		d.MaxPatternSize = l.MaxPatternSize
	}
	if l.MaxRules > 0 {
		d.MaxRules = l.MaxRules
	}
	return d
}
