package laddertest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/engine"
	"github.com/ladderkit/ladder/rules"
)

// Shape is the shape of a generated ladder: its number of skills, and for
// each level its requirements. GenLadder generates shapes and builds
// ladders from them, so that gopter shrinks a failing ladder by shape: fewer
// levels, fewer requirements, general ones rather than skilled ones.
type Shape struct {
	Skills int                  // the number of skills, with IDs s0, s1...
	Levels [][]ShapeRequirement // each level's requirements, in order
	// Rules are the ladder's rules, the defaults when empty.
	Rules rules.Rules

	// The rest describe the shapes of "any ladder" (GenAnyShape); their
	// zero values leave a shape as GenShape makes it.

	// Steps holds the steps of the skills that have steps of their own,
	// by skill index (nil for a skill without). A level's requirement of
	// such a skill is general.
	Steps [][]ShapeStep
	// Tracks holds the track of each level by index: 0 for a shared
	// level, t for the track with ID "t<t>". Ladder puts the shared levels
	// first, keeping the order of each track's.
	Tracks []int
	// Profiles holds the profile of each level by index: the level asked
	// for in each skill, by skill index, 0 for none. Ladder lowers a level
	// asked for beyond what the skill can reach on the levels the profile
	// counts to the highest it can, and leaves out what it asks of a skill
	// without requirements there.
	Profiles [][]int
	// Thresholds holds the threshold of each level by index.
	Thresholds []int
	// Implied makes steps implied (ladder.Ladder.ImpliedSteps).
	Implied bool
}

// ShapeRequirement is a requirement of a Shape: the index of its skill (-1,
// or any index without a skill, for none: the level's general group),
// whether it is hard, and its points.
type ShapeRequirement struct {
	Skill  int  // the index of its skill; -1 or out of range for none
	Hard   bool // hard, or soft
	Points int  // what it is worth when reached
}

// ShapeStep is a step of a skill of a Shape: what it is worth (never less
// than a step below it is) and its requirements (whose Skill is ignored).
type ShapeStep struct {
	Points       int
	Requirements []ShapeRequirement
}

// Marks are generated marks: the status of each requirement of a ladder's
// levels in order (levels first to last, requirements in order), then of
// each level's expertise reach, then of each level's description, then of
// each requirement of the skills' steps (skills, steps and requirements in
// order). A status of
// ladder.Unassessed, or "", is no mark. Shrinking turns marks into
// ladder.Unassessed, so that a failing assessment shrinks to the marks that
// matter.
type Marks []ladder.Status

// unassessed reports whether a generated status is no mark.
func unassessed(s ladder.Status) bool { return s == ladder.Unassessed || s == "" }

// Ladder builds and parses the ladder of a shape. Level i has ID "l<i+1>",
// skill k has ID "s<k>", and requirement j of level i has ID "l<i+1>-r<j>";
// step j of skill k has ID "s<k>-<j+1>", and its requirement r the ID
// "s<k>-<j+1>-r<r>". A level that nothing would decide (no requirements,
// no profile, and the default level rule) gets a hard general requirement
// "l<i+1>-r0".
func (s Shape) Ladder() (*ladder.Ladder, error) {
	l := ladder.Ladder{ID: "generated", Name: "Generated", Skills: []ladder.Skill{}, ImpliedSteps: s.Implied}
	if s.Rules != (rules.Rules{}) {
		rules := s.Rules
		l.Rules = &rules
	}
	steps := func(k int) []ShapeStep {
		if k >= 0 && k < len(s.Steps) {
			return s.Steps[k]
		}
		return nil
	}
	for k := range s.Skills {
		sk := ladder.Skill{ID: fmt.Sprintf("s%d", k), Name: fmt.Sprintf("Skill %d", k)}
		for j, st := range steps(k) {
			step := ladder.Step{ID: fmt.Sprintf("s%d-%d", k, j+1), Points: st.Points}
			for r, sr := range st.Requirements {
				req := ladder.Requirement{ID: fmt.Sprintf("%s-r%d", step.ID, r), Kind: ladder.Soft, Text: fmt.Sprintf("Requirement %d of step %s", r, step.ID), Points: sr.Points}
				if sr.Hard {
					req.Kind = ladder.Hard
				}
				step.Requirements = append(step.Requirements, req)
			}
			if len(step.Requirements) > 0 {
				sk.Steps = append(sk.Steps, step)
			}
		}
		l.Skills = append(l.Skills, sk)
	}
	tracks := map[int]bool{}
	at := func(list []int, i int) int {
		if i < len(list) {
			return list[i]
		}
		return 0
	}
	levelRule := s.Rules.Level != "" && !(rules.Rules{Level: s.Rules.Level}).Default()
	for i, reqs := range s.Levels {
		lv := ladder.Level{ID: fmt.Sprintf("l%d", i+1), Name: fmt.Sprintf("Level %d", i+1), Threshold: at(s.Thresholds, i)}
		for j, r := range reqs {
			req := ladder.Requirement{ID: fmt.Sprintf("l%d-r%d", i+1, j), Kind: ladder.Soft, Text: fmt.Sprintf("Requirement %d of level %d", j, i+1), Points: r.Points}
			if r.Hard {
				req.Kind = ladder.Hard
			}
			if r.Skill >= 0 && r.Skill < s.Skills && len(l.Skills[r.Skill].Steps) == 0 {
				req.Skill = fmt.Sprintf("s%d", r.Skill)
			}
			lv.Requirements = append(lv.Requirements, req)
		}
		if i < len(s.Profiles) {
			for k, want := range s.Profiles[i] {
				if k < s.Skills && want > 0 {
					if lv.Profile == nil {
						lv.Profile = map[string]int{}
					}
					lv.Profile[fmt.Sprintf("s%d", k)] = want
				}
			}
		}
		if t := at(s.Tracks, i); t > 0 {
			lv.Track = fmt.Sprintf("t%d", t)
			tracks[t] = true
		}
		l.Levels = append(l.Levels, lv)
	}
	shared := func(lv ladder.Level) int {
		if lv.Track == "" {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(l.Levels, func(a, b ladder.Level) int { return cmp.Compare(shared(a), shared(b)) })
	// What a profile can ask of each skill: its steps, or the highest rank
	// of the levels holding its requirements that the level's profile
	// counts (the shared ones, and its track's).
	top := map[string]map[string]int{} // by track ("" for shared), by skill
	levelTracks := make([]string, len(l.Levels))
	for i, lv := range l.Levels {
		levelTracks[i] = lv.Track
	}
	ranks := engine.TrackRanks(levelTracks)
	for i, lv := range l.Levels {
		if top[lv.Track] == nil {
			top[lv.Track] = map[string]int{}
		}
		for _, r := range lv.Requirements {
			top[lv.Track][r.Skill] = ranks[i]
		}
	}
	for i := range l.Levels {
		lv := &l.Levels[i]
		for id, want := range lv.Profile {
			k, _ := strconv.Atoi(id[1:])
			most := max(top[""][id], top[lv.Track][id])
			if n := len(l.Skills[k].Steps); n > 0 {
				most = n
			}
			if most == 0 {
				delete(lv.Profile, id)
			} else {
				lv.Profile[id] = min(want, most)
			}
		}
		if len(lv.Profile) == 0 {
			lv.Profile = nil
		}
		if len(lv.Requirements) == 0 && len(lv.Profile) == 0 && !levelRule {
			lv.Requirements = []ladder.Requirement{{ID: lv.ID + "-r0", Kind: ladder.Hard, Text: "Requirement 0 of level " + lv.ID[1:]}}
		}
	}
	for _, t := range slices.Sorted(maps.Keys(tracks)) {
		l.Tracks = append(l.Tracks, ladder.Track{ID: fmt.Sprintf("t%d", t), Name: fmt.Sprintf("Track %d", t)})
	}
	data, err := json.Marshal(&l)
	if err != nil {
		return nil, err
	}
	return ladder.Parse(data)
}

// ShapeOf returns the shape of a ladder (its rules are the ladder's rules),
// with its steps, tracks, profiles, thresholds and points.
func ShapeOf(l *ladder.Ladder) Shape {
	s := Shape{Skills: len(l.Skills), Implied: l.ImpliedSteps}
	if l.Rules != nil {
		s.Rules = *l.Rules
	}
	index := make(map[string]int, len(l.Skills))
	for k, sk := range l.Skills {
		index[sk.ID] = k
	}
	shape := func(r ladder.Requirement) ShapeRequirement {
		k, ok := index[r.Skill]
		if !ok {
			k = -1
		}
		return ShapeRequirement{Skill: k, Hard: r.Kind == ladder.Hard, Points: r.Points}
	}
	for k, sk := range l.Skills {
		if len(sk.Steps) == 0 {
			continue
		}
		if s.Steps == nil {
			s.Steps = make([][]ShapeStep, len(l.Skills))
		}
		for _, st := range sk.Steps {
			step := ShapeStep{Points: st.Points}
			for _, r := range st.Requirements {
				step.Requirements = append(step.Requirements, shape(r))
			}
			s.Steps[k] = append(s.Steps[k], step)
		}
	}
	tracks := make(map[string]int, len(l.Tracks))
	for t, tr := range l.Tracks {
		tracks[tr.ID] = t + 1
	}
	for i, lv := range l.Levels {
		var reqs []ShapeRequirement
		for _, r := range lv.Requirements {
			reqs = append(reqs, shape(r))
		}
		s.Levels = append(s.Levels, reqs)
		set := func(list *[]int, v int) {
			if v != 0 {
				for len(*list) <= i {
					*list = append(*list, 0)
				}
				(*list)[i] = v
			}
		}
		set(&s.Tracks, tracks[lv.Track])
		set(&s.Thresholds, lv.Threshold)
		for id, want := range lv.Profile {
			if k, ok := index[id]; ok {
				for len(s.Profiles) <= i {
					s.Profiles = append(s.Profiles, nil)
				}
				if s.Profiles[i] == nil {
					s.Profiles[i] = make([]int, len(l.Skills))
				}
				s.Profiles[i][k] = want
			}
		}
	}
	return s
}

// GenAnyShape generates the shapes of any ladder: those of GenShape, and
// skills with steps worth points, tracks after shared levels, levels
// decided by profiles (with no requirements of their own, at times),
// thresholds, requirements worth points, and implied steps, each in about
// half the shapes. Shapes shrink as GenShape's do, and toward none of these.
func GenAnyShape(with ...rules.Rules) gopter.Gen {
	base := GenShape(with...)
	return func(p *gopter.GenParameters) *gopter.GenResult {
		v, _ := base(p).Retrieve()
		s := v.(Shape)
		r := p.Rng
		s.Implied = r.Intn(2) == 0
		if r.Intn(2) == 0 {
			s.Steps = make([][]ShapeStep, s.Skills)
			for k := range s.Skills {
				if r.Intn(2) == 0 {
					continue
				}
				points := 0
				for range 1 + r.Intn(4) {
					points += r.Intn(4) // never fewer than the step below
					step := ShapeStep{Points: points}
					for range 1 + r.Intn(2) {
						step.Requirements = append(step.Requirements, ShapeRequirement{Skill: k, Hard: r.Intn(3) > 0})
					}
					s.Steps[k] = append(s.Steps[k], step)
				}
			}
		}
		n := len(s.Levels)
		if tracks := r.Intn(3); tracks > 0 {
			s.Tracks = make([]int, n)
			shared := r.Intn(n + 1)
			for i := shared; i < n; i++ {
				s.Tracks[i] = 1 + r.Intn(tracks)
			}
		}
		if r.Intn(2) == 0 && s.Skills > 0 {
			s.Profiles = make([][]int, n)
			for i := range n {
				if r.Intn(2) == 0 {
					continue
				}
				s.Profiles[i] = make([]int, s.Skills)
				for k := range s.Skills {
					if r.Intn(2) == 0 {
						s.Profiles[i][k] = 1 + r.Intn(4)
					}
				}
				if r.Intn(3) == 0 {
					s.Levels[i] = nil // decided by its profile alone
				}
			}
		}
		if r.Intn(2) == 0 {
			s.Thresholds = make([]int, n)
			for i := range n {
				s.Thresholds[i] = r.Intn(4 * (i + 1))
			}
			for i := range s.Levels {
				for j := range s.Levels[i] {
					if r.Intn(4) == 0 {
						s.Levels[i][j].Points = 1 + r.Intn(3)
					}
				}
			}
		}
		return gopter.NewGenResult(s, shrinkShape)
	}
}

// GenShape generates ladder shapes: 1 to 6 levels of 1 to 8 requirements
// over 0 to 4 skills, about two thirds of them hard, with the given rules
// (one of them, when several are given; the defaults when none are).
// Shapes shrink by levels, requirements and skills removed, and
// requirements moved to the general group.
func GenShape(with ...rules.Rules) gopter.Gen {
	if len(with) == 0 {
		with = []rules.Rules{{}}
	}
	return func(p *gopter.GenParameters) *gopter.GenResult {
		r := p.Rng
		s := Shape{Skills: r.Intn(5), Rules: with[r.Intn(len(with))]}
		for range 1 + r.Intn(6) {
			var reqs []ShapeRequirement
			for range 1 + r.Intn(8) {
				reqs = append(reqs, ShapeRequirement{Skill: r.Intn(s.Skills+1) - 1, Hard: r.Intn(3) > 0})
			}
			s.Levels = append(s.Levels, reqs)
		}
		return gopter.NewGenResult(s, shrinkShape)
	}
}

// shrinkShape yields smaller shapes: one level less, one requirement less,
// a requirement moved to the general group, one skill less.
func shrinkShape(v any) gopter.Shrink {
	s := v.(Shape)
	var out []Shape
	clone := func() Shape {
		c := s
		c.Levels = make([][]ShapeRequirement, len(s.Levels))
		for i := range s.Levels {
			c.Levels[i] = append([]ShapeRequirement(nil), s.Levels[i]...)
		}
		c.Tracks, c.Thresholds = slices.Clone(s.Tracks), slices.Clone(s.Thresholds)
		c.Profiles = slices.Clone(s.Profiles)
		c.Steps = slices.Clone(s.Steps)
		return c
	}
	// Toward none of the new parts, one at a time.
	if s.Implied {
		c := clone()
		c.Implied = false
		out = append(out, c)
	}
	if s.Steps != nil {
		c := clone()
		c.Steps = nil
		out = append(out, c)
	}
	if s.Tracks != nil {
		c := clone()
		c.Tracks = nil
		out = append(out, c)
	}
	if s.Profiles != nil {
		c := clone()
		c.Profiles = nil
		out = append(out, c)
	}
	if s.Thresholds != nil {
		c := clone()
		c.Thresholds = nil
		out = append(out, c)
	}
	for i := len(s.Levels) - 1; i >= 0 && len(s.Levels) > 1; i-- {
		c := clone()
		c.Levels = slices.Delete(c.Levels, i, i+1)
		if i < len(c.Tracks) {
			c.Tracks = slices.Delete(c.Tracks, i, i+1)
		}
		if i < len(c.Thresholds) {
			c.Thresholds = slices.Delete(c.Thresholds, i, i+1)
		}
		if i < len(c.Profiles) {
			c.Profiles = slices.Delete(c.Profiles, i, i+1)
		}
		out = append(out, c)
	}
	for i := range s.Levels {
		for j := len(s.Levels[i]) - 1; j >= 0 && len(s.Levels[i]) > 1; j-- {
			c := clone()
			c.Levels[i] = append(c.Levels[i][:j], c.Levels[i][j+1:]...)
			out = append(out, c)
		}
	}
	for i := range s.Levels {
		for j, r := range s.Levels[i] {
			if r.Skill >= 0 {
				c := clone()
				c.Levels[i][j].Skill = -1
				out = append(out, c)
			}
		}
	}
	if s.Skills > 0 {
		c := clone()
		c.Skills--
		for i := range c.Levels {
			for j := range c.Levels[i] {
				if c.Levels[i][j].Skill >= c.Skills {
					c.Levels[i][j].Skill = -1
				}
			}
		}
		out = append(out, c)
	}
	k := 0
	return func() (any, bool) {
		if k >= len(out) {
			return nil, false
		}
		k++
		return out[k-1], true
	}
}

// GenMarks generates n marks, mostly reached, so that levels are often
// reached and rules decide something: about 60% reached, 15% not yet, 15%
// unassessed, 10% not applicable.
func GenMarks(n int) gopter.Gen {
	status := gen.Weighted([]gen.WeightedGen{
		{Weight: 6, Gen: gen.Const(ladder.Reached)},
		{Weight: 3, Gen: gen.Const(ladder.NotYet)},
		{Weight: 3, Gen: gen.Const(ladder.Unassessed)},
		{Weight: 2, Gen: gen.Const(ladder.NotApplicable)},
	})
	return func(p *gopter.GenParameters) *gopter.GenResult {
		m := make(Marks, n)
		for i := range m {
			v, _ := status(p).Retrieve()
			m[i] = v.(ladder.Status)
		}
		return gopter.NewGenResult(m, shrinkMarks)
	}
}

// shrinkMarks shrinks marks toward fewer of them: it unassesses halves,
// then quarters... then single marks.
func shrinkMarks(v any) gopter.Shrink {
	m := v.(Marks)
	var set []int
	for i, s := range m {
		if !unassessed(s) {
			set = append(set, i)
		}
	}
	size := len(set)
	start := 0
	return func() (any, bool) {
		for size > 0 {
			if start < len(set) {
				out := append(Marks(nil), m...)
				for _, i := range set[start:min(start+size, len(set))] {
					out[i] = ladder.Unassessed
				}
				start += size
				return out, true
			}
			size /= 2
			start = 0
		}
		return nil, false
	}
}

// Assessment builds the assessment of a ladder that the marks describe.
// Marks beyond the ladder's requirements and levels are ignored; missing
// ones are unassessed.
func (m Marks) Assessment(l *ladder.Ladder) *ladder.Assessment {
	a := &ladder.Assessment{Ladder: l.ID, Subject: "generated", Marks: map[string]ladder.Mark{}}
	k := 0
	at := func() ladder.Status {
		defer func() { k++ }()
		if k < len(m) {
			return m[k]
		}
		return ladder.Unassessed
	}
	for _, lv := range l.Levels {
		for _, r := range lv.Requirements {
			if s := at(); !unassessed(s) {
				a.Marks[r.ID] = ladder.Mark{Status: s}
			}
		}
	}
	for _, field := range []string{"reach", "description"} {
		for _, lv := range l.Levels {
			s := at()
			if unassessed(s) {
				continue
			}
			if a.Levels == nil {
				a.Levels = map[string]ladder.LevelMarks{}
			}
			lm := a.Levels[lv.ID]
			mark := &ladder.Mark{Status: s}
			if field == "reach" {
				lm.Reach = mark
			} else {
				lm.Description = mark
			}
			a.Levels[lv.ID] = lm
		}
	}
	for _, r := range stepRequirements(l) {
		if s := at(); !unassessed(s) {
			a.Marks[r.ID] = ladder.Mark{Status: s}
		}
	}
	return a
}

// stepRequirements lists the requirements of the skills' steps, in order.
func stepRequirements(l *ladder.Ladder) []ladder.Requirement {
	var out []ladder.Requirement
	for _, s := range l.Skills {
		for _, st := range s.Steps {
			out = append(out, st.Requirements...)
		}
	}
	return out
}

// slots is the number of marks an assessment of l has: one per
// requirement, and two per level.
func slots(l *ladder.Ladder) int {
	n := 2 * len(l.Levels)
	for _, lv := range l.Levels {
		n += len(lv.Requirements)
	}
	return n + len(stepRequirements(l))
}

// slotName names the mark at index k of Marks for a ladder: a requirement
// ID, or a level's reach or description.
func slotName(l *ladder.Ladder, k int) string {
	for _, lv := range l.Levels {
		if k < len(lv.Requirements) {
			return lv.Requirements[k].ID
		}
		k -= len(lv.Requirements)
	}
	field := "reach"
	if k >= 2*len(l.Levels) {
		return stepRequirements(l)[k-2*len(l.Levels)].ID
	}
	if k >= len(l.Levels) {
		field, k = "description", k-len(l.Levels)
	}
	return fmt.Sprintf("the %s of level %s", field, l.Levels[k].ID)
}

// Case is a generated ladder and marks for it.
type Case struct {
	Shape Shape // the ladder
	Marks Marks // the assessment, in the order of Marks
}

// String shows the case compactly, for gopter's reports.
func (c Case) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d skills;", c.Shape.Skills)
	for i, reqs := range c.Shape.Levels {
		fmt.Fprintf(&b, " level %d [", i+1)
		for j, r := range reqs {
			if j > 0 {
				b.WriteByte(' ')
			}
			kind := "s"
			if r.Hard {
				kind = "h"
			}
			if r.Skill < 0 {
				fmt.Fprintf(&b, "%s:*", kind)
			} else {
				fmt.Fprintf(&b, "%s:%d", kind, r.Skill)
			}
		}
		b.WriteByte(']')
	}
	if c.Shape.Rules != (rules.Rules{}) {
		fmt.Fprintf(&b, "; rules %+v", c.Shape.Rules)
	}
	// The marks the shape uses: one per requirement, two per level, and
	// one per requirement of a step.
	n := 2 * len(c.Shape.Levels)
	for _, reqs := range c.Shape.Levels {
		n += len(reqs)
	}
	for k, steps := range c.Shape.Steps {
		if len(steps) > 0 {
			fmt.Fprintf(&b, "; skill %d steps", k)
		}
		for _, st := range steps {
			fmt.Fprintf(&b, " [%d points, %d requirements]", st.Points, len(st.Requirements))
			n += len(st.Requirements)
		}
	}
	if c.Shape.Tracks != nil {
		fmt.Fprintf(&b, "; tracks %v", c.Shape.Tracks)
	}
	if c.Shape.Profiles != nil {
		fmt.Fprintf(&b, "; profiles %v", c.Shape.Profiles)
	}
	if c.Shape.Thresholds != nil {
		fmt.Fprintf(&b, "; thresholds %v", c.Shape.Thresholds)
	}
	if c.Shape.Implied {
		b.WriteString("; implied steps")
	}
	fmt.Fprintf(&b, "; marks %v", []ladder.Status(c.Marks[:min(n, len(c.Marks))]))
	return b.String()
}

// maxSlots bounds the marks a generated case holds: 6 levels of at most 8
// requirements, and two marks per level.
const maxSlots = 6*8 + 2*6

// GenCase generates a ladder shape (with one of the given rules) and marks
// for it, shrinking both.
func GenCase(with ...rules.Rules) gopter.Gen {
	return gopter.DeriveGen(
		func(s Shape, m Marks) Case { return Case{s, m} },
		func(c Case) (Shape, Marks) { return c.Shape, c.Marks },
		GenShape(with...),
		GenMarks(maxSlots),
	)
}

// maxAnySlots bounds the marks of a case of GenAnyCase: those of GenCase,
// and the requirements of 4 skills of 4 steps of 2 requirements.
const maxAnySlots = maxSlots + 4*4*2

// GenAnyCase generates the shape of any ladder (see GenAnyShape, with one
// of the given rules) and marks for it, shrinking both.
func GenAnyCase(with ...rules.Rules) gopter.Gen {
	return gopter.DeriveGen(
		func(s Shape, m Marks) Case { return Case{s, m} },
		func(c Case) (Shape, Marks) { return c.Shape, c.Marks },
		GenAnyShape(with...),
		GenMarks(maxAnySlots),
	)
}

// GenLadder generates parsed ladders of random shapes with the given rules
// (the defaults when none are given). Use GenShape and Shape.Ladder where
// shrinking matters: a generated *Ladder cannot be shrunk.
func GenLadder(with ...rules.Rules) gopter.Gen {
	return func(p *gopter.GenParameters) *gopter.GenResult {
		s, ok := GenShape(with...)(p).Retrieve()
		if !ok {
			return gopter.NewEmptyResult(reflect.TypeOf(&ladder.Ladder{}))
		}
		l, err := s.(Shape).Ladder()
		if err != nil {
			panic("laddertest: generated ladder does not parse: " + err.Error())
		}
		return gopter.NewGenResult(l, gopter.NoShrinker)
	}
}

// GenAssessment generates assessments of a ladder, shrinking toward fewer
// marks.
func GenAssessment(l *ladder.Ladder) gopter.Gen {
	return gopter.DeriveGen(
		func(m Marks) *ladder.Assessment { return m.Assessment(l) },
		func(a *ladder.Assessment) Marks { return marksOf(l, a) },
		GenMarks(slots(l)),
	)
}

// marksOf returns the marks of an assessment of l.
func marksOf(l *ladder.Ladder, a *ladder.Assessment) Marks {
	var m Marks
	status := func(mark *ladder.Mark) ladder.Status {
		if mark == nil {
			return ladder.Unassessed
		}
		return mark.Status
	}
	for _, lv := range l.Levels {
		for _, r := range lv.Requirements {
			if mark, ok := a.Marks[r.ID]; ok {
				m = append(m, status(&mark))
			} else {
				m = append(m, ladder.Unassessed)
			}
		}
	}
	for _, lv := range l.Levels {
		m = append(m, status(a.Levels[lv.ID].Reach))
	}
	for _, lv := range l.Levels {
		m = append(m, status(a.Levels[lv.ID].Description))
	}
	for _, r := range stepRequirements(l) {
		if mark, ok := a.Marks[r.ID]; ok {
			m = append(m, status(&mark))
		} else {
			m = append(m, ladder.Unassessed)
		}
	}
	return m
}
