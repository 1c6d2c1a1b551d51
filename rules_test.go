package ladder_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/rules"
	"github.com/ladderkit/ladder/schema"
)

// withRules returns the test ladder with rules on the ladder (and, when
// level is not empty, on its level 2).
func withRules(ladderRules, level string) string {
	doc := strings.Replace(testLadder, `"version": "2",`, `"version": "2", "rules": `+ladderRules+`,`, 1)
	if level != "" {
		doc = strings.Replace(doc, `{"id": "2", "name": "Two",`, `{"id": "2", "name": "Two", "rules": `+level+`,`, 1)
	}
	return doc
}

// Rules that do not compile are reported by Parse at the place in the file
// where the mistake is, with the rule's line and a caret.
func TestParseRuleErrors(t *testing.T) {
	for _, tc := range []struct {
		name, doc, want string
		// at is the text that must start at the line and column of the
		// first problem, in the document.
		at string
	}{
		{"misspelled name",
			withRules(`{"skill": "all(hrad, .reached)"}`, ""),
			"2:67: /rules/skill: unknown name \"hrad\" (did you mean \"hard\"?)\n    all(hrad, .reached)\n        ^", "hrad, .reached"},
		{"on a level, after an escape",
			withRules(`{}`, `{"level": "count(skills, .name == \"A\" and .reachd) > 0"}`),
			"11:86: /levels/1/rules/level: a skill has no field \"reachd\" (did you mean \"reached\"?)\n    count(skills, .name == \"A\" and .reachd) > 0\n                                    ^", "reachd) > 0"},
		{"not a boolean",
			withRules(`{"level": "len(skills)"}`, ""),
			"2:63: /rules/level: a rule must be true or false, but this one is an integer\n    len(skills)\n    ^", "len(skills)"},
		{"the clock",
			withRules(`{"skill": "all(hard, .reached) and now().Year() > 2020"}`, ""),
			"2:87: /rules/skill: now is not allowed in rules: it reads the clock: a verdict may depend only on the assessment\n    all(hard, .reached) and now().Year() > 2020\n                            ^", "now()"},
		{"a status misspelled",
			withRules(`{"skill": "all(hard, .status == 'reachd')"}`, ""),
			"2:84: /rules/skill: \"reachd\" is not a requirement's status (did you mean \"reached\"?)\n    all(hard, .status == 'reachd')\n                         ^", "'reachd'"},
		{"a skill ID misspelled",
			withRules(`{"skill": "skill.id == 'bb' ? missing(hard) <= 1 : all(hard, .reached)"}`, ""),
			"2:75: /rules/skill: \"bb\" is not the ID of a skill of this ladder (did you mean \"b\"?)\n    skill.id == 'bb' ? missing(hard) <= 1 : all(hard, .reached)\n                ^", "'bb'"},
		{"a division by a length that may be 0",
			withRules(`{"skill": "count(soft, .reached) / len(soft) >= 0.5"}`, ""),
			"2:87: /rules/skill: len(soft) is 0 when the list is empty, and a division by 0 has no value: use share(soft) for the share reached, or test len(soft) > 0 first, as in len(soft) > 0 and ...\n    count(soft, .reached) / len(soft) >= 0.5\n                            ^", "len(soft)"},
		{"nested twelve deep",
			withRules(`{"skill": "`+strings.Repeat("all(hard, ", 12)+".reached"+strings.Repeat(")", 12)+`"}`, ""),
			"2:93: /rules/skill: predicates nest 3 deep, over the limit of 2: each level multiplies the work\n    all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, al...\n                                  ^", "all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, .reached"},
		{"huge range",
			withRules(`{"skill": "count(1..1000000000, true) > 0"}`, ""),
			"2:70: /rules/skill: range 1..1000000000 has 1000000000 elements, over the limit of 10\n    count(1..1000000000, true) > 0\n           ^", "..1000000000"},
		{"string building",
			withRules(`{"skill": "len(repeat(skill.name, 1000000000)) > 0"}`, ""),
			"2:67: /rules/skill: repeat is not allowed in rules: it can build strings of any size\n    len(repeat(skill.name, 1000000000)) > 0\n        ^", "repeat("},
		{"every mistake, each where written",
			withRules(`{"skill": "all(hrad, .reached)", "level": "all(skils, .reached)"}`, `{"skill": "bad("}`),
			"2:67: /rules/skill: unknown name \"hrad\" (did you mean \"hard\"?)\n    all(hrad, .reached)\n        ^\n" +
				"2:99: /rules/level: unknown name \"skils\" (did you mean \"skills\"?)\n    all(skils, .reached)\n        ^\n" +
				"11:52: /levels/1/rules/skill: unknown function \"bad\"; see the functions of package dsl\n    bad(\n    ^", "hrad"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ladder.Parse([]byte(tc.doc))
			var le *ladder.Error
			if !errors.As(err, &le) {
				t.Fatalf("got %v, want a *ladder.Error", err)
			}
			if err.Error() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", err, tc.want)
			}
			p := le.Problems[0]
			line := []rune(strings.Split(tc.doc, "\n")[p.Line-1])
			if p.Column-1 > len(line) || !strings.HasPrefix(string(line[p.Column-1:]), tc.at) {
				t.Errorf("%d:%d is not at %q in the document", p.Line, p.Column, tc.at)
			}
		})
	}
}

// A rule left out falls back to the ladder's, then to the default.
func TestRulesFallBack(t *testing.T) {
	level1 := []string{"1a-h1=reached", "1a-h2=not_yet", "1b-h1=reached", "1g-h1=reached"}
	level2 := []string{"2b-h1=not_yet", "2a-s1=reached"}
	for _, tc := range []struct {
		name         string
		ladder, lv2  string
		rank         int
		level1Groups string
	}{
		{"defaults", `{}`, "", 0, "a:false b:true *:true"},
		// Every group misses at most one hard requirement.
		{"ladder skill rule", `{"skill": "missing(hard) <= 1"}`, "", 3, "a:true b:true *:true"},
		{"level 2 overrides the skill rule", `{"skill": "missing(hard) <= 1"}`, `{"skill": "all(hard, .reached)"}`, 1, "a:true b:true *:true"},
		{"level 2 overrides only the level rule", `{"skill": "missing(hard) <= 1"}`, `{"level": "all(skills, .reached) and reachMark.reached"}`, 1, "a:true b:true *:true"},
		// Each level misses at most one skill.
		{"ladder level rule", `{"level": "missing(skills) <= 1"}`, "", 3, "a:false b:true *:true"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := mustParse(t, withRules(tc.ladder, tc.lv2))
			res := evaluate(t, l, assess(t, append(level1, level2...)...))
			if res.Rank != tc.rank || groups(res.Levels[0]) != tc.level1Groups {
				t.Errorf("got rank %d, level 1 %s; want rank %d, level 1 %s", res.Rank, groups(res.Levels[0]), tc.rank, tc.level1Groups)
			}
		})
	}
}

// The level rule sees the assessor's marks on a level's reach and
// description.
func TestLevelRuleSeesLevelMarks(t *testing.T) {
	l := mustParse(t, withRules(`{"level": "all(skills, .reached) and reachMark.reached"}`, ""))
	a := assess(t, "1a-h1=reached", "1a-h2=reached", "1b-h1=reached", "1g-h1=reached")
	if res := evaluate(t, l, a); res.Rank != 0 {
		t.Errorf("got rank %d without the reach mark, want 0", res.Rank)
	}
	a.Levels = map[string]ladder.LevelMarks{"1": {Reach: &ladder.Mark{Status: ladder.Reached}}}
	if res := evaluate(t, l, a); res.Rank != 1 {
		t.Errorf("got rank %d with the reach mark, want 1", res.Rank)
	}
}

// A rule that fails as it runs is reported at the rule, in the ladder's
// file, with the level and skill it was deciding.
func TestRuleFailsAtEvaluate(t *testing.T) {
	// A rule that passed the checks on its ladder fails only when a
	// program sets a memory budget below what it needs.
	p := ladder.Parser{Rules: dsl.Limits{MemoryBudget: 20}}
	l, err := p.Parse([]byte(withRules(`{"skill": "len(map(1..10, map(1..10, #))) > 0"}`, "")))
	if err != nil {
		t.Fatal(err)
	}
	_, err = l.Evaluate(assess(t))
	// The position is the character at fault, in the file.
	want := "2:83: /rules/skill: rule failed at level \"1\", skill \"A\": memory budget exceeded\n    len(map(1..10, map(1..10, #))) > 0\n                        ^"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// The most expensive rules the default limits accept (see
// BenchmarkWorstRule, which measures what they cost) compile at their
// largest, evaluate the example ladder to the end, and grow no further.
func TestWorstRulesAreAccepted(t *testing.T) {
	a := hostileAssessment(t)
	for _, w := range worstRules {
		largest, refused := worstRule(t, w.part, w.join, w.scope)
		if largest == "" || refused == "" {
			t.Fatalf("%s: got the largest %.60q, refused %.60q; want both", w.name, largest, refused)
		}
		l, err := ladder.Parse(withRule(t, w.scope, largest))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.Evaluate(a); err != nil {
			t.Errorf("%s: %v", w.name, err)
		}
	}
}

// The cost of rules assumes reasons no longer than dsl.MaxReasonLength: the
// schema of assessments must refuse longer ones.
func TestReasonLengthMatchesTheSchema(t *testing.T) {
	var doc struct {
		Defs map[string]struct {
			Properties map[string]struct {
				MaxLength int `json:"maxLength"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schema.Assessment().JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Defs["Mark"].Properties["reason"].MaxLength; got != dsl.MaxReasonLength {
		t.Errorf("the schema's reason maxLength is %d, want dsl.MaxReasonLength, %d", got, dsl.MaxReasonLength)
	}
}

// A rule whose cost grows with the ladder's lists is refused on a ladder
// whose lists make it too costly, and accepted on one whose lists do not.
func TestRuleCostDependsOnTheLadder(t *testing.T) {
	ladderOf := func(n int, rule string) []byte {
		l := ladder.Ladder{ID: "big", Name: "Big", Skills: []ladder.Skill{}, Rules: &rules.Rules{Skill: rule}}
		lv := ladder.Level{ID: "1"}
		for i := range n {
			lv.Requirements = append(lv.Requirements, ladder.Requirement{ID: fmt.Sprintf("r%d", i), Kind: ladder.Hard, Text: "x"})
		}
		l.Levels = []ladder.Level{lv}
		data, err := json.Marshal(&l)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	for _, tc := range []struct {
		rule     string
		small    int // a group size at which the rule is accepted
		large    int // one at which it is refused
		estimate string
	}{
		{"count(hard, count(hard, .reached) > 0) >= 0", 20, 100, "50704"}, // 5n² + 7n + 4
		{"count(hard, .id in map(hard, .id)) >= 0", 10, 50, "43998"},      // about 17n²: each in compares n IDs
	} {
		if _, err := ladder.Parse(ladderOf(tc.small, tc.rule)); err != nil {
			t.Errorf("%q on %d requirements: %v", tc.rule, tc.small, err)
		}
		_, err := ladder.Parse(ladderOf(tc.large, tc.rule))
		want := fmt.Sprintf("/rules/skill: rule may take up to %s steps a run on this ladder (lists of up to %d items, texts of up to 1 bytes, reasons of up to 1000 characters): over the limit of 20000", tc.estimate, tc.large)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q on %d requirements: got %v, want ...%s", tc.rule, tc.large, err, want)
		}
	}
}

// Rules found to cost far more than they were charged, before the cost
// model tracked the size of list elements, the work of len on strings and
// the runs of a whole evaluation: each is now refused.
func TestHostileRulesAreRefused(t *testing.T) {
	example := func(rule string) []byte { return withRule(t, dsl.SkillRule, rule) }
	build := func(levels int, text, rule string) []byte {
		l := ladder.Ladder{ID: "h", Name: "H", Skills: []ladder.Skill{}, Rules: &rules.Rules{Skill: rule}}
		for i := range levels {
			l.Levels = append(l.Levels, ladder.Level{ID: fmt.Sprint(i), Requirements: []ladder.Requirement{{ID: fmt.Sprintf("r%d", i), Kind: ladder.Hard, Text: text}}})
		}
		data, err := json.Marshal(&l)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	doubling := "any(hard, let v0 = .reason; "
	for i := 1; i <= 14; i++ {
		doubling += fmt.Sprintf("let v%d = v%d + v%d; ", i, i-1, i-1)
	}
	doubling += "len(v14) > 0)"
	lens := "any(hard, let t = .text; sum(1..10, " + strings.Repeat("len(t) + ", 26) + "len(t)) >= 0)"
	for _, tc := range []struct {
		name, want string
		doc        []byte
	}{
		{"strings doubled from a list's element", "rule may take up to", example(doubling)},
		{"len of a long text", "rule may take up to", build(1, strings.Repeat("é", 45000), lens)},
		{"a cheap rule over many levels", "the rules may take up to", build(2000, "x", "sum(1..10, sum(1..10, 1)) > 0 and sum(1..10, sum(1..10, 1)) > 0")},
	} {
		_, err := ladder.Parse(tc.doc)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %.300v, want an error saying %q", tc.name, err, tc.want)
		}
	}
}
