package sheet

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ladderkit/ladder"
)

// header is the header row Export writes: the layout's columns, then those
// that carry IDs and level names.
var header = []string{
	"Level", "Expertise reach", "Reached", "Not yet", "Description",
	"Reached", "Not yet", "Hard requirements", "Reasons",
	"Reached", "Not yet", "Soft requirements", "Reasons",
	"Level ID", "Level name", "Skill ID", "Hard requirement ID", "Soft requirement ID",
}

// The places of the columns of header.
const (
	xLevel = iota
	xReach
	xDescReached
	xDescNotYet
	xDescription
	xHardReached
	xHardNotYet
	xHard
	xHardReasons
	xSoftReached
	xSoftNotYet
	xSoft
	xSoftReasons
	xLevelID
	xLevelName
	xSkillID
	xHardID
	xSoftID
)

// ExportCSV writes a ladder, and the marks of an assessment of it when a is
// not nil, as a CSV sheet in the layout of the package documentation. See
// Export.
func ExportCSV(w io.Writer, l *ladder.Ladder, a *ladder.Assessment) (leftOut []string, err error) {
	rows, leftOut := Export(l, a)
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return nil, err
	}
	return leftOut, nil
}

// Export returns the rows of a sheet holding a ladder, and the marks of an
// assessment of it when a is not nil, in the layout of the package
// documentation. It also lists, for people, what the layout cannot carry
// and the sheet leaves out: rules, skills' steps, tracks, profiles, points,
// named values, details, skills without requirements in the levels and the
// order of skills, and of the assessment its subject, assessor, date,
// track, the marks on expertise reach and the reasons of the marks on
// descriptions. The rest, Import gives back as it was: with nothing left
// out, the same ladder.
func Export(l *ladder.Ladder, a *ladder.Assessment) (rows [][]string, leftOut []string) {
	row := func(cells ...string) []string {
		r := make([]string, len(header))
		copy(r, cells)
		return r
	}
	title := []string{l.Name, "id: " + l.ID}
	if l.Version != "" {
		title = append(title, "version: "+l.Version)
	}
	rows = append(rows, title, []string{l.Summary}, []string{l.Description}, slices.Clone(header))
	leftOut = leftOutOf(l, a)
	marks := func(r []string, reached, notYet, reasons int, m *ladder.Mark) {
		if m == nil {
			return
		}
		r[reached], r[notYet] = "FALSE", "FALSE"
		switch m.Status {
		case ladder.Reached:
			r[reached] = "TRUE"
		case ladder.NotYet:
			r[notYet] = "TRUE"
		case ladder.NotApplicable:
			r[reached], r[notYet] = "N/A", "N/A"
		}
		if reasons >= 0 {
			r[reasons] = m.Reason
		}
	}
	mark := func(id string) *ladder.Mark {
		if a == nil {
			return nil
		}
		if m, ok := a.Marks[id]; ok {
			return &m
		}
		return nil
	}
	names, descriptions := map[string]string{}, map[string]string{}
	for _, s := range l.Skills {
		names[s.ID], descriptions[s.ID] = s.Name, s.Description
	}
	described := map[string]bool{}
	for i, lv := range l.Levels {
		r := row(strconv.Itoa(i+1), lv.Reach, "", "", lv.Description)
		r[xLevelID], r[xLevelName] = lv.ID, lv.Name
		if a != nil {
			marks(r, xDescReached, xDescNotYet, -1, a.Levels[lv.ID].Description)
		}
		rows = append(rows, r)
		// The requirements without a skill first, as a heading starts
		// a skill's; then the others, in the ladder's order, with a
		// heading where the skill changes.
		reqs := slices.Clone(lv.Requirements)
		slices.SortStableFunc(reqs, func(a, b ladder.Requirement) int {
			return cmp.Compare(skilled(a), skilled(b))
		})
		if !slices.EqualFunc(reqs, lv.Requirements, func(a, b ladder.Requirement) bool { return a.ID == b.ID }) {
			leftOut = append(leftOut, fmt.Sprintf("the order of the requirements of level %q: in a sheet, those without a skill come first", lv.ID))
		}
		skill := ""
		for _, req := range reqs {
			if req.Skill != skill {
				h := row()
				// "DevOps:", as the seed writes headings; import takes
				// one colon off.
				h[xHard], h[xSkillID] = names[req.Skill]+":", req.Skill
				if !described[req.Skill] {
					// A skill's description, on its first heading.
					h[xDescription], described[req.Skill] = descriptions[req.Skill], true
				}
				rows = append(rows, h)
				skill = req.Skill
			}
			// One requirement a row: hard ones in the hard column,
			// soft ones in the soft column.
			r := row()
			if req.Kind == ladder.Soft {
				r[xSoft], r[xSoftID] = "- "+req.Text, req.ID
				marks(r, xSoftReached, xSoftNotYet, xSoftReasons, mark(req.ID))
			} else {
				r[xHard], r[xHardID] = "- "+req.Text, req.ID
				marks(r, xHardReached, xHardNotYet, xHardReasons, mark(req.ID))
			}
			rows = append(rows, r)
		}
	}
	// A sheet lists skills as their headings come, and only those with
	// requirements in the levels.
	var order []string
	for _, lv := range l.Levels {
		for _, r := range lv.Requirements {
			if r.Skill != "" && !slices.Contains(order, r.Skill) {
				order = append(order, r.Skill)
			}
		}
	}
	var absent, listed []string
	for _, s := range l.Skills {
		if slices.Contains(order, s.ID) {
			listed = append(listed, s.ID)
		} else {
			absent = append(absent, strconv.Quote(s.ID))
		}
		if isRequirement(s.Name) {
			leftOut = append(leftOut, fmt.Sprintf("skill %q, whose name reads as a requirement in a sheet", s.ID))
		}
	}
	if len(absent) > 0 {
		leftOut = append(leftOut, "the skills without requirements in the levels: "+strings.Join(absent, ", "))
	}
	if !slices.Equal(listed, order) {
		leftOut = append(leftOut, "the order of the skills: a sheet lists them as their headings first come")
	}
	if a != nil {
		reasons := 0
		for _, lm := range a.Levels {
			if lm.Description != nil && lm.Description.Reason != "" {
				reasons++
			}
		}
		if reasons > 0 {
			leftOut = append(leftOut, fmt.Sprintf("the reasons of %d marks on descriptions", reasons))
		}
	}
	return rows, leftOut
}

// skilled is 0 for a requirement without a skill, 1 for one with.
func skilled(r ladder.Requirement) int {
	if r.Skill == "" {
		return 0
	}
	return 1
}

// leftOutOf lists what the layout cannot carry of a ladder and an
// assessment.
func leftOutOf(l *ladder.Ladder, a *ladder.Assessment) []string {
	var out []string
	add := func(ok bool, format string, args ...any) {
		if ok {
			out = append(out, fmt.Sprintf(format, args...))
		}
	}
	add(l.Rules != nil && (l.Rules.Skill != "" || l.Rules.Level != ""), "the ladder's rules")
	add(len(l.Tracks) > 0, "its %d tracks", len(l.Tracks))
	add(l.ImpliedSteps, "impliedSteps")
	add(len(l.Values) > 0, "its %d named values", len(l.Values))
	steps := 0
	for _, s := range l.Skills {
		steps += len(s.Steps)
	}
	add(steps > 0, "the %d steps of its skills, with their requirements", steps)
	var rules, profiles, thresholds, labels, details, points int
	for _, lv := range l.Levels {
		if lv.Rules != nil && (lv.Rules.Skill != "" || lv.Rules.Level != "") {
			rules++
		}
		if len(lv.Profile) > 0 {
			profiles++
		}
		if lv.Threshold != 0 {
			thresholds++
		}
		if lv.Label != "" || lv.Track != "" {
			labels++
		}
		for _, r := range lv.Requirements {
			if len(r.Examples)+len(r.Evidence)+len(r.Links) > 0 {
				details++
			}
			if r.Points != 0 {
				points++
			}
		}
	}
	add(rules > 0, "the rules of %d levels", rules)
	add(profiles > 0, "the profiles of %d levels", profiles)
	add(thresholds > 0, "the thresholds of %d levels", thresholds)
	add(labels > 0, "the labels and tracks of %d levels", labels)
	add(details > 0, "the details (examples, evidence, links) of %d requirements", details)
	add(points > 0, "the points of %d requirements", points)
	if a != nil {
		add(a.Subject != "", "the assessment's subject")
		add(a.Assessor != "", "its assessor")
		add(a.Date != "", "its date")
		add(a.Track != "", "its track")
		reach := 0
		for _, lm := range a.Levels {
			if lm.Reach != nil {
				reach++
			}
		}
		add(reach > 0, "its marks on the expertise reach of %d levels", reach)
	}
	return out
}
