package engine

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/rules"
)

// spec builds a spec of levels, each with groups of hard and soft
// requirements of the given sizes.
func spec(sizes ...[][2]int) Spec {
	var s Spec
	for i, groups := range sizes {
		level := Level{ID: fmt.Sprint(i + 1), Name: fmt.Sprintf("Level %d", i+1)}
		for g, size := range groups {
			group := Group{Skill: fmt.Sprintf("s%d", g), Name: fmt.Sprintf("Skill %d", g)}
			for k := range size[0] + size[1] {
				id := fmt.Sprintf("l%d-g%d-r%d", i, g, k)
				s.Requirements = append(s.Requirements, Requirement{ID: id, Text: "text of " + id})
				if k < size[0] {
					group.Hard = append(group.Hard, len(s.Requirements)-1)
				} else {
					group.Soft = append(group.Soft, len(s.Requirements)-1)
				}
			}
			level.Groups = append(level.Groups, group)
		}
		s.Levels = append(s.Levels, level)
	}
	return s
}

func compile(t testing.TB, s Spec) *Plan {
	t.Helper()
	p, err := Compile(s, dsl.Limits{})
	if err != nil {
		t.Fatalf("Compile failed: %v", err)
	}
	return p
}

// Which rule holds where: a level's own, else the ladder's, else the
// default (no program: the plain path).
func TestRuleFallback(t *testing.T) {
	s := spec([][2]int{{1, 0}}, [][2]int{{1, 0}}, [][2]int{{1, 0}})
	check := func(p *Plan, level int, scope dsl.Scope, src string, origin int) {
		t.Helper()
		prog, o := p.Rule(level, scope)
		got := ""
		if prog != nil {
			got = prog.Source
		}
		if got != src || o != origin {
			t.Errorf("level %d %s rule: got %q from %d, want %q from %d", level, scope, got, o, src, origin)
		}
	}

	p := compile(t, s)
	for i := range 3 {
		check(p, i, dsl.SkillRule, "", -1)
		check(p, i, dsl.LevelRule, "", -1)
	}
	if p.Custom() {
		t.Error("a plan with the default rules says it has custom ones")
	}

	s.Rules = rules.Rules{Skill: "missing(hard) <= 1", Level: "missing(skills) <= 1"}
	s.Levels[0].Rules = rules.Rules{Skill: "all(hard, .reached) and all(soft, .reached)"}
	s.Levels[1].Rules = rules.Rules{Level: "all(skills, .reached) and reachMark.reached"}
	s.Levels[2].Rules = rules.Rules{Skill: rules.DefaultSkill, Level: rules.DefaultLevel}
	p = compile(t, s)
	check(p, 0, dsl.SkillRule, "all(hard, .reached) and all(soft, .reached)", 0)
	check(p, 0, dsl.LevelRule, "missing(skills) <= 1", -1)
	check(p, 1, dsl.SkillRule, "missing(hard) <= 1", -1)
	check(p, 1, dsl.LevelRule, "all(skills, .reached) and reachMark.reached", 1)
	// A level may come back to the defaults.
	check(p, 2, dsl.SkillRule, "", 2)
	check(p, 2, dsl.LevelRule, "", 2)
}

// Each rule that does not compile is reported once, where it is written.
func TestCompileErrorsWhereWritten(t *testing.T) {
	s := spec([][2]int{{1, 0}}, [][2]int{{1, 0}}, [][2]int{{1, 0}})
	s.Rules = rules.Rules{Skill: "all(hrad, .reached)"}
	s.Levels[1].Rules = rules.Rules{Level: "all(skils, .reached)"}
	s.Levels[2].Rules = rules.Rules{Level: "all(skils, .reached)"}
	_, err := Compile(s, dsl.Limits{})
	var errs RuleErrors
	if !errors.As(err, &errs) {
		t.Fatalf("got %v, want RuleErrors", err)
	}
	var got []string
	for _, e := range errs {
		var de *dsl.Error
		if !errors.As(e, &de) || e.AtLevel != -1 || e.AtGroup != -1 {
			t.Errorf("error %v: want a compile error wrapping a *dsl.Error", e)
		}
		got = append(got, fmt.Sprintf("%d %s %s", e.Level, e.Scope, de.Message))
	}
	want := []string{
		`-1 skill unknown name "hrad" (did you mean "hard"?)`,
		`1 level unknown name "skils" (did you mean "skills"?)`,
		`2 level unknown name "skils" (did you mean "skills"?)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// reference decides in plain Go, independently of the plan, with a skill
// rule given as a Go function and the default level rule.
func reference(s Spec, marks []Mark, skill func(hard, soft []Mark) bool) (groups, levels []bool, rank int) {
	ranked := true
	for i, l := range s.Levels {
		reached := true
		for _, g := range l.Groups {
			var hard, soft []Mark
			for _, r := range g.Hard {
				if marks[r].Status != NotApplicable {
					hard = append(hard, marks[r])
				}
			}
			for _, r := range g.Soft {
				if marks[r].Status != NotApplicable {
					soft = append(soft, marks[r])
				}
			}
			ok := skill(hard, soft)
			groups = append(groups, ok)
			reached = reached && ok
		}
		levels = append(levels, reached)
		if ranked && reached {
			rank = i + 1
		} else {
			ranked = false
		}
	}
	return groups, levels, rank
}

func allReached(ms []Mark) bool {
	for _, m := range ms {
		if m.Status != Reached {
			return false
		}
	}
	return true
}

// randomSpec makes a ladder of random shape, and randomMarks an assessment
// of it, with reasons on some marks.
func randomSpec(r *rand.Rand) Spec {
	var sizes [][][2]int
	for range 1 + r.IntN(5) {
		var groups [][2]int
		for range 1 + r.IntN(4) {
			groups = append(groups, [2]int{r.IntN(5), r.IntN(4)})
		}
		sizes = append(sizes, groups)
	}
	return spec(sizes...)
}

func randomMarks(r *rand.Rand, n int) []Mark {
	marks := make([]Mark, n)
	for i := range marks {
		marks[i].Status = Status(r.IntN(4))
		if r.IntN(3) == 0 {
			marks[i].Reason = []string{"waived", "seen", "not seen"}[r.IntN(3)]
		}
	}
	return marks
}

// The plain path and the expression path agree, on many generated ladders
// and assessments: the default rules, the default rules written so that
// they run as expressions, rules equal in meaning written otherwise, and
// rules that read reasons and skills' lists, against a reference in Go.
func TestPlainAndExpressionAgree(t *testing.T) {
	seed := rand.Uint64()
	r := rand.New(rand.NewPCG(seed, 0))
	variants := []struct {
		rules rules.Rules
		skill func(hard, soft []Mark) bool
	}{
		{rules.Rules{}, func(hard, _ []Mark) bool { return allReached(hard) }},
		{rules.Rules{Skill: "(all(hard, .reached))", Level: "(all(skills, .reached))"}, func(hard, _ []Mark) bool { return allReached(hard) }},
		{rules.Rules{Skill: "none(hard, !.reached)", Level: "count(skills, !.reached) == 0"}, func(hard, _ []Mark) bool { return allReached(hard) }},
		{rules.Rules{Skill: "missing(hard) == 0", Level: "all(skills, all(.hard, .reached))"}, func(hard, _ []Mark) bool { return allReached(hard) }},
		{rules.Rules{Skill: "all(hard, .reached or .reason == 'waived')"}, func(hard, _ []Mark) bool {
			for _, m := range hard {
				if m.Status != Reached && m.Reason != "waived" {
					return false
				}
			}
			return true
		}},
		{rules.Rules{Skill: "all(hard, .reached) and share(soft) >= 0.5"}, func(hard, soft []Mark) bool {
			n := 0
			for _, m := range soft {
				if m.Status == Reached {
					n++
				}
			}
			return allReached(hard) && (len(soft) == 0 || 2*n >= len(soft))
		}},
		// A rule that reads reasons.
		{rules.Rules{Skill: "any(hard, .reason != '')"}, func(hard, _ []Mark) bool {
			for _, m := range hard {
				if m.Reason != "" {
					return true
				}
			}
			return false
		}},
		{rules.Rules{Skill: "all(hard, .status != 'not_yet') and none(soft, .status == 'unassessed')"}, func(hard, soft []Mark) bool {
			for _, m := range hard {
				if m.Status == NotYet {
					return false
				}
			}
			for _, m := range soft {
				if m.Status == Unassessed {
					return false
				}
			}
			return true
		}},
	}
	for i := range 300 {
		s := randomSpec(r)
		marks := randomMarks(r, len(s.Requirements))
		for _, v := range variants {
			s.Rules = v.rules
			p := compile(t, s)
			in := p.Input()
			copy(in.Marks, marks)
			if err := p.Decide(in); err != nil {
				t.Fatal(err)
			}
			groups, levels, rank := reference(s, marks, v.skill)
			if !slices.Equal(in.Groups, groups) || !slices.Equal(in.Levels, levels) || in.Rank != rank {
				t.Fatalf("case %d (seed %d), rules %+v:\ngot  groups %v levels %v rank %d\nwant groups %v levels %v rank %d",
					i, seed, v.rules, in.Groups, in.Levels, in.Rank, groups, levels, rank)
			}
			p.Release(in)
		}
	}
}

// A rule that fails as it runs says which rule, level and group.
func TestDecideRuleFails(t *testing.T) {
	s := spec([][2]int{{1, 0}, {2, 0}})
	// A rule checked on the ladder runs to the end; only a memory budget
	// set below what the rule needs makes a run fail.
	s.Levels[0].Rules = rules.Rules{Skill: "len(map(1..10, map(1..10, #))) > 0"}
	p, err := Compile(s, dsl.Limits{MemoryBudget: 20})
	if err != nil {
		t.Fatal(err)
	}
	in := p.Input()
	defer p.Release(in)
	err = p.Decide(in)
	var re *RuleError
	if !errors.As(err, &re) {
		t.Fatalf("got %v, want a *RuleError", err)
	}
	if re.Level != 0 || re.Scope != dsl.SkillRule || re.AtLevel != 0 || re.AtGroup != 0 {
		t.Errorf("got %+v, want level 0's skill rule at level 0, group 0", re)
	}
	want := "skill rule of the level 1: 1:21: memory budget exceeded\n    len(map(1..10, map(1..10, #))) > 0\n                        ^"
	if err.Error() != want {
		t.Errorf("got %q, want %q", err.Error(), want)
	}
}

// Deciding allocates nothing, on either path. Only a run that calls a helper function allocates, once: expr makes
// a buffer for the arguments of functions in each run. (rules.Rules that read
// reasons allocate too, for each mark with a reason: see TestPlainAndExpressionAgree.)
func TestDecideAllocations(t *testing.T) {
	for _, tc := range []struct {
		rules rules.Rules
		max   float64
	}{
		{rules.Rules{}, 0},
		{rules.Rules{Skill: "none(hard, !.reached)", Level: "count(skills, !.reached) == 0"}, 0},
		// At most one a run: 5 groups and 2 levels.
		{rules.Rules{Skill: "all(hard, .reached) and share(soft) >= 0.5", Level: "missing(skills) <= 1 and reachMark.reached"}, 7},
	} {
		s := spec([][2]int{{4, 2}, {3, 1}, {0, 2}}, [][2]int{{5, 0}, {2, 2}})
		s.Rules = tc.rules
		p := compile(t, s)
		marks := randomMarks(rand.New(rand.NewPCG(1, 1)), len(s.Requirements))
		// The Input is taken once: a sync.Pool may drop what it is given
		// (it does so on purpose under the race detector).
		in := p.Input()
		copy(in.Marks, marks)
		got := testing.AllocsPerRun(100, func() {
			if err := p.Decide(in); err != nil {
				t.Fatal(err)
			}
		})
		p.Release(in)
		if got > tc.max {
			t.Errorf("rules %+v: got %v allocations per Decide, want at most %v", tc.rules, got, tc.max)
		}
	}
}

// A spec that does not hold together is refused, and the plan keeps its own
// copy of the spec.
func TestCompileChecksAndCopiesTheSpec(t *testing.T) {
	s := spec([][2]int{{2, 1}})
	bad := s.clone()
	bad.Requirements[1].ID = bad.Requirements[0].ID
	if _, err := Compile(bad, dsl.Limits{}); err == nil || err.Error() != `rules: requirement ID "l0-g0-r0" is not unique` {
		t.Errorf("duplicate IDs: got %v", err)
	}
	bad = s.clone()
	bad.Levels[0].Groups[0].Hard[0] = 7
	if _, err := Compile(bad, dsl.Limits{}); err == nil || err.Error() != "rules: level 0, group 0: requirement index 7 out of range" {
		t.Errorf("index out of range: got %v", err)
	}
	p := compile(t, s)
	s.Levels[0].Groups[0].Hard[0] = 7
	s.Requirements[0].ID = "changed"
	if _, ok := p.Lookup("l0-g0-r0"); !ok || p.Levels()[0].Groups[0].Hard[0] != 0 {
		t.Error("changing the spec changed the plan")
	}
	in := p.Input()
	in.Marks[0].Status = 9
	if err := p.Decide(in); err == nil || err.Error() != "rules: mark 0 has status 9, not one of the statuses" {
		t.Errorf("bad status: got %v", err)
	}
}
