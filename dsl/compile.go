package dsl

import (
	"github.com/ladderkit/ladder/internal/rule"

	"errors"
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"weak"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	exprchecker "github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/optimizer"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/parser/lexer"
	"github.com/expr-lang/expr/vm"
)

// Program is a compiled rule. It is immutable and safe for concurrent use.
// Package ladder compiles each rule of a ladder when it parses it, and runs
// them on each assessment it evaluates; a program of one's own is for
// checking a rule against a ladder (Check), as an editor would.
type Program struct {
	scope  Scope
	source string
	lim    Limits
	prog   *vm.Program
	ir     *node       // the checked rule, for Check and the analyses
	ids    []idLiteral // literals compared with IDs, for Check
	run    rule.Runnable
	uses   rule.Vars // the variables the rule names
}

func init() {
	rule.Of = func(p any) *rule.Runnable { return &p.(*Program).run }
}

// Builtins returns the builtin functions of expr that rules may call. The
// others are refused: some make a verdict depend on something else than the
// assessment (now, date), some can take time or memory without bound
// (repeat, reduce), some have no value on some lists (first, find, mean),
// and the rest have no use in a rule.
func Builtins() []string { return slices.Clone(builtins) }

var builtins = []string{
	"all", "any", "none", "one", "count", "filter", "map", "sum",
	"findIndex", "findLastIndex",
	"len", "abs", "ceil", "floor", "round", "int", "float", "max", "min",
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
// parse, names something unknown, is not a boolean, uses a value of the
// wrong type, calls a builtin rules may not call, uses a construct that
// could fail as it runs (see the package documentation), or is over a
// limit. What depends on the ladder the rule is for (the IDs it names, the
// ranges of its numbers, its cost) is checked by Program.Check.
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
	config := newConfig(scope)
	tree, err := parser.ParseWithConfig(src, config)
	if err != nil {
		return nil, parseError(src, scope, err)
	}
	if n := countNodes(tree.Node); n > lim.MaxNodes {
		return fail(0, "rule has %d nodes, over the limit of %d: each name, literal, operator and call is one", n, lim.MaxNodes)
	}
	c, ir, err := typecheck(src, scope, lim, tree.Node)
	if err != nil {
		return nil, err
	}
	// expr's checker gives the tree the types its compiler needs; it
	// accepts every rule the checker above accepts.
	if _, err := exprchecker.Check(tree, config); err != nil {
		return nil, fromExpr(src, err)
	}
	if err := rewrite(tree, c, config); err != nil {
		return nil, &Error{Source: src, Message: err.Error()}
	}
	if err := optimizer.Optimize(&tree.Node, config); err != nil {
		return nil, fromExpr(src, err)
	}
	prog, err := compiler.Compile(tree, config)
	if err != nil {
		return nil, fromExpr(src, err)
	}
	p := &Program{scope: scope, source: src, lim: lim, prog: prog, ir: ir, ids: c.ids}
	walk(ir, func(n *node) {
		if n.op == opVar {
			p.uses |= rule.VarBit(n.name)
		}
	})
	p.run = rule.Runnable{
		Source: src,
		Run:    p.runOn,
		Value:  p.valueOn,
		Uses:   p.uses,
		Cost: func(s rule.Sizes) float64 {
			return p.cost(Sizes{List: s.List, Text: s.Text, Name: s.Name, Reason: s.Reason, Skills: s.Skills})
		},
		PatternSize: c.patternSize,
	}
	p.run.Reasons, p.run.Lists = reads(ir)
	return p, nil
}

func newConfig(scope Scope) *conf.Config {
	config := conf.CreateNew()
	opts := append([]expr.Option{expr.Env(rule.TypeEnv(int(scope))), expr.DisableAllBuiltins()}, helperOptions()...)
	for _, name := range builtins {
		opts = append(opts, expr.EnableBuiltin(name))
	}
	for _, opt := range opts {
		opt(config)
	}
	for name := range config.Disabled {
		delete(config.Builtins, name)
	}
	// The rule's size is checked on the tree, to report its count.
	config.MaxNodes = 0
	return config
}

// countNodes returns the number of nodes of a tree.
func countNodes(n ast.Node) int {
	count := 0
	ast.Walk(&n, visitor(func(*ast.Node) { count++ }))
	return count
}

// walk calls f on each node of a checked rule, parents first.
func walk(n *node, f func(*node)) {
	f(n)
	for _, a := range n.args {
		walk(a, f)
	}
}

// rewrite changes a checked tree before it is compiled, so that each
// construct has the meaning the package documents whatever expr's machine
// does:
//
//   - findIndex gives -1, not nil, when no element matches;
//   - findLastIndex runs forwards, as a reduce: expr v1.17.8 compiles its
//     backward loop so that it leaves a value on the machine's stack, which
//     corrupts the predicate around it (expr issue #950);
//   - 'field' in x, on a requirement, skill, level or mark, is the answer
//     the checker found by the language's field names (expr's looks up Go's);
//   - matches calls the pattern compiled once for all the rules of the
//     process that use it.
func rewrite(tree *parser.Tree, c *checker, config *conf.Config) (err error) {
	intType := reflect.TypeOf(0)
	boolType := reflect.TypeOf(false)
	matchers := 0
	ast.Walk(&tree.Node, visitor(func(n *ast.Node) {
		switch x := (*n).(type) {
		case *ast.BinaryNode:
			if has, ok := c.folds[x]; ok {
				b := &ast.BoolNode{Value: has}
				b.SetType(boolType)
				ast.Patch(n, b)
				return
			}
			pattern, ok := c.patterns[x]
			if !ok {
				return
			}
			re, e := compilePattern(pattern)
			if e != nil {
				err = e
				return
			}
			name := "$match" + strconv.Itoa(matchers)
			matchers++
			config.Functions[name] = &builtin.Function{Name: name, Func: func(args ...any) (any, error) {
				return re.MatchString(args[0].(string)), nil
			}}
			call := &ast.CallNode{Callee: &ast.IdentifierNode{Value: name}, Arguments: []ast.Node{x.Left}}
			call.SetType(boolType)
			ast.Patch(n, call)
		case *ast.BuiltinNode:
			switch x.Name {
			case "findIndex":
				none := &ast.IntegerNode{Value: -1}
				none.SetType(intType)
				// A copy of the node: Patch gives n a new value, the
				// one x points at stays the call.
				call := *x
				or := &ast.BinaryNode{Operator: "??", Left: &call, Right: none}
				or.SetType(intType)
				ast.Patch(n, or)
			case "findLastIndex":
				pred := x.Arguments[1].(*ast.PredicateNode)
				index, acc := &ast.PointerNode{Name: "index"}, &ast.PointerNode{Name: "acc"}
				index.SetType(intType)
				acc.SetType(intType)
				cond := &ast.ConditionalNode{Ternary: true, Cond: pred.Node, Exp1: index, Exp2: acc}
				cond.SetType(intType)
				body := &ast.PredicateNode{Node: cond}
				body.SetType(intType)
				none := &ast.IntegerNode{Value: -1}
				none.SetType(intType)
				reduce := &ast.BuiltinNode{Name: "reduce", Arguments: []ast.Node{x.Arguments[0], body, none}}
				reduce.SetType(intType)
				ast.Patch(n, reduce)
			}
		}
	}))
	return err
}

// visitor is a function called on each node of an expr tree, children first.
type visitor func(*ast.Node)

func (v visitor) Visit(n *ast.Node) { v(n) }

// patterns holds the regular expressions compiled for rules, by pattern,
// while a program uses them: identical patterns are compiled once, for all
// the rules of all the ladders in the process.
var patterns struct {
	sync.Mutex
	m map[string]weak.Pointer[regexp.Regexp]
}

func compilePattern(pattern string) (*regexp.Regexp, error) {
	patterns.Lock()
	defer patterns.Unlock()
	if re := patterns.m[pattern].Value(); re != nil {
		return re, nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	if patterns.m == nil {
		patterns.m = make(map[string]weak.Pointer[regexp.Regexp])
	}
	patterns.m[pattern] = weak.Make(re)
	runtime.AddCleanup(re, func(pattern string) {
		patterns.Lock()
		defer patterns.Unlock()
		if patterns.m[pattern].Value() == nil {
			delete(patterns.m, pattern)
		}
	}, pattern)
	return re, nil
}

// Scope returns the scope the rule was compiled for.
func (p *Program) Scope() Scope { return p.scope }

// Source returns the rule.
func (p *Program) Source() string { return p.source }

// runOn runs the rule on env with machine m, which it reuses: a VM may run
// many programs, one at a time. It returns the rule's verdict, or an error
// when the run fails, which a rule that passed Check on the ladder the
// environment comes from does not.
func (p *Program) runOn(m *vm.VM, env rule.Env) (bool, error) {
	out, err := p.run1(m, env)
	if err != nil {
		return false, err
	}
	b, ok := out.(bool)
	if !ok {
		return false, fmt.Errorf("rule gave %T, not a boolean", out)
	}
	return b, nil
}

// valueOn runs a value rule on env with machine m, as runOn does a rule of
// another scope, and returns its number.
func (p *Program) valueOn(m *vm.VM, env rule.Env) (float64, error) {
	out, err := p.run1(m, env)
	if err != nil {
		return 0, err
	}
	switch x := out.(type) {
	case int:
		return float64(x), nil
	case float64:
		return x, nil
	}
	return 0, fmt.Errorf("rule gave %T, not a number", out)
}

// run1 runs the program on env with machine m, under the memory budget,
// with an error of expr's machine made an *Error of the rule.
func (p *Program) run1(m *vm.VM, env rule.Env) (any, error) {
	m.MemoryBudget = p.lim.MemoryBudget
	out, err := m.Run(p.prog, map[string]any(env))
	if err != nil {
		var fe *file.Error
		if errors.As(err, &fe) {
			return nil, &Error{Source: p.source, Offset: fe.From, Message: cleanMessage(fe.Message)}
		}
		return nil, err
	}
	return out, nil
}

// fromExpr turns an error of expr's parser, checker or compiler into an
// *Error.
func fromExpr(src string, err error) error {
	var fe *file.Error
	if !errors.As(err, &fe) {
		return &Error{Source: src, Message: cleanMessage(err.Error())}
	}
	return &Error{Source: src, Offset: fe.From, Message: cleanMessage(fe.Message)}
}

// parseError explains a rule that does not parse. expr's parser stops at
// the first token it cannot take, which is often after the mistake: a call
// of an unknown function fails at its first predicate (al(hard, .reached)
// at the "."), a = at the =. Before its message, look for these mistakes
// in the rule's tokens.
func parseError(src string, scope Scope, err error) error {
	e := fromExpr(src, err).(*Error)
	tokens, lexErr := lexer.Lex(file.NewSource(src))
	if lexErr != nil {
		return e
	}
	known := slices.Concat(names(scope), []string{"let", "in", "not", "and", "or", "matches", "contains", "startsWith", "endsWith", "true", "false", "nil", "if", "else"})
	for i, t := range tokens {
		next := lexer.Token{}
		if i+1 < len(tokens) {
			next = tokens[i+1]
		}
		prev := lexer.Token{}
		if i > 0 {
			prev = tokens[i-1]
		}
		switch {
		case t.Kind == lexer.Identifier && next.Is(lexer.Bracket, "(") && !slices.Contains(known, t.Value) && !prev.Is(lexer.Operator, "."):
			if msg, ok := refusal(t.Value); ok {
				return &Error{Source: src, Offset: t.From, Message: msg}
			}
			if builtinIndex(t.Value) {
				return &Error{Source: src, Offset: t.From, Message: t.Value + notAvailable}
			}
			return &Error{Source: src, Offset: t.From, Message: unknownFunction(t.Value)}
		case t.Is(lexer.Operator, "=") && !(i >= 2 && tokens[i-2].Is(lexer.Operator, "let")):
			return &Error{Source: src, Offset: t.From, Message: "= is not an operator of rules: use == to compare"}
		case t.Is(lexer.Operator, "%") && !startsOperand(next):
			return &Error{Source: src, Offset: t.From, Message: "% is the remainder of a division, not a percentage: write 50% as 0.5"}
		}
	}
	return e
}

// startsOperand reports whether a token can start the right side of an
// operator.
func startsOperand(t lexer.Token) bool {
	switch t.Kind {
	case lexer.Identifier, lexer.Number, lexer.String:
		return true
	case lexer.Bracket:
		return t.Value == "(" || t.Value == "["
	case lexer.Operator:
		return t.Value == "-" || t.Value == "+" || t.Value == "!" || t.Value == "not" || t.Value == "#" || t.Value == "."
	}
	return false
}

// cleanMessage replaces Go type names in a message of expr.
func cleanMessage(msg string) string { return goTypeNames.Replace(msg) }

var goTypeNames = strings.NewReplacer(
	"[]rule.Requirement", "list of requirements",
	"[]rule.SkillResult", "list of skills",
	"rule.Requirement", "requirement",
	"rule.SkillResult", "skill",
	"rule.Skill", "skill",
	"rule.Level", "level",
	"rule.Mark", "mark",
	"[]interface {}", "list",
	"interface {}", "any",
)

// varNames lists the variables of a scope, in the order the documentation
// gives them.
func varNames(scope Scope) []string {
	var names []string
	for _, v := range scopeVars(scope) {
		names = append(names, v.name)
	}
	return names
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
