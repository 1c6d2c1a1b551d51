// Package engine applies a ladder's rules to assessments: it decides, for
// one assessment, which skills are reached at each level, which levels are
// reached, and the rank. It is the machinery behind ladder.Evaluate.
//
// A Plan is a ladder compiled for evaluation: its levels, the groups of
// requirements at each level (one per skill, and a general group), the
// requirements by index, and the rule that holds at each level (see
// rules.Rules.At), compiled once. Where the default holds, the plan decides
// in plain Go, which gives the same verdicts as the expression and costs far
// less.
package engine

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/rule"
	"github.com/ladderkit/ladder/rules"
)

// Status is what an assessment says of a requirement.
type Status uint8

// The statuses. The zero Status is Unassessed: no mark.
const (
	Unassessed Status = iota
	Reached
	NotYet
	NotApplicable
)

// statusNames are the words of the statuses (ladder.Status), by Status:
// the one table between the two.
var statusNames = [...]string{rule.Unassessed, rule.Reached, rule.NotYet, rule.NotApplicable}

// String returns the status as rules see it, and ladder.Status has it:
// "unassessed", "reached", "not_yet" or "not_applicable".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", s)
}

// StatusOf returns the status of a word of ladder.Status, and false for
// another word.
func StatusOf(word string) (Status, bool) {
	for s, name := range statusNames {
		if name == word {
			return Status(s), true
		}
	}
	return 0, false
}

// Mark is an assessment's mark on a requirement or on a level's expertise
// reach or description.
type Mark struct {
	Status Status // Unassessed when the assessment has no mark
	Reason string // the assessor's reason, "" when none
}

// Spec describes a ladder to compile.
type Spec struct {
	// Rules are the ladder's rules; "" means the default.
	Rules rules.Rules
	// Requirements lists every requirement of the ladder. Groups refer to
	// them by index, and an Input's marks follow the same indices.
	Requirements []Requirement
	// Levels lists the levels from rank 1 up: the shared levels, then
	// those of the tracks.
	Levels []Level
	// Skills lists the ladder's skills, which rules may name
	// (skill.id == "devops") and whose levels Decide finds. When nil, the
	// skills of the groups are the ladder's.
	Skills []Skill
	// Tracks are the ladder's tracks, none for a ladder that is one line
	// of all its levels.
	Tracks []Track
	// Implied says that reaching a step of a skill implies the steps below
	// it: an unassessed requirement there counts as reached.
	Implied bool
	// Values are the ladder's named values, each computed by a rule.
	Values []Value
}

// Value is a named value of a ladder: a number its rule computes from the
// points, the rank, the skills' levels and the next level.
type Value struct {
	ID, Name string
	Rule     string
}

// Track is a track of a ladder.
type Track struct{ ID, Name string }

// Requirement is a requirement of a ladder.
type Requirement struct {
	ID     string // unique in the spec; an Input's marks are found by it
	Text   string // what must hold, as rules see it in .text
	Points int    // what it is worth when reached
}

// Level is a level of a ladder.
type Level struct {
	// ID, Name and Reach are the level's, as rules see them in level.
	ID, Name, Reach string
	// Label is the level's label, for results.
	Label string
	// Track is 1 + the index of the level's track, 0 for a shared level.
	Track int
	// Threshold is the level's threshold, which rules see in
	// level.threshold.
	Threshold int
	// Profile lists the skill levels the level asks for.
	Profile []Need
	// Rules are the level's own rules; "" means the ladder's.
	Rules rules.Rules
	// Groups are the level's groups of requirements, in the order results
	// show them.
	Groups []Group
}

// Need is a skill level a profile asks for: at least Level in the skill at
// index Skill of Spec.Skills.
type Need struct{ Skill, Level int }

// Skill is a skill of a ladder.
type Skill struct {
	ID, Name string
	// Steps are the skill's own steps, from the lowest; without them, the
	// skill's steps are its groups at the levels.
	Steps []Step
}

// Step is a step of a skill: its group of requirements, decided by the
// ladder's skill rule, and what a person at this step has in points.
type Step struct {
	ID, Name string
	Points   int
	Group    Group
}

// Group is the requirements of one skill at one level, or the level's
// requirements without a skill (General).
type Group struct {
	Skill   string // the skill's ID, "" for the general group
	Name    string // the skill's name, as rules see it in skill.name
	General bool   // true for the requirements without a skill
	// Hard and Soft are indices into Spec.Requirements.
	Hard, Soft []int
}

// Plan is a compiled ladder. It is immutable and safe for concurrent use.
type Plan struct {
	spec       Spec
	index      map[string]int // requirement ID to index
	levelIndex map[string]int // level ID to index
	groupStart []int          // index in Input.Groups of each level's first group

	// skill and level hold the program of each level's rules, nil where
	// the default holds; origin says whose rules they are: the level's
	// index, or -1 for the ladder's.
	skill, level             []*rule.Runnable
	skillOrigin, levelOrigin []int
	// stepRule is the program deciding the skills' steps: the ladder's
	// skill rule, nil for the default.
	stepRule *rule.Runnable
	// values holds the program of each named value.
	values []*rule.Runnable

	// shared lists the shared levels by index, and own the levels of each
	// track; a ladder without tracks is one line of shared levels. Line t
	// (of lines) is shared, then own[t]: ranks are counted along it. A
	// level's view, whose skill levels its rules and profile see, is its
	// track's line, or for a shared level the shared levels alone (view
	// len(own), 0 without tracks).
	shared    []int
	own       [][]int
	lines     int
	levelView []int
	ranks     []int // the rank of each level on its line
	// trackSlot maps, for each track, the skills that have groups in its
	// own levels to their slot in Input.trackLevels: a skill's level on a
	// track differs from its shared level only where the track has its
	// groups, and the slots are as many as those, not tracks × skills.
	trackSlot []map[int]int
	slots     int
	// groupSkill is the index in spec.Skills of each group's skill, by
	// index in Input.Groups, -1 for a general group.
	groupSkill []int
	// stepStart is the index in Input.Steps of each skill's first step,
	// and the number of steps last.
	stepStart []int
	// cross says that a level's verdict may depend on the marks of other
	// levels: through steps, profiles, implied steps, or a level rule
	// that reads skillLevels or points.
	cross bool

	boxes *boxes // values made once for expression rules; nil without any
	pool  sync.Pool
}

// RuleError is a rule that does not compile, or that failed when it ran.
type RuleError struct {
	// Level is the index of the level whose rules hold the rule, -1 for
	// the ladder's.
	Level int
	// Scope says whether it is the skill rule or the level rule.
	Scope dsl.Scope
	// AtLevel and AtGroup say, for a run that failed, which level and
	// which of its groups the rule was deciding (AtGroup is -1 for a level
	// rule); AtStep says which step, by index in Input.Steps, for the skill
	// rule deciding a skill's step (AtLevel and AtGroup are then -1). They
	// are all -1 for a rule that does not compile.
	AtLevel, AtGroup, AtStep int
	// Value is the index of the named value, for a rule of scope
	// dsl.ValueRule.
	Value int
	// Err is what went wrong, a *dsl.Error when it is inside the rule.
	Err error
}

// Error says which rule, where, and what is wrong.
func (e *RuleError) Error() string {
	if e.Scope == dsl.ValueRule {
		return fmt.Sprintf("rule of value %d: %v", e.Value+1, e.Err)
	}
	where := "ladder"
	if e.Level >= 0 {
		where = fmt.Sprintf("level %d", e.Level+1)
	}
	return fmt.Sprintf("%s rule of the %s: %v", e.Scope, where, e.Err)
}

// Unwrap returns Err.
func (e *RuleError) Unwrap() error { return e.Err }

// RuleErrors lists the rules of a ladder that do not compile.
type RuleErrors []*RuleError

// Error returns the errors, one a line.
func (e RuleErrors) Error() string {
	lines := make([]string, len(e))
	for i, r := range e {
		lines[i] = r.Error()
	}
	return strings.Join(lines, "\n")
}

// Compile checks and compiles the rules of a ladder under the given limits.
// It returns the plan, or RuleErrors listing every rule that does not
// compile, each once, where it is written; or, when the rules compile but
// the spec does not hold together (IDs not unique, indices out of range),
// an error saying so. The plan keeps a copy of the spec.
func Compile(spec Spec, lim dsl.Limits) (*Plan, error) {
	spec = spec.clone()
	p := &Plan{
		spec:        spec,
		index:       make(map[string]int, len(spec.Requirements)),
		levelIndex:  make(map[string]int, len(spec.Levels)),
		groupStart:  make([]int, len(spec.Levels)+1),
		skill:       make([]*rule.Runnable, len(spec.Levels)),
		level:       make([]*rule.Runnable, len(spec.Levels)),
		skillOrigin: make([]int, len(spec.Levels)),
		levelOrigin: make([]int, len(spec.Levels)),
	}
	for i, r := range spec.Requirements {
		p.index[r.ID] = i
	}
	for i, l := range spec.Levels {
		p.levelIndex[l.ID] = i
		p.groupStart[i+1] = p.groupStart[i] + len(l.Groups)
	}
	if spec.Skills == nil {
		// The skills of the groups, in the order they come.
		seen := map[string]bool{}
		spec.Skills = []Skill{}
		for _, l := range spec.Levels {
			for _, g := range l.Groups {
				if !g.General && !seen[g.Skill] {
					seen[g.Skill] = true
					spec.Skills = append(spec.Skills, Skill{ID: g.Skill, Name: g.Name})
				}
			}
		}
		p.spec.Skills = spec.Skills
	}
	p.layout()

	// What rules see of the ladder: its IDs, and the sizes of its lists
	// and texts, which bound what a rule costs.
	shape := dsl.Shape{Skills: []string{""}, Levels: make([]string, len(spec.Levels)), Requirements: make([]string, len(spec.Requirements))}
	group := func(g Group) {
		shape.Sizes.List = max(shape.Sizes.List, len(g.Hard), len(g.Soft))
		shape.Sizes.Name = max(shape.Sizes.Name, len(g.Skill), len(g.Name))
	}
	shape.Sizes.Steps = len(spec.Levels)
	shape.Sizes.Skills = len(spec.Skills)
	for i, l := range spec.Levels {
		shape.Levels[i] = l.ID
		shape.Sizes.List = max(shape.Sizes.List, len(l.Groups))
		shape.Sizes.Name = max(shape.Sizes.Name, len(l.ID), len(l.Name), len(l.Reach))
		for _, g := range l.Groups {
			group(g)
		}
	}
	points := 0
	for _, sk := range spec.Skills {
		shape.Skills = append(shape.Skills, sk.ID)
		shape.Sizes.Name = max(shape.Sizes.Name, len(sk.ID), len(sk.Name))
		shape.Sizes.Steps = max(shape.Sizes.Steps, len(sk.Steps))
		most := 0
		for _, st := range sk.Steps {
			// A step is the level its skill rule decides at.
			shape.Levels = append(shape.Levels, st.ID)
			shape.Sizes.Name = max(shape.Sizes.Name, len(st.ID), len(st.Name))
			group(st.Group)
			most = max(most, st.Points)
		}
		points += most
	}
	for i, r := range spec.Requirements {
		shape.Requirements[i] = r.ID
		shape.Sizes.Text = max(shape.Sizes.Text, len(r.Text))
		shape.Sizes.Name = max(shape.Sizes.Name, len(r.ID))
		points += r.Points
	}
	shape.Sizes.Points = points
	sizes := shape.Sizes
	lim = lim.OrDefault()

	var errs []*RuleError
	compiled := make(map[string]*rule.Runnable)
	patternSize := 0
	compile := func(scope dsl.Scope, src string, origin int) *rule.Runnable {
		written := rules.Rules{Skill: src}
		if scope == dsl.LevelRule {
			written = rules.Rules{Level: src}
		}
		if scope != dsl.ValueRule && written.Default() {
			return nil // the default: the plain path decides, faster
		}
		key := scope.String() + "\x00" + src
		if run, ok := compiled[key]; ok {
			return run
		}
		var prog *dsl.Program
		var err error
		if len(compiled) >= lim.MaxRules {
			err = &dsl.Error{Source: src, Message: fmt.Sprintf("the ladder has more than %d different rules, over the limit", lim.MaxRules)}
		} else if prog, err = dsl.Compile(scope, src, lim); err == nil {
			err = prog.Check(shape)
		}
		var run *rule.Runnable
		if err == nil {
			run = rule.Of(prog)
			if patternSize+run.PatternSize > lim.MaxPatternSize {
				err = &dsl.Error{Source: src, Message: fmt.Sprintf("the patterns of the ladder's rules are of size %d with this one, over the limit of %d", patternSize+run.PatternSize, lim.MaxPatternSize)}
			}
		}
		if err != nil {
			// Not cached: the same mistake written elsewhere is
			// reported there too.
			errs = append(errs, &RuleError{Level: origin, Scope: scope, AtLevel: -1, AtGroup: -1, AtStep: -1, Err: err})
			return nil
		}
		patternSize += run.PatternSize
		compiled[key] = run
		return run
	}
	ladderSkill := compile(dsl.SkillRule, spec.Rules.Skill, -1)
	ladderLevel := compile(dsl.LevelRule, spec.Rules.Level, -1)
	for i, l := range spec.Levels {
		p.skill[i], p.skillOrigin[i] = ladderSkill, -1
		if l.Rules.Skill != "" {
			p.skill[i], p.skillOrigin[i] = compile(dsl.SkillRule, l.Rules.Skill, i), i
		}
		p.level[i], p.levelOrigin[i] = ladderLevel, -1
		if l.Rules.Level != "" {
			p.level[i], p.levelOrigin[i] = compile(dsl.LevelRule, l.Rules.Level, i), i
		}
	}
	p.stepRule = ladderSkill
	p.values = make([]*rule.Runnable, len(spec.Values))
	for i, v := range spec.Values {
		from := len(errs)
		p.values[i] = compile(dsl.ValueRule, v.Rule, -1)
		for _, e := range errs[from:] {
			e.Value = i
		}
	}
	if len(errs) == 0 {
		if err := totalCost(p, sizes, lim); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, RuleErrors(errs)
	}
	if err := spec.check(); err != nil {
		return nil, err
	}
	p.cross = spec.Implied || p.stepStart[len(spec.Skills)] > 0
	custom := p.StepRule() || len(p.values) > 0
	for i, l := range spec.Levels {
		custom = custom || p.skill[i] != nil || p.level[i] != nil
		if len(l.Profile) > 0 || p.level[i] != nil && (p.level[i].Uses&rule.UsesSkillLevels != 0 || p.level[i].Uses&rule.UsesPoints != 0) {
			p.cross = true
		}
	}
	if custom {
		p.boxes = newBoxes(p)
	}
	p.pool.New = func() any { return p.newInput() }
	return p, nil
}

// totalCost checks the cost of a whole evaluation: a skill rule runs once
// per skill at each level and per step (twice, with implied steps), a level
// rule once per level, a value rule once, so a ladder of many
// levels could multiply a rule under MaxCost into a long evaluation. It
// blames the rule that costs the most in all.
func totalCost(p *Plan, sizes dsl.Sizes, lim dsl.Limits) *RuleError {
	type key struct {
		origin int
		scope  dsl.Scope
	}
	share := make(map[key]float64)
	// A rule inherited by many levels is one program: its cost is worked
	// out once.
	costs := make(map[*rule.Runnable]float64)
	cost := func(prog *rule.Runnable) float64 {
		c, ok := costs[prog]
		if !ok {
			c = prog.Cost(rule.Sizes{List: sizes.List, Text: sizes.Text, Name: sizes.Name, Reason: sizes.Reason, Skills: sizes.Skills})
			if prog.Uses&rule.UsesSkillLevels != 0 {
				// The list is filled for the run.
				c += float64(sizes.Skills)
			}
			costs[prog] = c
		}
		return c
	}
	total, runs := 0.0, 0
	// With implied steps, the groups may be decided twice (see Decide).
	again := 1
	if p.spec.Implied {
		again = 2
	}
	if prog, steps := p.stepRule, p.stepStart[len(p.spec.Skills)]; prog != nil && steps > 0 {
		c := cost(prog) * float64(steps*again)
		share[key{-1, dsl.SkillRule}] += c
		total += c
		runs += steps * again
	}
	for i, prog := range p.values {
		c := cost(prog)
		share[key{-2 - i, dsl.ValueRule}] += c
		total += c
		runs++
	}
	for i, l := range p.spec.Levels {
		if prog := p.skill[i]; prog != nil {
			c := cost(prog) * float64(len(l.Groups)*again)
			share[key{p.skillOrigin[i], dsl.SkillRule}] += c
			total += c
			runs += len(l.Groups) * again
		}
		if prog := p.level[i]; prog != nil {
			c := cost(prog)
			share[key{p.levelOrigin[i], dsl.LevelRule}] += c
			total += c
			runs++
		}
	}
	maxTotal := float64(lim.MaxTotalCost) // lim has its defaults (see Compile)
	if total <= maxTotal {
		return nil
	}
	var worst key
	for k, c := range share {
		if c > share[worst] || c == share[worst] && (k.origin < worst.origin || k.origin == worst.origin && k.scope < worst.scope) {
			worst = k
		}
	}
	src, level, value := p.spec.Rules.Skill, worst.origin, 0
	switch {
	case worst.scope == dsl.ValueRule:
		level, value = -1, -2-worst.origin
		src = p.spec.Values[value].Rule
	case worst.origin >= 0 && worst.scope == dsl.SkillRule:
		src = p.spec.Levels[worst.origin].Rules.Skill
	case worst.origin >= 0:
		src = p.spec.Levels[worst.origin].Rules.Level
	case worst.scope == dsl.LevelRule:
		src = p.spec.Rules.Level
	}
	return &RuleError{Level: level, Scope: worst.scope, AtLevel: -1, AtGroup: -1, AtStep: -1, Value: value, Err: &dsl.Error{Source: src, Message: fmt.Sprintf(
		"the rules may take up to %.0f steps to evaluate this ladder, in %d runs (this rule %.0f): over the limit of %.0f",
		total, runs, share[worst], maxTotal)}}
}

// clone returns a deep copy of the spec, which the caller may then change.
func (s Spec) clone() Spec {
	c := s
	c.Requirements, c.Levels, c.Skills, c.Tracks, c.Values = slices.Clone(s.Requirements), slices.Clone(s.Levels), slices.Clone(s.Skills), slices.Clone(s.Tracks), slices.Clone(s.Values)
	cloneGroup := func(g *Group) { g.Hard, g.Soft = slices.Clone(g.Hard), slices.Clone(g.Soft) }
	for i := range c.Levels {
		l := &c.Levels[i]
		l.Profile = slices.Clone(l.Profile)
		l.Groups = slices.Clone(l.Groups)
		for g := range l.Groups {
			cloneGroup(&l.Groups[g])
		}
	}
	for i := range c.Skills {
		sk := &c.Skills[i]
		sk.Steps = slices.Clone(sk.Steps)
		for j := range sk.Steps {
			cloneGroup(&sk.Steps[j].Group)
		}
	}
	return c
}

// check reports a spec that does not hold together.
func (s Spec) check() error {
	ids := make(map[string]bool, len(s.Requirements))
	for _, r := range s.Requirements {
		if ids[r.ID] {
			return fmt.Errorf("rules: requirement ID %q is not unique", r.ID)
		}
		ids[r.ID] = true
	}
	inRange := func(where string, g Group) error {
		for _, r := range slices.Concat(g.Hard, g.Soft) {
			if r < 0 || r >= len(s.Requirements) {
				return fmt.Errorf("rules: %s: requirement index %d out of range", where, r)
			}
		}
		return nil
	}
	levels := make(map[string]bool, len(s.Levels))
	for i, l := range s.Levels {
		if levels[l.ID] {
			return fmt.Errorf("rules: level ID %q is not unique", l.ID)
		}
		levels[l.ID] = true
		if l.Track < 0 || l.Track > len(s.Tracks) {
			return fmt.Errorf("rules: level %d: track %d out of range", i, l.Track)
		}
		if i > 0 && l.Track == 0 && s.Levels[i-1].Track != 0 {
			return fmt.Errorf("rules: level %d: a shared level after the level of a track", i)
		}
		for _, n := range l.Profile {
			if n.Skill < 0 || n.Skill >= len(s.Skills) {
				return fmt.Errorf("rules: level %d: profile skill %d out of range", i, n.Skill)
			}
		}
		for g, group := range l.Groups {
			if err := inRange(fmt.Sprintf("level %d, group %d", i, g), group); err != nil {
				return err
			}
		}
	}
	for i, sk := range s.Skills {
		for j, st := range sk.Steps {
			if err := inRange(fmt.Sprintf("skill %d, step %d", i, j), st.Group); err != nil {
				return err
			}
		}
	}
	return nil
}

// layout works out the plan's views, the skill of each group and where
// each skill's steps are. It trusts nothing of the spec, which is checked
// after it: what is out of range is left out.
func (p *Plan) layout() {
	s := &p.spec
	skillIndex := make(map[string]int, len(s.Skills))
	for i, sk := range s.Skills {
		if _, dup := skillIndex[sk.ID]; !dup {
			skillIndex[sk.ID] = i
		}
	}
	p.groupSkill = make([]int, p.groupStart[len(s.Levels)])
	for i, l := range s.Levels {
		for g, group := range l.Groups {
			k, ok := skillIndex[group.Skill]
			if group.General || !ok {
				k = -1
			}
			p.groupSkill[p.groupStart[i]+g] = k
		}
	}
	p.stepStart = make([]int, len(s.Skills)+1)
	for i, sk := range s.Skills {
		p.stepStart[i+1] = p.stepStart[i] + len(sk.Steps)
	}
	tracks := len(s.Tracks)
	p.levelView = make([]int, len(s.Levels))
	p.ranks = make([]int, len(s.Levels))
	p.lines = max(1, tracks)
	p.own = make([][]int, tracks)
	for i, l := range s.Levels {
		if l.Track > 0 && l.Track <= tracks {
			p.own[l.Track-1] = append(p.own[l.Track-1], i)
			p.levelView[i] = l.Track - 1
			continue
		}
		p.shared = append(p.shared, i)
		p.levelView[i] = tracks
	}
	for r, i := range p.shared {
		p.ranks[i] = r + 1
	}
	p.trackSlot = make([]map[int]int, tracks)
	for t, own := range p.own {
		p.trackSlot[t] = map[int]int{}
		for r, i := range own {
			p.ranks[i] = len(p.shared) + r + 1
			for k := p.groupStart[i]; k < p.groupStart[i+1]; k++ {
				if sk := p.groupSkill[k]; sk >= 0 {
					if _, ok := p.trackSlot[t][sk]; !ok {
						p.trackSlot[t][sk] = p.slots
						p.slots++
					}
				}
			}
		}
	}
}

// Rank returns the rank of the level at index i on its line, or on every
// line for a shared level.
func (p *Plan) Rank(i int) int { return p.ranks[i] }

// atRank returns the index of the level of a rank on line t, -1 for none.
func (p *Plan) atRank(t, rank int) int {
	switch {
	case rank < 1:
		return -1
	case rank <= len(p.shared):
		return p.shared[rank-1]
	case t < len(p.own) && rank-len(p.shared) <= len(p.own[t]):
		return p.own[t][rank-len(p.shared)-1]
	}
	return -1
}

// Tracks returns the plan's tracks. They must not be modified.
func (p *Plan) Tracks() []Track { return p.spec.Tracks }

// Values returns the plan's named values. They must not be modified.
func (p *Plan) Values() []Value { return p.spec.Values }

// Skills returns the plan's skills. They must not be modified.
func (p *Plan) Skills() []Skill { return p.spec.Skills }

// StepStart returns the index in Input.Steps of the first step of the
// skill at index i.
func (p *Plan) StepStart(i int) int { return p.stepStart[i] }

// View returns the view whose skill levels the level at index i sees (see
// SkillLevel): its track's line, or the shared levels.
func (p *Plan) View(i int) int { return p.levelView[i] }

// SkillLevel returns, after Decide, the level of the skill at index s in a
// view: a line (0 to the number of tracks - 1, or 0 for a ladder without
// tracks, as Input.Line), or the shared levels (the number of tracks).
func (p *Plan) SkillLevel(in *Input, view, s int) int {
	if view < len(p.own) && len(p.spec.Skills[s].Steps) == 0 {
		if slot, ok := p.trackSlot[view][s]; ok {
			return in.trackLevels[slot]
		}
	}
	return in.SkillLevels[s]
}

// Levels returns the plan's levels. They must not be modified.
func (p *Plan) Levels() []Level { return p.spec.Levels }

// Requirement returns the requirement at index i.
func (p *Plan) Requirement(i int) Requirement { return p.spec.Requirements[i] }

// NumRequirements returns the number of requirements.
func (p *Plan) NumRequirements() int { return len(p.spec.Requirements) }

// Lookup returns the index of the requirement with the given ID.
func (p *Plan) Lookup(id string) (int, bool) {
	i, ok := p.index[id]
	return i, ok
}

// LookupLevel returns the index of the level with the given ID.
func (p *Plan) LookupLevel(id string) (int, bool) {
	i, ok := p.levelIndex[id]
	return i, ok
}

// GroupStart returns the index in Input.Groups of the first group of the
// level at index i.
func (p *Plan) GroupStart(i int) int { return p.groupStart[i] }

// StepRule reports whether the skills' steps are decided by a rule of the
// ladder rather than the default.
func (p *Plan) StepRule() bool { return p.stepRule != nil && p.stepStart[len(p.spec.Skills)] > 0 }

// Custom reports whether any level's rules are not the defaults.
func (p *Plan) Custom() bool { return p.boxes != nil }

// Rule returns the program deciding at the level at index i in the given
// scope, nil where the default holds, and whose rules it is: the level's
// index, or -1 for the ladder's.
func (p *Plan) Rule(i int, scope dsl.Scope) (prog *rule.Runnable, origin int) {
	if scope == dsl.LevelRule {
		return p.level[i], p.levelOrigin[i]
	}
	return p.skill[i], p.skillOrigin[i]
}
