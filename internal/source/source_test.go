package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeUseNumber decodes exactly one JSON document the way Value promises
// to match: encoding/json into an any, with UseNumber.
func decodeUseNumber(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the document (%v)", err)
	}
	return v, nil
}

// lineCol formats what Doc.Position gives for an offset as "line:col".
func lineColOf(doc *Doc, off int) string {
	line, col := doc.Position(off)
	return strconv.Itoa(line) + ":" + strconv.Itoa(col)
}

// checkTree checks every node of an accepted document against the bytes it
// was read from: each span decodes (with encoding/json) to the node's
// Value, each key starts with a quote and decodes to the member's Key, each
// node is what Find gives for its pointer (and Offset, KeyOffset agree),
// and RawOffset points at how each rune of a string was written.
func checkTree(t *testing.T, doc *Doc) {
	t.Helper()
	var walk func(n *Node, path []string)
	walk = func(n *Node, path []string) {
		ptr := Pointer(path...)
		if n == nil {
			t.Errorf("%q: node at %q is nil", doc.Data, ptr)
			return
		}
		if n.Start < 0 || n.Start >= n.End || n.End > len(doc.Data) {
			t.Errorf("%q: node at %q has span [%d,%d), want within [0,%d]", doc.Data, ptr, n.Start, n.End, len(doc.Data))
			return
		}
		raw := doc.Data[n.Start:n.End]
		want, err := decodeUseNumber(raw)
		if err != nil {
			t.Errorf("%q: span %q of node at %q does not decode: %v", doc.Data, raw, ptr, err)
		} else if got := n.Value(); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: node at %q: got %#v, want %#v (from its span %q)", doc.Data, ptr, got, want, raw)
		}
		if got := doc.Find(ptr); got != n {
			t.Errorf("%q: Find(%q): got %p, want %p", doc.Data, ptr, got, n)
		}
		if got := doc.Offset(ptr); got != n.Start {
			t.Errorf("%q: Offset(%q): got %v, want %v", doc.Data, ptr, got, n.Start)
		}
		switch n.Kind {
		case Number:
			if n.Text != string(raw) {
				t.Errorf("%q: number at %q: got text %q, want %q", doc.Data, ptr, n.Text, raw)
			}
		case String:
			checkRawOffsets(t, doc, n)
		case Array:
			for i, e := range n.Elems {
				walk(e, append(slices.Clip(path), strconv.Itoa(i)))
			}
		case Object:
			for _, m := range n.Members {
				mp := append(slices.Clip(path), m.Key)
				if m.KeyStart < n.Start || m.KeyStart >= n.End || doc.Data[m.KeyStart] != '"' {
					t.Errorf("%q: key %q: KeyStart %d is not an opening quote inside the object", doc.Data, m.Key, m.KeyStart)
				} else {
					dec := json.NewDecoder(bytes.NewReader(doc.Data[m.KeyStart:]))
					if tok, err := dec.Token(); err != nil || tok != m.Key {
						t.Errorf("%q: key at %d: got %q, want %#v (%v)", doc.Data, m.KeyStart, m.Key, tok, err)
					}
				}
				if got := doc.KeyOffset(Pointer(mp...)); got != m.KeyStart {
					t.Errorf("%q: KeyOffset(%q): got %v, want %v", doc.Data, Pointer(mp...), got, m.KeyStart)
				}
				walk(m.Value, mp)
			}
		}
	}
	walk(doc.Root, nil)
}

// checkRawOffsets checks that the raw text between RawOffset(n, i) and
// RawOffset(n, i+1) decodes to exactly the i-th rune of the string.
func checkRawOffsets(t *testing.T, doc *Doc, n *Node) {
	t.Helper()
	runes := []rune(n.Text)
	prev := doc.RawOffset(n, 0)
	if prev != n.Start+1 {
		t.Errorf("%q: RawOffset(%d): got %v, want %v", doc.Data, 0, prev, n.Start+1)
	}
	for i, r := range runes {
		next := doc.RawOffset(n, i+1)
		if next <= prev || next > n.End-1 {
			t.Errorf("%q: RawOffset(%d) = %d, RawOffset(%d) = %d: not increasing inside the string", doc.Data, i, prev, i+1, next)
			return
		}
		var got string
		if err := json.Unmarshal([]byte(`"`+string(doc.Data[prev:next])+`"`), &got); err != nil || got != string(r) {
			t.Errorf("%q: rune %d written as %q: got %q, want %q (%v)", doc.Data, i, doc.Data[prev:next], got, string(r), err)
		}
		prev = next
	}
	if prev != n.End-1 {
		t.Errorf("%q: RawOffset(%d) (end): got %v, want %v", doc.Data, len(runes), prev, n.End-1)
	}
}

func TestParseValid(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"empty object", `{}`},
		{"empty array", `[]`},
		{"object", `{"a":1,"b":"two","c":true,"d":false,"e":null}`},
		{"array of every kind", `[1,"two",true,false,null,{},[]]`},
		{"nested", `{"a":{"b":[1,{"c":[]},[[{"d":{}}]]]},"e":[[[]]]}`},
		{"empty key and value", `{"":""}`},
		{"keys with slash and tilde", `{"a/b":{"c~d":1},"~1":{"/":2}}`},
		{"every simple escape", `"\"\\\/\b\f\n\r\t"`},
		{"unicode escapes", `"\u0041\u00e9\u00E9\u65e5\u0000\u001f\u2028"`},
		{"surrogate pair", `"\ud83d\ude00"`},
		{"surrogate pair upper case", `"\uD83D\uDE00x\uDBFF\uDFFF"`},
		{"raw multibyte", `"é日本😀"`},
		{"raw DEL and U+FFFD", "\"\x7f\xef\xbf\xbd\""},
		{"escaped key", `{"a\"b":1,"\u00e9":2,"\ud83d\ude00":3}`},
		{"zero", `0`},
		{"minus zero", `-0`},
		{"minus zero fraction", `-0.0`},
		{"exponent", `1e5`},
		{"fraction and negative exponent", `1.5E-3`},
		{"signed exponent", `-12.5e+10`},
		{"huge integer", `123456789012345678901234567890`},
		{"numbers in array", `[0,-1,2.50,3e0,4E+01]`},
		{"true", `true`},
		{"false", `false`},
		{"null", `null`},
		{"string", `"s"`},
		{"whitespace around", " \t\r\n{ \"a\" : [ 1 , 2 ] ,\r\n \"b\"\t:\tnull } \n\t\r "},
		{"literals before delimiters", `[true,false,null,{"t":true}]`},
		{"multi-line with CRLF", "{\r\n  \"é\": \"日本\",\r\n  \"😀\": [1, 2]\r\n}\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			want, err := decodeUseNumber(data)
			if err != nil {
				t.Fatalf("test data %q is not valid JSON: %v", data, err)
			}
			for _, lim := range []Limits{DefaultLimits, {}} {
				doc, problems := Parse(data, lim)
				if len(problems) > 0 {
					t.Fatalf("Parse(%q) failed: %v", data, problems)
				}
				if doc.Root == nil {
					t.Fatalf("Parse(%q): got nil Root", data)
				}
				if got := doc.Root.Value(); !reflect.DeepEqual(got, want) {
					t.Errorf("Parse(%q).Root.Value(): got %#v, want %#v", data, got, want)
				}
				trimmed := bytes.TrimLeft(data, " \t\r\n")
				if got, want := doc.Root.Start, len(data)-len(trimmed); got != want {
					t.Errorf("Parse(%q).Root.Start: got %v, want %v", data, got, want)
				}
				if got, want := doc.Root.End, len(bytes.TrimRight(data, " \t\r\n")); got != want {
					t.Errorf("Parse(%q).Root.End: got %v, want %v", data, got, want)
				}
				checkTree(t, doc)
			}
		})
	}
}

func TestParseNodes(t *testing.T) {
	data := []byte(`{"s": "a\nb", "n": -1.5e3, "t": true, "f": false, "z": null, "a": [1]}`)
	doc, problems := Parse(data, DefaultLimits)
	if len(problems) > 0 {
		t.Fatalf("Parse(%q) failed: %v", data, problems)
	}
	tests := []struct {
		ptr  string
		kind Kind
		text string
		b    bool
	}{
		{"", Object, "", false},
		{"/s", String, "a\nb", false},
		{"/n", Number, "-1.5e3", false},
		{"/t", Bool, "", true},
		{"/f", Bool, "", false},
		{"/z", Null, "", false},
		{"/a", Array, "", false},
		{"/a/0", Number, "1", false},
	}
	for _, tt := range tests {
		n := doc.Find(tt.ptr)
		if n == nil {
			t.Errorf("Find(%q): got nil, want a %v", tt.ptr, tt.kind)
			continue
		}
		if n.Kind != tt.kind || n.Text != tt.text || n.Bool != tt.b {
			t.Errorf("Find(%q): got %v %q %v, want %v %q %v", tt.ptr, n.Kind, n.Text, n.Bool, tt.kind, tt.text, tt.b)
		}
	}
	if got, want := doc.Root.Member("n"), doc.Find("/n"); got != want {
		t.Errorf("Member(%q): got %p, want %p", "n", got, want)
	}
	if got := doc.Root.Member("missing"); got != nil {
		t.Errorf("Member(%q): got %v, want nil", "missing", got)
	}
}

func TestKindString(t *testing.T) {
	tests := []struct {
		kind Kind
		want string
	}{
		{Null, "null"}, {Bool, "boolean"}, {Number, "number"},
		{String, "string"}, {Array, "array"}, {Object, "object"},
	}
	for _, tt := range tests {
		if got := tt.kind.String(); got != tt.want {
			t.Errorf("Kind(%d).String(): got %v, want %v", tt.kind, got, tt.want)
		}
	}
}

// nested returns depth arrays (or objects with key "k") around 1.
func nested(depth int, object bool) string {
	if object {
		return strings.Repeat(`{"k":`, depth) + "1" + strings.Repeat("}", depth)
	}
	return strings.Repeat("[", depth) + "1" + strings.Repeat("]", depth)
}

func TestParseProblems(t *testing.T) {
	const dupTail = ": a later key would silently replace the earlier one"
	deep := DefaultLimits.MaxDepth + 1
	tests := []struct {
		name string
		data string
		lim  *Limits // nil: DefaultLimits
		want []Problem
		pos  []string // line:col of each problem, from Doc.Position
	}{
		// The document as a whole.
		{name: "empty document", data: ``,
			want: []Problem{{0, "", "document is empty"}}, pos: []string{"1:1"}},
		{name: "only whitespace", data: " \t\r\n  ",
			want: []Problem{{0, "", "document is empty"}}, pos: []string{"1:1"}},
		{name: "byte order mark", data: "\xef\xbb\xbf{}",
			want: []Problem{{0, "", "document starts with a byte order mark: save it as UTF-8 without one"}}, pos: []string{"1:1"}},
		{name: "trailing word", data: `{} x`,
			want: []Problem{{3, "", `unexpected "x" after the end of the document`}}, pos: []string{"1:4"}},
		{name: "two documents", data: `{}{}`,
			want: []Problem{{2, "", `unexpected "{" after the end of the document`}}, pos: []string{"1:3"}},
		{name: "trailing bracket on next line", data: "[1]\r\n]",
			want: []Problem{{5, "", `unexpected "]" after the end of the document`}}, pos: []string{"2:1"}},

		// Structure.
		{name: "missing colon", data: `{"a" 1}`,
			want: []Problem{{5, "/a", `unexpected "1": want ":" after the key`}}, pos: []string{"1:6"}},
		{name: "missing colon at end", data: `{"a"`,
			want: []Problem{{4, "/a", `unexpected end of input: want ":" after the key`}}, pos: []string{"1:5"}},
		{name: "missing value at end", data: `{"a":`,
			want: []Problem{{5, "/a", `unexpected end of input: a value is missing`}}, pos: []string{"1:6"}},
		{name: "missing comma in object", data: `{"a":1 "b":2}`,
			want: []Problem{{7, "", `missing "," before this member`}}, pos: []string{"1:8"}},
		{name: "missing comma in array", data: `[1 2]`,
			want: []Problem{{3, "", `missing "," before this element`}}, pos: []string{"1:4"}},
		{name: "missing comma in nested array", data: `{"a":[[1],[2 3]]}`,
			want: []Problem{{13, "/a/1", `missing "," before this element`}}, pos: []string{"1:14"}},
		{name: "missing comma before a literal", data: "[\n  {},\n  true\n  null\n]",
			want: []Problem{{17, "", `missing "," before this element`}}, pos: []string{"4:3"}},
		{name: "wrong character after a member", data: `{"a":1 x}`,
			want: []Problem{{7, "", `unexpected "x": want "," or "}"`}}, pos: []string{"1:8"}},
		{name: "wrong bracket after an element", data: `[1 }`,
			want: []Problem{{3, "", `unexpected "}": want "," or "]"`}}, pos: []string{"1:4"}},
		{name: "unclosed array", data: `[1,2`,
			want: []Problem{{4, "", `unexpected end of input: want "," or "]"`}}, pos: []string{"1:5"}},
		{name: "trailing comma in object", data: `{"a":1,}`,
			want: []Problem{{6, "", `trailing comma before "}": remove it`}}, pos: []string{"1:7"}},
		{name: "trailing comma in array", data: `[1,]`,
			want: []Problem{{2, "", `trailing comma before "]": remove it`}}, pos: []string{"1:3"}},
		{name: "trailing comma in nested array", data: "{\n  \"a\": [1,\n  ]\n}",
			want: []Problem{{11, "/a", `trailing comma before "]": remove it`}}, pos: []string{"2:10"}},
		{name: "trailing comma in nested object", data: "[{\"é\": {\"b\": 1,\r\n}}]",
			want: []Problem{{15, "/0/é", `trailing comma before "}": remove it`}}, pos: []string{"1:15"}},
		{name: "comma then end of input", data: `[1,`,
			want: []Problem{{3, "/1", `unexpected end of input: a value is missing`}}, pos: []string{"1:4"}},
		{name: "comma alone in array", data: `[,1]`,
			want: []Problem{{1, "/0", `unexpected ",": want a value`}}, pos: []string{"1:2"}},
		{name: "two commas in array", data: `[1,,2]`,
			want: []Problem{{3, "/1", `unexpected ",": want a value`}}, pos: []string{"1:4"}},
		{name: "line comment before the document", data: "// ladder\n{}",
			want: []Problem{{0, "", `comments are not allowed in JSON`}}, pos: []string{"1:1"}},
		{name: "line comment after a member", data: "{\"a\": 1 // one\n}",
			want: []Problem{{8, "", `comments are not allowed in JSON`}}, pos: []string{"1:9"}},
		{name: "block comment as an element", data: `[1, /* two */ 2]`,
			want: []Problem{{4, "/1", `comments are not allowed in JSON`}}, pos: []string{"1:5"}},
		{name: "block comment in place of a key", data: `{/* k */}`,
			want: []Problem{{1, "", `comments are not allowed in JSON`}}, pos: []string{"1:2"}},
		{name: "comment after the document", data: "{}\n/* end */",
			want: []Problem{{3, "", `comments are not allowed in JSON`}}, pos: []string{"2:1"}},
		{name: "slash alone", data: `[/]`,
			want: []Problem{{1, "/0", `unexpected "/": want a value`}}, pos: []string{"1:2"}},
		{name: "unquoted key", data: `{a:1}`,
			want: []Problem{{1, "", `unexpected "a": want a quoted key`}}, pos: []string{"1:2"}},
		{name: "single-quoted key", data: `{'a':1}`,
			want: []Problem{{1, "", `unexpected "'": want a quoted key`}}, pos: []string{"1:2"}},
		{name: "single-quoted string", data: `['a']`,
			want: []Problem{{1, "/0", `unexpected "'": want a value`}}, pos: []string{"1:2"}},

		// Strings.
		{name: "unterminated string", data: `"abc`,
			want: []Problem{{4, "", `unexpected end of input in a string: the closing quote is missing`}}, pos: []string{"1:5"}},
		{name: "unterminated string in object", data: `{"a":"b`,
			want: []Problem{{7, "/a", `unexpected end of input in a string: the closing quote is missing`}}, pos: []string{"1:8"}},
		{name: "unterminated key", data: `{"ab`,
			want: []Problem{{4, "", `unexpected end of input in a string: the closing quote is missing`}}, pos: []string{"1:5"}},
		{name: "raw newline in string", data: "[\"a\nb\"]",
			want: []Problem{{3, "/0", `unexpected control character '\n' in a string: write it as an escape such as \n`}}, pos: []string{"1:4"}},
		{name: "raw tab in string", data: "{\"k\":\"a\tb\"}",
			want: []Problem{{7, "/k", `unexpected control character '\t' in a string: write it as an escape such as \n`}}, pos: []string{"1:8"}},
		{name: "raw tab after multibyte", data: "{\"k\":\"日\tb\"}",
			want: []Problem{{9, "/k", `unexpected control character '\t' in a string: write it as an escape such as \n`}}, pos: []string{"1:8"}},
		{name: "invalid escape", data: `"\q"`,
			want: []Problem{{2, "", `invalid escape \q in a string`}}, pos: []string{"1:3"}},
		{name: "invalid escape in array", data: `["ok", "a\x"]`,
			want: []Problem{{10, "/1", `invalid escape \x in a string`}}, pos: []string{"1:11"}},
		{name: "backslash at end of input", data: `"\`,
			want: []Problem{{2, "", `unexpected end of input in an escape`}}, pos: []string{"1:3"}},
		{name: "short \\u in array", data: `["\u12"]`,
			want: []Problem{{4, "/0", `invalid \u escape: want four hexadecimal digits`}}, pos: []string{"1:5"}},
		// The closing quote is there: the input has not ended. Currently
		// reported as "unexpected end of input in a \u escape".
		{name: "short \\u at end of document", data: `"\u12"`,
			want: []Problem{{3, "", `invalid \u escape: want four hexadecimal digits`}}, pos: []string{"1:4"}},
		{name: "short \\u near end of document", data: `{"a":"\u"}`,
			want: []Problem{{8, "/a", `invalid \u escape: want four hexadecimal digits`}}, pos: []string{"1:9"}},
		{name: "truncated \\u", data: `"\u12`,
			want: []Problem{{3, "", `unexpected end of input in a \u escape`}}, pos: []string{"1:4"}},
		{name: "invalid hex in \\u", data: `"\u12G4"`,
			want: []Problem{{3, "", `invalid \u escape: want four hexadecimal digits`}}, pos: []string{"1:4"}},
		{name: "sign in \\u", data: `["\u+123"]`,
			want: []Problem{{4, "/0", `invalid \u escape: want four hexadecimal digits`}}, pos: []string{"1:5"}},
		{name: "invalid hex in low surrogate", data: `"\ud83d\uZZZZ"`,
			want: []Problem{{9, "", `invalid \u escape: want four hexadecimal digits`}}, pos: []string{"1:10"}},
		{name: "lone high surrogate", data: `"\ud800"`,
			want: []Problem{{1, "", `unpaired surrogate \ud800 in a string`}}, pos: []string{"1:2"}},
		{name: "lone low surrogate", data: `["\udc00"]`,
			want: []Problem{{2, "/0", `unpaired surrogate \udc00 in a string`}}, pos: []string{"1:3"}},
		{name: "high surrogate before a plain escape", data: `{"k":"\ud83d\u0041"}`,
			want: []Problem{{6, "/k", `unpaired surrogate \ud83d in a string`}}, pos: []string{"1:7"}},
		{name: "surrogates all reported", data: `["\ud800x", "\udc00", "\ud800\ud800"]`,
			want: []Problem{
				{2, "/0", `unpaired surrogate \ud800 in a string`},
				{13, "/1", `unpaired surrogate \udc00 in a string`},
				{23, "/2", `unpaired surrogate \ud800 in a string`},
				{29, "/2", `unpaired surrogate \ud800 in a string`},
			}, pos: []string{"1:3", "1:14", "1:24", "1:30"}},
		{name: "surrogate then syntax error", data: `["\ud800", tru]`,
			want: []Problem{
				{2, "/0", `unpaired surrogate \ud800 in a string`},
				{11, "/1", `unexpected "t": want a value`},
			}, pos: []string{"1:3", "1:12"}},

		// UTF-8.
		{name: "invalid UTF-8 in a string", data: "[\"a\xffb\"]",
			want: []Problem{{3, "/0", `invalid UTF-8 byte "\xff" in a string`}}, pos: []string{"1:4"}},
		{name: "invalid UTF-8 all reported", data: "{\"a/b\":[\"\xfe\",\"ok\xc3\"],\"c~\":\"\xe9t\xe9\"}",
			want: []Problem{
				{9, "/a~1b/0", `invalid UTF-8 byte "\xfe" in a string`},
				{15, "/a~1b/1", `invalid UTF-8 byte "\xc3" in a string`},
				{25, "/c~0", `invalid UTF-8 byte "\xe9" in a string`},
				{27, "/c~0", `invalid UTF-8 byte "\xe9" in a string`},
			}, pos: []string{"1:10", "1:16", "1:26", "1:28"}},
		{name: "invalid UTF-8 after multibyte on second line", data: "{\n\"é\":\"日\xff\"}",
			want: []Problem{{11, "/é", `invalid UTF-8 byte "\xff" in a string`}}, pos: []string{"2:7"}},
		{name: "invalid UTF-8 in a key", data: "{\"k\xff\":1}",
			want: []Problem{{3, "", `invalid UTF-8 byte "\xff" in a string`}}, pos: []string{"1:4"}},
		{name: "invalid UTF-8 then syntax error", data: "[\"\xff\" \"x\"]",
			want: []Problem{
				{2, "/0", `invalid UTF-8 byte "\xff" in a string`},
				{5, "", `missing "," before this element`},
			}, pos: []string{"1:3", "1:6"}},
		{name: "invalid UTF-8 as the document", data: "\xff",
			want: []Problem{{0, "", `unexpected invalid UTF-8: want a value`}}, pos: []string{"1:1"}},
		{name: "invalid UTF-8 as a value", data: "[1,\xff]",
			want: []Problem{{3, "/1", `unexpected invalid UTF-8: want a value`}}, pos: []string{"1:4"}},
		{name: "invalid UTF-8 after the document", data: "{} \xff",
			want: []Problem{{3, "", `unexpected invalid UTF-8 after the end of the document`}}, pos: []string{"1:4"}},
		{name: "control character as a value", data: "[\x01]",
			want: []Problem{{1, "/0", `unexpected control character '\x01': want a value`}}, pos: []string{"1:2"}},

		// Duplicate keys.
		{name: "duplicate key at root", data: `{"a":1,"a":2}`,
			want: []Problem{{7, "/a", `duplicate key "a" (first at 1:2)` + dupTail}}, pos: []string{"1:8"}},
		{name: "duplicate key nested on another line", data: "{\n  \"é\": {\"日本\": 1,\n        \"日本\": 2}\n}",
			want: []Problem{{32, "/é/日本", `duplicate key "日本" (first at 2:9)` + dupTail}}, pos: []string{"3:9"}},
		{name: "duplicate key in an array element", data: `[{"x":1},{"x":1,"x":2}]`,
			want: []Problem{{16, "/1/x", `duplicate key "x" (first at 1:11)` + dupTail}}, pos: []string{"1:17"}},
		{name: "duplicate key written with an escape", data: `{"a":1,"\u0061":2}`,
			want: []Problem{{7, "/a", `duplicate key "a" (first at 1:2)` + dupTail}}, pos: []string{"1:8"}},
		{name: "duplicate key with slash and tilde", data: `{"a/~":1,"a/~":2}`,
			want: []Problem{{9, "/a~1~0", `duplicate key "a/~" (first at 1:2)` + dupTail}}, pos: []string{"1:10"}},
		{name: "duplicate key after CRLF and CR line ends", data: "{\r\n \"a\": 1,\r \"a\": 2}",
			want: []Problem{{13, "/a", `duplicate key "a" (first at 2:2)` + dupTail}}, pos: []string{"3:2"}},
		{name: "key three times", data: `{"a":1,"a":2,"a":3}`,
			want: []Problem{
				{7, "/a", `duplicate key "a" (first at 1:2)` + dupTail},
				{13, "/a", `duplicate key "a" (first at 1:2)` + dupTail},
			}, pos: []string{"1:8", "1:14"}},
		{name: "duplicates then syntax error", data: `{"a":1,"b":{"c":1,"c":2},"a":3,"b":4,}`,
			want: []Problem{
				{18, "/b/c", `duplicate key "c" (first at 1:13)` + dupTail},
				{25, "/a", `duplicate key "a" (first at 1:2)` + dupTail},
				{31, "/b", `duplicate key "b" (first at 1:8)` + dupTail},
				{36, "", `trailing comma before "}": remove it`},
			}, pos: []string{"1:19", "1:26", "1:32", "1:37"}},

		// Numbers.
		{name: "leading zero", data: `01`,
			want: []Problem{{1, "", `unexpected "1" in a number`}}, pos: []string{"1:2"}},
		{name: "negative leading zero in object", data: `{"n":-01}`,
			want: []Problem{{7, "/n", `unexpected "1" in a number`}}, pos: []string{"1:8"}},
		{name: "minus alone", data: `-`,
			want: []Problem{{1, "", `unexpected end of input: want a digit`}}, pos: []string{"1:2"}},
		{name: "minus in array", data: `[-]`,
			want: []Problem{{2, "/0", `unexpected "]": want a digit`}}, pos: []string{"1:3"}},
		{name: "minus Infinity", data: `-Infinity`,
			want: []Problem{{1, "", `unexpected "I": want a digit`}}, pos: []string{"1:2"}},
		{name: "no digit after point", data: `1.`,
			want: []Problem{{2, "", `unexpected end of input: want a digit after the decimal point`}}, pos: []string{"1:3"}},
		{name: "no digit after point in array", data: `[1.]`,
			want: []Problem{{3, "/0", `unexpected "]": want a digit after the decimal point`}}, pos: []string{"1:4"}},
		{name: "no leading digit", data: `.5`,
			want: []Problem{{0, "", `unexpected ".": want a value`}}, pos: []string{"1:1"}},
		{name: "empty exponent", data: `1e`,
			want: []Problem{{2, "", `unexpected end of input: want a digit in the exponent`}}, pos: []string{"1:3"}},
		{name: "signed empty exponent", data: `[1E+]`,
			want: []Problem{{4, "/0", `unexpected "]": want a digit in the exponent`}}, pos: []string{"1:5"}},
		{name: "plus sign", data: `+1`,
			want: []Problem{{0, "", `unexpected "+": want a value`}}, pos: []string{"1:1"}},
		{name: "two points", data: `1.5.2`,
			want: []Problem{{3, "", `unexpected "." in a number`}}, pos: []string{"1:4"}},
		{name: "letter after number", data: `[12x]`,
			want: []Problem{{3, "/0", `unexpected "x" in a number`}}, pos: []string{"1:4"}},
		{name: "NaN", data: `NaN`,
			want: []Problem{{0, "", `unexpected "N": want a value`}}, pos: []string{"1:1"}},
		{name: "Infinity", data: `{"x":Infinity}`,
			want: []Problem{{5, "/x", `unexpected "I": want a value`}}, pos: []string{"1:6"}},

		// Literals.
		{name: "tru", data: `tru`,
			want: []Problem{{0, "", `unexpected "t": want a value`}}, pos: []string{"1:1"}},
		{name: "nul", data: `[nul]`,
			want: []Problem{{1, "/0", `unexpected "n": want a value`}}, pos: []string{"1:2"}},
		{name: "truex", data: `truex`,
			want: []Problem{{0, "", `unexpected "t": want a value`}}, pos: []string{"1:1"}},
		{name: "fals in array", data: `[true,fals]`,
			want: []Problem{{6, "/1", `unexpected "f": want a value`}}, pos: []string{"1:7"}},
		{name: "capitalised literal", data: `True`,
			want: []Problem{{0, "", `unexpected "T": want a value`}}, pos: []string{"1:1"}},

		// Pointers with "/" and "~" in keys.
		{name: "pointer escapes", data: "{\"a/b\":{\"c~d\":[1,\"x\ty\"]}}",
			want: []Problem{{19, "/a~1b/c~0d/1", `unexpected control character '\t' in a string: write it as an escape such as \n`}}, pos: []string{"1:20"}},
		{name: "pointer of keys ~1 and /", data: `{"~1":{"/":x}}`,
			want: []Problem{{11, "/~01/~1", `unexpected "x": want a value`}}, pos: []string{"1:12"}},

		// Limits. A nesting problem has no pointer: it would be as deep as
		// the nesting.
		{name: "arrays deeper than MaxDepth", data: `[[[[1]]]]`, lim: &Limits{MaxDepth: 3},
			want: []Problem{{3, "", "nesting is deeper than the limit of 3 levels"}}, pos: []string{"1:4"}},
		{name: "objects deeper than MaxDepth", data: `{"a":{"b":{"c":{}}}}`, lim: &Limits{MaxDepth: 3},
			want: []Problem{{15, "", "nesting is deeper than the limit of 3 levels"}}, pos: []string{"1:16"}},
		{name: "mixed deeper than MaxDepth", data: `[{"a":[[]]}]`, lim: &Limits{MaxDepth: 3},
			want: []Problem{{7, "", "nesting is deeper than the limit of 3 levels"}}, pos: []string{"1:8"}},
		{name: "arrays deeper than DefaultLimits", data: nested(deep, false),
			want: []Problem{{64, "", "nesting is deeper than the limit of 64 levels"}}, pos: []string{"1:65"}},
		{name: "objects deeper than DefaultLimits", data: nested(deep, true),
			want: []Problem{{64 * 5, "", "nesting is deeper than the limit of 64 levels"}}, pos: []string{"1:321"}},
		{name: "document over MaxBytes", data: `[1, 2]`, lim: &Limits{MaxBytes: 5},
			want: []Problem{{0, "", "document is 6 bytes, over the limit of 5"}}, pos: []string{"1:1"}},
		{name: "invalid document over MaxBytes", data: `[1, 2,`, lim: &Limits{MaxBytes: 5},
			want: []Problem{{0, "", "document is 6 bytes, over the limit of 5"}}, pos: []string{"1:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lim := DefaultLimits
			if tt.lim != nil {
				lim = *tt.lim
			}
			data := []byte(tt.data)
			doc, got := Parse(data, lim)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q): got %v, want %v", data, got, tt.want)
			}
			if doc == nil {
				t.Fatalf("Parse(%q): got nil Doc", data)
			}
			if doc.Root != nil {
				t.Errorf("Parse(%q): got Root %v, want nil with problems", data, doc.Root.Value())
			}
			if !bytes.Equal(doc.Data, data) {
				t.Errorf("Parse(%q): got Data %q, want the input", data, doc.Data)
			}
			for i, p := range got {
				if i >= len(tt.pos) {
					break
				}
				if pos := lineColOf(doc, p.Offset); pos != tt.pos[i] {
					t.Errorf("Parse(%q): problem %d (%q) at offset %d: got %v, want %v", data, i, p.Message, p.Offset, pos, tt.pos[i])
				}
			}
			if len(tt.pos) != len(tt.want) {
				t.Fatalf("test row has %d positions for %d problems", len(tt.pos), len(tt.want))
			}
		})
	}
}

// duplicateKeys builds a document of n pairs of duplicate keys, and the
// offset of the second key of each pair.
func duplicateKeys(n int) ([]byte, []int) {
	var b strings.Builder
	b.WriteString("{\n")
	seconds := make([]int, n) // offset of the second key of each pair
	for i := range n {
		fmt.Fprintf(&b, "  \"%d\": 1,\n  ", i)
		seconds[i] = b.Len()
		fmt.Fprintf(&b, "\"%d\": 2,\n", i)
	}
	b.WriteString("  \"end\": 0\n}\n")
	return []byte(b.String()), seconds
}

// TestParseManyDuplicateKeys checks that every duplicate key of a large
// document is reported with the line and column of the first key.
// BenchmarkParseDuplicateKeys shows the time it takes grows linearly with
// the size of the document: a document within DefaultLimits.MaxBytes must
// not hold a server for minutes, as it did when each message counted lines
// from the start.
func TestParseManyDuplicateKeys(t *testing.T) {
	const n = 32000
	data, seconds := duplicateKeys(n)
	_, problems := Parse(data, DefaultLimits)
	if len(problems) != n {
		t.Fatalf("Parse: got %d problems, want %d", len(problems), n)
	}
	for i, p := range problems {
		key := strconv.Itoa(i)
		want := Problem{
			Offset:  seconds[i],
			Pointer: "/" + key,
			Message: fmt.Sprintf("duplicate key %q (first at %d:3): a later key would silently replace the earlier one", key, 2+2*i),
		}
		if p != want {
			t.Fatalf("problem %d: got %v, want %v", i, p, want)
		}
	}
}

// BenchmarkParseDuplicateKeys parses documents of 4,000 and 32,000
// duplicate keys: the time per key stays the same.
func BenchmarkParseDuplicateKeys(b *testing.B) {
	for _, n := range []int{4000, 32000} {
		data, _ := duplicateKeys(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Parse(data, DefaultLimits)
			}
		})
	}
}

func TestParseLimits(t *testing.T) {
	tests := []struct {
		name string
		data string
		lim  Limits
	}{
		{"arrays exactly MaxDepth", `[[[1]]]`, Limits{MaxDepth: 3}},
		{"objects exactly MaxDepth", `{"a":{"b":{"c":1}}}`, Limits{MaxDepth: 3}},
		{"siblings do not add depth", `[[[1]],[[2]],{"a":[3]}]`, Limits{MaxDepth: 3}},
		{"arrays exactly DefaultLimits", nested(DefaultLimits.MaxDepth, false), DefaultLimits},
		{"objects exactly DefaultLimits", nested(DefaultLimits.MaxDepth, true), DefaultLimits},
		{"scalar with MaxDepth 1", `1`, Limits{MaxDepth: 1}},
		{"exactly MaxBytes", `[1, 2]`, Limits{MaxBytes: 6}},
		{"MaxDepth 0 is no limit", nested(5000, false), Limits{MaxBytes: 1 << 20}},
		{"MaxDepth 0 is no limit for objects", nested(2000, true), Limits{MaxBytes: 1 << 20}},
		{"MaxBytes 0 is no limit", `[` + strings.Repeat(`"0123456789",`, 1<<17) + `0]`, Limits{MaxDepth: 2}},
		{"zero Limits are no limits", nested(3000, false), Limits{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			doc, problems := Parse(data, tt.lim)
			if len(problems) > 0 {
				t.Fatalf("Parse(%q) failed: %v", truncate(data), problems)
			}
			if doc.Root == nil {
				t.Fatalf("Parse(%q): got nil Root", truncate(data))
			}
			want, err := decodeUseNumber(data)
			if err != nil {
				t.Fatalf("test data is not valid JSON: %v", err)
			}
			if got := doc.Root.Value(); !reflect.DeepEqual(got, want) {
				t.Errorf("Parse(%q).Root.Value(): got %v, want %v", truncate(data), got, want)
			}
		})
	}
}

func truncate(data []byte) []byte {
	if len(data) > 60 {
		return append(data[:60:60], "..."...)
	}
	return data
}

// positionDocs are multi-line documents with multibyte characters and both
// line endings.
var positionDocs = []string{
	"",
	"\n",
	"\n\n",
	"{}",
	"{\r\n  \"é\": \"日本\",\r\n  \"😀\": 1\r\n}",
	"{\r\n  \"é\": \"日本\",\r\n  \"😀\": 1\r\n}\r\n",
	"[\n\"é😀\",\n\n  \"\\u00e9\" ,\"日本\"\n]\n",
	"\t\"x\"\n\r\n日\n本\n",
	"a\xffb\nc",                       // invalid UTF-8 counts as one character a byte
	"{\r  \"a\": 1,\r  \"b\": 2\r}\r", // the line ends of the old Mac OS
	"\r\r\n\n\r",
}

// A lone \r ends a line, as \n and \r\n do: a document saved with the line
// ends of the old Mac OS has its problems on their lines.
func TestPositionOfCROnlyLines(t *testing.T) {
	data := []byte("{\r  \"a\": 1,\r  \"a\": 2\r}")
	doc, problems := Parse(data, DefaultLimits)
	if len(problems) != 1 {
		t.Fatalf("got %v, want one duplicate key", problems)
	}
	if line, col := doc.Position(problems[0].Offset); line != 3 || col != 3 {
		t.Errorf("the duplicate key is at %d:%d, want 3:3", line, col)
	}
	if want := `duplicate key "a" (first at 2:3)`; !strings.HasPrefix(problems[0].Message, want) {
		t.Errorf("got %q, want it to start with %q", problems[0].Message, want)
	}
	for _, tc := range []struct {
		data      string
		off       int
		line, col int
	}{
		{"a\rb", 2, 2, 1},
		{"a\r\nb", 3, 2, 1},
		{"a\r\nb", 2, 1, 3}, // the \n of a \r\n is on its line
		{"a\r\rb", 3, 3, 1},
		{"a\n\rb", 3, 3, 1},
	} {
		if line, col := Position([]byte(tc.data), tc.off); line != tc.line || col != tc.col {
			t.Errorf("Position(%q, %d) = %d:%d, want %d:%d", tc.data, tc.off, line, col, tc.line, tc.col)
		}
	}
}

func TestPosition(t *testing.T) {
	// Byte offsets in this document:
	//   0 {  1 \r  2 \n
	//   3 sp 4 sp 5 " 6-7 é 8 " 9 : 10 sp 11 " 12-14 日 15-17 本 18 " 19 , 20 \r 21 \n
	//   22 sp 23 sp 24 " 25-28 😀 29 " 30 : 31 sp 32 1 33 \r 34 \n
	//   35 }
	const data = "{\r\n  \"é\": \"日本\",\r\n  \"😀\": 1\r\n}"
	tests := []struct {
		off       int
		line, col int
	}{
		{0, 1, 1},
		{1, 1, 2},
		{2, 1, 3},
		{3, 2, 1},
		{5, 2, 3},
		{6, 2, 4},
		{8, 2, 5},
		{11, 2, 8},
		{12, 2, 9},
		{15, 2, 10},
		{18, 2, 11},
		{19, 2, 12},
		{22, 3, 1},
		{24, 3, 3},
		{25, 3, 4},
		{29, 3, 5},
		{32, 3, 8},
		{35, 4, 1},
		{36, 4, 2},   // end of the document
		{37, 4, 2},   // past the end: clamped
		{1000, 4, 2}, // far past the end: clamped
	}
	if len(data) != 36 {
		t.Fatalf("test data is %d bytes, want 36", len(data))
	}
	doc := &Doc{Data: []byte(data)}
	for _, tt := range tests {
		line, col := Position([]byte(data), tt.off)
		if line != tt.line || col != tt.col {
			t.Errorf("Position(%d): got %v:%v, want %v:%v", tt.off, line, col, tt.line, tt.col)
		}
		line, col = doc.Position(tt.off)
		if line != tt.line || col != tt.col {
			t.Errorf("Doc.Position(%d): got %v:%v, want %v:%v", tt.off, line, col, tt.line, tt.col)
		}
	}
}

func TestPositionAgree(t *testing.T) {
	for _, data := range positionDocs {
		doc := &Doc{Data: []byte(data)}
		for off := 0; off <= len(data)+3; off++ {
			l1, c1 := Position([]byte(data), off)
			l2, c2 := doc.Position(off)
			if l1 != l2 || c1 != c2 {
				t.Errorf("%q at %d: got Position %v:%v and Doc.Position %v:%v, want them equal", data, off, l1, c1, l2, c2)
			}
			// Reference: count lines and characters directly, a line
			// ending at \n, \r\n or a lone \r.
			o := min(off, len(data))
			norm := strings.ReplaceAll(strings.ReplaceAll(data, "\r\n", "\x00\n"), "\r", "\n")
			wantLine := 1 + strings.Count(norm[:o], "\n")
			wantCol := 1 + utf8.RuneCountInString(norm[strings.LastIndexByte(norm[:o], '\n')+1:o])
			if l2 != wantLine || c2 != wantCol {
				t.Errorf("%q at %d: got %v:%v, want %v:%v", data, off, l2, c2, wantLine, wantCol)
			}
		}
	}
}

// TestPositionNegativeOffset checks that Position clamps a negative offset
// as Doc.Position does, instead of panicking.
func TestPositionNegativeOffset(t *testing.T) {
	for _, data := range positionDocs {
		for _, off := range []int{-1, -100} {
			doc := &Doc{Data: []byte(data)}
			if line, col := doc.Position(off); line != 1 || col != 1 {
				t.Errorf("%q: Doc.Position(%d): got %v:%v, want 1:1", data, off, line, col)
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%q: Position(%d) panicked: %v; want 1:1 like Doc.Position", data, off, r)
					}
				}()
				if line, col := Position([]byte(data), off); line != 1 || col != 1 {
					t.Errorf("%q: Position(%d): got %v:%v, want 1:1", data, off, line, col)
				}
			}()
		}
	}
}

func TestFindOffsetKeyOffset(t *testing.T) {
	const data = `{"a": {"b": [10, {"c/d": true, "e~f": null}], "": "empty"},
 "x": "s", "a b": 11, "é": 12, "q\"t": 13, "\u00e8\u00e8": 14, "0": 15}`
	doc, problems := Parse([]byte(data), DefaultLimits)
	if len(problems) > 0 {
		t.Fatalf("Parse(%q) failed: %v", data, problems)
	}
	// at returns the offset of a piece of data that occurs once.
	at := func(s string) int {
		t.Helper()
		if strings.Count(data, s) != 1 {
			t.Fatalf("%q occurs %d times in the test data, want once", s, strings.Count(data, s))
		}
		return strings.Index(data, s)
	}
	tests := []struct {
		name  string
		ptr   string
		found bool // whether Find gives a node, starting at off
		off   int  // Offset
		key   int  // KeyOffset
	}{
		{"root", "", true, 0, 0},
		{"object member", "/a", true, at(`{"b"`), at(`"a"`)},
		{"nested member", "/a/b", true, at(`[10`), at(`"b"`)},
		{"array element", "/a/b/0", true, at(`10`), at(`10`)},
		{"object in array", "/a/b/1", true, at(`{"c/d"`), at(`{"c/d"`)},
		{"key with slash", "/a/b/1/c~1d", true, at(`true`), at(`"c/d"`)},
		{"key with tilde", "/a/b/1/e~0f", true, at(`null`), at(`"e~f"`)},
		{"empty key", "/a/", true, at(`"empty"`), at(`""`)},
		{"string member", "/x", true, at(`"s"`), at(`"x"`)},
		{"key with space", "/a b", true, at(`11`), at(`"a b"`)},
		{"multibyte key", "/é", true, at(`12`), at(`"é"`)},
		{"key with escaped quote", `/q"t`, true, at(`13`), at(`"q\"t"`)},
		{"key written with \\u escapes", "/èè", true, at(`14`), at(`"\u00e8`)},
		{"numeric key in object", "/0", true, at(`15`), at(`"0"`)},
		{"missing member", "/a/zz", false, at(`{"b"`), at(`{"b"`)},
		{"missing member of missing member", "/a/zz/yy", false, at(`{"b"`), at(`{"b"`)},
		{"missing member of root", "/nope", false, 0, 0},
		{"escaped key not unescaped", "/a/b/1/c/d", false, at(`{"c/d"`), at(`{"c/d"`)},
		{"index out of range", "/a/b/2", false, at(`[10`), at(`[10`)},
		{"negative index", "/a/b/-1", false, at(`[10`), at(`[10`)},
		{"past-the-end index", "/a/b/-", false, at(`[10`), at(`[10`)},
		{"non-numeric index", "/a/b/x", false, at(`[10`), at(`[10`)},
		{"through a number", "/a/b/0/z", false, at(`10`), at(`10`)},
		{"through a string", "/x/0", false, at(`"s"`), at(`"s"`)},
		{"through null", "/a/b/1/e~0f/g", false, at(`null`), at(`null`)},
		{"through a boolean deeper", "/a/b/1/c~1d/g/h", false, at(`true`), at(`true`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := doc.Find(tt.ptr)
			switch {
			case tt.found && n == nil:
				t.Errorf("Find(%q): got nil, want the node at %d", tt.ptr, tt.off)
			case tt.found && n.Start != tt.off:
				t.Errorf("Find(%q).Start: got %v, want %v", tt.ptr, n.Start, tt.off)
			case !tt.found && n != nil:
				t.Errorf("Find(%q): got the node at %d, want nil", tt.ptr, n.Start)
			}
			if got := doc.Offset(tt.ptr); got != tt.off {
				t.Errorf("Offset(%q): got %v, want %v", tt.ptr, got, tt.off)
			}
			if got := doc.KeyOffset(tt.ptr); got != tt.key {
				t.Errorf("KeyOffset(%q): got %v, want %v", tt.ptr, got, tt.key)
			}
		})
	}
	checkTree(t, doc)
}

// TestFindNonCanonicalIndex checks that array indexes follow RFC 6901:
// "0" or digits without a leading zero, nothing else.
func TestFindNonCanonicalIndex(t *testing.T) {
	const data = `{"a": [10, 11, 12]}`
	doc, problems := Parse([]byte(data), DefaultLimits)
	if len(problems) > 0 {
		t.Fatalf("Parse(%q) failed: %v", data, problems)
	}
	for _, ptr := range []string{"/a/01", "/a/+1", "/a/-0", "/a/00", "/a/ 1"} {
		if n := doc.Find(ptr); n != nil {
			t.Errorf("Find(%q): got the node %s at %d, want nil", ptr, doc.Data[n.Start:n.End], n.Start)
		}
		if got, want := doc.Offset(ptr), strings.Index(data, "["); got != want {
			t.Errorf("Offset(%q): got %v, want %v", ptr, got, want)
		}
	}
}

func TestFindWithoutRoot(t *testing.T) {
	doc, problems := Parse([]byte(`{"a":`), DefaultLimits)
	if len(problems) == 0 {
		t.Fatalf("Parse(%q): got no problems, want some", `{"a":`)
	}
	for _, ptr := range []string{"", "/a", "/a/0"} {
		if n := doc.Find(ptr); n != nil {
			t.Errorf("Find(%q): got %v, want nil", ptr, n)
		}
		if got := doc.Offset(ptr); got != 0 {
			t.Errorf("Offset(%q): got %v, want 0", ptr, got)
		}
		if got := doc.KeyOffset(ptr); got != 0 {
			t.Errorf("KeyOffset(%q): got %v, want 0", ptr, got)
		}
	}
}

func TestRawOffset(t *testing.T) {
	tests := []struct {
		name   string
		prefix string   // document up to the string's opening quote
		pieces []string // how each rune of the string is written
		suffix string   // document after the closing quote
	}{
		{"empty", ``, nil, ``},
		{"ascii", ``, []string{`a`, `b`, `c`}, ``},
		{"simple escapes", `[`, []string{`\n`, `\"`, `\\`, `\/`, `\b`, `\f`, `\r`, `\t`, `x`}, `]`},
		{"unicode escapes", `{"k": `, []string{`\u00e9`, `\u00E9`, `\u0000`, `a`, `\u65e5`}, `}`},
		{"surrogate pairs", `[1, `, []string{`\ud83d\ude00`, `x`, `\uD83D\uDE00`, `\udbff\udfff`}, `]`},
		{"raw multibyte", "{\n  \"é\": ", []string{`é`, `日`, `本`, `😀`, `a`}, "\n}"},
		{"everything", "{\r\n\"k\":\r\n", []string{`a`, `\n`, `b`, `\"`, `c`, `\\`, `d`, `\u00e9`, `é`, `日`, `😀`, `\ud83d\ude00`, `\/`, `z`}, "}\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := `"` + strings.Join(tt.pieces, "") + `"`
			data := []byte(tt.prefix + raw + tt.suffix)
			doc, problems := Parse(data, DefaultLimits)
			if len(problems) > 0 {
				t.Fatalf("Parse(%q) failed: %v", data, problems)
			}
			var n *Node
			for _, ptr := range []string{"", "/0", "/1", "/k", "/é"} {
				if m := doc.Find(ptr); m != nil && m.Kind == String {
					n = m
				}
			}
			if n == nil || n.Start != len(tt.prefix) {
				t.Fatalf("Parse(%q): string node not found at %d", data, len(tt.prefix))
			}
			if got := utf8.RuneCountInString(n.Text); got != len(tt.pieces) {
				t.Fatalf("Parse(%q): got %d runes in %q, want %d", data, got, n.Text, len(tt.pieces))
			}
			off := n.Start + 1
			for i, piece := range tt.pieces {
				if got := doc.RawOffset(n, i); got != off {
					t.Errorf("Parse(%q): RawOffset(%d) (%s): got %v, want %v", data, i, piece, got, off)
				}
				off += len(piece)
			}
			// After the last rune, and past it: the closing quote.
			for _, i := range []int{len(tt.pieces), len(tt.pieces) + 1, len(tt.pieces) + 10} {
				if got := doc.RawOffset(n, i); got != off {
					t.Errorf("Parse(%q): RawOffset(%d) (end): got %v, want %v", data, i, got, off)
				}
			}
			checkRawOffsets(t, doc, n)
		})
	}
}

func TestPointer(t *testing.T) {
	tests := []struct {
		tokens []string
		ptr    string
	}{
		{nil, ""},
		{[]string{""}, "/"},
		{[]string{"", ""}, "//"},
		{[]string{"~"}, "/~0"},
		{[]string{"/"}, "/~1"},
		{[]string{"a/b~c"}, "/a~1b~0c"},
		{[]string{"~1"}, "/~01"},
		{[]string{"~0"}, "/~00"},
		{[]string{"/~"}, "/~1~0"},
		{[]string{"a", "b", "0"}, "/a/b/0"},
		{[]string{"levels", "3", "rules", "a b"}, "/levels/3/rules/a b"},
		{[]string{"é", "日本", "😀"}, "/é/日本/😀"},
	}
	for _, tt := range tests {
		if got := Pointer(tt.tokens...); got != tt.ptr {
			t.Errorf("Pointer(%q): got %q, want %q", tt.tokens, got, tt.ptr)
		}
		if got := SplitPointer(tt.ptr); !slices.Equal(got, tt.tokens) {
			t.Errorf("SplitPointer(%q): got %q, want %q", tt.ptr, got, tt.tokens)
		}
		if got := Pointer(SplitPointer(tt.ptr)...); got != tt.ptr {
			t.Errorf("Pointer(SplitPointer(%q)): got %q, want %q", tt.ptr, got, tt.ptr)
		}
	}
}

func TestPrintablePointer(t *testing.T) {
	tests := []struct {
		ptr, want string
	}{
		{"", ""},
		{"/a/0/b", "/a/0/b"},
		{"/a~1b/c~0d", "/a~1b/c~0d"},
		{"/é/日本/😀", "/é/日本/😀"},
		{"/a b", "/a b"},
		{"/a\nb", `"/a\nb"`},
		{"/a\tb", `"/a\tb"`},
		{"/\x00", `"/\x00"`},
		{"/\u200b", `"/\u200b"`},
		{"/\"q\"\n", `"/\"q\"\n"`},
	}
	for _, tt := range tests {
		if got := PrintablePointer(tt.ptr); got != tt.want {
			t.Errorf("PrintablePointer(%q): got %v, want %v", tt.ptr, got, tt.want)
		}
	}
}

// The cursor gives the positions Doc.Position gives, for offsets in
// increasing order and out of order, on long lines and short ones.
func TestCursor(t *testing.T) {
	for _, doc := range []string{
		"{\"é\": [1, 2, \"日本\"], \"b\": {\"c\": \"😀\"}}",
		"[\n  1,\r\n  \"é\",\n\n  {\"a\": 2}\n]\n",
	} {
		d, problems := Parse([]byte(doc), Limits{})
		if len(problems) > 0 {
			t.Fatal(problems)
		}
		c := d.Cursor()
		for off := range len(doc) + 1 {
			line, col := c.Position(off)
			wl, wc := d.Position(off)
			if line != wl || col != wc {
				t.Errorf("%q: Cursor.Position(%d) = %d:%d, want %d:%d", doc, off, line, col, wl, wc)
			}
		}
		for _, off := range []int{len(doc) / 2, 1, len(doc), 0, -1, len(doc) + 5} {
			line, col := c.Position(off)
			if wl, wc := d.Position(off); line != wl || col != wc {
				t.Errorf("%q: Cursor.Position(%d) = %d:%d, want %d:%d", doc, off, line, col, wl, wc)
			}
		}
	}
}

// hasDuplicateKey reports whether valid JSON has an object with the same
// (decoded) key twice.
func hasDuplicateKey(data []byte) bool {
	type frame struct {
		object, wantKey bool
		keys            map[string]bool
	}
	var stack []*frame
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			continue
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.object && top.wantKey {
			k := tok.(string)
			if top.keys[k] {
				return true
			}
			top.keys[k], top.wantKey = true, false
			continue
		}
		if top != nil && top.object {
			top.wantKey = true // after this value
		}
		if d, ok := tok.(json.Delim); ok {
			stack = append(stack, &frame{object: d == '{', wantKey: true, keys: map[string]bool{}})
		}
	}
}

// hasLoneSurrogate reports whether valid JSON has a \u escape of a UTF-16
// surrogate that is not half of a pair: encoding/json turns it into U+FFFD,
// Parse reports it.
func hasLoneSurrogate(data []byte) bool {
	hex := func(b []byte) rune {
		v, _ := strconv.ParseUint(string(b), 16, 32)
		return rune(v)
	}
	in := false
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case !in:
			in = c == '"'
		case c == '"':
			in = false
		case c == '\\' && data[i+1] != 'u':
			i++
		case c == '\\':
			r := hex(data[i+2 : i+6])
			i += 5
			if !utf16.IsSurrogate(r) {
				continue
			}
			if r < 0xdc00 && i+6 < len(data) && data[i+1] == '\\' && data[i+2] == 'u' &&
				utf16.DecodeRune(r, hex(data[i+3:i+7])) != utf8.RuneError {
				i += 6
				continue
			}
			return true
		}
	}
	return false
}

func TestHelpers(t *testing.T) {
	tests := []struct {
		data           string
		dup, surrogate bool
	}{
		{`{}`, false, false},
		{`{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}`, false, false},
		{`{"a":1,"a":2}`, true, false},
		{`[{"x":{},"y":[],"x":0}]`, true, false},
		{`{"a":{"b":1},"a":2}`, true, false},
		{`{"a":1,"\u0061":2}`, true, false},
		{`{"k":"a"}`, false, false},
		{`"\ud83d\ude00"`, false, false},
		{`"\\ud800"`, false, false},
		{`"\ud800"`, false, true},
		{`"\udc00\ud800"`, false, true},
		{`"\ud800\u0041"`, false, true},
		{`["\ud800\ud800\udc00"]`, false, true},
		{`["\ud83d\ude00", "\ude00"]`, false, true},
	}
	for _, tt := range tests {
		if got := hasDuplicateKey([]byte(tt.data)); got != tt.dup {
			t.Errorf("hasDuplicateKey(%q): got %v, want %v", tt.data, got, tt.dup)
		}
		if got := hasLoneSurrogate([]byte(tt.data)); got != tt.surrogate {
			t.Errorf("hasLoneSurrogate(%q): got %v, want %v", tt.data, got, tt.surrogate)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		``,
		`{}`,
		`{"a":[1,"two",true,false,null,{"b":-0.5e+3}]}`,
		`"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"`,
		"{\r\n  \"é\": \"日本😀\"\r\n}\r\n",
		"\xef\xbb\xbf{}",
		`{} x`,
		`{"a" 1}`,
		`[1,]`,
		`{"a":1,"a":2}`,
		`["\ud800", "\udc00"]`,
		"[\"a\xffb\"]",
		`"\u12"`,
		`1.5.2`,
		`truex`,
		`[[[[[[[[1]]]]]]]]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, problems := Parse(data, Limits{})
		if doc == nil {
			t.Fatalf("Parse(%q): got nil Doc", data)
		}
		for _, p := range problems {
			if p.Offset < 0 || p.Offset > len(data) {
				t.Errorf("Parse(%q): problem %q at offset %d, want within [0,%d]", data, p.Message, p.Offset, len(data))
			}
			if p.Message == "" {
				t.Errorf("Parse(%q): problem at %d has an empty message", data, p.Offset)
			}
			if p.Pointer != "" && p.Pointer[0] != '/' {
				t.Errorf("Parse(%q): problem %q has pointer %q, want \"\" or one starting with /", data, p.Message, p.Pointer)
			}
		}
		valid := json.Valid(data) && utf8.Valid(data)
		if len(problems) == 0 {
			if doc.Root == nil {
				t.Fatalf("Parse(%q): no problems but a nil Root", data)
			}
			if !valid {
				t.Fatalf("Parse(%q): got no problems, want some: encoding/json or utf8 rejects it", data)
			}
			want, err := decodeUseNumber(data)
			if err != nil {
				t.Fatalf("Parse(%q): accepted what encoding/json cannot decode: %v", data, err)
			}
			if got := doc.Root.Value(); !reflect.DeepEqual(got, want) {
				t.Fatalf("Parse(%q).Root.Value(): got %#v, want %#v", data, got, want)
			}
			// checkTree is quadratic in places: keep the fuzzer (and its
			// minimizer) fast.
			if len(data) <= 512 {
				checkTree(t, doc)
			}
		} else {
			if doc.Root != nil {
				t.Errorf("Parse(%q): got a Root with problems %v", data, problems)
			}
			if valid && !hasDuplicateKey(data) && !hasLoneSurrogate(data) {
				t.Fatalf("Parse(%q) failed: %v; want no problems: encoding/json accepts it", data, problems)
			}
		}

		// Limits only take documents away.
		_, limited := Parse(data, Limits{MaxDepth: 3, MaxBytes: 64})
		for _, p := range limited {
			if p.Offset < 0 || p.Offset > len(data) || p.Message == "" {
				t.Errorf("Parse(%q) with limits: bad problem %+v", data, p)
			}
		}
		if len(limited) == 0 && len(problems) > 0 {
			t.Errorf("Parse(%q): accepted with limits, rejected without: %v", data, problems)
		}

		// Position is linear: check about 64 offsets, and where the problems are.
		offsets := []int{len(data), len(data) + 1}
		for off := 0; off < len(data); off += max(1, len(data)/64) {
			offsets = append(offsets, off)
		}
		for _, p := range problems {
			offsets = append(offsets, p.Offset)
		}
		for _, off := range offsets {
			l1, c1 := Position(data, off)
			l2, c2 := doc.Position(off)
			if l1 != l2 || c1 != c2 {
				t.Fatalf("%q at %d: got Position %v:%v and Doc.Position %v:%v, want them equal", data, off, l1, c1, l2, c2)
			}
		}
	})
}

// A document that is line n of an input of one a line has its positions,
// and those in messages, on that line; a \r in it ends no line.
func TestParseLine(t *testing.T) {
	doc, problems := Parse([]byte("{\"a\":1,\r\"a\":2}"), Limits{Line: 7})
	if len(problems) != 1 || problems[0].Message != `duplicate key "a" (first at 7:2): a later key would silently replace the earlier one` {
		t.Fatalf("problems %+v", problems)
	}
	if line, col := doc.Position(problems[0].Offset); line != 7 || col != 9 {
		t.Errorf("at %d:%d, want 7:9", line, col)
	}
}
