package ladder_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/laddertest"
	"github.com/ladderkit/ladder/rules"
	"github.com/ladderkit/ladder/schema"
)

// The level logic, proven on generated ladders and assessments. Each
// property runs propertyTests cases (LADDER_PROPERTY_TESTS overrides it);
// LADDER_PROPERTY_SEED replays a run, whose seed a failure prints.

const propertyTests = 1000

func properties(t *testing.T) *gopter.Properties {
	seed := time.Now().UnixNano()
	if v, err := strconv.ParseInt(os.Getenv("LADDER_PROPERTY_SEED"), 10, 64); err == nil {
		seed = v
	}
	params := gopter.DefaultTestParametersWithSeed(seed)
	params.MinSuccessfulTests = propertyTests
	if v, err := strconv.Atoi(os.Getenv("LADDER_PROPERTY_TESTS")); err == nil {
		params.MinSuccessfulTests = v
	}
	t.Logf("seed %d (LADDER_PROPERTY_SEED=%d replays it), %d cases a property", seed, seed, params.MinSuccessfulTests)
	return gopter.NewProperties(params)
}

// monotoneRules are the default rules and the rules of docs/rules.md meant
// to be monotone.
var monotoneRules = []rules.Rules{
	{},
	{Skill: "all(hard, .reached) and share(soft) >= 0.5"},
	{Skill: "all(hard, .reached) and none(soft, .status == 'not_yet')"},
	{Level: "missing(skills) <= 1"},
	{Skill: "level.rank >= 3 ? missing(hard) <= 1 : all(hard, .reached)"},
	{Level: "all(skills, .reached) and reachMark.status != 'not_yet'"},
	{Skill: "missing(hard) <= 1"},
}

// build makes the ladder and the assessment of a generated case.
func build(t *testing.T, c laddertest.Case) (*ladder.Ladder, *ladder.Assessment, *ladder.Result) {
	l, err := c.Shape.Ladder()
	if err != nil {
		t.Fatalf("generated ladder %v does not parse: %v", c, err)
	}
	a := c.Marks.Assessment(l)
	res, err := l.Evaluate(a)
	if err != nil {
		t.Fatalf("Evaluate(%v) failed: %v", c, err)
	}
	return l, a, res
}

func rank(t *testing.T, l *ladder.Ladder, a *ladder.Assessment) *ladder.Result {
	res, err := l.Evaluate(a)
	if err != nil {
		t.Fatalf("Evaluate failed: %v", err)
	}
	return res
}

// reparse marshals a ladder, changed, and parses it back.
func reparse(t *testing.T, l *ladder.Ladder) (*ladder.Ladder, error) {
	data, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	return ladder.Parse(data)
}

// clone returns a deep copy of a parsed ladder's document.
func clone(t *testing.T, l *ladder.Ladder) ladder.Ladder {
	data, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	var c ladder.Ladder
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLevelProperties(t *testing.T) {
	p := properties(t)

	// 1. Turning any not_yet or unassessed mark into reached never lowers
	// the rank, under the default rules and every monotone rule of the
	// guide. Nor does it lose a skill or a level, which is stronger: the
	// rank drops only where the levels below can be reached.
	p.Property("monotone in evidence", prop.ForAll(func(c laddertest.Case) bool {
		l, _, res := build(t, c)
		m := slices.Clone(c.Marks)
		for k, s := range m {
			if s != ladder.NotYet && s != ladder.Unassessed {
				continue
			}
			m[k] = ladder.Reached
			after := rank(t, l, m.Assessment(l))
			m[k] = s
			if after.Rank < res.Rank {
				t.Logf("marking slot %d reached lowers the rank from %d to %d", k, res.Rank, after.Rank)
				return false
			}
			for i, lv := range res.Levels {
				if lv.Reached && !after.Levels[i].Reached {
					t.Logf("marking slot %d reached loses level %s", k, lv.ID)
					return false
				}
				for g, group := range lv.Groups {
					if group.Reached && !after.Levels[i].Groups[g].Reached {
						t.Logf("marking slot %d reached loses skill %q at level %s", k, group.Name, lv.ID)
						return false
					}
				}
			}
		}
		return true
	}, laddertest.GenCase(monotoneRules...)))

	// 2. Rank r means levels 1..r are reached, and level r+1 is not (or r
	// is the top).
	p.Property("no gaps", prop.ForAll(func(c laddertest.Case) bool {
		_, _, res := build(t, c)
		for i, lv := range res.Levels {
			if i < res.Rank && !lv.Reached || i == res.Rank && lv.Reached {
				return false
			}
		}
		return true
	}, laddertest.GenCase(monotoneRules...)))

	// 3. 0 <= rank <= the number of levels.
	p.Property("bounds", prop.ForAll(func(c laddertest.Case) bool {
		_, _, res := build(t, c)
		return res.Rank >= 0 && res.Rank <= len(res.Levels) && len(res.Levels) == len(c.Shape.Levels)
	}, laddertest.GenCase(monotoneRules...)))

	// 4. Shuffling the requirements within each level, the skills (and so
	// the groups), or the marks of the document gives the same result, up
	// to the order of groups and of the IDs listed.
	p.Property("order does not matter", prop.ForAll(func(c laddertest.Case, seed uint64) bool {
		l, a, res := build(t, c)
		r := rand.New(rand.NewPCG(seed, 1))
		doc := clone(t, l)
		for i := range doc.Levels {
			reqs := doc.Levels[i].Requirements
			r.Shuffle(len(reqs), func(x, y int) { reqs[x], reqs[y] = reqs[y], reqs[x] })
		}
		r.Shuffle(len(doc.Skills), func(x, y int) { doc.Skills[x], doc.Skills[y] = doc.Skills[y], doc.Skills[x] })
		shuffled, err := reparse(t, &doc)
		if err != nil {
			t.Fatal(err)
		}
		if !sameUpToOrder(res, rank(t, shuffled, a)) {
			return false
		}
		// The marks, written in another order in the document.
		b, err := ladder.ParseAssessment(shuffledMarks(t, a, r))
		if err != nil {
			t.Fatal(err)
		}
		return reflect.DeepEqual(res, rank(t, l, b))
	}, laddertest.GenCase(monotoneRules...), gen.UInt64()))

	// 5. Adding a hard requirement to a level, or raising a soft one to
	// hard, never raises the rank (default rules).
	p.Property("more requirements never raise the rank", prop.ForAll(func(c laddertest.Case, pick uint64, status ladder.Status) bool {
		l, a, res := build(t, c)
		doc := clone(t, l)
		r := rand.New(rand.NewPCG(pick, 2))
		lv := &doc.Levels[r.IntN(len(doc.Levels))]
		var softs []int
		for j, req := range lv.Requirements {
			if req.Kind == ladder.Soft {
				softs = append(softs, j)
			}
		}
		b := *a
		b.Marks = maps(a.Marks)
		if len(softs) > 0 && r.IntN(2) == 0 {
			lv.Requirements[softs[r.IntN(len(softs))]].Kind = ladder.Hard
		} else {
			req := ladder.Requirement{ID: lv.ID + "-added", Kind: ladder.Hard, Text: "Added"}
			if len(doc.Skills) > 0 && r.IntN(3) > 0 {
				req.Skill = doc.Skills[r.IntN(len(doc.Skills))].ID
			}
			lv.Requirements = append(lv.Requirements, req)
			if status != ladder.Unassessed {
				b.Marks[req.ID] = ladder.Mark{Status: status}
			}
		}
		more, err := reparse(t, &doc)
		if err != nil {
			t.Fatal(err)
		}
		return rank(t, more, &b).Rank <= res.Rank
	}, laddertest.GenCase(), gen.UInt64(), gen.OneConstOf(ladder.Unassessed, ladder.Reached, ladder.NotYet, ladder.NotApplicable)))

	// 6. A requirement marked not_applicable counts as if the level did
	// not have it.
	p.Property("not_applicable is as if absent", prop.ForAll(func(c laddertest.Case) bool {
		l, a, res := build(t, c)
		doc := clone(t, l)
		b := *a
		b.Marks = maps(a.Marks)
		removed := 0
		for i := range doc.Levels {
			kept := doc.Levels[i].Requirements[:0]
			for _, req := range doc.Levels[i].Requirements {
				if a.Marks[req.ID].Status == ladder.NotApplicable {
					delete(b.Marks, req.ID)
					removed++
					continue
				}
				kept = append(kept, req)
			}
			if len(kept) == 0 {
				return true // a level needs a requirement: nothing to compare
			}
			doc.Levels[i].Requirements = kept
		}
		without, err := reparse(t, &doc)
		if err != nil {
			t.Fatal(err)
		}
		res2 := rank(t, without, &b)
		if res2.Rank != res.Rank {
			return false
		}
		for i := range res.Levels {
			if res.Levels[i].Reached != res2.Levels[i].Reached {
				return false
			}
		}
		return true
	}, laddertest.GenCase(monotoneRules...)))

	// 7. Parse(Marshal(ladder)) and ParseAssessment(Marshal(assessment))
	// give back what was marshalled, which passes its schema; so does
	// Unmarshal(Marshal(result)).
	p.Property("round trip", prop.ForAll(func(c laddertest.Case) bool {
		l, a, res := build(t, c)
		rdata, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Result().Validate(rdata); err != nil {
			t.Logf("%s: %v", rdata, err)
			return false
		}
		var res2 ladder.Result
		if err := json.Unmarshal(rdata, &res2); err != nil || !reflect.DeepEqual(&res2, res) {
			t.Logf("%s: read back as %+v (%v)", rdata, res2, err)
			return false
		}
		data, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Ladder().Validate(data); err != nil {
			t.Logf("%s: %v", data, err)
			return false
		}
		l2, err := ladder.Parse(data)
		if err != nil {
			t.Logf("%s: %v", data, err)
			return false
		}
		data2, _ := json.Marshal(l2)
		adata, _ := json.Marshal(a)
		if err := schema.Assessment().Validate(adata); err != nil {
			t.Logf("%s: %v", adata, err)
			return false
		}
		a2, err := ladder.ParseAssessment(adata)
		if err != nil {
			t.Logf("%s: %v", adata, err)
			return false
		}
		adata2, _ := json.Marshal(a2)
		return string(data) == string(data2) && string(adata) == string(adata2) &&
			reflect.DeepEqual(laddertest.ShapeOf(l), laddertest.ShapeOf(l2)) &&
			reflect.DeepEqual(a.Marks, a2.Marks) && reflect.DeepEqual(a.Levels, a2.Levels)
	}, laddertest.GenCase(monotoneRules...)))

	// 8. The plain Go path of the default rules and the expression path
	// give the same results.
	p.Property("plain and expression paths agree", prop.ForAll(func(c laddertest.Case) bool {
		l, a, res := build(t, c)
		doc := clone(t, l)
		doc.Rules = &rules.Rules{Skill: "(all(hard, .reached))", Level: "(all(skills, .reached))"}
		expr, err := reparse(t, &doc)
		if err != nil {
			t.Fatal(err)
		}
		res2 := rank(t, expr, a)
		return reflect.DeepEqual(res, res2)
	}, laddertest.GenCase()))

	p.TestingRun(t)
}

// anyRules are monotone rules that read what the shapes of "any ladder"
// add: points, thresholds and skill levels.
var anyRules = []rules.Rules{
	{},
	{Level: "all(skills, .reached) and points >= level.threshold"},
	{Level: "points >= level.threshold"},
	{Level: "all(skills, .reached) and count(skillLevels, .level >= 1) >= len(skillLevels) / 2"},
	{Skill: "missing(hard) <= 1", Level: "missing(skills) <= 1 and points >= level.threshold"},
}

// byTrack evaluates an assessment on each track of the ladder (with no
// track named when it has none), and returns the results.
func byTrack(t *testing.T, l *ladder.Ladder, a *ladder.Assessment) []*ladder.Result {
	if len(l.Tracks) == 0 {
		return []*ladder.Result{rank(t, l, a)}
	}
	var out []*ladder.Result
	for _, tr := range l.Tracks {
		named := *a
		named.Track = tr.ID
		out = append(out, rank(t, l, &named))
	}
	return out
}

// below reports the first way in which after is below before: a lower rank
// on a track, a lower skill level, fewer points, or a level, group or
// step lost.
func below(before, after []*ladder.Result) string {
	for t := range before {
		b, a := before[t], after[t]
		if a.Rank < b.Rank {
			return fmt.Sprintf("the rank on track %q goes from %d to %d", b.Track, b.Rank, a.Rank)
		}
		if a.Points < b.Points {
			return fmt.Sprintf("the points go from %d to %d", b.Points, a.Points)
		}
		for i, s := range b.Skills {
			if a.Skills[i].Level < s.Level {
				return fmt.Sprintf("skill %s on track %q goes from level %d to %d", s.ID, b.Track, s.Level, a.Skills[i].Level)
			}
			for j, st := range s.Steps {
				if st.Group.Reached && !a.Skills[i].Steps[j].Group.Reached {
					return fmt.Sprintf("step %s is lost", st.ID)
				}
			}
		}
		for i, lv := range b.Levels {
			if lv.Reached && !a.Levels[i].Reached {
				return fmt.Sprintf("level %s is lost", lv.ID)
			}
			for g, group := range lv.Groups {
				if group.Reached && !a.Levels[i].Groups[g].Reached {
					return fmt.Sprintf("skill %q at level %s is lost", group.Name, lv.ID)
				}
			}
		}
	}
	return ""
}

// The properties of ladders of any shape: skills with steps and points,
// tracks, profiles, thresholds and implied steps.
func TestAnyLadderProperties(t *testing.T) {
	p := properties(t)

	// 1. Turning any not_yet or unassessed mark into reached never lowers
	// a rank on any track, a skill's level, the points, nor loses a
	// level, a group or a step.
	p.Property("monotone in evidence, on every track", prop.ForAll(func(c laddertest.Case) bool {
		l, a, _ := build(t, c)
		before := byTrack(t, l, a)
		m := slices.Clone(c.Marks)
		for k, s := range m {
			if s != ladder.NotYet && s != ladder.Unassessed {
				continue
			}
			m[k] = ladder.Reached
			after := byTrack(t, l, m.Assessment(l))
			m[k] = s
			if why := below(before, after); why != "" {
				t.Logf("marking slot %d reached: %s", k, why)
				return false
			}
		}
		return true
	}, laddertest.GenAnyCase(anyRules...)))

	// 2. Implied steps never lower a rank, a skill level or the points:
	// the same ladder without them gives no more.
	p.Property("implied marks never lower a rank", prop.ForAll(func(c laddertest.Case) bool {
		c.Shape.Implied = true
		l, a, _ := build(t, c)
		c.Shape.Implied = false
		plain, err := c.Shape.Ladder()
		if err != nil {
			t.Fatal(err)
		}
		if why := below(byTrack(t, plain, a), byTrack(t, l, a)); why != "" {
			t.Logf("with implied steps, %s", why)
			return false
		}
		return true
	}, laddertest.GenAnyCase(anyRules...)))

	// 3. An implied mark counts as a reached one: giving the implied marks
	// changes nothing but which are implied.
	p.Property("implied marks are as if given", prop.ForAll(func(c laddertest.Case) bool {
		c.Shape.Implied = true
		l, a, res := build(t, c)
		given := &ladder.Assessment{Ladder: a.Ladder, Subject: a.Subject, Marks: maps(a.Marks), Levels: a.Levels}
		for _, id := range impliedIDs(res) {
			given.Marks[id] = ladder.Mark{Status: ladder.Reached}
		}
		res2 := rank(t, l, given)
		if len(impliedIDs(res2)) != 0 {
			// Giving them may reach more, and imply more.
			return res2.Rank >= res.Rank
		}
		clearImplied(res)
		return reflect.DeepEqual(res, res2)
	}, laddertest.GenAnyCase(anyRules...)))

	// 4. On each track, rank r means the track's levels 1..r are reached
	// and the next is not; the level reached is on the track.
	p.Property("no gaps on a track", prop.ForAll(func(c laddertest.Case) bool {
		l, a, _ := build(t, c)
		for _, res := range byTrack(t, l, a) {
			for _, lv := range res.Levels {
				if lv.Track != "" && lv.Track != res.Track {
					continue
				}
				if lv.Rank <= res.Rank && !lv.Reached || lv.Rank == res.Rank+1 && lv.Reached {
					t.Logf("track %q, rank %d: level %s of rank %d reached %v", res.Track, res.Rank, lv.ID, lv.Rank, lv.Reached)
					return false
				}
			}
			if lv := res.Reached(); res.Rank > 0 && (lv == nil || lv.Rank != res.Rank) {
				return false
			}
		}
		return true
	}, laddertest.GenAnyCase(anyRules...)))

	// 5. A ladder read back from its JSON, or built in Go, evaluates the
	// same.
	p.Property("New and Parse agree", prop.ForAll(func(c laddertest.Case) bool {
		l, a, res := build(t, c)
		built, err := ladder.New(l)
		if err != nil {
			t.Logf("New: %v", err)
			return false
		}
		return reflect.DeepEqual(res, rank(t, built, a)) && reflect.DeepEqual(laddertest.ShapeOf(l), laddertest.ShapeOf(built))
	}, laddertest.GenAnyCase(anyRules...)))

	p.TestingRun(t)
}

// impliedIDs lists the requirements whose marks a result says were implied.
func impliedIDs(res *ladder.Result) []string {
	var ids []string
	each(res, func(r *ladder.RequirementResult) {
		if r.Implied {
			ids = append(ids, r.ID)
		}
	})
	return ids
}

func clearImplied(res *ladder.Result) {
	each(res, func(r *ladder.RequirementResult) { r.Implied = false })
}

// each calls f on every requirement of a result.
func each(res *ladder.Result, f func(*ladder.RequirementResult)) {
	for i := range res.Levels {
		for g := range res.Levels[i].Groups {
			for k := range res.Levels[i].Groups[g].Requirements {
				f(&res.Levels[i].Groups[g].Requirements[k])
			}
		}
	}
	for i := range res.Skills {
		for j := range res.Skills[i].Steps {
			for k := range res.Skills[i].Steps[j].Group.Requirements {
				f(&res.Skills[i].Steps[j].Group.Requirements[k])
			}
		}
	}
}

func maps(m map[string]ladder.Mark) map[string]ladder.Mark {
	out := make(map[string]ladder.Mark, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// shuffledMarks writes an assessment with its marks in a random order.
func shuffledMarks(t *testing.T, a *ladder.Assessment, r *rand.Rand) []byte {
	ids := make([]string, 0, len(a.Marks))
	for id := range a.Marks {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	r.Shuffle(len(ids), func(x, y int) { ids[x], ids[y] = ids[y], ids[x] })
	marks := "{"
	for i, id := range ids {
		m, _ := json.Marshal(a.Marks[id])
		if i > 0 {
			marks += ","
		}
		marks += strconv.Quote(id) + ":" + string(m)
	}
	marks += "}"
	levels, _ := json.Marshal(a.Levels)
	return []byte(fmt.Sprintf(`{"ladder": %q, "subject": %q, "marks": %s, "levels": %s}`, a.Ladder, a.Subject, marks, orEmpty(levels)))
}

func orEmpty(data []byte) string {
	if string(data) == "null" {
		return "{}"
	}
	return string(data)
}

// sameUpToOrder compares two results of the same ladder written in another
// order: the same rank and verdicts, each skill's group the same, with the
// same IDs listed.
func sameUpToOrder(a, b *ladder.Result) bool {
	if a.Rank != b.Rank || len(a.Levels) != len(b.Levels) {
		return false
	}
	for i := range a.Levels {
		la, lb := a.Levels[i], b.Levels[i]
		if la.Reached != lb.Reached || len(la.Groups) != len(lb.Groups) {
			return false
		}
		groups := map[string]ladder.GroupResult{}
		for _, g := range lb.Groups {
			groups[g.Skill] = g
		}
		for _, g := range la.Groups {
			h, ok := groups[g.Skill]
			if !ok || g.Reached != h.Reached || g.Hard != h.Hard || g.Soft != h.Soft ||
				!sameSet(g.Missing, h.Missing) || !sameSet(g.SoftMissing, h.SoftMissing) ||
				!sameSet(g.Unassessed, h.Unassessed) || !sameRequirements(g.Requirements, h.Requirements) {
				return false
			}
		}
	}
	return true
}

// sameRequirements compares the requirements of two groups whatever their
// order.
func sameRequirements(a, b []ladder.RequirementResult) bool {
	byID := func(x, y ladder.RequirementResult) int { return strings.Compare(x.ID, y.ID) }
	a, b = slices.Clone(a), slices.Clone(b)
	slices.SortFunc(a, byID)
	slices.SortFunc(b, byID)
	return reflect.DeepEqual(a, b)
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
