package dsl

import (
	"github.com/ladderkit/ladder/internal/rule"

	"math/rand"
	"strconv"
)

// genWorld generates what a rule sees: lists of a few requirements and
// skills, with statuses, texts and reasons.
func genWorld(r *rand.Rand) world {
	text := func() string {
		return []string{"Text", "text of a requirement", "é", "", "x$", "Text 42", "a b", " x "}[r.Intn(8)]
	}
	req := func() rule.Requirement {
		status := []string{rule.Reached, rule.NotYet, rule.Unassessed}[r.Intn(3)]
		q := rule.Requirement{ID: []string{"r1", "r2", "r3", "a"}[r.Intn(4)], Text: text(), Status: status, Reached: status == rule.Reached, Points: r.Intn(4)}
		if status != rule.Unassessed && r.Intn(2) == 0 {
			q.Reason = text()
		}
		return q
	}
	reqs := func() []rule.Requirement {
		out := []rule.Requirement{}
		for range r.Intn(5) {
			out = append(out, req())
		}
		return out
	}
	mark := func() rule.Mark {
		status := []string{rule.Reached, rule.NotYet, rule.NotApplicable, rule.Unassessed}[r.Intn(4)]
		m := rule.Mark{Status: status, Reached: status == rule.Reached}
		if status != rule.Unassessed && r.Intn(2) == 0 {
			m.Reason = text()
		}
		return m
	}
	w := world{Hard: reqs(), Soft: reqs(), Reach: mark(), Descr: mark()}
	w.Skill = rule.Skill{ID: []string{"s1", "devops", ""}[r.Intn(3)], Name: "Skill"}
	w.Skill.General = w.Skill.ID == ""
	w.Level = rule.Level{ID: "l" + strconv.Itoa(1+r.Intn(3)), Name: "Level", Rank: 1 + r.Intn(3), Reach: "Squad", Threshold: r.Intn(26) - 5}
	for range r.Intn(5) {
		id := []string{"s1", "devops"}[r.Intn(2)]
		w.SkillLevels = append(w.SkillLevels, rule.SkillLevel{ID: id, Name: "Skill " + id, Level: r.Intn(4), Points: r.Intn(11)})
	}
	w.Points = r.Intn(41)
	w.Rank = r.Intn(4)
	if r.Intn(3) > 0 {
		w.Next = rule.Level{ID: "l" + strconv.Itoa(1+r.Intn(3)), Name: "Next", Rank: 1 + r.Intn(4), Threshold: r.Intn(50)}
	}
	for range 1 + r.Intn(4) {
		id := []string{"s1", "devops", ""}[r.Intn(3)]
		w.Skills = append(w.Skills, rule.SkillResult{ID: id, Name: "Skill " + id, General: id == "", Reached: r.Intn(2) == 0, Hard: reqs(), Soft: reqs()})
	}
	return w
}

// shapeOf returns the shape of a ladder that holds the world: the IDs of
// the generated worlds, and those of this one.
func shapeOf(w *world) Shape {
	s := Shape{
		Skills:       []string{"", "s1", "devops", w.Skill.ID},
		Levels:       []string{"l1", "l2", "l3", w.Level.ID},
		Requirements: []string{"r1", "r2", "r3", "a"},
		Sizes:        w.sizes(),
	}
	reqs := func(rs []rule.Requirement) {
		for _, r := range rs {
			s.Requirements = append(s.Requirements, r.ID)
		}
	}
	reqs(w.Hard)
	reqs(w.Soft)
	if w.Next.ID != "" {
		s.Levels = append(s.Levels, w.Next.ID)
	}
	for _, sl := range w.SkillLevels {
		s.Skills = append(s.Skills, sl.ID)
	}
	for _, sk := range w.Skills {
		s.Skills = append(s.Skills, sk.ID)
		reqs(sk.Hard)
		reqs(sk.Soft)
	}
	return s
}
