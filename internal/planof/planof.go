// Package planof reaches the compiled plan of a parsed ladder from the
// packages of this module that need more than its results: laddertest,
// whose search flips one mark at a time and decides one level again, in the
// time of that level rather than of the whole ladder.
package planof

import "github.com/ladderkit/ladder/internal/engine"

// Of returns the plan of a *ladder.Ladder made by Parse or Load, nil for
// another. Package ladder sets it when it is initialized.
var Of func(l any) *engine.Plan
