package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/hook"
	"github.com/ladderkit/ladder/internal/source"
	"github.com/ladderkit/ladder/internal/suggest"
	"github.com/ladderkit/ladder/laddertest"
)

var validateCommand = &command{
	name:    "validate",
	args:    "FILE...",
	summary: "check ladders and assessments",
	help: `Validate checks each file, a ladder or an assessment (told apart by content:
an assessment has "ladder", "subject" or "marks"), against its schema and the
checks the schema cannot make: unique IDs, known skills, rules that compile
and hold up on the ladder. An assessment is also checked against the ladder
it names, which must be among the files given when any ladder is: marks for
requirements and levels the ladder has. A cases file (one with "cases", see
package laddertest) is run: each assessment it names must give the rank it
pins. A FILE of - is read from standard input.

Each problem goes to standard error, one a line:

	FILE:LINE:COLUMN: POINTER: MESSAGE

where POINTER is the JSON pointer of the value at fault; a problem inside a
rule is followed by the rule's line and a caret under the mistake. A document
of many problems gets its first hundred. Each valid file gets a line on
standard output. The exit status is 0 when every file is valid, 1 when any
is not.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if len(args) == 0 {
				return c.usageError(stderr, "no files to check")
			}
			if n := countOf(args, "-"); n > 1 {
				return c.usageError(stderr, "- is given %d times: standard input can be read once", n)
			}
			return validate(args, stdin, stdout, stderr)
		}
	},
}

func countOf(list []string, x string) int {
	n := 0
	for _, y := range list {
		if y == x {
			n++
		}
	}
	return n
}

// stdinName is how problems name standard input.
const stdinName = "<stdin>"

func validate(paths []string, stdin io.Reader, stdout, stderr io.Writer) int {
	status := exitOK
	ladders := make(map[string]*ladder.Ladder)
	ladderPaths := make(map[string][]string) // the files of each ladder ID
	type assessment struct {
		path string
		data []byte
		a    *ladder.Assessment
	}
	var assessments []assessment
	for _, path := range paths {
		name := path
		var data []byte
		var err error
		if path == "-" {
			name = stdinName
			data, err = readAll(stdin, name)
		} else {
			data, err = readFile(path)
		}
		if err != nil {
			status = report(stderr, err)
			continue
		}
		switch kindOf(data) {
		case "cases":
			if path == "-" {
				status = report(stderr, fmt.Errorf("%s: a cases file names files relative to its own directory: give its path", name))
				continue
			}
			if s := checkCases(path, data, stdout, stderr); s != exitOK {
				status = s
			}
			continue
		case "assessment":
			// Parsed from the bytes read, named as the file.
			a, err := hook.ParseAssessment(name, data)
			if err != nil {
				status = report(stderr, err)
				continue
			}
			assessments = append(assessments, assessment{name, data, a.(*ladder.Assessment)})
			continue
		}
		parsed, err := hook.ParseLadder(name, data)
		if err != nil {
			status = report(stderr, err)
			continue
		}
		l := parsed.(*ladder.Ladder)
		ladders[l.ID] = l
		ladderPaths[l.ID] = append(ladderPaths[l.ID], name)
		levels := "levels"
		if len(l.Levels) == 1 {
			levels = "level"
		}
		fmt.Fprintf(stdout, "%s: ok: ladder %q, %d %s\n", name, l.ID, len(l.Levels), levels)
	}
	for _, x := range assessments {
		if paths := ladderPaths[x.a.Ladder]; len(paths) > 1 {
			status = report(stderr, &ladder.Error{Problems: []ladder.Problem{at(x.path, x.data, "/ladder",
				fmt.Sprintf("ladder %q is in several files given (%s): cannot tell which to check the assessment against", x.a.Ladder, strings.Join(paths, ", ")))}})
			continue
		}
		l, ok := ladders[x.a.Ladder]
		switch {
		case !ok && len(ladders) == 0:
			fmt.Fprintf(stdout, "%s: ok: assessment of %q (ladder %q not given)\n", x.path, x.a.Subject, x.a.Ladder)
			continue
		case !ok:
			status = report(stderr, &ladder.Error{Problems: []ladder.Problem{at(x.path, x.data, "/ladder", notGiven(x.a.Ladder, ladders))}})
			continue
		}
		if _, err := l.Evaluate(x.a); err != nil {
			var le *ladder.Error
			if errors.As(err, &le) && slices.ContainsFunc(le.Problems, func(p ladder.Problem) bool { return p.File != x.path && p.File != "" }) {
				// A rule of the ladder failed: say on which assessment
				// before the rule's problem.
				fmt.Fprintf(stderr, "%s: cannot evaluate the assessment of %q against ladder %q:\n", x.path, x.a.Subject, x.a.Ladder)
			}
			status = report(stderr, err)
			continue
		}
		fmt.Fprintf(stdout, "%s: ok: assessment of %q against ladder %q\n", x.path, x.a.Subject, x.a.Ladder)
	}
	return status
}

// notGiven says that an assessment names a ladder none of the files given
// is, with the IDs they are.
func notGiven(id string, ladders map[string]*ladder.Ladder) string {
	ids := make([]string, 0, len(ladders))
	for given := range ladders {
		ids = append(ids, given)
	}
	slices.Sort(ids)
	msg := fmt.Sprintf("assessment is for ladder %q, which none of the ladders given is", id)
	if guess := suggest.Name(id, ids); guess != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", guess)
	}
	quoted := make([]string, len(ids))
	for i, given := range ids {
		quoted[i] = strconv.Quote(given)
	}
	return msg + "; the ladders given are " + strings.Join(quoted, ", ")
}

// at returns a problem at a pointer of a document.
func at(file string, data []byte, ptr, msg string) ladder.Problem {
	p := ladder.Problem{File: file, Pointer: ptr, Message: msg}
	if doc, problems := source.Parse(data, source.Limits{}); len(problems) == 0 {
		p.Line, p.Column = doc.Position(doc.Offset(ptr))
	}
	return p
}

// readFile reads a file, no further than the size limit of documents: a
// file over it is an error without being read whole.
func readFile(path string) ([]byte, error) {
	data, tooLarge, err := source.ReadFile(path, source.DefaultLimits.MaxBytes)
	return checkSize(path, data, tooLarge, err)
}

// readAll reads a document from r, no further than the size limit.
func readAll(r io.Reader, name string) ([]byte, error) {
	data, tooLarge, err := source.Read(r, source.DefaultLimits.MaxBytes)
	return checkSize(name, data, tooLarge, err)
}

func checkSize(name string, data []byte, tooLarge string, err error) ([]byte, error) {
	if tooLarge != "" {
		return nil, &ladder.Error{Problems: []ladder.Problem{{File: name, Line: 1, Column: 1, Message: tooLarge}}}
	}
	return data, err
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

// casePath returns the path of a file a cases file names: relative to the
// cases file's directory, unless it is absolute.
func casePath(cases, name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(filepath.Dir(cases), name)
}

// checkCases runs a cases file: each assessment must give its rank.
func checkCases(path string, data []byte, stdout, stderr io.Writer) int {
	parsed, err := hook.ParseCases(path, data)
	if err != nil {
		return report(stderr, err)
	}
	cases := parsed.(*laddertest.Cases)
	l, err := ladder.Load(casePath(path, cases.Ladder))
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
				p.Message = "cannot evaluate " + casePath(path, c.Assessment) + ":"
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
