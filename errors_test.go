package ladder_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
)

const small = `{"id": "t", "name": "T", "skills": [{"id": "a", "name": "A"}], "levels": [{"id": "1", "requirements": [{"id": "r1", "skill": "a", "kind": "hard", "text": "x"}]}]}`

// edit returns small with old replaced by new, once; it fails the test when
// old is not there, so that a case cannot silently test the valid ladder.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(small, old) {
		t.Fatalf("%q is not in the test ladder", old)
	}
	return strings.Replace(small, old, new, 1)
}

// Each bad input is an error naming where, with its own message.
func TestParseBadLadder(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  func(t *testing.T) string
		want string
	}{
		{"unknown field", func(t *testing.T) string { return edit(t, `"name": "T"`, `"name": "T", "colour": "red"`) },
			`1:26: /colour: unknown field "colour"; the fields here are $schema, id, name, summary, description, version, tracks, impliedSteps, rules, values, skills, levels`},
		{"misspelled field", func(t *testing.T) string { return edit(t, `"requirements"`, `"requirement"`) },
			// Not also "missing required field": the did-you-mean says it.
			`1:87: /levels/0/requirement: unknown field "requirement" (did you mean "requirements"?)`},
		{"duplicate key", func(t *testing.T) string { return edit(t, `"name": "T"`, `"name": "T", "name": "U"`) },
			`1:26: /name: duplicate key "name" (first at 1:13): a later key would silently replace the earlier one`},
		{"wrong type", func(t *testing.T) string { return edit(t, `"name": "T"`, `"name": 7`) },
			`1:21: /name: must be a string, not a number`},
		{"null where an object belongs", func(t *testing.T) string { return edit(t, `[{"id": "a", "name": "A"}]`, `[null]`) },
			`1:37: /skills/0: must be an object, not null`},
		{"null where a list belongs", func(t *testing.T) string { return edit(t, `[{"id": "a", "name": "A"}]`, `null`) },
			`1:36: /skills: must be an array, not null`},
		{"trailing data", func(t *testing.T) string { return small + ` {}` },
			`1:164: unexpected "{" after the end of the document`},
		{"invalid UTF-8", func(t *testing.T) string { return edit(t, `"T"`, "\"T\xff\"") },
			`1:23: /name: invalid UTF-8 byte "\xff" in a string`},
		{"duplicate skill ID", func(t *testing.T) string {
			return edit(t, `[{"id": "a", "name": "A"}]`, `[{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]`)
		}, `1:70: /skills/1/id: duplicate skill ID "a": it is already the ID of /skills/0`},
		{"duplicate level ID", func(t *testing.T) string {
			return edit(t, `]}]}`, `]}, {"id": "1", "requirements": [{"id": "r2", "kind": "hard", "text": "y"}]}]}`)
		}, `1:170: /levels/1/id: duplicate level ID "1": it is already the ID of /levels/0`},
		{"duplicate requirement ID", func(t *testing.T) string {
			return edit(t, `"text": "x"}`, `"text": "x"}, {"id": "r1", "kind": "soft", "text": "y"}`)
		}, `1:168: /levels/0/requirements/1/id: duplicate requirement ID "r1": it is already the ID of /levels/0/requirements/0`},
		{"unknown skill", func(t *testing.T) string { return edit(t, `"skill": "a"`, `"skill": "b"`) },
			`1:126: /levels/0/requirements/0/skill: unknown skill "b"; the ladder's skills are "a"`},
		{"misspelled skill", func(t *testing.T) string {
			return strings.ReplaceAll(edit(t, `"skill": "a"`, `"skill": "devosp"`), `"id": "a"`, `"id": "devops"`)
		}, `1:131: /levels/0/requirements/0/skill: unknown skill "devosp" (did you mean "devops"?)`},
		{"unknown skill next to a skill without a name", func(t *testing.T) string {
			return edit(t, `[{"id": "a", "name": "A"}], "levels": [{"id": "1", "requirements": [{"id": "r1", "skill": "a"`,
				`[{"id": "a", "name": ""}], "levels": [{"id": "1", "requirements": [{"id": "r1", "skill": "b"`)
		}, `1:57: /skills/0/name: must not be empty` + "\n" +
			`1:125: /levels/0/requirements/0/skill: unknown skill "b"; the ladder's skills are "a"`},
		{"unknown kind", func(t *testing.T) string { return edit(t, `"hard"`, `"must"`) },
			`1:139: /levels/0/requirements/0/kind: "must" is not one of "hard", "soft"`},
		{"level without requirements", func(t *testing.T) string {
			return edit(t, `[{"id": "r1", "skill": "a", "kind": "hard", "text": "x"}]`, `[]`)
		}, `1:75: /levels/0: level "1" has no requirements, no profile and no level rule: nothing decides whether it is reached`},
		{"bad ID", func(t *testing.T) string { return edit(t, `"id": "t"`, `"id": "My Ladder"`) },
			`1:8: /id: "My Ladder" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"`},
		{"very deep nesting", func(t *testing.T) string { return strings.Repeat("[", 100) + strings.Repeat("]", 100) },
			`1:65: nesting is deeper than the limit of 64 levels`},
		{"not JSON", func(t *testing.T) string { return `id: t` },
			`1:1: unexpected "i": want a value`},
		{"empty", func(t *testing.T) string { return "  \n" },
			`1:1: document is empty`},
		{"several problems, in document order", func(t *testing.T) string {
			return "{\n  \"id\": \"T T\",\n  \"name\": \"\",\n  \"skills\": [],\n  \"levels\": [{\"id\": \"1\", \"requirements\": [{\"id\": \"x\", \"kind\": \"hard\", \"text\": \"t\", \"skill\": \"zz\"}]}]\n}"
		}, `2:9: /id: "T T" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"` + "\n" +
			`3:11: /name: must not be empty` + "\n" +
			`5:93: /levels/0/requirements/0/skill: unknown skill "zz": the ladder has no skills`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.doc(t)
			l, err := ladder.Parse([]byte(doc))
			if err == nil {
				t.Fatalf("Parse(%q) = %v, want an error", doc, l)
			}
			var le *ladder.Error
			if !errors.As(err, &le) {
				t.Fatalf("Parse(%q) error %T is not a *ladder.Error", doc, err)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("Parse(%q) error:\ngot  %s\nwant %s", doc, got, tc.want)
			}
		})
	}
}

func TestParseOversizedDocument(t *testing.T) {
	p := ladder.Parser{MaxBytes: 100}
	_, err := p.Parse([]byte(small))
	if want := "1:1: document is 162 bytes, over the limit of 100"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	if _, err := ladder.Parse([]byte(small)); err != nil {
		t.Errorf("the default limit refused a small ladder: %v", err)
	}
}

func TestBadAssessment(t *testing.T) {
	l := mustParse(t, small)
	for _, tc := range []struct {
		name, doc, want string
	}{
		{"unknown status", `{"ladder": "t", "subject": "s", "marks": {"r1": {"status": "done"}}}`,
			`1:60: /marks/r1/status: "done" is not one of "reached", "not_yet", "not_applicable"`},
		{"same requirement twice", `{"ladder": "t", "subject": "s", "marks": {"r1": {"status": "reached"}, "r1": {"status": "not_yet"}}}`,
			`1:72: /marks/r1: duplicate key "r1" (first at 1:43): a later key would silently replace the earlier one`},
		{"missing subject", `{"ladder": "t", "marks": {}}`,
			`1:1: missing required field "subject"`},
		{"for another ladder", `{"ladder": "u", "subject": "s", "marks": {}}`,
			`1:12: /ladder: assessment is for ladder "u", not "t"`},
		{"unknown requirement and level", `{"ladder": "t", "subject": "s", "marks": {"r2": {"status": "reached"}}, "levels": {"9": {}}}`,
			`1:43: /marks/r2: ladder "t" has no requirement "r2" (did you mean "r1"?)` + "\n" +
				`1:84: /levels/9: ladder "t" has no level "9"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ladder.ParseAssessment([]byte(tc.doc))
			if err == nil {
				_, err = l.Evaluate(a)
			}
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v\nwant %s", err, tc.want)
			}
			var le *ladder.Error
			if !errors.As(err, &le) {
				t.Errorf("error %T is not a *ladder.Error", err)
			}
		})
	}
}

// An Assessment built in Go has no positions: its problems have pointers,
// sorted, and no line or column.
func TestBadAssessmentBuiltInGo(t *testing.T) {
	l := mustParse(t, small)
	a := &ladder.Assessment{Ladder: "t", Subject: "s", Marks: map[string]ladder.Mark{
		"r1": {Status: "done"},
		"zz": {Status: ladder.Reached},
		"r2": {Status: ladder.Reached},
	}}
	_, err := l.Evaluate(a)
	want := `/marks/r1/status: "done" is not one of "reached", "not_yet", "not_applicable"` + "\n" +
		`/marks/r2: ladder "t" has no requirement "r2" (did you mean "r1"?)` + "\n" +
		`/marks/zz: ladder "t" has no requirement "zz"`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// Load names the file in each problem; a file that cannot be read gives the
// error of os.ReadFile.
func TestLoadNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(path, []byte(strings.Replace(small, `{"id": "t",`, "{\n  \"id\": 1,", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ladder.Load(path)
	var le *ladder.Error
	if !errors.As(err, &le) {
		t.Fatalf("got %v, want a *ladder.Error", err)
	}
	p := le.Problems[0]
	if p.File != path || p.Line != 2 || p.Column != 9 || p.Pointer != "/id" || p.Message != "must be a string, not a number" {
		t.Errorf("got %+v", p)
	}
	if err.Error() != path+":2:9: /id: must be a string, not a number" {
		t.Errorf("got %q", err.Error())
	}
	_, err = ladder.Load(filepath.Join(dir, "missing.json"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("got %v, want an error wrapping os.ErrNotExist", err)
	}
	_, err = ladder.LoadAssessment(filepath.Join(dir, "missing.json"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("got %v, want an error wrapping os.ErrNotExist", err)
	}
}

// Load refuses a file over the limit without reading it whole.
func TestLoadOversizedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(path, []byte(small+strings.Repeat(" ", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	p := ladder.Parser{MaxBytes: 500}
	_, err := p.Load(path)
	want := path + ":1:1: document is 1162 bytes, over the limit of 500"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	_, err = p.LoadAssessment(path)
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// A reason longer than the schema allows is refused by Evaluate too, for
// an Assessment built in Go.
func TestLongReasonBuiltInGo(t *testing.T) {
	l := mustParse(t, small)
	a := &ladder.Assessment{Ladder: "t", Subject: "s", Marks: map[string]ladder.Mark{
		"r1": {Status: ladder.Reached, Reason: strings.Repeat("é", 1001)},
	}}
	_, err := l.Evaluate(a)
	want := "/marks/r1/reason: is 1001 characters long, over the limit of 1000"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	a.Marks["r1"] = ladder.Mark{Status: ladder.Reached, Reason: strings.Repeat("é", 1000)}
	if _, err := l.Evaluate(a); err != nil {
		t.Errorf("a reason of 1000 characters: %v", err)
	}
}
