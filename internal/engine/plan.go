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
	// Levels lists the levels from rank 1 up.
	Levels []Level
	// Skills lists the IDs of the ladder's skills, which rules may name
	// (skill.id == "devops"). When nil, the skills of the groups are the
	// ladder's.
	Skills []string
}

// Requirement is a requirement of a ladder.
type Requirement struct {
	ID   string // unique in the spec; an Input's marks are found by it
	Text string // what must hold, as rules see it in .text
}

// Level is a level of a ladder.
type Level struct {
	// ID, Name and Reach are the level's, as rules see them in level.
	ID, Name, Reach string
	// Rules are the level's own rules; "" means the ladder's.
	Rules rules.Rules
	// Groups are the level's groups of requirements, in the order results
	// show them.
	Groups []Group
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
	// rule). Both are -1 for a rule that does not compile.
	AtLevel, AtGroup int
	// Err is what went wrong, a *dsl.Error when it is inside the rule.
	Err error
}

// Error says which rule, where, and what is wrong.
func (e *RuleError) Error() string {
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

	// What rules see of the ladder: its IDs, and the sizes of its lists
	// and texts, which bound what a rule costs.
	shape := dsl.Shape{Skills: []string{""}, Levels: make([]string, len(spec.Levels)), Requirements: make([]string, len(spec.Requirements))}
	skillSeen := map[string]bool{"": true}
	for i, l := range spec.Levels {
		shape.Levels[i] = l.ID
		shape.Sizes.List = max(shape.Sizes.List, len(l.Groups))
		shape.Sizes.Name = max(shape.Sizes.Name, len(l.ID), len(l.Name), len(l.Reach))
		for _, g := range l.Groups {
			shape.Sizes.List = max(shape.Sizes.List, len(g.Hard), len(g.Soft))
			shape.Sizes.Name = max(shape.Sizes.Name, len(g.Skill), len(g.Name))
			if !skillSeen[g.Skill] {
				skillSeen[g.Skill] = true
				shape.Skills = append(shape.Skills, g.Skill)
			}
		}
	}
	for i, r := range spec.Requirements {
		shape.Requirements[i] = r.ID
		shape.Sizes.Text = max(shape.Sizes.Text, len(r.Text))
		shape.Sizes.Name = max(shape.Sizes.Name, len(r.ID))
	}
	if spec.Skills != nil {
		shape.Skills = append([]string{""}, spec.Skills...)
	}
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
		if written.Default() {
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
			errs = append(errs, &RuleError{Level: origin, Scope: scope, AtLevel: -1, AtGroup: -1, Err: err})
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
	for i := range spec.Levels {
		if p.skill[i] != nil || p.level[i] != nil {
			p.boxes = newBoxes(p)
			break
		}
	}
	p.pool.New = func() any { return p.newInput() }
	return p, nil
}

// totalCost checks the cost of a whole evaluation: a skill rule runs once
// per skill at each level, a level rule once per level, so a ladder of many
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
			c = prog.Cost(sizes.List, sizes.Text, sizes.Name, sizes.Reason)
			costs[prog] = c
		}
		return c
	}
	total, runs := 0.0, 0
	for i, l := range p.spec.Levels {
		if prog := p.skill[i]; prog != nil {
			c := cost(prog) * float64(len(l.Groups))
			share[key{p.skillOrigin[i], dsl.SkillRule}] += c
			total += c
			runs += len(l.Groups)
		}
		if prog := p.level[i]; prog != nil {
			c := cost(prog)
			share[key{p.levelOrigin[i], dsl.LevelRule}] += c
			total += c
			runs++
		}
	}
	maxTotal := float64(lim.OrDefault().MaxTotalCost)
	if total <= maxTotal {
		return nil
	}
	var worst key
	for k, c := range share {
		if c > share[worst] || c == share[worst] && (k.origin < worst.origin || k.origin == worst.origin && k.scope < worst.scope) {
			worst = k
		}
	}
	src := p.spec.Rules.Skill
	switch {
	case worst.origin >= 0 && worst.scope == dsl.SkillRule:
		src = p.spec.Levels[worst.origin].Rules.Skill
	case worst.origin >= 0:
		src = p.spec.Levels[worst.origin].Rules.Level
	case worst.scope == dsl.LevelRule:
		src = p.spec.Rules.Level
	}
	return &RuleError{Level: worst.origin, Scope: worst.scope, AtLevel: -1, AtGroup: -1, Err: &dsl.Error{Source: src, Message: fmt.Sprintf(
		"the rules may take up to %.0f steps to evaluate this ladder, in %d runs (this rule %.0f): over the limit of %.0f",
		total, runs, share[worst], maxTotal)}}
}

// clone returns a deep copy of the spec, which the caller may then change.
func (s Spec) clone() Spec {
	c := Spec{Rules: s.Rules, Requirements: slices.Clone(s.Requirements), Levels: slices.Clone(s.Levels), Skills: slices.Clone(s.Skills)}
	for i := range c.Levels {
		c.Levels[i].Groups = slices.Clone(c.Levels[i].Groups)
		for g := range c.Levels[i].Groups {
			group := &c.Levels[i].Groups[g]
			group.Hard, group.Soft = slices.Clone(group.Hard), slices.Clone(group.Soft)
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
	levels := make(map[string]bool, len(s.Levels))
	for i, l := range s.Levels {
		if levels[l.ID] {
			return fmt.Errorf("rules: level ID %q is not unique", l.ID)
		}
		levels[l.ID] = true
		for g, group := range l.Groups {
			for _, r := range slices.Concat(group.Hard, group.Soft) {
				if r < 0 || r >= len(s.Requirements) {
					return fmt.Errorf("rules: level %d, group %d: requirement index %d out of range", i, g, r)
				}
			}
		}
	}
	return nil
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
