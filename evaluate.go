package ladder

import (
	"errors"
	"fmt"
	"math/bits"
	"slices"

	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/engine"
)

// Result is what an assessment shows against a ladder: the rank reached,
// and for each level, skill and requirement what holds and what is
// missing, with the ladder's words and the assessor's marks. It holds
// everything a report needs, so that a program can show one from the
// Result alone.
//
// Its JSON form is what `ladder eval --format json` prints, and what
// schema.Result describes: encoding/json writes and reads it with the keys
// of its fields' tags, and reads back what it wrote.
type Result struct {
	// Ladder is the ladder's ID.
	Ladder string `json:"ladder"`
	// LadderName is the ladder's name.
	LadderName string `json:"ladderName"`
	// Version is the ladder's version, "" when it has none.
	Version string `json:"version,omitempty"`
	// Subject is the person assessed.
	Subject string `json:"subject"`
	// Assessor is who made the assessment, "" when it does not say.
	Assessor string `json:"assessor,omitempty"`
	// Date is the day of the assessment, as YYYY-MM-DD, "" when it does
	// not say.
	Date string `json:"date,omitempty"`
	// Rank is the level reached: the highest r such that levels 1 to r are
	// all reached, 0 when the first is not.
	Rank int `json:"rank" jsonschema:"minimum=0"`
	// Levels holds a result for each of the ladder's levels, in order:
	// Levels[r-1] is the level of rank r.
	Levels []LevelResult `json:"levels"`
}

// LevelResult is the result of one level.
type LevelResult struct {
	// Rank is the level's place in the ladder, from 1.
	Rank int `json:"rank" jsonschema:"minimum=1"`
	// ID is the level's ID.
	ID string `json:"id"`
	// Name is the level's name, "" when it has none.
	Name string `json:"name"`
	// Reach is the level's expertise reach, "" when it has none.
	Reach string `json:"reach,omitempty"`
	// Reached is the level rule's verdict. A level can be reached above a
	// level that is not; the rank counts only levels reached without a gap.
	Reached bool `json:"reached"`
	// ReachMark is the assessor's mark on the level's expertise reach, nil
	// (left out) when the assessment has none.
	ReachMark *Mark `json:"reachMark,omitempty"`
	// DescriptionMark is the assessor's mark on the level's description,
	// nil (left out) when the assessment has none.
	DescriptionMark *Mark `json:"descriptionMark,omitempty"`
	// Groups are the level's groups of requirements: one per skill with
	// requirements at the level, in the ladder's order of skills, then the
	// general group of the requirements without a skill.
	Groups []GroupResult `json:"groups"`
}

// GroupResult is the result of one skill at one level, or of the level's
// requirements without a skill.
type GroupResult struct {
	// Skill is the skill's ID, "" for the general group.
	Skill string `json:"skill"`
	// Name is the skill's name, "General" for the general group.
	Name string `json:"name"`
	// General is true for the group of requirements without a skill.
	General bool `json:"general"`
	// Reached is the skill rule's verdict. Under the default rule, a group
	// whose hard requirements are all not_applicable (or that has none) is
	// reached: there is nothing left to miss.
	Reached bool `json:"reached"`
	// Missing lists the IDs of the hard requirements not reached (not_yet,
	// or unassessed), in ladder order.
	Missing []string `json:"missing"`
	// SoftMissing lists the IDs of the soft requirements not reached, in
	// ladder order. They keep a group from being reached only where a rule
	// says so: when a group is not reached and Missing is empty, they are
	// what is left.
	SoftMissing []string `json:"softMissing"`
	// Unassessed lists the IDs of the requirements without a mark: the
	// hard ones, then the soft ones, each in ladder order.
	Unassessed []string `json:"unassessed"`
	// Hard counts the group's hard requirements reached, of those that
	// apply (not_applicable ones are left out).
	Hard Count `json:"hard"`
	// Soft counts the group's soft requirements reached, of those that
	// apply.
	Soft Count `json:"soft"`
	// Requirements are the group's requirements in ladder order, hard and
	// soft, each with its mark.
	Requirements []RequirementResult `json:"requirements"`
}

// RequirementResult is a requirement as a result reports it: the ladder's
// words and the assessment's mark.
type RequirementResult struct {
	// ID is the requirement's ID.
	ID string `json:"id"`
	// Kind is "hard" or "soft".
	Kind Kind `json:"kind" jsonschema:"enum=hard,enum=soft"`
	// Text says what must hold, in the ladder's words.
	Text string `json:"text"`
	// Status is the status of the assessor's mark, "unassessed"
	// (Unassessed) when the assessment has none for the requirement.
	Status Status `json:"status"`
	// Reason is the mark's reason, "" when none was given.
	Reason string `json:"reason,omitempty"`
}

// Count is a number of requirements reached out of a total.
type Count struct {
	Reached int `json:"reached"` // how many are marked reached
	Total   int `json:"total"`   // how many apply: not_applicable ones left out
}

// Reached returns the result of the level reached, or nil at rank 0.
func (r *Result) Reached() *LevelResult {
	if r.Rank <= 0 || r.Rank > len(r.Levels) {
		return nil
	}
	return &r.Levels[r.Rank-1]
}

// Next returns the result of the level above the one reached, which says
// what is missing to reach it, or nil when the top level is reached.
func (r *Result) Next() *LevelResult {
	if r.Rank < 0 || r.Rank >= len(r.Levels) {
		return nil
	}
	return &r.Levels[r.Rank]
}

// Level returns the result of the level of an ID, or nil when the ladder
// has no such level.
func (r *Result) Level(id string) *LevelResult {
	for i := range r.Levels {
		if r.Levels[i].ID == id {
			return &r.Levels[i]
		}
	}
	return nil
}

// Requirement returns the result of the requirement of an ID, or nil when
// the ladder has no such requirement. It looks through every level, in
// time linear in the ladder's size.
func (r *Result) Requirement(id string) *RequirementResult {
	for i := range r.Levels {
		for j := range r.Levels[i].Groups {
			g := &r.Levels[i].Groups[j]
			for k := range g.Requirements {
				if g.Requirements[k].ID == id {
					return &g.Requirements[k]
				}
			}
		}
	}
	return nil
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
		return nil, errors.New("ladder: Evaluate on a Ladder not made by Parse, Load or New")
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

// suggestBudget bounds the work of "did you mean" suggestions for one
// document, in pairs of characters compared (a few milliseconds): a
// document with thousands of unknown names gets suggestions for the first
// ones only.
const suggestBudget = 1 << 21

// runeCount counts the characters of s, eight bytes at a time: the bytes
// that do not continue a character (10xxxxxx). On valid UTF-8 it is
// utf8.RuneCountInString, several times faster on text outside ASCII; on
// invalid UTF-8 it counts no more characters than there are bytes.
func runeCount(s string) int {
	const low, high = 0x0101010101010101, 0x8080808080808080
	continuations := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte continues a character when its top bit is set and the
		// next one is not.
		continuations += bits.OnesCount64(w & high & ^(w << 1) & (low << 7))
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			continuations++
		}
	}
	return len(s) - continuations
}

// ruleFailure reports a rule that failed as it ran, at the rule in the
// ladder's file.
func (l *Ladder) ruleFailure(err error) error {
	var re *engine.RuleError
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
// of times whatever the size of the ladder: the requirements of all groups
// share one array, the lists of requirement IDs another, and the groups of
// all levels a third.
func (l *Ladder) result(a *Assessment, in *engine.Input) *Result {
	levels := l.plan.Levels()
	nIDs, nMarks := 0, 0
	for i, lv := range levels {
		for _, g := range lv.Groups {
			for _, r := range g.Hard {
				nIDs += idsOf(in.Marks[r].Status)
			}
			for _, r := range g.Soft {
				nIDs += idsOf(in.Marks[r].Status)
			}
		}
		if in.Reach[i].Status != engine.Unassessed {
			nMarks++
		}
		if in.Description[i].Status != engine.Unassessed {
			nMarks++
		}
	}
	ids := make([]string, 0, nIDs)
	marks := make([]Mark, 0, nMarks)
	reqs := make([]RequirementResult, 0, l.plan.NumRequirements())
	groups := make([]GroupResult, len(in.Groups))
	res := &Result{
		Ladder:     l.id,
		LadderName: l.name,
		Version:    l.version,
		Subject:    a.Subject,
		Assessor:   a.Assessor,
		Date:       a.Date,
		Rank:       in.Rank,
		Levels:     make([]LevelResult, len(levels)),
	}
	mark := func(m engine.Mark) *Mark {
		if m.Status == engine.Unassessed {
			return nil
		}
		marks = append(marks, Mark{Status: statusOf(m.Status), Reason: m.Reason})
		return &marks[len(marks)-1]
	}
	// appendIDs appends the IDs of the requirements of list whose status
	// is one of want, and returns them.
	appendIDs := func(list []int, want ...engine.Status) []string {
		from := len(ids)
		for _, r := range list {
			if slices.Contains(want, in.Marks[r].Status) {
				ids = append(ids, l.plan.Requirement(r).ID)
			}
		}
		return ids[from:len(ids):len(ids)]
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
			*gr = GroupResult{
				Skill:       group.Skill,
				Name:        group.Name,
				General:     group.General,
				Reached:     in.Groups[start+g],
				Missing:     appendIDs(group.Hard, engine.NotYet, engine.Unassessed),
				SoftMissing: appendIDs(group.Soft, engine.NotYet, engine.Unassessed),
			}
			from := len(ids)
			appendIDs(group.Hard, engine.Unassessed)
			appendIDs(group.Soft, engine.Unassessed)
			gr.Unassessed = ids[from:len(ids):len(ids)]
			gr.Hard = count(in.Marks, group.Hard)
			gr.Soft = count(in.Marks, group.Soft)
			from = len(reqs)
			// Hard and Soft are each in ladder order, the order of
			// their indices: merge them.
			hard, soft := group.Hard, group.Soft
			for len(hard) > 0 || len(soft) > 0 {
				var r int
				kind := Hard
				if len(soft) == 0 || len(hard) > 0 && hard[0] < soft[0] {
					r, hard = hard[0], hard[1:]
				} else {
					r, soft, kind = soft[0], soft[1:], Soft
				}
				req, m := l.plan.Requirement(r), in.Marks[r]
				reqs = append(reqs, RequirementResult{ID: req.ID, Kind: kind, Text: req.Text, Status: statusOf(m.Status), Reason: m.Reason})
			}
			gr.Requirements = reqs[from:len(reqs):len(reqs)]
		}
	}
	return res
}

// idsOf returns how many lists of IDs a requirement of a status is in:
// Missing or SoftMissing when not yet, and Unassessed too when unassessed.
func idsOf(s engine.Status) int {
	switch s {
	case engine.NotYet:
		return 1
	case engine.Unassessed:
		return 2
	}
	return 0
}

// count counts the requirements of a list reached, of those that apply.
func count(marks []engine.Mark, list []int) Count {
	var c Count
	for _, r := range list {
		switch marks[r].Status {
		case engine.NotApplicable:
			continue
		case engine.Reached:
			c.Reached++
		}
		c.Total++
	}
	return c
}

func statusOf(s engine.Status) Status { return Status(s.String()) }
