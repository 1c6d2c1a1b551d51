package dsl

import (
	"reflect"

	"github.com/expr-lang/expr/ast"
)

// reads finds out, on a checked syntax tree, whether a run may observe the
// reasons of requirements and marks, and the hard and soft lists of a level
// rule's skills. Callers that know a rule cannot observe them fill its
// environment from values made once, without allocating.
//
// The analysis is conservative. A value of one of the rule types
// (Requirement, SkillResult, Mark) or a list of them is followed only where
// its use is plain: a field read by name, a predicate or helper going over a
// list, an index. Anywhere else (compared, passed to a builtin that could
// show it whole, stored in a variable), the value is said to escape and the
// rule is taken to observe everything.
func reads(root ast.Node) (reasons, lists bool) {
	escaped := false
	var walk func(n ast.Node, parents []ast.Node)
	walk = func(n ast.Node, parents []ast.Node) {
		if n == nil {
			return
		}
		if m, ok := n.(*ast.MemberNode); ok {
			if name, ok := m.Property.(*ast.StringNode); ok {
				switch name.Value {
				case "reason":
					reasons = true
				case "hard", "soft":
					// Only skills have such fields (hard and soft
					// themselves are variables, not fields).
					lists = true
				}
			}
		}
		if tracked(n.Type()) && !plainUse(n, parents) {
			escaped = true
		}
		parents = append(parents, n)
		for _, c := range children(n) {
			walk(c, parents)
		}
	}
	walk(root, nil)
	if escaped {
		return true, true
	}
	return reasons, lists
}

var (
	requirementType = reflect.TypeOf(Requirement{})
	skillResultType = reflect.TypeOf(SkillResult{})
	markType        = reflect.TypeOf(Mark{})
	anyType         = reflect.TypeOf((*any)(nil)).Elem()
)

// tracked reports whether values of type t could hold a reason or a skill's
// lists: the rule types, lists of them, and values whose type the checker
// does not know.
func tracked(t reflect.Type) bool {
	if t == nil {
		return true
	}
	for t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t == requirementType || t == skillResultType || t == markType || t == anyType
}

// plainUse reports whether the node n, whose parents are given from the root
// down, is used in one of the ways reads can follow.
func plainUse(n ast.Node, parents []ast.Node) bool {
	if len(parents) == 0 {
		return false // the rule's result itself: it is a boolean, so not ours.
	}
	switch p := parents[len(parents)-1].(type) {
	case *ast.MemberNode:
		// A field read by a name written in the rule (n.reached, which
		// reads notes above), or an index into a list (hard[0], whose
		// result is followed in its turn). A name computed as the rule
		// runs (x["rea" + "son"]) could be any field.
		if p.Node != n {
			return false
		}
		if _, ok := p.Property.(*ast.StringNode); ok {
			return true
		}
		return p.Property.Type() != nil && p.Property.Type().Kind() == reflect.Int
	case *ast.BuiltinNode:
		if len(p.Arguments) == 0 || p.Arguments[0] != n {
			return false
		}
		switch p.Name {
		case "all", "any", "none", "one", "count", "sum", "findIndex", "findLastIndex", "len":
			return true // the result is a boolean or a number
		case "filter", "find", "findLast", "first", "last", "map":
			// The result is a list or an element of n: followed in its
			// turn as a node of its own.
			return true
		}
	case *ast.CallNode:
		if id, ok := p.Callee.(*ast.IdentifierNode); ok && (id.Value == "share" || id.Value == "missing") {
			return true // helpers read only .reached
		}
	case *ast.ConditionalNode:
		if p.Cond != n {
			return plainUse(p, parents[:len(parents)-1])
		}
	case *ast.ChainNode:
		return plainUse(p, parents[:len(parents)-1])
	case *ast.PredicateNode:
		// The predicate's body: map(hard, #) gives a list of n, followed
		// as the map's own node; other predicates give booleans or numbers.
		return true
	}
	return false
}
