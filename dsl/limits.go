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
	// MemoryBudget is expr's memory budget for one run of a rule, in the
	// units of vm.VM.MemoryBudget (roughly, elements of the lists a rule
	// builds). A run over it fails. Default 100000.
	MemoryBudget uint
}

// DefaultLimits are the limits used where none are set. Under them, the most
// expensive rule that compiles evaluates the whole DevOps example ladder in
// about a millisecond (see BenchmarkWorstRule in package rules).
var DefaultLimits = Limits{
	MaxSource:    1000,
	MaxNodes:     100,
	MaxNesting:   2,
	MaxRange:     10,
	MemoryBudget: 100_000,
}

// OrDefault returns l with each zero field set to its default.
func (l Limits) OrDefault() Limits {
	d := DefaultLimits
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
	if l.MemoryBudget > 0 {
		d.MemoryBudget = l.MemoryBudget
	}
	return d
}
