package ladder

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ladderkit/ladder/internal/source"
	"github.com/ladderkit/ladder/schema"
)

// Error is the error of a document that is not right: every problem found,
// in document order. Parse, ParseAssessment, Load, LoadAssessment, New and
// Evaluate return a *Error for anything wrong with what they were given;
// use errors.As to get it. Other errors (a file that cannot be read) are
// returned as they are. It is schema.Error: every package of the library
// reports a bad document with it.
type Error = schema.Error

// Problem is one problem in a document and where it is: its file, line and
// column when the document was read from text, its JSON pointer always. It
// is schema.Problem.
type Problem = schema.Problem

// problems collects the problems of one document, with their offsets,
// before they are sorted and located.
type problems struct {
	file string
	doc  *source.Doc // as read, to locate problems found after parsing
	list []problem
	// more is the number of problems found and not in list, -1 when
	// their number is not known (see source.MaxProblems).
	more int
	// blocked holds the pointers the schema found at fault: later checks
	// say nothing more about them, as repeating the schema's complaint in
	// other words helps nobody.
	blocked map[string]bool
}

type problem struct {
	source.Problem
	snippet string
}

func (ps *problems) add(off int, ptr, msg, snippet string) {
	if ps.blocked[ptr] {
		return
	}
	ps.list = append(ps.list, problem{source.Problem{Offset: off, Pointer: ptr, Message: msg}, snippet})
}

// blockedUnder reports whether the schema found fault with the value at ptr
// or with anything in it.
func (ps *problems) blockedUnder(ptr string) bool {
	for p := range ps.blocked {
		if p == ptr || strings.HasPrefix(p, ptr+"/") {
			return true
		}
	}
	return false
}

// at reports a problem with the value at ptr.
func (ps *problems) at(ptr, msg string) { ps.add(ps.offset(ptr), ptr, msg, "") }

// offset returns the offset of the value at ptr in the document, 0 when
// there is none.
func (ps *problems) offset(ptr string) int {
	if ps.doc == nil || ps.doc.Root == nil {
		return 0
	}
	return ps.doc.Offset(ptr)
}

// block stops later problems at the pointers reported so far.
func (ps *problems) block() {
	if ps.blocked == nil {
		ps.blocked = make(map[string]bool)
	}
	for _, p := range ps.list {
		ps.blocked[p.Pointer] = true
	}
}

// err returns the problems as a *Error in document order, or nil when there
// are none.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	slices.SortStableFunc(ps.list, func(a, b problem) int {
		if a.Offset != b.Offset {
			return a.Offset - b.Offset
		}
		// Problems of an Assessment built in Go have no offsets and come
		// from a map: order them by pointer so they read the same each run.
		return strings.Compare(a.Pointer, b.Pointer)
	})
	list, more := ps.list, ps.more
	if len(list) > source.MaxProblems {
		if more >= 0 {
			more += len(list) - source.MaxProblems
		}
		list = list[:source.MaxProblems]
	}
	e := &Error{Problems: make([]Problem, len(list))}
	var cursor *source.Cursor
	if ps.doc != nil && ps.doc.Data != nil {
		cursor = ps.doc.Cursor()
	}
	for i, p := range list {
		e.Problems[i] = Problem{File: ps.file, Pointer: p.Pointer, Message: p.Message, Snippet: p.snippet}
		if cursor != nil {
			e.Problems[i].Line, e.Problems[i].Column = cursor.Position(p.Offset)
		}
	}
	if more != 0 {
		e.Problems = append(e.Problems, Problem{File: ps.file, Message: source.MoreProblems(more)})
	}
	return e
}

// errNotChecked is the error of a method called on a Ladder that Parse,
// Load or New did not make.
func errNotChecked(method string) error {
	return fmt.Errorf("ladder: %s on a Ladder not made by Parse, Load or New", method)
}
