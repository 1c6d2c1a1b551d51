package docschema

import (
	"encoding/json"
	"math"
	"reflect"
	"sort"
	"strconv"

	"github.com/ladderkit/ladder/internal/source"
)

// The helpers the tests of package docschema_test check.
var (
	ComparePointers = comparePointers
	InstancePointer = instancePointer
)

// IDPattern is the pattern of IDs, which messages name as such.
const IDPattern = idPattern

// Sure reports whether the sure check of s finds a document valid, and
// whether s has a sure check at all.
func (s *Schema) Sure(root *source.Node) (valid, has bool) {
	if s.sures == nil {
		return false, false
	}
	return s.sures[""].valid(root), true
}

// ValidV5 reports whether santhosh-tekuri/jsonschema/v5 finds a decoded
// value valid, with nothing in front of it.
func (s *Schema) ValidV5(v any) bool { return s.compiled.Validate(v) == nil }

// HasSure reports whether a schema document gets a sure check.
func HasSure(raw string) bool {
	doc, problems := source.Parse([]byte(raw), source.Limits{})
	if len(problems) > 0 {
		panic(problems[0].Message)
	}
	return (&Schema{doc: doc}).compileSure() != nil
}

// ValidateValue checks a decoded JSON value (as encoding/json decodes into
// an any, with or without UseNumber) and returns every violation, in the
// order of a walk of the value with object members sorted by key; missing
// fields come in the schema's order. It returns nil when the value is
// valid.
func (s *Schema) ValidateValue(v any) []Violation {
	next := 0
	root, ok := nodeOf(v, &next)
	if !ok {
		// Not a JSON value (a Go type encoding/json would not produce).
		if err := s.compiled.Validate(v); err != nil {
			return []Violation{{Message: err.Error()}}
		}
		return nil
	}
	found, _ := s.violations(&source.Doc{Root: root}, -1)
	if len(found) == 0 {
		return nil
	}
	out := make([]Violation, len(found))
	for i, x := range found {
		out[i] = x.Violation
	}
	return out
}

// nodeOf returns a decoded JSON value as a document tree, each value's
// Start its place in a walk of the tree, members in the order of their
// keys. It reports false for a value encoding/json would not produce.
func nodeOf(v any, next *int) (*source.Node, bool) {
	*next++
	n := &source.Node{Start: *next}
	switch x := v.(type) {
	case nil:
		n.Kind = source.Null
	case bool:
		n.Kind, n.Bool = source.Bool, x
	case json.Number:
		n.Kind, n.Text = source.Number, string(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, false
		}
		n.Kind, n.Text = source.Number, strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		n.Kind, n.Text = source.String, x
	case []any:
		n.Kind = source.Array
		for _, e := range x {
			c, ok := nodeOf(e, next)
			if !ok {
				return nil, false
			}
			n.Elems = append(n.Elems, c)
		}
	case map[string]any:
		n.Kind = source.Object
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			*next++
			keyStart := *next
			c, ok := nodeOf(x[k], next)
			if !ok {
				return nil, false
			}
			n.Members = append(n.Members, source.Member{Key: k, KeyStart: keyStart, Value: c})
		}
		n = source.Indexed(n)
	default:
		if reflect.ValueOf(v).Kind() == reflect.Invalid {
			n.Kind = source.Null
			return n, true
		}
		return nil, false
	}
	return n, true
}
