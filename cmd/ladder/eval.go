package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/display"
)

var evalCommand = &command{
	name:    "eval",
	args:    "[--format text|json] LADDER ASSESSMENT",
	summary: "evaluate an assessment against a ladder",
	help: `Eval applies the ladder's rules to the assessment and prints the level reached:
the highest level such that it and every level below it are reached. For each
level and skill it says what holds, and for the next level what is missing.

The text format is a report for people. The json format is for programs:

	{"ladder": {"id", "version"}, "subject",
	 "level": {"rank", "id", "name"},
	 "levels": [{"rank", "id", "name", "reach", "reached",
	             "reachMark", "descriptionMark", "groups": [
	     {"skill", "name", "general", "reached", "missing", "unassessed",
	      "hard": {"reached", "total"}, "soft": {"reached", "total"}}]}],
	 "next": <the level above the one reached, as in "levels", or null>}

level.rank is 0, and level.id and level.name are "", when no level is
reached. "reach", "reachMark" and "descriptionMark" are left out when the
ladder or the assessment has none. The exit status is 1 when the ladder
or the assessment is invalid.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		format := fs.String("format", "text", "output `format`: text or json")
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if *format != "text" && *format != "json" {
				return c.usageError(stderr, "unknown format %q: want text or json", *format)
			}
			if len(args) != 2 {
				return c.usageError(stderr, "want two arguments, a ladder and an assessment")
			}
			return eval(c, args[0], args[1], *format, stdout, stderr)
		}
	},
}

func eval(c *command, ladderPath, assessmentPath, format string, stdout, stderr io.Writer) int {
	l, err := ladder.Load(ladderPath)
	if err != nil {
		if swapped(ladderPath, assessmentPath) {
			return c.usageError(stderr, "%s is an assessment and %s a ladder: the ladder comes first", ladderPath, assessmentPath)
		}
		return report(stderr, err)
	}
	a, err := ladder.LoadAssessment(assessmentPath)
	if err != nil {
		return report(stderr, err)
	}
	res, err := l.Evaluate(a)
	if err != nil {
		return report(stderr, err)
	}
	if format == "json" {
		data, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return report(stderr, err)
		}
		fmt.Fprintf(stdout, "%s\n", data)
		return exitOK
	}
	writeReport(stdout, l, a, res)
	return exitOK
}

// swapped reports whether the arguments of eval look swapped: an assessment
// given as the ladder, and a ladder as the assessment.
func swapped(ladderPath, assessmentPath string) bool {
	first, err := readFile(ladderPath)
	if err != nil {
		return false
	}
	second, err := readFile(assessmentPath)
	return err == nil && kindOf(first) == "assessment" && kindOf(second) == "ladder"
}

// writeReport writes the result as a report for people.
func writeReport(w io.Writer, l *ladder.Ladder, a *ladder.Assessment, res *ladder.Result) {
	texts := make(map[string]string)
	for _, lv := range l.Levels {
		for _, r := range lv.Requirements {
			texts[r.ID] = r.Text
		}
	}

	// Every text from a document is escaped: a name holding ESC[2J must
	// not clear the terminal.
	title := display.Escape(l.Name)
	if l.Version != "" {
		title += " " + display.Escape(l.Version)
	}
	fmt.Fprintln(w, title)
	who := display.Escape(a.Subject)
	if a.Assessor != "" {
		who += ", assessed by " + display.Escape(a.Assessor)
	}
	if a.Date != "" {
		who += " on " + display.Escape(a.Date)
	}
	fmt.Fprintln(w, who)
	fmt.Fprintln(w)
	if lv := res.Level(); lv != nil {
		fmt.Fprintf(w, "Level reached: %d of %d, %s\n", lv.Rank, len(res.Levels), levelTitle(lv))
	} else {
		fmt.Fprintf(w, "Level reached: none of %d\n", len(res.Levels))
	}

	nameWidth := 0
	for _, lv := range res.Levels {
		for _, g := range lv.Groups {
			nameWidth = max(nameWidth, display.Width(g.Name))
		}
	}
	for _, lv := range res.Levels {
		fmt.Fprintln(w)
		verdict := "not reached"
		if lv.Reached {
			verdict = "reached"
			if lv.Rank > res.Rank+1 {
				verdict += " (not counted: a level below is not)"
			}
		}
		fmt.Fprintf(w, "%s: %s%s\n", levelTitle(&lv), verdict, levelMarks(&lv))
		for _, g := range lv.Groups {
			name := display.Escape(g.Name) + strings.Repeat(" ", nameWidth-display.Width(g.Name))
			line := fmt.Sprintf("  %s  %-7s  hard %d/%d", name, groupVerdict(g.Reached), g.Hard.Reached, g.Hard.Total)
			if g.Soft.Total > 0 {
				line += fmt.Sprintf("  soft %d/%d", g.Soft.Reached, g.Soft.Total)
			}
			if n := len(g.Unassessed); n > 0 {
				line += fmt.Sprintf("  (%d unassessed)", n)
			}
			fmt.Fprintln(w, line)
		}
	}

	next := res.Next()
	if next == nil {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "The top level is reached.")
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "To reach %s:\n", levelTitle(next))
	missingAny := false
	for _, g := range next.Groups {
		if g.Reached {
			continue
		}
		missingAny = true
		fmt.Fprintf(w, "  %s\n", display.Escape(g.Name))
		for _, id := range g.Missing {
			writeRequirement(w, id, texts[id], a.Marks[id])
		}
		if len(g.Missing) == 0 {
			fmt.Fprintln(w, "    every hard requirement is reached, but the skill rule is not met; soft requirements not reached:")
			for _, r := range l.Levels[next.Rank-1].Requirements {
				if r.Skill != g.Skill || r.Kind != ladder.Soft {
					continue
				}
				if m := a.Marks[r.ID]; m.Status != ladder.Reached && m.Status != ladder.NotApplicable {
					writeRequirement(w, r.ID, r.Text, m)
				}
			}
		}
	}
	if !missingAny {
		fmt.Fprintln(w, "  every skill is reached, but the level rule is not met")
	}
}

func levelTitle(lv *ladder.LevelResult) string {
	name := display.Escape(lv.Name)
	if name == "" {
		name = "level " + lv.ID
	}
	if lv.Reach != "" {
		name += " (" + display.Escape(lv.Reach) + ")"
	}
	return name
}

func groupVerdict(reached bool) string {
	if reached {
		return "reached"
	}
	return "not yet"
}

// levelMarks shows the assessor's marks on a level's reach and description.
func levelMarks(lv *ladder.LevelResult) string {
	var parts []string
	for _, m := range []struct {
		name string
		mark *ladder.Mark
	}{{"expertise reach", lv.ReachMark}, {"description", lv.DescriptionMark}} {
		if m.mark != nil {
			parts = append(parts, m.name+" "+statusWords(m.mark.Status))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " [marked: " + strings.Join(parts, ", ") + "]"
}

// statusWords writes a status for people: "not yet" for not_yet.
func statusWords(s ladder.Status) string {
	if s == "" {
		s = ladder.Unassessed
	}
	return strings.ReplaceAll(string(s), "_", " ")
}

// writeRequirement lists a missing requirement with its status, the
// assessor's reason, and its text, the text's later lines indented under its
// first.
func writeRequirement(w io.Writer, id, text string, m ladder.Mark) {
	status := statusWords(m.Status)
	if m.Reason != "" {
		status += ": " + display.Escape(m.Reason)
	}
	fmt.Fprintf(w, "    - %s (%s)\n", id, status)
	for _, line := range strings.Split(text, "\n") {
		fmt.Fprintf(w, "      %s\n", display.Escape(line))
	}
}
