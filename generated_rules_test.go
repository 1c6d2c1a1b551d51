package ladder_test

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/expr-lang/expr/vm"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/rule"
	"github.com/ladderkit/ladder/internal/rulegen"
	"github.com/ladderkit/ladder/laddertest"
	"github.com/ladderkit/ladder/rules"
)

// Generated rules on generated ladders: when Parse accepts a ladder's
// rules, Evaluate gives a verdict on every assessment, and each verdict is
// the one the rule's program gives, run alone on what the rule sees at that
// group or level. This proves the plumbing of the engine (values made
// once per ladder, reasons and lists filled only for rules that read them,
// variables set only for rules that name them) on top of what package dsl
// proves of the language.
func TestGeneratedRulesOnLadders(t *testing.T) {
	p := properties(t)
	var refused, accepted int
	p.Property("checked rules evaluate on their ladders", prop.ForAll(func(seed int64, c laddertest.Case) bool {
		r := rand.New(rand.NewSource(seed))
		var rs rules.Rules
		if r.Intn(3) > 0 {
			rs.Skill = rulegen.New(r, 0).Rule(2 + r.Intn(3)).String()
		}
		if r.Intn(3) > 0 {
			rs.Level = rulegen.New(r, 1).Rule(2 + r.Intn(3)).String()
		}
		c.Shape.Rules = rs
		l, err := c.Shape.Ladder()
		if err != nil {
			refused++
			return true
		}
		accepted++
		a := c.Marks.Assessment(l)
		reasons := []string{"", "waived", "Text", "é"}
		for id, m := range a.Marks {
			m.Reason = reasons[r.Intn(len(reasons))]
			a.Marks[id] = m
		}
		res, err := l.Evaluate(a)
		if err != nil {
			t.Logf("skill rule %q, level rule %q: Evaluate failed: %v", rs.Skill, rs.Level, err)
			return false
		}
		if err := sameVerdicts(l, a, res); err != nil {
			t.Logf("skill rule %q, level rule %q: %v", rs.Skill, rs.Level, err)
			return false
		}
		return true
	}, gen.Int64(), laddertest.GenCase()))
	p.TestingRun(t)
	t.Logf("ladders: %d with rules refused by Parse, %d accepted and evaluated", refused, accepted)
	if accepted*3 < refused+accepted {
		t.Errorf("only %d of %d ladders had rules accepted: the generator tests too little", accepted, refused+accepted)
	}
}

// sameVerdicts runs the ladder's rules, compiled alone by package dsl, on
// what each group and level of the result sees, and compares the verdicts.
func sameVerdicts(l *ladder.Ladder, a *ladder.Assessment, res *ladder.Result) error {
	var m vm.VM
	compile := func(scope dsl.Scope, src string) (*dsl.Program, error) {
		if src == "" {
			src = map[dsl.Scope]string{dsl.SkillRule: rules.DefaultSkill, dsl.LevelRule: rules.DefaultLevel}[scope]
		}
		return dsl.Compile(scope, src, dsl.Limits{})
	}
	var rs rules.Rules
	if l.Rules != nil {
		rs = *l.Rules
	}
	skillRule, err := compile(dsl.SkillRule, rs.Skill)
	if err != nil {
		return err
	}
	levelRule, err := compile(dsl.LevelRule, rs.Level)
	if err != nil {
		return err
	}
	mark := func(m *ladder.Mark) rule.Mark {
		if m == nil {
			return rule.Mark{Status: rule.Unassessed}
		}
		return rule.Mark{Status: string(m.Status), Reached: m.Status == ladder.Reached, Reason: m.Reason}
	}
	for i, lv := range l.Levels {
		level := rule.Level{ID: lv.ID, Name: lv.Name, Rank: i + 1, Reach: lv.Reach}
		var skills []any
		for _, group := range res.Levels[i].Groups {
			var hard, soft []rule.Requirement
			for _, r := range lv.Requirements {
				general := true
				for _, s := range l.Skills {
					general = general && s.ID != r.Skill
				}
				if general != group.General || !general && r.Skill != group.Skill {
					continue
				}
				m, ok := a.Marks[r.ID]
				status := rule.Unassessed
				if ok {
					status = string(m.Status)
				}
				if status == rule.NotApplicable {
					continue
				}
				q := rule.Requirement{ID: r.ID, Text: r.Text, Reached: status == rule.Reached, Status: status, Reason: m.Reason}
				if r.Kind == ladder.Hard {
					hard = append(hard, q)
				} else {
					soft = append(soft, q)
				}
			}
			env := rule.NewEnv(rule.SkillScope)
			env[rule.VarHard], env[rule.VarSoft] = anys(hard), anys(soft)
			env[rule.VarSkill] = rule.Skill{ID: group.Skill, Name: group.Name, General: group.General}
			env[rule.VarLevel] = level
			want, err := rule.Of(skillRule).Run(&m, env)
			if err != nil {
				return fmt.Errorf("level %s, group %q: the program alone fails: %v", lv.ID, group.Name, err)
			}
			if group.Reached != want {
				return fmt.Errorf("level %s, group %q: Evaluate says %v, the program alone %v", lv.ID, group.Name, group.Reached, want)
			}
			skills = append(skills, rule.SkillResult{ID: group.Skill, Name: group.Name, General: group.General, Reached: want, Hard: hard, Soft: soft})
		}
		env := rule.NewEnv(rule.LevelScope)
		env[rule.VarSkills] = skills
		env[rule.VarLevel] = level
		// The ladders have no tracks: every level sees the skill levels
		// of the result.
		var skillLevels []any
		for _, s := range res.Skills {
			skillLevels = append(skillLevels, rule.SkillLevel{ID: s.ID, Name: s.Name, Level: s.Level, Points: s.Points})
		}
		env[rule.VarSkillLevels], env[rule.VarPoints] = skillLevels, res.Points
		lm := a.Levels[lv.ID]
		env[rule.VarReachMark], env[rule.VarDescriptionMark] = mark(lm.Reach), mark(lm.Description)
		want, err := rule.Of(levelRule).Run(&m, env)
		if err != nil {
			return fmt.Errorf("level %s: the program alone fails: %v", lv.ID, err)
		}
		if res.Levels[i].Reached != want {
			return fmt.Errorf("level %s: Evaluate says %v, the program alone %v", lv.ID, res.Levels[i].Reached, want)
		}
	}
	return nil
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
