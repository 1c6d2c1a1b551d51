package ladder

import (
	"errors"
	"fmt"
	"math/bits"

	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/engine"
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
	// ReachMark and DescriptionMark are the assessor's marks on the level's
	// expertise reach and description, nil when the assessment has none.
	ReachMark, DescriptionMark *Mark
	// Groups are the level's groups of requirements: one per skill with
	// requirements at the level, in the ladder's order of skills, then the
	// general group of the requirements without a skill.
	Groups []GroupResult
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
	// Reached is the skill rule's verdict. Under the default rule, a group
	// whose hard requirements are all not_applicable (or that has none) is
	// reached: there is nothing left to miss.
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
	Reached int `json:"reached"` // how many are marked reached
	Total   int `json:"total"`   // how many apply: not_applicable ones left out
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
// of times whatever the size of the ladder: the lists of requirement IDs of
// all groups share one array, as do the groups of all levels.
func (l *Ladder) result(a *Assessment, in *engine.Input) *Result {
	levels := l.plan.Levels()
	nIDs, nMarks := 0, 0
	for i, lv := range levels {
		for _, g := range lv.Groups {
			for _, r := range g.Hard {
				if s := in.Marks[r].Status; s != engine.Reached && s != engine.NotApplicable {
					nIDs++
				}
				if in.Marks[r].Status == engine.Unassessed {
					nIDs++
				}
			}
			for _, r := range g.Soft {
				if in.Marks[r].Status == engine.Unassessed {
					nIDs++
				}
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
	groups := make([]GroupResult, len(in.Groups))
	res := &Result{
		Ladder:  l.id,
		Version: l.version,
		Subject: a.Subject,
		Rank:    in.Rank,
		Levels:  make([]LevelResult, len(levels)),
	}
	mark := func(m engine.Mark) *Mark {
		if m.Status == engine.Unassessed {
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
				case engine.NotApplicable:
					continue
				case engine.Reached:
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
					if in.Marks[r].Status == engine.Unassessed {
						ids = append(ids, l.plan.Requirement(r).ID)
					}
				}
			}
			gr.Unassessed = ids[from:len(ids):len(ids)]
			for _, r := range group.Soft {
				switch in.Marks[r].Status {
				case engine.NotApplicable:
					continue
				case engine.Reached:
					gr.Soft.Reached++
				}
				gr.Soft.Total++
			}
		}
	}
	return res
}

func statusOf(s engine.Status) Status { return Status(s.String()) }
