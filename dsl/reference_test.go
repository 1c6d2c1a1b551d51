package dsl

import (
	"github.com/ladderkit/ladder/internal/rule"

	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// This file is a reference evaluator of the rule language, in plain Go over
// the checked form of a rule: what a rule means, as the package
// documentation says, written without expr. The properties of
// property_test.go run generated rules on expr's machine and here, and
// require the same verdict.
//
// It also measures the work of a run in the units of the cost model,
// counting what it really does with the sizes it really meets (the cost
// model counts with the largest sizes of the ladder): a run's measured
// steps must never exceed the estimate of Program.Cost.

// world is what a rule sees: the variables of its scope.
type world struct {
	Hard, Soft   []rule.Requirement
	Skill        rule.Skill
	Level        rule.Level
	Skills       []rule.SkillResult
	Reach, Descr rule.Mark
	// What level and value rules see of the whole assessment.
	SkillLevels []rule.SkillLevel
	Points      int
	// What value rules see of the result: the rank, and the next level
	// (of rank 0 at the top).
	Rank int
	Next rule.Level
}

// env returns the world as a run of the expr program sees it.
func (w *world) env(s Scope) rule.Env {
	env := rule.NewEnv(int(s))
	switch s {
	case SkillRule:
		env[rule.VarHard] = anys(w.Hard)
		env[rule.VarSoft] = anys(w.Soft)
		env[rule.VarSkill] = w.Skill
		env[rule.VarLevel] = w.Level
	case LevelRule:
		env[rule.VarSkills] = anys(w.Skills)
		env[rule.VarReachMark] = w.Reach
		env[rule.VarDescriptionMark] = w.Descr
		env[rule.VarLevel] = w.Level
		env[rule.VarSkillLevels] = anys(w.SkillLevels)
		env[rule.VarPoints] = w.Points
	case ValueRule:
		env[rule.VarPoints] = w.Points
		env[rule.VarRank] = w.Rank
		env[rule.VarSkillLevels] = anys(w.SkillLevels)
		env[rule.VarNext] = w.Next
	}
	return env
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// sizes returns the sizes of the world, as a ladder holding it has them.
func (w *world) sizes() Sizes {
	var s Sizes
	reqs := func(rs []rule.Requirement) {
		s.List = max(s.List, len(rs))
		for _, r := range rs {
			s.Text = max(s.Text, len(r.Text))
			s.Name = max(s.Name, len(r.ID))
			s.Reason = max(s.Reason, len(r.Reason))
		}
	}
	reqs(w.Hard)
	reqs(w.Soft)
	s.List = max(s.List, len(w.Skills))
	for _, sk := range w.Skills {
		s.Name = max(s.Name, len(sk.ID), len(sk.Name))
		reqs(sk.Hard)
		reqs(sk.Soft)
	}
	s.Name = max(s.Name, len(w.Skill.ID), len(w.Skill.Name), len(w.Level.ID), len(w.Level.Name), len(w.Level.Reach), len(w.Next.ID), len(w.Next.Name))
	s.Reason = max(s.Reason, len(w.Reach.Reason), len(w.Descr.Reason), 1)
	// The bounds of the numbers, as the ladder of the world has them.
	s.Skills = len(w.SkillLevels)
	s.Points = w.Points
	for _, sl := range w.SkillLevels {
		s.Name = max(s.Name, len(sl.ID), len(sl.Name))
		s.Steps = max(s.Steps, sl.Level)
		s.Points = max(s.Points, sl.Points)
	}
	for _, list := range [][]rule.Requirement{w.Hard, w.Soft} {
		for _, r := range list {
			s.Points = max(s.Points, r.Points)
		}
	}
	for _, sk := range w.Skills {
		for _, r := range slices.Concat(sk.Hard, sk.Soft) {
			s.Points = max(s.Points, r.Points)
		}
	}
	return s
}

// refError is a run of the reference that has no value: a rule that
// Program.Check let through must never give one.
type refError struct{ msg string }

func (e refError) Error() string { return e.msg }

type refRun struct {
	w     *world
	scope Scope
	lets  []refLet
	elems []refElem
	steps float64
}

type refLet struct {
	name string
	v    any
}

type refElem struct {
	v     any
	index int
}

// reference evaluates a checked rule on a world. It returns the verdict and
// the steps measured, or an error when the rule has no value.
func reference(n *node, s Scope, w *world) (verdict any, steps float64, err error) {
	r := &refRun{w: w, scope: s}
	defer func() {
		if x := recover(); x != nil {
			e, ok := x.(refError)
			if !ok {
				panic(x)
			}
			err = e
		}
	}()
	return r.eval(n), r.steps, nil
}

func (r *refRun) fail(format string, args ...any) {
	panic(refError{fmt.Sprintf(format, args...)})
}

// num checks a number is one a rule may compute.
func (r *refRun) num(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) >= maxExact+1 {
		r.fail("number %v out of range", x)
	}
	return x
}

func (r *refRun) eval(n *node) any {
	r.steps++
	switch n.op {
	case opLit:
		switch x := n.lit.(type) {
		case int:
			return r.num(float64(x))
		case float64:
			return r.num(x)
		}
		return n.lit
	case opList:
		out := make([]any, len(n.args))
		for i, a := range n.args {
			out[i] = r.eval(a)
		}
		return out
	case opRange:
		lo, hi := n.args[0].lit.(int), n.args[1].lit.(int)
		var out []any
		for i := lo; i <= hi; i++ {
			out = append(out, float64(i))
		}
		r.steps += allocWork * float64(len(out))
		return out
	case opVar:
		for i := len(r.lets) - 1; i >= 0; i-- {
			if r.lets[i].name == n.name {
				return r.lets[i].v
			}
		}
		switch n.name {
		case rule.VarHard:
			return anys(r.w.Hard)
		case rule.VarSoft:
			return anys(r.w.Soft)
		case rule.VarSkill:
			return r.w.Skill
		case rule.VarLevel:
			return r.w.Level
		case rule.VarSkills:
			return anys(r.w.Skills)
		case rule.VarReachMark:
			return r.w.Reach
		case rule.VarDescriptionMark:
			return r.w.Descr
		case rule.VarSkillLevels:
			return anys(r.w.SkillLevels)
		case rule.VarPoints:
			return float64(r.w.Points)
		case rule.VarRank:
			return float64(r.w.Rank)
		case rule.VarNext:
			return r.w.Next
		}
		r.fail("unknown variable %s", n.name)
	case opElem:
		return r.elems[n.depth-1].v
	case opIndex:
		return float64(r.elems[n.depth-1].index)
	case opField:
		return field1(r.eval(n.args[0]), n.name)
	case opAt:
		list := r.eval(n.args[0]).([]any)
		i := r.eval(n.args[1]).(float64)
		if i < 0 || int(i) >= len(list) || i != math.Trunc(i) {
			r.fail("index %v out of a list of %d", i, len(list))
		}
		return list[int(i)]
	case opUnary:
		x := r.eval(n.args[0])
		if n.name == "not" {
			return !x.(bool)
		}
		return r.num(-x.(float64))
	case opBinary:
		return r.binary(n)
	case opCond:
		if r.eval(n.args[0]).(bool) {
			return r.eval(n.args[1])
		}
		return r.eval(n.args[2])
	case opLet:
		v := r.eval(n.args[0])
		r.lets = append(r.lets, refLet{n.name, v})
		out := r.eval(n.args[1])
		r.lets = r.lets[:len(r.lets)-1]
		return out
	case opCall:
		return r.call(n)
	}
	r.fail("unknown node")
	return nil
}

// field1 reads a field of a value by the language's name.
func field1(v any, name string) any {
	switch x := v.(type) {
	case rule.Requirement:
		switch name {
		case "id":
			return x.ID
		case "text":
			return x.Text
		case "reached":
			return x.Reached
		case "status":
			return x.Status
		case "reason":
			return x.Reason
		case "points":
			return float64(x.Points)
		}
	case rule.SkillLevel:
		switch name {
		case "id":
			return x.ID
		case "name":
			return x.Name
		case "level":
			return float64(x.Level)
		case "points":
			return float64(x.Points)
		}
	case rule.Skill:
		switch name {
		case "id":
			return x.ID
		case "name":
			return x.Name
		case "general":
			return x.General
		}
	case rule.SkillResult:
		switch name {
		case "id":
			return x.ID
		case "name":
			return x.Name
		case "general":
			return x.General
		case "reached":
			return x.Reached
		case "hard":
			return anys(x.Hard)
		case "soft":
			return anys(x.Soft)
		}
	case rule.Level:
		switch name {
		case "id":
			return x.ID
		case "name":
			return x.Name
		case "rank":
			return float64(x.Rank)
		case "reach":
			return x.Reach
		case "threshold":
			return float64(x.Threshold)
		}
	case rule.Mark:
		switch name {
		case "reached":
			return x.Reached
		case "status":
			return x.Status
		case "reason":
			return x.Reason
		}
	}
	panic(refError{fmt.Sprintf("no field %s on %T", name, v)})
}

func equal(a, b any) bool { return a == b }

func (r *refRun) binary(n *node) any {
	op := n.name
	switch op {
	case "and":
		return r.eval(n.args[0]).(bool) && r.eval(n.args[1]).(bool)
	case "or":
		return r.eval(n.args[0]).(bool) || r.eval(n.args[1]).(bool)
	}
	a, b := r.eval(n.args[0]), r.eval(n.args[1])
	sa, aStr := a.(string)
	sb, _ := b.(string)
	switch op {
	case "==", "!=":
		if aStr {
			r.steps += float64(max(len(sa), len(sb))) / stringWork
		}
		return equal(a, b) == (op == "==")
	case "<", ">", "<=", ">=":
		var c int
		if aStr {
			r.steps += float64(max(len(sa), len(sb))) / stringWork
			c = strings.Compare(sa, sb)
		} else {
			x, y := a.(float64), b.(float64)
			switch {
			case x < y:
				c = -1
			case x > y:
				c = 1
			}
		}
		switch op {
		case "<":
			return c < 0
		case ">":
			return c > 0
		case "<=":
			return c <= 0
		}
		return c >= 0
	case "+":
		if aStr {
			r.steps += float64(len(sa)+len(sb)) / stringWork
			return sa + sb
		}
		return r.num(a.(float64) + b.(float64))
	case "-":
		return r.num(a.(float64) - b.(float64))
	case "*":
		return r.num(a.(float64) * b.(float64))
	case "/":
		if b.(float64) == 0 {
			r.fail("division by zero")
		}
		return r.num(a.(float64) / b.(float64))
	case "%":
		if b.(float64) == 0 {
			r.fail("remainder of a division by zero")
		}
		return r.num(float64(int(a.(float64)) % int(b.(float64))))
	case "**":
		return r.num(math.Pow(a.(float64), b.(float64)))
	case "in":
		list := b.([]any)
		for _, e := range list {
			r.steps += inWork
			if aStr {
				r.steps += float64(max(len(sa), len(e.(string)))) / stringWork
			}
			if equal(a, e) {
				return true
			}
		}
		return false
	case "matches":
		pattern := n.args[1].lit.(string)
		r.steps += float64(len(sa)) * float64(n.lit.(int)) / regexpWork
		return regexp.MustCompile(pattern).MatchString(sa)
	case "contains":
		r.steps += (float64(len(sa))*float64(min(len(sb), containsWindow))/containsWindow + float64(len(sa)+len(sb))) / stringWork
		return strings.Contains(sa, sb)
	case "startsWith":
		r.steps += float64(min(len(sa), len(sb))) / stringWork
		return strings.HasPrefix(sa, sb)
	case "endsWith":
		r.steps += float64(min(len(sa), len(sb))) / stringWork
		return strings.HasSuffix(sa, sb)
	}
	r.fail("unknown operator %s", op)
	return nil
}

// reached reports whether an element of a list of requirements or skills
// is reached.
func reached(v any) bool {
	switch x := v.(type) {
	case rule.Requirement:
		return x.Reached
	case rule.SkillResult:
		return x.Reached
	}
	panic(refError{fmt.Sprintf("%T has no reached", v)})
}

func (r *refRun) call(n *node) any {
	if n.pred {
		list := r.eval(n.args[0]).([]any)
		var (
			count int
			out   []any
			sum   float64
			found = -1
		)
		for i, e := range list {
			r.steps += elemWork
			r.elems = append(r.elems, refElem{e, i})
			v := r.eval(n.args[1])
			r.elems = r.elems[:len(r.elems)-1]
			switch n.name {
			case "map":
				out = append(out, v)
				r.steps += allocWork
			case "sum":
				sum = r.num(sum + v.(float64))
			case "findLastIndex":
				if v.(bool) {
					found = i
				}
			default:
				if v.(bool) {
					count++
					out = append(out, e)
					if found < 0 {
						found = i
					}
				}
			}
		}
		switch n.name {
		case "all":
			return count == len(list)
		case "any":
			return count > 0
		case "none":
			return count == 0
		case "one":
			return count == 1
		case "count":
			return float64(count)
		case "filter", "map":
			if out == nil {
				out = []any{}
			}
			return out
		case "sum":
			return sum
		case "findIndex", "findLastIndex":
			return float64(found)
		}
		r.fail("unknown predicate %s", n.name)
	}
	args := make([]any, len(n.args))
	for i, a := range n.args {
		args[i] = r.eval(a)
	}
	str := func(i int) string { return args[i].(string) }
	f := func(i int) float64 { return args[i].(float64) }
	switch n.name {
	case "count", "sum", "share", "missing":
		list := args[0].([]any)
		r.steps += float64(len(list))
		var c, sum float64
		for _, e := range list {
			switch n.name {
			case "count":
				if e.(bool) {
					c++
				}
			case "sum":
				sum = r.num(sum + e.(float64))
			default:
				if reached(e) {
					c++
				}
			}
		}
		switch n.name {
		case "count":
			return c
		case "sum":
			return sum
		case "share":
			if len(list) == 0 {
				return 1.0
			}
			return c / float64(len(list))
		}
		return float64(len(list)) - c
	case "len":
		if s, ok := args[0].(string); ok {
			r.steps += float64(len(s)) / caseWork
			return float64(utf8.RuneCountInString(s))
		}
		return float64(len(args[0].([]any)))
	case "abs":
		return math.Abs(f(0))
	case "ceil":
		return math.Ceil(f(0))
	case "floor":
		return math.Floor(f(0))
	case "round":
		return math.Round(f(0))
	case "int":
		return math.Trunc(f(0))
	case "float":
		return f(0)
	case "max", "min":
		r.steps += float64(len(args))
		m := f(0)
		for i := range args[1:] {
			if n.name == "max" {
				m = max(m, f(i+1))
			} else {
				m = min(m, f(i+1))
			}
		}
		return m
	case "lower", "upper":
		r.steps += float64(len(str(0))) / caseWork
		if n.name == "lower" {
			return strings.ToLower(str(0))
		}
		return strings.ToUpper(str(0))
	case "trim":
		if len(args) == 1 {
			r.steps += float64(len(str(0))) / stringWork
			return strings.TrimSpace(str(0))
		}
		r.steps += float64(len(str(0))*max(1, len(str(1)))) / stringWork
		return strings.Trim(str(0), str(1))
	case "trimPrefix", "trimSuffix":
		cut := " "
		if len(args) == 2 {
			cut = str(1)
			r.steps += float64(len(cut)) / stringWork
		}
		r.steps += float64(len(str(0))) / stringWork
		if n.name == "trimPrefix" {
			return strings.TrimPrefix(str(0), cut)
		}
		return strings.TrimSuffix(str(0), cut)
	case "hasPrefix":
		r.steps += float64(min(len(str(0)), len(str(1)))) / stringWork
		return strings.HasPrefix(str(0), str(1))
	case "hasSuffix":
		r.steps += float64(min(len(str(0)), len(str(1)))) / stringWork
		return strings.HasSuffix(str(0), str(1))
	}
	r.fail("unknown function %s", n.name)
	return nil
}
