// Package sheet brings career ladders in from the spreadsheets teams keep
// them in, and takes them back out: it reads a sheet in the layout of the
// DevOps Technical Mastery matrix (examples/devops-technical-mastery) into
// a ladder.Ladder, and the assessment filled in it into a
// ladder.Assessment, and writes a ladder and an assessment back in the same
// layout.
//
// # The layout
//
// The first rows hold the ladder's name (its title), its summary (the
// subtitle) and its description, one cell each. The title row may also hold
// cells "id: ..." and "version: ...". Then a header row names the columns:
//
//	Level | Expertise reach | Reached | Not yet | Description | Reached | Not yet |
//	Hard requirements | Reasons | Reached | Not yet | Soft requirements | Reasons
//
// Columns are found by their header names, not their places: a column
// moved, added or left out is fine, and only Level and Hard requirements
// are required. Each Reached and Not yet pair is the checkbox of the column
// to its right (the level's description, its hard requirements, its soft
// requirements); each Reasons column holds the assessor's reasons for the
// requirements to its left.
//
// A row whose Level cell holds a number starts a level, with its expertise
// reach and description on that row. In the requirement columns, a cell
// that starts with "- " is a requirement (one cell, one requirement, though
// it may run over several lines), and another is the heading of a sub-skill
// ("DevOps:", "Monitoring / Incident"): the requirements below it, up to
// the next heading or level, are the sub-skill's. A level's requirements
// before any heading have no skill. On a heading's own row (not a level's),
// the Description cell describes the sub-skill.
//
// Checkboxes are TRUE or FALSE, as spreadsheets export them; x, yes and
// an empty cell are read too, and N/A for a requirement that does not
// apply. A sheet with any checkbox ticked or reason written holds an
// assessment: Reached is reached, Not yet is not_yet, N/A is
// not_applicable, and neither leaves the requirement unassessed.
//
// IDs are made from the level, the sub-skill and the first words of the
// text ("l1-devops-codes-simple-features"), unique and the same on every
// import of the same sheet. Export writes the IDs, and the level names, in
// columns of their own after the layout's (Level ID, Level name, Skill ID,
// Hard requirement ID, Soft requirement ID), which import reads when they
// are there: a ladder exported and imported again is the same ladder, but
// for what Export says the layout leaves out.
//
// # Errors
//
// A sheet that does not fit the layout is a *ladder.Error whose problems
// name the cell at fault, as in "H44: ...". A CSV file that cannot be read
// as CSV gets the line and column of the text at fault.
package sheet
