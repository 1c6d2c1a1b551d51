package ladder

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/source"
	"github.com/ladderkit/ladder/internal/suggest"
	"github.com/ladderkit/ladder/rules"
)

// Result is what an assessment shows against a ladder: the rank reached,
// and for each level and skill what holds and what is missing.
type Result struct {
	// Ladder and Version are the ladder's ID and version.
	Ladder, Version string
	// Subject is the person assessed.
	Subject string
	// Rank is the level reached: the highest r such that levels 1 to r are
	// all reached, 0 when the first is not.
	Rank int
	// Levels holds a result for each of the ladder's levels, in order:
	// Levels[r-1] is the level of rank r.
	Levels []LevelResult
}

// Level returns the result of the level reached, or nil at rank 0.
func (r *Result) Level() *LevelResult {
	if r.Rank == 0 {
		return nil
	}
	return &r.Levels[r.Rank-1]
}

// Next returns the result of the level above the one reached, which says
// what is missing to reach it, or nil when the top level is reached.
func (r *Result) Next() *LevelResult {
	if r.Rank >= len(r.Levels) {
		return nil
	}
	return &r.Levels[r.Rank]
}

// LevelResult is the result of one level.
type LevelResult struct {
	// Rank is the level's place in the ladder, from 1.
	Rank int
	// ID, Name and Reach are the level's.
	ID, Name, Reach string
	// Reached is the level rule's verdict. A level can be reached above a
	// level that is not; the rank counts only levels reached without a gap.
	Reached bool
	// Groups are the level's groups of requirements: one per skill with
	// requirements at the level, in the ladder's order of skills, then the
	// general group of the requirements without a skill.
	Groups []GroupResult
	// ReachMark and DescriptionMark are the assessor's marks on the level's
	// expertise reach and description, nil when the assessment has none.
	ReachMark, DescriptionMark *Mark
}

// GroupResult is the result of one skill at one level, or of the level's
// requirements without a skill.
type GroupResult struct {
	// Skill is the skill's ID, "" for the general group.
	Skill string
	// Name is the skill's name, "General" for the general group.
	Name string
	// General is true for the group of requirements without a skill.
	General bool
	// Reached is the skill rule's verdict.
	Reached bool
	// Missing lists the hard requirements not reached (marked not_yet, or
	// unassessed), in ladder order.
	Missing []string
	// Unassessed lists the requirements without a mark: the hard ones,
	// then the soft ones, each in ladder order.
	Unassessed []string
	// Hard and Soft count the group's hard and soft requirements reached,
	// of those that apply (not_applicable ones are left out).
	Hard, Soft Count
}

// Count is a number of requirements reached out of a total.
type Count struct {
	Reached int `json:"reached"`
	Total   int `json:"total"`
}

// Evaluate applies the ladder's rules to an assessment and returns the
// result. It is safe to call from many goroutines at once.
//
// It returns a *Error when the assessment does not fit the ladder: it is
// for another ladder, or marks a requirement or level the ladder does not
// have. The problems are located in the assessment's file when it was read
// by ParseAssessment or LoadAssessment. It also returns a *Error, located in
// the ladder's file, when a rule fails as it runs (an index out of range).
func (l *Ladder) Evaluate(a *Assessment) (*Result, error) {
	if l.plan == nil {
		return nil, errors.New("ladder: Evaluate on a Ladder not made by Parse or Load")
	}
	if a == nil {
		return nil, errors.New("ladder: Evaluate of a nil Assessment")
	}
	in := l.plan.Input()
	defer l.plan.Release(in)
	if err := l.mapAssessment(a, in); err != nil {
		return nil, err
	}
	if err := l.plan.Decide(in); err != nil {
		return nil, l.ruleFailure(err)
	}
	return l.result(a, in), nil
}

// mapAssessment puts the assessment's marks into the input, by index.
func (l *Ladder) mapAssessment(a *Assessment, in *rules.Input) error {
	ps := problems{file: a.file, doc: a.doc}
	if a.Ladder != l.ID {
		// Its marks are another ladder's: saying so of each helps nobody.
		ps.at("/ladder", fmt.Sprintf("assessment is for ladder %q, not %q", a.Ladder, l.ID))
		return ps.err()
	}
	for id, m := range a.Marks {
		i, ok := l.plan.Lookup(id)
		if !ok {
			ps.atKey(source.Pointer("marks", id), l.unknown("requirement", id, func(yield func(string) bool) {
				for i := range l.plan.NumRequirements() {
					if !yield(l.plan.Requirement(i).ID) {
						return
					}
				}
			}))
			continue
		}
		s, ok := ruleStatus(m.Status)
		if !ok {
			ps.at(source.Pointer("marks", id, "status"), badStatus(m.Status))
			continue
		}
		in.Marks[i] = rules.Mark{Status: s, Reason: m.Reason}
	}
	for id, lm := range a.Levels {
		i, ok := l.plan.LookupLevel(id)
		if !ok {
			ps.atKey(source.Pointer("levels", id), l.unknown("level", id, func(yield func(string) bool) {
				for _, lv := range l.plan.Levels() {
					if !yield(lv.ID) {
						return
					}
				}
			}))
			continue
		}
		for _, mk := range []struct {
			name string
			mark *Mark
			dst  *rules.Mark
		}{{"reach", lm.Reach, &in.Reach[i]}, {"description", lm.Description, &in.Description[i]}} {
			if mk.mark == nil {
				continue
			}
			s, ok := ruleStatus(mk.mark.Status)
			if !ok {
				ps.at(source.Pointer("levels", id, mk.name, "status"), badStatus(mk.mark.Status))
				continue
			}
			*mk.dst = rules.Mark{Status: s, Reason: mk.mark.Reason}
		}
	}
	return ps.err()
}

// unknown says an ID is not one of the ladder's, suggesting the closest.
func (l *Ladder) unknown(kind, id string, ids func(func(string) bool)) string {
	msg := fmt.Sprintf("ladder %q has no %s %q", l.ID, kind, id)
	var all []string
	for x := range ids {
		all = append(all, x)
	}
	if guess := suggest.Name(id, all); guess != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", guess)
	}
	return msg
}

func ruleStatus(s Status) (rules.Status, bool) {
	switch s {
	case Reached:
		return rules.Reached, true
	case NotYet:
		return rules.NotYet, true
	case NotApplicable:
		return rules.NotApplicable, true
	}
	return 0, false
}

func badStatus(s Status) string {
	return fmt.Sprintf("%q is not one of %q, %q, %q", s, Reached, NotYet, NotApplicable)
}

// ruleFailure reports a rule that failed as it ran, at the rule in the
// ladder's file.
func (l *Ladder) ruleFailure(err error) error {
	var re *rules.RuleError
	if !errors.As(err, &re) {
		return err
	}
	ptr := rulePointer(re.Level, re.Scope)
	level := l.plan.Levels()[re.AtLevel]
	where := fmt.Sprintf("level %q", level.ID)
	if re.Scope == dsl.SkillRule {
		g := level.Groups[re.AtGroup]
		where += fmt.Sprintf(", skill %q", g.Name)
	}
	p := Problem{File: l.file, Pointer: ptr}
	span, known := l.rules[ptr]
	p.Line, p.Column = span.Line, span.Column
	var de *dsl.Error
	if errors.As(re.Err, &de) {
		if known {
			p.Line, p.Column = span.Position(de.Offset)
		}
		p.Message = fmt.Sprintf("rule failed at %s: %s", where, de.Message)
		p.Snippet = de.Snippet()
	} else {
		p.Message = fmt.Sprintf("rule failed at %s: %v", where, re.Err)
	}
	return &Error{Problems: []Problem{p}}
}

// result builds the result from the verdicts. It allocates a fixed number
// of times whatever the size of the ladder: the lists of requirement IDs of
// all groups share one array, as do the groups of all levels.
func (l *Ladder) result(a *Assessment, in *rules.Input) *Result {
	levels := l.plan.Levels()
	nIDs, nMarks := 0, 0
	for i, lv := range levels {
		for _, g := range lv.Groups {
			for _, r := range g.Hard {
				if s := in.Marks[r].Status; s != rules.Reached && s != rules.NotApplicable {
					nIDs++
				}
				if in.Marks[r].Status == rules.Unassessed {
					nIDs++
				}
			}
			for _, r := range g.Soft {
				if in.Marks[r].Status == rules.Unassessed {
					nIDs++
				}
			}
		}
		if in.Reach[i].Status != rules.Unassessed {
			nMarks++
		}
		if in.Description[i].Status != rules.Unassessed {
			nMarks++
		}
	}
	ids := make([]string, 0, nIDs)
	marks := make([]Mark, 0, nMarks)
	groups := make([]GroupResult, len(in.Groups))
	res := &Result{
		Ladder:  l.ID,
		Version: l.Version,
		Subject: a.Subject,
		Rank:    in.Rank,
		Levels:  make([]LevelResult, len(levels)),
	}
	mark := func(m rules.Mark) *Mark {
		if m.Status == rules.Unassessed {
			return nil
		}
		marks = append(marks, Mark{Status: statusOf(m.Status), Reason: m.Reason})
		return &marks[len(marks)-1]
	}
	for i, lv := range levels {
		start := l.plan.GroupStart(i)
		lr := &res.Levels[i]
		*lr = LevelResult{
			Rank:            i + 1,
			ID:              lv.ID,
			Name:            lv.Name,
			Reach:           lv.Reach,
			Reached:         in.Levels[i],
			Groups:          groups[start : start+len(lv.Groups) : start+len(lv.Groups)],
			ReachMark:       mark(in.Reach[i]),
			DescriptionMark: mark(in.Description[i]),
		}
		for g, group := range lv.Groups {
			gr := &lr.Groups[g]
			*gr = GroupResult{Skill: group.Skill, Name: group.Name, General: group.General, Reached: in.Groups[start+g]}
			from := len(ids)
			for _, r := range group.Hard {
				switch in.Marks[r].Status {
				case rules.NotApplicable:
					continue
				case rules.Reached:
					gr.Hard.Reached++
				default:
					ids = append(ids, l.plan.Requirement(r).ID)
				}
				gr.Hard.Total++
			}
			gr.Missing = ids[from:len(ids):len(ids)]
			from = len(ids)
			for _, list := range [2][]int{group.Hard, group.Soft} {
				for _, r := range list {
					if in.Marks[r].Status == rules.Unassessed {
						ids = append(ids, l.plan.Requirement(r).ID)
					}
				}
			}
			gr.Unassessed = ids[from:len(ids):len(ids)]
			for _, r := range group.Soft {
				switch in.Marks[r].Status {
				case rules.NotApplicable:
					continue
				case rules.Reached:
					gr.Soft.Reached++
				}
				gr.Soft.Total++
			}
		}
	}
	return res
}

func statusOf(s rules.Status) Status {
	switch s {
	case rules.Reached:
		return Reached
	case rules.NotYet:
		return NotYet
	case rules.NotApplicable:
		return NotApplicable
	}
	return ""
}

// MarshalJSON encodes the result as `ladder eval --format json` prints it:
//
//	{"ladder": {"id", "version"}, "subject",
//	 "level": {"rank", "id", "name"},
//	 "levels": [{"rank", "id", "name", "reach", "reached", "reachMark", "descriptionMark",
//	             "groups": [{"skill", "name", "general", "reached", "missing", "unassessed", "hard", "soft"}]}],
//	 "next": <the level above the rank, as in "levels", or null>}
//
// level.rank is 0, and level.id and level.name are "", when no level is
// reached.
func (r *Result) MarshalJSON() ([]byte, error) {
	type ladderRef struct {
		ID      string `json:"id"`
		Version string `json:"version"`
	}
	type levelRef struct {
		Rank int    `json:"rank"`
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	out := struct {
		Ladder  ladderRef     `json:"ladder"`
		Subject string        `json:"subject"`
		Level   levelRef      `json:"level"`
		Levels  []LevelResult `json:"levels"`
		Next    *LevelResult  `json:"next"`
	}{
		Ladder:  ladderRef{r.Ladder, r.Version},
		Subject: r.Subject,
		Levels:  r.Levels,
		Next:    r.Next(),
	}
	if lv := r.Level(); lv != nil {
		out.Level = levelRef{lv.Rank, lv.ID, lv.Name}
	}
	return json.Marshal(out)
}

// MarshalJSON encodes the level result with lower-case keys (see
// Result.MarshalJSON).
func (lr LevelResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Rank            int           `json:"rank"`
		ID              string        `json:"id"`
		Name            string        `json:"name"`
		Reach           string        `json:"reach,omitempty"`
		Reached         bool          `json:"reached"`
		ReachMark       *Mark         `json:"reachMark,omitempty"`
		DescriptionMark *Mark         `json:"descriptionMark,omitempty"`
		Groups          []GroupResult `json:"groups"`
	}{lr.Rank, lr.ID, lr.Name, lr.Reach, lr.Reached, lr.ReachMark, lr.DescriptionMark, lr.Groups})
}

// MarshalJSON encodes the group result with lower-case keys (see
// Result.MarshalJSON).
func (gr GroupResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Skill      string   `json:"skill"`
		Name       string   `json:"name"`
		General    bool     `json:"general"`
		Reached    bool     `json:"reached"`
		Missing    []string `json:"missing"`
		Unassessed []string `json:"unassessed"`
		Hard       Count    `json:"hard"`
		Soft       Count    `json:"soft"`
	}{gr.Skill, gr.Name, gr.General, gr.Reached, gr.Missing, gr.Unassessed, gr.Hard, gr.Soft})
}
