package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// minCorpus is the fewest invalid documents the corpus may hold.
const minCorpus = 45

// schemaFor returns the schema a corpus folder names.
func schemaFor(t *testing.T, folder string) *Schema {
	t.Helper()
	switch folder {
	case "ladder":
		return Ladder()
	case "assessment":
		return Assessment()
	}
	t.Fatalf("testdata/invalid/%s: no schema of that name: use ladder or assessment", folder)
	return nil
}

// TestInvalidCorpus validates each document of testdata/invalid/SCHEMA/
// against SCHEMA and compares the error with NAME.golden next to it. Run
// with -update to rewrite the golden files, then read them.
func TestInvalidCorpus(t *testing.T) {
	folders, err := os.ReadDir(filepath.Join("testdata", "invalid"))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, folder := range folders {
		if !folder.IsDir() {
			t.Errorf("testdata/invalid/%s: want only folders named after a schema", folder.Name())
			continue
		}
		s := schemaFor(t, folder.Name())
		dir := filepath.Join("testdata", "invalid", folder.Name())
		files, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		total += len(files)
		for _, file := range files {
			name := strings.TrimSuffix(filepath.Base(file), ".json")
			t.Run(folder.Name()+"/"+name, func(t *testing.T) {
				data, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				err = s.Validate(data)
				if err == nil {
					t.Fatalf("%s validates: a corpus document must have a mistake", file)
				}
				var se *Error
				if !errors.As(err, &se) {
					t.Fatalf("Validate returned %T (%v), want *schema.Error", err, err)
				}
				checkProblems(t, se)
				got := err.Error() + "\n"
				golden := strings.TrimSuffix(file, ".json") + ".golden"
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v; run go test ./schema -run TestInvalidCorpus -update", err)
				}
				if got != string(want) {
					t.Errorf("Validate(%s):\n%s\nwant (%s):\n%s", file, got, golden, want)
				}
			})
		}
		// A golden file without its document is left over from a rename.
		goldens, err := filepath.Glob(filepath.Join(dir, "*.golden"))
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range goldens {
			if _, err := os.Stat(strings.TrimSuffix(g, ".golden") + ".json"); err != nil {
				t.Errorf("%s has no document next to it", g)
			}
		}
	}
	if total < minCorpus {
		t.Errorf("the invalid corpus holds %d documents, want at least %d", total, minCorpus)
	}
}

// checkProblems checks what holds for every error: problems located from
// 1:1 on, in document order, each with a message on one line.
func checkProblems(t *testing.T, e *Error) {
	t.Helper()
	if len(e.Problems) == 0 {
		t.Fatal("*Error with no problems")
	}
	for i, p := range e.Problems {
		if p.Line < 1 || p.Column < 1 {
			t.Errorf("problem %d at %d:%d, want line and column from 1", i, p.Line, p.Column)
		}
		if p.Message == "" || strings.Contains(p.Message, "\n") {
			t.Errorf("problem %d: message %q, want one non-empty line", i, p.Message)
		}
		if p.Pointer != "" && !strings.HasPrefix(p.Pointer, "/") {
			t.Errorf("problem %d: pointer %q does not start with /", i, p.Pointer)
		}
		if i > 0 {
			q := e.Problems[i-1]
			if p.Line < q.Line || p.Line == q.Line && p.Column < q.Column {
				t.Errorf("problem %d (%s) comes before problem %d (%s) in the document", i, p, i-1, q)
			}
		}
	}
}

// isAssessment tells an assessment from a ladder: only assessments have
// "marks".
func isAssessment(t *testing.T, data []byte) bool {
	t.Helper()
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		t.Fatal(err)
	}
	_, ok := top["marks"]
	return ok
}

func TestValidCorpus(t *testing.T) {
	var files []string
	err := filepath.WalkDir(filepath.Join("..", "examples"), func(path string, d os.DirEntry, err error) error {
		// cases.json pins ranks for laddertest.RunCases: neither a ladder
		// nor an assessment.
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".json") && d.Name() != "cases.json" {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no example documents under ../examples")
	}
	valid, err := filepath.Glob(filepath.Join("testdata", "valid", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(valid) == 0 {
		t.Fatal("no documents in testdata/valid")
	}
	files = append(files, valid...)
	seen := map[string]int{}
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s, what := Ladder(), "ladder"
			if isAssessment(t, data) {
				s, what = Assessment(), "assessment"
			}
			seen[what]++
			if err := s.Validate(data); err != nil {
				t.Errorf("%s (%s):\n%v", file, what, err)
			}
			for _, useNumber := range []bool{false, true} {
				v := decode(t, data, useNumber)
				if vs := s.ValidateValue(v); vs != nil {
					t.Errorf("%s (%s): ValidateValue (UseNumber %v) = %+v, want nil", file, what, useNumber, vs)
				}
			}
		})
	}
	if seen["ladder"] == 0 || seen["assessment"] == 0 {
		t.Errorf("valid corpus checked %d ladders and %d assessments, want some of each", seen["ladder"], seen["assessment"])
	}
}

func decode(t testing.TB, data []byte, useNumber bool) any {
	t.Helper()
	var v any
	if !useNumber {
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// manyProblems is a ladder with problems of every kind, several in the same
// objects, so that santhosh-tekuri/jsonschema, which ranges over maps, finds
// them in a different order from run to run.
const manyProblems = `{
  "id": "Bad ID",
  "name": "",
  "author": "x", "title": "y", "owner": "z",
  "rules": {"skil": "a", "levle": "b", "x": 1},
  "skills": [{"id": 1, "nmae": "A", "b": 2}, {"id": "ok"}, null],
  "levels": [
    {"id": "1", "requirements": [{"kind": "maybe", "text": "", "a": 1, "b": 2, "c": 3}]},
    {"id": "2", "requirements": []},
    {"requirements": [{"id": "X", "kind": "hard", "text": "t", "skill": "Y"}], "extra": true},
    {"id": "4", "requirements": [{}, {}, {}]}
  ]
}`

func TestValidateIsDeterministic(t *testing.T) {
	s := Ladder()
	first := s.Validate([]byte(manyProblems))
	if first == nil {
		t.Fatal("manyProblems validates")
	}
	if n := strings.Count(first.Error(), "\n") + 1; n < 25 {
		t.Fatalf("manyProblems has %d problems, want at least 25 for the test to mean something:\n%v", n, first)
	}
	v := decode(t, []byte(manyProblems), true)
	firstValue := fmt.Sprint(s.ValidateValue(v))
	for i := range 50 {
		if err := s.Validate([]byte(manyProblems)); err.Error() != first.Error() {
			t.Fatalf("run %d of Validate:\n%v\nrun 0:\n%v", i+1, err, first)
		}
		if got := fmt.Sprint(s.ValidateValue(v)); got != firstValue {
			t.Fatalf("run %d of ValidateValue:\n%s\nrun 0:\n%s", i+1, got, firstValue)
		}
	}
}

// TestValidateConcurrently checks, under -race, that a Schema can be
// compiled and used from many goroutines at once.
func TestValidateConcurrently(t *testing.T) {
	want := Ladder().Validate([]byte(manyProblems)).Error()
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				if got := Ladder().Validate([]byte(manyProblems)).Error(); got != want {
					errs <- got
					return
				}
				if err := Assessment().Validate([]byte(`{"ladder": "x", "subject": "y", "marks": {}}`)); err != nil {
					errs <- err.Error()
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("concurrent Validate:\n%s\nwant:\n%s", got, want)
	}
}

// elevenLevels returns a ladder with 11 levels whose levels 2 and 10 have
// problems: compared as text, "/levels/10" would come before "/levels/2".
func elevenLevels() string {
	var levels []string
	for i := range 11 {
		switch i {
		case 2:
			levels = append(levels, `{"id": "L2", "requirements": [{"id": "r2", "kind": "hard", "text": "t"}]}`)
		case 10:
			levels = append(levels, `{"id": "10", "requirements": []}`)
		default:
			levels = append(levels, fmt.Sprintf(`{"id": "%d", "requirements": [{"id": "r%d", "kind": "hard", "text": "t"}]}`, i, i))
		}
	}
	return `{"id": "demo", "name": "Demo", "skills": [], "levels": [` + strings.Join(levels, ",\n") + `]}`
}

func TestValidateValue(t *testing.T) {
	tests := []struct {
		name   string
		schema *Schema
		doc    string
		want   []Violation
	}{
		{
			name:   "valid",
			schema: Ladder(),
			doc:    `{"id": "demo", "name": "Demo", "skills": [], "levels": [{"id": "1", "requirements": [{"id": "r", "kind": "soft", "text": "t"}]}]}`,
			want:   nil,
		},
		{
			name:   "missing at the root, at the object",
			schema: Ladder(),
			doc:    `{"id": "demo", "skills": []}`,
			// In the schema's order, the Go fields'.
			want: []Violation{
				{Pointer: "", Keyword: "required", Message: `missing required field "name"`},
				{Pointer: "", Keyword: "required", Message: `missing required field "levels"`},
			},
		},
		{
			name:   "unknown field, at its key",
			schema: Ladder(),
			doc:    `{"id": "demo", "name": "Demo", "skills": [], "levels": [{"id": "1", "requirements": [{"id": "r", "kind": "hard", "text": "t", "weight": 2}]}], "nmae": "x"}`,
			want: []Violation{
				{Pointer: "/levels/0/requirements/0/weight", Keyword: "additionalProperties", Key: true,
					Message: `unknown field "weight"; the fields here are id, skill, kind, text`},
				{Pointer: "/nmae", Keyword: "additionalProperties", Key: true,
					Message: `unknown field "nmae" (did you mean "name"?)`},
			},
		},
		{
			name:   "unknown field with / and ~, escaped",
			schema: Ladder(),
			doc:    `{"id": "demo", "name": "Demo", "skills": [], "levels": [{"id": "1", "requirements": [{"id": "r", "kind": "hard", "text": "t"}]}], "a/b~c": 1}`,
			want: []Violation{
				{Pointer: "/a~1b~0c", Keyword: "additionalProperties", Key: true,
					Message: `unknown field "a/b~c"; the fields here are $schema, id, name, summary, description, version, rules, skills, levels`},
			},
		},
		{
			name:   "type, enum, pattern, minLength, minItems",
			schema: Ladder(),
			doc:    `{"id": "Demo", "name": "", "skills": [{"id": 1, "name": "A"}], "levels": [{"id": "1", "requirements": [{"id": "r", "kind": "Hard", "text": "t"}]}, {"id": "2", "requirements": []}]}`,
			want: []Violation{
				{Pointer: "/id", Keyword: "pattern", Message: `"Demo" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`},
				{Pointer: "/levels/0/requirements/0/kind", Keyword: "enum", Message: `"Hard" is not one of "hard", "soft" (did you mean "hard"?)`},
				{Pointer: "/levels/1/requirements", Keyword: "minItems", Message: "must not be empty"},
				{Pointer: "/name", Keyword: "minLength", Message: "must not be empty"},
				{Pointer: "/skills/0/id", Keyword: "type", Message: "must be a string, not a number"},
			},
		},
		{
			name:   "numeric order of array indices",
			schema: Ladder(),
			doc:    elevenLevels(),
			want: []Violation{
				{Pointer: "/levels/2/id", Keyword: "pattern", Message: `"L2" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`},
				{Pointer: "/levels/10/requirements", Keyword: "minItems", Message: "must not be empty"},
			},
		},
		{
			name:   "null where an object belongs",
			schema: Ladder(),
			doc:    `{"id": "demo", "name": "Demo", "rules": null, "skills": [], "levels": [{"id": "1", "requirements": [null]}]}`,
			want: []Violation{
				{Pointer: "/levels/0/requirements/0", Keyword: "type", Message: "must be an object, not null"},
				{Pointer: "/rules", Keyword: "type", Message: "must be an object, not null"},
			},
		},
		{
			name:   "document of the wrong type",
			schema: Assessment(),
			doc:    `[1, 2]`,
			want: []Violation{
				{Pointer: "", Keyword: "type", Message: "must be an object, not an array"},
			},
		},
		{
			name:   "assessment keys, at the key",
			schema: Assessment(),
			doc:    `{"ladder": "demo", "subject": "s", "marks": {"R1": {"status": "reached"}, "a/b": {"status": "done"}}, "levels": {"Level 1": {}}}`,
			want: []Violation{
				{Pointer: "/levels/Level 1", Keyword: "pattern", Key: true, Message: `"Level 1" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`},
				{Pointer: "/marks/R1", Keyword: "pattern", Key: true, Message: `"R1" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`},
				{Pointer: "/marks/a~1b", Keyword: "pattern", Key: true, Message: `"a/b" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`},
				{Pointer: "/marks/a~1b/status", Keyword: "enum", Message: `"done" is not one of "reached", "not_yet", "not_applicable"`},
			},
		},
		{
			name:   "marks: required, unknown, enum, format",
			schema: Assessment(),
			doc:    `{"ladder": "demo", "subject": "s", "date": "2026-13-01", "marks": {"r1": {"reason": "x"}, "r2": {"status": "not-yet", "note": 1}}, "levels": {"1": {"reach": {"status": "reached"}, "desc": {}}}}`,
			want: []Violation{
				{Pointer: "/date", Keyword: "format", Message: `"2026-13-01" is not a day of the calendar`},
				{Pointer: "/levels/1/desc", Keyword: "additionalProperties", Key: true, Message: `unknown field "desc"; the fields here are reach, description`},
				{Pointer: "/marks/r1", Keyword: "required", Message: `missing required field "status"`},
				{Pointer: "/marks/r2/note", Keyword: "additionalProperties", Key: true, Message: `unknown field "note"; the fields here are status, reason`},
				{Pointer: "/marks/r2/status", Keyword: "enum", Message: `"not-yet" is not one of "reached", "not_yet", "not_applicable" (did you mean "not_yet"?)`},
			},
		},
	}
	for _, tt := range tests {
		for _, useNumber := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/UseNumber=%v", tt.name, useNumber), func(t *testing.T) {
				got := tt.schema.ValidateValue(decode(t, []byte(tt.doc), useNumber))
				if !slices.Equal(got, tt.want) {
					t.Errorf("ValidateValue:\n%s\nwant:\n%s", formatViolations(got), formatViolations(tt.want))
				}
			})
		}
	}
}

func formatViolations(vs []Violation) string {
	if vs == nil {
		return "  nil"
	}
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "  {Pointer: %q, Keyword: %q, Key: %v, Message: %q}\n", v.Pointer, v.Keyword, v.Key, v.Message)
	}
	return b.String()
}

func TestValidateValueNotJSON(t *testing.T) {
	type notJSON struct{ ID string }
	vs := Ladder().ValidateValue(notJSON{ID: "x"})
	if len(vs) != 1 || vs[0].Message == "" || vs[0].Pointer != "" {
		t.Errorf("ValidateValue(struct) = %+v, want one violation with a message and no pointer", vs)
	}
}

// TestValidateMatchesValidateValue checks that Validate reports what
// ValidateValue finds, placed at the key or the value.
func TestValidateMatchesValidateValue(t *testing.T) {
	data := []byte(manyProblems)
	vs := Ladder().ValidateValue(decode(t, data, true))
	var e *Error
	if !errors.As(Ladder().Validate(data), &e) {
		t.Fatal("Validate did not return a *Error")
	}
	if len(e.Problems) != len(vs) {
		t.Fatalf("Validate found %d problems, ValidateValue %d", len(e.Problems), len(vs))
	}
	for _, v := range vs {
		i := slices.IndexFunc(e.Problems, func(p Problem) bool { return p.Pointer == v.Pointer && p.Message == v.Message })
		if i < 0 {
			t.Errorf("Validate lacks %+v", v)
		}
	}
}

func TestValidateLimits(t *testing.T) {
	big := bytes.Repeat([]byte(" "), 8<<20+1)
	err := Ladder().Validate(big)
	if err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Errorf("Validate(%d bytes) = %v, want the size limit", len(big), err)
	}
	deep := strings.Repeat("[", 65) + strings.Repeat("]", 65)
	err = Ladder().Validate([]byte(deep))
	if err == nil || !strings.Contains(err.Error(), "deeper than the limit of 64") {
		t.Errorf("Validate(65 levels deep) = %v, want the depth limit", err)
	}
	// 64 levels are allowed: the document is read and fails the schema.
	ok := strings.Repeat("[", 64) + strings.Repeat("]", 64)
	if err := Ladder().Validate([]byte(ok)); err == nil || err.Error() != "1:1: must be an object, not an array" {
		t.Errorf("Validate(64 levels deep) = %v, want a type error", err)
	}
}

func TestValidateValid(t *testing.T) {
	// A nil error must be a nil interface, not a nil *Error.
	err := Assessment().Validate([]byte(`{"ladder": "x", "subject": "y", "marks": {}}`))
	if err != nil {
		t.Errorf("Validate = %#v, want nil", err)
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Line: 1, Column: 1, Message: "document is empty"}, "1:1: document is empty"},
		{Problem{Line: 3, Column: 14, Pointer: "/levels/0", Message: "must not be empty"}, "3:14: /levels/0: must not be empty"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
	e := &Error{Problems: []Problem{tests[0].p, tests[1].p}}
	if got, want := e.Error(), tests[0].want+"\n"+tests[1].want; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestComparePointers(t *testing.T) {
	ordered := []string{
		"",
		"/id",
		"/levels",
		"/levels/0",
		"/levels/0/id",
		"/levels/2",
		"/levels/2/requirements/9",
		"/levels/2/requirements/10",
		"/levels/10",
		"/levels/10/id",
		"/name",
	}
	for i, a := range ordered {
		for j, b := range ordered {
			got := comparePointers(a, b)
			switch {
			case i < j && got >= 0, i > j && got <= 0, i == j && got != 0:
				t.Errorf("comparePointers(%q, %q) = %d, want the sign of %d", a, b, got, i-j)
			}
		}
	}
}

func TestInstancePointer(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"/levels/0/id", "/levels/0/id"},
		{"/marks/a~1b", "/marks/a~1b"},
		{"/marks/qualit%C3%A9", "/marks/qualité"},
		{"/marks/100%25", "/marks/100%"},
		{"/marks/Level%201", "/marks/Level 1"},
	}
	for _, tt := range tests {
		if got := instancePointer(tt.in); got != tt.want {
			t.Errorf("instancePointer(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSchemaIDs(t *testing.T) {
	for _, tt := range []struct {
		s  *Schema
		id string
	}{
		{Ladder(), LadderID},
		{Assessment(), AssessmentID},
	} {
		if got := tt.s.ID(); got != tt.id {
			t.Errorf("ID() = %q, want %q", got, tt.id)
		}
		var doc struct {
			ID     string `json:"$id"`
			Schema string `json:"$schema"`
		}
		if err := json.Unmarshal(tt.s.JSON(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.ID != tt.id {
			t.Errorf("$id in JSON() = %q, want %q", doc.ID, tt.id)
		}
		if want := "https://json-schema.org/draft/2020-12/schema"; doc.Schema != want {
			t.Errorf("%s: $schema = %q, want %q", tt.id, doc.Schema, want)
		}
	}
	if Ladder() != Ladder() || Assessment() != Assessment() {
		t.Error("Ladder() and Assessment() compile anew on each call")
	}
}

func TestJSONReturnsACopy(t *testing.T) {
	for _, s := range []*Schema{Ladder(), Assessment()} {
		first := s.JSON()
		want := bytes.Clone(first)
		for i := range first {
			first[i] = 'x'
		}
		if got := s.JSON(); !bytes.Equal(got, want) {
			t.Errorf("%s: JSON() changed after the caller wrote into an earlier result", s.ID())
		}
		if !json.Valid(want) {
			t.Errorf("%s: JSON() is not valid JSON", s.ID())
		}
	}
}

// schemaDoc decodes a schema's JSON.
func schemaDoc(t *testing.T, s *Schema) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(s.JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// walkSchemas calls f on every schema object in doc, with its JSON pointer.
func walkSchemas(ptr string, v any, f func(ptr string, s map[string]any)) {
	s, ok := v.(map[string]any)
	if !ok {
		return
	}
	f(ptr, s)
	for _, k := range []string{"$defs", "properties"} {
		if m, ok := s[k].(map[string]any); ok {
			for name, sub := range m {
				walkSchemas(ptr+"/"+k+"/"+name, sub, f)
			}
		}
	}
	for _, k := range []string{"items", "additionalProperties", "propertyNames"} {
		walkSchemas(ptr+"/"+k, s[k], f)
	}
}

func TestEveryObjectIsClosed(t *testing.T) {
	for _, s := range []*Schema{Ladder(), Assessment()} {
		objects := 0
		walkSchemas("", schemaDoc(t, s), func(ptr string, sch map[string]any) {
			if sch["type"] != "object" {
				return
			}
			objects++
			if _, ok := sch["properties"]; ok {
				// A struct: no field but those it declares.
				if sch["additionalProperties"] != false {
					t.Errorf("%s#%s: additionalProperties = %v, want false", s.ID(), ptr, sch["additionalProperties"])
				}
				return
			}
			// A map: values by schema, keys by the ID pattern.
			if _, ok := sch["additionalProperties"].(map[string]any); !ok {
				t.Errorf("%s#%s: an object with no properties and additionalProperties %v", s.ID(), ptr, sch["additionalProperties"])
			}
			names, _ := sch["propertyNames"].(map[string]any)
			if names["pattern"] != idPattern {
				t.Errorf("%s#%s: propertyNames = %v, want the ID pattern", s.ID(), ptr, sch["propertyNames"])
			}
		})
		if objects < 3 {
			t.Errorf("%s: found %d object schemas: the walk is broken", s.ID(), objects)
		}
		// Every definition is a closed object.
		defs, _ := schemaDoc(t, s)["$defs"].(map[string]any)
		for name, d := range defs {
			d := d.(map[string]any)
			if d["type"] != "object" || d["additionalProperties"] != false {
				t.Errorf("%s#/$defs/%s: type %v, additionalProperties %v; want a closed object", s.ID(), name, d["type"], d["additionalProperties"])
			}
		}
	}
}

// find returns the value at a JSON pointer in a decoded schema.
func find(v any, ptr string) any {
	for _, t := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[t]
	}
	return v
}

func TestEnums(t *testing.T) {
	tests := []struct {
		s    *Schema
		ptr  string
		want []any
	}{
		// ladder.Hard, ladder.Soft.
		{Ladder(), "/$defs/Requirement/properties/kind/enum", []any{"hard", "soft"}},
		// ladder.Reached, ladder.NotYet, ladder.NotApplicable.
		{Assessment(), "/$defs/Mark/properties/status/enum", []any{"reached", "not_yet", "not_applicable"}},
	}
	for _, tt := range tests {
		got, _ := find(schemaDoc(t, tt.s), tt.ptr).([]any)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s#%s = %v, want %v", tt.s.ID(), tt.ptr, got, tt.want)
		}
	}
	// No other enum hides in the schemas.
	for _, s := range []*Schema{Ladder(), Assessment()} {
		n := 0
		walkSchemas("", schemaDoc(t, s), func(ptr string, sch map[string]any) {
			if _, ok := sch["enum"]; ok {
				n++
			}
		})
		if n != 1 {
			t.Errorf("%s has %d enums, want 1", s.ID(), n)
		}
	}
}

func TestIDPattern(t *testing.T) {
	if idPattern != "^[a-z0-9._-]+$" {
		t.Errorf("idPattern = %q", idPattern)
	}
	tests := []struct {
		s    *Schema
		ptrs []string
	}{
		{Ladder(), []string{
			"/properties/id/pattern",
			"/$defs/Skill/properties/id/pattern",
			"/$defs/Level/properties/id/pattern",
			"/$defs/Requirement/properties/id/pattern",
			"/$defs/Requirement/properties/skill/pattern",
		}},
		{Assessment(), []string{
			"/properties/ladder/pattern",
			"/properties/marks/propertyNames/pattern",
			"/properties/levels/propertyNames/pattern",
		}},
	}
	for _, tt := range tests {
		doc := schemaDoc(t, tt.s)
		for _, ptr := range tt.ptrs {
			if got := find(doc, ptr); got != "^[a-z0-9._-]+$" {
				t.Errorf("%s#%s = %v, want %q", tt.s.ID(), ptr, got, "^[a-z0-9._-]+$")
			}
		}
		// Every pattern is the ID pattern, so that every pattern violation
		// is worded as a bad ID.
		n := 0
		walkSchemas("", doc, func(ptr string, sch map[string]any) {
			if p, ok := sch["pattern"]; ok {
				n++
				if p != idPattern {
					t.Errorf("%s#%s/pattern = %v, want the ID pattern", tt.s.ID(), ptr, p)
				}
			}
		})
		if n != len(tt.ptrs) {
			t.Errorf("%s has %d patterns, want %d", tt.s.ID(), n, len(tt.ptrs))
		}
	}
}

// TestRequired pins the required fields, which the corpus exercises one by
// one.
func TestRequired(t *testing.T) {
	tests := []struct {
		s    *Schema
		ptr  string
		want []any
	}{
		{Ladder(), "/required", []any{"id", "name", "skills", "levels"}},
		{Ladder(), "/$defs/Skill/required", []any{"id", "name"}},
		{Ladder(), "/$defs/Level/required", []any{"id", "requirements"}},
		{Ladder(), "/$defs/Requirement/required", []any{"id", "kind", "text"}},
		{Ladder(), "/$defs/Rules/required", nil},
		{Assessment(), "/required", []any{"ladder", "subject", "marks"}},
		{Assessment(), "/$defs/Mark/required", []any{"status"}},
		{Assessment(), "/$defs/LevelMarks/required", nil},
	}
	for _, tt := range tests {
		got, _ := find(schemaDoc(t, tt.s), tt.ptr).([]any)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s#%s = %v, want %v", tt.s.ID(), tt.ptr, got, tt.want)
		}
	}
}
