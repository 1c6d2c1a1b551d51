package main

import (
	"flag"
	"io"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/render"
)

var renderCommand = &command{
	name:    "render",
	args:    "[--format html|md] LADDER",
	summary: "write a ladder as a matrix, in HTML or Markdown",
	help: `Render writes a ladder as a matrix to stdout: its levels as rows, its skills
as columns, each cell the requirements of a skill at a level (soft ones in
italics), with each level's expertise reach, description, track, profile and
threshold; then the steps of skills that have steps. The HTML is one
self-contained page, to open in a browser or print; the Markdown renders on
GitHub.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		format := formatFlag(fs, "output `format`: html or md", "html", "md", "markdown")
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if code, bad := c.unknownFormat(stderr, *format, "html", "md", "markdown"); bad {
				return code
			}
			f := renderFormat(*format)
			if len(args) != 1 {
				return c.usageError(stderr, "want one ladder")
			}
			l, err := ladder.Load(args[0])
			if err != nil {
				return report(stderr, err)
			}
			if err := render.Ladder(stdout, l, f); err != nil {
				return report(stderr, err)
			}
			return exitOK
		}
	},
}

var reportCommand = &command{
	name:    "report",
	args:    "[--format html|md] LADDER ASSESSMENT...",
	summary: "write a person's report, or a team's heat map, in HTML or Markdown",
	help: `Report evaluates assessments against a ladder and writes, to stdout, for one
assessment the person's report: the level reached on each track, each skill's
level as a chart, the points and named values, the plan for the next level
(missing hard requirements first, then soft ones), and for each level what
holds, skill by skill, with the reasons given. For several assessments, of a
team, it writes the team's heat map: people by skills, by skill level.

The HTML is one self-contained page, which prints on A4; the Markdown
renders on GitHub.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		format := formatFlag(fs, "output `format`: html or md", "html", "md", "markdown")
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if code, bad := c.unknownFormat(stderr, *format, "html", "md", "markdown"); bad {
				return code
			}
			f := renderFormat(*format)
			if len(args) < 2 {
				return c.usageError(stderr, "want a ladder and at least one assessment")
			}
			l, err := ladder.Load(args[0])
			if err != nil {
				return report(stderr, err)
			}
			var results []*ladder.Result
			for _, path := range args[1:] {
				a, err := ladder.LoadAssessment(path)
				if err != nil {
					return report(stderr, err)
				}
				res, err := l.Evaluate(a)
				if err != nil {
					return report(stderr, err)
				}
				results = append(results, res)
			}
			if len(results) == 1 {
				err = render.Report(stdout, results[0], f)
			} else {
				err = render.Team(stdout, results, f)
			}
			if err != nil {
				return report(stderr, err)
			}
			return exitOK
		}
	},
}

func renderFormat(s string) render.Format {
	if s == "html" {
		return render.HTML
	}
	return render.Markdown
}
