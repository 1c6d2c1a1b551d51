// Package docschema validates documents against the JSON Schemas of
// package schema: the machinery behind schema.Validate and the checks of
// ladder.Parse and ladder.ParseAssessment. Package schema embeds the
// schemas and registers them here when it is initialized.
//
// Validation works on the tree of a parsed document. A sure check compiled
// from the schema passes the valid documents, at a fraction of the cost of
// santhosh-tekuri/jsonschema/v5 (see fast.go); v5 validates the others, in
// parts, so that a document of many errors costs no more than its size (see
// violations), and each violation is worded for the person editing the
// document.
package docschema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/ladderkit/ladder/internal/source"
	"github.com/ladderkit/ladder/internal/suggest"
)

// Schema is a compiled JSON Schema. It is safe for concurrent use.
type Schema struct {
	id       string
	what     string // "ladder", "assessment" or "result", for messages
	raw      []byte
	doc      *source.Doc // raw, parsed: to read the keywords a violation names
	compiled *jsonschema.Schema

	// The parts of the schema that a long collection's members are
	// validated against, compiled on first use (see violations).
	mu       sync.Mutex
	compiler *jsonschema.Compiler
	parts    map[string]*jsonschema.Schema
	root     *nav // what validation needs to know of the schema's parts
	// sures are the sure checks of valid values (see fast.go), by the
	// location of their subschema; nil when the schema has none.
	sures map[string]*sure
}

// Kind names a schema of package schema.
type Kind int

// The schemas.
const (
	Ladder Kind = iota
	Assessment
	Result
	kinds
)

// registry holds each kind's schema, compiled on first use.
var registry [kinds]func() *Schema

// Register gives the schema of a kind, its $id and its document. Package
// schema registers its embedded schemas when it is initialized.
func Register(k Kind, id, what string, raw []byte) {
	registry[k] = sync.OnceValue(func() *Schema { return mustCompile(id, what, raw) })
}

// Of returns the compiled schema of a kind, compiled on first use, once
// per process.
func Of(k Kind) *Schema {
	if registry[k] == nil {
		panic("docschema: no schema registered: import github.com/ladderkit/ladder/schema")
	}
	return registry[k]()
}

func mustCompile(id, what string, raw []byte) *Schema {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	if err := c.AddResource(id, bytes.NewReader(raw)); err != nil {
		panic("docschema: embedded " + what + " schema: " + err.Error())
	}
	compiled, err := c.Compile(id)
	if err != nil {
		panic("docschema: embedded " + what + " schema: " + err.Error())
	}
	doc, problems := source.Parse(raw, source.Limits{})
	if len(problems) > 0 {
		panic("docschema: embedded " + what + " schema: " + problems[0].Message)
	}
	s := &Schema{id: id, what: what, raw: raw, doc: doc, compiled: compiled, compiler: c, parts: map[string]*jsonschema.Schema{}}
	s.root = s.navAt("", map[string]*nav{})
	s.sures = s.compileSure()
	return s
}

// ID returns the schema's $id.
func (s *Schema) ID() string { return s.id }

// JSON returns the schema document.
func (s *Schema) JSON() []byte { return bytes.Clone(s.raw) }

// Violation is one way a value breaks a schema.
type Violation struct {
	// Pointer is the JSON pointer of the value at fault: of the member
	// itself for an unknown field, of the object for a missing one.
	Pointer string
	// Keyword is the schema keyword that failed, such as "required",
	// "additionalProperties", "type", "enum" or "pattern".
	Keyword string
	// Message says what is wrong, for the person editing the document.
	Message string
	// Key reports that the fault is the member's name rather than its
	// value (an unknown field, a key that is not an ID), so that it is best
	// shown at the key.
	Key bool

	field      string // the missing field, for "required"
	suggestion string // the field an unknown one was meant to be
}

// mergeMisspelled drops the missing field that an unknown field next to it
// was meant to be: the unknown field's "did you mean" says it already.
func mergeMisspelled(vs []Violation) []Violation {
	meant := make(map[string]bool)
	for _, v := range vs {
		if v.Keyword == "additionalProperties" && v.suggestion != "" {
			parent := v.Pointer[:strings.LastIndexByte(v.Pointer, '/')]
			meant[parent+"\x00"+v.suggestion] = true
		}
	}
	if len(meant) == 0 {
		return vs
	}
	out := vs[:0]
	for _, v := range vs {
		if v.Keyword == "required" && meant[v.Pointer+"\x00"+v.field] {
			continue
		}
		out = append(out, v)
	}
	return out
}

// Locate validates a parsed document and returns its violations as
// problems at their offsets, in document order: all of them when max < 0,
// else at most max of them, the first, and how many more there are (-1
// when validation stopped before finding them all).
func (s *Schema) Locate(doc *source.Doc, max int) (problems []source.Problem, more int) {
	found, stopped := s.violations(doc, max)
	problems = make([]source.Problem, len(found))
	for i, x := range found {
		problems[i] = source.Problem{Offset: x.Offset, Pointer: x.Pointer, Message: x.Message}
	}
	if max < 0 || len(problems) <= max && !stopped {
		return problems, 0
	}
	more = len(problems) - max
	if stopped {
		more = -1
	}
	return problems[:max], more
}

// leaves collects the violations at the leaves of a validation error tree:
// the inner nodes only say that a $ref or the whole document failed.
func (s *Schema) leaves(ve *jsonschema.ValidationError, instance any, out *[]Violation) {
	if len(ve.Causes) > 0 {
		for _, c := range ve.Causes {
			s.leaves(c, instance, out)
		}
		return
	}
	keyword := ve.KeywordLocation[strings.LastIndexByte(ve.KeywordLocation, '/')+1:]
	ptr := instancePointer(ve.InstanceLocation)
	_, frag, _ := strings.Cut(ve.AbsoluteKeywordLocation, "#")
	// The schema object holding the keyword that failed.
	sch := s.doc.Find(frag[:max(0, strings.LastIndexByte(frag, '/'))])
	if sch == nil {
		sch = &source.Node{}
	}
	keywordValue := func(k string) any {
		if n := sch.Member(k); n != nil {
			return n.Value()
		}
		return nil
	}
	value := resolve(instance, ptr)
	add := func(ptr, msg string, key bool) {
		*out = append(*out, Violation{Pointer: ptr, Keyword: keyword, Message: msg, Key: key})
	}
	switch keyword {
	case "required":
		obj, _ := value.(map[string]any)
		for _, name := range texts(sch.Member("required")) {
			if _, ok := obj[name]; !ok {
				add(ptr, "missing required field "+strconv.Quote(name), false)
				(*out)[len(*out)-1].field = name
			}
		}
		return
	case "additionalProperties":
		obj, _ := value.(map[string]any)
		var known []string
		if props := sch.Member("properties"); props != nil {
			for _, m := range props.Members {
				known = append(known, m.Key)
			}
		}
		for name := range obj {
			if !slices.Contains(known, name) {
				guess := suggest.Name(name, known)
				add(ptr+"/"+escape(name), unknownField(name, guess, known), true)
				(*out)[len(*out)-1].suggestion = guess
			}
		}
		return
	case "pattern":
		if strings.Contains(frag, "/propertyNames/") {
			add(ptr, NotAKey(lastToken(ptr)), true)
			return
		}
		if keywordValue("pattern") == idPattern {
			str, _ := value.(string)
			add(ptr, NotAnID(str), false)
			return
		}
		add(ptr, fmt.Sprintf("%q does not match the pattern %v", value, keywordValue("pattern")), false)
		return
	case "type":
		add(ptr, fmt.Sprintf("must be %s, not %s", article(fmt.Sprint(keywordValue("type"))), jsonType(value)), false)
		return
	case "enum":
		if str, ok := value.(string); ok {
			add(ptr, NotOneOf(str, texts(sch.Member("enum"))), false)
			return
		}
		options := texts(sch.Member("enum"))
		for i, o := range options {
			options[i] = strconv.Quote(o)
		}
		add(ptr, fmt.Sprintf("%s is not one of %s", quoteValue(value), strings.Join(options, ", ")), false)
		return
	case "minItems":
		if n := keywordValue("minItems"); n == json.Number("1") {
			add(ptr, Empty, false)
		} else {
			add(ptr, fmt.Sprintf("must have at least %v items", n), false)
		}
		return
	case "minLength":
		add(ptr, Empty, false)
		return
	case "maxLength":
		if str, ok := value.(string); ok {
			most, _ := strconv.Atoi(fmt.Sprint(keywordValue("maxLength")))
			add(ptr, TooLong(utf8.RuneCountInString(str), most), false)
			return
		}
	case "format":
		if keywordValue("format") == "date" {
			if str, ok := value.(string); ok {
				add(ptr, NotADate(str), false)
				return
			}
			add(ptr, fmt.Sprintf("%s is not a date: write it as YYYY-MM-DD", quoteValue(value)), false)
			return
		}
	}
	add(ptr, ve.Message, false)
}

const idPattern = "^[a-z0-9._-]+$"

// datePattern matches what looks like a date written as YYYY-MM-DD.
var datePattern = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// unknownField says a field is unknown, with the closest known name when
// one is close, else the known names in the schema's order (the Go fields').
func unknownField(name, guess string, known []string) string {
	msg := "unknown field " + strconv.Quote(name)
	if guess != "" {
		return msg + fmt.Sprintf(" (did you mean %q?)", guess)
	}
	if len(known) > 0 {
		msg += "; the fields here are " + strings.Join(known, ", ")
	}
	return msg
}

func article(t string) string {
	switch t {
	case "object", "array":
		return "an " + t
	case "string", "number", "boolean":
		return "a " + t
	case "integer":
		return "an integer"
	}
	return t
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case string:
		return "a string"
	case json.Number, float64, float32, int, int64:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func quoteValue(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(data)
}

// texts returns the strings of an array node.
func texts(n *source.Node) []string {
	if n == nil {
		return nil
	}
	out := make([]string, 0, len(n.Elems))
	for _, e := range n.Elems {
		if e.Kind == source.String {
			out = append(out, e.Text)
		}
	}
	return out
}

// instancePointer turns an instance location of santhosh-tekuri/jsonschema,
// whose tokens are URL path-escaped, into a plain JSON pointer.
func instancePointer(loc string) string {
	if !strings.Contains(loc, "%") {
		return loc
	}
	parts := strings.Split(loc, "/")
	for i, p := range parts {
		if u, err := url.PathUnescape(p); err == nil {
			parts[i] = u
		}
	}
	return strings.Join(parts, "/")
}

// resolve returns the value at a JSON pointer in a decoded JSON value.
func resolve(v any, ptr string) any {
	for _, t := range source.SplitPointer(ptr) {
		switch x := v.(type) {
		case map[string]any:
			v = x[t]
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func escape(token string) string { return source.Pointer(token)[1:] }

func lastToken(ptr string) string {
	tokens := source.SplitPointer(ptr)
	if len(tokens) == 0 {
		return ""
	}
	return tokens[len(tokens)-1]
}

// comparePointers orders JSON pointers token by token, array indices by
// number, so that /levels/2 comes before /levels/10.
func comparePointers(a, b string) int {
	ta, tb := source.SplitPointer(a), source.SplitPointer(b)
	for i := 0; i < len(ta) && i < len(tb); i++ {
		if ta[i] == tb[i] {
			continue
		}
		na, errA := strconv.Atoi(ta[i])
		nb, errB := strconv.Atoi(tb[i])
		if errA == nil && errB == nil {
			if na < nb {
				return -1
			}
			return 1
		}
		if ta[i] < tb[i] {
			return -1
		}
		return 1
	}
	return len(ta) - len(tb)
}
