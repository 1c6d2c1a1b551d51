// Package schema holds the JSON Schemas of ladders, assessments and results,
// checks documents against them, and defines the located problems that every
// package of the library reports a bad document with.
//
// The schemas (draft 2020-12) are generated from the Go types of package
// ladder and their doc comments, committed as ladder.schema.json,
// assessment.schema.json and result.schema.json, and embedded here. Editors use them for completion
// and checks while a file is typed; ladder.Parse and ladder.ParseAssessment
// validate every document against them before anything else.
//
// A program that accepts ladder files, such as a service taking uploads, can
// check raw bytes without decoding them into the model:
//
//	if err := schema.Ladder().Validate(data); err != nil {
//		// err is a *schema.Error listing each problem with its place.
//	}
//
// Validation only checks the shape of a document. What a schema cannot say
// (IDs unique across a ladder, a requirement naming a skill the ladder has,
// rules that compile) is checked by ladder.Parse, which reports it with the
// same Error.
package schema

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"

	"github.com/ladderkit/ladder/internal/docschema"
	"github.com/ladderkit/ladder/internal/source"
)

//go:generate go run ../internal/schemagen

var (
	//go:embed ladder.schema.json
	ladderJSON []byte
	//go:embed assessment.schema.json
	assessmentJSON []byte
	//go:embed result.schema.json
	resultJSON []byte
)

func init() {
	docschema.Register(docschema.Ladder, LadderID, "ladder", ladderJSON)
	docschema.Register(docschema.Assessment, AssessmentID, "assessment", assessmentJSON)
	docschema.Register(docschema.Result, ResultID, "result", resultJSON)
}

// Schema is a compiled JSON Schema. It is safe for concurrent use.
type Schema struct{ kind docschema.Kind }

var (
	ladder     = &Schema{docschema.Ladder}
	assessment = &Schema{docschema.Assessment}
	result     = &Schema{docschema.Result}
)

// Ladder returns the schema of ladder documents. It is compiled on first
// use, once per process.
func Ladder() *Schema { return ladder }

// Assessment returns the schema of assessment documents. It is compiled on
// first use, once per process.
func Assessment() *Schema { return assessment }

// Result returns the schema of results, as `ladder eval --format json`
// prints them and encoding/json encodes a ladder.Result: for programs in
// other languages that read them. It is compiled on first use, once per
// process.
func Result() *Schema { return result }

// ID returns the schema's $id.
func (s *Schema) ID() string { return docschema.Of(s.kind).ID() }

// JSON returns the schema document.
func (s *Schema) JSON() []byte { return docschema.Of(s.kind).JSON() }

// Validate checks a JSON document. It returns nil when the document is
// valid, and otherwise a *Error listing its problems in document order:
// syntax (with duplicate keys and invalid UTF-8), then what breaks the
// schema. A document of many problems gets the first hundred, and a last
// problem that says how many more there are. Documents over 8 MiB or 64
// levels deep are refused.
func (s *Schema) Validate(data []byte) error {
	doc, problems := source.Parse(data, source.DefaultLimits)
	more := 0
	if len(problems) == 0 {
		problems, more = docschema.Of(s.kind).Locate(doc, source.MaxProblems)
	}
	if len(problems) == 0 {
		return nil
	}
	// By offset only: problems at the same place keep their order (the
	// missing fields of an object in the schema's order).
	slices.SortStableFunc(problems, func(a, b source.Problem) int { return a.Offset - b.Offset })
	e := &Error{Problems: make([]Problem, len(problems))}
	cursor := doc.Cursor()
	for i, p := range problems {
		line, col := cursor.Position(p.Offset)
		e.Problems[i] = Problem{Line: line, Column: col, Pointer: p.Pointer, Message: p.Message}
	}
	if more != 0 {
		e.Problems = append(e.Problems, Problem{Message: source.MoreProblems(more)})
	}
	return e
}

// Error is a document that is not right: every problem found, in document
// order. Validate returns it, and so do ladder.Parse, ladder.ParseAssessment
// and Ladder.Evaluate (as ladder.Error, the same type); use errors.As to
// get it.
type Error struct {
	// Problems are the problems found, in document order; never empty. A
	// document of many problems gets the first hundred, and a last problem
	// without a line that says how many more there are.
	Problems []Problem
}

// Error returns the problems, one a line.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Problem is one problem in a document, and where it is.
type Problem struct {
	// File is the path the document was read from; "" when it was given
	// as bytes, or built in Go.
	File string `json:"file,omitempty"`
	// Line and Column locate the problem in the document, from 1. Columns
	// count characters, not bytes. They are 0 when the document has no
	// text (a ladder or assessment built in Go) and on the last problem of
	// a document of too many.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
	// Pointer is the JSON pointer (RFC 6901) of the value at fault, "" for
	// the whole document.
	Pointer string `json:"pointer"`
	// Message says what is wrong.
	Message string `json:"message"`
	// Snippet shows a problem inside a rule: the rule's line, and a caret
	// under the character at fault.
	Snippet string `json:"snippet,omitempty"`
}

// String formats the problem as FILE:LINE:COLUMN: POINTER: MESSAGE, leaving
// out what is not known, followed by the snippet's lines, if any.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		b.WriteByte(':')
	}
	if p.Line > 0 {
		b.WriteString(strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column) + ":")
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if p.Pointer != "" {
		b.WriteString(source.PrintablePointer(p.Pointer) + ": ")
	}
	b.WriteString(p.Message)
	if p.Snippet != "" {
		b.WriteByte('\n')
		b.WriteString(p.Snippet)
	}
	return b.String()
}
