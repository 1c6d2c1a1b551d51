package main

import (
	"flag"
	"io"

	"github.com/ladderkit/ladder/schema"
)

var schemaCommand = &command{
	name:    "schema",
	args:    "ladder|assessment",
	summary: "print the JSON Schema of ladders or assessments",
	help: `Schema prints the JSON Schema (draft 2020-12) of ladder or assessment files,
for editors and other tools. The files carry "$schema" to name it.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if len(args) != 1 {
				return c.usageError(stderr, "want one argument, ladder or assessment")
			}
			var s *schema.Schema
			switch args[0] {
			case "ladder":
				s = schema.Ladder()
			case "assessment":
				s = schema.Assessment()
			default:
				return c.usageError(stderr, "unknown schema %q: want ladder or assessment", args[0])
			}
			stdout.Write(s.JSON())
			return exitOK
		}
	},
}
