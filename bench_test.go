package ladder_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/dsl"
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
			marks := c.statusMap()
			b.ReportAllocs()
			for b.Loop() {
				if h.evaluate(marks).rank != c.rank {
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

func (c benchCase) statusMap() map[string]ladder.Status {
	m := make(map[string]ladder.Status, len(c.assessment.Marks))
	for id, mark := range c.assessment.Marks {
		m[id] = mark.Status
	}
	return m
}

func benchCases(b *testing.B) []benchCase {
	var cases []benchCase
	add := func(name, doc string, a *ladder.Assessment) {
		var l ladder.Ladder
		if err := json.Unmarshal([]byte(doc), &l); err != nil {
			b.Fatal(err)
		}
		custom := l
		custom.Rules = &ladder.Rules{Skill: customSkillRule, Level: customLevelRule}
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
// same report, in plain Go over plain structs, with statuses in a map.
type handwritten struct {
	levels []hwLevel
}

type hwLevel struct {
	id     string
	groups []hwGroup
}

type hwGroup struct {
	skill      string
	hard, soft []string
}

type hwResult struct {
	rank   int
	levels []hwLevelResult
}

type hwLevelResult struct {
	reached bool
	groups  []hwGroupResult
}

type hwGroupResult struct {
	reached                bool
	missing, unassessed    []string
	hardReached, hardTotal int
	softReached, softTotal int
}

func newHandwritten(l *ladder.Ladder) *handwritten {
	h := new(handwritten)
	for _, lv := range l.Levels {
		level := hwLevel{id: lv.ID}
		index := map[string]int{}
		for _, r := range lv.Requirements {
			i, ok := index[r.Skill]
			if !ok {
				i = len(level.groups)
				index[r.Skill] = i
				level.groups = append(level.groups, hwGroup{skill: r.Skill})
			}
			if r.Kind == ladder.Hard {
				level.groups[i].hard = append(level.groups[i].hard, r.ID)
			} else {
				level.groups[i].soft = append(level.groups[i].soft, r.ID)
			}
		}
		h.levels = append(h.levels, level)
	}
	return h
}

func (h *handwritten) evaluate(marks map[string]ladder.Status) hwResult {
	res := hwResult{levels: make([]hwLevelResult, len(h.levels))}
	ranked := true
	for i, lv := range h.levels {
		lr := &res.levels[i]
		lr.reached = true
		lr.groups = make([]hwGroupResult, len(lv.groups))
		for g, group := range lv.groups {
			gr := &lr.groups[g]
			gr.reached = true
			for _, id := range group.hard {
				s, ok := marks[id]
				if !ok {
					gr.unassessed = append(gr.unassessed, id)
				}
				switch s {
				case ladder.NotApplicable:
					continue
				case ladder.Reached:
					gr.hardReached++
				default:
					gr.reached = false
					gr.missing = append(gr.missing, id)
				}
				gr.hardTotal++
			}
			for _, id := range group.soft {
				s, ok := marks[id]
				if !ok {
					gr.unassessed = append(gr.unassessed, id)
				}
				switch s {
				case ladder.NotApplicable:
					continue
				case ladder.Reached:
					gr.softReached++
				}
				gr.softTotal++
			}
			lr.reached = lr.reached && gr.reached
		}
		if ranked && lr.reached {
			res.rank = i + 1
		} else {
			ranked = false
		}
	}
	return res
}

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
	groups []hwGroup
}

func newBare(b *testing.B, l *ladder.Ladder, a *ladder.Assessment) *bare {
	skill, err := expr.Compile(customSkillRule, expr.Env(map[string]any{"hard": []dsl.Requirement{}, "soft": []dsl.Requirement{}}), expr.AsBool())
	if err != nil {
		b.Fatal(err)
	}
	level, err := expr.Compile(customLevelRule, expr.Env(map[string]any{"skills": []dsl.SkillResult{}}), expr.AsBool())
	if err != nil {
		b.Fatal(err)
	}
	e := &bare{skill: skill, level: level, skillEnv: map[string]any{}, levelEnv: map[string]any{},
		reached: map[string]any{}, other: map[string]any{}}
	e.group = [2]any{dsl.SkillResult{}, dsl.SkillResult{Reached: true}}
	h := newHandwritten(l)
	maxLen, maxGroups := 0, 0
	for _, lv := range h.levels {
		maxGroups = max(maxGroups, len(lv.groups))
		for _, g := range lv.groups {
			maxLen = max(maxLen, len(g.hard), len(g.soft))
			for _, id := range append(append([]string{}, g.hard...), g.soft...) {
				e.reached[id] = dsl.Requirement{ID: id, Reached: true, Status: "reached"}
				e.other[id] = dsl.Requirement{ID: id, Status: "not_yet"}
			}
		}
		e.levels = append(e.levels, bareLevel{lv.groups})
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

// worstRules are the most expensive rules the default limits accept that
// we know of: as many nested predicates as 200 nodes hold, over the longest
// lists a rule can make (array literals, ranges) or the ladder's own lists
// with string work on each element. worstRule builds each as large as the
// limits allow.
var worstRules = []struct {
	name  string
	scope string // "skill" or "level"
	part  func(i int) string
	join  string
}{
	{"literal-lists", "skill", func(n int) string {
		list := "[" + strings.Repeat("0,", n) + "0]"
		return "sum(" + list + ", sum(" + list + ", 1)) > 0"
	}, ""},
	{"ranges", "skill", func(int) string { return "sum(1..10, sum(1..10, 1)) > 0" }, " and "},
	{"strings", "skill", func(int) string { return "sum(hard, sum(soft, len(upper(.text)))) >= 0" }, " and "},
	{"skills-lists", "level", func(int) string { return "sum(skills, sum(.hard, len(lower(.text)))) >= 0" }, " and "},
}

// worstRule returns the largest rule of the family that compiles under the
// default limits: one part with the longest lists, or the most parts.
func worstRule(part func(int) string, join string, scope dsl.Scope) string {
	best := ""
	for n := 1; n < 1000; n++ {
		var rule string
		if join == "" {
			rule = part(n)
		} else {
			parts := make([]string, n)
			for i := range parts {
				parts[i] = part(i)
			}
			rule = strings.Join(parts, join)
		}
		if _, err := dsl.Compile(scope, rule, dsl.Limits{}); err != nil {
			break
		}
		best = rule
	}
	return best
}

// BenchmarkWorstRule evaluates the DevOps example with the most expensive
// rules the default limits accept, next to the default rules, to bound what
// a ladder written by anyone can cost:
//
//	go test -run XXX -bench BenchmarkWorstRule -benchmem .
func BenchmarkWorstRule(b *testing.B) {
	data, err := os.ReadFile("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		b.Fatal(err)
	}
	a, err := ladder.LoadAssessment("examples/devops-technical-mastery/bruno-squad-expert.json")
	if err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B, rules *ladder.Rules) {
		var l ladder.Ladder
		if err := json.Unmarshal(data, &l); err != nil {
			b.Fatal(err)
		}
		l.Rules = rules
		doc, err := json.Marshal(&l)
		if err != nil {
			b.Fatal(err)
		}
		parsed, err := ladder.Parse(doc)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parsed.Evaluate(a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("default", func(b *testing.B) { run(b, nil) })
	for _, w := range worstRules {
		b.Run(w.name, func(b *testing.B) {
			scope := dsl.SkillRule
			if w.scope == "level" {
				scope = dsl.LevelRule
			}
			rule := worstRule(w.part, w.join, scope)
			if scope == dsl.LevelRule {
				run(b, &ladder.Rules{Level: rule})
			} else {
				run(b, &ladder.Rules{Skill: rule})
			}
		})
	}
}
