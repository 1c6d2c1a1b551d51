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
	// Lost are the requirements reached in the result before and marked
	// not yet here: they went back, in the ladder's order.
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

// Disagreement is a requirement that two assessments of one person mark
// differently.
type Disagreement struct {
	// ID, Kind and Text are the requirement's.
	ID   string `json:"id"`
	Kind Kind   `json:"kind"`
	Text string `json:"text"`
	// Level is the ID of its level, or of its step for a requirement of a
	// skill's steps; Skill is the ID of its skill, "" for a general one.
	Level string `json:"level"`
	Skill string `json:"skill,omitempty"`
	// A and B are the marks of each assessment, with their reasons;
	// their status is "unassessed" where an assessment marks nothing (or
	// its ladder's version lacks the requirement).
	A Mark `json:"a"`
	B Mark `json:"b"`
}

// Compare lists the requirements on which two results of one person
// disagree, such as a self-assessment and a manager's: those whose status
// differs, with both marks and their reasons, in the ladder's order (that
// of a, then the requirements only b's version has). The ranks and skill
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
	seen := map[string]bool{}
	add := func(ra, rb *RequirementResult, p place) {
		d := Disagreement{Level: p.level, Skill: p.skill, A: Mark{Status: Unassessed}, B: Mark{Status: Unassessed}}
		for _, r := range []*RequirementResult{rb, ra} {
			if r != nil {
				d.ID, d.Kind, d.Text = r.ID, r.Kind, r.Text
			}
		}
		if ra != nil {
			d.A = Mark{Status: ra.Status, Reason: ra.Reason}
		}
		if rb != nil {
			d.B = Mark{Status: rb.Status, Reason: rb.Reason}
		}
		if d.A.Status != d.B.Status {
			out = append(out, d)
		}
	}
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

// place is where a requirement is: the ID of its level or step, and its
// skill's.
type place struct{ level, skill string }

// placedRequirements yields the requirements of a result, with their
// places, in the ladder's order: the levels', then the steps'.
func (r *Result) placedRequirements() iter.Seq2[*RequirementResult, place] {
	return func(yield func(*RequirementResult, place) bool) {
		for i := range r.Levels {
			lv := &r.Levels[i]
			for j := range lv.Groups {
				g := &lv.Groups[j]
				for k := range g.Requirements {
					if !yield(&g.Requirements[k], place{lv.ID, g.Skill}) {
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
					if !yield(&g.Requirements[k], place{sk.Steps[j].ID, sk.ID}) {
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
