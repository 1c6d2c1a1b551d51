package dsl

import (
	"github.com/ladderkit/ladder/internal/rule"

	"fmt"
	"math/big"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/ast"

	"github.com/ladderkit/ladder/internal/suggest"
)

// checker checks a rule's syntax tree and builds its typed form. It refuses
// what a rule must not do (call a refused builtin, nest predicates too deep)
// and every construct that could give a wrong value or fail as the rule
// runs: a rule it accepts evaluates, on every assessment, to the verdict it
// says (see the package documentation, "What rules cannot do").
type checker struct {
	src   string
	scope Scope
	lim   Limits
	lets  []field // the let variables in scope, innermost last
	preds []*typ  // the element types of the enclosing predicates, innermost last

	// What the rule's expr tree needs changed before it is compiled: the
	// in operators on a requirement, skill, level or mark, folded to the
	// answer, and the patterns of matches.
	folds    map[*ast.BinaryNode]bool
	patterns map[*ast.BinaryNode]string
	// ids holds the literals compared with IDs, which Program.Check
	// looks up in a ladder.
	ids []idLiteral
	// patternSize is the size of the rule's patterns (see patternSize).
	patternSize int
}

// idLiteral is a string literal compared with the ID of a requirement,
// skill or level.
type idLiteral struct {
	dom   domain
	value string
	pos   int
}

// failure carries the error of a check out of the walk.
type failure struct{ err *Error }

func (c *checker) fail(pos int, format string, args ...any) {
	panic(failure{&Error{Source: c.src, Offset: pos, Message: fmt.Sprintf(format, args...)}})
}

// typecheck checks the tree of a rule and returns its typed form, or an
// *Error.
func typecheck(src string, scope Scope, lim Limits, root ast.Node) (c *checker, n *node, err error) {
	c = &checker{src: src, scope: scope, lim: lim, folds: map[*ast.BinaryNode]bool{}, patterns: map[*ast.BinaryNode]string{}}
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(failure)
			if !ok {
				panic(r)
			}
			c, n, err = nil, nil, f.err
		}
	}()
	n = c.expr(root)
	switch {
	case scope == ValueRule && !n.t.numeric():
		c.fail(0, "a value's rule must be a number, but this one is %s", n.t)
	case scope != ValueRule && n.t.kind != kBool:
		c.fail(0, "a rule must be true or false, but this one is %s", n.t)
	}
	return c, n, nil
}

func (c *checker) expr(a ast.Node) *node {
	pos := a.Location().From
	switch a := a.(type) {
	case *ast.NilNode:
		c.fail(pos, "rules have no nil: every value a rule sees is set (a requirement without a mark has the status %q)", rule.Unassessed)
	case *ast.BoolNode:
		return &node{op: opLit, t: tBool, lit: a.Value, pos: pos}
	case *ast.IntegerNode:
		return &node{op: opLit, t: tInt, lit: a.Value, pos: pos}
	case *ast.FloatNode:
		return &node{op: opLit, t: tFloat, lit: a.Value, pos: pos}
	case *ast.StringNode:
		return &node{op: opLit, t: tString, lit: a.Value, pos: pos}
	case *ast.BytesNode:
		c.fail(pos, "rules have no byte strings: write a string, such as 'text'")
	case *ast.IdentifierNode:
		return c.ident(a)
	case *ast.PointerNode:
		switch {
		case len(c.preds) == 0:
			c.fail(pos, "# is the element of a predicate, and is used only inside one")
		case a.Name == "":
			return &node{op: opElem, t: c.preds[len(c.preds)-1], depth: len(c.preds), pos: pos}
		case a.Name == "index":
			return &node{op: opIndex, t: tInt, depth: len(c.preds), pos: pos}
		}
		c.fail(pos, "#%s is not available in rules: a predicate sees # and #index", a.Name)
	case *ast.ChainNode:
		c.fail(pos, "?. is for values that may be nil, and no value in a rule is: write . instead")
	case *ast.MemberNode:
		return c.member(a)
	case *ast.SliceNode:
		c.fail(pos, "rules do not take slices of lists or strings: use filter, or a predicate with #index")
	case *ast.UnaryNode:
		return c.unary(a)
	case *ast.BinaryNode:
		return c.binary(a)
	case *ast.ConditionalNode:
		cond := c.boolean(a.Cond, "the condition of ?:")
		x, y := c.expr(a.Exp1), c.expr(a.Exp2)
		if !same(x.t, y.t) {
			c.fail(pos, "the two branches of ?: must be of one type, but one is %s and the other %s", x.t, y.t)
		}
		return &node{op: opCond, t: join(x.t, y.t), args: []*node{cond, x, y}, pos: pos}
	case *ast.VariableDeclaratorNode:
		switch {
		case c.callable(a.Name):
			c.fail(pos, "let %s would hide the function of that name: choose another name", a.Name)
		case slices.Contains(hideless, a.Name) || slices.Contains(varNames(c.scope), a.Name):
			c.fail(pos, "let %s would hide the variable of that name: choose another name", a.Name)
		}
		v := c.expr(a.Value)
		c.lets = append(c.lets, field{a.Name, v.t})
		body := c.expr(a.Expr)
		c.lets = c.lets[:len(c.lets)-1]
		return &node{op: opLet, name: a.Name, t: body.t, args: []*node{v, body}, pos: pos}
	case *ast.SequenceNode:
		c.fail(pos, "a rule is one expression: ; may only end a let, as in let n = len(hard); n > 0")
	case *ast.ArrayNode:
		return c.array(a)
	case *ast.MapNode, *ast.PairNode:
		c.fail(pos, "rules have no maps: a rule sees lists of requirements and skills, and fields such as .reached")
	case *ast.CallNode:
		return c.call(a)
	case *ast.BuiltinNode:
		return c.builtin(a)
	}
	c.fail(pos, "rules cannot use %s", a)
	return nil
}

// boolean checks a node that must be true or false.
func (c *checker) boolean(a ast.Node, what string) *node {
	n := c.expr(a)
	if n.t.kind != kBool {
		c.fail(n.pos, "%s must be true or false, but it is %s", what, n.t)
	}
	return n
}

func (c *checker) ident(a *ast.IdentifierNode) *node {
	pos := a.Location().From
	for i := len(c.lets) - 1; i >= 0; i-- {
		if c.lets[i].name == a.Value {
			return &node{op: opVar, name: a.Value, t: c.lets[i].t, pos: pos}
		}
	}
	for _, v := range scopeVars(c.scope) {
		if v.name == a.Value {
			return &node{op: opVar, name: a.Value, t: v.t, pos: pos}
		}
	}
	if c.callable(a.Value) {
		c.fail(pos, "%s is a function: call it, as in %s(hard, .reached)", a.Value, a.Value)
	}
	c.fail(pos, "%s", unknownName(a.Value, c.scope))
	return nil
}

// hideless are the variables a let may not be named after, in any rule:
// those rules had before skill levels, points and named values came, so
// that a rule reads the same in any scope. The names that came with them
// (points, skillLevels, rank, next) are refused only in the scopes that
// have them: a skill rule written before them may name a let points.
var hideless = []string{
	rule.VarHard, rule.VarSoft, rule.VarSkill, rule.VarLevel,
	rule.VarSkills, rule.VarReachMark, rule.VarDescriptionMark,
}

// unknownName explains a name that is not a variable of the scope.
func unknownName(name string, scope Scope) string {
	if reason, ok := refused[name]; ok {
		return name + " is not allowed in rules: " + reason
	}
	for _, other := range []Scope{SkillRule, LevelRule, ValueRule} {
		if other != scope && slices.Contains(varNames(other), name) {
			return fmt.Sprintf("%s is a variable of %s rules; a %s rule sees %s", name, other, scope, strings.Join(varNames(scope), ", "))
		}
	}
	if builtinIndex(name) {
		return name + notAvailable
	}
	msg := "unknown name " + strconv.Quote(name)
	if guess := suggest.Name(name, names(scope)); guess != "" {
		return msg + fmt.Sprintf(" (did you mean %q?)", guess)
	}
	return msg + "; the names here are " + strings.Join(varNames(scope), ", ")
}

// callable reports whether rules can call a function of that name.
func (c *checker) callable(name string) bool {
	return slices.Contains(builtins, name) || slices.Contains(helperNames(), name)
}

func (c *checker) member(a *ast.MemberNode) *node {
	pos := a.Location().From
	if a.Optional {
		c.fail(pos, "?. is for values that may be nil, and no value in a rule is: write . instead")
	}
	obj := c.expr(a.Node)
	if s, ok := a.Property.(*ast.StringNode); ok {
		switch {
		case obj.t.isStruct():
			ft := lookupField(obj.t.kind, s.Value)
			if ft == nil {
				c.fail(pos, "%s", noFieldMessage(obj.t, s.Value))
			}
			return &node{op: opField, name: s.Value, t: ft, args: []*node{obj}, pos: pos}
		case obj.t.kind == kList:
			c.fail(pos, "a list has no fields: use a predicate such as all(%s, .%s)", a.Node, s.Value)
		}
		c.fail(pos, "%s has no fields", obj.t)
	}
	switch {
	case obj.t.kind == kList && obj.t.n >= 0:
		idx := c.expr(a.Property)
		if idx.t.kind != kInt {
			c.fail(idx.pos, "an index must be an integer, but this one is %s", idx.t)
		}
		return &node{op: opAt, t: obj.t.elem, args: []*node{obj, idx}, pos: pos}
	case obj.t.kind == kList && obj.t.elem.kind == kRequirement:
		c.fail(pos, "a requirement's place in a list changes from level to level and with not_applicable marks: name it by its ID, as in any(%s, .id == 'its-id' and .reached)", a.Node)
	case obj.t.kind == kList && obj.t.elem.kind == kSkillResult:
		c.fail(pos, "a skill's place in skills changes from level to level: name it by its ID, as in any(skills, .id == 'its-id' and .reached)")
	case obj.t.kind == kList:
		c.fail(pos, "only a list whose length the rule fixes, such as [0, 1, 3][i], can be indexed: %s may have any length", a.Node)
	case obj.t.kind == kString:
		c.fail(pos, "rules do not index strings: use hasPrefix, hasSuffix or contains")
	case obj.t.isStruct():
		c.fail(pos, "a field is named in the rule, as in .reached, not computed")
	}
	c.fail(pos, "%s cannot be indexed", obj.t)
	return nil
}

// noFieldMessage explains a field that a type does not have.
func noFieldMessage(t *typ, name string) string {
	known := fieldNames(t.kind)
	msg := fmt.Sprintf("%s has no field %q", t, name)
	if guess := suggest.Name(name, known); guess != "" {
		return msg + fmt.Sprintf(" (did you mean %q?)", guess)
	}
	return msg + "; its fields are " + strings.Join(known, ", ")
}

func (c *checker) unary(a *ast.UnaryNode) *node {
	pos := a.Location().From
	x := c.expr(a.Node)
	switch a.Operator {
	case "not", "!":
		if x.t.kind != kBool {
			c.fail(pos, "not needs a boolean, but this is %s", x.t)
		}
		return &node{op: opUnary, name: "not", t: tBool, args: []*node{x}, pos: pos}
	case "-", "+":
		if !x.t.numeric() {
			c.fail(pos, "%s needs a number, but this is %s", a.Operator, x.t)
		}
		if a.Operator == "+" {
			return x
		}
		return &node{op: opUnary, name: "-", t: x.t, args: []*node{x}, pos: pos}
	}
	c.fail(pos, "rules cannot use the operator %s", a.Operator)
	return nil
}

// isZero reports whether a node is the literal 0.
func isZero(n *node) bool {
	v, ok := literalNumber(n)
	return ok && v == 0
}

func (c *checker) binary(a *ast.BinaryNode) *node {
	pos := a.Location().From
	op := a.Operator
	switch op {
	case "&&":
		op = "and"
	case "||":
		op = "or"
	case "^":
		op = "**"
	case "..":
		return c.rangeNode(a)
	case "??":
		c.fail(pos, "?? is for values that may be nil, and no value in a rule is")
	case "matches":
		if _, ok := a.Right.(*ast.StringNode); !ok {
			c.fail(a.Right.Location().From, "the pattern of matches must be a string literal")
		}
	}
	l, r := c.expr(a.Left), c.expr(a.Right)
	bin := func(t *typ) *node { return &node{op: opBinary, name: op, t: t, args: []*node{l, r}, pos: pos} }
	switch op {
	case "and", "or":
		for _, x := range []*node{l, r} {
			if x.t.kind != kBool {
				c.fail(x.pos, "%s needs booleans on both sides, but this is %s", op, x.t)
			}
		}
		return bin(tBool)
	case "==", "!=":
		c.comparable(a, l, r)
		return bin(tBool)
	case "<", ">", "<=", ">=":
		if !(l.t.numeric() && r.t.numeric()) && !(l.t.kind == kString && r.t.kind == kString) {
			c.fail(pos, "cannot compare %s with %s: %s compares numbers, or strings", l.t, r.t, op)
		}
		return bin(tBool)
	case "+":
		switch {
		case l.t.numeric() && r.t.numeric():
			return bin(join(l.t, r.t))
		case l.t.kind == kString && r.t.kind == kString:
			return bin(tString)
		}
		c.fail(pos, "cannot add %s and %s: + adds numbers, or joins strings", l.t, r.t)
	case "-", "*", "/", "%", "**":
		if !l.t.numeric() || !r.t.numeric() {
			c.fail(pos, "%s needs numbers on both sides, not %s and %s", op, l.t, r.t)
		}
		switch op {
		case "/", "%":
			if isZero(r) {
				c.fail(r.pos, "division by zero")
			}
			if op == "/" {
				return bin(tFloat)
			}
			if l.t.kind != kInt || r.t.kind != kInt {
				c.fail(pos, "%% is the remainder of a division of integers, not of %s by %s", l.t, r.t)
			}
			return bin(tInt)
		case "**":
			return bin(tFloat)
		}
		return bin(join(l.t, r.t))
	case "in":
		return c.in(a, l, r)
	case "matches":
		if l.t.kind != kString {
			c.fail(l.pos, "matches tests a string, but this is %s", l.t)
		}
		pattern := r.lit.(string)
		re, err := syntax.Parse(pattern, syntax.Perl)
		if err != nil {
			c.fail(r.pos, "invalid pattern: %s", strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		}
		size := patternSize(re)
		c.patternSize += size
		if c.patternSize > c.lim.MaxPatternSize {
			c.fail(r.pos, "the patterns of this rule are of size %d, over the limit of %d: repetitions and classes of characters make large programs", c.patternSize, c.lim.MaxPatternSize)
		}
		c.patterns[a] = pattern
		m := bin(tBool)
		m.lit = size // for the cost of a run
		return m
	case "contains", "startsWith", "endsWith":
		if l.t.kind != kString || r.t.kind != kString {
			c.fail(pos, "%s needs strings on both sides, not %s and %s", op, l.t, r.t)
		}
		return bin(tBool)
	}
	c.fail(pos, "rules cannot use the operator %s", a.Operator)
	return nil
}

// comparable checks the two sides of == or !=, and a string literal compared
// with a status or an ID.
func (c *checker) comparable(a *ast.BinaryNode, l, r *node) {
	switch {
	case l.t.kind == kString && r.t.kind == kString:
		c.literal(l, r)
		c.literal(r, l)
		return
	case l.t.numeric() && r.t.numeric(), l.t.kind == kBool && r.t.kind == kBool:
		return
	}
	st, stSrc, other, otherSrc := l, a.Left, r, a.Right
	if r.t.isStruct() && !l.t.isStruct() {
		st, stSrc, other, otherSrc = r, a.Right, l, a.Left
	}
	pos := a.Location().From
	switch {
	case st.t.isStruct() && other.t.kind == kString:
		f := "id"
		if st.t.kind == kMark {
			f = "status"
		} else if s, ok := other.lit.(string); ok && st.t.kind == kRequirement && slices.Contains(statuses[domMarkStatus], s) {
			f = "status"
		}
		c.fail(pos, "cannot compare %s with a string: compare its %s, as in %s.%s %s %s", st.t, f, stSrc, f, a.Operator, otherSrc)
	case l.t.isStruct() && r.t.isStruct():
		c.fail(pos, "%s cannot be compared with %s: compare their IDs, as in a.id == b.id", l.t.plural(), a.Operator)
	case l.t.kind == kList || r.t.kind == kList:
		c.fail(pos, "lists cannot be compared with %s: compare what they hold with all, any or count, or their lengths with len", a.Operator)
	}
	c.fail(pos, "cannot compare %s with %s", l.t, r.t)
}

// literal checks a string literal lit compared with x: a status word must be
// one of the statuses x can hold, and an ID is kept for Program.Check.
func (c *checker) literal(x, lit *node) {
	s, ok := lit.lit.(string)
	if !ok || lit.op != opLit {
		return
	}
	switch x.t.dom {
	case domRequirementStatus, domMarkStatus:
		known := statuses[x.t.dom]
		if slices.Contains(known, s) {
			return
		}
		if x.t.dom == domRequirementStatus && s == rule.NotApplicable {
			c.fail(lit.pos, "requirements marked not_applicable are left out of the lists a rule sees: a requirement's status is never %q", s)
		}
		msg := fmt.Sprintf("%q is not %s", s, domainName(x.t.dom))
		if guess := suggest.Name(s, known); guess != "" {
			c.fail(lit.pos, "%s (did you mean %q?)", msg, guess)
		}
		c.fail(lit.pos, "%s: it is %s", msg, orList(known))
	case domRequirementID, domSkillID, domLevelID:
		c.ids = append(c.ids, idLiteral{x.t.dom, s, lit.pos})
	}
}

// orList quotes words as "a", "b" or "c".
func orList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

func (c *checker) in(a *ast.BinaryNode, l, r *node) *node {
	pos := a.Location().From
	switch {
	case r.t.kind == kList:
		if !r.t.elem.scalar() {
			c.fail(pos, "in looks for a value in a list of numbers, strings or booleans; for %s, compare IDs, as in any(list, .id == 'its-id')", r.t)
		}
		if !same(l.t, r.t.elem) {
			c.fail(pos, "cannot look for %s in %s", l.t, r.t)
		}
		if l.t.kind == kString {
			if r.op == opList {
				for _, e := range r.args {
					c.literal(l, e)
				}
			}
			c.literal(&node{t: r.t.elem}, l)
		}
		return &node{op: opBinary, name: "in", t: tBool, args: []*node{l, r}, pos: pos}
	case r.t.isStruct():
		if l.op != opLit || l.t.kind != kString {
			c.fail(l.pos, "in on %s asks whether it has a field: name the field, as in 'reason' in x", r.t)
		}
		has := lookupField(r.t.kind, l.lit.(string)) != nil
		c.folds[a] = has
		return &node{op: opLit, t: tBool, lit: has, pos: pos}
	case r.t.kind == kString:
		c.fail(pos, "to look for a string in a string, use contains, as in %s contains %s", a.Right, a.Left)
	}
	c.fail(pos, "cannot look for %s in %s", l.t, r.t)
	return nil
}

func (c *checker) rangeNode(a *ast.BinaryNode) *node {
	pos := a.Location().From
	from, okFrom := intLiteral(a.Left)
	to, okTo := intLiteral(a.Right)
	if !okFrom || !okTo {
		c.fail(pos, "a range must have integer literals as bounds, such as 1..5")
	}
	// The size in big integers: to - from + 1 overflows an int for bounds
	// far apart.
	size := new(big.Int).Sub(big.NewInt(int64(to)), big.NewInt(int64(from)))
	size.Add(size, big.NewInt(1))
	if size.Sign() < 0 {
		size.SetInt64(0)
	}
	if size.Cmp(big.NewInt(int64(c.lim.MaxRange))) > 0 {
		c.fail(pos, "range %d..%d has %s elements, over the limit of %d", from, to, size, c.lim.MaxRange)
	}
	n := int(size.Int64())
	return &node{op: opRange, t: listOf(tInt, n), pos: pos, args: []*node{
		{op: opLit, t: tInt, lit: from, pos: a.Left.Location().From},
		{op: opLit, t: tInt, lit: to, pos: a.Right.Location().From},
	}}
}

func intLiteral(n ast.Node) (int, bool) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return n.Value, true
	case *ast.UnaryNode:
		if v, ok := intLiteral(n.Node); ok && n.Operator == "-" {
			return -v, true
		}
	}
	return 0, false
}

func (c *checker) array(a *ast.ArrayNode) *node {
	pos := a.Location().From
	if len(a.Nodes) == 0 {
		c.fail(pos, "an empty list has no use in a rule")
	}
	elems := make([]*node, len(a.Nodes))
	var t *typ
	for i, e := range a.Nodes {
		elems[i] = c.expr(e)
		switch {
		case !elems[i].t.scalar():
			c.fail(elems[i].pos, "a list written in a rule holds numbers, strings or booleans, not %s", elems[i].t.plural())
		case t == nil:
			t = elems[i].t
		case !same(t, elems[i].t):
			c.fail(elems[i].pos, "a list holds values of one type, but this is %s and the first is %s", elems[i].t, t)
		default:
			t = join(t, elems[i].t)
		}
	}
	return &node{op: opList, t: listOf(t, len(elems)), args: elems, pos: pos}
}

func (c *checker) call(a *ast.CallNode) *node {
	pos := a.Location().From
	id, ok := a.Callee.(*ast.IdentifierNode)
	if !ok {
		if m, ok := a.Callee.(*ast.MemberNode); ok {
			c.expr(m.Node) // what the method is called on may be wrong itself
		}
		c.fail(pos, "rules call functions, not methods: %s is not a function", a.Callee)
	}
	name := id.Value
	if slices.Contains(helperNames(), name) {
		if len(a.Arguments) != 1 {
			c.fail(pos, "%s takes one list, of requirements or skills", name)
		}
		x := c.expr(a.Arguments[0])
		if x.t.kind != kList || x.t.elem.kind != kRequirement && x.t.elem.kind != kSkillResult {
			c.fail(x.pos, "%s counts what is reached in a list of requirements or skills, not in %s", name, x.t)
		}
		t := tInt
		if name == "share" {
			t = tFloat
		}
		return &node{op: opCall, name: name, t: t, args: []*node{x}, pos: pos}
	}
	if msg, ok := refusal(name); ok {
		c.fail(pos, "%s", msg)
	}
	if builtinIndex(name) {
		c.fail(pos, "%s%s", name, notAvailable)
	}
	for _, v := range slices.Concat(scopeVars(SkillRule), scopeVars(LevelRule), scopeVars(ValueRule), c.lets) {
		if v.name == name {
			c.fail(pos, "%s is a variable, not a function", name)
		}
	}
	c.fail(pos, "%s", unknownFunction(name))
	return nil
}

// refusal explains a function that rules refuse: one not allowed, or one
// without a value on an empty list. It reports false for another name.
func refusal(name string) (msg string, ok bool) {
	if reason, ok := refused[name]; ok {
		return name + " is not allowed in rules: " + reason, true
	}
	if advice, ok := noValue[name]; ok {
		return advice, true
	}
	return "", false
}

// notAvailable follows the name of a builtin of expr that rules do not
// have.
const notAvailable = " is not available in rules; see the functions of package dsl"

// unknownFunction explains a call of a function rules do not have.
func unknownFunction(name string) string {
	msg := "unknown function " + strconv.Quote(name)
	if guess := suggest.Name(name, slices.Concat(helperNames(), builtins)); guess != "" {
		return msg + fmt.Sprintf(" (did you mean %q?)", guess)
	}
	return msg + "; see the functions of package dsl"
}

// builtin checks a call of one of expr's builtins.
func (c *checker) builtin(a *ast.BuiltinNode) *node {
	pos := a.Location().From
	name := a.Name
	if msg, ok := refusal(name); ok {
		c.fail(pos, "%s", msg)
	}
	if !slices.Contains(builtins, name) {
		c.fail(pos, "%s%s", name, notAvailable)
	}
	call := func(t *typ, args ...*node) *node { return &node{op: opCall, name: name, t: t, args: args, pos: pos} }
	arity := func(lo, hi int, what string) {
		if n := len(a.Arguments); n < lo || n > hi {
			c.fail(pos, "%s takes %s", name, what)
		}
	}
	switch name {
	case "all", "any", "none", "one", "filter", "map", "count", "sum", "findIndex", "findLastIndex":
		return c.predicate(a)
	case "len":
		arity(1, 1, "one list or string")
		x := c.expr(a.Arguments[0])
		if x.t.kind != kList && x.t.kind != kString {
			c.fail(x.pos, "len counts the elements of a list or the characters of a string, not %s", x.t)
		}
		return call(tInt, x)
	case "abs", "ceil", "floor", "round", "int", "float":
		arity(1, 1, "one number")
		x := c.expr(a.Arguments[0])
		if x.t.kind == kString && (name == "int" || name == "float") {
			c.fail(pos, "%s of a string fails when the text is not a number: rules compare texts as they are", name)
		}
		if !x.t.numeric() {
			c.fail(x.pos, "%s needs a number, not %s", name, x.t)
		}
		t := tFloat
		switch name {
		case "abs":
			t = x.t
		case "int":
			t = tInt
		}
		return call(t, x)
	case "max", "min":
		if len(a.Arguments) == 0 {
			c.fail(pos, "%s takes numbers, as in %s(a, b)", name, name)
		}
		args := make([]*node, len(a.Arguments))
		for i, e := range a.Arguments {
			args[i] = c.expr(e)
			switch {
			case args[i].t.kind == kList:
				c.fail(args[i].pos, "%s of a list has no value when the list is empty: give it the values, as in %s(a, b), or use sum, count or share", name, name)
			case !args[i].t.numeric():
				c.fail(args[i].pos, "%s needs numbers, not %s", name, args[i].t)
			case args[i].t.kind != args[0].t.kind:
				c.fail(args[i].pos, "%s of integers and numbers gives either: write float(x) to make them all numbers", name)
			}
		}
		return call(args[0].t, args...)
	case "lower", "upper":
		arity(1, 1, "one string")
		return call(tString, c.str(a.Arguments[0], name))
	case "trim", "trimPrefix", "trimSuffix":
		arity(1, 2, "a string, and what to trim from it")
		args := make([]*node, len(a.Arguments))
		for i, e := range a.Arguments {
			args[i] = c.str(e, name)
		}
		return call(tString, args...)
	case "hasPrefix", "hasSuffix":
		arity(2, 2, "two strings")
		return call(tBool, c.str(a.Arguments[0], name), c.str(a.Arguments[1], name))
	}
	c.fail(pos, "%s is not available in rules; see the functions of package dsl", name)
	return nil
}

// noValue explains the builtins that have no value on some inputs, and are
// refused: a rule must have a value on every assessment.
var noValue = map[string]string{
	"find":     "find has no value when no element matches: ask whether one does with any(list, predicate), or find where with findIndex, which gives -1 when none does",
	"findLast": "findLast has no value when no element matches: ask whether one does with any(list, predicate), or find where with findLastIndex, which gives -1 when none does",
	"first":    "first has no value on an empty list: test the list with any, all, count or len instead",
	"last":     "last has no value on an empty list: test the list with any, all, count or len instead",
	"mean":     "mean has no value on an empty list: use share(list), or sum(list, x) / len(list) after len(list) > 0",
	"median":   "median has no value on an empty list: use share(list), count or sum",
}

func (c *checker) str(a ast.Node, fn string) *node {
	x := c.expr(a)
	if x.t.kind != kString {
		c.fail(x.pos, "%s needs a string, not %s", fn, x.t)
	}
	return x
}

// predicate checks all, any, none, one, filter, map, count, sum, findIndex
// and findLastIndex: a list, and a predicate run on each element.
func (c *checker) predicate(a *ast.BuiltinNode) *node {
	pos := a.Location().From
	name := a.Name
	list := c.expr(a.Arguments[0])
	if list.t.kind != kList {
		c.fail(list.pos, "%s goes over a list, but %s is %s", name, a.Arguments[0], list.t)
	}
	if len(a.Arguments) == 1 {
		switch {
		case name == "count" && list.t.elem.kind == kBool:
			return &node{op: opCall, name: name, t: tInt, args: []*node{list}, pos: pos}
		case name == "sum" && list.t.elem.numeric():
			return &node{op: opCall, name: name, t: list.t.elem, args: []*node{list}, pos: pos}
		case name == "count":
			c.fail(pos, "count without a predicate counts the true values of a list of booleans: write count(%s, .reached)", a.Arguments[0])
		}
		c.fail(pos, "sum without a predicate adds a list of numbers: write sum(%s, x) with the number x of each element", a.Arguments[0])
	}
	pred, ok := a.Arguments[1].(*ast.PredicateNode)
	if !ok || len(a.Arguments) != 2 {
		c.fail(pos, "%s takes a list and a predicate, as in %s(hard, .reached)", name, name)
	}
	c.preds = append(c.preds, list.t.elem)
	if len(c.preds) > c.lim.MaxNesting {
		c.fail(pred.Location().From, "predicates nest %d deep, over the limit of %d: each level multiplies the work", len(c.preds), c.lim.MaxNesting)
	}
	body := c.expr(pred.Node)
	c.preds = c.preds[:len(c.preds)-1]
	n := &node{op: opCall, name: name, args: []*node{list, body}, pred: true, pos: pos}
	switch name {
	case "map":
		n.t = listOf(body.t, list.t.n)
	case "sum":
		if !body.t.numeric() {
			c.fail(body.pos, "sum adds numbers, but this is %s", body.t)
		}
		n.t = body.t
	default:
		if body.t.kind != kBool {
			c.fail(body.pos, "the predicate of %s must be true or false, but it is %s", name, body.t)
		}
		switch name {
		case "filter":
			n.t = listOf(list.t.elem, -1)
		case "count", "findIndex", "findLastIndex":
			n.t = tInt
		default:
			n.t = tBool
		}
	}
	return n
}

// patternSize bounds the size of the program a regular expression compiles
// to, in instructions, a class of characters counting one for each of its
// ranges: what compiling it and keeping it cost.
func patternSize(re *syntax.Regexp) int {
	const most = 1 << 30
	sum := func(subs []*syntax.Regexp) int {
		n := len(subs)
		for _, s := range subs {
			n = min(most, n+patternSize(s))
		}
		return n
	}
	switch re.Op {
	case syntax.OpLiteral:
		return 1 + len(re.Rune)
	case syntax.OpCharClass:
		return 1 + len(re.Rune)/2
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest:
		return 1 + sum(re.Sub)
	case syntax.OpRepeat:
		times := re.Max
		if times < 0 {
			times = re.Min + 1
		}
		return min(most, max(1, times)*(1+sum(re.Sub)))
	case syntax.OpConcat, syntax.OpAlternate:
		return 1 + sum(re.Sub)
	}
	return 1
}
