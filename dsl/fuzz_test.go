package dsl

import (
	"github.com/ladderkit/ladder/internal/rule"

	"errors"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/expr-lang/expr/vm"

	"github.com/ladderkit/ladder/rules"
)

// FuzzCompile: Compile never panics, and every error is a *Error at a
// character of the src; a src that compiles runs without a panic, within
// its limits, and fails only with an *Error.
func FuzzCompile(f *testing.F) {
	for _, src := range []string{
		rules.DefaultSkill, rules.DefaultLevel,
		"all(hard, .reached) and share(soft) >= 0.5",
		"missing(skills) <= 1 and reachMark.reached",
		"level.rank >= 3 ? missing(hard) <= 1 : all(hard, .reached)",
		"all(skills, all(.hard, .reached or .reason == 'waived'))",
		"count(1..10, # % 2 == 0) > len(filter(hard, .status == 'not_yet'))",
		"hard[0].text matches '^Writes' and lower(skill.name) in ['devops', 'quality']",
		"let n = len(hard); n > 0 && sum(hard, .reached ? 1 : 0) / n >= 0.5",
		"now() > now()", "all(hard, all(hard, all(hard, .reached)))", "1..1000000000",
	} {
		f.Add(uint8(0), src)
		f.Add(uint8(1), src)
	}
	f.Fuzz(func(t *testing.T, scope uint8, src string) {
		s := Scope(scope % 2)
		p, err := Compile(s, src, Limits{})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Compile(%q): error %T is not a *dsl.Error: %v", src, err, err)
			}
			if e.Offset < 0 || e.Offset > utf8.RuneCountInString(src) {
				t.Fatalf("Compile(%q): offset %d outside the src", src, e.Offset)
			}
			_ = e.Snippet()
			return
		}
		w := &world{
			Hard:   []rule.Requirement{{ID: "a", Reached: true, Status: rule.Reached}, {ID: "b", Status: rule.NotYet, Reason: "x"}},
			Soft:   []rule.Requirement{{ID: "c", Status: rule.Unassessed}},
			Skills: []rule.SkillResult{{ID: "a", Reached: true, Hard: []rule.Requirement{{ID: "a", Status: rule.Unassessed}}}, {General: true}},
			Level:  rule.Level{ID: "1", Rank: 1},
			Reach:  rule.Mark{Status: rule.Unassessed}, Descr: rule.Mark{Status: rule.Unassessed},
		}
		var m vm.VM
		_, err = p.runOn(&m, w.env(s))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Run(%q): error %T is not a *dsl.Error: %v", src, err, err)
			}
		}
		// Checked on a ladder that holds the world, the src must run.
		shape := Shape{Skills: []string{"", "a"}, Levels: []string{"1"}, Requirements: []string{"a", "b", "c"}, Sizes: w.sizes()}
		if p.Check(shape) == nil && err != nil {
			t.Fatalf("Run(%q) failed after Check accepted it: %v", src, err)
		}
	})
}

// FuzzRuleCost runs rules on worlds whose texts, reasons and IDs are long:
// a src that Compile and Check accept must run on expr's machine without
// an error, to the reference's verdict, in no more steps than the cost
// model estimated (measured by the reference, which counts what it does).
// Its seeds are the costliest families of rules the limits accept.
func FuzzRuleCost(f *testing.F) {
	for _, src := range []string{
		"all(hard, .reached) and share(soft) >= 0.5",
		"sum(1..10, sum(1..10, 1)) > 0",
		"sum([0, 0, 0, 0, 0, 0, 0, 0], sum([0, 0, 0, 0, 0, 0, 0, 0], 1)) > 0",
		"sum(hard, len(upper(.text + skill.name))) >= 0",
		"count(hard, .reason in map(hard, .reason)) >= 0",
		"any(hard, .text matches '(a|b)......x')",
		"any(hard, .reason contains .text)",
		"any(hard, trim(.reason, .text) == '')",
		"count(hard, .reason == .reason + '') >= 0",
		"any(hard, lower(.reason) == upper(.text))",
		"any(hard, hasPrefix(.text, .reason) or hasSuffix(.reason, .id))",
		"count(hard, .id startsWith skill.id or .id endsWith level.id) >= 0",
		"let t = skill.name + skill.name; any(hard, (t + .text) contains .reason)",
		"[0, 1, 3, 6][min(count(hard, .reached), 3)] >= 1",
		"findLastIndex(hard, .reached) >= findIndex(soft, .reached)",
		"len(soft) == 0 or count(soft, .reached) / len(soft) >= 0.5",
	} {
		f.Add(uint8(0), src, int64(1), uint16(2000), uint16(300))
	}
	for _, src := range []string{
		"sum(skills, sum(.hard, len(.text))) >= 0",
		"all(skills, all(.hard, .reached or .reason contains .text))",
		"count(skills, any(.soft, lower(.reason) == .text)) <= 1 and reachMark.status != 'not_yet'",
		"all(map(skills, .hard), len(#) > 0) or descriptionMark.reason contains level.reach",
	} {
		f.Add(uint8(1), src, int64(2), uint16(1000), uint16(100))
	}
	f.Fuzz(func(t *testing.T, scope uint8, src string, seed int64, textLen, idLen uint16) {
		w := genWorld(rand.New(rand.NewSource(seed)))
		long := func(s string, n int) string {
			if n == 0 {
				return s
			}
			unit := s + "é日😀 "
			return strings.Repeat(unit, n/len(unit)+1)[:n]
		}
		lengthen := func(rs []rule.Requirement) {
			for i := range rs {
				rs[i].Text = long(rs[i].Text, int(textLen))
				rs[i].ID = long(rs[i].ID, int(idLen))
				if rs[i].Reason != "" {
					rs[i].Reason = strings.ToValidUTF8(long(rs[i].Reason, int(textLen)), "")
				}
			}
		}
		lengthen(w.Hard)
		lengthen(w.Soft)
		for i := range w.Skills {
			lengthen(w.Skills[i].Hard)
			lengthen(w.Skills[i].Soft)
		}
		c := ruleCase{Scope: Scope(scope % 2), World: w}
		if err := tryRuleSource(c, src); err != nil {
			t.Fatal(err)
		}
	})
}
