package docschema

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ladderkit/ladder/internal/source"
)

// Most documents are valid, and santhosh-tekuri/jsonschema/v5 costs most
// of reading one: it wants the document as encoding/json's values, and
// allocates as it walks them. So a document is first checked by a sure
// check, compiled from the same schema document into Go: when the check
// says the document is valid, it is, and v5 does not run. Otherwise v5
// validates it, finds and words every problem, and has the last word.
//
// The sure check knows only the keywords our schemas use, with the
// semantics of draft 2020-12; a schema with any other keyword has none,
// and every document goes to v5. Where it is not sure (a number written
// with a fraction or an exponent where an integer is wanted), it says
// invalid, and v5 decides. TestSureAgreesWithV5 and FuzzSure compare the
// two on documents valid and broken.

// sure is a subschema compiled for the sure check.
type sure struct {
	types    uint8 // the JSON types allowed, 0 for any
	props    map[string]*sure
	required []string
	closed   bool  // additionalProperties is false
	rest     *sure // additionalProperties as a schema; nil when none
	names    *sure // propertyNames; nil when none
	items    *sure // nil when none

	minItems, minLength, maxLength int // -1 when none
	minimum, maximum               *int64
	pattern                        *regexp.Regexp
	id                             bool // the pattern is the ID pattern: IsID
	enum                           []string
	date                           bool // format is "date"
}

const (
	tNull uint8 = 1 << iota
	tBoolean
	tInteger
	tNumber
	tString
	tArray
	tObject
)

var typeBits = map[string]uint8{
	"null": tNull, "boolean": tBoolean, "integer": tInteger, "number": tNumber,
	"string": tString, "array": tArray, "object": tObject,
}

// annotations are the keywords that do not constrain a value.
var annotations = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "$comment": true,
	"title": true, "description": true, "default": true, "examples": true,
}

// compileSure compiles the sure check of each part of the schema, by its
// location in the schema's document, or returns nil when the schema uses a
// keyword the check does not know.
func (s *Schema) compileSure() map[string]*sure {
	made := map[string]*sure{}
	if _, ok := s.sureAt("", made); !ok {
		return nil
	}
	return made
}

// sureAt compiles the subschema at loc, once for each location.
func (s *Schema) sureAt(loc string, made map[string]*sure) (*sure, bool) {
	if c, ok := made[loc]; ok {
		// nil: a $ref that leads back to itself through $refs alone.
		return c, c != nil
	}
	n := s.doc.Find(loc)
	if n == nil {
		return nil, false
	}
	if n.Kind == source.Bool && n.Bool {
		return &sure{minItems: -1, minLength: -1, maxLength: -1}, true
	}
	if n.Kind != source.Object {
		return nil, false
	}
	if ref := n.Member("$ref"); ref != nil {
		// A $ref with other keywords beside it would apply both: our
		// schemas do not write one.
		for _, m := range n.Members {
			if m.Key != "$ref" && !annotations[m.Key] {
				return nil, false
			}
		}
		if ref.Kind != source.String || !strings.HasPrefix(ref.Text, "#/") && ref.Text != "#" || strings.Contains(ref.Text, "%") {
			// Anchors and escaped fragments: our schemas write none.
			return nil, false
		}
		made[loc] = nil
		target, ok := s.sureAt(strings.TrimPrefix(ref.Text, "#"), made)
		made[loc] = target
		return target, ok
	}
	c := &sure{minItems: -1, minLength: -1, maxLength: -1}
	made[loc] = c
	sub := func(key string) (*sure, bool) {
		return s.sureAt(loc+"/"+escape(key), made)
	}
	count := func(v *source.Node) (int, bool) {
		i, err := strconv.Atoi(v.Text)
		return i, v.Kind == source.Number && err == nil && i >= 0
	}
	for _, m := range n.Members {
		v := m.Value
		ok := true
		switch m.Key {
		case "type":
			var names []*source.Node
			switch v.Kind {
			case source.String:
				names = []*source.Node{v}
			case source.Array:
				names = v.Elems
			default:
				return nil, false
			}
			for _, t := range names {
				bit, known := typeBits[t.Text]
				if t.Kind != source.String || !known {
					return nil, false
				}
				c.types |= bit
			}
		case "properties":
			if v.Kind != source.Object {
				return nil, false
			}
			c.props = make(map[string]*sure, len(v.Members))
			for _, p := range v.Members {
				c.props[p.Key], ok = s.sureAt(loc+"/properties/"+escape(p.Key), made)
				if !ok {
					return nil, false
				}
			}
		case "required":
			if v.Kind != source.Array {
				return nil, false
			}
			for _, r := range v.Elems {
				if r.Kind != source.String {
					return nil, false
				}
				c.required = append(c.required, r.Text)
			}
		case "additionalProperties":
			if v.Kind == source.Bool {
				c.closed = !v.Bool
			} else {
				c.rest, ok = sub(m.Key)
			}
		case "propertyNames":
			c.names, ok = sub(m.Key)
		case "items":
			c.items, ok = sub(m.Key)
		case "minItems":
			c.minItems, ok = count(v)
		case "minLength":
			c.minLength, ok = count(v)
		case "maxLength":
			c.maxLength, ok = count(v)
		case "minimum", "maximum":
			i, err := strconv.ParseInt(v.Text, 10, 64)
			if v.Kind != source.Number || err != nil {
				return nil, false
			}
			if m.Key == "minimum" {
				c.minimum = &i
			} else {
				c.maximum = &i
			}
		case "pattern":
			re, err := regexp.Compile(v.Text)
			if v.Kind != source.String || err != nil {
				return nil, false
			}
			c.pattern, c.id = re, v.Text == idPattern
		case "enum":
			if v.Kind != source.Array {
				return nil, false
			}
			c.enum = []string{}
			for _, e := range v.Elems {
				if e.Kind != source.String {
					return nil, false
				}
				c.enum = append(c.enum, e.Text)
			}
		case "format":
			if v.Kind != source.String || v.Text != "date" {
				return nil, false
			}
			c.date = true
		case "$id":
			// A nested $id would change what its $refs mean.
			if loc != "" {
				return nil, false
			}
		default:
			if !annotations[m.Key] {
				return nil, false
			}
		}
		if !ok {
			return nil, false
		}
	}
	return c, true
}

// valid reports whether a value is surely valid.
func (c *sure) valid(n *source.Node) bool {
	var bit uint8
	switch n.Kind {
	case source.Null:
		bit = tNull
	case source.Bool:
		bit = tBoolean
	case source.Number:
		if unwieldy(n.Text) {
			// Reported as out of range where a number is wanted
			// (see cut), and a type error elsewhere.
			return false
		}
		bit = tNumber
		if isDigits(n.Text) {
			bit |= tInteger
		}
	case source.String:
		bit = tString
	case source.Array:
		bit = tArray
	case source.Object:
		bit = tObject
	}
	if c.types != 0 && c.types&bit == 0 {
		return false
	}
	if c.enum != nil && (n.Kind != source.String || !slices.Contains(c.enum, n.Text)) {
		return false
	}
	switch n.Kind {
	case source.Number:
		if c.minimum != nil || c.maximum != nil {
			i, err := strconv.ParseInt(n.Text, 10, 64)
			if err != nil || c.minimum != nil && i < *c.minimum || c.maximum != nil && i > *c.maximum {
				return false
			}
		}
	case source.String:
		return c.validString(n.Text)
	case source.Array:
		if c.minItems >= 0 && len(n.Elems) < c.minItems {
			return false
		}
		if c.items != nil {
			for _, e := range n.Elems {
				if !c.items.valid(e) {
					return false
				}
			}
		}
	case source.Object:
		for _, m := range n.Members {
			if c.names != nil && !c.names.validString(m.Key) {
				return false
			}
			if p, ok := c.props[m.Key]; ok {
				if !p.valid(m.Value) {
					return false
				}
			} else if c.rest != nil {
				if !c.rest.valid(m.Value) {
					return false
				}
			} else if c.closed {
				return false
			}
		}
		for _, r := range c.required {
			if n.Member(r) == nil {
				return false
			}
		}
	}
	return true
}

// validString reports whether a string is surely valid: the checks of a
// string value, and of a key under propertyNames.
func (c *sure) validString(s string) bool {
	if c.types != 0 && c.types&tString == 0 {
		return false
	}
	if c.enum != nil && !slices.Contains(c.enum, s) {
		return false
	}
	if c.minLength > 0 && (len(s) < c.minLength || utf8.RuneCountInString(s) < c.minLength) {
		return false
	}
	if c.maxLength >= 0 && len(s) > c.maxLength && utf8.RuneCountInString(s) > c.maxLength {
		return false
	}
	if c.pattern != nil {
		if c.id {
			if !IsID(s) {
				return false
			}
		} else if !c.pattern.MatchString(s) {
			return false
		}
	}
	if c.date && !IsDate(s) {
		return false
	}
	return true
}

// isDigits reports whether a number is written as an integer: digits, and
// a minus sign.
func isDigits(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
