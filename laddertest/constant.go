package laddertest

import (
	"fmt"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/engine"
	"github.com/ladderkit/ladder/internal/hook"
)

// Constant is a verdict of a ladder's own rules that no assessment
// changes: a skill, a step or a level that is not reached even when
// everything is, or one that is reached when nothing is. A rule such as
// all(skills, .reached) and len(skills) > 50 makes every level unreachable;
// count(soft, .reached) == 1 does the same to a skill without soft
// requirements; missing(skills) <= 1 reaches, with no mark at all, a level
// of one skill.
type Constant struct {
	// Level is the ID of the level, or of the step of a skill with steps.
	Level string
	// Group reports that the verdict is a skill's, decided by the skill
	// rule; else it is the level's, decided by the level rule. Skill is
	// the skill's ID, "" for the level's requirements without a skill.
	Group bool
	Skill string
	// Reached is the verdict: false for what is not reached even when
	// everything is, true for what is reached when nothing is.
	Reached bool
	// Assessment shows it: every requirement and level mark reached, no
	// mark at all, or every mark not yet.
	Assessment *ladder.Assessment

	skillName, shown string
	step             bool // Level is a step's ID
}

// String says what the verdict is and which assessment shows it.
func (c *Constant) String() string {
	what := fmt.Sprintf("level %q", c.Level)
	switch {
	case c.Group && c.step:
		what = fmt.Sprintf("step %q of skill %q", c.Level, c.skillName)
	case c.Group:
		what = fmt.Sprintf("skill %q at level %q", c.skillName, c.Level)
	}
	if c.Reached {
		return fmt.Sprintf("%s is reached with nothing reached: with %s", what, c.shown)
	}
	return fmt.Sprintf("%s is not reached, even with %s", what, c.shown)
}

// FindConstant evaluates l with everything reached, with no mark, and with
// every mark not yet, and returns each verdict of the ladder's own rules
// that does not follow: what stays unreached with everything reached, and
// what is reached with nothing reached. Verdicts of the default rules are
// left out: under them a skill without hard requirements is reached, by
// design. It returns an error when evaluating fails.
func FindConstant(l *ladder.Ladder) ([]*Constant, error) {
	plan, err := planOf(l)
	if err != nil {
		return nil, err
	}
	uniform := func(s ladder.Status) Marks {
		m := make(Marks, slots(l))
		for k := range m {
			m[k] = s
		}
		return m
	}
	var out []*Constant
	seen := map[string]bool{}
	for _, try := range []struct {
		marks   Marks
		reached bool // the verdict that is wrong on these marks
		shown   string
	}{
		{uniform(ladder.Reached), false, "every requirement and level mark reached"},
		{uniform(ladder.Unassessed), true, "no mark at all"},
		{uniform(ladder.NotYet), true, "every requirement and level mark not yet"},
	} {
		a := try.marks.Assessment(l)
		res, err := l.Evaluate(a)
		if err != nil {
			return nil, err
		}
		for i, lv := range res.Levels {
			skillRule, _ := plan.Rule(i, dsl.SkillRule)
			levelRule, _ := plan.Rule(i, dsl.LevelRule)
			groupFound := false
			for _, g := range lv.Groups {
				key := lv.ID + "\x00" + g.Skill
				if skillRule == nil || g.Reached != try.reached || seen[key] {
					continue
				}
				seen[key], groupFound = true, true
				out = append(out, &Constant{Level: lv.ID, Group: true, Skill: g.Skill, Reached: try.reached, Assessment: a, skillName: g.Name, shown: try.shown})
			}
			// A level not reached because a skill is not is the skill
			// rule's doing, reported above.
			key := lv.ID
			if levelRule == nil || lv.Reached != try.reached || seen[key] || groupFound && !try.reached {
				continue
			}
			seen[key] = true
			out = append(out, &Constant{Level: lv.ID, Reached: try.reached, Assessment: a, shown: try.shown})
		}
		// The steps of skills, decided by the ladder's skill rule.
		if !plan.StepRule() {
			continue
		}
		for _, s := range res.Skills {
			for _, st := range s.Steps {
				if st.Group.Reached != try.reached || seen[st.ID] {
					continue
				}
				seen[st.ID] = true
				out = append(out, &Constant{Level: st.ID, Group: true, Skill: s.ID, Reached: try.reached, Assessment: a, skillName: s.Name, shown: try.shown, step: true})
			}
		}
	}
	return out, nil
}

// planOf returns the compiled plan of a ladder made by ladder.Parse,
// ladder.Load or ladder.New, or an error for another.
func planOf(l *ladder.Ladder) (*engine.Plan, error) {
	if plan := hook.Plan(l); plan != nil {
		return plan, nil
	}
	return nil, fmt.Errorf("laddertest: ladder %q was not made by ladder.Parse, ladder.Load or ladder.New", l.ID)
}
