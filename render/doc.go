// Package render shows ladders and results to people: a ladder as a
// matrix (levels as rows, skills as columns), one person's report (the
// level reached on each track, each skill's level as a chart, what holds at
// each level with the assessor's reasons, the points and named values, and
// the plan for the next level), and a team's heat map (people by skills).
//
// Each comes as HTML or as Markdown, written to an io.Writer, so that an HR
// system can embed it in its own pages. The HTML is one self-contained
// document: inline CSS and SVG, no scripts, no fonts or files from
// elsewhere, readable on screen and on paper (a report fits on A4 pages).
// Its tables have headers and captions, and its charts text alternatives.
// It is well-formed XML as well as HTML. The Markdown renders on GitHub.
//
// Everything shown comes from the ladder or the ladder.Result, escaped: a
// name cannot inject markup.
package render
