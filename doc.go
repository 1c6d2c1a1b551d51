// Package ladder makes career ladders software: it reads a ladder (levels,
// skills, hard and soft requirements) and assessments of people against it,
// from JSON or as Go values, checks them, and says which level each person
// has reached, why, and what is missing for the next one.
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
// # Skill levels, steps, tracks and points
//
// The same model holds the other shapes ladders come in (docs/modelling.md
// shows each, with examples under examples/):
//
//   - A person's level in each skill is the highest step reached with all
//     those below: a skill's steps are its groups at the levels, or steps
//     of its own (Skill.Steps), each with requirements and points.
//   - A level can be decided over skills instead of holding requirements:
//     by a profile asking for a level in some skills (Level.Profile), or by
//     a level rule that reads skillLevels, points and level.threshold, as
//     "points >= level.threshold" does for every level at once.
//   - With ImpliedSteps, reaching a step implies the steps below it in the
//     same skill: an assessor marks only what describes the person, and
//     results say which marks were implied.
//   - Tracks branch a ladder: the shared levels, then each track's own. An
//     assessment may name its track; otherwise the result gives the rank on
//     every track. Labels name levels ("TL4") while ranks stay contiguous.
//   - Named values (Ladder.Values) are numbers rules compute for people to
//     read, such as the points to the next title.
//   - A requirement can carry Details: examples, evidence and links, which
//     results and reports show.
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
//				for _, id := range g.Missing {
//					r := res.Requirement(id)
//					fmt.Printf("for %s, %s misses %q (%s)\n", next.Name, g.Name, r.Text, r.Status)
//				}
//			}
//		}
//	}
//
// # Ladders and assessments in Go
//
// A program that keeps its ladders in its own database builds a Ladder as
// Go values and passes it to New, which checks it as Parse checks JSON, with
// problems located by JSON pointer, and compiles it; nil and empty slices
// mean the same. An Assessment built in Go gets exactly the checks of one
// read by ParseAssessment, every time Evaluate sees it. A Ladder returned by
// Parse, Load or New keeps a copy of what it evaluates: changing its fields
// afterwards changes nothing (pass the changed ladder to New).
//
// # Results
//
// A Result holds everything a report needs: the ladder's name and version,
// the assessment's subject, assessor and date, the rank (on each track),
// each skill's level, the points and named values, and for each level,
// skill, step and requirement its verdict, the requirement's kind, text and
// details, and the assessor's status and reason (or that the mark was
// implied). Result.Level, Result.Skill and Result.Requirement look them up
// by ID. Its JSON form, which encoding/json writes and reads back,
// is what `ladder eval --format json` prints, and schema.Result describes it
// for programs in other languages. The Example of Result prints a full
// report from a Result alone.
//
// # Versions, people over time and whole companies
//
// A ladder is revised. An assessment names the version it was made against
// in LadderVersion; evaluated against another version, its marks of what
// that version lacks become Result.Orphans, with their reasons, instead of
// errors. Diff says what changed between two versions, keyed by IDs, and
// Ladder.Migrate carries an assessment over, renames included, keeping
// what it cannot place in Assessment.Orphaned. Progress follows one
// person's results over time and Compare lists where two assessments of
// one person disagree. Ladder.Batch evaluates a company's assessments, one
// JSON document a line, in parallel and in bounded memory, and
// Ladder.EvaluateLines yields the same results as an iterator.
//
// # Errors
//
// Parse, Load, New, ParseAssessment, LoadAssessment and Evaluate report a
// bad document with a *Error listing every problem found, in document order,
// each with its JSON pointer, and its line and column when there is a
// document; errors.As gets it. Nothing a
// user wrote is dropped or repaired: unknown fields, duplicate keys, invalid
// UTF-8 and values of the wrong type are all errors.
//
// # Concurrency and cost
//
// Parse checks a ladder and compiles its rules once, reading the document
// once. A parsed Ladder evaluates from its own copy, which later changes to
// its fields do not touch, and is safe for concurrent use: an HR system
// parses its ladders at start-up and evaluates assessments from any
// goroutine. A rule that Parse
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
// in, for editors and rule playgrounds too; package schema holds the JSON
// Schemas of ladders, assessments and results, for editors and for programs
// that check raw documents, and the Problem every package reports a bad
// document with (Problem and Error here are the same types); package laddertest serves a team's own
// tests: ranks pinned in a cases file, and a gopter check that its rules
// behave like levels; package sheet imports ladders and assessments from
// spreadsheets (CSV; sheet/xlsx for Excel workbooks), and exports them
// back; package render shows a ladder, a person's report or a team's heat
// map as HTML or Markdown. The ladder command (cmd/ladder) validates, evaluates
// and lints files, imports and exports sheets, and renders pages from a
// terminal:
//
//	go run ./cmd/ladder eval examples/devops-technical-mastery/ladder.json examples/devops-technical-mastery/bruno-squad-expert.json
//	go run ./cmd/ladder lint examples/devops-technical-mastery/ladder.json
package ladder
