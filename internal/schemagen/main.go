// Command schemagen writes the JSON Schemas of ladders, assessments and
// results, schema/ladder.schema.json, schema/assessment.schema.json and
// schema/result.schema.json, from the Go types of package ladder and their
// doc comments. It runs through go
// generate in package schema:
//
//	go generate ./schema
//
// The comments are read from the source files, which is why the schemas are
// generated once and committed rather than built when a program starts.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/rule"
	"github.com/ladderkit/ladder/schema"
)

func main() {
	root, err := moduleRoot()
	if err == nil {
		var files map[string][]byte
		files, err = generate(root)
		for name, data := range files {
			if err == nil {
				err = os.WriteFile(filepath.Join(root, "schema", name), data, 0o644)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}

// moduleRoot finds the directory holding go.mod, from the working directory up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// generate returns the schema files by name. root is the module's directory,
// where the doc comments are read.
func generate(root string) (map[string][]byte, error) {
	comments, err := docComments(root)
	if err != nil {
		return nil, err
	}
	r := &jsonschema.Reflector{
		ExpandedStruct: true,
		CommentMap:     comments,
	}

	l := r.Reflect(&ladder.Ladder{})
	l.ID = jsonschema.ID(schema.LadderID)
	l.Title = "Career ladder"

	a := r.Reflect(&ladder.Assessment{})
	a.ID = jsonschema.ID(schema.AssessmentID)
	a.Title = "Assessment against a career ladder"
	res := r.Reflect(&ladder.Result{})
	res.ID = jsonschema.ID(schema.ResultID)
	res.Title = "Result of an assessment against a career ladder"

	// A mark's status is one of the words of ladder.Status that a mark can
	// be given; a requirement's status in a result is any of them.
	for _, s := range []*jsonschema.Schema{a, res} {
		status := s.Definitions["Mark"].Properties.Value("status")
		for _, word := range rule.MarkStatuses {
			status.Enum = append(status.Enum, word)
		}
	}
	if orphan := res.Definitions["Orphan"]; orphan != nil {
		status := orphan.Properties.Value("status")
		for _, word := range rule.MarkStatuses {
			status.Enum = append(status.Enum, word)
		}
	}
	status := res.Definitions["RequirementResult"].Properties.Value("status")
	for _, word := range rule.MarkStatuses {
		status.Enum = append(status.Enum, word)
	}
	status.Enum = append(status.Enum, rule.Unassessed)
	// Marks and level marks are keyed by IDs: say so, so that editors flag a
	// key that cannot be an ID while it is typed.
	idPattern := l.Properties.Value("id").Pattern
	for _, key := range []string{"marks", "levels"} {
		a.Properties.Value(key).PropertyNames = &jsonschema.Schema{Pattern: idPattern}
	}
	// So are the orphaned marks and level marks.
	for _, key := range []string{"marks", "levels"} {
		a.Definitions["Orphaned"].Properties.Value(key).PropertyNames = &jsonschema.Schema{Pattern: idPattern}
	}
	// A profile is keyed by skill IDs, and asks for a level of at least 1.
	profile := l.Definitions["Level"].Properties.Value("profile")
	profile.PropertyNames = &jsonschema.Schema{Pattern: idPattern}
	profile.AdditionalProperties.Minimum = json.Number("1")

	files := make(map[string][]byte)
	for name, s := range map[string]*jsonschema.Schema{"ladder.schema.json": l, "assessment.schema.json": a, "result.schema.json": res} {
		data, err := json.MarshalIndent(s, "", "  ")
		if err != nil {
			return nil, err
		}
		files[name] = append(data, '\n')
	}
	return files, checkTags(reflect.TypeOf(ladder.Ladder{}), reflect.TypeOf(ladder.Assessment{}), reflect.TypeOf(ladder.Result{}))
}

// docComments reads the doc comments of package ladder's types and fields,
// keyed the way jsonschema.Reflector.CommentMap wants them, with the lines
// of each paragraph joined: editors show descriptions as flowing text.
func docComments(root string) (map[string]string, error) {
	r := new(jsonschema.Reflector)
	// Read only the packages of the model, the root and rules:
	// AddGoComments walks every directory below the path it is given.
	tmp, err := os.MkdirTemp("", "schemagen")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	for _, dir := range []string{".", "rules"} {
		names, err := filepath.Glob(filepath.Join(root, dir, "*.go"))
		if err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Join(tmp, dir), 0o755); err != nil {
			return nil, err
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			data, err := os.ReadFile(name)
			if err != nil {
				return nil, err
			}
			if err := os.WriteFile(filepath.Join(tmp, dir, filepath.Base(name)), data, 0o644); err != nil {
				return nil, err
			}
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if err := os.Chdir(tmp); err != nil {
		return nil, err
	}
	err = r.AddGoComments("github.com/ladderkit/ladder", ".")
	if err2 := os.Chdir(wd); err == nil {
		err = err2
	}
	if err != nil {
		return nil, err
	}
	for k, v := range r.CommentMap {
		r.CommentMap[k] = unwrap(v)
	}
	return r.CommentMap, nil
}

// unwrap joins the lines of each paragraph of s with spaces.
func unwrap(s string) string {
	paras := strings.Split(strings.TrimSpace(s), "\n\n")
	for i, p := range paras {
		paras[i] = strings.ReplaceAll(p, "\n", " ")
	}
	return strings.Join(paras, "\n\n")
}

// checkTags guards against a trap of invopop/jsonschema: a space after a
// comma in a jsonschema tag silently drops the keyword that follows.
func checkTags(types ...reflect.Type) error {
	seen := map[reflect.Type]bool{}
	var check func(t reflect.Type) error
	check = func(t reflect.Type) error {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return nil
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			if tag := f.Tag.Get("jsonschema"); strings.Contains(tag, ", ") {
				return fmt.Errorf("%s.%s: jsonschema tag %q has a space after a comma, which drops the next keyword", t.Name(), f.Name, tag)
			}
			if err := check(f.Type); err != nil {
				return err
			}
		}
		return nil
	}
	for _, t := range types {
		if err := check(t); err != nil {
			return err
		}
	}
	return nil
}
