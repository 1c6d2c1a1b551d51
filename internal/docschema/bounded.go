package docschema

import (
	"container/heap"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/ladderkit/ladder/internal/source"
)

// A document may be nothing but errors: a million empty objects in 3 MB.
// santhosh-tekuri/jsonschema reports every error of a value it validates,
// at a cost in time and memory far over the document's own. So a document
// is validated in parts: the long collections in it (arrays of items, maps
// of marks) are cut to their first cutAt members, the rest of each is
// validated member by member against its items' subschema, in document
// order, and validation stops once the problems found before what is left
// to validate are more than the caller wants. The members of a map are
// all validated one by one, each value once: the marks of an assessment
// are often the same few values.

// cutAt is the number of members an array keeps when it is validated with
// the value around it; the others are validated one by one.
const cutAt = 64

// job is what is left to validate of a value of the document: the value
// itself, or the members of a long collection from one on.
type job struct {
	n   *source.Node // the value, or the collection
	nav *nav         // the subschema of the value, or of the collection's members
	ptr string       // the pointer of n in the document
	// from is the first member left to validate of a collection, -1 for
	// a value.
	from int
	// keys is where the propertyNames that a map's keys must match are in
	// the schema's document, "" when none.
	keys string
}

// start is where what is left of the job starts in the document.
func (j job) start() int {
	switch {
	case j.from < 0:
		return j.n.Start
	case j.n.Kind == source.Array:
		return j.n.Elems[j.from].Start
	}
	return j.n.Members[j.from].KeyStart
}

// jobs is a queue of jobs in document order.
type jobs []job

func (q jobs) Len() int           { return len(q) }
func (q jobs) Less(i, j int) bool { return q[i].start() < q[j].start() }
func (q jobs) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *jobs) Push(x any)        { *q = append(*q, x.(job)) }
func (q *jobs) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

// validation is one run of bounded validation over a document.
type validation struct {
	s           *Schema
	doc         *source.Doc
	queue       jobs
	placeholder string // the name given to empty keys (see placeholderFor)
	out         []located
	offsets     offsetHeap // the offsets of violations not yet counted as before the queue
}

// located is a violation with its offset in the document.
type located struct {
	Violation
	Offset int
}

type offsetHeap []int

func (h offsetHeap) Len() int           { return len(h) }
func (h offsetHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h offsetHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *offsetHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *offsetHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// violations validates the document and returns its violations in document
// order, each with its offset. It stops once more than max violations are
// known to come before all that is left to validate, and then reports
// more: the violations returned are then the first ones of the document,
// but not all of them. max < 0 means no limit.
func (s *Schema) violations(doc *source.Doc, max int) (out []located, more bool) {
	if c := s.sures[""]; c != nil && doc.Root != nil && c.valid(doc.Root) {
		return nil, false
	}
	v := &validation{s: s, doc: doc, placeholder: placeholderFor(doc.Root)}
	heap.Push(&v.queue, job{n: doc.Root, nav: s.root, from: -1})
	before := 0 // violations before everything in the queue
	for v.queue.Len() > 0 {
		next := v.queue[0].start()
		for v.offsets.Len() > 0 && v.offsets[0] < next {
			heap.Pop(&v.offsets)
			before++
		}
		if max >= 0 && before > max {
			more = true
			break
		}
		v.run(heap.Pop(&v.queue).(job))
	}
	sort.SliceStable(v.out, func(i, j int) bool {
		if v.out[i].Offset != v.out[j].Offset {
			return v.out[i].Offset < v.out[j].Offset
		}
		// Missing fields of one object keep the schema's order.
		return comparePointers(v.out[i].Pointer, v.out[j].Pointer) < 0
	})
	return v.out, more
}

// run validates one job: a value, or the next member of a collection,
// queueing the rest of the collection.
func (v *validation) run(j job) {
	key, member := "", false
	if j.from >= 0 {
		if j.from+1 < len(j.n.Elems)+len(j.n.Members) {
			heap.Push(&v.queue, job{n: j.n, nav: j.nav, ptr: j.ptr, from: j.from + 1, keys: j.keys})
		}
		if j.n.Kind == source.Array {
			j.n, j.ptr = j.n.Elems[j.from], j.ptr+"/"+strconv.Itoa(j.from)
		} else {
			m := j.n.Members[j.from]
			key, member = m.Key, true
			j.n, j.ptr = m.Value, j.ptr+"/"+escape(m.Key)
		}
		j.from = -1
	}
	if member && j.keys != "" {
		v.check(v.s.at(j.keys), key, j.ptr, true)
	}
	if j.nav == nil {
		return // no schema: any value
	}
	// Most members of a document with problems elsewhere are valid: the
	// sure check passes them without v5.
	if c := v.s.sures[j.nav.loc]; c != nil && c.valid(j.n) {
		return
	}
	v.check(v.s.at(j.nav.loc), v.cut(j.n, j.nav, &path{root: j.ptr, index: -1}), j.ptr, false)
}

// check validates an instance against a compiled subschema and adds the
// violations, at pointers under ptr.
func (v *validation) check(compiled *jsonschema.Schema, instance any, ptr string, key bool) {
	err := compiled.Validate(instance)
	if err == nil {
		return
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		v.out = append(v.out, located{Violation{Pointer: ptr, Message: err.Error()}, v.doc.Offset(ptr)})
		return
	}
	var found []Violation
	v.s.leaves(ve, instance, &found)
	for _, x := range mergeMisspelled(found) {
		x.field, x.suggestion = "", ""
		tokens := source.SplitPointer(x.Pointer)
		for k, t := range tokens {
			if t == v.placeholder {
				tokens[k] = ""
			}
		}
		x.Message = strings.ReplaceAll(x.Message, strconv.Quote(v.placeholder), `""`)
		if key {
			// A key checked alone: the violation is the member's.
			x.Pointer, x.Key = ptr, true
			x.Message = NotAKey(lastToken(ptr))
		} else {
			x.Pointer = ptr + source.Pointer(tokens...)
		}
		off := v.doc.Offset(x.Pointer)
		if x.Key {
			off = v.doc.KeyOffset(x.Pointer)
		}
		v.out = append(v.out, located{x, off})
		heap.Push(&v.offsets, off)
	}
}

// path is the JSON pointer of a value, kept as its steps: cut makes the
// pointer text only for the collections it queues.
type path struct {
	parent *path
	key    string
	index  int    // -1 for an object's member
	root   string // the pointer of the path without a parent
}

func (p *path) member(key string) *path { return &path{parent: p, key: key, index: -1} }
func (p *path) elem(i int) *path        { return &path{parent: p, index: i} }

// String returns the pointer.
func (p *path) String() string {
	switch {
	case p.parent == nil:
		return p.root
	case p.index >= 0:
		return p.parent.String() + "/" + strconv.Itoa(p.index)
	}
	return p.parent.String() + "/" + escape(p.key)
}

// cut returns the value of a node as encoding/json decodes it, with each
// long array in it cut to its first members and each map emptied: the
// rest goes to the queue. The values of members that no schema describes
// (unknown fields, which are errors whatever their values) are left out.
func (v *validation) cut(n *source.Node, nv *nav, at *path) any {
	switch n.Kind {
	case source.Bool:
		return n.Bool
	case source.Number:
		if nv != nil && nv.numeric && unwieldy(n.Text) {
			// v5 would work the number out exactly, which takes
			// seconds for 10 to a large exponent, or fails
			// (big.Rat.SetString gives up past 10^10^7, and v5 then
			// panics). The number is out of any range a document of
			// ours can want.
			ptr := at.String()
			v.out = append(v.out, located{Violation{Pointer: ptr, Keyword: "type", Message: fmt.Sprintf("%.40s is a number out of range", n.Text)}, n.Start})
			heap.Push(&v.offsets, n.Start)
			return json.Number("0")
		}
		return json.Number(n.Text)
	case source.String:
		return n.Text
	case source.Array:
		var items *nav
		if nv != nil {
			items = nv.items
		}
		out := make([]any, 0, min(len(n.Elems), cutAt))
		for i, e := range n.Elems {
			if items != nil && i >= cutAt {
				heap.Push(&v.queue, job{n: n, nav: items, ptr: at.String(), from: i})
				break
			}
			out = append(out, v.cut(e, items, at.elem(i)))
		}
		return out
	case source.Object:
		if nv != nil && nv.rest != nil {
			// A map: its members one by one, each value once.
			if len(n.Members) > 0 {
				heap.Push(&v.queue, job{n: n, nav: nv.rest, ptr: at.String(), from: 0, keys: nv.keys})
			}
			return map[string]any{}
		}
		out := make(map[string]any, len(n.Members))
		for _, m := range n.Members {
			name := m.Key
			if name == "" {
				name = v.placeholder
			}
			var prop *nav
			known := false
			if nv != nil {
				prop, known = nv.props[m.Key]
			}
			switch {
			case known:
				out[name] = v.cut(m.Value, prop, at.member(m.Key))
			case nv == nil || !nv.closed:
				out[name] = v.cut(m.Value, nil, at.member(m.Key))
			default:
				out[name] = nil // an unknown field: its value does not matter
			}
		}
		return out
	}
	return nil
}

// nav is what validation needs to know of a subschema, found once when the
// schema is compiled: the subschemas of its properties, items and map
// values. A nil *nav is no schema: any value.
type nav struct {
	loc    string          // where the subschema is in the schema's document, $refs followed
	props  map[string]*nav // properties, by name
	items  *nav            // an array's items
	rest   *nav            // a map's values (additionalProperties as a schema)
	keys   string          // where the map's propertyNames are, "" when none
	closed bool            // additionalProperties is false
	// numeric is true when the subschema wants a number: its type is
	// integer or number, or it has a keyword on numbers.
	numeric bool
}

// navAt returns the nav of the subschema at loc, made once for each.
func (s *Schema) navAt(loc string, made map[string]*nav) *nav {
	loc = s.resolvedLoc(loc)
	if nv, ok := made[loc]; ok {
		return nv
	}
	n := s.doc.Find(loc)
	if n == nil || n.Kind != source.Object {
		return nil
	}
	nv := &nav{loc: loc}
	made[loc] = nv
	if props := n.Member("properties"); props != nil {
		nv.props = make(map[string]*nav, len(props.Members))
		for _, m := range props.Members {
			nv.props[m.Key] = s.navAt(loc+"/properties/"+escape(m.Key), made)
		}
	}
	if n.Member("items") != nil {
		nv.items = s.navAt(loc+"/items", made)
	}
	if rest := n.Member("additionalProperties"); rest != nil {
		switch rest.Kind {
		case source.Object:
			nv.rest = s.navAt(loc+"/additionalProperties", made)
		case source.Bool:
			nv.closed = !rest.Bool
		}
	}
	if n.Member("propertyNames") != nil {
		nv.keys = loc + "/propertyNames"
	}
	for _, m := range n.Members {
		switch m.Key {
		case "type":
			t := m.Value
			nv.numeric = nv.numeric || t.Kind == source.String && (t.Text == "integer" || t.Text == "number") ||
				t.Kind == source.Array && slices.ContainsFunc(t.Elems, func(e *source.Node) bool { return e.Text == "integer" || e.Text == "number" })
		case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "enum", "const":
			nv.numeric = true
		}
	}
	return nv
}

// unwieldy reports whether a number is written with more than a thousand
// characters, or an exponent over a thousand, up or down.
func unwieldy(text string) bool {
	if len(text) > 1000 {
		return true
	}
	i := strings.IndexAny(text, "eE")
	if i < 0 {
		return false
	}
	exp := strings.TrimLeft(text[i+1:], "+-0")
	return len(exp) > 4 || len(exp) == 4 && exp > "1000"
}

// resolvedLoc follows the $ref of the schema at loc, within the schema's
// own document, and returns where it leads.
func (s *Schema) resolvedLoc(loc string) string {
	for range 8 {
		n := s.doc.Find(loc)
		if n == nil || n.Kind != source.Object {
			return loc
		}
		ref := n.Member("$ref")
		if ref == nil || ref.Kind != source.String || !strings.HasPrefix(ref.Text, "#") {
			return loc
		}
		loc = strings.TrimPrefix(ref.Text, "#")
	}
	return loc
}

// at returns the schema compiled at a location of its document.
func (s *Schema) at(loc string) *jsonschema.Schema {
	if loc == "" {
		return s.compiled
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.parts[loc]; ok {
		return c
	}
	c, err := s.compiler.Compile(s.id + "#" + loc)
	if err != nil {
		panic("docschema: embedded " + s.what + " schema at " + loc + ": " + err.Error())
	}
	s.parts[loc] = c
	return c
}

// placeholderFor returns a key found nowhere in the document, to give the
// empty keys while they are validated: santhosh-tekuri/jsonschema/v5 leaves
// an empty key out of instance locations, so that a mark under "" would be
// blamed on "/marks" itself.
func placeholderFor(root *source.Node) string {
	longest := 0
	var walk func(n *source.Node)
	walk = func(n *source.Node) {
		if n == nil {
			return
		}
		for _, m := range n.Members {
			if m.Key != "" && strings.Trim(m.Key, "\x00") == "" {
				longest = max(longest, len(m.Key))
			}
			walk(m.Value)
		}
		for _, e := range n.Elems {
			walk(e)
		}
	}
	walk(root)
	return strings.Repeat("\x00", longest+1)
}
