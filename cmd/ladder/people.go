package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/display"
)

var progressCommand = &command{
	name:    "progress",
	args:    "[--format text|json] LADDER ASSESSMENT...",
	summary: "follow one person through assessments in date order",
	help: `Progress evaluates one person's assessments, given in date order, and shows
for each its date and assessor, the rank and each skill's level, the
requirements newly reached since the assessment before, and those that went
back to not yet, with the assessor's reasons. Assessments made against
another version of the ladder (see "ladderVersion") are matched by
requirement ID.

The json format is a list of checkpoints, as ladder.Checkpoint describes
them: [{"result", "gained", "lost"}], each result as "ladder eval --format
json" prints it. The exit status is 1 when a document is invalid, or the
assessments are of several people or out of date order.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		format := formatFlag(fs, "output `format`: text or json", "text", "json")
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if code, bad := c.unknownFormat(stderr, *format, "text", "json"); bad {
				return code
			}
			if len(args) < 2 {
				return c.usageError(stderr, "want a ladder and at least one assessment")
			}
			results, code := evaluateAll(args[0], args[1:], stderr)
			if results == nil {
				return code
			}
			progress, err := ladder.Progress(results)
			if err != nil {
				return c.fail(stderr, errors.New(namePaths(err.Error(), args[1:])))
			}
			if *format == "json" {
				if err := writeJSON(stdout, progress); err != nil {
					return report(stderr, err)
				}
				return exitOK
			}
			first := results[0]
			fmt.Fprintf(stdout, "%s, %s\n", display.Escape(first.Subject), display.Escape(first.LadderName))
			for i, cp := range progress {
				r := cp.Result
				fmt.Fprintf(stdout, "\n%s: %s\n", assessedBy(r), rankWords(r))
				var skills []string
				for _, sk := range r.Skills {
					s := fmt.Sprintf("%s %d", display.Escape(sk.Name), sk.Level)
					if i > 0 {
						if before := progress[i-1].Result.Skill(sk.ID); before != nil && before.Level != sk.Level {
							s += fmt.Sprintf(" (%+d)", sk.Level-before.Level)
						}
					}
					skills = append(skills, s)
				}
				if len(skills) > 0 {
					fmt.Fprintf(stdout, "  skill levels: %s\n", strings.Join(skills, ", "))
				}
				if i == 0 {
					continue
				}
				if len(cp.Gained) > 0 {
					fmt.Fprintf(stdout, "  newly reached (%d):\n", len(cp.Gained))
					for _, r := range cp.Gained {
						writeRequirement(stdout, &r)
					}
				}
				if len(cp.Lost) > 0 {
					fmt.Fprintf(stdout, "  went back to not yet (%d):\n", len(cp.Lost))
					for _, r := range cp.Lost {
						writeRequirement(stdout, &r)
					}
				}
				if len(cp.Gained)+len(cp.Lost) == 0 {
					fmt.Fprintln(stdout, "  no requirement reached or lost")
				}
			}
			return exitOK
		}
	},
}

var compareCommand = &command{
	name:    "compare",
	args:    "[--format text|json] LADDER ASSESSMENT OTHER",
	summary: "list where two assessments of one person disagree",
	help: `Compare evaluates two assessments of one person, such as a self-assessment and
a manager's, and lists the requirements they mark differently, in the
ladder's order, with both marks and both reasons, after the rank and skill
levels each gives. It is the list a calibration meeting goes through.
Assessments made against other versions of the ladder are matched by
requirement ID; a requirement one of them lacks counts as unassessed there.

The json format is {"a": RESULT, "b": RESULT, "disagreements": [{"level",
"step", "skill", "a": REQUIREMENT, "b": REQUIREMENT}]}, each result as
"ladder eval --format json" prints it, each requirement as in its groups. The exit status is 1
when a document is invalid, or the assessments are of two people.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		format := formatFlag(fs, "output `format`: text or json", "text", "json")
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if code, bad := c.unknownFormat(stderr, *format, "text", "json"); bad {
				return code
			}
			if len(args) != 3 {
				return c.usageError(stderr, "want a ladder and two assessments")
			}
			results, code := evaluateAll(args[0], args[1:], stderr)
			if results == nil {
				return code
			}
			a, b := results[0], results[1]
			ds, err := ladder.Compare(a, b)
			if err != nil {
				return c.fail(stderr, errors.New(namePaths(err.Error(), args[1:])))
			}
			if *format == "json" {
				v := struct {
					A             *ladder.Result        `json:"a"`
					B             *ladder.Result        `json:"b"`
					Disagreements []ladder.Disagreement `json:"disagreements"`
				}{a, b, ds}
				if err := writeJSON(stdout, v); err != nil {
					return report(stderr, err)
				}
				return exitOK
			}
			fmt.Fprintf(stdout, "%s, %s\n\n", display.Escape(a.Subject), display.Escape(a.LadderName))
			nameA, nameB := who(a, "A"), who(b, "B")
			if nameA == nameB {
				nameA, nameB = nameA+" (A)", nameB+" (B)"
			}
			width := max(display.Width(nameA), display.Width(nameB))
			pad := func(s string) string { return display.Pad(s, width) }
			fmt.Fprintf(stdout, "%s  %s\n", pad(nameA), assessedOn(a)+rankWords(a))
			fmt.Fprintf(stdout, "%s  %s\n", pad(nameB), assessedOn(b)+rankWords(b))
			if len(a.Skills) > 0 {
				fmt.Fprintln(stdout, "\nSkill levels:")
				for _, sk := range a.Skills {
					other, mark := "-", "  differ"
					if o := b.Skill(sk.ID); o != nil {
						other = fmt.Sprint(o.Level)
						if o.Level == sk.Level {
							mark = ""
						}
					}
					fmt.Fprintf(stdout, "  %s %d / %s%s\n", display.Pad(sk.Name, 22), sk.Level, other, mark)
				}
			}
			if len(ds) == 0 {
				fmt.Fprintln(stdout, "\nThey mark every requirement alike.")
				return exitOK
			}
			fmt.Fprintf(stdout, "\n%s:\n", plural(len(ds), "disagreement", "disagreements"))
			for _, d := range ds {
				where := "level " + d.Level
				if d.Step != "" {
					where = "step " + d.Step
				}
				if d.Skill != "" {
					where += ", skill " + d.Skill
				}
				fmt.Fprintf(stdout, "\n  %s (%s, %s)\n", d.A.ID, where, d.A.Kind)
				for _, line := range strings.Split(d.A.Text, "\n") {
					fmt.Fprintf(stdout, "    %s\n", display.Escape(line))
				}
				for _, side := range []struct {
					name string
					r    ladder.RequirementResult
				}{{nameA, d.A}, {nameB, d.B}} {
					s := statusWords(side.r.Status)
					if side.r.Implied {
						s += " (implied by a step above)"
					}
					if side.r.Reason != "" {
						s += ": " + display.Escape(side.r.Reason)
					}
					fmt.Fprintf(stdout, "    %s  %s\n", pad(side.name), s)
				}
			}
			return exitOK
		}
	},
}

// evaluateAll loads a ladder and evaluates assessments against it. On a
// problem it reports it and returns nil and the exit status.
func evaluateAll(ladderPath string, paths []string, stderr io.Writer) ([]*ladder.Result, int) {
	l, err := ladder.Load(ladderPath)
	if err != nil {
		return nil, report(stderr, err)
	}
	var results []*ladder.Result
	failed := false
	for _, p := range paths {
		a, err := ladder.LoadAssessment(p)
		if err == nil {
			var res *ladder.Result
			if res, err = l.Evaluate(a); err == nil {
				results = append(results, res)
				continue
			}
		}
		report(stderr, err)
		failed = true
	}
	if failed {
		return nil, exitInvalid
	}
	return results, exitOK
}

// who names the assessor of a result, or else a letter.
func who(r *ladder.Result, letter string) string {
	if r.Assessor != "" {
		return display.Escape(r.Assessor)
	}
	return letter
}

// assessedBy says when and by whom a result's assessment was made.
func assessedBy(r *ladder.Result) string {
	s := display.Escape(r.Date)
	if s == "" {
		s = "undated"
	}
	if r.Assessor != "" {
		s += ", by " + display.Escape(r.Assessor)
	}
	if r.Version != "" {
		s += ", version " + display.Escape(r.Version)
	}
	return s
}

// assessedOn says the date of a result, if any, before its rank.
func assessedOn(r *ladder.Result) string {
	if r.Date == "" {
		return ""
	}
	return "on " + display.Escape(r.Date) + ": "
}

// rankWords says the rank of a result and the level it is.
func rankWords(r *ladder.Result) string {
	lv := r.Reached()
	if lv == nil {
		return "rank 0, no level reached"
	}
	return fmt.Sprintf("rank %d, %s", r.Rank, levelTitle(lv))
}

// namePaths replaces "result N" in a message of Progress or Compare with
// the path of the assessment it is the result of, in one pass, leaving
// quoted text (a subject's name) as it is.
func namePaths(msg string, paths []string) string {
	return resultN.ReplaceAllStringFunc(msg, func(m string) string {
		var n int
		if _, err := fmt.Sscanf(m, "result %d", &n); err != nil || n < 1 || n > len(paths) {
			return m // quoted text, or not a result
		}
		return display.Escape(paths[n-1])
	})
}

// resultN matches "result N", and quoted text to skip.
var resultN = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|\bresult [0-9]+\b`)

// fail reports an error of the library that is not about a document, as
// the command's, and returns the exit status of an invalid input.
func (c *command) fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "ladder %s: %s\n", c.name, strings.TrimPrefix(err.Error(), "ladder: "))
	return exitInvalid
}
