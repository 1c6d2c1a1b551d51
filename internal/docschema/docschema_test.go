package docschema_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ladderkit/ladder/internal/docschema"
	"github.com/ladderkit/ladder/schema"
)

func ladder() *docschema.Schema     { return docschema.Of(docschema.Ladder) }
func assessment() *docschema.Schema { return docschema.Of(docschema.Assessment) }

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

// manyProblems reads a ladder with problems of every kind, several in the
// same objects, so that santhosh-tekuri/jsonschema, which ranges over maps,
// finds them in a different order from run to run.
func manyProblems(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("../../schema/testdata/many-problems.json")
	if err != nil {
		t.Fatal(err)
	}
	return data
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
			levels = append(levels, `{"id": "10", "requirements": [{"id": "r10", "kind": "hard", "text": ""}]}`)
		default:
			levels = append(levels, fmt.Sprintf(`{"id": "%d", "requirements": [{"id": "r%d", "kind": "hard", "text": "t"}]}`, i, i))
		}
	}
	return `{"id": "demo", "name": "Demo", "skills": [], "levels": [` + strings.Join(levels, ",\n") + `]}`
}

func TestValidateValue(t *testing.T) {
	tests := []struct {
		name   string
		schema *docschema.Schema
		doc    string
		want   []docschema.Violation
	}{
		{
			name:   "valid",
			schema: ladder(),
			doc:    `{"id": "demo", "name": "Demo", "skills": [], "levels": [{"id": "1", "requirements": [{"id": "r", "kind": "soft", "text": "t"}]}]}`,
			want:   nil,
		},
		{
			name:   "missing at the root, at the object",
			schema: ladder(),
			doc:    `{"id": "demo", "skills": []}`,
			// In the schema's order, the Go fields'.
			want: []docschema.Violation{
				{Pointer: "", Keyword: "required", Message: `missing required field "name"`},
				{Pointer: "", Keyword: "required", Message: `missing required field "levels"`},
			},
		},
		{
			name:   "unknown field, at its key",
			schema: ladder(),
			doc:    `{"id": "demo", "name": "Demo", "skills": [], "levels": [{"id": "1", "requirements": [{"id": "r", "kind": "hard", "text": "t", "weight": 2}]}], "nmae": "x"}`,
			want: []docschema.Violation{
				{Pointer: "/levels/0/requirements/0/weight", Keyword: "additionalProperties", Key: true,
					Message: `unknown field "weight"; the fields here are id, skill, kind, text, points, examples, evidence, links`},
				{Pointer: "/nmae", Keyword: "additionalProperties", Key: true,
					Message: `unknown field "nmae" (did you mean "name"?)`},
			},
		},
		{
			name:   "unknown field with / and ~, escaped",
			schema: ladder(),
			doc:    `{"id": "demo", "name": "Demo", "skills": [], "levels": [{"id": "1", "requirements": [{"id": "r", "kind": "hard", "text": "t"}]}], "a/b~c": 1}`,
			want: []docschema.Violation{
				{Pointer: "/a~1b~0c", Keyword: "additionalProperties", Key: true,
					Message: `unknown field "a/b~c"; the fields here are $schema, id, name, summary, description, version, tracks, impliedSteps, rules, values, skills, levels`},
			},
		},
		{
			name:   "type, enum, pattern, minLength, minItems",
			schema: ladder(),
			doc:    `{"id": "Demo", "name": "", "skills": [{"id": 1, "name": "A", "steps": [{"id": "s", "requirements": []}]}], "levels": [{"id": "1", "requirements": [{"id": "r", "kind": "Hard", "text": "t"}]}]}`,
			want: []docschema.Violation{
				{Pointer: "/id", Keyword: "pattern", Message: `"Demo" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`},
				{Pointer: "/levels/0/requirements/0/kind", Keyword: "enum", Message: `"Hard" is not one of "hard", "soft" (did you mean "hard"?)`},
				{Pointer: "/name", Keyword: "minLength", Message: "must not be empty"},
				{Pointer: "/skills/0/id", Keyword: "type", Message: "must be a string, not a number"},
				{Pointer: "/skills/0/steps/0/requirements", Keyword: "minItems", Message: "must not be empty"},
			},
		},
		{
			name:   "numeric order of array indices",
			schema: ladder(),
			doc:    elevenLevels(),
			want: []docschema.Violation{
				{Pointer: "/levels/2/id", Keyword: "pattern", Message: `"L2" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`},
				{Pointer: "/levels/10/requirements/0/text", Keyword: "minLength", Message: "must not be empty"},
			},
		},
		{
			name:   "null where an object belongs",
			schema: ladder(),
			doc:    `{"id": "demo", "name": "Demo", "rules": null, "skills": [], "levels": [{"id": "1", "requirements": [null]}]}`,
			want: []docschema.Violation{
				{Pointer: "/levels/0/requirements/0", Keyword: "type", Message: "must be an object, not null"},
				{Pointer: "/rules", Keyword: "type", Message: "must be an object, not null"},
			},
		},
		{
			name:   "document of the wrong type",
			schema: assessment(),
			doc:    `[1, 2]`,
			want: []docschema.Violation{
				{Pointer: "", Keyword: "type", Message: "must be an object, not an array"},
			},
		},
		{
			name:   "assessment keys, at the key",
			schema: assessment(),
			doc:    `{"ladder": "demo", "subject": "s", "marks": {"R1": {"status": "reached"}, "a/b": {"status": "done"}}, "levels": {"Level 1": {}}}`,
			want: []docschema.Violation{
				{Pointer: "/levels/Level 1", Keyword: "pattern", Key: true, Message: `"Level 1" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`},
				{Pointer: "/marks/R1", Keyword: "pattern", Key: true, Message: `"R1" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`},
				{Pointer: "/marks/a~1b", Keyword: "pattern", Key: true, Message: `"a/b" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`},
				{Pointer: "/marks/a~1b/status", Keyword: "enum", Message: `"done" is not one of "reached", "not_yet", "not_applicable"`},
			},
		},
		{
			name:   "marks: required, unknown, enum, format",
			schema: assessment(),
			doc:    `{"ladder": "demo", "subject": "s", "date": "2026-13-01", "marks": {"r1": {"reason": "x"}, "r2": {"status": "not-yet", "note": 1}}, "levels": {"1": {"reach": {"status": "reached"}, "desc": {}}}}`,
			want: []docschema.Violation{
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

func formatViolations(vs []docschema.Violation) string {
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
	vs := ladder().ValidateValue(notJSON{ID: "x"})
	if len(vs) != 1 || vs[0].Message == "" || vs[0].Pointer != "" {
		t.Errorf("ValidateValue(struct) = %+v, want one violation with a message and no pointer", vs)
	}
}

// TestValidateMatchesValidateValue checks that Validate reports what
// ValidateValue finds, placed at the key or the value.
func TestValidateMatchesValidateValue(t *testing.T) {
	data := manyProblems(t)
	vs := ladder().ValidateValue(decode(t, data, true))
	var e *schema.Error
	if !errors.As(schema.Ladder().Validate(data), &e) {
		t.Fatal("Validate did not return a *schema.Error")
	}
	if len(e.Problems) != len(vs) {
		t.Fatalf("Validate found %d problems, ValidateValue %d", len(e.Problems), len(vs))
	}
	for _, v := range vs {
		i := slices.IndexFunc(e.Problems, func(p schema.Problem) bool { return p.Pointer == v.Pointer && p.Message == v.Message })
		if i < 0 {
			t.Errorf("Validate lacks %+v", v)
		}
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
			got := docschema.ComparePointers(a, b)
			switch {
			case i < j && got >= 0, i > j && got <= 0, i == j && got != 0:
				t.Errorf("docschema.ComparePointers(%q, %q) = %d, want the sign of %d", a, b, got, i-j)
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
		if got := docschema.InstancePointer(tt.in); got != tt.want {
			t.Errorf("docschema.InstancePointer(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
