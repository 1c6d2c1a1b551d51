package ladder_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/rule"
	"github.com/ladderkit/ladder/rules"
)

// The custom rules of the benchmark mean the defaults, written otherwise so
// that the plain Go path cannot apply.
const (
	customSkillRule = "none(hard, !.reached)"
	customLevelRule = "count(skills, !.reached) == 0"
)

// BenchmarkEvaluate measures Evaluate against two floors, on the DevOps
// example and on a large generated ladder:
//
//   - handwritten: the same semantics in plain Go over plain structs and a
//     status map, building the same report: the floor of the default path;
//   - default: Evaluate with the default rules (the plain path);
//   - custom: Evaluate with rules equal in meaning to the defaults, written
//     so that they run as expressions;
//   - expr-bare: the two custom expressions run straight on a reused vm.VM
//     over environments filled in place: expr's own floor.
//
// Run it with:
//
//	go test -run XXX -bench BenchmarkEvaluate -benchmem -count 10 .
func BenchmarkEvaluate(b *testing.B) {
	for _, c := range benchCases(b) {
		b.Run(c.name+"/handwritten", func(b *testing.B) {
			h := newHandwritten(c.doc)
			b.ReportAllocs()
			for b.Loop() {
				if h.evaluate(c.assessment).rank != c.rank {
					b.Fatal("wrong rank")
				}
			}
		})
		for _, variant := range []struct {
			name string
			doc  string
		}{{"default", c.json}, {"custom", c.customJSON}} {
			b.Run(c.name+"/"+variant.name, func(b *testing.B) {
				l, err := ladder.Parse([]byte(variant.doc))
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					res, err := l.Evaluate(c.assessment)
					if err != nil || res.Rank != c.rank {
						b.Fatal(err, res.Rank)
					}
				}
			})
		}
		b.Run(c.name+"/expr-bare", func(b *testing.B) {
			e := newBare(b, c.doc, c.assessment)
			b.ReportAllocs()
			for b.Loop() {
				if e.evaluate() != c.rank {
					b.Fatal("wrong rank")
				}
			}
		})
	}
}

type benchCase struct {
	name             string
	doc              *ladder.Ladder // as decoded, for the floors
	json, customJSON string
	assessment       *ladder.Assessment
	rank             int
}

func benchCases(b *testing.B) []benchCase {
	var cases []benchCase
	add := func(name, doc string, a *ladder.Assessment) {
		var l ladder.Ladder
		if err := json.Unmarshal([]byte(doc), &l); err != nil {
			b.Fatal(err)
		}
		custom := l
		custom.Rules = &rules.Rules{Skill: customSkillRule, Level: customLevelRule}
		customJSON, err := json.Marshal(&custom)
		if err != nil {
			b.Fatal(err)
		}
		parsed, err := ladder.Parse([]byte(doc))
		if err != nil {
			b.Fatal(err)
		}
		res, err := parsed.Evaluate(a)
		if err != nil {
			b.Fatal(err)
		}
		cases = append(cases, benchCase{name, &l, doc, string(customJSON), a, res.Rank})
	}
	data, err := os.ReadFile("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		b.Fatal(err)
	}
	a, err := ladder.LoadAssessment("examples/devops-technical-mastery/bruno-squad-expert.json")
	if err != nil {
		b.Fatal(err)
	}
	add("devops", string(data), a)
	doc, big := largeLadder(40, 8, 12)
	add("large", doc, big)
	return cases
}

// largeLadder generates a ladder of the given size, and an assessment that
// reaches about half of it: the lower levels fully, the upper ones partly.
func largeLadder(levels, skills, reqs int) (string, *ladder.Assessment) {
	r := rand.New(rand.NewPCG(1, 2))
	l := ladder.Ladder{ID: "large", Name: "Large", Version: "1"}
	for s := range skills {
		l.Skills = append(l.Skills, ladder.Skill{ID: fmt.Sprintf("s%d", s), Name: fmt.Sprintf("Skill %d", s)})
	}
	a := &ladder.Assessment{Ladder: "large", Subject: "bench", Marks: map[string]ladder.Mark{}}
	for lv := range levels {
		level := ladder.Level{ID: fmt.Sprintf("l%d", lv), Name: fmt.Sprintf("Level %d", lv+1)}
		for s := range skills {
			for q := range reqs {
				id := fmt.Sprintf("l%d-s%d-r%d", lv, s, q)
				kind := ladder.Hard
				if q%4 == 3 {
					kind = ladder.Soft
				}
				level.Requirements = append(level.Requirements, ladder.Requirement{ID: id, Skill: fmt.Sprintf("s%d", s), Kind: kind, Text: "Requirement " + id})
				switch {
				case lv < levels/2:
					a.Marks[id] = ladder.Mark{Status: ladder.Reached, Reason: "seen"}
				case r.IntN(3) == 0:
					a.Marks[id] = ladder.Mark{Status: ladder.NotYet}
				case r.IntN(2) == 0:
					a.Marks[id] = ladder.Mark{Status: ladder.Reached}
				}
			}
		}
		l.Levels = append(l.Levels, level)
	}
	data, err := json.Marshal(&l)
	if err != nil {
		panic(err)
	}
	return string(data), a
}

// handwritten is the floor of the default path: the same semantics and the
// same report, in plain Go over plain structs, with marks in a map.
type handwritten struct {
	id, name, version string
	skills            []ladder.Skill
	levels            []hwLevel
}

type hwLevel struct {
	id, name, reach string
	groups          []hwGroup
}

type hwGroup struct {
	skill, name  string
	requirements []ladder.Requirement // in ladder order
}

type hwResult struct {
	ladder, name, version   string
	subject, assessor, date string
	rank                    int
	skills                  []hwSkillResult
	levels                  []hwLevelResult
}

type hwSkillResult struct {
	id, name string
	level    int
}

type hwLevelResult struct {
	id, name, reach string
	reached         bool
	groups          []hwGroupResult
}

type hwGroupResult struct {
	skill, name                      string
	reached                          bool
	missing, softMissing, unassessed []string
	hardReached, hardTotal           int
	softReached, softTotal           int
	requirements                     []hwRequirement
}

type hwRequirement struct {
	id, text string
	kind     ladder.Kind
	status   ladder.Status
	reason   string
	implied  bool
	points   int
	details  ladder.Details
}

func newHandwritten(l *ladder.Ladder) *handwritten {
	h := &handwritten{id: l.ID, name: l.Name, version: l.Version, skills: l.Skills}
	names := map[string]string{"": "General"}
	for _, s := range l.Skills {
		names[s.ID] = s.Name
	}
	for _, lv := range l.Levels {
		level := hwLevel{id: lv.ID, name: lv.Name, reach: lv.Reach}
		index := map[string]int{}
		for _, r := range lv.Requirements {
			i, ok := index[r.Skill]
			if !ok {
				i = len(level.groups)
				index[r.Skill] = i
				level.groups = append(level.groups, hwGroup{skill: r.Skill, name: names[r.Skill]})
			}
			level.groups[i].requirements = append(level.groups[i].requirements, r)
		}
		h.levels = append(h.levels, level)
	}
	return h
}

func (h *handwritten) evaluate(a *ladder.Assessment) hwResult {
	res := hwResult{
		ladder: h.id, name: h.name, version: h.version,
		subject: a.Subject, assessor: a.Assessor, date: a.Date,
		levels: make([]hwLevelResult, len(h.levels)),
	}
	ranked := true
	for i, lv := range h.levels {
		lr := &res.levels[i]
		lr.id, lr.name, lr.reach = lv.id, lv.name, lv.reach
		lr.reached = true
		lr.groups = make([]hwGroupResult, len(lv.groups))
		for g, group := range lv.groups {
			gr := &lr.groups[g]
			gr.skill, gr.name = group.skill, group.name
			gr.reached = true
			gr.requirements = make([]hwRequirement, len(group.requirements))
			for k, r := range group.requirements {
				m, ok := a.Marks[r.ID]
				if !ok {
					m.Status = ladder.Unassessed
					gr.unassessed = append(gr.unassessed, r.ID)
				}
				gr.requirements[k] = hwRequirement{id: r.ID, text: r.Text, kind: r.Kind, status: m.Status, reason: m.Reason, points: r.Points, implied: false, details: detailsOf(&group.requirements[k])}
				if m.Status == ladder.NotApplicable {
					continue
				}
				reached := m.Status == ladder.Reached
				if r.Kind == ladder.Hard {
					gr.hardTotal++
					if reached {
						gr.hardReached++
					} else {
						gr.reached = false
						gr.missing = append(gr.missing, r.ID)
					}
				} else {
					gr.softTotal++
					if reached {
						gr.softReached++
					} else {
						gr.softMissing = append(gr.softMissing, r.ID)
					}
				}
			}
			lr.reached = lr.reached && gr.reached
		}
		if ranked && lr.reached {
			res.rank = i + 1
		} else {
			ranked = false
		}
	}
	// Each skill's level: the rank of its highest group reached with all
	// those below it.
	res.skills = make([]hwSkillResult, len(h.skills))
	for k, s := range h.skills {
		res.skills[k] = hwSkillResult{id: s.ID, name: s.Name}
	levels:
		for i := range res.levels {
			for _, g := range res.levels[i].groups {
				if g.skill == s.ID {
					if !g.reached {
						break levels
					}
					res.skills[k].level = i + 1
				}
			}
		}
	}
	return res
}

// detailsOf returns a requirement's details, as a result reports them.
func detailsOf(r *ladder.Requirement) ladder.Details { return r.Details }

// bare runs the custom rules straight on expr: programs compiled with
// expr.Compile, one reused vm.VM, environments filled in place from values
// made once.
type bare struct {
	skill, level *vm.Program
	vm           vm.VM
	levels       []bareLevel
	skillEnv     map[string]any
	levelEnv     map[string]any
	hard, soft   []any
	skills       []any
	hardN, softN []any
	skillsN      []any
	// values made once: each requirement's, by status
	reached, other map[string]any
	group          [2]any
	marks          map[string]bool // reached or not, by requirement ID
}

type bareLevel struct {
	groups []bareGroup
}

type bareGroup struct {
	hard, soft []string
}

func newBare(b *testing.B, l *ladder.Ladder, a *ladder.Assessment) *bare {
	skill, err := expr.Compile(customSkillRule, expr.Env(map[string]any{"hard": []rule.Requirement{}, "soft": []rule.Requirement{}}), expr.AsBool())
	if err != nil {
		b.Fatal(err)
	}
	level, err := expr.Compile(customLevelRule, expr.Env(map[string]any{"skills": []rule.SkillResult{}}), expr.AsBool())
	if err != nil {
		b.Fatal(err)
	}
	e := &bare{skill: skill, level: level, skillEnv: map[string]any{}, levelEnv: map[string]any{},
		reached: map[string]any{}, other: map[string]any{}}
	e.group = [2]any{rule.SkillResult{}, rule.SkillResult{Reached: true}}
	h := newHandwritten(l)
	maxLen, maxGroups := 0, 0
	for _, lv := range h.levels {
		maxGroups = max(maxGroups, len(lv.groups))
		var level bareLevel
		for _, g := range lv.groups {
			var group bareGroup
			for _, r := range g.requirements {
				if r.Kind == ladder.Hard {
					group.hard = append(group.hard, r.ID)
				} else {
					group.soft = append(group.soft, r.ID)
				}
				e.reached[r.ID] = rule.Requirement{ID: r.ID, Reached: true, Status: "reached"}
				e.other[r.ID] = rule.Requirement{ID: r.ID, Status: "not_yet"}
			}
			maxLen = max(maxLen, len(group.hard), len(group.soft))
			level.groups = append(level.groups, group)
		}
		e.levels = append(e.levels, level)
	}
	e.hard, e.soft, e.skills = make([]any, maxLen), make([]any, maxLen), make([]any, maxGroups)
	prefixes := func(buf []any) []any {
		out := make([]any, len(buf)+1)
		for n := range out {
			out[n] = buf[:n]
		}
		return out
	}
	e.hardN, e.softN, e.skillsN = prefixes(e.hard), prefixes(e.soft), prefixes(e.skills)
	// The statuses are read from the assessment once: the floor measures
	// expr, not the lookup.
	e.marks = make(map[string]bool, len(a.Marks))
	for id, m := range a.Marks {
		e.marks[id] = m.Status == ladder.Reached
	}
	return e
}

func (e *bare) fill(buf []any, ids []string) int {
	for i, id := range ids {
		if e.marks[id] {
			buf[i] = e.reached[id]
		} else {
			buf[i] = e.other[id]
		}
	}
	return len(ids)
}

func (e *bare) evaluate() int {
	rank, ranked := 0, true
	for i, lv := range e.levels {
		for g, group := range lv.groups {
			e.skillEnv["hard"] = e.hardN[e.fill(e.hard, group.hard)]
			e.skillEnv["soft"] = e.softN[e.fill(e.soft, group.soft)]
			out, err := e.vm.Run(e.skill, e.skillEnv)
			if err != nil {
				panic(err)
			}
			if out.(bool) {
				e.skills[g] = e.group[1]
			} else {
				e.skills[g] = e.group[0]
			}
		}
		e.levelEnv["skills"] = e.skillsN[len(lv.groups)]
		out, err := e.vm.Run(e.level, e.levelEnv)
		if err != nil {
			panic(err)
		}
		if ranked && out.(bool) {
			rank = i + 1
		} else {
			ranked = false
		}
	}
	return rank
}

// worstRules are families of rules that cost the most the default limits
// let through: nested predicates over the longest lists a rule can make
// (array literals, ranges) or the ladder's own, string work on each
// element, scans with in, regular expressions. worstRule grows each as
// large as ladder.Parse accepts on the example ladder.
var worstRules = []struct {
	name  string
	scope dsl.Scope
	part  func(n int) string // the rule of size n, or its nth part
	join  string             // how parts join; "" when part(n) is the rule
}{
	{"literal-lists", dsl.SkillRule, func(n int) string {
		list := "[" + strings.Repeat("0,", n) + "0]"
		return "sum(" + list + ", sum(" + list + ", 1)) > 0"
	}, ""},
	{"ranges", dsl.SkillRule, func(int) string { return "sum(1..10, sum(1..10, 1)) > 0" }, " and "},
	{"strings", dsl.SkillRule, func(int) string { return "sum(hard, len(upper(.text + skill.name))) >= 0" }, " and "},
	{"skills-lists", dsl.LevelRule, func(int) string { return "sum(skills, sum(.hard, len(.text))) >= 0" }, " and "},
	{"in-scans", dsl.SkillRule, func(int) string { return "count(hard, .reason in map(hard, .reason)) >= 0" }, " and "},
	{"regexp", dsl.SkillRule, func(n int) string { return "any(hard, .text matches '(a|b)" + strings.Repeat(".", n) + "x')" }, ""},
	{"reasons", dsl.SkillRule, func(int) string { return "any(hard, .reason contains 'waived' or .reason == '')" }, " or "},
	{"contains", dsl.SkillRule, func(int) string { return "any(hard, .reason contains .text)" }, " or "},
	{"trim-cutset", dsl.SkillRule, func(int) string { return "any(hard, trim(.reason, ' .') == '')" }, " or "},
	{"equal-strings", dsl.SkillRule, func(int) string { return "count(hard, .reason == .reason + '') >= 0" }, " and "},
	{"case", dsl.SkillRule, func(int) string { return "any(hard, lower(.text) == '')" }, " or "},
}

// withRule returns the example ladder with a rule of the given scope.
func withRule(tb testing.TB, scope dsl.Scope, rule string) []byte {
	return exampleWith(tb, func(l *ladder.Ladder) {
		l.Rules = &rules.Rules{Skill: rule}
		if scope == dsl.LevelRule {
			l.Rules = &rules.Rules{Level: rule}
		}
	})
}

// worstRule returns the largest rule of a family that ladder.Parse accepts
// on the example ladder, and the next larger one, which it refuses.
func worstRule(tb testing.TB, part func(int) string, join string, scope dsl.Scope) (largest, refused string) {
	rule := func(n int) string {
		if join == "" {
			return part(n)
		}
		parts := make([]string, n)
		for i := range parts {
			parts[i] = part(i)
		}
		return strings.Join(parts, join)
	}
	for n := 1; n < 5000; n++ {
		if _, err := ladder.Parse(withRule(tb, scope, rule(n))); err != nil {
			return largest, rule(n)
		}
		largest = rule(n)
	}
	return largest, ""
}

// hostileAssessment marks every requirement of the example ladder not yet,
// each with a reason as long as the schema allows.
func hostileAssessment(tb testing.TB) *ladder.Assessment {
	l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		tb.Fatal(err)
	}
	a := &ladder.Assessment{Ladder: l.ID, Subject: "hostile", Marks: map[string]ladder.Mark{}}
	for _, lv := range l.Levels {
		for _, r := range lv.Requirements {
			a.Marks[r.ID] = ladder.Mark{Status: ladder.NotYet, Reason: strings.Repeat("😀", dsl.MaxReasonLength)}
		}
	}
	// As an HR system gets it: a document, checked by its schema.
	data, err := json.Marshal(a)
	if err != nil {
		tb.Fatal(err)
	}
	a, err = ladder.ParseAssessment(data)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// BenchmarkWorstRule evaluates the DevOps example with the most expensive
// rules of each family that the default limits accept, on an assessment
// whose reasons are as long as allowed, next to the default rules: what a
// ladder written by anyone can cost. It reports the nanoseconds of the
// rules' work per step the cost model estimated for it (ns/step): the
// calibration of the model, in whose steps the limits are written.
//
//	go test -run XXX -bench BenchmarkWorstRule -benchmem .
func BenchmarkWorstRule(b *testing.B) {
	a := hostileAssessment(b)
	evaluate := func(b *testing.B, l *ladder.Ladder) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := l.Evaluate(a); err != nil {
				b.Fatal(err)
			}
		}
	}
	// The floor: the default rules, in plain Go. What Evaluate does
	// besides the rules (checking and mapping the marks, the report) is
	// the same for every family, and is taken out of its ns/step.
	plain, err := ladder.Parse(withRule(b, dsl.SkillRule, rules.DefaultSkill))
	if err != nil {
		b.Fatal(err)
	}
	// Timed by hand: testing.Benchmark cannot run inside a benchmark.
	floor := math.Inf(1)
	for range 5 {
		start := time.Now()
		for range 200 {
			if _, err := plain.Evaluate(a); err != nil {
				b.Fatal(err)
			}
		}
		floor = min(floor, float64(time.Since(start).Nanoseconds())/200)
	}
	run := func(b *testing.B, scope dsl.Scope, rule string, doc []byte) {
		l, err := ladder.Parse(doc)
		if err != nil {
			b.Fatal(err)
		}
		steps := estimatedSteps(b, l, scope, rule)
		evaluate(b, l)
		b.ReportMetric(steps, "steps/op")
		b.ReportMetric(max(0, float64(b.Elapsed().Nanoseconds())/float64(b.N)-floor)/steps, "ns/step")
	}
	b.Run("default", func(b *testing.B) { evaluate(b, plain) })
	for _, w := range worstRules {
		b.Run(w.name, func(b *testing.B) {
			rule, _ := worstRule(b, w.part, w.join, w.scope)
			run(b, w.scope, rule, withRule(b, w.scope, rule))
		})
	}
}

// estimatedSteps returns the steps the cost model estimates for evaluating
// a ladder whose rule of the scope is src and the other the default: the
// rule's estimate for each run, times its runs.
func estimatedSteps(tb testing.TB, l *ladder.Ladder, scope dsl.Scope, src string) float64 {
	p, err := dsl.Compile(scope, src, dsl.Limits{})
	if err != nil {
		tb.Fatal(err)
	}
	var sizes dsl.Sizes
	runs := 0
	for _, lv := range l.Levels {
		groups := map[string][2]int{}
		sizes.Name = max(sizes.Name, len(lv.ID), len(lv.Name), len(lv.Reach))
		for _, r := range lv.Requirements {
			g := groups[r.Skill]
			if r.Kind == ladder.Hard {
				g[0]++
			} else {
				g[1]++
			}
			groups[r.Skill] = g
			sizes.Text = max(sizes.Text, len(r.Text))
			sizes.Name = max(sizes.Name, len(r.ID))
		}
		sizes.List = max(sizes.List, len(groups))
		for _, g := range groups {
			sizes.List = max(sizes.List, g[0], g[1])
		}
		if scope == dsl.SkillRule {
			runs += len(groups)
		} else {
			runs++
		}
	}
	for _, s := range l.Skills {
		sizes.Name = max(sizes.Name, len(s.ID), len(s.Name))
	}
	sizes.Name = max(sizes.Name, len("General"))
	return rule.Of(p).Cost(rule.Sizes{List: sizes.List, Text: sizes.Text, Name: sizes.Name, Reason: sizes.Reason, Skills: sizes.Skills}) * float64(runs)
}

// BenchmarkRead measures reading documents, from bytes, against the floor
// of encoding/json decoding the same bytes into the same structs without a
// check, on the DevOps example and on a large generated ladder:
//
//   - assessment/unmarshal: json.Unmarshal of an assessment (the floor);
//   - assessment/result: ParseAssessment then Evaluate, bytes to a Result,
//     the schema's checks included;
//   - ladder/unmarshal: json.Unmarshal of the ladder (the floor);
//   - ladder/parse: Parse, the schema's checks and the rules' compilation
//     included.
//
// The second of each pair reports x-floor: its time over the floor's, the
// floor timed in the same run just before it.
//
//	go test -run XXX -bench BenchmarkRead -benchmem -count 10 .
func BenchmarkRead(b *testing.B) {
	for _, c := range benchCases(b) {
		l, err := ladder.Parse([]byte(c.json))
		if err != nil {
			b.Fatal(err)
		}
		adata, err := json.Marshal(c.assessment)
		if err != nil {
			b.Fatal(err)
		}
		ldata := []byte(c.json)
		unmarshalAssessment := func() {
			var a ladder.Assessment
			if err := json.Unmarshal(adata, &a); err != nil {
				b.Fatal(err)
			}
		}
		unmarshalLadder := func() {
			var l ladder.Ladder
			if err := json.Unmarshal(ldata, &l); err != nil {
				b.Fatal(err)
			}
		}
		for _, pair := range []struct {
			name         string
			floor, timed func()
		}{
			{"assessment", unmarshalAssessment, func() {
				a, err := ladder.ParseAssessment(adata)
				if err != nil {
					b.Fatal(err)
				}
				if res, err := l.Evaluate(a); err != nil || res.Rank != c.rank {
					b.Fatal(err)
				}
			}},
			{"ladder", unmarshalLadder, func() {
				if _, err := ladder.Parse(ldata); err != nil {
					b.Fatal(err)
				}
			}},
		} {
			b.Run(c.name+"/"+pair.name+"/unmarshal", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					pair.floor()
				}
			})
			timed := "result"
			if pair.name == "ladder" {
				timed = "parse"
			}
			b.Run(c.name+"/"+pair.name+"/"+timed, func(b *testing.B) {
				floor := timeFloor(pair.floor)
				b.ReportAllocs()
				for b.Loop() {
					pair.timed()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/floor, "x-floor")
			})
		}
	}
}

// timeFloor returns the nanoseconds f takes, the least of five rounds:
// testing.Benchmark cannot run inside a benchmark.
func timeFloor(f func()) float64 {
	floor := math.Inf(1)
	for range 5 {
		n := 0
		start := time.Now()
		for time.Since(start) < 20*time.Millisecond {
			f()
			n++
		}
		floor = min(floor, float64(time.Since(start).Nanoseconds())/float64(n))
	}
	return floor
}
