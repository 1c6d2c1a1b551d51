package render

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/engine"
)

// Format is the format of what is rendered.
type Format int

// The formats.
const (
	HTML     Format = iota // one self-contained HTML document
	Markdown               // GitHub-flavoured Markdown
)

// String returns "html" or "md".
func (f Format) String() string {
	if f == Markdown {
		return "md"
	}
	return "html"
}

// Ladder writes a ladder as a matrix: its levels as rows and its skills as
// columns, each cell the requirements of a skill at a level, hard and soft
// told apart, with each level's expertise reach, description, track,
// profile and threshold; then the steps of the skills that have steps of
// their own. l may be a ladder built in Go or parsed.
func Ladder(w io.Writer, l *ladder.Ladder, f Format) error {
	m := matrixOf(l)
	if f == Markdown {
		return ladderMarkdown(w, l, m)
	}
	return ladderHTML(w, l, m)
}

// Report writes one person's report from the result of their assessment:
// the level reached on each track, each skill's level as a chart, the
// points and named values, the plan for the next level (what its profile
// and threshold want, then the hard requirements missing, then the soft
// ones), and for each level of the result's track what holds, skill by
// skill, with the assessor's reasons.
func Report(w io.Writer, res *ladder.Result, f Format) error {
	r := reportOf(res)
	if f == Markdown {
		return reportMarkdown(w, r)
	}
	return reportHTML(w, r)
}

// Team writes a team's heat map from the results of its people's
// assessments, against one ladder: people as rows, skills as columns, each
// cell the person's level in the skill, and each person's rank.
func Team(w io.Writer, results []*ladder.Result, f Format) error {
	t, err := teamOf(results)
	if err != nil {
		return err
	}
	if f == Markdown {
		return teamMarkdown(w, t)
	}
	return teamHTML(w, t)
}

// matrix is a ladder laid out for display.
type matrix struct {
	Columns []column // the skills with requirements in the levels, then General
	// Wanted are the skills that profiles ask levels of, in the ladder's
	// order: a column each, of the level asked for.
	Wanted []column
	// Reach and Description say whether any level has an expertise reach,
	// or a description: a column each, when one has.
	Reach, Description bool
	Rows               []row
	Stepped            []ladder.Skill    // the skills with steps
	Tracks             map[string]string // track names by ID
}

type column struct{ ID, Name string }

type row struct {
	Level ladder.Level
	Rank  int
	Cells [][]ladder.Requirement // by column
	Wants []string               // by column of Wanted: the level asked for, "" for none
}

func matrixOf(l *ladder.Ladder) *matrix {
	m := &matrix{Tracks: map[string]string{}}
	for _, t := range l.Tracks {
		m.Tracks[t.ID] = t.Name
	}
	used, wanted := map[string]bool{}, map[string]bool{}
	for _, lv := range l.Levels {
		for _, r := range lv.Requirements {
			used[r.Skill] = true
		}
		for id := range lv.Profile {
			wanted[id] = true
		}
		m.Reach = m.Reach || lv.Reach != ""
		m.Description = m.Description || lv.Description != ""
	}
	col := map[string]int{} // the index of each column, by skill ID
	addColumn := func(id, name string) {
		if _, ok := col[id]; !ok {
			col[id] = len(m.Columns)
			m.Columns = append(m.Columns, column{id, name})
		}
	}
	for _, s := range l.Skills {
		if used[s.ID] {
			addColumn(s.ID, s.Name)
		}
		if wanted[s.ID] {
			m.Wanted = append(m.Wanted, column{s.ID, s.Name})
		}
		if len(s.Steps) > 0 {
			m.Stepped = append(m.Stepped, s)
		}
	}
	// A skill the ladder does not list (in a ladder built in Go and not
	// checked) has a column of its own, named by its ID.
	for _, lv := range l.Levels {
		for _, r := range lv.Requirements {
			if r.Skill != "" {
				addColumn(r.Skill, r.Skill)
			}
		}
	}
	if used[""] {
		addColumn("", "General")
	}
	tracks := make([]string, len(l.Levels))
	for i, lv := range l.Levels {
		tracks[i] = lv.Track
	}
	ranks := engine.TrackRanks(tracks)
	for i, lv := range l.Levels {
		rw := row{Level: lv, Rank: ranks[i], Cells: make([][]ladder.Requirement, len(m.Columns)), Wants: make([]string, len(m.Wanted))}
		for k, c := range m.Wanted {
			if want, ok := lv.Profile[c.ID]; ok {
				rw.Wants[k] = strconv.Itoa(want)
			}
		}
		for _, r := range lv.Requirements {
			k := col[r.Skill]
			rw.Cells[k] = append(rw.Cells[k], r)
		}
		m.Rows = append(m.Rows, rw)
	}
	return m
}

// levelTitle names a level: its label and name, or its ID.
func levelTitle(label, name, id string) string {
	t := strings.TrimSpace(label + " " + name)
	if t == "" {
		return "Level " + id
	}
	return t
}

// report is a result laid out for display.
type report struct {
	Res     *ladder.Result
	Reached *ladder.LevelResult
	Next    *ladder.LevelResult
	// Skills and Holds are what holds, as a table: the names of the
	// skills of the levels on the track, and for each level a cell by
	// skill.
	Skills    []string
	Holds     []hold
	Reasons   []reason // the reasons given, level by level
	Bars      []bar
	Others    []ladder.TrackResult // the ranks on the other tracks
	Plan      []planItem
	TrackName string
}

// hold is what holds at one level: each skill's verdict and counts, and
// what its profile and threshold ask.
type hold struct {
	Level *ladder.LevelResult
	Cells []*ladder.GroupResult // by skill of report.Skills, nil where the level has none
	Note  string                // the profile and threshold, for a level that has them
}

// reason is a reason an assessor gave, with what it is about.
type reason struct {
	Level, Skill, Text string
	Status             ladder.Status
	Reason             string
}

// bar is a skill's level, for the chart.
type bar struct {
	Name       string
	Level, Top int
}

// planItem is one thing missing for the next level.
type planItem struct {
	Kind   string // "profile", "points", "hard", "soft", "rule"
	Skill  string
	Text   string
	Status ladder.Status
	Reason string
}

func reportOf(res *ladder.Result) *report {
	r := &report{Res: res, Reached: res.Reached(), Next: res.Next()}
	var onTrack []*ladder.LevelResult
	column := map[string]int{} // by skill ID, "" for the general group
	for i := range res.Levels {
		lv := &res.Levels[i]
		if lv.Track != "" && lv.Track != res.Track {
			continue
		}
		onTrack = append(onTrack, lv)
		for _, g := range lv.Groups {
			if _, ok := column[g.Skill]; !ok {
				column[g.Skill] = len(r.Skills)
				r.Skills = append(r.Skills, g.Name)
			}
		}
	}
	// A skill's top: its number of steps, or the highest rank on the
	// track of a level that holds its requirements.
	tops := map[string]int{}
	for _, lv := range onTrack {
		h := hold{Level: lv, Cells: make([]*ladder.GroupResult, len(r.Skills))}
		var notes []string
		for _, p := range lv.Profile {
			met := "not met"
			if p.Met {
				met = "met"
			}
			notes = append(notes, fmt.Sprintf("%s %d of %d, %s", p.Name, p.Level, p.Want, met))
		}
		if lv.Threshold != 0 {
			notes = append(notes, fmt.Sprintf("threshold %d, points %d", lv.Threshold, res.Points))
		}
		h.Note = strings.Join(notes, "; ")
		for g := range lv.Groups {
			grp := &lv.Groups[g]
			h.Cells[column[grp.Skill]] = grp
			tops[grp.Skill] = max(tops[grp.Skill], lv.Rank)
			for _, req := range grp.Requirements {
				if req.Reason != "" {
					r.Reasons = append(r.Reasons, reason{Level: levelTitle(lv.Label, lv.Name, lv.ID), Skill: grp.Name, Text: short(req.Text), Status: req.Status, Reason: req.Reason})
				}
			}
		}
		r.Holds = append(r.Holds, h)
	}
	for _, s := range res.Skills {
		for _, st := range s.Steps {
			for _, req := range st.Group.Requirements {
				if req.Reason != "" {
					r.Reasons = append(r.Reasons, reason{Level: fmt.Sprintf("step %d", st.Step), Skill: s.Name, Text: short(req.Text), Status: req.Status, Reason: req.Reason})
				}
			}
		}
	}
	for _, t := range res.Tracks {
		if t.ID != res.Track {
			r.Others = append(r.Others, t)
		} else {
			r.TrackName = t.Name
		}
	}
	for _, s := range res.Skills {
		top := len(s.Steps)
		if top == 0 {
			top = tops[s.ID]
		}
		r.Bars = append(r.Bars, bar{Name: s.Name, Level: s.Level, Top: max(top, s.Level, 1)})
	}
	if next := r.Next; next != nil {
		for _, p := range next.Profile {
			if !p.Met {
				r.Plan = append(r.Plan, planItem{Kind: "profile", Skill: p.Name, Text: fmt.Sprintf("%s at level %d (now %d)", p.Name, p.Want, p.Level)})
				if s := res.Skill(p.Skill); s != nil {
					for _, st := range s.Steps[min(p.Level, len(s.Steps)):min(p.Want, len(s.Steps))] {
						r.Plan = append(r.Plan, missing(st.Group, p.Name)...)
					}
				}
			}
		}
		if next.Threshold != 0 && res.Points < next.Threshold {
			r.Plan = append(r.Plan, planItem{Kind: "points", Text: fmt.Sprintf("%d more points (%d of %d)", next.Threshold-res.Points, res.Points, next.Threshold)})
		}
		for _, g := range next.Groups {
			r.Plan = append(r.Plan, missing(g, g.Name)...)
		}
		// Hard requirements first, then soft ones, each in ladder order.
		slices.SortStableFunc(r.Plan, func(a, b planItem) int { return planOrder(a.Kind) - planOrder(b.Kind) })
		if !slices.ContainsFunc(r.Plan, func(p planItem) bool { return p.Kind != "soft" }) && !slices.ContainsFunc(next.Groups, func(g ladder.GroupResult) bool { return !g.Reached }) {
			r.Plan = append(r.Plan, planItem{Kind: "rule", Text: "Every skill is reached: the level's rule asks for more."})
		}
	}
	return r
}

// missing lists what a group misses: its hard requirements not reached,
// and its soft ones, which count where the ladder's rules say so.
func missing(g ladder.GroupResult, skill string) []planItem {
	var out []planItem
	for _, req := range g.Requirements {
		if req.Status == ladder.NotYet || req.Status == ladder.Unassessed {
			out = append(out, planItem{Kind: string(req.Kind), Skill: skill, Text: req.Text, Status: req.Status, Reason: req.Reason})
		}
	}
	return out
}

// short returns the first words of a text, to name a requirement.
func short(text string) string {
	words := strings.Fields(text)
	if len(words) <= 8 {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:8], " ") + "…"
}

func planOrder(kind string) int {
	return strings.Index("profile points hard soft rule", kind)
}

// statusText writes a status for people.
func statusText(s ladder.Status) string {
	switch s {
	case ladder.Reached:
		return "reached"
	case ladder.NotYet:
		return "not yet"
	case ladder.NotApplicable:
		return "not applicable"
	}
	return "unassessed"
}

// team is a team's results laid out for display.
type team struct {
	Ladder string
	Skills []string
	People []person
	Top    int // the highest skill level, for the colours
}

type person struct {
	Name   string
	Rank   string
	Levels []int
}

func teamOf(results []*ladder.Result) (*team, error) {
	if len(results) == 0 {
		return nil, fmt.Errorf("render: Team of no results")
	}
	t := &team{Ladder: results[0].LadderName, Top: 1}
	for _, s := range results[0].Skills {
		t.Skills = append(t.Skills, s.Name)
	}
	for _, res := range results {
		if res.Ladder != results[0].Ladder {
			return nil, fmt.Errorf("render: Team of results of two ladders, %q and %q", results[0].Ladder, res.Ladder)
		}
		p := person{Name: res.Subject, Rank: "none"}
		if lv := res.Reached(); lv != nil {
			p.Rank = levelTitle(lv.Label, lv.Name, lv.ID)
		}
		for _, s := range res.Skills {
			p.Levels = append(p.Levels, s.Level)
			t.Top = max(t.Top, s.Level)
		}
		t.People = append(t.People, p)
	}
	return t, nil
}
