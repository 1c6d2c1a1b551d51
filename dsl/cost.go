package dsl

import (
	"reflect"
	"regexp/syntax"

	"github.com/expr-lang/expr/ast"
)

// MaxReasonLength bounds, in characters, the reason of a mark: the schema
// of assessments refuses longer ones. A rule's cost is bounded by the sizes
// of what it sees; the ladder's own texts are known when it is parsed, an
// assessment's reasons are not.
const MaxReasonLength = 1000

// Sizes are the sizes of what a rule sees, for Program.Cost.
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
}

// Weights of the cost model, in steps of expr's machine. A step costs a few
// nanoseconds; the weights were set by BenchmarkWorstRule so that rules of
// the same estimated cost take about the same time.
const (
	// stringWork is how many bytes of string work (copying, comparing,
	// scanning) count as one step.
	stringWork = 16
	// regexpWork is how many byte-instructions of a regular expression
	// (its input's bytes times its compiled program's size) count as one
	// step.
	regexpWork = 1
	// caseWork is how many bytes of lower and upper count as one step:
	// mapping the case of characters outside ASCII is slow.
	caseWork = 2
)

// size is a size or an amount of work, computed from Sizes.
type size func(Sizes) float64

func fixed(c float64) size { return func(Sizes) float64 { return c } }

var (
	zero       = fixed(0)
	one        = fixed(1)
	listLength = size(func(s Sizes) float64 { return float64(s.List) })
	textLength = size(func(s Sizes) float64 { return float64(s.Text) })
	nameLength = size(func(s Sizes) float64 { return float64(s.Name) })
	reasonLen  = size(func(s Sizes) float64 { return float64(s.Reason) })
)

func (a size) plus(b size) size  { return func(s Sizes) float64 { return a(s) + b(s) } }
func (a size) times(b size) size { return func(s Sizes) float64 { return a(s) * b(s) } }
func (a size) max(b size) size   { return func(s Sizes) float64 { return max(a(s), b(s)) } }
func (a size) scale(c float64) size {
	return func(s Sizes) float64 { return a(s) * c }
}

// estimate is what the cost model knows of a node: the work to evaluate it;
// for a list or a string, how long it can be (elements, or bytes); and for a
// list, how large its elements can be.
type estimate struct {
	work, size, elem size
}

// costModel estimates, on a checked syntax tree, an upper bound of the
// steps one run of a rule takes, as a function of the sizes of what it sees.
// Each node counts once per element of each predicate it is in, each list a
// builtin walks counts by its length, string work by bytes and regular
// expressions by bytes times program size. The estimate is coarse, and
// errs high.
type costModel struct {
	vars []map[string]estimate // let variables in scope, innermost last
	elem []size                // the size of the element (#) of each enclosing predicate
}

// ruleCost returns the cost of a rule's tree.
func ruleCost(root ast.Node) size {
	var m costModel
	return m.of(root).work
}

// fieldSize is the size of a field of a requirement, skill or mark: large
// enough for any of their strings and lists.
var fieldSize = listLength.max(textLength).max(nameLength).max(reasonLen)

// inWork is how many steps finding a value in a list costs an element:
// expr compares requirements and skills field by field.
const inWork = 8

// isString reports whether the checker typed a node as a string.
func isString(n ast.Node) bool {
	t := n.Type()
	return t != nil && t.Kind() == reflect.String
}

func (m *costModel) of(n ast.Node) estimate {
	if n == nil {
		return estimate{work: zero, size: zero, elem: zero}
	}
	switch n := n.(type) {
	case *ast.StringNode:
		return estimate{work: one, size: fixed(float64(len(n.Value))), elem: zero}
	case *ast.IdentifierNode:
		for i := len(m.vars) - 1; i >= 0; i-- {
			if e, ok := m.vars[i][n.Value]; ok {
				return estimate{work: one, size: e.size, elem: e.elem}
			}
		}
		switch n.Value {
		case VarHard, VarSoft, VarSkills:
			return estimate{work: one, size: listLength, elem: fieldSize}
		}
		return estimate{work: one, size: fieldSize, elem: fieldSize}
	case *ast.PointerNode:
		if len(m.elem) > 0 {
			e := m.elem[len(m.elem)-1]
			return estimate{work: one, size: e, elem: fieldSize.max(e)}
		}
		return estimate{work: one, size: zero, elem: zero}
	case *ast.MemberNode:
		obj, prop := m.of(n.Node), m.of(n.Property)
		e := estimate{work: obj.work.plus(prop.work).plus(one), size: obj.elem, elem: obj.elem}
		if s, ok := n.Property.(*ast.StringNode); ok {
			switch s.Value {
			case "hard", "soft":
				e.size, e.elem = listLength, fieldSize
			case "text":
				e.size = textLength
			case "reason":
				e.size = reasonLen
			case "id", "name", "status", "reach":
				e.size = nameLength
			}
		}
		return e
	case *ast.SliceNode:
		obj := m.of(n.Node)
		return estimate{work: obj.work.plus(m.of(n.From).work).plus(m.of(n.To).work).plus(obj.size).plus(one), size: obj.size, elem: obj.elem}
	case *ast.UnaryNode:
		e := m.of(n.Node)
		return estimate{work: e.work.plus(one), size: e.size, elem: e.elem}
	case *ast.BinaryNode:
		return m.binary(n)
	case *ast.ConditionalNode:
		c, a, b := m.of(n.Cond), m.of(n.Exp1), m.of(n.Exp2)
		return estimate{work: c.work.plus(a.work.max(b.work)).plus(one), size: a.size.max(b.size), elem: a.elem.max(b.elem)}
	case *ast.ChainNode:
		return m.of(n.Node)
	case *ast.VariableDeclaratorNode:
		v := m.of(n.Value)
		m.vars = append(m.vars, map[string]estimate{n.Name: v})
		e := m.of(n.Expr)
		m.vars = m.vars[:len(m.vars)-1]
		return estimate{work: v.work.plus(e.work).plus(one), size: e.size, elem: e.elem}
	case *ast.SequenceNode:
		e := estimate{work: zero, size: zero, elem: zero}
		for _, c := range n.Nodes {
			x := m.of(c)
			e = estimate{work: e.work.plus(x.work), size: x.size, elem: x.elem}
		}
		return e
	case *ast.ArrayNode:
		work, elem := one, zero
		for _, c := range n.Nodes {
			x := m.of(c)
			work, elem = work.plus(x.work), elem.max(x.size)
		}
		return estimate{work: work, size: fixed(float64(len(n.Nodes))), elem: elem}
	case *ast.MapNode:
		work, elem := one, zero
		for _, c := range n.Pairs {
			x := m.of(c)
			work, elem = work.plus(x.work), elem.max(x.size)
		}
		return estimate{work: work, size: fixed(float64(len(n.Pairs))), elem: elem}
	case *ast.PairNode:
		k, v := m.of(n.Key), m.of(n.Value)
		return estimate{work: k.work.plus(v.work), size: v.size, elem: v.elem}
	case *ast.CallNode:
		// The helpers (share, missing) walk their list once.
		work := m.of(n.Callee).work.plus(one)
		for _, a := range n.Arguments {
			e := m.of(a)
			work = work.plus(e.work).plus(e.size)
		}
		return estimate{work: work, size: zero, elem: zero}
	case *ast.BuiltinNode:
		return m.builtin(n)
	case *ast.PredicateNode:
		return m.of(n.Node)
	}
	// Other literals: one step.
	return estimate{work: one, size: zero, elem: zero}
}

func (m *costModel) binary(n *ast.BinaryNode) estimate {
	a, b := m.of(n.Left), m.of(n.Right)
	work := a.work.plus(b.work).plus(one)
	plain := estimate{work: work, size: zero, elem: zero}
	switch n.Operator {
	case "+":
		// Strings are copied; numbers cost a step.
		size := a.size.plus(b.size)
		return estimate{work: work.plus(size.scale(1.0 / stringWork)), size: size, elem: zero}
	case "in", "not in":
		// A scan of a list, comparing each element.
		plain.work = work.plus(b.size.scale(inWork))
		if isString(n.Left) {
			plain.work = plain.work.plus(b.size.times(a.size).scale(1.0 / stringWork))
		}
		return plain
	case "contains", "startsWith", "endsWith", "==", "!=", "<", ">", "<=", ">=":
		plain.work = work.plus(a.size.max(b.size).scale(1.0 / stringWork))
		return plain
	case "matches":
		// Go's regexp runs in time proportional to its input times the
		// size of its program.
		prog := 1.0
		if s, ok := n.Right.(*ast.StringNode); ok {
			if re, err := syntax.Parse(s.Value, syntax.Perl); err == nil {
				if p, err := syntax.Compile(re.Simplify()); err == nil {
					prog = float64(len(p.Inst))
				}
			}
		}
		plain.work = work.plus(a.size.scale(prog / regexpWork))
		return plain
	case "..":
		lo, _ := intLiteral(n.Left)
		hi, _ := intLiteral(n.Right)
		size := fixed(float64(max(0, hi-lo+1)))
		return estimate{work: work.plus(size), size: size, elem: zero}
	case "??":
		return estimate{work: work, size: a.size.max(b.size), elem: a.elem.max(b.elem)}
	}
	return plain
}

func (m *costModel) builtin(n *ast.BuiltinNode) estimate {
	if len(n.Arguments) == 0 {
		return estimate{work: one, size: zero, elem: zero}
	}
	coll := m.of(n.Arguments[0])
	work := coll.work.plus(one)
	if len(n.Arguments) > 1 {
		if pred, ok := n.Arguments[1].(*ast.PredicateNode); ok {
			// The body runs once per element.
			m.elem = append(m.elem, coll.elem)
			body := m.of(pred)
			m.elem = m.elem[:len(m.elem)-1]
			work = work.plus(coll.size.times(body.work.plus(one)))
			for _, a := range n.Arguments[2:] {
				work = work.plus(m.of(a).work)
			}
			switch n.Name {
			case "map":
				return estimate{work: work, size: coll.size, elem: body.size}
			case "filter":
				return estimate{work: work, size: coll.size, elem: coll.elem}
			case "find", "findLast":
				return estimate{work: work, size: coll.elem, elem: coll.elem}
			}
			return estimate{work: work, size: zero, elem: zero}
		}
		for _, a := range n.Arguments[1:] {
			work = work.plus(m.of(a).work)
		}
	}
	// Work on a string counts by its bytes.
	strWork := func(perStep float64) size {
		if isString(n.Arguments[0]) {
			return coll.size.scale(1.0 / perStep)
		}
		return zero
	}
	switch n.Name {
	case "len", "int", "float":
		// len counts a string's characters; int and float read its digits.
		return estimate{work: work.plus(strWork(caseWork)), size: zero, elem: zero}
	case "abs", "ceil", "floor", "round":
		return estimate{work: work, size: zero, elem: zero}
	case "first", "last":
		return estimate{work: work, size: coll.elem, elem: coll.elem}
	case "lower", "upper":
		return estimate{work: work.plus(coll.size.scale(1.0 / caseWork)), size: coll.size, elem: zero}
	case "trim", "trimPrefix", "trimSuffix":
		return estimate{work: work.plus(coll.size.scale(1.0 / stringWork)), size: coll.size, elem: zero}
	case "hasPrefix", "hasSuffix":
		return estimate{work: work.plus(coll.size.scale(1.0 / stringWork)), size: zero, elem: zero}
	}
	// sum, max, min, mean, median, and predicates written without a body,
	// walk their list.
	return estimate{work: work.plus(coll.size), size: zero, elem: zero}
}
