package engine

import (
	"fmt"

	"github.com/expr-lang/expr/vm"

	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/rule"
)

// Input is one assessment mapped onto a plan, and the verdicts Decide
// reaches on it. Get one from Plan.Input, fill its marks, call Decide, read
// the verdicts, and give it back with Plan.Release. An Input is used by one
// goroutine at a time.
type Input struct {
	// Marks holds the mark of each requirement, by index; the zero Mark
	// is unassessed.
	Marks []Mark
	// Reach and Description hold the marks on each level's expertise reach
	// and description, by level index.
	Reach, Description []Mark

	// Groups holds, after Decide, whether each group is reached: the
	// groups of the level at index i start at Plan.GroupStart(i).
	Groups []bool
	// Levels holds, after Decide, whether each level is reached.
	Levels []bool
	// Rank is, after Decide, the highest r such that levels 1 to r are all
	// reached, 0 when the first is not.
	Rank int

	run *runner // the expression machinery, nil when the plan has no rules
}

func (p *Plan) newInput() any {
	in := &Input{
		Marks:       make([]Mark, len(p.spec.Requirements)),
		Reach:       make([]Mark, len(p.spec.Levels)),
		Description: make([]Mark, len(p.spec.Levels)),
		Groups:      make([]bool, p.groupStart[len(p.spec.Levels)]),
		Levels:      make([]bool, len(p.spec.Levels)),
	}
	if p.boxes != nil {
		in.run = newRunner(p)
	}
	return in
}

// Input returns an Input for the plan with every mark unassessed.
func (p *Plan) Input() *Input { return p.pool.Get().(*Input) }

// Release gives back an Input for reuse. The caller must not use it after.
func (p *Plan) Release(in *Input) {
	clear(in.Marks)
	clear(in.Reach)
	clear(in.Description)
	p.pool.Put(in)
}

// Decide applies the plan's rules to the input's marks and sets its
// verdicts. It returns a *RuleError when a rule fails as it runs.
func (p *Plan) Decide(in *Input) error {
	for _, marks := range [][]Mark{in.Marks, in.Reach, in.Description} {
		for i, m := range marks {
			if m.Status > NotApplicable {
				return fmt.Errorf("rules: mark %d has status %d, not one of the statuses", i, m.Status)
			}
		}
	}
	in.Rank = 0
	ranked := true
	for i := range p.spec.Levels {
		if err := p.DecideLevel(in, i); err != nil {
			return err
		}
		if ranked && in.Levels[i] {
			in.Rank = i + 1
		} else {
			ranked = false
		}
	}
	return nil
}

// DecideLevel applies the rules of the level at index i to the input's
// marks and sets the verdicts of its groups and of the level, leaving the
// other levels' verdicts and the rank as they are. After a change to the
// marks of one level, it brings the verdicts up to date in the time of
// that level alone: ladder lint flips marks one at a time this way.
func (p *Plan) DecideLevel(in *Input, i int) error {
	groups := in.Groups[p.groupStart[i]:p.groupStart[i+1]]
	if err := p.decideGroups(in, i, groups); err != nil {
		return err
	}
	reached, err := p.decideLevel(in, i, groups)
	if err != nil {
		return err
	}
	in.Levels[i] = reached
	return nil
}

func (p *Plan) decideGroups(in *Input, i int, out []bool) error {
	level := &p.spec.Levels[i]
	prog := p.skill[i]
	for g := range level.Groups {
		group := &level.Groups[g]
		if prog == nil {
			out[g] = allHardReached(in.Marks, group.Hard)
			continue
		}
		reached, err := in.run.skill(prog, in, i, p.groupStart[i]+g, group)
		if err != nil {
			return &RuleError{Level: p.skillOrigin[i], Scope: dsl.SkillRule, AtLevel: i, AtGroup: g, Err: err}
		}
		out[g] = reached
	}
	return nil
}

func (p *Plan) decideLevel(in *Input, i int, groups []bool) (bool, error) {
	prog := p.level[i]
	if prog == nil {
		for _, reached := range groups {
			if !reached {
				return false, nil
			}
		}
		return true, nil
	}
	reached, err := in.run.level(prog, in, i, groups)
	if err != nil {
		return false, &RuleError{Level: p.levelOrigin[i], Scope: dsl.LevelRule, AtLevel: i, AtGroup: -1, Err: err}
	}
	return reached, nil
}

// allHardReached is the default skill rule, all(hard, .reached), in Go:
// not_applicable requirements are left out, unassessed ones are not reached.
func allHardReached(marks []Mark, hard []int) bool {
	for _, r := range hard {
		if s := marks[r].Status; s != Reached && s != NotApplicable {
			return false
		}
	}
	return true
}

// boxes holds the values expression rules see, made once per plan: storing a
// struct in an interface allocates, and a rule run on values made in advance
// allocates nothing. A requirement's value depends on its status, and on its
// reason, which only rules that read reasons get (see rule.Runnable).
type boxes struct {
	req    [][3]any // by requirement, by status (Unassessed, Reached, NotYet) without reason
	skill  []any    // rule.Skill by group (flattened)
	result [][2]any // rule.SkillResult without lists, by group, by reached
	level  []any    // rule.Level by level
	mark   [4]any   // rule.Mark by status, without reason
}

func newBoxes(p *Plan) *boxes {
	b := &boxes{
		req:    make([][3]any, len(p.spec.Requirements)),
		skill:  make([]any, p.groupStart[len(p.spec.Levels)]),
		result: make([][2]any, p.groupStart[len(p.spec.Levels)]),
		level:  make([]any, len(p.spec.Levels)),
	}
	for i, r := range p.spec.Requirements {
		for s := Unassessed; s <= NotYet; s++ {
			b.req[i][s] = requirementValue(r, Mark{Status: s})
		}
	}
	for i, l := range p.spec.Levels {
		b.level[i] = rule.Level{ID: l.ID, Name: l.Name, Rank: i + 1, Reach: l.Reach}
		for g, group := range l.Groups {
			k := p.groupStart[i] + g
			b.skill[k] = rule.Skill{ID: group.Skill, Name: group.Name, General: group.General}
			for reached := range 2 {
				b.result[k][reached] = rule.SkillResult{ID: group.Skill, Name: group.Name, General: group.General, Reached: reached == 1}
			}
		}
	}
	for s := range b.mark {
		b.mark[s] = markValue(Mark{Status: Status(s)})
	}
	return b
}

func requirementValue(r Requirement, m Mark) rule.Requirement {
	return rule.Requirement{ID: r.ID, Text: r.Text, Reached: m.Status == Reached, Status: m.Status.String(), Reason: m.Reason}
}

func markValue(m Mark) rule.Mark {
	return rule.Mark{Reached: m.Status == Reached, Status: m.Status.String(), Reason: m.Reason}
}

// runner runs expression rules for one Input: a VM, the environments, and
// list buffers, all reused from run to run.
type runner struct {
	p                    *Plan
	vm                   vm.VM
	skillEnv, levelEnv   rule.Env
	hard, soft, skills   []any
	hardN, softN, skillN []any // hardN[n] is hard[:n] stored in an interface, made once
}

func newRunner(p *Plan) *runner {
	var maxHard, maxSoft, maxGroups int
	for _, l := range p.spec.Levels {
		maxGroups = max(maxGroups, len(l.Groups))
		for _, g := range l.Groups {
			maxHard = max(maxHard, len(g.Hard))
			maxSoft = max(maxSoft, len(g.Soft))
		}
	}
	r := &runner{
		p:        p,
		skillEnv: rule.NewEnv(false),
		levelEnv: rule.NewEnv(true),
		hard:     make([]any, maxHard),
		soft:     make([]any, maxSoft),
		skills:   make([]any, maxGroups),
	}
	r.hardN = prefixes(r.hard)
	r.softN = prefixes(r.soft)
	r.skillN = prefixes(r.skills)
	return r
}

// prefixes returns buf[:n] for each n, each stored in an interface once: a
// slice stored in an interface allocates its header.
func prefixes(buf []any) []any {
	out := make([]any, len(buf)+1)
	for n := range out {
		out[n] = buf[:n]
	}
	return out
}

// fill puts the values of the requirements at indices into buf, leaving out
// the not_applicable ones, and returns how many it put.
func (r *runner) fill(buf []any, indices []int, marks []Mark, reasons bool) int {
	n := 0
	for _, i := range indices {
		m := marks[i]
		switch {
		case m.Status == NotApplicable:
			continue
		case reasons && m.Reason != "":
			buf[n] = requirementValue(r.p.spec.Requirements[i], m)
		default:
			buf[n] = r.p.boxes.req[i][m.Status]
		}
		n++
	}
	return n
}

func (r *runner) skill(prog *rule.Runnable, in *Input, level, k int, g *Group) (bool, error) {
	// Only what the rule names is set: the environment is shared, and what
	// an earlier run left in it the rule cannot read.
	reasons := prog.Reasons
	env := r.skillEnv
	if prog.Uses(rule.VarHard) {
		env[rule.VarHard] = r.hardN[r.fill(r.hard, g.Hard, in.Marks, reasons)]
	}
	if prog.Uses(rule.VarSoft) {
		env[rule.VarSoft] = r.softN[r.fill(r.soft, g.Soft, in.Marks, reasons)]
	}
	if prog.Uses(rule.VarSkill) {
		env[rule.VarSkill] = r.p.boxes.skill[k]
	}
	if prog.Uses(rule.VarLevel) {
		env[rule.VarLevel] = r.p.boxes.level[level]
	}
	return prog.Run(&r.vm, env)
}

func (r *runner) level(prog *rule.Runnable, in *Input, i int, groups []bool) (bool, error) {
	reasons, lists := prog.Reasons, prog.Lists
	start := r.p.groupStart[i]
	if !prog.Uses(rule.VarSkills) {
		groups = groups[:0]
	}
	for g, reached := range groups {
		if lists {
			r.skills[g] = r.skillResult(in, i, g, reached)
		} else {
			r.skills[g] = r.p.boxes.result[start+g][b2i(reached)]
		}
	}
	env := r.levelEnv
	env[rule.VarSkills] = r.skillN[len(groups)]
	if prog.Uses(rule.VarLevel) {
		env[rule.VarLevel] = r.p.boxes.level[i]
	}
	if prog.Uses(rule.VarReachMark) {
		env[rule.VarReachMark] = r.mark(in.Reach[i], reasons)
	}
	if prog.Uses(rule.VarDescriptionMark) {
		env[rule.VarDescriptionMark] = r.mark(in.Description[i], reasons)
	}
	return prog.Run(&r.vm, env)
}

// skillResult makes the value of a group with its lists, for level rules
// that read them.
func (r *runner) skillResult(in *Input, i, g int, reached bool) rule.SkillResult {
	group := &r.p.spec.Levels[i].Groups[g]
	list := func(indices []int) []rule.Requirement {
		out := make([]rule.Requirement, 0, len(indices))
		for _, k := range indices {
			if m := in.Marks[k]; m.Status != NotApplicable {
				out = append(out, requirementValue(r.p.spec.Requirements[k], m))
			}
		}
		return out
	}
	return rule.SkillResult{ID: group.Skill, Name: group.Name, General: group.General, Reached: reached, Hard: list(group.Hard), Soft: list(group.Soft)}
}

func (r *runner) mark(m Mark, reasons bool) any {
	if reasons && m.Reason != "" {
		return markValue(m)
	}
	return r.p.boxes.mark[m.Status]
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
