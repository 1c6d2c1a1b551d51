package render

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/ladderkit/ladder"
)

// mdEscaper escapes text for Markdown: the characters that would start
// markup or HTML, and the pipes of tables.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "|", `\|`, "#", `\#`,
)

// md escapes a text for Markdown, on one line: its line breaks become <br>
// in a table cell, spaces elsewhere.
func md(s string, cell bool) string {
	s = mdEscaper.Replace(strings.TrimSpace(lines(s)))
	if cell {
		return strings.ReplaceAll(s, "\n", "<br>")
	}
	return strings.Join(strings.Fields(s), " ")
}

// mdText escapes a text of several paragraphs for Markdown: no line of it
// starts a list, a quote or a heading.
func mdText(s string) string {
	var paras []string
	for _, p := range strings.Split(strings.TrimSpace(lines(s)), "\n\n") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		ls := strings.Split(mdEscaper.Replace(p), "\n")
		for i, l := range ls {
			ls[i] = blockStart.ReplaceAllString(l, `$1\$2`)
		}
		paras = append(paras, strings.Join(ls, "  \n"))
	}
	return strings.Join(paras, "\n\n")
}

// blockStart matches the start of a line that Markdown would read as a
// list, a quote, a heading's underline or a rule: the character to escape
// is the second group.
var blockStart = regexp.MustCompile(`^(\s*|\s*\d+)([-+=>~]|[.)])`)

// lines makes every line break a newline: \r\n and \r would cut a table's
// row.
func lines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func ladderMarkdown(w io.Writer, l *ladder.Ladder, m *matrix) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s", md(l.Name, false))
	if l.Version != "" {
		fmt.Fprintf(b, " %s", md(l.Version, false))
	}
	fmt.Fprint(b, "\n\n")
	if l.Summary != "" {
		fmt.Fprintf(b, "*%s*\n\n", md(l.Summary, false))
	}
	if l.Description != "" {
		fmt.Fprintf(b, "%s\n\n", mdText(l.Description))
	}
	if len(m.Rows) > 0 {
		fmt.Fprint(b, "| Level |")
		cols := 1
		if m.Reach {
			fmt.Fprint(b, " Expertise reach |")
			cols++
		}
		if m.Description {
			fmt.Fprint(b, " Description |")
			cols++
		}
		for _, c := range m.Wanted {
			fmt.Fprintf(b, " %s level |", md(c.Name, true))
		}
		for _, c := range m.Columns {
			fmt.Fprintf(b, " %s |", md(c.Name, true))
		}
		fmt.Fprint(b, "\n|")
		for range cols + len(m.Wanted) + len(m.Columns) {
			fmt.Fprint(b, "---|")
		}
		fmt.Fprintln(b)
		for _, r := range m.Rows {
			lv := r.Level
			head := "**" + md(levelTitle(lv.Label, lv.Name, lv.ID), true) + "**<br>rank " + strconv.Itoa(r.Rank)
			if lv.Track != "" {
				head += "<br>track " + md(m.Tracks[lv.Track], true)
			}
			if lv.Threshold != 0 {
				head += "<br>threshold " + strconv.Itoa(lv.Threshold)
			}
			fmt.Fprintf(b, "| %s |", head)
			if m.Reach {
				fmt.Fprintf(b, " %s |", md(lv.Reach, true))
			}
			if m.Description {
				fmt.Fprintf(b, " %s |", md(lv.Description, true))
			}
			for _, want := range r.Wants {
				fmt.Fprintf(b, " %s |", want)
			}
			for _, cell := range r.Cells {
				var items []string
				for _, req := range cell {
					items = append(items, mdRequirement(req))
				}
				fmt.Fprintf(b, " %s |", strings.Join(items, "<br>"))
			}
			fmt.Fprintln(b)
		}
		fmt.Fprintln(b)
		if len(m.Columns) > 0 {
			fmt.Fprint(b, "Soft requirements are in italics.\n\n")
		}
	}
	for _, s := range m.Stepped {
		fmt.Fprintf(b, "## %s: steps\n\n| Step | Points | Requirements |\n|---|---|---|\n", md(s.Name, false))
		for i, st := range s.Steps {
			var items []string
			for _, req := range st.Requirements {
				items = append(items, mdRequirement(req))
			}
			name := strconv.Itoa(i + 1)
			if st.Name != "" {
				name += " " + md(st.Name, true)
			}
			fmt.Fprintf(b, "| %s | %d | %s |\n", name, st.Points, strings.Join(items, "<br>"))
		}
		fmt.Fprintln(b)
	}
	return b.Flush()
}

// mdRequirement writes a requirement in a table cell: a bullet, in italics
// when it is soft.
func mdRequirement(r ladder.Requirement) string {
	text := md(r.Text, true)
	if r.Kind == ladder.Soft {
		text = "*" + text + "* (soft)"
	}
	if r.Points != 0 {
		text += fmt.Sprintf(" (%d pt)", r.Points)
	}
	return "• " + text
}

func reportMarkdown(w io.Writer, r *report) error {
	res := r.Res
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n\n%s", md(res.Subject, false), md(res.LadderName, false))
	if res.Version != "" {
		fmt.Fprintf(b, " %s", md(res.Version, false))
	}
	if res.Assessor != "" {
		fmt.Fprintf(b, ", assessed by %s", md(res.Assessor, false))
	}
	if res.Date != "" {
		fmt.Fprintf(b, " on %s", md(res.Date, false))
	}
	fmt.Fprint(b, "\n\n")
	reached := "none"
	if lv := r.Reached; lv != nil {
		reached = md(levelTitle(lv.Label, lv.Name, lv.ID), false)
	}
	fmt.Fprintf(b, "**Level reached:** %s", reached)
	if res.Track != "" {
		fmt.Fprintf(b, " on track %s", md(r.TrackName, false))
	}
	fmt.Fprint(b, "\n\n")
	for _, t := range r.Others {
		fmt.Fprintf(b, "- On track %s: rank %d\n", md(t.Name, false), t.Rank)
	}
	if res.Points != 0 {
		fmt.Fprintf(b, "- Points: %d\n", res.Points)
	}
	for _, v := range res.Values {
		fmt.Fprintf(b, "- %s: %s\n", md(v.Name, false), strconv.FormatFloat(v.Value, 'g', -1, 64))
	}
	if len(r.Others) > 0 || res.Points != 0 || len(res.Values) > 0 {
		fmt.Fprintln(b)
	}

	fmt.Fprint(b, "## Skill levels\n\n| Skill | Level | |\n|---|---|---|\n")
	for _, bar := range r.Bars {
		fmt.Fprintf(b, "| %s | %d of %d | %s |\n", md(bar.Name, true), bar.Level, bar.Top,
			strings.Repeat("█", bar.Level)+strings.Repeat("░", bar.Top-bar.Level))
	}
	fmt.Fprintln(b)

	if next := r.Next; next != nil {
		fmt.Fprintf(b, "## To reach %s\n\n", md(levelTitle(next.Label, next.Name, next.ID), false))
		for _, p := range r.Plan {
			switch p.Kind {
			case "hard", "soft":
				soft := ""
				if p.Kind == "soft" {
					soft = " (soft)"
				}
				fmt.Fprintf(b, "- **%s**%s: %s (%s", md(p.Skill, false), soft, md(p.Text, false), statusText(p.Status))
				if p.Reason != "" {
					fmt.Fprintf(b, ": %s", md(p.Reason, false))
				}
				fmt.Fprintln(b, ")")
			default:
				fmt.Fprintf(b, "- %s\n", md(p.Text, false))
			}
		}
		fmt.Fprintln(b)
	} else {
		fmt.Fprint(b, "## The top level is reached\n\n")
	}

	fmt.Fprint(b, "## What holds\n\n| Level |")
	for _, s := range r.Skills {
		fmt.Fprintf(b, " %s |", md(s, true))
	}
	fmt.Fprint(b, "\n|---|")
	for range r.Skills {
		fmt.Fprint(b, "---|")
	}
	fmt.Fprintln(b)
	for _, h := range r.Holds {
		verdict := "not reached"
		if h.Level.Reached {
			verdict = "reached"
		}
		fmt.Fprintf(b, "| **%s**<br>%s", md(levelTitle(h.Level.Label, h.Level.Name, h.Level.ID), true), verdict)
		if h.Note != "" {
			fmt.Fprintf(b, "<br>%s", md(h.Note, true))
		}
		fmt.Fprint(b, " |")
		for _, g := range h.Cells {
			cell := ""
			if g != nil {
				mark := "✗"
				if g.Reached {
					mark = "✓"
				}
				cell = fmt.Sprintf("%s hard %d/%d", mark, g.Hard.Reached, g.Hard.Total)
				if g.Soft.Total > 0 {
					cell += fmt.Sprintf(", soft %d/%d", g.Soft.Reached, g.Soft.Total)
				}
			}
			fmt.Fprintf(b, " %s |", cell)
		}
		fmt.Fprintln(b)
	}
	fmt.Fprintln(b)
	if len(r.Reasons) > 0 {
		fmt.Fprint(b, "## Reasons given\n\n")
		for _, x := range r.Reasons {
			fmt.Fprintf(b, "- **%s, %s**: %s (%s): %s\n", md(x.Level, false), md(x.Skill, false), md(x.Text, false), statusText(x.Status), md(x.Reason, false))
		}
		fmt.Fprintln(b)
	}
	if len(r.Res.Orphans) > 0 {
		fmt.Fprint(b, "## Marks of what this version of the ladder does not have\n\n")
		for _, o := range r.Res.Orphans {
			of := o.Of
			if of != "requirement" {
				of += " of level"
			}
			fmt.Fprintf(b, "- **%s %s**: %s", of, md(o.ID, false), statusText(o.Status))
			if o.Reason != "" {
				fmt.Fprintf(b, ": %s", md(o.Reason, false))
			}
			fmt.Fprintln(b)
		}
		fmt.Fprintln(b)
	}
	return b.Flush()
}

func teamMarkdown(w io.Writer, t *team) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# Team\n\n%s: each person's level in each skill\n\n| Person | Level reached |", md(t.Ladder, false))
	for _, s := range t.Skills {
		fmt.Fprintf(b, " %s |", md(s, true))
	}
	fmt.Fprint(b, "\n|---|---|")
	for range t.Skills {
		fmt.Fprint(b, "---|")
	}
	fmt.Fprintln(b)
	for _, p := range t.People {
		fmt.Fprintf(b, "| %s | %s |", md(p.Name, true), md(p.Rank, true))
		for _, l := range p.Levels {
			fmt.Fprintf(b, " %d |", l)
		}
		fmt.Fprintln(b)
	}
	return b.Flush()
}
