package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
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
the result with every level, skill and requirement, their text, and each
requirement's status and reason, as "ladder schema result" describes it:

	{"ladder", "ladderName", "version", "subject", "assessor", "date",
	 "track", "rank", "tracks": [{"id", "name", "rank"}], "points",
	 "values": [{"id", "name", "value"}],
	 "skills": [{"id", "name", "level", "points",
	             "steps": [{"step", "id", "name", "points", "group"}]}],
	 "levels": [{"rank", "id", "name", "label", "track", "threshold", "reach",
	             "reached", "reachMark", "descriptionMark",
	             "profile": [{"skill", "name", "want", "level", "met"}],
	             "groups": [
	     {"skill", "name", "general", "reached",
	      "missing", "softMissing", "unassessed",
	      "hard": {"reached", "total"}, "soft": {"reached", "total"},
	      "requirements": [{"id", "kind", "text", "status", "reason",
	                        "implied", "points", "examples", "evidence", "links"}]}]}]}

The level reached is the level of the result's rank on its track ("track",
for a ladder with tracks: the assessment's, or else the first of the
highest ranks in "tracks"); the next level is the one above it. A
level's "rank" counts along its track. Fields without a value ("version",
"assessor", "date", "reach", "reason", the marks, and what a ladder
without tracks, steps, points, values, profiles or details has none of)
are left out. The exit status is 1 when the ladder or the
assessment is invalid.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		format := formatFlag(fs, "output `format`: text or json", "text", "json")
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if code, bad := c.unknownFormat(stderr, *format, "text", "json"); bad {
				return code
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
		if err := writeJSON(stdout, res); err != nil {
			return report(stderr, err)
		}
		return exitOK
	}
	writeReport(stdout, res)
	writeOrphans(stdout, res)
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

// writeReport writes the result as a report for people, from the result
// alone.
func writeReport(w io.Writer, res *ladder.Result) {
	// Every text from a document is escaped: a name holding ESC[2J must
	// not clear the terminal.
	title := display.Escape(res.LadderName)
	if res.Version != "" {
		title += " " + display.Escape(res.Version)
	}
	fmt.Fprintln(w, title)
	who := display.Escape(res.Subject)
	if res.Assessor != "" {
		who += ", assessed by " + display.Escape(res.Assessor)
	}
	if res.Date != "" {
		who += " on " + display.Escape(res.Date)
	}
	fmt.Fprintln(w, who)
	fmt.Fprintln(w)
	onTrack := func(lv *ladder.LevelResult) bool { return lv.Track == "" || lv.Track == res.Track }
	levels := 0
	for i := range res.Levels {
		if onTrack(&res.Levels[i]) {
			levels++
		}
	}
	// rankOn is the rank counted on the line of a level.
	rankOn := func(lv *ladder.LevelResult) int {
		for _, t := range res.Tracks {
			if lv.Track == t.ID {
				return t.Rank
			}
		}
		return res.Rank
	}
	if res.Track != "" {
		for _, t := range res.Tracks {
			if t.ID == res.Track {
				fmt.Fprintf(w, "Track: %s\n", display.Escape(t.Name))
			}
		}
	}
	if lv := res.Reached(); lv != nil {
		fmt.Fprintf(w, "Level reached: %d of %d, %s\n", lv.Rank, levels, levelTitle(lv))
	} else {
		fmt.Fprintf(w, "Level reached: none of %d\n", levels)
	}
	for _, t := range res.Tracks {
		if t.ID != res.Track {
			fmt.Fprintf(w, "On track %s: rank %d\n", display.Escape(t.Name), t.Rank)
		}
	}
	if res.Points != 0 {
		fmt.Fprintf(w, "Points: %d\n", res.Points)
	}
	for _, v := range res.Values {
		fmt.Fprintf(w, "%s: %s\n", display.Escape(v.Name), strconv.FormatFloat(v.Value, 'g', -1, 64))
	}

	nameWidth := 0
	for _, lv := range res.Levels {
		for _, g := range lv.Groups {
			nameWidth = max(nameWidth, display.Width(g.Name))
		}
	}
	for _, sk := range res.Skills {
		nameWidth = max(nameWidth, display.Width(sk.Name))
	}
	pad := func(name string) string { return display.Pad(name, nameWidth) }
	if len(res.Skills) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Skill levels:")
		for _, sk := range res.Skills {
			line := fmt.Sprintf("  %s  level %d", pad(sk.Name), sk.Level)
			if n := len(sk.Steps); n > 0 {
				line += fmt.Sprintf(" of %d", n)
				if sk.Level > 0 && sk.Steps[sk.Level-1].Name != "" {
					line += ", " + display.Escape(sk.Steps[sk.Level-1].Name)
				}
			}
			if sk.Points != 0 {
				line += fmt.Sprintf(", %d points", sk.Points)
			}
			if implied := impliedIn(sk); implied > 0 {
				line += fmt.Sprintf(" (%s)", plural(implied, "mark implied", "marks implied"))
			}
			fmt.Fprintln(w, line)
		}
	}
	for _, lv := range res.Levels {
		fmt.Fprintln(w)
		verdict := "not reached"
		if lv.Reached {
			verdict = "reached"
			if lv.Rank > rankOn(&lv)+1 {
				verdict += " (not counted: a level below is not)"
			}
		}
		title := levelTitle(&lv)
		for _, t := range res.Tracks {
			if lv.Track == t.ID {
				title += " [" + display.Escape(t.Name) + "]"
			}
		}
		fmt.Fprintf(w, "%s: %s%s\n", title, verdict, levelMarks(&lv))
		if len(lv.Profile) > 0 {
			var unmet []string
			for _, p := range lv.Profile {
				if !p.Met {
					unmet = append(unmet, fmt.Sprintf("%s %d (has %d)", display.Escape(p.Name), p.Want, p.Level))
				}
			}
			if len(unmet) == 0 {
				fmt.Fprintln(w, "  profile met")
			} else {
				fmt.Fprintf(w, "  profile not met: %s\n", strings.Join(unmet, ", "))
			}
		}
		if lv.Threshold != 0 {
			fmt.Fprintf(w, "  threshold %d, points %d\n", lv.Threshold, res.Points)
		}
		for _, g := range lv.Groups {
			line := fmt.Sprintf("  %s  %-7s  hard %d/%d", pad(g.Name), groupVerdict(g.Reached), g.Hard.Reached, g.Hard.Total)
			if g.Soft.Total > 0 {
				line += fmt.Sprintf("  soft %d/%d", g.Soft.Reached, g.Soft.Total)
			}
			if n := len(g.Unassessed); n > 0 {
				line += fmt.Sprintf("  (%d unassessed)", n)
			}
			if n := impliedInGroup(&g); n > 0 {
				line += fmt.Sprintf("  (%s)", plural(n, "mark implied", "marks implied"))
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
	writeMissing := func(name string, g *ladder.GroupResult) {
		missingAny = true
		fmt.Fprintf(w, "  %s\n", display.Escape(name))
		kind := ladder.Hard
		if len(g.Missing) == 0 {
			fmt.Fprintln(w, "    every hard requirement is reached, but the skill rule is not met; soft requirements not reached:")
			kind = ladder.Soft
		}
		// The requirements of g.Missing, or of g.SoftMissing.
		for _, r := range g.Requirements {
			if r.Kind == kind && (r.Status == ladder.NotYet || r.Status == ladder.Unassessed) {
				writeRequirement(w, &r)
			}
		}
	}
	for _, p := range next.Profile {
		if p.Met {
			continue
		}
		sk := res.Skill(p.Skill)
		if sk == nil || len(sk.Steps) == 0 {
			missingAny = true
			fmt.Fprintf(w, "  %s: level %d wanted, %d reached\n", display.Escape(p.Name), p.Want, p.Level)
			continue
		}
		for _, st := range sk.Steps[p.Level:min(p.Want, len(sk.Steps))] {
			if !st.Group.Reached {
				title := fmt.Sprintf("%s, step %d", p.Name, st.Step)
				if st.Name != "" {
					title += " (" + st.Name + ")"
				}
				writeMissing(title, &st.Group)
			}
		}
	}
	if next.Threshold != 0 && res.Points < next.Threshold {
		missingAny = true
		fmt.Fprintf(w, "  points: %d more (threshold %d, points %d)\n", next.Threshold-res.Points, next.Threshold, res.Points)
	}
	for _, g := range next.Groups {
		if !g.Reached {
			writeMissing(g.Name, &g)
		}
	}
	if !missingAny {
		fmt.Fprintln(w, "  every skill is reached, but the level rule is not met")
	}
}

// plural writes a count with the word that fits it.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// impliedIn counts the requirements of a skill's steps whose marks were
// implied.
func impliedIn(sk ladder.SkillResult) int {
	n := 0
	for _, st := range sk.Steps {
		n += impliedInGroup(&st.Group)
	}
	return n
}

// impliedInGroup counts the requirements of a group whose marks were
// implied.
func impliedInGroup(g *ladder.GroupResult) int {
	n := 0
	for _, r := range g.Requirements {
		if r.Implied {
			n++
		}
	}
	return n
}

func levelTitle(lv *ladder.LevelResult) string {
	name := display.Escape(lv.Name)
	if name == "" {
		name = "level " + lv.ID
	}
	if lv.Label != "" {
		name = display.Escape(lv.Label) + " " + name
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
func writeRequirement(w io.Writer, r *ladder.RequirementResult) {
	status := statusWords(r.Status)
	if r.Reason != "" {
		status += ": " + display.Escape(r.Reason)
	}
	fmt.Fprintf(w, "    - %s (%s)\n", r.ID, status)
	for _, line := range strings.Split(r.Text, "\n") {
		fmt.Fprintf(w, "      %s\n", display.Escape(line))
	}
	for _, x := range r.Examples {
		fmt.Fprintf(w, "      example: %s\n", display.Escape(x))
	}
	for _, x := range r.Evidence {
		fmt.Fprintf(w, "      evidence: %s\n", display.Escape(x))
	}
	for _, l := range r.Links {
		if l.Text != "" {
			fmt.Fprintf(w, "      link: %s <%s>\n", display.Escape(l.Text), display.Escape(l.URL))
		} else {
			fmt.Fprintf(w, "      link: <%s>\n", display.Escape(l.URL))
		}
	}
}
