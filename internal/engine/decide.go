package engine

import (
	"fmt"
	"slices"

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
	// Steps holds, after Decide, whether each step of the skills that have
	// steps is reached: the steps of the skill at index i start at
	// Plan.StepStart(i).
	Steps []bool
	// Implied holds, after Decide, whether the mark of each requirement
	// was implied by a step reached above it (see Spec.Implied): Marks
	// then holds Reached for it.
	Implied []bool
	// SkillLevels holds, after Decide, the level of each skill: of a skill
	// with steps, its step; of another, its level along the shared
	// levels, which is its level on a track where the track's own levels
	// have no group of it (see Plan.SkillLevel).
	SkillLevels []int
	// Points is, after Decide, the person's points: what the skills'
	// levels are worth, and the points of the requirements reached.
	Points int
	// Ranks holds, after Decide, the rank on each line (one per track, or
	// one of all the levels): the highest r such that the line's levels 1
	// to r (the shared levels, then the track's own) are all reached.
	Ranks []int
	// Track is 1 + the index of the track the assessment names, 0 when it
	// names none. The caller sets it before Decide.
	Track int
	// Line is, after Decide, the line of Rank: the track named, or the
	// first of the highest ranks.
	Line int
	// Rank is, after Decide, Ranks[Line].
	Rank int
	// Values holds, after Decide, the value of each named value.
	Values []float64

	run *runner // the expression machinery, nil when the plan has no rules
	// trackLevels holds the levels of the skills on the tracks whose own
	// levels have their groups, by slot (see Plan.trackSlot).
	trackLevels []int
	// open says, by skill, that the skill's groups at the shared levels
	// are all reached, so that a track's own levels can raise its level;
	// by slot, the same along the track.
	open, openOn []bool
	// top and above are scratch of imply.
	top   []int
	above []bool
}

func (p *Plan) newInput() any {
	in := &Input{
		Marks:       make([]Mark, len(p.spec.Requirements)),
		Reach:       make([]Mark, len(p.spec.Levels)),
		Description: make([]Mark, len(p.spec.Levels)),
		Groups:      make([]bool, p.groupStart[len(p.spec.Levels)]),
		Levels:      make([]bool, len(p.spec.Levels)),
		Steps:       make([]bool, p.stepStart[len(p.spec.Skills)]),
		Implied:     make([]bool, len(p.spec.Requirements)),
		SkillLevels: make([]int, len(p.spec.Skills)),
		trackLevels: make([]int, p.slots),
		open:        make([]bool, len(p.spec.Skills)),
		openOn:      make([]bool, p.slots),
		Ranks:       make([]int, p.lines),
		Values:      make([]float64, len(p.spec.Values)),
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
	clear(in.Implied)
	in.Track = 0
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
	if p.spec.Implied {
		// What an earlier Decide implied is not the assessment's.
		for r, implied := range in.Implied {
			if implied {
				in.Marks[r], in.Implied[r] = Mark{}, false
			}
		}
	}
	if err := p.decideAllGroups(in); err != nil {
		return err
	}
	if p.spec.Implied && p.imply(in) {
		// The marks implied below a step reached may reach their
		// groups.
		if err := p.decideAllGroups(in); err != nil {
			return err
		}
	}
	p.skillLevels(in)
	if in.run != nil {
		in.run.prepare(in)
	}
	for i := range p.spec.Levels {
		if err := p.decideLevelOnly(in, i); err != nil {
			return err
		}
	}
	p.rank(in)
	for i, prog := range p.values {
		v, err := in.run.value(prog, in)
		if err != nil {
			return &RuleError{Level: -1, Scope: dsl.ValueRule, AtLevel: -1, AtGroup: -1, AtStep: -1, Value: i, Err: err}
		}
		in.Values[i] = v
	}
	return nil
}

// DecideLevel applies the rules of the level at index i to the input's
// marks and sets the verdicts of its groups and of the level, leaving the
// other levels' verdicts, the ranks and the values as they are. After a change to the
// marks of one level, it brings the verdicts up to date in the time of
// that level alone: ladder lint flips marks one at a time this way. Where
// a level's verdict depends on other levels' marks (see Cross), it
// decides everything again, as Decide does.
func (p *Plan) DecideLevel(in *Input, i int) error {
	if p.cross {
		return p.Decide(in)
	}
	if err := p.decideGroups(in, i, in.Groups[p.groupStart[i]:p.groupStart[i+1]]); err != nil {
		return err
	}
	return p.decideLevelOnly(in, i)
}

// Cross reports whether a level's verdict may depend on the marks of other
// levels: through skills' steps, profiles, implied steps, or a level rule
// that reads skillLevels or points.
func (p *Plan) Cross() bool { return p.cross }

// decideLevelOnly decides the level at index i from its groups' verdicts,
// the skill levels and the points.
func (p *Plan) decideLevelOnly(in *Input, i int) error {
	reached, err := p.decideLevel(in, i, in.Groups[p.groupStart[i]:p.groupStart[i+1]])
	if err != nil {
		return err
	}
	in.Levels[i] = reached && p.met(in, i)
	return nil
}

// decideAllGroups decides the groups of every level, and the steps.
func (p *Plan) decideAllGroups(in *Input) error {
	for i := range p.spec.Levels {
		if err := p.decideGroups(in, i, in.Groups[p.groupStart[i]:p.groupStart[i+1]]); err != nil {
			return err
		}
	}
	for i, sk := range p.spec.Skills {
		for j := range sk.Steps {
			k := p.stepStart[i] + j
			reached, err := p.decideStep(in, i, j)
			if err != nil {
				return &RuleError{Level: -1, Scope: dsl.SkillRule, AtLevel: -1, AtGroup: -1, AtStep: k, Err: err}
			}
			in.Steps[k] = reached
		}
	}
	return nil
}

func (p *Plan) decideStep(in *Input, skill, step int) (bool, error) {
	g := &p.spec.Skills[skill].Steps[step].Group
	if p.stepRule == nil {
		return allHardReached(in.Marks, g.Hard), nil
	}
	k := p.stepStart[skill] + step
	return in.run.skill(p.stepRule, in, g, p.boxes.stepSkill[k], p.boxes.stepLevel[k])
}

// rank counts the rank on each line, and picks the line of Rank.
func (p *Plan) rank(in *Input) {
	shared := 0
	for _, i := range p.shared {
		if !in.Levels[i] {
			break
		}
		shared++
	}
	in.Line = 0
	for t := range p.lines {
		in.Ranks[t] = shared
		if t < len(p.own) && shared == len(p.shared) {
			for _, i := range p.own[t] {
				if !in.Levels[i] {
					break
				}
				in.Ranks[t]++
			}
		}
		if in.Track == 0 && in.Ranks[t] > in.Ranks[in.Line] {
			in.Line = t
		}
	}
	if in.Track > 0 && in.Track <= p.lines {
		in.Line = in.Track - 1
	}
	in.Rank = in.Ranks[in.Line]
}

// imply marks reached the unassessed requirements below each skill's
// highest step reached on evidence, and reports whether it marked any. A
// step implies those below it only when it is reached and one of its
// requirements is marked reached: a step reached with nothing to reach (no
// hard requirements, or all not_applicable) implies nothing. The steps of a
// skill without steps of its own are its groups along a line: a group of a
// track's level implies the groups below it on the track and at the shared
// levels, and a group of a shared level those below it there.
func (p *Plan) imply(in *Input) bool {
	marked := false
	imply := func(g *Group) {
		for _, list := range [2][]int{g.Hard, g.Soft} {
			for _, r := range list {
				if in.Marks[r].Status == Unassessed {
					in.Marks[r] = Mark{Status: Reached}
					in.Implied[r] = true
					marked = true
				}
			}
		}
	}
	// evident reports whether a group is reached on evidence: reached, and
	// with a requirement marked reached (before anything is implied).
	evident := func(reached bool, g *Group) bool {
		if !reached {
			return false
		}
		for _, list := range [2][]int{g.Hard, g.Soft} {
			for _, r := range list {
				if in.Marks[r].Status == Reached {
					return true
				}
			}
		}
		return false
	}
	for i, sk := range p.spec.Skills {
		top := -1
		for j := range sk.Steps {
			if evident(in.Steps[p.stepStart[i]+j], &sk.Steps[j].Group) {
				top = j
			}
		}
		for j := range top {
			imply(&sk.Steps[j].Group)
		}
	}
	if len(p.groupSkill) == 0 {
		return marked
	}
	n := len(p.spec.Skills)
	if cap(in.top) < max(n, p.slots) {
		in.top = make([]int, max(n, p.slots))
		in.above = make([]bool, n)
	}
	// above[s]: a track's own level has a group of s reached, which
	// implies every group of s at the shared levels. top[s]: the position
	// in the shared levels of the highest group of s reached there.
	above, top := in.above[:n], in.top[:n]
	clear(above)
	for s := range top {
		top[s] = -1
	}
	// groups calls f on each group of the level at index i that has a
	// skill and is reached on evidence.
	groups := func(i int, f func(k, s int)) {
		for g := range p.spec.Levels[i].Groups {
			k := p.groupStart[i] + g
			if s := p.groupSkill[k]; s >= 0 && evident(in.Groups[k], &p.spec.Levels[i].Groups[g]) {
				f(k, s)
			}
		}
	}
	for _, own := range p.own {
		for _, i := range own {
			groups(i, func(k, s int) { above[s] = true })
		}
	}
	for r, i := range p.shared {
		groups(i, func(k, s int) { top[s] = r })
	}
	for r, i := range p.shared {
		for g := range p.spec.Levels[i].Groups {
			if s := p.groupSkill[p.groupStart[i]+g]; s >= 0 && (above[s] || r < top[s]) {
				imply(&p.spec.Levels[i].Groups[g])
			}
		}
	}
	// Along each track's own levels, by slot.
	topOn := in.top[:p.slots]
	for t, own := range p.own {
		for _, slot := range p.trackSlot[t] {
			topOn[slot] = -1
		}
		for r, i := range own {
			groups(i, func(k, s int) { topOn[p.trackSlot[t][s]] = r })
		}
		for r, i := range own {
			for g := range p.spec.Levels[i].Groups {
				if s := p.groupSkill[p.groupStart[i]+g]; s >= 0 && r < topOn[p.trackSlot[t][s]] {
					imply(&p.spec.Levels[i].Groups[g])
				}
			}
		}
	}
	return marked
}

// skillLevels works out each skill's level, along the shared levels and on
// each track, and the points.
func (p *Plan) skillLevels(in *Input) {
	points := 0
	for i, sk := range p.spec.Skills {
		in.SkillLevels[i], in.open[i] = 0, true
		if len(sk.Steps) == 0 {
			continue
		}
		level := 0
		for j := range sk.Steps {
			if !in.Steps[p.stepStart[i]+j] {
				break
			}
			level = j + 1
		}
		in.SkillLevels[i] = level
		if level > 0 {
			points += sk.Steps[level-1].Points
		}
	}
	// A skill without steps has the rank of its highest group reached
	// with all those below it on the line; open[s] until one is not.
	for r, i := range p.shared {
		for k := p.groupStart[i]; k < p.groupStart[i+1]; k++ {
			s := p.groupSkill[k]
			if s < 0 || !in.open[s] {
				continue
			}
			if in.Groups[k] {
				in.SkillLevels[s] = r + 1
			} else {
				in.open[s] = false
			}
		}
	}
	for t, own := range p.own {
		for s, slot := range p.trackSlot[t] {
			in.trackLevels[slot], in.openOn[slot] = in.SkillLevels[s], in.open[s]
		}
		for r, i := range own {
			for k := p.groupStart[i]; k < p.groupStart[i+1]; k++ {
				s := p.groupSkill[k]
				if s < 0 {
					continue
				}
				slot := p.trackSlot[t][s]
				if !in.openOn[slot] {
					continue
				}
				if in.Groups[k] {
					in.trackLevels[slot] = len(p.shared) + r + 1
				} else {
					in.openOn[slot] = false
				}
			}
		}
	}
	for r, req := range p.spec.Requirements {
		if req.Points != 0 && in.Marks[r].Status == Reached {
			points += req.Points
		}
	}
	in.Points = points
}

// met reports whether the skill levels of the level's view meet its
// profile.
func (p *Plan) met(in *Input, i int) bool {
	for _, need := range p.spec.Levels[i].Profile {
		if p.SkillLevel(in, p.levelView[i], need.Skill) < need.Level {
			return false
		}
	}
	return true
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
		reached, err := in.run.skill(prog, in, group, p.boxes.skill[p.groupStart[i]+g], p.boxes.level[i])
		if err != nil {
			return &RuleError{Level: p.skillOrigin[i], Scope: dsl.SkillRule, AtLevel: i, AtGroup: g, AtStep: -1, Err: err}
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
		return false, &RuleError{Level: p.levelOrigin[i], Scope: dsl.LevelRule, AtLevel: i, AtGroup: -1, AtStep: -1, Err: err}
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
	// stepSkill and stepLevel are the skill and level a skill rule sees
	// at each step, by index in Input.Steps.
	stepSkill, stepLevel []any
	// skillLevel holds rule.SkillLevel by skill, for each level the skill
	// can have, which skillRanks lists in order; nil when no rule reads
	// skillLevels.
	skillLevel [][]any
	skillRanks [][]int
	// top is the level a value rule sees in next at the top of a track:
	// the zero level, of rank 0.
	top any
}

func newBoxes(p *Plan) *boxes {
	b := &boxes{
		req:       make([][3]any, len(p.spec.Requirements)),
		skill:     make([]any, p.groupStart[len(p.spec.Levels)]),
		result:    make([][2]any, p.groupStart[len(p.spec.Levels)]),
		level:     make([]any, len(p.spec.Levels)),
		stepSkill: make([]any, p.stepStart[len(p.spec.Skills)]),
		stepLevel: make([]any, p.stepStart[len(p.spec.Skills)]),
	}
	for i, r := range p.spec.Requirements {
		for s := Unassessed; s <= NotYet; s++ {
			b.req[i][s] = requirementValue(r, Mark{Status: s})
		}
	}
	skillLevels := false
	for i, l := range p.spec.Levels {
		b.level[i] = rule.Level{ID: l.ID, Name: l.Name, Rank: p.ranks[i], Reach: l.Reach, Threshold: l.Threshold}
		for g, group := range l.Groups {
			k := p.groupStart[i] + g
			b.skill[k] = rule.Skill{ID: group.Skill, Name: group.Name, General: group.General}
			for reached := range 2 {
				b.result[k][reached] = rule.SkillResult{ID: group.Skill, Name: group.Name, General: group.General, Reached: reached == 1}
			}
		}
		skillLevels = skillLevels || p.level[i] != nil && p.level[i].Uses&rule.UsesSkillLevels != 0
	}
	for _, prog := range p.values {
		skillLevels = skillLevels || prog.Uses&rule.UsesSkillLevels != 0
	}
	for i, sk := range p.spec.Skills {
		for j, st := range sk.Steps {
			k := p.stepStart[i] + j
			b.stepSkill[k] = rule.Skill{ID: sk.ID, Name: sk.Name}
			b.stepLevel[k] = rule.Level{ID: st.ID, Name: st.Name, Rank: j + 1}
		}
	}
	if skillLevels {
		// The levels a skill can have: 0 and its steps, or 0 and the
		// ranks of the levels where it has a group.
		b.skillLevel = make([][]any, len(p.spec.Skills))
		b.skillRanks = make([][]int, len(p.spec.Skills))
		for i, sk := range p.spec.Skills {
			ranks := []int{0}
			for j := range sk.Steps {
				ranks = append(ranks, j+1)
			}
			b.skillRanks[i] = ranks
		}
		for i := range p.spec.Levels {
			for k := p.groupStart[i]; k < p.groupStart[i+1]; k++ {
				if s := p.groupSkill[k]; s >= 0 && len(p.spec.Skills[s].Steps) == 0 {
					b.skillRanks[s] = append(b.skillRanks[s], p.ranks[i])
				}
			}
		}
		for i, sk := range p.spec.Skills {
			slices.Sort(b.skillRanks[i])
			b.skillRanks[i] = slices.Compact(b.skillRanks[i])
			b.skillLevel[i] = make([]any, len(b.skillRanks[i]))
			for j, level := range b.skillRanks[i] {
				points := 0
				if len(sk.Steps) > 0 && level > 0 {
					points = sk.Steps[level-1].Points
				}
				b.skillLevel[i][j] = rule.SkillLevel{ID: sk.ID, Name: sk.Name, Level: level, Points: points}
			}
		}
	}
	for s := range b.mark {
		b.mark[s] = markValue(Mark{Status: Status(s)})
	}
	b.top = rule.Level{}
	return b
}

// skillLevelValue returns the value of a skill's level.
func (b *boxes) skillLevelValue(s, level int) any {
	j, _ := slices.BinarySearch(b.skillRanks[s], level)
	return b.skillLevel[s][j]
}

func requirementValue(r Requirement, m Mark) rule.Requirement {
	return rule.Requirement{ID: r.ID, Text: r.Text, Reached: m.Status == Reached, Status: m.Status.String(), Reason: m.Reason, Points: r.Points}
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
	valueEnv             rule.Env
	hard, soft, skills   []any
	hardN, softN, skillN []any // hardN[n] is hard[:n] stored in an interface, made once
	// skillLevels holds the list a rule sees in skillLevels, filled for
	// view, and skillLevelsN the same stored in an interface once.
	skillLevels  []any
	skillLevelsN any
	view         int
	points       any // Input.Points, stored in an interface once per Decide
}

func newRunner(p *Plan) *runner {
	var maxHard, maxSoft, maxGroups int
	group := func(g *Group) {
		maxHard = max(maxHard, len(g.Hard))
		maxSoft = max(maxSoft, len(g.Soft))
	}
	for _, l := range p.spec.Levels {
		maxGroups = max(maxGroups, len(l.Groups))
		for g := range l.Groups {
			group(&l.Groups[g])
		}
	}
	for _, sk := range p.spec.Skills {
		for j := range sk.Steps {
			group(&sk.Steps[j].Group)
		}
	}
	r := &runner{
		p:        p,
		skillEnv: rule.NewEnv(rule.SkillScope),
		levelEnv: rule.NewEnv(rule.LevelScope),
		valueEnv: rule.NewEnv(rule.ValueScope),
		hard:     make([]any, maxHard),
		soft:     make([]any, maxSoft),
		skills:   make([]any, maxGroups),
	}
	r.hardN = prefixes(r.hard)
	r.softN = prefixes(r.soft)
	r.skillN = prefixes(r.skills)
	if p.boxes.skillLevel != nil {
		r.skillLevels = make([]any, len(p.spec.Skills))
		r.skillLevelsN = r.skillLevels
	}
	return r
}

// prepare sets what level rules see of the whole assessment, once skill
// levels and points are known.
func (r *runner) prepare(in *Input) {
	r.points = in.Points
	r.view = -1
}

// skillLevelsOf returns the list a rule sees in skillLevels, in a view. It
// fills it only when the view changes: a rule that reads skillLevels costs
// the number of skills more (see totalCost).
func (r *runner) skillLevelsOf(in *Input, view int) any {
	if r.view != view {
		for i := range r.skillLevels {
			r.skillLevels[i] = r.p.boxes.skillLevelValue(i, r.p.SkillLevel(in, view, i))
		}
		r.view = view
	}
	return r.skillLevelsN
}

// value computes a named value, once the rank is known.
func (r *runner) value(prog *rule.Runnable, in *Input) (float64, error) {
	env := r.valueEnv
	if prog.Uses&rule.UsesPoints != 0 {
		env[rule.VarPoints] = r.points
	}
	if prog.Uses&rule.UsesRank != 0 {
		env[rule.VarRank] = in.Rank
	}
	if prog.Uses&rule.UsesSkillLevels != 0 {
		env[rule.VarSkillLevels] = r.skillLevelsOf(in, in.Line)
	}
	if prog.Uses&rule.UsesNext != 0 {
		env[rule.VarNext] = r.p.boxes.top
		if i := r.p.atRank(in.Line, in.Rank+1); i >= 0 {
			env[rule.VarNext] = r.p.boxes.level[i]
		}
	}
	return prog.Value(&r.vm, env)
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

// skill runs a skill rule on a group: of a skill at a level, or a skill's
// step. skill and level are the values the rule sees in skill and level.
func (r *runner) skill(prog *rule.Runnable, in *Input, g *Group, skill, level any) (bool, error) {
	// Only what the rule names is set: the environment is shared, and what
	// an earlier run left in it the rule cannot read.
	reasons := prog.Reasons
	env := r.skillEnv
	if prog.Uses&rule.UsesHard != 0 {
		env[rule.VarHard] = r.hardN[r.fill(r.hard, g.Hard, in.Marks, reasons)]
	}
	if prog.Uses&rule.UsesSoft != 0 {
		env[rule.VarSoft] = r.softN[r.fill(r.soft, g.Soft, in.Marks, reasons)]
	}
	if prog.Uses&rule.UsesSkill != 0 {
		env[rule.VarSkill] = skill
	}
	if prog.Uses&rule.UsesLevel != 0 {
		env[rule.VarLevel] = level
	}
	return prog.Run(&r.vm, env)
}

func (r *runner) level(prog *rule.Runnable, in *Input, i int, groups []bool) (bool, error) {
	reasons, lists := prog.Reasons, prog.Lists
	start := r.p.groupStart[i]
	if prog.Uses&rule.UsesSkills == 0 {
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
	if prog.Uses&rule.UsesLevel != 0 {
		env[rule.VarLevel] = r.p.boxes.level[i]
	}
	if prog.Uses&rule.UsesReachMark != 0 {
		env[rule.VarReachMark] = r.mark(in.Reach[i], reasons)
	}
	if prog.Uses&rule.UsesDescriptionMark != 0 {
		env[rule.VarDescriptionMark] = r.mark(in.Description[i], reasons)
	}
	if prog.Uses&rule.UsesSkillLevels != 0 {
		env[rule.VarSkillLevels] = r.skillLevelsOf(in, r.p.levelView[i])
	}
	if prog.Uses&rule.UsesPoints != 0 {
		env[rule.VarPoints] = r.points
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
