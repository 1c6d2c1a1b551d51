package ladder

import (
	"fmt"
	"iter"
)

// Checkpoint is one result in a person's progress, with what changed since
// the result before it.
type Checkpoint struct {
	// Result is the result at this point: its date, assessor, rank, skill
	// levels and values.
	Result *Result `json:"result"`
	// Gained are the requirements reached here and not in the result
	// before (those new to the ladder's version included), in the
	// ladder's order. The first checkpoint gains none.
	Gained []RequirementResult `json:"gained"`
	// Lost are the requirements reached in the result before and not yet
	// here: they went back, in the ladder's order. A requirement reached
	// before and now unmarked, not applicable, or gone from the ladder's
	// version is in neither list: the result says what it is now.
	Lost []RequirementResult `json:"lost"`
}

// Progress follows one person through results in date order, such as the
// results of their yearly assessments: a checkpoint for each result, with
// the requirements gained and lost since the one before. Results may come
// from different versions of the ladder: requirements are matched by ID.
//
// It returns an error when the results are of different ladders or
// people, or when their dates are not in order (an undated result is
// taken where it is).
func Progress(results []*Result) ([]Checkpoint, error) {
	if err := samePerson(results...); err != nil {
		return nil, err
	}
	last := ""
	for i, r := range results {
		if r.Date == "" {
			continue
		}
		if r.Date < last {
			return nil, fmt.Errorf("ladder: result %d is of %s, before the result before it (%s): give the results in date order", i+1, r.Date, last)
		}
		last = r.Date
	}
	out := make([]Checkpoint, len(results))
	for i, r := range results {
		out[i] = Checkpoint{Result: r, Gained: []RequirementResult{}, Lost: []RequirementResult{}}
		if i == 0 {
			continue
		}
		before := statuses(results[i-1])
		for req := range r.requirements() {
			switch was := before[req.ID]; {
			case req.Status == Reached && was != Reached:
				out[i].Gained = append(out[i].Gained, *req)
			case req.Status == NotYet && was == Reached:
				out[i].Lost = append(out[i].Lost, *req)
			}
		}
	}
	return out, nil
}

// Disagreement is a requirement that two results of one person mark
// differently.
type Disagreement struct {
	// Level is the ID of the requirement's level, "" for a requirement of
	// a skill's steps; Step is then the ID of its step. Skill is the ID
	// of its skill, "" for a general requirement.
	Level string `json:"level,omitempty"`
	Step  string `json:"step,omitempty"`
	Skill string `json:"skill,omitempty"`
	// A and B are the requirement's results in each: its ID, kind and
	// text, and the status, the reason and whether the mark was implied.
	// Where a result's ladder version lacks the requirement, its status
	// there is "unassessed", with the ID, kind and text of the other.
	A RequirementResult `json:"a"`
	B RequirementResult `json:"b"`
}

// Compare lists the requirements on which two results of one person
// disagree, such as a self-assessment and a manager's: those whose status
// differs, with both statuses and reasons, in the ladder's order (that of
// a, then the requirements only b's version has). The ranks and skill
// levels to set beside them are in a and b. Two results that mark alike
// give an empty list. Requirements are matched by ID, so the results may
// come from different versions of the ladder.
//
// It returns an error when the results are of different ladders or
// people.
func Compare(a, b *Result) ([]Disagreement, error) {
	if err := samePerson(a, b); err != nil {
		return nil, err
	}
	out := []Disagreement{}
	inB := map[string]*RequirementResult{}
	for req := range b.requirements() {
		inB[req.ID] = req
	}
	// absent is a requirement as a result that lacks it shows it.
	absent := func(r *RequirementResult) RequirementResult {
		return RequirementResult{ID: r.ID, Kind: r.Kind, Text: r.Text, Status: Unassessed}
	}
	add := func(ra, rb *RequirementResult, p place) {
		d := Disagreement{Skill: p.skill}
		if p.step {
			d.Step = p.level
		} else {
			d.Level = p.level
		}
		switch {
		case ra == nil:
			d.A, d.B = absent(rb), *rb
		case rb == nil:
			d.A, d.B = *ra, absent(ra)
		default:
			d.A, d.B = *ra, *rb
		}
		if d.A.Status != d.B.Status {
			out = append(out, d)
		}
	}
	seen := map[string]bool{}
	for req, p := range a.placedRequirements() {
		seen[req.ID] = true
		add(req, inB[req.ID], p)
	}
	for req, p := range b.placedRequirements() {
		if !seen[req.ID] {
			add(nil, req, p)
		}
	}
	return out, nil
}

// samePerson returns an error unless the results are of one ladder and one
// person.
func samePerson(results ...*Result) error {
	for i, r := range results {
		if r == nil {
			return fmt.Errorf("ladder: result %d is nil", i+1)
		}
		if first := results[0]; r.Ladder != first.Ladder {
			return fmt.Errorf("ladder: result %d is of ladder %q, result 1 of %q", i+1, r.Ladder, first.Ladder)
		} else if r.Subject != first.Subject {
			return fmt.Errorf("ladder: result %d is of %q, result 1 of %q: compare the results of one person", i+1, r.Subject, first.Subject)
		}
	}
	return nil
}

// statuses maps the IDs of a result's requirements to their statuses.
func statuses(r *Result) map[string]Status {
	m := map[string]Status{}
	for req := range r.requirements() {
		m[req.ID] = req.Status
	}
	return m
}

// place is where a requirement is: the ID of its level or step (step
// set), and its skill's.
type place struct {
	level, skill string
	step         bool
}

// placedRequirements yields the requirements of a result, with their
// places, in the ladder's order: the levels', then the steps'.
func (r *Result) placedRequirements() iter.Seq2[*RequirementResult, place] {
	return func(yield func(*RequirementResult, place) bool) {
		for i := range r.Levels {
			lv := &r.Levels[i]
			for j := range lv.Groups {
				g := &lv.Groups[j]
				for k := range g.Requirements {
					if !yield(&g.Requirements[k], place{lv.ID, g.Skill, false}) {
						return
					}
				}
			}
		}
		for i := range r.Skills {
			sk := &r.Skills[i]
			for j := range sk.Steps {
				g := &sk.Steps[j].Group
				for k := range g.Requirements {
					if !yield(&g.Requirements[k], place{sk.Steps[j].ID, sk.ID, true}) {
						return
					}
				}
			}
		}
	}
}

// requirements yields the requirements of a result in the ladder's order.
func (r *Result) requirements() iter.Seq[*RequirementResult] {
	return func(yield func(*RequirementResult) bool) {
		for req := range r.placedRequirements() {
			if !yield(req) {
				return
			}
		}
	}
}
