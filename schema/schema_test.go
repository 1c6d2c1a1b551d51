package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// idPattern is the pattern of IDs, which messages of package docschema name
// as such.
const idPattern = "^[a-z0-9._-]+$"

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
		})
	}
	if seen["ladder"] == 0 || seen["assessment"] == 0 {
		t.Errorf("valid corpus checked %d ladders and %d assessments, want some of each", seen["ladder"], seen["assessment"])
	}
}

// manyProblems reads a ladder with problems of every kind, several in the
// same objects, so that santhosh-tekuri/jsonschema, which ranges over maps,
// finds them in a different order from run to run.
func manyProblems(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/many-problems.json")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestValidateIsDeterministic(t *testing.T) {
	s := Ladder()
	data := manyProblems(t)
	first := s.Validate(data)
	if first == nil {
		t.Fatal("manyProblems validates")
	}
	if n := strings.Count(first.Error(), "\n") + 1; n < 25 {
		t.Fatalf("manyProblems has %d problems, want at least 25 for the test to mean something:\n%v", n, first)
	}
	for i := range 50 {
		if err := s.Validate(data); err.Error() != first.Error() {
			t.Fatalf("run %d of Validate:\n%v\nrun 0:\n%v", i+1, err, first)
		}
	}
}

// TestValidateConcurrently checks, under -race, that a Schema can be
// compiled and used from many goroutines at once.
func TestValidateConcurrently(t *testing.T) {
	data := manyProblems(t)
	want := Ladder().Validate(data).Error()
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				if got := Ladder().Validate(data).Error(); got != want {
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

func TestSchemaIDs(t *testing.T) {
	for _, tt := range []struct {
		s  *Schema
		id string
	}{
		{Ladder(), LadderID},
		{Assessment(), AssessmentID},
		{Result(), ResultID},
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
	if Ladder() != Ladder() || Assessment() != Assessment() || Result() != Result() {
		t.Error("Ladder(), Assessment() or Result() compiles anew on each call")
	}
}

func TestJSONReturnsACopy(t *testing.T) {
	for _, s := range []*Schema{Ladder(), Assessment(), Result()} {
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
	for _, s := range []*Schema{Ladder(), Assessment(), Result()} {
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
		{Result(), "/$defs/Mark/properties/status/enum", []any{"reached", "not_yet", "not_applicable"}},
		{Result(), "/$defs/RequirementResult/properties/kind/enum", []any{"hard", "soft"}},
		// ladder.Unassessed too: a result reports requirements without a
		// mark.
		{Result(), "/$defs/RequirementResult/properties/status/enum", []any{"reached", "not_yet", "not_applicable", "unassessed"}},
		{Result(), "/$defs/Orphan/properties/of/enum", []any{"requirement", "reach", "description"}},
		{Result(), "/$defs/Orphan/properties/status/enum", []any{"reached", "not_yet", "not_applicable"}},
	}
	for _, tt := range tests {
		got, _ := find(schemaDoc(t, tt.s), tt.ptr).([]any)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s#%s = %v, want %v", tt.s.ID(), tt.ptr, got, tt.want)
		}
	}
	// No other enum hides in the schemas.
	enums := map[*Schema]int{}
	for _, tt := range tests {
		enums[tt.s]++
	}
	for s, want := range enums {
		n := 0
		walkSchemas("", schemaDoc(t, s), func(ptr string, sch map[string]any) {
			if _, ok := sch["enum"]; ok {
				n++
			}
		})
		if n != want {
			t.Errorf("%s has %d enums, want %d", s.ID(), n, want)
		}
	}
}

func TestIDPattern(t *testing.T) {
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
			"/$defs/Level/properties/track/pattern",
			"/$defs/Level/properties/profile/propertyNames/pattern",
			"/$defs/Step/properties/id/pattern",
			"/$defs/Track/properties/id/pattern",
			"/$defs/NamedValue/properties/id/pattern",
		}},
		{Assessment(), []string{
			"/properties/ladder/pattern",
			"/properties/marks/propertyNames/pattern",
			"/properties/levels/propertyNames/pattern",
			"/properties/track/pattern",
			"/$defs/Orphaned/properties/marks/propertyNames/pattern",
			"/$defs/Orphaned/properties/levels/propertyNames/pattern",
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
		{Ladder(), "/$defs/Level/required", []any{"id"}},
		{Ladder(), "/$defs/Step/required", []any{"id", "requirements"}},
		{Ladder(), "/$defs/Track/required", []any{"id", "name"}},
		{Ladder(), "/$defs/Link/required", []any{"url"}},
		{Ladder(), "/$defs/NamedValue/required", []any{"id", "name", "rule"}},
		{Ladder(), "/$defs/Requirement/required", []any{"id", "kind", "text"}},
		{Ladder(), "/$defs/Rules/required", nil},
		{Assessment(), "/required", []any{"ladder", "subject", "marks"}},
		{Assessment(), "/$defs/Mark/required", []any{"status"}},
		{Assessment(), "/$defs/LevelMarks/required", nil},
		{Result(), "/required", []any{"ladder", "ladderName", "subject", "rank", "levels"}},
		{Result(), "/$defs/LevelResult/required", []any{"rank", "id", "name", "reached", "groups"}},
		{Result(), "/$defs/GroupResult/required", []any{"skill", "name", "general", "reached", "missing", "softMissing", "unassessed", "hard", "soft", "requirements"}},
		{Result(), "/$defs/RequirementResult/required", []any{"id", "kind", "text", "status"}},
		{Result(), "/$defs/Count/required", []any{"reached", "total"}},
		{Result(), "/$defs/Mark/required", []any{"status"}},
	}
	for _, tt := range tests {
		got, _ := find(schemaDoc(t, tt.s), tt.ptr).([]any)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s#%s = %v, want %v", tt.s.ID(), tt.ptr, got, tt.want)
		}
	}
}

// A number written with a huge exponent or thousands of digits is out of
// range where a schema wants a number: santhosh-tekuri/jsonschema/v5 would
// work it out exactly, for seconds, or panic past 10^10^7.
func TestUnwieldyNumbers(t *testing.T) {
	for _, n := range []string{"1e9999999", "1e10000000", "-2.5E+99999999", "1e-99999999", "1" + strings.Repeat("0", 2000)} {
		doc := `{"ladder": "x", "ladderName": "X", "subject": "s", "rank": ` + n + `, "levels": []}`
		err := Result().Validate([]byte(doc))
		var e *Error
		if !errors.As(err, &e) || len(e.Problems) != 1 || e.Problems[0].Pointer != "/rank" || !strings.HasSuffix(e.Problems[0].Message, "is a number out of range") {
			t.Errorf("rank %.20s: got %v, want one problem: out of range", n, err)
		}
	}
	// In a valid document too: a count of 1500 digits.
	doc := `{"ladder": "x", "ladderName": "X", "subject": "s", "rank": 1, "levels": [{"rank": 1, "id": "1", "name": "", "reached": true, "groups": [
	  {"skill": "", "name": "General", "general": true, "reached": true, "missing": [], "softMissing": [], "unassessed": [], "requirements": [],
	   "hard": {"reached": ` + strings.Repeat("9", 1500) + `, "total": 1}, "soft": {"reached": 0, "total": 0}}]}]}`
	var e *Error
	if err := Result().Validate([]byte(doc)); !errors.As(err, &e) || len(e.Problems) != 1 || e.Problems[0].Pointer != "/levels/0/groups/0/hard/reached" {
		t.Errorf("a count of 1500 digits: got %v, want it out of range", err)
	}
	// Numbers of a sane size are checked as they are.
	for n, valid := range map[string]bool{"3": true, "3.0": true, "1e3": true, "1e1000": true, "-1": false, "2.5": false} {
		doc := `{"ladder": "x", "ladderName": "X", "subject": "s", "rank": ` + n + `, "levels": []}`
		if err := Result().Validate([]byte(doc)); (err == nil) != valid {
			t.Errorf("rank %s: got %v, want valid %v", n, err, valid)
		}
	}
}
