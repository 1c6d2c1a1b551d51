// Package rulegen generates rules of the rule language at random, typed so
// that most of them compile, for the property tests that prove what a
// checked rule does: package dsl runs them on expr's machine and on a
// reference evaluator, package ladder on generated ladders.
package rulegen

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
)

// gtype is the type of a generated expression.
type gtype int

const (
	gBool gtype = iota
	gInt
	gFloat
	gString
	gStatus // a requirement's or mark's status: a string
	gReq    // only as the element of a predicate
	gSkill  // only as the element of a predicate, in level rules
	gReqs   // a list of requirements
	gSkills
	gInts
	gStrings
	gBools
	gSkillLevels // a list of skill levels, in level and value rules
	gSkillLevel  // only as the element of a predicate
)

// Expr is a generated expression: text with holes (each "%s" one child in
// order), and its children. Shrinking replaces a child with a leaf of its
// type.
type Expr struct {
	t    gtype
	text string
	kids []*Expr
}

// scope says which rule is generated: the numbers of dsl.Scope.
type scope int

const (
	skillRule scope = iota
	levelRule
	valueRule
)

// New returns a generator of rules of a scope, numbered as dsl.Scope
// numbers them (skill, level, value), drawing from r.
func New(r *rand.Rand, s int) *Generator { return &Generator{r: r, scope: scope(s)} }

// String returns the rule as it is written.
func (e *Expr) String() string {
	args := make([]any, len(e.kids))
	for i, k := range e.kids {
		args[i] = k.String()
	}
	return fmt.Sprintf(e.text, args...)
}

func (e *Expr) Size() int {
	n := 1
	for _, k := range e.kids {
		n += k.Size()
	}
	return n
}

// Generator makes random rules.
type Generator struct {
	r     *rand.Rand
	scope scope
	elems []gtype // the element types of the enclosing predicates
	lets  []Expr  // let variables: text is the name, t its type
	nlet  int
}

func leaf(t gtype, text string) *Expr {
	return &Expr{t: t, text: strings.ReplaceAll(text, "%", "%%")}
}
func gnode(t gtype, text string, kids ...*Expr) *Expr {
	return &Expr{t: t, text: text, kids: kids}
}

// words are the strings generated rules compare with: statuses right and
// wrong, IDs of the generated worlds, texts.
var words = []string{"reached", "not_yet", "unassessed", "not_applicable", "reachd", "r1", "r2", "s1", "devops", "", "l1", "Text", "é", "a b", " x "}

func (g *Generator) pick(n int) int { return g.r.Intn(n) }

// elem returns the element type of a list type.
func elemOf(t gtype) gtype {
	switch t {
	case gReqs:
		return gReq
	case gSkills:
		return gSkill
	case gInts:
		return gInt
	case gStrings:
		return gString
	case gSkillLevels:
		return gSkillLevel
	}
	return gBool
}

// expr generates an expression of type t, smaller as depth runs out.
func (g *Generator) expr(t gtype, depth int) *Expr {
	if depth <= 0 || g.pick(4) == 0 {
		return g.leaf(t)
	}
	d := depth - 1
	switch t {
	case gBool:
		switch g.pick(16) {
		case 0:
			return gnode(gBool, "(%s and %s)", g.expr(gBool, d), g.expr(gBool, d))
		case 1:
			return gnode(gBool, "(%s or %s)", g.expr(gBool, d), g.expr(gBool, d))
		case 2:
			return gnode(gBool, "not %s", g.expr(gBool, d))
		case 3:
			op := []string{"==", "!=", "<", "<=", ">", ">="}[g.pick(6)]
			return gnode(gBool, "(%s "+op+" %s)", g.expr(gInt, d), g.expr(gInt, d))
		case 4:
			op := []string{"==", "!=", "<", ">="}[g.pick(4)]
			return gnode(gBool, "(%s "+op+" %s)", g.expr(gFloat, d), g.expr(gFloat, d))
		case 5:
			op := []string{"==", "!=", "<", "contains", "startsWith", "endsWith"}[g.pick(6)]
			return gnode(gBool, "(%s "+op+" %s)", g.expr(gString, d), g.expr(gString, d))
		case 6:
			return gnode(gBool, "(%s == %s)", g.expr(gStatus, d), g.leaf(gStatus))
		case 7, 8:
			list := g.list(d)
			p := []string{"all", "any", "none", "one"}[g.pick(4)]
			return g.pred(gBool, p, list, gBool, d)
		case 9:
			return gnode(gBool, "(%s in %s)", g.expr(gString, d), g.expr(gStrings, d))
		case 10:
			return gnode(gBool, "(%s in %s)", g.expr(gInt, d), g.expr(gInts, d))
		case 11:
			pattern := []string{"^T", "x$", "(?i)text", "[0-9]+", "a|b"}[g.pick(5)]
			return gnode(gBool, "(%s matches '"+pattern+"')", g.expr(gString, d))
		case 12:
			f := []string{"hasPrefix", "hasSuffix"}[g.pick(2)]
			return gnode(gBool, f+"(%s, %s)", g.expr(gString, d), g.expr(gString, d))
		case 13:
			return gnode(gBool, "(%s ? %s : %s)", g.expr(gBool, d), g.expr(gBool, d), g.expr(gBool, d))
		case 14:
			return g.let(gBool, d)
		case 15:
			return gnode(gBool, "(%s == %s)", g.expr(gBool, d), g.expr(gBool, d))
		}
	case gInt:
		switch g.pick(15) {
		case 0:
			return gnode(gInt, "len(%s)", g.list(d))
		case 1:
			return gnode(gInt, "len(%s)", g.expr(gString, d))
		case 2:
			return g.pred(gInt, "count", g.list(d), gBool, d)
		case 3:
			return gnode(gInt, "missing(%s)", g.reachList(d))
		case 4:
			p := []string{"findIndex", "findLastIndex"}[g.pick(2)]
			return g.pred(gInt, p, g.list(d), gBool, d)
		case 5:
			op := []string{"+", "-", "*"}[g.pick(3)]
			return gnode(gInt, "(%s "+op+" %s)", g.expr(gInt, d), g.expr(gInt, d))
		case 6:
			return gnode(gInt, "(%s %% %s)", g.expr(gInt, d), g.expr(gInt, d))
		case 7:
			return gnode(gInt, "int(%s)", g.expr(gFloat, d))
		case 8:
			f := []string{"abs", "-"}[g.pick(2)]
			return gnode(gInt, f+"(%s)", g.expr(gInt, d))
		case 9:
			f := []string{"max", "min"}[g.pick(2)]
			return gnode(gInt, f+"(%s, %s)", g.expr(gInt, d), g.expr(gInt, d))
		case 10:
			return g.pred(gInt, "sum", g.list(d), gInt, d)
		case 11:
			return gnode(gInt, "[0, 1, 3, 6][%s]", g.expr(gInt, d))
		case 12:
			return gnode(gInt, "(%s ? %s : %s)", g.expr(gBool, d), g.expr(gInt, d), g.expr(gInt, d))
		case 13:
			return g.let(gInt, d)
		case 14:
			return gnode(gInt, "sum(%s)", g.expr(gInts, d))
		}
	case gFloat:
		switch g.pick(10) {
		case 0:
			return gnode(gFloat, "share(%s)", g.reachList(d))
		case 1:
			return gnode(gFloat, "(%s / %s)", g.expr(gInt, d), g.expr(gInt, d))
		case 2:
			return gnode(gFloat, "float(%s)", g.expr(gInt, d))
		case 3:
			f := []string{"ceil", "floor", "round", "abs"}[g.pick(4)]
			return gnode(gFloat, f+"(%s)", g.expr(gFloat, d))
		case 4:
			op := []string{"+", "-", "*"}[g.pick(3)]
			return gnode(gFloat, "(%s "+op+" %s)", g.expr(gFloat, d), g.expr(gFloat, d))
		case 5:
			return gnode(gFloat, "(%s ** %s)", g.expr(gFloat, d), g.leaf(gInt))
		case 6:
			return g.pred(gFloat, "sum", g.list(d), gFloat, d)
		case 7:
			return gnode(gFloat, "(%s ? %s : %s)", g.expr(gBool, d), g.expr(gFloat, d), g.expr(gFloat, d))
		case 8:
			return gnode(gFloat, "(%s + %s)", g.expr(gInt, d), g.expr(gFloat, d))
		case 9:
			return gnode(gFloat, "[0.5, 1.5][%s]", g.expr(gInt, d))
		}
	case gString:
		switch g.pick(8) {
		case 0, 1:
			return g.leaf(gString)
		case 2:
			f := []string{"lower", "upper", "trim"}[g.pick(3)]
			return gnode(gString, f+"(%s)", g.expr(gString, d))
		case 3:
			f := []string{"trim", "trimPrefix", "trimSuffix"}[g.pick(3)]
			return gnode(gString, f+"(%s, %s)", g.expr(gString, d), g.leaf(gString))
		case 4:
			return gnode(gString, "(%s + %s)", g.expr(gString, d), g.expr(gString, d))
		case 5:
			return gnode(gString, "(%s ? %s : %s)", g.expr(gBool, d), g.expr(gString, d), g.expr(gString, d))
		case 6:
			return g.let(gString, d)
		case 7:
			return g.expr(gStatus, d)
		}
	case gStatus:
		switch {
		case g.inside(gReq) && g.pick(2) == 0:
			return leaf(gStatus, ".status")
		case g.scope == levelRule && g.pick(2) == 0:
			return leaf(gStatus, []string{"reachMark.status", "descriptionMark.status"}[g.pick(2)])
		}
	case gReqs:
		switch g.pick(2) {
		case 0:
			return g.pred(gReqs, "filter", g.expr(gReqs, d), gBool, d)
		case 1:
			return gnode(gReqs, "(%s ? %s : %s)", g.expr(gBool, d), g.expr(gReqs, d), g.expr(gReqs, d))
		}
	case gSkills:
		if g.pick(2) == 0 {
			return g.pred(gSkills, "filter", g.expr(gSkills, d), gBool, d)
		}
	case gSkillLevels:
		if g.pick(2) == 0 {
			return g.pred(gSkillLevels, "filter", g.expr(gSkillLevels, d), gBool, d)
		}
	case gInts:
		switch g.pick(3) {
		case 0:
			return g.pred(gInts, "map", g.list(d), gInt, d)
		case 1:
			return leaf(gInts, []string{"1..4", "-2..2", "[0, 2, 5]"}[g.pick(3)])
		}
	case gStrings:
		switch g.pick(2) {
		case 0:
			return g.pred(gStrings, "map", g.list(d), gString, d)
		case 1:
			return leaf(gStrings, "['reached', 'not_yet', 'x']")
		}
	case gBools:
		return g.pred(gBools, "map", g.list(d), gBool, d)
	}
	return g.leaf(t)
}

// inside reports whether the innermost predicate goes over elements of
// type t.
func (g *Generator) inside(t gtype) bool { return len(g.elems) > 0 && g.elems[len(g.elems)-1] == t }

// reqs reports whether a list of requirements can be named here: hard and
// soft in skill rules, a skill's .hard and .soft in a predicate over skills.
func (g *Generator) reqs() bool { return g.scope == skillRule || g.inside(gSkill) }

// list generates a list of any type.
func (g *Generator) list(d int) *Expr {
	types := []gtype{gInts, gStrings}
	if g.reqs() {
		types = append(types, gReqs, gReqs)
	}
	if g.scope == levelRule {
		types = append(types, gSkills, gSkills)
	}
	if g.scope != skillRule {
		types = append(types, gSkillLevels, gSkillLevels)
	}
	return g.expr(types[g.pick(len(types))], d)
}

// reachList generates a list of requirements or skills.
func (g *Generator) reachList(d int) *Expr {
	if g.scope == levelRule && (!g.reqs() || g.pick(2) == 0) {
		return g.expr(gSkills, d)
	}
	return g.expr(gReqs, d)
}

// pred generates a predicate over a list, whose body is of type body.
func (g *Generator) pred(t gtype, name string, list *Expr, body gtype, d int) *Expr {
	if len(g.elems) >= 2 {
		// Deeper would be refused: keep the rule useful.
		return g.leaf(t)
	}
	g.elems = append(g.elems, elemOf(list.t))
	b := g.expr(body, d)
	g.elems = g.elems[:len(g.elems)-1]
	return gnode(t, name+"(%s, %s)", list, b)
}

// let generates a let of a variable used in an expression of type t.
func (g *Generator) let(t gtype, d int) *Expr {
	vt := []gtype{gInt, gString, gBool, gReqs}[g.pick(4)]
	v := g.expr(vt, d)
	name := "v" + strconv.Itoa(g.nlet)
	g.nlet++
	g.lets = append(g.lets, Expr{t: vt, text: name})
	body := g.expr(t, d)
	g.lets = g.lets[:len(g.lets)-1]
	return gnode(t, "(let "+name+" = %s; %s)", v, body)
}

// leaf generates an expression of type t without children.
func (g *Generator) leaf(t gtype) *Expr {
	var choices []string
	for _, l := range g.lets {
		if l.t == t {
			choices = append(choices, l.text)
		}
	}
	inside := len(g.elems) > 0
	elem := gBool
	if inside {
		elem = g.elems[len(g.elems)-1]
	}
	switch t {
	case gBool:
		choices = append(choices, "true", "false")
		if inside && elem == gReq {
			choices = append(choices, ".reached", ".reached", "(.status == 'not_yet')")
		}
		if inside && elem == gSkill {
			choices = append(choices, ".reached", ".general")
		}
		if inside && elem == gBool {
			choices = append(choices, "#")
		}
		switch g.scope {
		case skillRule:
			choices = append(choices, "skill.general")
		case levelRule:
			choices = append(choices, "reachMark.reached", "descriptionMark.reached")
		}
	case gInt:
		choices = append(choices, "0", "1", "2", "3", "-1", "9007199254740993")
		switch g.scope {
		case skillRule:
			choices = append(choices, "level.rank")
		case levelRule:
			choices = append(choices, "level.rank", "level.threshold", "points")
		case valueRule:
			choices = append(choices, "rank", "points", "next.rank", "next.threshold")
		}
		if inside {
			choices = append(choices, "#index")
		}
		if inside && elem == gInt {
			choices = append(choices, "#", "#")
		}
		if inside && elem == gReq {
			choices = append(choices, ".points")
		}
		if inside && elem == gSkillLevel {
			choices = append(choices, ".level", ".points", ".level")
		}
	case gFloat:
		choices = append(choices, "0.5", "1.0", "0.0", "-2.5", "1e300")
	case gString:
		for _, w := range words {
			choices = append(choices, strconv.Quote(w))
		}
		switch g.scope {
		case skillRule:
			choices = append(choices, "level.id", "level.name", "level.reach", "skill.id", "skill.name")
		case levelRule:
			choices = append(choices, "level.id", "level.name", "level.reach", "reachMark.reason")
		case valueRule:
			choices = append(choices, "next.id", "next.name")
		}
		if inside && elem == gSkillLevel {
			choices = append(choices, ".id", ".name")
		}
		if inside && elem == gReq {
			choices = append(choices, ".id", ".text", ".reason", ".status")
		}
		if inside && elem == gSkill {
			choices = append(choices, ".id", ".name")
		}
		if inside && elem == gString {
			choices = append(choices, "#", "#")
		}
	case gStatus:
		for _, w := range []string{"reached", "not_yet", "unassessed", "not_applicable", "notyet"} {
			choices = append(choices, strconv.Quote(w))
		}
	case gReqs:
		if g.scope == skillRule {
			choices = append(choices, "hard", "soft")
		}
		if g.inside(gSkill) {
			choices = append(choices, ".hard", ".soft")
		}
	case gSkills:
		choices = append(choices, "skills")
	case gSkillLevels:
		choices = append(choices, "skillLevels")
	case gInts:
		choices = append(choices, "[1, 2, 3]", "0..3")
	case gStrings:
		choices = append(choices, "['a', 'b']", "['reached', 'notyet']")
	case gBools:
		choices = append(choices, "[true, false]")
	}
	if len(choices) == 0 {
		return leaf(t, "hard") // refused where there is no such list
	}
	return leaf(t, choices[g.pick(len(choices))])
}

// Rule generates a rule, of nesting depth at most depth: a number for a
// value rule, else a boolean.
func (g *Generator) Rule(depth int) *Expr {
	if g.scope == valueRule {
		return g.expr([]gtype{gInt, gFloat}[g.pick(2)], depth)
	}
	return g.expr(gBool, depth)
}

// shrinks returns smaller versions of e: each child replaced by one of its
// own children of its type, or by a literal of its type.
func Shrinks(e *Expr) []*Expr {
	var out []*Expr
	simple := map[gtype]string{gBool: "true", gInt: "1", gFloat: "0.5", gString: "'x'", gStatus: "'reached'"}
	for i, k := range e.kids {
		replace := func(with *Expr) {
			c := *e
			c.kids = append([]*Expr(nil), e.kids...)
			c.kids[i] = with
			out = append(out, &c)
		}
		if s, ok := simple[k.t]; ok && k.String() != s && !strings.Contains(k.String(), "#") {
			replace(leaf(k.t, s))
		}
		for _, kk := range k.kids {
			if kk.t == k.t {
				replace(kk)
			}
		}
		for _, smaller := range Shrinks(k) {
			replace(smaller)
		}
	}
	return out
}
