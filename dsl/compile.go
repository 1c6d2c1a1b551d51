package dsl

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/optimizer"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"

	"github.com/ladderkit/ladder/internal/suggest"
)

// Program is a compiled rule. It is immutable and safe for concurrent use;
// each goroutine runs it on a vm.VM of its own.
type Program struct {
	scope  Scope
	source string
	prog   *vm.Program
	budget uint
	// reasons and lists say what a run may observe (see Reads).
	reasons, lists bool
	cost           size  // steps of a run, by the sizes of what it sees
	uses           uint8 // the variables the rule names, by bit (see varBit)
}

// Builtins returns the builtin functions of expr that rules may call. The
// others are refused: some make a verdict depend on something else than the
// assessment (now, date), some can take time or memory without bound
// (repeat, reduce), and the rest have no use in a rule.
func Builtins() []string { return slices.Clone(builtins) }

var builtins = []string{
	"all", "any", "none", "one", "count", "filter", "map", "sum",
	"find", "findIndex", "findLast", "findLastIndex", "first", "last",
	"len", "abs", "ceil", "floor", "round", "int", "float", "max", "min", "mean", "median",
	"lower", "upper", "trim", "trimPrefix", "trimSuffix", "hasPrefix", "hasSuffix",
}

// refused gives the reason some builtins are refused.
var refused = map[string]string{
	"now":      "it reads the clock: a verdict may depend only on the assessment",
	"date":     "dates depend on the clock and the time zone: a verdict may depend only on the assessment",
	"duration": "a verdict may depend only on the assessment, not on time",
	"timezone": "it depends on the machine's time zone database: a verdict may depend only on the assessment",
	"repeat":   "it can build strings of any size",
	"reduce":   "its accumulator can grow without bound; use count, sum, all or any",
	"$env":     "rules name their variables directly",
}

// Compile checks a rule of the given scope and compiles it. It returns a
// *Error, with the offset of the character at fault, when the rule does not
// parse, names something unknown, is not a boolean, calls a builtin rules
// may not call, or is over a limit.
func Compile(scope Scope, src string, lim Limits) (*Program, error) {
	lim = lim.OrDefault()
	fail := func(off int, format string, args ...any) (*Program, error) {
		return nil, &Error{Source: src, Offset: off, Message: fmt.Sprintf(format, args...)}
	}
	if len(src) > lim.MaxSource {
		return fail(0, "rule is %d bytes long, over the limit of %d", len(src), lim.MaxSource)
	}
	if strings.TrimSpace(src) == "" {
		return fail(0, "rule is empty")
	}
	config := newConfig(scope, lim)
	tree, err := parser.ParseWithConfig(src, config)
	if err != nil {
		return nil, fromExpr(src, scope, lim, err)
	}
	if err := vet(src, tree.Node, lim); err != nil {
		return nil, err
	}
	t, err := checker.Check(tree, config)
	if err != nil {
		return nil, fromExpr(src, scope, lim, err)
	}
	if t.Kind() != reflect.Bool {
		return fail(0, "a rule must be true or false, but this one is %s", typeName(t.String()))
	}
	p := &Program{scope: scope, source: src, budget: lim.MemoryBudget}
	p.reasons, p.lists = reads(tree.Node)
	p.cost = ruleCost(tree.Node)
	var names func(n ast.Node)
	names = func(n ast.Node) {
		if id, ok := n.(*ast.IdentifierNode); ok {
			p.uses |= varBit(id.Value)
		}
		for _, c := range children(n) {
			names(c)
		}
	}
	names(tree.Node)
	if err := optimizer.Optimize(&tree.Node, config); err != nil {
		return nil, fromExpr(src, scope, lim, err)
	}
	p.prog, err = compiler.Compile(tree, config)
	if err != nil {
		return nil, fromExpr(src, scope, lim, err)
	}
	return p, nil
}

func newConfig(scope Scope, lim Limits) *conf.Config {
	config := conf.CreateNew()
	opts := append([]expr.Option{expr.Env(typeEnv(scope)), expr.DisableAllBuiltins()}, helperOptions()...)
	for _, name := range builtins {
		opts = append(opts, expr.EnableBuiltin(name))
	}
	for _, opt := range opts {
		opt(config)
	}
	for name := range config.Disabled {
		delete(config.Builtins, name)
	}
	config.MaxNodes = uint(lim.MaxNodes)
	return config
}

// Scope returns the scope the rule was compiled for.
func (p *Program) Scope() Scope { return p.scope }

// Source returns the rule.
func (p *Program) Source() string { return p.source }

// Reads reports what a run of the rule may observe beyond the statuses:
// reasons is true when it may read the reason of a requirement or mark, and
// lists when a level rule may read its skills' hard and soft lists. A caller
// that fills environments may leave out what a program cannot observe; when
// in doubt (a value passed where the analysis cannot follow it), both are
// true.
func (p *Program) Reads() (reasons, lists bool) { return p.reasons, p.lists }

// Cost returns an upper bound of the steps one run of the rule takes over
// what it sees, of the given sizes. A step is about one operation of expr's
// machine; string work counts by bytes. Package rules checks it against
// Limits.MaxCost for each ladder, whose sizes it knows.
func (p *Program) Cost(s Sizes) float64 {
	if s.Reason == 0 {
		s.Reason = MaxReasonLength * utf8.UTFMax
	}
	s.List = max(s.List, 1)
	return p.cost(s)
}

// Uses reports whether the rule names a variable, so that a caller need not
// fill in the environment what the rule cannot read.
func (p *Program) Uses(variable string) bool { return p.uses&varBit(variable) != 0 }

// varBit returns the bit of a variable in Program.uses, 0 for other names.
func varBit(name string) uint8 {
	switch name {
	case VarHard:
		return 1
	case VarSoft:
		return 2
	case VarSkill:
		return 4
	case VarLevel:
		return 8
	case VarSkills:
		return 16
	case VarReachMark:
		return 32
	case VarDescriptionMark:
		return 64
	}
	return 0
}

// Run runs the rule on env with machine m, which it reuses: a VM may run
// many programs, one at a time. It returns the rule's verdict, or an error
// when the run fails (an index out of range, the memory budget exceeded).
func (p *Program) Run(m *vm.VM, env Env) (bool, error) {
	m.MemoryBudget = p.budget
	out, err := m.Run(p.prog, map[string]any(env))
	if err != nil {
		var fe *file.Error
		if errors.As(err, &fe) {
			return false, &Error{Source: p.source, Offset: fe.From, Message: cleanMessage(fe.Message)}
		}
		return false, err
	}
	b, ok := out.(bool)
	if !ok {
		return false, fmt.Errorf("rule gave %T, not a boolean", out)
	}
	return b, nil
}

// fromExpr turns an error of expr's parser, checker or compiler into an
// *Error in the words of a ladder's author.
func fromExpr(src string, scope Scope, lim Limits, err error) error {
	var fe *file.Error
	if !errors.As(err, &fe) {
		return &Error{Source: src, Message: cleanMessage(err.Error())}
	}
	e := &Error{Source: src, Offset: fe.From, Message: cleanMessage(fe.Message)}
	switch {
	case fe.Message == "compilation failed: expression exceeds maximum allowed nodes":
		e.Message = "rule has too many parts: over the limit of " + strconv.Itoa(lim.MaxNodes) + " nodes"
	case strings.HasPrefix(fe.Message, "unknown name "):
		name := strings.TrimPrefix(fe.Message, "unknown name ")
		e.Message = "unknown name " + strconv.Quote(name)
		other := LevelRule
		if scope == LevelRule {
			other = SkillRule
		}
		if reason, ok := refused[name]; ok {
			e.Message = name + " is not allowed in rules: " + reason
		} else if slices.Contains(varNames(other), name) {
			e.Message = fmt.Sprintf("%s is a variable of %s rules; a %s rule sees %s", name, other, scope, strings.Join(varNames(scope), ", "))
		} else if builtinIndex(name) {
			e.Message = name + " is not available in rules; see the functions of package dsl"
		} else if guess := suggest.Name(name, names(scope)); guess != "" {
			e.Message += fmt.Sprintf(" (did you mean %q?)", guess)
		} else {
			e.Message += "; the names here are " + strings.Join(varNames(scope), ", ")
		}
	case strings.HasPrefix(fe.Message, "array elements can only be selected using an integer"):
		e.Message = "a list has no fields: use a predicate such as all(hard, .reached), or an index such as hard[0].reached"
	default:
		if m := noField.FindStringSubmatch(fe.Message); m != nil {
			e.Message = noFieldMessage(m[1], m[2])
		}
	}
	return e
}

var noField = regexp.MustCompile(`^type (\S+) has no field (\S+)$`)

// noFieldMessage explains a field that a type does not have.
func noFieldMessage(typ, field string) string {
	var t reflect.Type
	switch strings.TrimPrefix(typ, "dsl.") {
	case "Requirement":
		t = reflect.TypeOf(Requirement{})
	case "Skill":
		t = reflect.TypeOf(Skill{})
	case "SkillResult":
		t = reflect.TypeOf(SkillResult{})
	case "Level":
		t = reflect.TypeOf(Level{})
	case "Mark":
		t = reflect.TypeOf(Mark{})
	default:
		if strings.HasPrefix(typ, "[]") {
			return fmt.Sprintf("%s has no field %q: it is a list; use a predicate such as all(list, .%s)", typeName(typ), field, field)
		}
		return fmt.Sprintf("%s has no field %q", typeName(typ), field)
	}
	fields := make([]string, t.NumField())
	for i := range fields {
		fields[i] = t.Field(i).Tag.Get("expr")
	}
	msg := fmt.Sprintf("%s has no field %q", typeName(typ), field)
	if guess := suggest.Name(field, fields); guess != "" {
		return msg + fmt.Sprintf(" (did you mean %q?)", guess)
	}
	return msg + "; its fields are " + strings.Join(fields, ", ")
}

var typeNames = strings.NewReplacer(
	"[]dsl.Requirement", "a list of requirements",
	"[]dsl.SkillResult", "a list of skills",
	"dsl.Requirement", "a requirement",
	"dsl.SkillResult", "a skill",
	"dsl.Skill", "a skill",
	"dsl.Level", "a level",
	"dsl.Mark", "a mark",
	"[]interface {}", "a list",
	"interface {}", "any value",
	"float64", "a number",
	"int", "an integer",
	"string", "a string",
	"bool", "a boolean",
)

// typeName names a Go type as a rule's author knows it.
func typeName(t string) string { return typeNames.Replace(t) }

// cleanMessage replaces Go type names in a message of expr.
func cleanMessage(msg string) string { return goTypeNames.Replace(msg) }

var goTypeNames = strings.NewReplacer(
	"[]dsl.Requirement", "list of requirements",
	"[]dsl.SkillResult", "list of skills",
	"dsl.Requirement", "requirement",
	"dsl.SkillResult", "skill",
	"dsl.Skill", "skill",
	"dsl.Level", "level",
	"dsl.Mark", "mark",
	"[]interface {}", "list",
	"interface {}", "any",
)

// varNames lists the variables of a scope, in the order the documentation
// gives them.
func varNames(scope Scope) []string {
	if scope == LevelRule {
		return []string{VarSkills, VarLevel, VarReachMark, VarDescriptionMark}
	}
	return []string{VarHard, VarSoft, VarSkill, VarLevel}
}

// names lists what a rule of the scope may name: variables, helpers and
// builtins.
func names(scope Scope) []string {
	return slices.Concat(varNames(scope), helperNames(), builtins)
}

func builtinIndex(name string) bool {
	_, ok := builtin.Index[name]
	return ok
}

// vet refuses what the checker accepts but a rule must not do: call refused
// builtins, nest predicates too deep, build large ranges, or match against a
// pattern computed at run time.
func vet(src string, root ast.Node, lim Limits) error {
	var err error
	fail := func(n ast.Node, format string, args ...any) {
		if err == nil {
			err = &Error{Source: src, Offset: n.Location().From, Message: fmt.Sprintf(format, args...)}
		}
	}
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		if n == nil || err != nil {
			return
		}
		switch n := n.(type) {
		case *ast.IdentifierNode:
			if reason, ok := refused[n.Value]; ok {
				fail(n, "%s is not allowed in rules: %s", n.Value, reason)
			}
		case *ast.CallNode:
			if id, ok := n.Callee.(*ast.IdentifierNode); ok {
				if reason, ok := refused[id.Value]; ok {
					fail(n, "%s is not allowed in rules: %s", id.Value, reason)
				} else if builtinIndex(id.Value) && !slices.Contains(builtins, id.Value) {
					fail(n, "%s is not available in rules; see the functions of package dsl", id.Value)
				}
			}
		case *ast.BuiltinNode:
			// Predicates such as reduce parse as builtins whatever the
			// configuration says.
			if reason, ok := refused[n.Name]; ok {
				fail(n, "%s is not allowed in rules: %s", n.Name, reason)
			} else if !slices.Contains(builtins, n.Name) {
				fail(n, "%s is not available in rules; see the functions of package dsl", n.Name)
			}
		case *ast.PredicateNode:
			depth++
			if depth > lim.MaxNesting {
				fail(n, "predicates nest %d deep, over the limit of %d: each level multiplies the work", depth, lim.MaxNesting)
			}
		case *ast.BinaryNode:
			switch n.Operator {
			case "..":
				from, okFrom := intLiteral(n.Left)
				to, okTo := intLiteral(n.Right)
				switch {
				case !okFrom || !okTo:
					fail(n, "a range must have integer literals as bounds, such as 1..5")
				case to-from+1 > lim.MaxRange:
					fail(n, "range %d..%d has %d elements, over the limit of %d", from, to, to-from+1, lim.MaxRange)
				}
			case "matches":
				if _, ok := n.Right.(*ast.StringNode); !ok {
					fail(n.Right, "the pattern of matches must be a string literal")
				}
			}
		}
		for _, c := range children(n) {
			walk(c, depth)
		}
	}
	walk(root, 0)
	return err
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

// children returns the nodes directly under n, in source order.
func children(n ast.Node) []ast.Node {
	switch n := n.(type) {
	case *ast.UnaryNode:
		return []ast.Node{n.Node}
	case *ast.BinaryNode:
		return []ast.Node{n.Left, n.Right}
	case *ast.ChainNode:
		return []ast.Node{n.Node}
	case *ast.MemberNode:
		return []ast.Node{n.Node, n.Property}
	case *ast.SliceNode:
		return []ast.Node{n.Node, n.From, n.To}
	case *ast.CallNode:
		return append([]ast.Node{n.Callee}, n.Arguments...)
	case *ast.BuiltinNode:
		return n.Arguments
	case *ast.PredicateNode:
		return []ast.Node{n.Node}
	case *ast.VariableDeclaratorNode:
		return []ast.Node{n.Value, n.Expr}
	case *ast.SequenceNode:
		return n.Nodes
	case *ast.ConditionalNode:
		return []ast.Node{n.Cond, n.Exp1, n.Exp2}
	case *ast.ArrayNode:
		return n.Nodes
	case *ast.MapNode:
		return n.Pairs
	case *ast.PairNode:
		return []ast.Node{n.Key, n.Value}
	}
	return nil
}
