package dsl

import (
	"errors"
	"strings"
	"testing"

	"github.com/expr-lang/expr/vm"
)

// Each rule that must not compile gives this exact error.
func TestCompileErrors(t *testing.T) {
	for _, tc := range []struct {
		scope Scope
		rule  string
		want  string
	}{
		{SkillRule, "all(hard, .reached",
			"1:18: unexpected token EOF\n    all(hard, .reached\n                     ^"},
		{SkillRule, "all(hard, .reached) &&& true",
			"1:23: unexpected token Operator(\"&\")\n    all(hard, .reached) &&& true\n                          ^"},
		{SkillRule, "all(hrad, .reached)",
			"1:5: unknown name \"hrad\" (did you mean \"hard\"?)\n    all(hrad, .reached)\n        ^"},
		{SkillRule, "xyzzy",
			"1:1: unknown name \"xyzzy\"; the names here are hard, soft, skill, level\n    xyzzy\n    ^"},
		{SkillRule, "all(skills, .reached)",
			"1:5: skills is a variable of level rules; a skill rule sees hard, soft, skill, level\n    all(skills, .reached)\n        ^"},
		{LevelRule, "all(hard, .reached)",
			"1:5: hard is a variable of skill rules; a level rule sees skills, level, reachMark, descriptionMark\n    all(hard, .reached)\n        ^"},
		{SkillRule, "all(hard, .reachd)",
			"1:12: a requirement has no field \"reachd\" (did you mean \"reached\"?)\n    all(hard, .reachd)\n               ^"},
		{SkillRule, "all(hard, .done)",
			"1:12: a requirement has no field \"done\"; its fields are id, text, reached, status, reason\n    all(hard, .done)\n               ^"},
		{SkillRule, "level.rnk > 1",
			"1:7: a level has no field \"rnk\" (did you mean \"rank\"?)\n    level.rnk > 1\n          ^"},
		{SkillRule, "skill.nam == 'x'",
			"1:7: a skill has no field \"nam\" (did you mean \"name\"?)\n    skill.nam == 'x'\n          ^"},
		{LevelRule, "all(skills, .reachd)",
			"1:14: a skill has no field \"reachd\" (did you mean \"reached\"?)\n    all(skills, .reachd)\n                 ^"},
		{LevelRule, "reachMark.reson == ''",
			"1:11: a mark has no field \"reson\" (did you mean \"reason\"?)\n    reachMark.reson == ''\n              ^"},
		{SkillRule, "hard.reached",
			"1:6: a list has no fields: use a predicate such as all(hard, .reached), or an index such as hard[0].reached\n    hard.reached\n         ^"},
		{SkillRule, "len(hard)",
			"1:1: a rule must be true or false, but this one is an integer\n    len(hard)\n    ^"},
		{SkillRule, "hard[0]",
			"1:1: a rule must be true or false, but this one is a requirement\n    hard[0]\n    ^"},
		{SkillRule, "'yes'",
			"1:1: a rule must be true or false, but this one is a string\n    'yes'\n    ^"},
		{SkillRule, "level.rank > 'a'",
			"1:12: invalid operation: > (mismatched types int and string)\n    level.rank > 'a'\n               ^"},
		{SkillRule, "",
			"1:1: rule is empty\n    \n    ^"},
		{SkillRule, "all(hard, .reached)\nand\nfoo",
			"3:1: unknown name \"foo\"; the names here are hard, soft, skill, level\n    foo\n    ^"},
		// Builtins that make a verdict depend on something else than the
		// assessment.
		{SkillRule, "now() > now()",
			"1:1: now is not allowed in rules: it reads the clock: a verdict may depend only on the assessment\n    now() > now()\n    ^"},
		{SkillRule, "date('2026-01-01') != nil",
			"1:1: date is not allowed in rules: dates depend on the clock and the time zone: a verdict may depend only on the assessment\n    date('2026-01-01') != nil\n    ^"},
		{SkillRule, "duration('1h') > duration('1m')",
			"1:1: duration is not allowed in rules: a verdict may depend only on the assessment, not on time\n    duration('1h') > duration('1m')\n    ^"},
		{SkillRule, "timezone('UTC') != nil",
			"1:1: timezone is not allowed in rules: it depends on the machine's time zone database: a verdict may depend only on the assessment\n    timezone('UTC') != nil\n    ^"},
		{SkillRule, "$env != nil",
			"1:1: $env is not allowed in rules: rules name their variables directly\n    $env != nil\n    ^"},
		{SkillRule, "toJSON(hard) != ''",
			"1:1: toJSON is not available in rules; see the functions of package dsl\n    toJSON(hard) != ''\n    ^"},
		{SkillRule, "groupBy(hard, .id) != nil",
			"1:1: groupBy is not available in rules; see the functions of package dsl\n    groupBy(hard, .id) != nil\n    ^"},
	} {
		_, err := Compile(tc.scope, tc.rule, Limits{})
		if err == nil {
			t.Errorf("Compile(%q) succeeded, want an error", tc.rule)
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Compile(%q) error %T is not a *dsl.Error", tc.rule, err)
		}
		if got := err.Error(); got != tc.want {
			t.Errorf("Compile(%q):\ngot  %q\nwant %q", tc.rule, got, tc.want)
		}
	}
}

// Each hostile form, one that would run for long or take memory without
// bound, is refused when compiled.
func TestCompileRefusesHostileRules(t *testing.T) {
	nested := "all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, all(hard, .reached))))))))))))"
	for _, tc := range []struct {
		name, rule, want string
	}{
		{"nested predicates", nested, "predicates nest 3 deep, over the limit of 2: each level multiplies the work"},
		{"huge range", "len(1..1000000000) > 0", "range 1..1000000000 has 1000000000 elements, over the limit of 10"},
		{"range over the limit", "len(0..10) > 0", "range 0..10 has 11 elements, over the limit of 10"},
		{"range with computed bounds", "len(1..len(hard)*1000000) > 0", "a range must have integer literals as bounds, such as 1..5"},
		{"string repeat", "len(repeat(skill.name, 1000000000)) > 0", "repeat is not allowed in rules: it can build strings of any size"},
		{"accumulator", "reduce(hard, #acc + #acc, 'x') != ''", "reduce is not allowed in rules: its accumulator can grow without bound; use count, sum, all or any"},
		{"long source", "true" + strings.Repeat(" ", 1000), "rule is 1004 bytes long, over the limit of 1000"},
		{"many nodes", strings.Repeat("1+", 150) + "1 > 0", "rule has too many parts: over the limit of 100 nodes"},
		{"pattern computed at run time", "skill.name matches skill.id", "the pattern of matches must be a string literal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile(SkillRule, tc.rule, Limits{})
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Compile(%q) = %v, want a *dsl.Error", tc.rule, err)
			}
			if e.Message != tc.want {
				t.Errorf("Compile(%q): got %q, want %q", tc.rule, e.Message, tc.want)
			}
		})
	}
}

// Rules at the limits compile, and raising a limit lets a rule over it
// compile.
func TestLimitsAreExact(t *testing.T) {
	for _, tc := range []struct {
		rule string
		lim  Limits
		ok   bool
	}{
		{"all(hard, all(soft, .reached))", Limits{}, true},
		{"all(hard, all(soft, all(hard, .reached)))", Limits{}, false},
		{"all(hard, all(soft, all(hard, .reached)))", Limits{MaxNesting: 3}, true},
		{"len(1..10) > 0", Limits{}, true},
		{"len(1..11) > 0", Limits{}, false},
		{"len(1..11) > 0", Limits{MaxRange: 11}, true},
		{"len(-5..4) > 0", Limits{}, true},
		{"true" + strings.Repeat(" ", 996), Limits{}, true},
		{"true" + strings.Repeat(" ", 997), Limits{}, false},
		{"true" + strings.Repeat(" ", 997), Limits{MaxSource: 2000}, true},
		{strings.Repeat("1+", 48) + "1 > 0", Limits{}, true},  // 99 nodes
		{strings.Repeat("1+", 49) + "1 > 0", Limits{}, false}, // 101 nodes
		{strings.Repeat("1+", 49) + "1 > 0", Limits{MaxNodes: 101}, true},
	} {
		_, err := Compile(SkillRule, tc.rule, tc.lim)
		if (err == nil) != tc.ok {
			t.Errorf("Compile(%.40q, %+v): got %v, want ok=%v", tc.rule, tc.lim, err, tc.ok)
		}
	}
}

// A run over the memory budget fails instead of going on, and a rule that
// fails at run time says where.
func TestRunErrors(t *testing.T) {
	var m vm.VM
	env := NewEnv(SkillRule)
	for _, tc := range []struct {
		rule string
		lim  Limits
		want string
	}{
		{"len(map(1..10, map(1..10, #))) > 0", Limits{MemoryBudget: 20},
			"1:21: memory budget exceeded\n    len(map(1..10, map(1..10, #))) > 0\n                        ^"},
		{"hard[2].reached", Limits{},
			"1:5: index out of range: 2 (array length is 0)\n    hard[2].reached\n        ^"},
		{"len(hard) % 0 == 1", Limits{},
			"1:11: runtime error: integer divide by zero\n    len(hard) % 0 == 1\n              ^"},
	} {
		p, err := Compile(SkillRule, tc.rule, tc.lim)
		if err != nil {
			t.Fatalf("Compile(%q) failed: %v", tc.rule, err)
		}
		_, err = p.Run(&m, env)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Run(%q):\ngot  %v\nwant %s", tc.rule, err, tc.want)
		}
	}
}

// Reads follows the plain uses of requirements and skills, and takes any
// other use as reading everything.
func TestReads(t *testing.T) {
	for _, tc := range []struct {
		scope          Scope
		rule           string
		reasons, lists bool
	}{
		{SkillRule, "all(hard, .reached)", false, false},
		{SkillRule, "none(hard, !.reached) and count(soft, .status == 'reached') > 1", false, false},
		{SkillRule, "share(soft) >= 0.5 and missing(hard) == 0", false, false},
		{SkillRule, "share(filter(soft, .reached)) >= 0.5", false, false},
		{SkillRule, "hard[0].reached and first(soft).id == 'x'", false, false},
		{SkillRule, "len(map(hard, .text)) > 0", false, false},
		{SkillRule, "count(map(hard, #), .reached) > 1", false, false},
		{SkillRule, "any(hard, .reason != '')", true, false},
		{SkillRule, "hard[0].reason == 'x'", true, false},
		{SkillRule, "first(hard) == first(soft)", true, true},
		{SkillRule, "hard == soft", true, true},
		{SkillRule, "hard[0] in soft", true, true},
		{SkillRule, "let x = hard; all(x, .reached)", true, true},
		{SkillRule, "len(skill.name) > 0 ? all(hard, .reached) : all(soft, .reached)", false, false},
		{SkillRule, "all(len(hard) > 0 ? hard : soft, .reached)", false, false},
		{LevelRule, "all(skills, .reached)", false, false},
		{LevelRule, "count(skills, !.reached) <= 1 and reachMark.reached", false, false},
		{LevelRule, "all(skills, all(.hard, .reached))", false, true},
		{LevelRule, "all(skills, share(.soft) > 0.5)", false, true},
		{LevelRule, "descriptionMark.reason != ''", true, false},
		{LevelRule, "reachMark == descriptionMark", true, true},
		{LevelRule, "any(skills, any(.hard, .reason == 'x'))", true, true},
		// Names computed as the rule runs, on values of unknown type.
		{SkillRule, "any(hard, len((true ? # : 1)['rea' + 'son']) > 0)", true, true},
		{LevelRule, "any(skills, len((true ? # : 1)['ha' + 'rd']) > 0)", true, true},
		{LevelRule, "len((true ? reachMark : 1)['rea' + 'son']) > 0", true, true},
		{SkillRule, "hard[len(hard) - 1].reached", false, false},
	} {
		p, err := Compile(tc.scope, tc.rule, Limits{})
		if err != nil {
			t.Fatalf("Compile(%q) failed: %v", tc.rule, err)
		}
		if reasons, lists := p.Reads(); reasons != tc.reasons || lists != tc.lists {
			t.Errorf("Reads(%q) = %v, %v; want %v, %v", tc.rule, reasons, lists, tc.reasons, tc.lists)
		}
	}
}

// A long line is cut around the caret in a snippet.
func TestSnippetOfLongLine(t *testing.T) {
	rule := strings.Repeat("true and ", 20) + "nope and " + strings.Repeat("true and ", 20) + "true"
	_, err := Compile(SkillRule, rule, Limits{})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v, want a *dsl.Error", err)
	}
	lines := strings.Split(e.Snippet(), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %q, want two lines", e.Snippet())
	}
	caret := strings.Index(lines[1], "^")
	if got := lines[0][caret : caret+4]; got != "nope" {
		t.Errorf("the caret is under %q, want under nope:\n%s", got, e.Snippet())
	}
	if !strings.HasPrefix(lines[0], "    ...") || !strings.HasSuffix(lines[0], "...") || len(lines[0]) > 4+snippetWidth+6 {
		t.Errorf("got %q, want the line cut at both ends", lines[0])
	}
}
