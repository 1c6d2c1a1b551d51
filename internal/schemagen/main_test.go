package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestSchemasAreFresh fails when the committed schemas differ from what the
// Go types and their doc comments generate now.
func TestSchemasAreFresh(t *testing.T) {
	root := filepath.Join("..", "..")
	files, err := generate(root)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	if want := []string{"assessment.schema.json", "ladder.schema.json", "result.schema.json"}; !slices.Equal(names, want) {
		t.Errorf("generate returned files %q, want %q", names, want)
	}
	for _, name := range names {
		path := filepath.Join(root, "schema", name)
		committed, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v; run `go generate ./schema`", err)
			continue
		}
		if !bytes.Equal(committed, files[name]) {
			line := firstDifferentLine(committed, files[name])
			t.Errorf("schema/%s is stale (first difference at line %d): run `go generate ./schema` and commit the result", name, line)
		}
	}
}

// firstDifferentLine returns the 1-based number of the first line where a
// and b differ.
func firstDifferentLine(a, b []byte) int {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

// TestGenerateDoesNotChangeWorkingDirectory checks that docComments, which
// moves into a temporary directory to read the comments, moves back.
func TestGenerateDoesNotChangeWorkingDirectory(t *testing.T) {
	before, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := generate(filepath.Join("..", "..")); err != nil {
		t.Fatalf("generate: %v", err)
	}
	after, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("working directory is %s after generate, was %s", after, before)
	}
}

func TestModuleRoot(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	want, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if root != want {
		t.Errorf("moduleRoot() = %s, want %s", root, want)
	}
}

type goodTags struct {
	ID   string   `json:"id" jsonschema:"pattern=^[a-z]+$"`
	Kind string   `json:"kind" jsonschema:"enum=hard,enum=soft"`
	Next *goodTag `json:"next"`
}

type goodTag struct {
	Text string `json:"text" jsonschema:"minLength=1,maxLength=9"`
}

type spacedTags struct {
	Kind string `json:"kind" jsonschema:"enum=hard, enum=soft"`
}

// The bad tag sits two levels down, behind a slice and a map.
type nestedSpacedTags struct {
	Items []map[string]*spacedTags `json:"items"`
}

// Types that refer to themselves must not loop.
type recursiveTags struct {
	Children []recursiveTags `json:"children" jsonschema:"minItems=1"`
}

func TestCheckTags(t *testing.T) {
	tests := []struct {
		name    string
		types   []reflect.Type
		wantErr string // a substring, "" for no error
	}{
		{"good", []reflect.Type{reflect.TypeOf(goodTags{})}, ""},
		{"recursive", []reflect.Type{reflect.TypeOf(recursiveTags{})}, ""},
		{"pointer", []reflect.Type{reflect.TypeOf(&goodTags{})}, ""},
		{"space after comma", []reflect.Type{reflect.TypeOf(spacedTags{})},
			`spacedTags.Kind: jsonschema tag "enum=hard, enum=soft" has a space after a comma`},
		{"nested", []reflect.Type{reflect.TypeOf(nestedSpacedTags{})}, `spacedTags.Kind`},
		{"second type", []reflect.Type{reflect.TypeOf(goodTags{}), reflect.TypeOf(spacedTags{})}, `spacedTags.Kind`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkTags(tt.types...)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("checkTags: %v, want no error", err)
			case tt.wantErr != "" && err == nil:
				t.Errorf("checkTags: no error, want one containing %q", tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("checkTags: %v, want an error containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestUnwrap(t *testing.T) {
	tests := []struct{ in, want string }{
		{"one line", "one line"},
		{"two\nlines", "two lines"},
		{"  padded\n", "padded"},
		{"para one\ncontinued\n\npara two", "para one continued\n\npara two"},
	}
	for _, tt := range tests {
		if got := unwrap(tt.in); got != tt.want {
			t.Errorf("unwrap(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
