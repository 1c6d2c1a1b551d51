// Package hook lets the packages of this module reach what packages ladder
// and laddertest keep to themselves, where a user has no need of it:
//
//   - laddertest's search flips one mark at a time and decides one level
//     again, on the compiled plan of a ladder, in the time of that level
//     rather than of the whole ladder;
//   - the ladder command reads each file once, and parses its bytes with
//     the file's name, as Load, LoadAssessment and LoadCases do.
//
// Each package sets its hooks when it is initialized; a program that uses
// a hook imports the package that sets it.
package hook

import "github.com/ladderkit/ladder/internal/engine"

// Set by package ladder.
var (
	// Plan returns the plan of a *ladder.Ladder made by Parse, Load or
	// New, nil for another.
	Plan func(l any) *engine.Plan
	// ParseLadder parses a *ladder.Ladder from the bytes of the file
	// named file, with the default limits.
	ParseLadder func(file string, data []byte) (any, error)
	// ParseAssessment parses a *ladder.Assessment from the bytes of the
	// file named file, with the default limits.
	ParseAssessment func(file string, data []byte) (any, error)
)

// Set by package laddertest.
var (
	// ParseCases parses a *laddertest.Cases from the bytes of the file
	// at path.
	ParseCases func(path string, data []byte) (any, error)
)
