package main

import (
	"flag"
	"io"

	"github.com/ladderkit/ladder/schema"
)

var schemaCommand = &command{
	name:    "schema",
	args:    "ladder|assessment|result",
	summary: "print the JSON Schema of ladders, assessments or results",
	help: `Schema prints the JSON Schema (draft 2020-12) of ladder or assessment files,
for editors and other tools; the files carry "$schema" to name it. The
schema of results describes what eval --format json prints, for programs
that read it.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if len(args) != 1 {
				return c.usageError(stderr, "want one argument, ladder, assessment or result")
			}
			var s *schema.Schema
			switch args[0] {
			case "ladder":
				s = schema.Ladder()
			case "assessment":
				s = schema.Assessment()
			case "result":
				s = schema.Result()
			default:
				return c.usageError(stderr, "unknown schema %q: want ladder, assessment or result", args[0])
			}
			stdout.Write(s.JSON())
			return exitOK
		}
	},
}
