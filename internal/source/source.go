// Package source reads JSON documents as people write them: strictly, and
// keeping the position of every value so that a problem found later, by the
// schema, by the model's checks or inside a rule expression, can be reported
// at the line and column where the user wrote it.
//
// encoding/json is not enough for this: it lets a duplicate key silently win,
// replaces invalid UTF-8 with U+FFFD, and reports positions only as byte
// offsets of the first problem. Parse refuses all of these and keeps a tree of
// nodes with their offsets.
package source

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the JSON type of a Node.
type Kind uint8

// The kinds of JSON values.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"null", "boolean", "number", "string", "array", "object"}

// String returns the JSON name of the kind: "null", "boolean", "number",
// "string", "array" or "object".
func (k Kind) String() string { return kindNames[k] }

// Node is one JSON value and where it was written.
type Node struct {
	Kind Kind
	// Start and End are the byte offsets of the value in the document:
	// Start is its first byte, End is one past its last.
	Start, End int
	Bool       bool
	// Text is a string's decoded value, or a number's literal text.
	Text    string
	Elems   []*Node  // Array elements, in order.
	Members []Member // Object members, in document order.
	// index holds the position in Members of each key, for objects of
	// many members: finding a member by its key is then O(1), so that
	// locating each of many problems does not take time quadratic in
	// the object's size.
	index map[string]int
}

// indexed is the number of members from which an object keeps an index.
const indexed = 16

// Member is one key and value of an object.
type Member struct {
	Key      string
	KeyStart int // byte offset of the key's opening quote
	Value    *Node
}

// Member returns the value of the object member named key, or nil.
func (n *Node) Member(key string) *Node {
	if i := n.memberIndex(key); i >= 0 {
		return n.Members[i].Value
	}
	return nil
}

// memberIndex returns the position in Members of the member named key, the
// first when there are several, or -1.
func (n *Node) memberIndex(key string) int {
	if n.index != nil {
		if i, ok := n.index[key]; ok {
			return i
		}
		return -1
	}
	for i := range n.Members {
		if n.Members[i].Key == key {
			return i
		}
	}
	return -1
}

// Value returns the node as the values encoding/json decodes into an any
// (with UseNumber): map[string]any, []any, string, json.Number, bool or nil.
func (n *Node) Value() any {
	switch n.Kind {
	case Bool:
		return n.Bool
	case Number:
		return json.Number(n.Text)
	case String:
		return n.Text
	case Array:
		v := make([]any, len(n.Elems))
		for i, e := range n.Elems {
			v[i] = e.Value()
		}
		return v
	case Object:
		v := make(map[string]any, len(n.Members))
		for _, m := range n.Members {
			v[m.Key] = m.Value.Value()
		}
		return v
	}
	return nil
}

// Limits bound the documents Parse accepts.
type Limits struct {
	// MaxBytes is the largest document, in bytes.
	MaxBytes int
	// MaxDepth is the deepest nesting of arrays and objects.
	MaxDepth int
	// Line, when not 0, says the document is line Line of an input whose
	// lines end at \n, one document a line (NDJSON): its positions are
	// on that line, and a \r in it ends no line.
	Line int
}

// DefaultLimits are far above any real ladder (the DevOps example is about
// 20 KB deep 4) and far below what would hurt a server parsing an upload.
var DefaultLimits = Limits{MaxBytes: 8 << 20, MaxDepth: 64}

// MaxProblems is the most problems reported of one document. A document can
// be nothing but errors, a million of them in a few megabytes: past the
// first hundred, more help nobody, and finding them all would cost time and
// memory far over the document's own.
const MaxProblems = 100

// MoreProblems says that a document has more problems than those reported:
// n more, or an unknown number when n < 0.
func MoreProblems(n int) string {
	if n < 0 {
		return "and more problems: the check stopped after the first " + strconv.Itoa(MaxProblems)
	}
	if n == 1 {
		return "and 1 more problem"
	}
	return "and " + strconv.Itoa(n) + " more problems"
}

// Indexed returns an object node built outside Parse with the index Parse
// gives objects of many members (see Node).
func Indexed(n *Node) *Node {
	if len(n.Members) >= indexed {
		n.index = make(map[string]int, len(n.Members))
		for i, m := range n.Members {
			if _, dup := n.index[m.Key]; !dup {
				n.index[m.Key] = i
			}
		}
	}
	return n
}

// Problem is one thing wrong with a document, at a byte offset.
type Problem struct {
	Offset  int
	Pointer string
	Message string
}

// Doc is a parsed document.
type Doc struct {
	Data []byte
	Root *Node
	// lines holds the offset where each line starts; base is the number
	// of the lines before the document, in an input of one a line.
	lines []int
	base  int
}

// Parse reads one JSON document. It returns the document, or the problems
// that keep it from being read: a syntax error (only the first, as what
// follows it cannot be trusted), every invalid UTF-8 sequence and duplicate
// key found before it, and limits exceeded.
func Parse(data []byte, lim Limits) (*Doc, []Problem) {
	doc := &Doc{Data: data}
	if lim.Line > 0 {
		doc.lines, doc.base = []int{0}, lim.Line-1
	}
	if lim.MaxBytes > 0 && len(data) > lim.MaxBytes {
		return doc, []Problem{{Message: tooLargeMessage(strconv.Itoa(len(data))+" bytes", lim.MaxBytes)}}
	}
	p := parser{data: data, maxDepth: lim.MaxDepth}
	if len(data) >= 3 && string(data[:3]) == "\xef\xbb\xbf" {
		return doc, []Problem{{Message: "document starts with a byte order mark: save it as UTF-8 without one"}}
	}
	p.space()
	if p.pos == len(data) {
		return doc, []Problem{{Message: "document is empty"}}
	}
	root := p.value()
	if !p.failed {
		p.space()
		if p.pos < len(data) {
			if p.data[p.pos] == '/' && p.pos+1 < len(data) && (p.data[p.pos+1] == '/' || p.data[p.pos+1] == '*') {
				p.fail("comments are not allowed in JSON")
			} else {
				p.fail("unexpected " + p.describe() + " after the end of the document")
			}
		}
	}
	if doc.lines == nil {
		doc.lines = lineStarts(data)
	}
	p.finishDups(doc)
	if len(p.problems) > 0 {
		return doc, p.problems
	}
	doc.Root = root
	return doc, nil
}

type parser struct {
	data     []byte
	pos      int
	depth    int
	maxDepth int
	path     []token // the path to the value being read
	failed   bool    // a syntax error was reported: stop
	problems []Problem
	dups     []dupKey // duplicate key problems whose messages finishDups ends
}

// dupKey is a duplicate key problem waiting for the line and column of the
// first key: finding them one by one would take time quadratic in the size
// of the document.
type dupKey struct{ problem, first int }

func (p *parser) pointer() string {
	tokens := make([]string, len(p.path))
	for i, t := range p.path {
		tokens[i] = t.key
		if t.index >= 0 {
			tokens[i] = strconv.Itoa(t.index)
		}
	}
	return Pointer(tokens...)
}

// token is a step of the path to the value being read: an object's key, or
// an array's index (when index >= 0), kept as a number so that reading an
// array makes no string for each element.
type token struct {
	key   string
	index int
}

func (p *parser) report(off int, msg string) {
	p.problems = append(p.problems, Problem{Offset: off, Pointer: p.pointer(), Message: msg})
}

// fail reports a syntax error at the current position and stops the parse.
func (p *parser) fail(msg string) { p.failAt(p.pos, msg) }

// failAt reports a syntax error at an offset and stops the parse.
func (p *parser) failAt(off int, msg string) {
	if !p.failed {
		p.report(off, msg)
		p.failed = true
	}
}

// unexpected reports the input at the current position where something
// else was wanted.
func (p *parser) unexpected(want string) {
	if p.pos+1 < len(p.data) && p.data[p.pos] == '/' && (p.data[p.pos+1] == '/' || p.data[p.pos+1] == '*') {
		p.fail("comments are not allowed in JSON")
		return
	}
	p.fail("unexpected " + p.describe() + ": want " + want)
}

// startsValue reports whether the input at the current position can start a
// value, for a hint that a comma is missing.
func (p *parser) startsValue() bool {
	if p.pos >= len(p.data) {
		return false
	}
	c := p.data[p.pos]
	return c == '"' || c == '{' || c == '[' || c == '-' || '0' <= c && c <= '9' || c == 't' || c == 'f' || c == 'n'
}

// describe names the input at the current position for a syntax error.
func (p *parser) describe() string {
	if p.pos >= len(p.data) {
		return "end of input"
	}
	r, size := utf8.DecodeRune(p.data[p.pos:])
	if r == utf8.RuneError && size <= 1 {
		return "invalid UTF-8"
	}
	if r < 0x20 || r == 0x7f {
		return "control character " + strconv.QuoteRune(r)
	}
	return strconv.Quote(string(r))
}

func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value() *Node {
	if p.pos >= len(p.data) {
		p.fail("unexpected end of input: a value is missing")
		return nil
	}
	start := p.pos
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, ok := p.str()
		if !ok {
			return nil
		}
		return &Node{Kind: String, Start: start, End: p.pos, Text: s}
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	case p.literal("true"):
		return &Node{Kind: Bool, Start: start, End: p.pos, Bool: true}
	case p.literal("false"):
		return &Node{Kind: Bool, Start: start, End: p.pos}
	case p.literal("null"):
		return &Node{Kind: Null, Start: start, End: p.pos}
	}
	p.unexpected("a value")
	return nil
}

func (p *parser) literal(word string) bool {
	if !strings.HasPrefix(string(p.data[p.pos:min(len(p.data), p.pos+len(word))]), word) {
		return false
	}
	end := p.pos + len(word)
	if end < len(p.data) && isWordByte(p.data[end]) {
		return false
	}
	p.pos = end
	return true
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func (p *parser) enter() bool {
	p.depth++
	if p.maxDepth > 0 && p.depth > p.maxDepth {
		// No pointer: it would be as deep as the nesting.
		p.problems = append(p.problems, Problem{Offset: p.pos, Message: "nesting is deeper than the limit of " + strconv.Itoa(p.maxDepth) + " levels"})
		p.failed = true
		return false
	}
	return true
}

func (p *parser) object() *Node {
	n := &Node{Kind: Object, Start: p.pos}
	if !p.enter() {
		return nil
	}
	defer func() { p.depth-- }()
	p.pos++ // {
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		n.End = p.pos
		return n
	}
	comma := -1 // offset of the comma before this member
	for {
		p.space()
		if comma >= 0 && p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.failAt(comma, "trailing comma before \"}\": remove it")
			return nil
		}
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			p.unexpected("a quoted key")
			return nil
		}
		keyStart := p.pos
		key, ok := p.str()
		if !ok {
			return nil
		}
		p.path = append(p.path, token{key, -1})
		if first := n.memberIndex(key); first >= 0 {
			p.dups = append(p.dups, dupKey{len(p.problems), n.Members[first].KeyStart})
			p.report(keyStart, "duplicate key "+strconv.Quote(key))
		}
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			p.unexpected("\":\" after the key")
			return nil
		}
		p.pos++
		p.space()
		v := p.value()
		p.path = p.path[:len(p.path)-1]
		if p.failed {
			return nil
		}
		n.Members = append(n.Members, Member{Key: key, KeyStart: keyStart, Value: v})
		if len(n.Members) == indexed {
			Indexed(n)
		} else if n.index != nil {
			if _, dup := n.index[key]; !dup {
				n.index[key] = len(n.Members) - 1
			}
		}
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			comma = p.pos
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			n.End = p.pos
			return n
		}
		if p.pos < len(p.data) && p.data[p.pos] == '"' {
			p.fail("missing \",\" before this member")
			return nil
		}
		p.unexpected("\",\" or \"}\"")
		return nil
	}
}

func (p *parser) array() *Node {
	n := &Node{Kind: Array, Start: p.pos}
	if !p.enter() {
		return nil
	}
	defer func() { p.depth-- }()
	p.pos++ // [
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		n.End = p.pos
		return n
	}
	comma := -1 // offset of the comma before this element
	for {
		p.space()
		if comma >= 0 && p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.failAt(comma, "trailing comma before \"]\": remove it")
			return nil
		}
		p.path = append(p.path, token{index: len(n.Elems)})
		v := p.value()
		p.path = p.path[:len(p.path)-1]
		if p.failed {
			return nil
		}
		n.Elems = append(n.Elems, v)
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			comma = p.pos
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			n.End = p.pos
			return n
		}
		if p.startsValue() {
			p.fail("missing \",\" before this element")
			return nil
		}
		p.unexpected("\",\" or \"]\"")
		return nil
	}
}

func (p *parser) number() *Node {
	start := p.pos
	d := p.data
	i := p.pos
	if d[i] == '-' {
		i++
	}
	digits := func() int {
		j := i
		for i < len(d) && '0' <= d[i] && d[i] <= '9' {
			i++
		}
		return i - j
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case digits() == 0:
		p.pos = i
		p.fail("unexpected " + p.describe() + ": want a digit")
		return nil
	}
	if i < len(d) && d[i] == '.' {
		i++
		if digits() == 0 {
			p.pos = i
			p.fail("unexpected " + p.describe() + ": want a digit after the decimal point")
			return nil
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if digits() == 0 {
			p.pos = i
			p.fail("unexpected " + p.describe() + ": want a digit in the exponent")
			return nil
		}
	}
	p.pos = i
	if i < len(d) && (isWordByte(d[i]) || d[i] == '.') {
		p.fail("unexpected " + p.describe() + " in a number")
		return nil
	}
	return &Node{Kind: Number, Start: start, End: i, Text: string(d[start:i])}
}

// str reads a string starting at the opening quote. Invalid UTF-8 is
// reported and the parse goes on; a bad escape or a control character is a
// syntax error.
func (p *parser) str() (string, bool) {
	d := p.data
	p.pos++ // "
	start := p.pos
	// Fast path: no escapes.
	for i := p.pos; i < len(d); {
		c := d[i]
		if c == '"' {
			s := d[start:i]
			if utf8.Valid(s) {
				p.pos = i + 1
				return string(s), true
			}
			break
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		i++
	}
	var b strings.Builder
	for {
		if p.pos >= len(d) {
			p.fail("unexpected end of input in a string: the closing quote is missing")
			return "", false
		}
		c := d[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String(), true
		case c == '\\':
			if !p.escape(&b) {
				return "", false
			}
		case c < 0x20:
			p.fail("unexpected " + p.describe() + " in a string: write it as an escape such as \\n")
			return "", false
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			p.pos++
		default:
			r, size := utf8.DecodeRune(d[p.pos:])
			if r == utf8.RuneError && size == 1 {
				p.report(p.pos, "invalid UTF-8 byte "+strconv.Quote(string(d[p.pos:p.pos+1]))+" in a string")
				b.WriteRune(utf8.RuneError)
			} else {
				b.WriteRune(r)
			}
			p.pos += size
		}
	}
}

func (p *parser) escape(b *strings.Builder) bool {
	d := p.data
	if p.pos+1 >= len(d) {
		p.pos++
		p.fail("unexpected end of input in an escape")
		return false
	}
	switch c := d[p.pos+1]; c {
	case '"', '\\', '/':
		b.WriteByte(c)
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		r, ok := p.hex4(p.pos + 2)
		if !ok {
			return false
		}
		p.pos += 6
		if 0xD800 <= r && r < 0xDC00 {
			// A high surrogate must be followed by a low one.
			if p.pos+1 < len(d) && d[p.pos] == '\\' && d[p.pos+1] == 'u' {
				if r2, ok := p.hex4(p.pos + 2); ok && 0xDC00 <= r2 && r2 < 0xE000 {
					p.pos += 6
					b.WriteRune((r-0xD800)<<10 | (r2 - 0xDC00) + 0x10000)
					return true
				} else if !ok {
					return false
				}
			}
			p.report(p.pos-6, "unpaired surrogate \\u"+strconv.FormatInt(int64(r), 16)+" in a string")
			b.WriteRune(utf8.RuneError)
			return true
		}
		if 0xDC00 <= r && r < 0xE000 {
			p.report(p.pos-6, "unpaired surrogate \\u"+strconv.FormatInt(int64(r), 16)+" in a string")
			b.WriteRune(utf8.RuneError)
			return true
		}
		b.WriteRune(r)
		return true
	default:
		p.pos++
		r, _ := utf8.DecodeRune(d[p.pos:])
		if unicode.IsPrint(r) {
			p.fail("invalid escape \\" + string(r) + " in a string")
		} else {
			p.fail("invalid escape in a string: \\ followed by " + strconv.QuoteRune(r))
		}
		return false
	}
	p.pos += 2
	return true
}

func (p *parser) hex4(at int) (rune, bool) {
	var v rune
	for i := at; i < at+4; i++ {
		if i >= len(p.data) {
			p.pos = min(at, len(p.data))
			p.fail("unexpected end of input in a \\u escape")
			return 0, false
		}
		switch c := p.data[i]; {
		case '0' <= c && c <= '9':
			v = v<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			v = v<<4 | rune(c-'a'+10)
		case 'A' <= c && c <= 'F':
			v = v<<4 | rune(c-'A'+10)
		default:
			// Not a digit, be it the closing quote: the input goes on.
			p.pos = at
			p.fail("invalid \\u escape: want four hexadecimal digits")
			return 0, false
		}
	}
	return v, true
}

// finishDups ends the messages of duplicate keys with the line and column
// of the first key, found in one pass over the document. The first keys'
// offsets are those of quotes, which a decoding of the runes before never
// steps over: the columns are those Position gives.
func (p *parser) finishDups(doc *Doc) {
	slices.SortFunc(p.dups, func(a, b dupKey) int { return a.first - b.first })
	cursor := doc.Cursor()
	for _, d := range p.dups {
		line, col := cursor.Position(d.first)
		p.problems[d.problem].Message += " (first at " + strconv.Itoa(line) + ":" + strconv.Itoa(col) +
			"): a later key would silently replace the earlier one"
	}
}

// Position returns the 1-based line and column of a byte offset in data.
// Columns count characters (Unicode code points), as editors do, not bytes.
func Position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	start := 0
	line = 1
	for i := 0; i < off; i++ {
		if endsLine(data, i) {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(data[start:off]) + 1
}

// endsLine reports whether the byte at i ends a line: a \n, or a \r that no
// \n follows. Line ends are those of Unix (\n), Windows (\r\n) and the old
// Mac OS (\r), as editors count them.
func endsLine(data []byte, i int) bool {
	return data[i] == '\n' || data[i] == '\r' && (i+1 == len(data) || data[i+1] != '\n')
}

// lineStarts returns the offset where each line of data starts.
func lineStarts(data []byte) []int {
	lines := []int{0}
	for i := range data {
		if endsLine(data, i) {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// Position returns the line and column of a byte offset in the document. It
// is safe for concurrent use.
func (d *Doc) Position(off int) (line, col int) {
	if d.lines == nil {
		// A Doc not made by Parse.
		return Position(d.Data, off)
	}
	off = min(max(off, 0), len(d.Data))
	// The last line start at or before off.
	lo, hi := 0, len(d.lines)
	for hi-lo > 1 {
		m := (lo + hi) / 2
		if d.lines[m] <= off {
			lo = m
		} else {
			hi = m
		}
	}
	return d.base + lo + 1, utf8.RuneCount(d.Data[d.lines[lo]:off]) + 1
}

// Cursor finds the positions of offsets given in increasing order in one
// pass over the document, where Position would count each column from the
// start of its line: on a document of one long line, locating many
// problems one by one would take quadratic time.
type Cursor struct {
	d         *Doc
	lines     []int
	off, line int // the last offset located, and its line's index
	col       int
}

// Cursor returns a cursor at the start of the document.
func (d *Doc) Cursor() *Cursor {
	lines := d.lines
	if lines == nil {
		lines = lineStarts(d.Data)
	}
	return &Cursor{d: d, lines: lines, col: 1}
}

// Position returns the line and column of off, as Doc.Position does. It is
// fast when offsets come in increasing order.
func (c *Cursor) Position(off int) (line, col int) {
	off = min(max(off, 0), len(c.d.Data))
	i, _ := slices.BinarySearch(c.lines, off+1) // lines starting at or before off
	i--
	// Count again from the line's start when off is on another line,
	// before the last offset, or when the last offset cut a character.
	if i != c.line || off < c.off || c.off < len(c.d.Data) && !utf8.RuneStart(c.d.Data[c.off]) {
		c.line, c.off, c.col = i, c.lines[i], 1
	}
	c.col += utf8.RuneCount(c.d.Data[c.off:off])
	c.off = off
	return c.d.base + c.line + 1, c.col
}

// Pointer builds a JSON pointer (RFC 6901) from its reference tokens.
func Pointer(tokens ...string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		if strings.ContainsAny(t, "~/") {
			t = strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1")
		}
		b.WriteString(t)
	}
	return b.String()
}

// PrintablePointer returns ptr as it is, or quoted when it holds a newline, a
// tab or another character that does not print, so that a problem stays on
// one line.
func PrintablePointer(ptr string) string {
	if strings.ContainsFunc(ptr, func(r rune) bool { return !unicode.IsPrint(r) }) {
		return strconv.Quote(ptr)
	}
	return ptr
}

// SplitPointer returns the reference tokens of a JSON pointer.
func SplitPointer(ptr string) []string {
	if ptr == "" {
		return nil
	}
	tokens := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, t := range tokens {
		if strings.Contains(t, "~") {
			tokens[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
		}
	}
	return tokens
}

// Find returns the node at a JSON pointer, or nil when there is none.
func (d *Doc) Find(ptr string) *Node {
	n, _, _ := d.walk(ptr)
	return n
}

// Offset returns where a problem with the value at a JSON pointer is best
// shown: the value's first byte, or when there is no such value, the first
// byte of the deepest value on the pointer's way.
func (d *Doc) Offset(ptr string) int {
	n, deepest, _ := d.walk(ptr)
	if n != nil {
		return n.Start
	}
	if deepest != nil {
		return deepest.Start
	}
	return 0
}

// KeyOffset returns where a problem with the object member at a JSON pointer
// is best shown: its key, so that an unknown or duplicate field points at its
// name. It falls back to Offset.
func (d *Doc) KeyOffset(ptr string) int {
	if _, _, key := d.walk(ptr); key >= 0 {
		return key
	}
	return d.Offset(ptr)
}

// walk follows ptr from the root. It returns the node at ptr (nil if the
// pointer leads nowhere), the deepest node reached, and the offset of the
// key of the last step when that step was an object member found (else -1).
func (d *Doc) walk(ptr string) (n, deepest *Node, keyOff int) {
	n, keyOff = d.Root, -1
	for _, t := range SplitPointer(ptr) {
		if n == nil {
			return nil, deepest, -1
		}
		deepest, keyOff = n, -1
		switch n.Kind {
		case Object:
			var next *Node
			if i := n.memberIndex(t); i >= 0 {
				next, keyOff = n.Members[i].Value, n.Members[i].KeyStart
			}
			n = next
		case Array:
			i, ok := arrayIndex(t)
			if !ok || i >= len(n.Elems) {
				return nil, deepest, -1
			}
			n = n.Elems[i]
		default:
			return nil, deepest, -1
		}
	}
	if n == nil {
		return nil, deepest, -1
	}
	return n, n, keyOff
}

// arrayIndex reads a pointer token as an array index: "0", or digits
// without a leading zero (RFC 6901), not "01", "+1" or "-0".
func arrayIndex(t string) (int, bool) {
	if t == "" || len(t) > 1 && t[0] == '0' {
		return 0, false
	}
	i := 0
	for _, c := range []byte(t) {
		if c < '0' || c > '9' || i > (1<<31)/10 {
			return 0, false
		}
		i = i*10 + int(c-'0')
	}
	return i, true
}

// RawOffset maps the index of a rune inside a string node's decoded value to
// the byte offset in the document where that rune was written, stepping over
// escapes. It lets an error inside an expression point into the file.
func (d *Doc) RawOffset(n *Node, runeIndex int) int {
	return n.Start + rawOffset(d.Data[n.Start:n.End], runeIndex)
}

// rawOffset is RawOffset within a string literal, quotes included.
func rawOffset(lit []byte, runeIndex int) int {
	i := 1 // after the opening quote
	for r := 0; r < runeIndex && i < len(lit)-1; r++ {
		if lit[i] == '\\' {
			if lit[i+1] == 'u' {
				// A surrogate pair is one rune written as two escapes.
				v, _ := strconv.ParseUint(string(lit[i+2:i+6]), 16, 32)
				i += 6
				if 0xD800 <= v && v < 0xDC00 && i+1 < len(lit) && lit[i] == '\\' && lit[i+1] == 'u' {
					i += 6
				}
				continue
			}
			i += 2
			continue
		}
		_, size := utf8.DecodeRune(lit[i:])
		i += size
	}
	return i
}

// Span is a string value of a document, kept apart from the document: what
// it takes to locate a character of the value once the document is gone.
type Span struct {
	// Line and Column are the position of the opening quote.
	Line, Column int
	lit          string // the literal as written, quotes included
}

// Span returns the span of a string node.
func (d *Doc) Span(n *Node) Span {
	line, col := d.Position(n.Start)
	return Span{Line: line, Column: col, lit: string(d.Data[n.Start:n.End])}
}

// Position returns the line and column in the document of the rune at
// runeIndex in the value. A JSON string holds no raw line break, so the line
// is the span's.
func (s Span) Position(runeIndex int) (line, col int) {
	off := rawOffset([]byte(s.lit), runeIndex)
	return s.Line, s.Column + utf8.RuneCountInString(s.lit[:off])
}
