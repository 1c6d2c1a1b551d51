package laddertest

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/internal/engine"
)

// Counterexample shows a ladder's rules failing to behave like levels:
// marking one more requirement (or a level's reach or description) reached
// loses a skill at a level, or a level.
type Counterexample struct {
	// Before and After are the assessments before and after the change.
	Before, After *ladder.Assessment
	// Changed names what was marked reached: a requirement ID, or "the
	// reach of level ID" or "the description of level ID".
	Changed string
	// Was is the status it had before: ladder.NotYet or ladder.Unassessed.
	Was ladder.Status
	// Level is the ID of the level where a skill, or the level itself, is
	// lost, or of the step lost of a skill with steps.
	Level string
	// SkillLost reports that a skill is lost at Level: the skill rule is at
	// fault. Skill is its ID, "" for the level's requirements without a
	// skill. When no skill is lost, only the level, the level rule is at
	// fault.
	SkillLost bool
	Skill     string
	// LevelLost reports that the level itself is lost.
	LevelLost bool
	// RankBefore and RankAfter are the ranks of Before and After. Where the
	// levels below Level can be reached, they are, and the rank drops;
	// where they cannot, the ranks may be equal, and the lost skill or level
	// shows the fault.
	RankBefore, RankAfter int
	// PointsBefore and PointsAfter are the points of Before and After: a
	// rule that reads points can lose a level as they grow.
	PointsBefore, PointsAfter int
	// Seed is the seed of the search that found it.
	Seed int64

	skillName string // the name of the skill lost, for String

	slot  int      // the index in Marks of what was changed
	marks []string // Before's marks, one a line, in the ladder's order
}

// String describes the counterexample: what was marked, what was lost, and
// the marks of Before, one a line.
func (c *Counterexample) String() string {
	before := "before: no marks"
	if len(c.marks) > 0 {
		before = "before:\n  " + strings.Join(c.marks, "\n  ")
	}
	lost := fmt.Sprintf("level %q", c.Level)
	switch {
	case c.SkillLost && c.LevelLost:
		lost = fmt.Sprintf("skill %q at level %q, and the level", c.skillName, c.Level)
	case c.SkillLost:
		lost = fmt.Sprintf("skill %q at level %q", c.skillName, c.Level)
	}
	points := ""
	if c.PointsBefore != c.PointsAfter {
		points = fmt.Sprintf(" (the points go from %d to %d)", c.PointsBefore, c.PointsAfter)
	}
	return fmt.Sprintf("marking %s reached (it was %s) loses %s%s: the rank goes from %d to %d\n%s\nafter: the same, with %s reached",
		c.Changed, c.Was, lost, points, c.RankBefore, c.RankAfter, before, c.Changed)
}

// markLines lists the marks of m that are not unassessed, one a line, in
// the order of the ladder.
func markLines(l *ladder.Ladder, m Marks) []string {
	var out []string
	for k, s := range m {
		if !unassessed(s) {
			out = append(out, slotName(l, k)+": "+string(s))
		}
	}
	return out
}

// Search sets how FindNonMonotone searches.
type Search struct {
	// Tests is the number of generated assessments to try; 0 means 200.
	Tests int
	// Seed seeds the search; 0 means the environment variable
	// LADDERTEST_SEED, or else the clock.
	Seed int64
}

func (s Search) params() *gopter.TestParameters {
	seed := s.Seed
	if seed == 0 {
		if v, err := strconv.ParseInt(os.Getenv("LADDERTEST_SEED"), 10, 64); err == nil {
			seed = v
		} else {
			seed = time.Now().UnixNano()
		}
	}
	p := gopter.DefaultTestParametersWithSeed(seed)
	p.MinSuccessfulTests = s.Tests
	if p.MinSuccessfulTests == 0 {
		p.MinSuccessfulTests = 200
	}
	return p
}

// FindNonMonotone searches for an assessment where reaching more loses a
// skill or a level of l: for each generated assessment, it marks each
// requirement and level mark that is not yet or unassessed reached, one at a
// time, and checks that every skill and level reached before still is. A
// lost level means the rank can drop; a lost skill, that it can where the
// level rule counts the skill. It returns the first counterexample found, shrunk by
// gopter to few marks, or nil when none was found. It returns an error when
// evaluating fails (a rule that fails as it runs).
func (s Search) FindNonMonotone(l *ladder.Ladder) (*Counterexample, error) {
	params := s.params()
	f, err := newFlipper(l)
	if err != nil {
		return nil, err
	}
	var runErr error
	check := prop.ForAll(func(m Marks) bool {
		k, err := f.firstLoss(m)
		if err != nil {
			runErr = err
			return false
		}
		return k < 0
	}, GenMarks(slots(l)))
	result := check.Check(params)
	if runErr != nil {
		return nil, runErr
	}
	if result.Passed() {
		return nil, nil
	}
	if result.Error != nil {
		return nil, result.Error
	}
	m, ok := result.Args[0].Arg.(Marks)
	if !ok {
		return nil, fmt.Errorf("laddertest: the search failed: %v", result.Status)
	}
	c, err := violation(l, m)
	if err != nil || c == nil {
		return nil, fmt.Errorf("laddertest: the shrunk counterexample does not fail again: %v", err)
	}
	c.Seed = params.Seed()
	c, m, err = complete(l, m, c)
	if err != nil {
		return nil, err
	}
	return minimize(l, m, c)
}

// minimize drops the marks of a counterexample that it does not need: each
// mark whose absence leaves the same loss (and the same drop of rank) is
// made unassessed, until none can be.
func minimize(l *ladder.Ladder, m Marks, c *Counterexample) (*Counterexample, error) {
	m = append(Marks(nil), m...)
	for changed := true; changed; {
		changed = false
		for k, s := range m {
			if unassessed(s) || k == c.slot {
				continue
			}
			m[k] = ladder.Unassessed
			c2, err := violationAt(l, m, c.slot)
			if err != nil {
				return nil, err
			}
			if c2 != nil && c2.Level == c.Level && c2.SkillLost == c.SkillLost && c2.Skill == c.Skill &&
				c2.LevelLost == c.LevelLost && (c.RankBefore <= c.RankAfter || c2.RankBefore > c2.RankAfter) {
				c2.Seed = c.Seed
				c, changed = c2, true
				continue
			}
			m[k] = s
		}
	}
	return c, nil
}

// FindNonMonotone searches with the default Search.
func FindNonMonotone(l *ladder.Ladder) (*Counterexample, error) {
	return Search{}.FindNonMonotone(l)
}

// CheckMonotone checks with gopter that reaching more never loses a level
// of l, so never lowers the rank (see Search.FindNonMonotone), and fails the
// test with a shrunk counterexample when it can. The default rules pass;
// a rule such as count(soft, .reached) == 1 fails. Set LADDERTEST_SEED to
// replay a search.
func CheckMonotone(t testing.TB, l *ladder.Ladder) {
	t.Helper()
	c, err := FindNonMonotone(l)
	if err != nil {
		t.Fatalf("CheckMonotone: %v", err)
	}
	if c != nil {
		t.Errorf("the rules of ladder %q are not monotone: %s (LADDERTEST_SEED=%d replays the search)", l.ID, c, c.Seed)
	}
}

// flipper finds the marks whose flip to reached loses a skill or a level,
// deciding again only the level of the mark flipped: the search costs time
// linear in the size of the ladder, not quadratic. Where levels depend on
// each other, it decides each flip whole, and bounds the flips it tries
// (see firstLossCross).
type flipper struct {
	plan    *engine.Plan
	levelOf []int // the index of the level of each slot
	nreq    int   // the number of requirements: the slots of level marks follow
	levels  int
}

func newFlipper(l *ladder.Ladder) (*flipper, error) {
	plan, err := planOf(l)
	if err != nil {
		return nil, err
	}
	f := &flipper{plan: plan, levels: len(l.Levels)}
	for i, lv := range l.Levels {
		for range lv.Requirements {
			f.levelOf = append(f.levelOf, i)
		}
	}
	f.nreq = len(f.levelOf)
	for range 2 {
		for i := range l.Levels {
			f.levelOf = append(f.levelOf, i)
		}
	}
	// The requirements of the skills' steps are in no level: their flips
	// are decided whole (see firstLossCross), as the plan numbers them
	// after the levels' requirements.
	for range stepRequirements(l) {
		f.levelOf = append(f.levelOf, -1)
	}
	return f, nil
}

// set puts the status of slot k into the input. The statuses of generated
// marks are numbered as those of the engine.
func (f *flipper) set(in *engine.Input, k int, s ladder.Status) error {
	if s == "" {
		s = ladder.Unassessed
	}
	status, ok := engine.StatusOf(string(s))
	if !ok {
		return fmt.Errorf("laddertest: mark %d has status %q", k, s)
	}
	m := engine.Mark{Status: status}
	switch {
	case k < f.nreq:
		in.Marks[k] = m
	case k < f.nreq+f.levels:
		in.Reach[k-f.nreq] = m
	case k < f.nreq+2*f.levels:
		in.Description[k-f.nreq-f.levels] = m
	default:
		in.Marks[k-2*f.levels] = m
	}
	return nil
}

// firstLoss returns the first slot of m whose flip to reached loses a skill
// or a level, or -1, as violation would find it.
func (f *flipper) firstLoss(m Marks) (int, error) {
	in := f.plan.Input()
	defer f.plan.Release(in)
	for k := range f.levelOf {
		s := ladder.Unassessed
		if k < len(m) {
			s = m[k]
		}
		if err := f.set(in, k, s); err != nil {
			return 0, err
		}
	}
	if err := f.plan.Decide(in); err != nil {
		return 0, err
	}
	if f.plan.Cross() {
		return f.firstLossCross(in, m)
	}
	groups, levels := slices.Clone(in.Groups), slices.Clone(in.Levels)
	for k := range f.levelOf {
		was := ladder.Unassessed // as the slots past m are
		if k < len(m) {
			was = m[k]
		}
		if was != ladder.NotYet && !unassessed(was) {
			continue
		}
		i := f.levelOf[k]
		f.set(in, k, ladder.Reached) // a status it knows
		err := f.plan.DecideLevel(in, i)
		from, to := f.plan.GroupStart(i), f.plan.GroupStart(i+1)
		lost := levels[i] && !in.Levels[i]
		for g := from; g < to; g++ {
			lost = lost || groups[g] && !in.Groups[g]
		}
		f.set(in, k, was)
		copy(in.Groups[from:to], groups[from:to])
		in.Levels[i] = levels[i]
		if err != nil {
			return 0, err
		}
		if lost {
			return k, nil
		}
	}
	return -1, nil
}

// maxCrossFlips bounds the flips tried on one generated assessment of a
// ladder whose levels depend on each other: each flip is decided whole, in
// time linear in the ladder, so that trying them all would take time
// quadratic in it.
const maxCrossFlips = 256

// firstLossCross is firstLoss for a plan whose levels depend on each other
// (steps, profiles, implied steps, points): each flip is decided whole, and
// may lose a skill, a step or a level anywhere. On a ladder of more than
// maxCrossFlips marks it tries every stride-th, from an offset that depends
// on the marks: other assessments of the search try the others.
func (f *flipper) firstLossCross(in *engine.Input, m Marks) (int, error) {
	groups, levels, steps := slices.Clone(in.Groups), slices.Clone(in.Levels), slices.Clone(in.Steps)
	lost := func(before, after []bool) bool {
		for i := range before {
			if before[i] && !after[i] {
				return true
			}
		}
		return false
	}
	stride, offset := 1, 0
	if n := len(f.levelOf); n > maxCrossFlips {
		stride = (n + maxCrossFlips - 1) / maxCrossFlips
		h := fnv.New64a()
		for _, s := range m {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
		offset = int(h.Sum64() % uint64(stride))
	}
	for k := offset; k < len(f.levelOf); k += stride {
		was := ladder.Unassessed
		if k < len(m) {
			was = m[k]
		}
		if was != ladder.NotYet && !unassessed(was) {
			continue
		}
		f.set(in, k, ladder.Reached)
		err := f.plan.Decide(in)
		loss := err == nil && (lost(groups, in.Groups) || lost(levels, in.Levels) || lost(steps, in.Steps))
		f.set(in, k, was)
		if err != nil {
			return 0, err
		}
		if loss {
			return k, nil
		}
	}
	return -1, nil
}

// violation evaluates the marks, then each one-step increase of them, and
// returns the first that loses a level.
func violation(l *ladder.Ladder, m Marks) (*Counterexample, error) {
	return violationAt(l, m, -1)
}

// violationAt is violation, trying only the slot given (all when it is -1).
func violationAt(l *ladder.Ladder, m Marks, slot int) (*Counterexample, error) {
	m = append(Marks(nil), m...)
	for len(m) < slots(l) {
		m = append(m, ladder.Unassessed)
	}
	m = m[:slots(l)]
	before := m.Assessment(l)
	res, err := l.Evaluate(before)
	if err != nil {
		return nil, err
	}
	for k, s := range m {
		if s != ladder.NotYet && !unassessed(s) || slot >= 0 && k != slot {
			continue
		}
		m[k] = ladder.Reached
		after := m.Assessment(l)
		m[k] = s
		res2, err := l.Evaluate(after)
		if err != nil {
			return nil, err
		}
		for i := range res.Skills {
			for j, st := range res.Skills[i].Steps {
				if !st.Group.Reached || res2.Skills[i].Steps[j].Group.Reached {
					continue
				}
				return &Counterexample{
					Before: before, After: after,
					Changed: slotName(l, k), Was: cmp.Or(s, ladder.Unassessed),
					Level: st.ID, SkillLost: true, Skill: res.Skills[i].ID, skillName: res.Skills[i].Name,
					RankBefore: res.Rank, RankAfter: res2.Rank,
					PointsBefore: res.Points, PointsAfter: res2.Points,
					slot: k, marks: markLines(l, m),
				}, nil
			}
		}
		for i := range res.Levels {
			var lost *ladder.GroupResult
			for g, group := range res.Levels[i].Groups {
				if group.Reached && !res2.Levels[i].Groups[g].Reached {
					lost = &res.Levels[i].Groups[g]
					break
				}
			}
			levelLost := res.Levels[i].Reached && !res2.Levels[i].Reached
			if lost == nil && !levelLost {
				continue
			}
			skill, name := "", ""
			if lost != nil {
				skill, name = lost.Skill, lost.Name
			}
			return &Counterexample{
				Before: before, After: after,
				Changed: slotName(l, k), Was: cmp.Or(s, ladder.Unassessed),
				Level: res.Levels[i].ID, LevelLost: levelLost,
				SkillLost: lost != nil, Skill: skill, skillName: name,
				RankBefore: res.Rank, RankAfter: res2.Rank,
				PointsBefore: res.Points, PointsAfter: res2.Points,
				slot: k, marks: markLines(l, m),
			}, nil
		}
	}
	return nil, nil
}

// complete turns a counterexample that loses a skill or level into one that
// lowers the rank where it can. It gives each level below the lost one marks
// that reach it and, when a skill was lost, the other skills of its level
// marks that reach them, trying, with every hard requirement reached, all
// soft requirements reached, none, or one per skill, and the level's reach
// and description reached or unassessed. It keeps the result if it still
// fails, now with a drop of rank.
func complete(l *ladder.Ladder, m Marks, c *Counterexample) (*Counterexample, Marks, error) {
	if c.RankBefore > c.RankAfter {
		return c, m, nil
	}
	full := append(Marks(nil), m...)
	for len(full) < slots(l) {
		full = append(full, ladder.Unassessed)
	}
	n := len(l.Levels)
	// start[i] is the slot of level i's first requirement.
	start := make([]int, n+1)
	for i, lv := range l.Levels {
		start[i+1] = start[i] + len(lv.Requirements)
	}
	// A requirement's group: its skill's ID, "" for none or one the ladder
	// does not have.
	known := map[string]bool{}
	for _, s := range l.Skills {
		known[s.ID] = true
	}
	group := func(r ladder.Requirement) string {
		if known[r.Skill] {
			return r.Skill
		}
		return ""
	}
	target := indexOf(l, c.Level)
	if target < 0 {
		return c, m, nil // a step of a skill: nothing below to fill
	}
	// fill gives level i's slots, except those of the lost skill and the
	// slot changed, marks by a strategy.
	fill := func(i int, soft string, marks ladder.Status) {
		seen := map[string]bool{}
		for j, r := range l.Levels[i].Requirements {
			k := start[i] + j
			if i == target && (c.SkillLost && group(r) == c.Skill || k == c.slot) {
				continue
			}
			switch {
			case r.Kind == ladder.Hard || soft == "all":
				full[k] = ladder.Reached
			case soft == "one" && !seen[r.Skill]:
				full[k], seen[r.Skill] = ladder.Reached, true
			default:
				full[k] = ladder.Unassessed
			}
		}
		for _, k := range []int{start[n] + i, start[n] + n + i} {
			if k != c.slot {
				full[k] = marks
			}
		}
	}
	strategies := func(yield func(string, ladder.Status) bool) {
		for _, soft := range []string{"all", "none", "one"} {
			for _, marks := range []ladder.Status{ladder.Reached, ladder.Unassessed} {
				if !yield(soft, marks) {
					return
				}
			}
		}
	}
	for i := range target {
		reached := false
		for soft, marks := range strategies {
			fill(i, soft, marks)
			res, err := l.Evaluate(full.Assessment(l))
			if err != nil {
				return c, m, err
			}
			if reached = res.Levels[i].Reached; reached {
				break
			}
		}
		if !reached {
			return c, m, nil // level i cannot be reached this way: keep c
		}
	}
	try := func() (*Counterexample, error) {
		c2, err := violationAt(l, full, c.slot)
		if err != nil || c2 == nil || c2.RankBefore <= c2.RankAfter {
			return nil, err
		}
		c2.Seed = c.Seed
		return c2, nil
	}
	if !c.SkillLost {
		if c2, err := try(); c2 != nil || err != nil {
			return c2, full, err
		}
		return c, m, nil
	}
	for soft, marks := range strategies {
		fill(target, soft, marks)
		if c2, err := try(); c2 != nil || err != nil {
			return c2, full, err
		}
	}
	return c, m, nil
}

func indexOf(l *ladder.Ladder, id string) int {
	for i, lv := range l.Levels {
		if lv.ID == id {
			return i
		}
	}
	return -1
}
