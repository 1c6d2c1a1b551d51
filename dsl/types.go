package dsl

import (
	"github.com/ladderkit/ladder/internal/rule"

	"reflect"
	"strings"
)

// kind is the kind of a value in a rule.
type kind uint8

const (
	kBool kind = iota + 1
	kInt
	kFloat
	kString
	kRequirement
	kSkill
	kSkillResult
	kLevel
	kMark
	kSkillLevel
	kList
)

// domain says what a string holds, so that a literal compared with it can be
// checked: a status word, or the ID of a requirement, skill or level.
type domain uint8

const (
	domNone domain = iota
	domRequirementStatus
	domMarkStatus
	domRequirementID
	domSkillID
	domLevelID
)

// typ is the type of a value in a rule. The checker of package dsl types
// every value exactly: there is no "any", so that a rule that is checked
// cannot fail at run time on a value of a type it did not expect.
type typ struct {
	kind kind
	elem *typ   // a list's elements
	n    int    // a list's length when the rule fixes it (a list written in it, a range, a map of those), else -1
	dom  domain // what a string holds
}

var (
	tBool        = &typ{kind: kBool}
	tInt         = &typ{kind: kInt}
	tFloat       = &typ{kind: kFloat}
	tString      = &typ{kind: kString}
	tRequirement = &typ{kind: kRequirement}
	tSkill       = &typ{kind: kSkill}
	tSkillResult = &typ{kind: kSkillResult}
	tLevel       = &typ{kind: kLevel}
	tMark        = &typ{kind: kMark}
	tSkillLevel  = &typ{kind: kSkillLevel}
)

func listOf(elem *typ, n int) *typ { return &typ{kind: kList, elem: elem, n: n} }

func stringOf(d domain) *typ {
	if d == domNone {
		return tString
	}
	return &typ{kind: kString, dom: d}
}

func (t *typ) numeric() bool { return t.kind == kInt || t.kind == kFloat }
func (t *typ) scalar() bool  { return t.kind >= kBool && t.kind <= kString }
func (t *typ) isStruct() bool {
	return t.kind >= kRequirement && t.kind <= kSkillLevel
}

// String names the type as a rule's author knows it: "an integer", "a list
// of requirements".
func (t *typ) String() string {
	switch t.kind {
	case kBool:
		return "a boolean"
	case kInt:
		return "an integer"
	case kFloat:
		return "a number"
	case kString:
		return "a string"
	case kRequirement:
		return "a requirement"
	case kSkill, kSkillResult:
		return "a skill"
	case kLevel:
		return "a level"
	case kMark:
		return "a mark"
	case kSkillLevel:
		return "a skill's level"
	case kList:
		return "a list of " + t.elem.plural()
	}
	return "a value"
}

func (t *typ) plural() string {
	switch t.kind {
	case kBool:
		return "booleans"
	case kInt:
		return "integers"
	case kFloat:
		return "numbers"
	case kString:
		return "strings"
	case kRequirement:
		return "requirements"
	case kSkill, kSkillResult:
		return "skills"
	case kLevel:
		return "levels"
	case kMark:
		return "marks"
	case kSkillLevel:
		return "skill levels"
	case kList:
		return "lists of " + t.elem.plural()
	}
	return "values"
}

// same reports whether values of the two types can be compared or mixed in
// one list: the same kind, numbers of either kind, lists of such elements.
func same(a, b *typ) bool {
	switch {
	case a.numeric() && b.numeric():
		return true
	case a.kind != b.kind:
		return a.kind == kSkill && b.kind == kSkillResult || a.kind == kSkillResult && b.kind == kSkill
	case a.kind == kList:
		return same(a.elem, b.elem)
	}
	return true
}

// join returns the type of a value that is of type a or of type b, which
// are the same (see same): a float when either is, a list of unknown length
// when their lengths differ, a domain only when both have it.
func join(a, b *typ) *typ {
	switch {
	case a.numeric() && b.numeric():
		if a.kind == kFloat || b.kind == kFloat {
			return tFloat
		}
		return tInt
	case a.kind == kString:
		if a.dom == b.dom {
			return a
		}
		return tString
	case a.kind == kList:
		n := a.n
		if a.n != b.n {
			n = -1
		}
		return listOf(join(a.elem, b.elem), n)
	case a.kind != b.kind:
		return tSkillResult
	}
	return a
}

// field is a field of one of the types rules see.
type field struct {
	name string
	t    *typ
}

// fields lists the fields of each struct kind, in the order of the Go
// types' declarations, read from their expr tags.
var fields = map[kind][]field{
	kRequirement: fieldsOf(reflect.TypeOf(rule.Requirement{}), map[string]domain{"id": domRequirementID, "status": domRequirementStatus}),
	kSkill:       fieldsOf(reflect.TypeOf(rule.Skill{}), map[string]domain{"id": domSkillID}),
	kSkillResult: fieldsOf(reflect.TypeOf(rule.SkillResult{}), map[string]domain{"id": domSkillID}),
	kLevel:       fieldsOf(reflect.TypeOf(rule.Level{}), map[string]domain{"id": domLevelID}),
	kMark:        fieldsOf(reflect.TypeOf(rule.Mark{}), map[string]domain{"status": domMarkStatus}),
	kSkillLevel:  fieldsOf(reflect.TypeOf(rule.SkillLevel{}), map[string]domain{"id": domSkillID}),
}

func fieldsOf(t reflect.Type, doms map[string]domain) []field {
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		name := f.Tag.Get("expr")
		var ft *typ
		switch f.Type.Kind() {
		case reflect.String:
			ft = stringOf(doms[name])
		case reflect.Bool:
			ft = tBool
		case reflect.Int:
			ft = tInt
		case reflect.Slice:
			ft = listOf(tRequirement, -1)
		default:
			panic("dsl: field " + t.Name() + "." + f.Name + " has a type rules cannot see")
		}
		out = append(out, field{name, ft})
	}
	return out
}

func fieldNames(k kind) []string {
	names := make([]string, len(fields[k]))
	for i, f := range fields[k] {
		names[i] = f.name
	}
	return names
}

func lookupField(k kind, name string) *typ {
	for _, f := range fields[k] {
		if f.name == name {
			return f.t
		}
	}
	return nil
}

// statuses lists the words a status field may hold.
var statuses = map[domain][]string{
	domRequirementStatus: {rule.Reached, rule.NotYet, rule.Unassessed},
	domMarkStatus:        {rule.Reached, rule.NotYet, rule.NotApplicable, rule.Unassessed},
}

// domainName names what a string of a domain holds, for messages.
func domainName(d domain) string {
	switch d {
	case domRequirementStatus:
		return "a requirement's status"
	case domMarkStatus:
		return "a mark's status"
	case domRequirementID:
		return "a requirement"
	case domSkillID:
		return "a skill"
	case domLevelID:
		return "a level"
	}
	return "a string"
}

// scopeVars returns the variables of a scope and their types.
func scopeVars(s Scope) []field {
	if s == ValueRule {
		return []field{
			{rule.VarPoints, tInt},
			{rule.VarRank, tInt},
			{rule.VarSkillLevels, listOf(tSkillLevel, -1)},
			{rule.VarNext, tLevel},
		}
	}
	if s == LevelRule {
		return []field{
			{rule.VarSkills, listOf(tSkillResult, -1)},
			{rule.VarLevel, tLevel},
			{rule.VarReachMark, tMark},
			{rule.VarDescriptionMark, tMark},
			{rule.VarSkillLevels, listOf(tSkillLevel, -1)},
			{rule.VarPoints, tInt},
		}
	}
	return []field{
		{rule.VarHard, listOf(tRequirement, -1)},
		{rule.VarSoft, listOf(tRequirement, -1)},
		{rule.VarSkill, tSkill},
		{rule.VarLevel, tLevel},
	}
}

// op is the operation of a node of a checked rule.
type op uint8

const (
	opLit    op = iota // a literal: lit
	opList             // a list written in the rule: its elements in args
	opRange            // lit..hi, integer literals in args
	opVar              // a variable of the scope or of a let: name
	opElem             // #, the element of the predicate at depth (1: the outermost)
	opIndex            // #index, the index of the innermost predicate's element
	opField            // args[0].name
	opAt               // args[0][args[1]], args[0] a list of fixed length
	opUnary            // name args[0]: "not", "-"
	opBinary           // args[0] name args[1]
	opCond             // args[0] ? args[1] : args[2]
	opLet              // let name = args[0]; args[1]
	opCall             // name(args...): a builtin or a helper; with pred, args[1] is a predicate's body
)

// node is a node of a checked rule: the typed form that the checks of
// Program.Check, the cost model and the analyses walk. Operators are
// normalized: "&&" is "and", "!" is "not", "^" is "**".
type node struct {
	op    op
	name  string
	t     *typ
	args  []*node
	lit   any  // bool, int, float64 or string
	pos   int  // offset in characters of the node in the rule
	pred  bool // opCall: args[1] is a predicate's body
	depth int  // opElem: the depth of its predicate, from 1
}

// key returns a text that is the same for two nodes that always have the
// same value in one run: variables, fields and lengths, for what a
// condition says of them (see facts).
func (n *node) key() (string, bool) {
	var b strings.Builder
	var walk func(n *node) bool
	walk = func(n *node) bool {
		switch n.op {
		case opVar:
			b.WriteString(n.name)
		case opElem:
			// Rules can name only the innermost element, and a fact
			// holds only inside the condition's subtree: the depth
			// tells the elements apart.
			b.WriteString("#")
			b.WriteByte(byte('0' + min(n.depth, 9)))
		case opField:
			if !walk(n.args[0]) {
				return false
			}
			b.WriteString("." + n.name)
		case opCall:
			if n.name != "len" {
				return false
			}
			b.WriteString("len(")
			if !walk(n.args[0]) {
				return false
			}
			b.WriteString(")")
		default:
			return false
		}
		return true
	}
	if !walk(n) {
		return "", false
	}
	return b.String(), true
}
