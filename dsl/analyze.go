package dsl

import (
	"github.com/ladderkit/ladder/internal/rule"

	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ladderkit/ladder/internal/suggest"
)

// MaxReasonLength bounds, in characters, the reason of a mark: the schema
// of assessments refuses longer ones, and so does package ladder for an
// assessment built in Go. A rule's cost is bounded by the sizes of what it
// sees; the ladder's own texts are known when it is parsed, an assessment's
// reasons are not.
const MaxReasonLength = 1000

// maxExact is the largest magnitude of a number in a rule: 2^53 - 1, up to
// which every integer is exact in a float64 as in an int. Program.Check
// refuses a rule that could compute a number beyond it, so that no integer
// overflows, no float becomes infinite or NaN, and int() of any number is
// defined. (A float64 rounds a number of 2^53 or more to 2^53 or more: the
// test of a range computed in float64 errs on the safe side.)
const maxExact = 1<<53 - 1

// Sizes are the sizes of what rules see on a ladder, which bound what a
// rule costs: see Shape.
type Sizes struct {
	// List is the number of items in the longest list: hard, soft,
	// skills, a skill's hard or soft.
	List int
	// Text is the length in bytes of the longest requirement text.
	Text int
	// Name is the length in bytes of the longest ID, name or expertise
	// reach.
	Name int
	// Reason is the length in bytes of the longest reason; 0 means the
	// most the schema allows, MaxReasonLength characters of UTF-8.
	Reason int
	// Steps is the highest level a person can have in a skill: the most
	// steps of a skill, or the number of levels.
	Steps int
	// Points is the most points a person can have: what bounds points, and
	// the points of a requirement or a skill's level.
	Points int
	// Skills is the number of the ladder's skills: the length of
	// skillLevels.
	Skills int
}

// Shape is what Program.Check knows of the ladder a rule is written for.
type Shape struct {
	// Skills, Levels and Requirements are the ladder's IDs, in order. A
	// rule that compares a skill's, level's or requirement's ID with a
	// literal (skill.id == "devops") must name one of them; a nil list is
	// not checked. The number of levels bounds level.rank.
	Skills, Levels, Requirements []string
	// Sizes are the sizes of what rules see on the ladder.
	Sizes Sizes
}

// maxThreshold bounds a level's threshold, as the schema of ladders does.
const maxThreshold = 1e9

// Weights of the cost model, in steps of expr's machine. A step costs a few
// nanoseconds; the weights were set by BenchmarkWorstRule and
// BenchmarkCostCalibration so that rules of the same estimated cost take
// about the same time.
const (
	// stringWork is how many bytes of string work (copying, comparing,
	// scanning) count as one step.
	stringWork = 16
	// regexpWork is how many byte-instructions of a regular expression
	// (its input's bytes times its compiled program's size) count as one
	// step.
	regexpWork = 1
	// caseWork is how many bytes of lower, upper and len of a string count
	// as one step: decoding and mapping characters outside ASCII is slow.
	caseWork = 1
	// elemWork is what a predicate costs an element besides its body:
	// expr's machine takes several instructions to step through a list.
	elemWork = 3
	// allocWork is what an element of a list a rule builds costs: a range,
	// a map.
	allocWork = 4
	// inWork is how many steps finding a value in a list costs an element.
	inWork = 8
	// containsWindow is the longest needle strings.Contains compares
	// byte by byte at each place of the haystack; longer ones are found
	// in linear time.
	containsWindow = 64
)

// value is what the analysis knows of a value in one run of a rule on a
// ladder: for a number, its least and greatest values; for a string, its
// most bytes; for a list, its fewest and most elements and what its
// elements are. work is the steps it takes to compute.
type value struct {
	lo, hi float64
	nlo, n float64
	elem   *value
	work   float64
}

func (v *value) empty() bool { return v.lo > v.hi }

// hull returns a value that is either a or b.
func hull(a, b *value) *value {
	h := &value{lo: min(a.lo, b.lo), hi: max(a.hi, b.hi), nlo: min(a.nlo, b.nlo), n: max(a.n, b.n)}
	switch {
	case a.elem != nil && b.elem != nil:
		h.elem = hull(a.elem, b.elem)
	case a.elem != nil:
		h.elem = a.elem
	default:
		h.elem = b.elem
	}
	return h
}

// analysis walks a checked rule over the sizes of a ladder: it computes
// what each value can be and what it costs, and finds the first value that
// can go wrong: a division by a number that may be 0, a number beyond
// maxExact, an index out of its list.
type analysis struct {
	src    string
	sizes  Sizes
	levels int  // how many levels: the greatest level.rank
	value  bool // the rule is a value rule
	lets   []letValue
	elems  []frame
	facts  []fact
	err    *Error
}

type letValue struct {
	name string
	v    *value
}

// frame is a predicate being walked: what its elements are, and how many.
type frame struct {
	elem *value
	n    float64
}

// fact is what a condition says of a variable or a length: its value is in
// [lo, hi] wherever the condition holds.
type fact struct {
	key    string
	lo, hi float64
}

func (a *analysis) fail(n *node, format string, args ...any) {
	if a.err == nil {
		a.err = &Error{Source: a.src, Offset: n.pos, Message: fmt.Sprintf(format, args...)}
	}
}

// number checks that a number stays within maxExact.
func (a *analysis) number(n *node, v *value) *value {
	if !v.empty() && (v.lo <= -maxExact-1 || v.hi >= maxExact+1) {
		if n.op == opLit {
			a.fail(n, "%s is beyond %d (2^53 - 1), the largest number rules compute exactly", n, maxExact)
		}
		a.fail(n, "%s may be %s on this ladder, beyond %d (2^53 - 1), the largest number rules compute exactly", n, formatRange(v), maxExact)
	}
	return v
}

func formatRange(v *value) string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', 6, 64) }
	if v.lo == v.hi {
		return f(v.lo)
	}
	return "from " + f(v.lo) + " to " + f(v.hi)
}

// narrow applies the facts known of n's value.
func (a *analysis) narrow(n *node, v *value) *value {
	key, ok := n.key()
	if !ok {
		return v
	}
	for _, f := range a.facts {
		if f.key == key {
			c := *v
			c.lo, c.hi = max(c.lo, f.lo), min(c.hi, f.hi)
			v = &c
		}
	}
	return v
}

func (a *analysis) listVar(elem kind) *value {
	e := &value{}
	if elem == kSkillResult {
		e.elem = a.listVar(kRequirement) // a skill's hard and soft
	}
	return &value{nlo: 0, n: float64(a.sizes.List), elem: e}
}

func (a *analysis) eval(n *node) *value {
	v := a.eval1(n)
	if n.t.numeric() {
		v = a.number(n, a.narrow(n, v))
	}
	return v
}

func (a *analysis) eval1(n *node) *value {
	s := a.sizes
	switch n.op {
	case opLit:
		switch x := n.lit.(type) {
		case int:
			return &value{lo: float64(x), hi: float64(x), work: 1}
		case float64:
			return &value{lo: x, hi: x, work: 1}
		case string:
			return &value{n: float64(len(x)), work: 1}
		}
		return &value{work: 1}
	case opList:
		v := &value{nlo: float64(len(n.args)), n: float64(len(n.args)), work: 1}
		for _, e := range n.args {
			x := a.eval(e)
			v.work += x.work
			if v.elem == nil {
				v.elem = x
			} else {
				v.elem = hull(v.elem, x)
			}
		}
		v.elem = &value{lo: v.elem.lo, hi: v.elem.hi, n: v.elem.n}
		return v
	case opRange:
		lo, hi := float64(n.args[0].lit.(int)), float64(n.args[1].lit.(int))
		size := float64(n.t.n)
		return &value{nlo: size, n: size, elem: &value{lo: lo, hi: hi}, work: 1 + allocWork*size}
	case opVar:
		for i := len(a.lets) - 1; i >= 0; i-- {
			if a.lets[i].name == n.name {
				c := *a.lets[i].v
				c.work = 1
				return &c
			}
		}
		switch n.name {
		case rule.VarHard, rule.VarSoft:
			v := a.listVar(kRequirement)
			v.work = 1
			return v
		case rule.VarSkills:
			v := a.listVar(kSkillResult)
			v.work = 1
			return v
		case rule.VarSkillLevels:
			n := float64(s.Skills)
			return &value{nlo: n, n: n, elem: &value{}, work: 1}
		case rule.VarPoints:
			return &value{lo: 0, hi: float64(s.Points), work: 1}
		case rule.VarRank:
			return &value{lo: 0, hi: float64(max(1, a.levels)), work: 1}
		}
		return &value{work: 1}
	case opElem:
		c := *a.elems[n.depth-1].elem
		c.work = 1
		return &c
	case opIndex:
		return &value{lo: 0, hi: max(0, a.elems[n.depth-1].n-1), work: 1}
	case opField:
		obj := a.eval(n.args[0])
		v := &value{work: obj.work + 1}
		switch n.name {
		case "text":
			v.n = float64(s.Text)
		case "reason":
			v.n = float64(s.Reason)
		case "status":
			v.n = float64(len(rule.NotApplicable))
		case "id", "name", "reach":
			v.n = float64(s.Name)
		case "rank":
			v.lo, v.hi = 1, float64(max(1, a.levels))
			if a.value {
				v.lo = 0 // next, at the top of a track: the only level a value rule sees
			}
		case "level":
			v.lo, v.hi = 0, float64(s.Steps)
		case "points":
			v.lo, v.hi = 0, float64(s.Points)
		case "threshold":
			v.lo, v.hi = -maxThreshold, maxThreshold
		case "hard", "soft":
			l := a.listVar(kRequirement)
			l.work = v.work
			return l
		}
		return v
	case opAt:
		list, idx := a.eval(n.args[0]), a.eval(n.args[1])
		size := n.args[0].t.n
		if !idx.empty() && (idx.lo < 0 || idx.hi > float64(size-1)) {
			a.fail(n.args[1], "the index %s may be %s on this ladder, outside the %d elements of the list (0 to %d)", n.args[1], formatRange(idx), size, size-1)
		}
		c := *list.elem
		c.work = list.work + idx.work + 1
		return &c
	case opUnary:
		x := a.eval(n.args[0])
		if n.name == "not" {
			return &value{work: x.work + 1}
		}
		return &value{lo: -x.hi, hi: -x.lo, work: x.work + 1}
	case opBinary:
		return a.binary(n)
	case opCond:
		cond := a.eval(n.args[0])
		x := a.under(a.facts1(n.args[0], true), func() *value { return a.eval(n.args[1]) })
		y := a.under(a.facts1(n.args[0], false), func() *value { return a.eval(n.args[2]) })
		v := hull(x, y)
		v.work = cond.work + max(x.work, y.work) + 1
		return v
	case opLet:
		x := a.eval(n.args[0])
		a.lets = append(a.lets, letValue{n.name, x})
		body := a.eval(n.args[1])
		a.lets = a.lets[:len(a.lets)-1]
		c := *body
		c.work = x.work + body.work + 1
		return &c
	case opCall:
		return a.call(n)
	}
	return &value{work: 1}
}

// under evaluates f with the facts added.
func (a *analysis) under(facts []fact, f func() *value) *value {
	k := len(a.facts)
	a.facts = append(a.facts, facts...)
	v := f()
	a.facts = a.facts[:k]
	return v
}

// facts1 returns what holds of variables and lengths where cond is truth:
// comparisons of them with number literals, under not, and, or.
func (a *analysis) facts1(cond *node, truth bool) []fact {
	switch {
	case cond.op == opUnary && cond.name == "not":
		return a.facts1(cond.args[0], !truth)
	case cond.op == opBinary && cond.name == "and" && truth, cond.op == opBinary && cond.name == "or" && !truth:
		return append(a.facts1(cond.args[0], truth), a.facts1(cond.args[1], truth)...)
	case cond.op != opBinary:
		return nil
	}
	op := cond.name
	x, k := cond.args[0], cond.args[1]
	if _, ok := literalNumber(k); !ok {
		x, k = k, x
		op = map[string]string{"<": ">", ">": "<", "<=": ">=", ">=": "<="}[op]
		if op == "" {
			op = cond.name
		}
	}
	c, ok := literalNumber(k)
	key, keyed := x.key()
	if !ok || !keyed || !x.t.numeric() {
		return nil
	}
	if !truth {
		op = map[string]string{"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}[op]
	}
	integer := x.t.kind == kInt
	f := fact{key: key, lo: math.Inf(-1), hi: math.Inf(1)}
	switch op {
	case "==":
		f.lo, f.hi = c, c
	case "<":
		f.hi = math.Nextafter(c, math.Inf(-1))
		if integer {
			f.hi = math.Ceil(c) - 1
		}
	case "<=":
		f.hi = c
	case ">":
		f.lo = math.Nextafter(c, math.Inf(1))
		if integer {
			f.lo = math.Floor(c) + 1
		}
	case ">=":
		f.lo = c
	case "!=":
		// Only an end of the range can be cut off.
		save := a.err
		v := a.eval(x)
		a.err = save
		switch {
		case integer && v.lo == c:
			f.lo = c + 1
		case integer && v.hi == c:
			f.hi = c - 1
		default:
			return nil
		}
	default:
		return nil
	}
	return []fact{f}
}

// literalNumber returns the value of a number literal, negative or not.
func literalNumber(n *node) (float64, bool) {
	if n.op == opUnary && n.name == "-" {
		x, ok := literalNumber(n.args[0])
		return -x, ok
	}
	switch x := n.lit.(type) {
	case int:
		return float64(x), n.op == opLit
	case float64:
		return x, n.op == opLit
	}
	return 0, false
}

func (a *analysis) binary(n *node) *value {
	op := n.name
	l := a.eval(n.args[0])
	var r *value
	switch op {
	case "and":
		r = a.under(a.facts1(n.args[0], true), func() *value { return a.eval(n.args[1]) })
	case "or":
		r = a.under(a.facts1(n.args[0], false), func() *value { return a.eval(n.args[1]) })
	default:
		r = a.eval(n.args[1])
	}
	v := &value{work: l.work + r.work + 1}
	str := n.args[0].t.kind == kString
	switch op {
	case "==", "!=", "<", ">", "<=", ">=":
		if str {
			v.work += max(l.n, r.n) / stringWork
		}
	case "+":
		if str {
			v.n = l.n + r.n
			v.work += v.n / stringWork
			return v
		}
		v.lo, v.hi = l.lo+r.lo, l.hi+r.hi
	case "-":
		v.lo, v.hi = l.lo-r.hi, l.hi-r.lo
	case "*":
		v.lo, v.hi = corners(l, r, func(x, y float64) float64 { return x * y })
	case "/":
		if !r.empty() && r.lo <= 0 && r.hi >= 0 {
			a.divisor(n.args[1], r)
			return v
		}
		v.lo, v.hi = corners(l, r, func(x, y float64) float64 { return x / y })
	case "%":
		if !r.empty() && r.lo <= 0 && r.hi >= 0 {
			a.divisor(n.args[1], r)
			return v
		}
		m := max(math.Abs(r.lo), math.Abs(r.hi)) - 1
		v.lo, v.hi = max(l.lo, -m), min(l.hi, m)
		if l.lo >= 0 {
			v.lo = 0
		}
		if l.hi <= 0 {
			v.hi = 0
		}
	case "**":
		a.power(n, l, r, v)
	case "in":
		per := float64(inWork)
		if str {
			per += max(l.n, r.elem.n) / stringWork
		}
		v.work += r.n * per
	case "matches":
		v.work += l.n * float64(n.lit.(int)) / regexpWork
	case "contains":
		v.work += (l.n*min(r.n, containsWindow)/containsWindow + l.n + r.n) / stringWork
	case "startsWith", "endsWith":
		v.work += min(l.n, r.n) / stringWork
	}
	if l.empty() || r.empty() {
		v.lo, v.hi = math.Inf(1), math.Inf(-1)
	}
	return v
}

// divisor reports a division by a number that may be 0.
func (a *analysis) divisor(n *node, v *value) {
	if n.op == opCall && n.name == "len" && n.args[0].t.kind == kList {
		list := n.args[0]
		if k := list.t.elem.kind; k == kRequirement || k == kSkillResult {
			a.fail(n, "%s is 0 when the list is empty, and a division by 0 has no value: use share(%s) for the share reached, or test len(%s) > 0 first, as in len(%s) > 0 and ...", n, list, list, list)
		} else {
			a.fail(n, "%s is 0 when the list is empty, and a division by 0 has no value: test len(%s) > 0 first, as in len(%s) > 0 and ...", n, list, list)
		}
		return
	}
	a.fail(n, "%s may be 0 on this ladder (%s), and a division by 0 has no value: divide by a number that cannot be 0, or test it first, as in %s > 0 and ...", n, formatRange(v), n)
}

// corners returns the least and greatest of f over the corners of two
// ranges: the range of x*y and x/y when y does not cross 0.
func corners(l, r *value, f func(x, y float64) float64) (lo, hi float64) {
	c := []float64{f(l.lo, r.lo), f(l.lo, r.hi), f(l.hi, r.lo), f(l.hi, r.hi)}
	return slices.Min(c), slices.Max(c)
}

// power bounds base ** exponent, and refuses what has no value: a negative
// base to a fractional power, 0 to a negative one.
func (a *analysis) power(n *node, base, exp, v *value) {
	if base.empty() || exp.empty() {
		return
	}
	integral := n.args[1].t.kind == kInt
	if base.lo < 0 && !integral {
		a.fail(n, "%s may be negative on this ladder, and a negative number to a fractional power has no value", n.args[0])
		return
	}
	if base.lo <= 0 && base.hi >= 0 && exp.lo < 0 {
		a.fail(n, "%s may be 0 on this ladder, and 0 to a negative power has no value", n.args[0])
		return
	}
	pow := func(x, y float64) float64 { return math.Pow(x, y) }
	if base.lo >= 0 {
		v.lo, v.hi = corners(base, exp, pow)
		return
	}
	// A negative base to an integral power: bound the magnitude.
	abs := &value{lo: 0, hi: max(-base.lo, base.hi)}
	if base.hi < 0 {
		abs.lo = -base.hi
	}
	_, m := corners(abs, exp, pow)
	v.lo, v.hi = -m, m
}

func (a *analysis) call(n *node) *value {
	if n.pred {
		list := a.eval(n.args[0])
		a.elems = append(a.elems, frame{elem: list.elem, n: list.n})
		body := a.eval(n.args[1])
		a.elems = a.elems[:len(a.elems)-1]
		v := &value{work: list.work + 1 + list.n*(body.work+elemWork)}
		switch n.name {
		case "count":
			v.lo, v.hi = 0, list.n
		case "findIndex", "findLastIndex":
			v.lo, v.hi = -1, list.n-1
		case "filter":
			v.nlo, v.n, v.elem = 0, list.n, list.elem
		case "map":
			v.nlo, v.n, v.elem = list.nlo, list.n, body
			v.work += allocWork * list.n
		case "sum":
			if !body.empty() {
				v.lo, v.hi = min(0, list.n*body.lo), max(0, list.n*body.hi)
			}
		}
		return v
	}
	args := make([]*value, len(n.args))
	work := 1.0
	for i, x := range n.args {
		args[i] = a.eval(x)
		work += args[i].work
	}
	x := args[0]
	v := &value{work: work}
	switch n.name {
	case "count":
		v.lo, v.hi = 0, x.n
		v.work += x.n
	case "sum":
		v.lo, v.hi = min(0, x.n*x.elem.lo), max(0, x.n*x.elem.hi)
		v.work += x.n
	case "share":
		v.lo, v.hi = 0, 1
		v.work += x.n
	case "missing":
		v.lo, v.hi = 0, x.n
		v.work += x.n
	case "len":
		if n.args[0].t.kind == kString {
			v.lo, v.hi = 0, x.n
			v.work += x.n / caseWork
		} else {
			v.lo, v.hi = x.nlo, x.n
		}
	case "abs":
		v.lo, v.hi = 0, max(math.Abs(x.lo), math.Abs(x.hi))
		if x.lo > 0 || x.hi < 0 {
			v.lo = min(math.Abs(x.lo), math.Abs(x.hi))
		}
	case "ceil", "floor", "round", "int":
		v.lo, v.hi = math.Floor(x.lo), math.Ceil(x.hi)
	case "float":
		v.lo, v.hi = x.lo, x.hi
	case "max", "min":
		v.lo, v.hi = x.lo, x.hi
		for _, y := range args[1:] {
			if n.name == "max" {
				v.lo, v.hi = max(v.lo, y.lo), max(v.hi, y.hi)
			} else {
				v.lo, v.hi = min(v.lo, y.lo), min(v.hi, y.hi)
			}
		}
		v.work += float64(len(args))
	case "lower", "upper":
		// Mapping the case of a character takes at most twice its
		// bytes: only characters of two bytes or more change size.
		v.n = 2 * x.n
		v.work += x.n / caseWork
	case "trim", "trimPrefix", "trimSuffix":
		v.n = x.n
		if n.name == "trim" && len(args) == 2 {
			// strings.Trim looks up each character of the string in
			// the cutset.
			v.work += x.n * max(1, args[1].n) / stringWork
		} else {
			v.work += x.n / stringWork
			if len(args) == 2 {
				v.work += args[1].n / stringWork
			}
		}
	case "hasPrefix", "hasSuffix":
		v.work += min(x.n, args[1].n) / stringWork
	}
	for _, y := range args {
		if n.args[0].t.numeric() && y.empty() {
			v.lo, v.hi = math.Inf(1), math.Inf(-1)
		}
	}
	return v
}

// analyze walks the rule over a ladder of the given shape and returns its
// cost in steps, and the first problem found, if any.
func (p *Program) analyze(s Sizes, levels int) (float64, *Error) {
	if s.Reason == 0 {
		s.Reason = MaxReasonLength * utf8.UTFMax
	}
	s.List = max(s.List, 1)
	a := &analysis{src: p.source, sizes: s, levels: levels, value: p.scope == ValueRule}
	v := a.eval(p.ir)
	return v.work, a.err
}

// cost returns an upper bound of the steps one run of the rule takes over
// what it sees, of the given sizes. A step is about one operation of expr's
// machine; string work counts by bytes. Check compares it with
// Limits.MaxCost.
func (p *Program) cost(s Sizes) float64 {
	work, _ := p.analyze(s, 1<<31)
	return work
}

// Check checks the rule against the ladder it is written for, whose shape
// is given. It returns a *Error when the rule would not hold up on that
// ladder:
//
//   - it compares an ID with a literal that is not one of the ladder's
//     (skill.id == "devop");
//   - it divides by a number that may be 0 (count(soft, .reached) /
//     len(soft) at a level without soft requirements);
//   - a number may go beyond 2^53, where integers overflow and numbers lose
//     precision;
//   - an index may fall outside its list;
//   - one run may take more steps than Limits.MaxCost allows.
//
// A rule that passes Check runs on every assessment of that ladder without
// failing, and gives the verdict it says. Package ladder checks each rule
// when it parses a ladder.
func (p *Program) Check(shape Shape) error {
	for _, lit := range p.ids {
		var ids []string
		switch lit.dom {
		case domSkillID:
			ids = shape.Skills
			if ids != nil && lit.value == "" {
				continue // the general group
			}
		case domLevelID:
			ids = shape.Levels
		case domRequirementID:
			ids = shape.Requirements
		}
		if ids == nil || slices.Contains(ids, lit.value) {
			continue
		}
		msg := fmt.Sprintf("%q is not the ID of %s of this ladder", lit.value, domainName(lit.dom))
		named := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == "" })
		if guess := suggest.Name(lit.value, named); guess != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", guess)
		} else if len(named) == 0 {
			msg += fmt.Sprintf(": it has no %ss", strings.TrimPrefix(domainName(lit.dom), "a "))
		} else if len(named) <= 10 {
			q := make([]string, len(named))
			for i, id := range named {
				q[i] = strconv.Quote(id)
			}
			msg += "; they are " + strings.Join(q, ", ")
		}
		return &Error{Source: p.source, Offset: lit.pos, Message: msg}
	}
	levels := len(shape.Levels)
	if shape.Levels == nil {
		levels = 1 << 31
	}
	work, err := p.analyze(shape.Sizes, levels)
	if err != nil {
		return err
	}
	if work > float64(p.lim.MaxCost) {
		s := shape.Sizes
		return &Error{Source: p.source, Message: fmt.Sprintf(
			"rule may take up to %.0f steps a run on this ladder (lists of up to %d items, texts of up to %d bytes, reasons of up to %d characters): over the limit of %d",
			work, max(s.List, 1), s.Text, MaxReasonLength, p.lim.MaxCost)}
	}
	return nil
}

// String returns the node as a rule would write it, for messages.
func (n *node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n *node) write(b *strings.Builder) {
	args := func(from int) {
		for i, x := range n.args[from:] {
			if i > 0 {
				b.WriteString(", ")
			}
			x.write(b)
		}
	}
	switch n.op {
	case opLit:
		if s, ok := n.lit.(string); ok {
			b.WriteString(strconv.Quote(s))
		} else {
			fmt.Fprint(b, n.lit)
		}
	case opList:
		b.WriteString("[")
		args(0)
		b.WriteString("]")
	case opRange:
		fmt.Fprintf(b, "%d..%d", n.args[0].lit, n.args[1].lit)
	case opVar:
		b.WriteString(n.name)
	case opElem:
		b.WriteString("#")
	case opIndex:
		b.WriteString("#index")
	case opField:
		if n.args[0].op != opElem {
			n.args[0].write(b)
		}
		b.WriteString("." + n.name)
	case opAt:
		n.args[0].write(b)
		b.WriteString("[")
		n.args[1].write(b)
		b.WriteString("]")
	case opUnary:
		if n.name == "not" {
			b.WriteString("not ")
		} else {
			b.WriteString(n.name)
		}
		n.args[0].wrap(b)
	case opBinary:
		n.args[0].wrap(b)
		b.WriteString(" " + n.name + " ")
		n.args[1].wrap(b)
	case opCond:
		n.args[0].wrap(b)
		b.WriteString(" ? ")
		n.args[1].wrap(b)
		b.WriteString(" : ")
		n.args[2].wrap(b)
	case opLet:
		b.WriteString("let " + n.name + " = ")
		n.args[0].write(b)
		b.WriteString("; ")
		n.args[1].write(b)
	case opCall:
		b.WriteString(n.name + "(")
		args(0)
		b.WriteString(")")
	}
}

// wrap writes the node in parentheses when it is an operation.
func (n *node) wrap(b *strings.Builder) {
	if n.op == opBinary || n.op == opCond || n.op == opLet {
		b.WriteString("(")
		n.write(b)
		b.WriteString(")")
		return
	}
	n.write(b)
}
