package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/source"
	"github.com/ladderkit/ladder/laddertest"
)

var validateCommand = &command{
	name:    "validate",
	args:    "FILE...",
	summary: "check ladders and assessments",
	help: `Validate checks each file, a ladder or an assessment (told apart by content:
an assessment has "ladder", "subject" or "marks"), against its schema and the
checks the schema cannot make: unique IDs, known skills, rules that compile.
An assessment of a ladder given in the same run is also checked against it:
marks for requirements and levels the ladder has. A cases file (one with
"cases", see package laddertest) is run: each assessment it names must give
the rank it pins.

Each problem goes to standard error, one a line:

	FILE:LINE:COLUMN: POINTER: MESSAGE

where POINTER is the JSON pointer of the value at fault; a problem inside a
rule is followed by the rule's line and a caret under the mistake. Each valid file gets
a line on standard output. The exit status is 0 when every file is valid, 1
when any is not.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Writer, io.Writer) int {
		return func(c *command, args []string, stdout, stderr io.Writer) int {
			if len(args) == 0 {
				return c.usageError(stderr, "no files to check")
			}
			return validate(args, stdout, stderr)
		}
	},
}

func validate(paths []string, stdout, stderr io.Writer) int {
	status := exitOK
	ladders := make(map[string]*ladder.Ladder)
	ladderPaths := make(map[string][]string) // the files of each ladder ID
	type assessment struct {
		path string
		a    *ladder.Assessment
	}
	var assessments []assessment
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			status = report(stderr, err)
			continue
		}
		switch kindOf(data) {
		case "cases":
			if s := checkCases(path, data, stdout, stderr); s != exitOK {
				status = s
			}
			continue
		case "assessment":
			a, err := ladder.LoadAssessment(path)
			if err != nil {
				status = report(stderr, err)
				continue
			}
			assessments = append(assessments, assessment{path, a})
			continue
		}
		l, err := ladder.Load(path)
		if err != nil {
			status = report(stderr, err)
			continue
		}
		ladders[l.ID] = l
		ladderPaths[l.ID] = append(ladderPaths[l.ID], path)
		levels := "levels"
		if len(l.Levels) == 1 {
			levels = "level"
		}
		fmt.Fprintf(stdout, "%s: ok: ladder %q, %d %s\n", path, l.ID, len(l.Levels), levels)
	}
	for _, x := range assessments {
		if paths := ladderPaths[x.a.Ladder]; len(paths) > 1 {
			status = report(stderr, &ladder.Error{Problems: []ladder.Problem{{File: x.path, Pointer: "/ladder",
				Message: fmt.Sprintf("ladder %q is in several files given (%s): cannot tell which to check the assessment against", x.a.Ladder, strings.Join(paths, ", "))}}})
			continue
		}
		if l, ok := ladders[x.a.Ladder]; ok {
			if _, err := l.Evaluate(x.a); err != nil {
				status = report(stderr, err)
				continue
			}
			fmt.Fprintf(stdout, "%s: ok: assessment of %q against ladder %q\n", x.path, x.a.Subject, x.a.Ladder)
			continue
		}
		fmt.Fprintf(stdout, "%s: ok: assessment of %q (ladder %q not given)\n", x.path, x.a.Subject, x.a.Ladder)
	}
	return status
}

// kindOf tells what a document is by its top-level members: a cases file
// of laddertest has "cases"; an assessment has "ladder", "subject" or
// "marks"; anything else, including what is not a JSON object, is read as a
// ladder, which reports what is wrong with it.
func kindOf(data []byte) string {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return "ladder"
	}
	if _, ok := top["cases"]; ok {
		return "cases"
	}
	for _, key := range []string{"ladder", "subject", "marks"} {
		if _, ok := top[key]; ok {
			return "assessment"
		}
	}
	return "ladder"
}

// checkCases runs a cases file: each assessment must give its rank.
func checkCases(path string, data []byte, stdout, stderr io.Writer) int {
	cases, err := laddertest.LoadCases(path)
	if err != nil {
		return report(stderr, err)
	}
	l, err := ladder.Load(filepath.Join(filepath.Dir(path), cases.Ladder))
	if err != nil {
		return report(stderr, err)
	}
	var doc *source.Doc // parsed on the first failure, to locate it
	status := exitOK
	for i, c := range cases.Cases {
		if err := c.Check(l, filepath.Dir(path)); err != nil {
			p := ladder.Problem{File: path, Pointer: "/cases/" + strconv.Itoa(i), Message: strings.ReplaceAll(err.Error(), "\n\t", "\n    ")}
			// An assessment that cannot be evaluated has problems of its
			// own, each naming its file: they follow, one a line.
			var le *ladder.Error
			if errors.As(err, &le) {
				p.Message = "cannot evaluate " + filepath.Join(filepath.Dir(path), c.Assessment) + ":"
			}
			if doc == nil {
				doc, _ = source.Parse(data, source.Limits{})
			}
			if doc.Root != nil {
				p.Line, p.Column = doc.Position(doc.Offset(p.Pointer))
			}
			fmt.Fprintln(stderr, p.String())
			if le != nil {
				report(stderr, le)
			}
			status = exitInvalid
		}
	}
	if status == exitOK {
		fmt.Fprintf(stdout, "%s: ok: %d cases give their ranks\n", path, len(cases.Cases))
	}
	return status
}
