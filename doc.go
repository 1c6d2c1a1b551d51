// Package ladder makes career ladders software: it reads a ladder (levels,
// skills, hard and soft requirements) and assessments of people against it
// from JSON, checks them, and says which level each person has reached, why,
// and what is missing for the next one.
//
// A ladder is what companies keep in a spreadsheet. Each level has
// requirements, sorted into the ladder's skills; an assessor marks each
// requirement reached, not yet, or not applicable, with a reason:
//
//	{
//	  "id": "devops-technical-mastery", "name": "DevOps Technical Mastery",
//	  "skills": [{"id": "devops", "name": "DevOps"}, ...],
//	  "levels": [
//	    {"id": "1", "name": "Level 1", "reach": "Self", "requirements": [
//	      {"id": "l1-devops-codes-simple-features", "skill": "devops", "kind": "hard",
//	       "text": "Codes simple features and handles simple bugs autonomously"}, ...]},
//	    ...]
//	}
//
//	{
//	  "ladder": "devops-technical-mastery", "subject": "alice",
//	  "marks": {"l1-devops-codes-simple-features": {"status": "reached", "reason": "Shipped the export alone"}, ...}
//	}
//
// # Evaluation
//
// At each level, the requirements of one skill form a group, and the
// requirements without a skill form the level's general group. By default a
// group is reached when all its hard requirements are (not_applicable ones
// are left out, so that a group whose hard requirements are all
// not_applicable is reached; unassessed ones are not reached; soft ones are
// reported), a
// level is reached when all its groups are, and the person's rank is the
// highest r such that levels 1 to r are all reached: there are no gaps. A
// ladder can replace these rules with its own, on the whole ladder or on one
// level, written in the expression language of package dsl:
//
//	"rules": {"skill": "all(hard, .reached) and share(soft) >= 0.5"}
//
// # A complete program
//
//	package main
//
//	import (
//		"fmt"
//		"log"
//
//		"github.com/ladderkit/ladder"
//	)
//
//	func main() {
//		l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
//		if err != nil {
//			log.Fatal(err) // every problem, as FILE:LINE:COLUMN: POINTER: MESSAGE
//		}
//		a, err := ladder.LoadAssessment("examples/devops-technical-mastery/alice-newcomer.json")
//		if err != nil {
//			log.Fatal(err)
//		}
//		res, err := l.Evaluate(a)
//		if err != nil {
//			log.Fatal(err)
//		}
//		fmt.Printf("%s has reached level %d\n", res.Subject, res.Rank)
//		if next := res.Next(); next != nil {
//			for _, g := range next.Groups {
//				if !g.Reached {
//					fmt.Printf("for %s, %s is missing %v\n", next.Name, g.Name, g.Missing)
//				}
//			}
//		}
//	}
//
// # Errors
//
// Parse, Load, ParseAssessment, LoadAssessment and Evaluate report a bad
// document with a *Error listing every problem found, in document order,
// each with its line, column and JSON pointer; errors.As gets it. Nothing a
// user wrote is dropped or repaired: unknown fields, duplicate keys, invalid
// UTF-8 and values of the wrong type are all errors.
//
// # Concurrency and cost
//
// Parse checks a ladder and compiles its rules once. A parsed Ladder is
// immutable and safe for concurrent use: an HR system parses its ladders at
// start-up and evaluates assessments from any goroutine. A rule that Parse
// accepts evaluates on every assessment of its ladder, to the verdict it
// says: the checks refuse what could fail or mislead as it runs (see
// package dsl). Rules are bounded: a ladder written by anyone cannot make
// Evaluate hang or exhaust memory (see dsl.Limits), and a document that is
// nothing but errors gets its first hundred problems, in time and memory
// linear in its size.
//
// # Packages
//
// Start here. Package rules holds the rules a ladder writes, the defaults
// and which rule holds where; package dsl is the language they are written
// in; package schema holds the JSON Schemas of ladders and assessments for
// editors and for programs that check raw documents, and the Problem every
// package reports a bad document with; package laddertest serves a team's own
// tests: ranks pinned in a cases file, and a gopter check that its rules
// behave like levels. The ladder command (cmd/ladder) validates, evaluates
// and lints files from a terminal:
//
//	go run ./cmd/ladder eval examples/devops-technical-mastery/ladder.json examples/devops-technical-mastery/bruno-squad-expert.json
//	go run ./cmd/ladder lint examples/devops-technical-mastery/ladder.json
package ladder
