package dsl

import (
	"github.com/ladderkit/ladder/internal/rule"

	"errors"
	"strings"
	"testing"

	"github.com/expr-lang/expr/vm"

	"github.com/ladderkit/ladder/internal/display"
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
			"1:5: hard is a variable of skill rules; a level rule sees skills, level, reachMark, descriptionMark, skillLevels, points\n    all(hard, .reached)\n        ^"},
		{SkillRule, "all(hard, .reachd)",
			"1:12: a requirement has no field \"reachd\" (did you mean \"reached\"?)\n    all(hard, .reachd)\n               ^"},
		{SkillRule, "all(hard, .done)",
			"1:12: a requirement has no field \"done\"; its fields are id, text, reached, status, reason, points\n    all(hard, .done)\n               ^"},
		{SkillRule, "level.rnk > 1",
			"1:7: a level has no field \"rnk\" (did you mean \"rank\"?)\n    level.rnk > 1\n          ^"},
		{SkillRule, "skill.nam == 'x'",
			"1:7: a skill has no field \"nam\" (did you mean \"name\"?)\n    skill.nam == 'x'\n          ^"},
		{LevelRule, "all(skills, .reachd)",
			"1:14: a skill has no field \"reachd\" (did you mean \"reached\"?)\n    all(skills, .reachd)\n                 ^"},
		{LevelRule, "reachMark.reson == ''",
			"1:11: a mark has no field \"reson\" (did you mean \"reason\"?)\n    reachMark.reson == ''\n              ^"},
		{SkillRule, "hard.reached",
			"1:6: a list has no fields: use a predicate such as all(hard, .reached)\n    hard.reached\n         ^"},
		{SkillRule, "len(hard)",
			"1:1: a rule must be true or false, but this one is an integer\n    len(hard)\n    ^"},
		{SkillRule, "skill",
			"1:1: a rule must be true or false, but this one is a skill\n    skill\n    ^"},
		{SkillRule, "'yes'",
			"1:1: a rule must be true or false, but this one is a string\n    'yes'\n    ^"},
		{SkillRule, "level.rank > 'a'",
			"1:12: cannot compare an integer with a string: > compares numbers, or strings\n    level.rank > 'a'\n               ^"},
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
		{SkillRule, "all(hard, .reached) and now().Year() > 2020",
			"1:25: now is not allowed in rules: it reads the clock: a verdict may depend only on the assessment\n    all(hard, .reached) and now().Year() > 2020\n                            ^"},

		// Misspelled functions and operators from other languages.
		{SkillRule, "al(hard, .reached)",
			"1:1: unknown function \"al\" (did you mean \"all\"?)\n    al(hard, .reached)\n    ^"},
		{SkillRule, "all(hard, .reached) and alll(soft, .reached)",
			"1:25: unknown function \"alll\" (did you mean \"all\"?)\n    all(hard, .reached) and alll(soft, .reached)\n                            ^"},
		{SkillRule, "shar(soft) > 0.5",
			"1:1: unknown function \"shar\" (did you mean \"share\"?)\n    shar(soft) > 0.5\n    ^"},
		{SkillRule, "frobnicate(hard)",
			"1:1: unknown function \"frobnicate\"; see the functions of package dsl\n    frobnicate(hard)\n    ^"},
		{SkillRule, "level.rank = 3",
			"1:12: = is not an operator of rules: use == to compare\n    level.rank = 3\n               ^"},
		{SkillRule, "share(soft) >= 50%",
			"1:18: % is the remainder of a division, not a percentage: write 50% as 0.5\n    share(soft) >= 50%\n                     ^"},
		{SkillRule, "hard(1)",
			"1:1: hard is a variable, not a function\n    hard(1)\n    ^"},

		// Mistakes of type: a mark or a requirement is not its status.
		{LevelRule, "reachMark == \"reached\"",
			"1:11: cannot compare a mark with a string: compare its status, as in reachMark.status == \"reached\"\n    reachMark == \"reached\"\n              ^"},
		{SkillRule, "any(hard, # == 'not_yet')",
			"1:13: cannot compare a requirement with a string: compare its status, as in #.status == \"not_yet\"\n    any(hard, # == 'not_yet')\n                ^"},
		{SkillRule, "hard == soft",
			"1:6: lists cannot be compared with ==: compare what they hold with all, any or count, or their lengths with len\n    hard == soft\n         ^"},
		{SkillRule, "any(hard, any(soft, # == #))",
			"1:23: requirements cannot be compared with ==: compare their IDs, as in a.id == b.id\n    any(hard, any(soft, # == #))\n                          ^"},
		{SkillRule, "level.rank > 1 ? 'a' : 1",
			"1:24: the two branches of ?: must be of one type, but one is a string and the other an integer\n    level.rank > 1 ? 'a' : 1\n                           ^"},
		{SkillRule, "all(hard, .reached) and len(hard)",
			"1:25: and needs booleans on both sides, but this is an integer\n    all(hard, .reached) and len(hard)\n                            ^"},

		// Status words are checked.
		{SkillRule, "all(hard, .status == \"reachd\")",
			"1:22: \"reachd\" is not a requirement's status (did you mean \"reached\"?)\n    all(hard, .status == \"reachd\")\n                         ^"},
		{LevelRule, "all(skills, .reached) and reachMark.status != 'notyet'",
			"1:47: \"notyet\" is not a mark's status (did you mean \"not_yet\"?)\n    all(skills, .reached) and reachMark.status != 'notyet'\n                                                  ^"},
		{SkillRule, "none(soft, .status in ['not_yet', 'pending'])",
			"1:35: \"pending\" is not a requirement's status: it is \"reached\", \"not_yet\" or \"unassessed\"\n    none(soft, .status in ['not_yet', 'pending'])\n                                      ^"},
		{SkillRule, "any(hard, .status == 'not_applicable')",
			"1:22: requirements marked not_applicable are left out of the lists a rule sees: a requirement's status is never \"not_applicable\"\n    any(hard, .status == 'not_applicable')\n                         ^"},
		{SkillRule, "'done' in map(hard, .status)",
			"1:1: \"done\" is not a requirement's status: it is \"reached\", \"not_yet\" or \"unassessed\"\n    'done' in map(hard, .status)\n    ^"},

		// What has no value on some lists is refused, with what to
		// write instead.
		{SkillRule, "find(hard, .reached).id == 'x'",
			"1:1: find has no value when no element matches: ask whether one does with any(list, predicate), or find where with findIndex, which gives -1 when none does\n    find(hard, .reached).id == 'x'\n    ^"},
		{SkillRule, "findLast(hard, !.reached).reached",
			"1:1: findLast has no value when no element matches: ask whether one does with any(list, predicate), or find where with findLastIndex, which gives -1 when none does\n    findLast(hard, !.reached).reached\n    ^"},
		{SkillRule, "first(hard).reached",
			"1:1: first has no value on an empty list: test the list with any, all, count or len instead\n    first(hard).reached\n    ^"},
		{LevelRule, "last(filter(skills, .reached)).id == 'devops'",
			"1:1: last has no value on an empty list: test the list with any, all, count or len instead\n    last(filter(skills, .reached)).id == 'devops'\n    ^"},
		{SkillRule, "mean(map(hard, .reached ? 1 : 0)) > 0.5",
			"1:1: mean has no value on an empty list: use share(list), or sum(list, x) / len(list) after len(list) > 0\n    mean(map(hard, .reached ? 1 : 0)) > 0.5\n    ^"},
		{SkillRule, "max(map(hard, len(.text))) > 3",
			"1:5: max of a list has no value when the list is empty: give it the values, as in max(a, b), or use sum, count or share\n    max(map(hard, len(.text))) > 3\n        ^"},
		{SkillRule, "max(level.rank, 2.5) > 2",
			"1:17: max of integers and numbers gives either: write float(x) to make them all numbers\n    max(level.rank, 2.5) > 2\n                    ^"},
		{SkillRule, "hard[0].reached",
			"1:5: a requirement's place in a list changes from level to level and with not_applicable marks: name it by its ID, as in any(hard, .id == 'its-id' and .reached)\n    hard[0].reached\n        ^"},
		{LevelRule, "skills[1].reached",
			"1:7: a skill's place in skills changes from level to level: name it by its ID, as in any(skills, .id == 'its-id' and .reached)\n    skills[1].reached\n          ^"},
		{SkillRule, "map(hard, 1)[0] == 1",
			"1:13: only a list whose length the rule fixes, such as [0, 1, 3][i], can be indexed: map(hard, 1) may have any length\n    map(hard, 1)[0] == 1\n                ^"},
		{SkillRule, "len(hard[0:2]) > 1",
			"1:9: rules do not take slices of lists or strings: use filter, or a predicate with #index\n    len(hard[0:2]) > 1\n            ^"},
		{SkillRule, "skill.name[0] == 'D'",
			"1:11: rules do not index strings: use hasPrefix, hasSuffix or contains\n    skill.name[0] == 'D'\n              ^"},
		{SkillRule, "int(skill.name) > 1",
			"1:1: int of a string fails when the text is not a number: rules compare texts as they are\n    int(skill.name) > 1\n    ^"},
		{SkillRule, "skill?.name == 'x'",
			"1:8: ?. is for values that may be nil, and no value in a rule is: write . instead\n    skill?.name == 'x'\n           ^"},
		{SkillRule, "(level.rank ?? 1) > 0",
			"1:13: ?? is for values that may be nil, and no value in a rule is\n    (level.rank ?? 1) > 0\n                ^"},
		{SkillRule, "skill != nil",
			"1:10: rules have no nil: every value a rule sees is set (a requirement without a mark has the status \"unassessed\")\n    skill != nil\n             ^"},
		{SkillRule, "level.rank % 0 == 1",
			"1:14: division by zero\n    level.rank % 0 == 1\n                 ^"},
		{SkillRule, "{'a': 1}.a == 1",
			"1:1: rules have no maps: a rule sees lists of requirements and skills, and fields such as .reached\n    {'a': 1}.a == 1\n    ^"},
		{SkillRule, "'reason' in hard",
			"1:10: in looks for a value in a list of numbers, strings or booleans; for a list of requirements, compare IDs, as in any(list, .id == 'its-id')\n    'reason' in hard\n             ^"},
		{SkillRule, "skill.name in skill.id",
			"1:12: to look for a string in a string, use contains, as in skill.id contains skill.name\n    skill.name in skill.id\n               ^"},
		{SkillRule, "count(hard) > 1",
			"1:1: count without a predicate counts the true values of a list of booleans: write count(hard, .reached)\n    count(hard) > 1\n    ^"},
		{SkillRule, "let hard = 1; hard > 0",
			"1:5: let hard would hide the variable of that name: choose another name\n    let hard = 1; hard > 0\n        ^"},
		{SkillRule, "true; false",
			"1:1: a rule is one expression: ; may only end a let, as in let n = len(hard); n > 0\n    true; false\n    ^"},
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
		{"many nodes", strings.Repeat("1+", 150) + "1 > 0", "rule has 303 nodes, over the limit of 100: each name, literal, operator and call is one"},
		{"range whose size overflows", "len(0..9223372036854775807) > 0", "range 0..9223372036854775807 has 9223372036854775808 elements, over the limit of 10"},
		{"range from the least integer", "len(-9223372036854775807-1..9223372036854775807) > 0", "a range must have integer literals as bounds, such as 1..5"},
		{"large pattern", "skill.name matches '(?i)(?:[\\\\p{L}\\\\p{N}]{1,1000})Z'", "the patterns of this rule are of size 751005, over the limit of 10000: repetitions and classes of characters make large programs"},
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

// A run over the memory budget fails instead of going on: the budget is a
// second fence behind the cost checked on each ladder.
func TestRunOverTheMemoryBudget(t *testing.T) {
	var m vm.VM
	p, err := Compile(SkillRule, "len(map(1..10, map(1..10, #))) > 0", Limits{MemoryBudget: 20})
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.runOn(&m, rule.NewEnv(rule.SkillScope))
	want := "1:21: memory budget exceeded\n    len(map(1..10, map(1..10, #))) > 0\n                        ^"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// Reads finds the rules that read reasons, and the level rules that read
// their skills' lists: the only way a rule can observe either is to name
// the field.
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
		{SkillRule, "len(map(hard, .text)) > 0", false, false},
		{SkillRule, "count(map(hard, #), .reached) > 1", false, false},
		{SkillRule, "any(hard, .reason != '')", true, false},
		{SkillRule, "any(map(hard, #), .reason == 'x')", true, false},
		{SkillRule, "let x = hard; all(x, .reached)", false, false},
		{SkillRule, "'reason' in skill", false, false},
		{SkillRule, "len(skill.name) > 0 ? all(hard, .reached) : all(soft, .reached)", false, false},
		{SkillRule, "all(len(hard) > 0 ? hard : soft, .reached)", false, false},
		{LevelRule, "all(skills, .reached)", false, false},
		{LevelRule, "count(skills, !.reached) <= 1 and reachMark.reached", false, false},
		{LevelRule, "all(skills, all(.hard, .reached))", false, true},
		{LevelRule, "all(skills, share(.soft) > 0.5)", false, true},
		{LevelRule, "descriptionMark.reason != ''", true, false},
		{LevelRule, "any(skills, any(.hard, .reason == 'x'))", true, true},
		{LevelRule, "all(map(skills, .hard), len(#) > 0)", false, true},
	} {
		p, err := Compile(tc.scope, tc.rule, Limits{})
		if err != nil {
			t.Fatalf("Compile(%q) failed: %v", tc.rule, err)
		}
		if reasons, lists := p.run.Reasons, p.run.Lists; reasons != tc.reasons || lists != tc.lists {
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

// The caret stands under the character at fault as a terminal shows the
// line: emoji and wide characters take two columns, combining marks none,
// and characters that would drive the terminal are shown escaped.
func TestSnippetCaretByDisplayWidth(t *testing.T) {
	for _, rule := range []string{
		"skill.name == '😀😀' and nope",
		"skill.name == 'e\u0301te\u0301' and nope",
		"skill.name == '日本語' and nope",
		"skill.name == '\x1b[2J' and nope",
	} {
		_, err := Compile(SkillRule, rule, Limits{})
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("Compile(%q) = %v, want a *dsl.Error", rule, err)
		}
		lines := strings.Split(e.Snippet(), "\n")
		if strings.ContainsRune(lines[0], '\x1b') {
			t.Errorf("%q: the snippet holds a raw escape: %q", rule, lines[0])
		}
		caret := strings.Index(lines[1], "^")
		at := strings.Index(lines[0], "nope")
		if got := display.Width(lines[0][:at]); got != caret {
			t.Errorf("%q: the caret is at column %d, nope at column %d:\n%s", rule, caret, got, e.Snippet())
		}
	}
}

// Each rule that compiles but cannot hold up on the ladder of the shape
// below gives this exact error from Check.
func TestCheckErrors(t *testing.T) {
	shape := Shape{
		Skills:       []string{"devops", "quality"},
		Levels:       []string{"1", "2", "3"},
		Requirements: []string{"l1-devops-codes", "l1-quality-tests"},
		Sizes:        Sizes{List: 8, Text: 200, Name: 30},
	}
	for _, tc := range []struct {
		scope Scope
		rule  string
		want  string
	}{
		{SkillRule, "skill.id == 'devop'",
			"1:13: \"devop\" is not the ID of a skill of this ladder (did you mean \"devops\"?)\n    skill.id == 'devop'\n                ^"},
		{SkillRule, "skill.id in ['devops', 'ops']",
			"1:24: \"ops\" is not the ID of a skill of this ladder; they are \"devops\", \"quality\"\n    skill.id in ['devops', 'ops']\n                           ^"},
		{SkillRule, "level.id != '4'",
			"1:13: \"4\" is not the ID of a level of this ladder; they are \"1\", \"2\", \"3\"\n    level.id != '4'\n                ^"},
		{SkillRule, "any(hard, .id == 'l1-devops-code' and .reached)",
			"1:18: \"l1-devops-code\" is not the ID of a requirement of this ladder (did you mean \"l1-devops-codes\"?)\n    any(hard, .id == 'l1-devops-code' and .reached)\n                     ^"},
		{SkillRule, "count(soft, .reached) / len(soft) >= 0.5",
			"1:25: len(soft) is 0 when the list is empty, and a division by 0 has no value: use share(soft) for the share reached, or test len(soft) > 0 first, as in len(soft) > 0 and ...\n    count(soft, .reached) / len(soft) >= 0.5\n                            ^"},
		{SkillRule, "count(soft, .reached) / missing(hard) > 1",
			"1:25: missing(hard) may be 0 on this ladder (from 0 to 8), and a division by 0 has no value: divide by a number that cannot be 0, or test it first, as in missing(hard) > 0 and ...\n    count(soft, .reached) / missing(hard) > 1\n                            ^"},
		{SkillRule, "level.rank % (level.rank - 1) == 0",
			"1:26: level.rank - 1 may be 0 on this ladder (from 0 to 2), and a division by 0 has no value: divide by a number that cannot be 0, or test it first, as in level.rank - 1 > 0 and ...\n    level.rank % (level.rank - 1) == 0\n                             ^"},
		{SkillRule, "9223372036854775807 + 1 > 0",
			"1:1: 9223372036854775807 is beyond 9007199254740991 (2^53 - 1), the largest number rules compute exactly\n    9223372036854775807 + 1 > 0\n    ^"},
		{SkillRule, "int(1e300) > 0",
			"1:5: 1e+300 is beyond 9007199254740991 (2^53 - 1), the largest number rules compute exactly\n    int(1e300) > 0\n        ^"},
		{SkillRule, "len(hard) ** 60 > 1",
			"1:11: len(hard) ** 60 may be from 0 to 1.5325e+54 on this ladder, beyond 9007199254740991 (2^53 - 1), the largest number rules compute exactly\n    len(hard) ** 60 > 1\n              ^"},
		{SkillRule, "4503599627370496 * level.rank > 0",
			"1:18: 4503599627370496 * level.rank may be from 4.5036e+15 to 1.35108e+16 on this ladder, beyond 9007199254740991 (2^53 - 1), the largest number rules compute exactly\n    4503599627370496 * level.rank > 0\n                     ^"},
		{SkillRule, "(level.rank - 2) ** 0.5 > 1",
			"1:18: level.rank - 2 may be negative on this ladder, and a negative number to a fractional power has no value\n    (level.rank - 2) ** 0.5 > 1\n                     ^"},
		{SkillRule, "[0, 1, 3, 6][count(hard, .reached)] >= 3",
			"1:14: the index count(hard, .reached) may be from 0 to 8 on this ladder, outside the 4 elements of the list (0 to 3)\n    [0, 1, 3, 6][count(hard, .reached)] >= 3\n                 ^"},
		{SkillRule, "all(hard, all(hard, all(soft, .reached)))",
			"1:1: rule may take up to 2922 steps a run on this ladder (lists of up to 8 items, texts of up to 200 bytes, reasons of up to 1000 characters): over the limit of 10\n    all(hard, all(hard, all(soft, .reached)))\n    ^"},
	} {
		lim := Limits{}
		if strings.HasPrefix(tc.rule, "all(hard, all(hard, all(") {
			lim = Limits{MaxNesting: 3, MaxCost: 10}
		}
		p, err := Compile(tc.scope, tc.rule, lim)
		if err != nil {
			t.Errorf("Compile(%q) failed: %v", tc.rule, err)
			continue
		}
		err = p.Check(shape)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Check(%q):\ngot  %v\nwant %s", tc.rule, err, tc.want)
		}
	}
	// Guarded by the rule itself, the same divisions are accepted.
	for _, rule := range []string{
		"len(soft) == 0 or count(soft, .reached) / len(soft) >= 0.5",
		"len(soft) > 0 and count(soft, .reached) / len(soft) >= 0.5",
		"len(soft) != 0 ? count(soft, .reached) / len(soft) >= 0.5 : true",
		"let n = len(soft); n >= 1 and count(soft, .reached) / n >= 0.5",
		"not (len(soft) < 1) and count(soft, .reached) / len(soft) >= 0.5",
		"[0, 1, 3, 6][min(count(hard, .reached), 3)] >= 3",
		"(level.rank + 0.5) ** 0.5 > 1",
	} {
		p, err := Compile(SkillRule, rule, Limits{})
		if err == nil {
			err = p.Check(shape)
		}
		if err != nil {
			t.Errorf("%q: %v", rule, err)
		}
	}
}

// 'field' in x asks whether x has a field of the language: the answer is
// by the names rules write, not by Go's.
func TestInOnAValueAsksForAField(t *testing.T) {
	var m vm.VM
	env := rule.NewEnv(rule.SkillScope)
	for rule, want := range map[string]bool{
		"'id' in skill":            true,
		"'ID' in skill":            false,
		"'reason' in level":        false,
		"'reach' in level":         true,
		"not ('general' in skill)": false,
	} {
		p, err := Compile(SkillRule, rule, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := p.runOn(&m, env); err != nil || got != want {
			t.Errorf("%s = %v, %v; want %v", rule, got, err, want)
		}
	}
}

// The rules that gave wrong verdicts, or failed on some assessments, before
// the checker had types of its own: each now evaluates to what it says, or
// is refused when compiled.
func TestRulesThatMisledBefore(t *testing.T) {
	reached := func(ids ...string) []rule.Requirement {
		var out []rule.Requirement
		for _, id := range ids {
			out = append(out, rule.Requirement{ID: id, Reached: true, Status: rule.Reached})
		}
		return out
	}
	// Two skills, each with two hard requirements, all reached.
	two := &world{
		Skills: []rule.SkillResult{
			{ID: "a", Reached: true, Hard: reached("a1", "a2")},
			{ID: "b", Reached: true, Hard: reached("b1", "b2")},
		},
		Hard:  reached("a1", "a2"),
		Level: rule.Level{ID: "1", Rank: 1},
		Reach: rule.Mark{Status: rule.Unassessed}, Descr: rule.Mark{Status: rule.Unassessed},
	}
	none := &world{Hard: []rule.Requirement{{ID: "a1", Status: rule.NotYet}}, Level: rule.Level{ID: "1", Rank: 1}}
	shape := Shape{Skills: []string{"a", "b"}, Levels: []string{"1"}, Requirements: []string{"a1", "a2", "b1", "b2"}, Sizes: Sizes{List: 2, Text: 10, Name: 4}}
	for _, tc := range []struct {
		scope Scope
		rule  string
		on    *world
		want  bool
	}{
		// findLastIndex nested in a predicate left a value on expr's
		// stack (expr #950): rank 0, or "cannot fetch 2 from bool".
		{LevelRule, "all(skills, findLastIndex(.hard, .reached) == 1)", two, true},
		{LevelRule, "sum(skills, [0, 1, 3, 6][findLastIndex(.hard, .reached) + 1]) >= 1", two, true},
		{LevelRule, "findLastIndex(skills, .reached) == findLastIndex(skills, true) and all(skills, findLastIndex(.hard, false) == -1)", two, true},
		// findIndex and findLastIndex gave nil when nothing matched.
		{LevelRule, "findIndex(skills, !.reached) == -1", two, true},
		{SkillRule, "findLastIndex(hard, .reached) + 1 == 0", none, true},
	} {
		p, err := Compile(tc.scope, tc.rule, Limits{})
		if err == nil {
			err = p.Check(shape)
		}
		if err != nil {
			t.Errorf("%s: %v", tc.rule, err)
			continue
		}
		var m vm.VM
		got, err := p.runOn(&m, tc.on.env(tc.scope))
		if err != nil || got != tc.want {
			t.Errorf("%s = %v, %v; want %v", tc.rule, got, err, tc.want)
		}
	}
	// The forms that cannot be given a value on every assessment are
	// refused, whether nested or side by side.
	for _, rule := range []string{
		"first(map(skills, findLastIndex(.hard, .reached))) == 1",
		"(findLast(hard, false) == nil) == (findLast(soft, false) == nil) and all(hard, .reached)",
		"all(hard, .reached) and (len(soft) == 0 or none(map(hard, last(filter(soft, true)) == nil), #))",
	} {
		scope := SkillRule
		if strings.Contains(rule, "skills") {
			scope = LevelRule
		}
		if _, err := Compile(scope, rule, Limits{}); err == nil {
			t.Errorf("Compile(%q) succeeded, want it refused", rule)
		}
	}
}

// Identical patterns are compiled once, for all the rules that use them.
func TestPatternsCompiledOnce(t *testing.T) {
	a, err := compilePattern("^(senior|staff) engineer$")
	if err != nil {
		t.Fatal(err)
	}
	b, err := compilePattern("^(senior|staff) engineer$")
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Error("the same pattern was compiled twice")
	}
}

// The variables that came with skill levels and named values (points,
// skillLevels, rank, next) take names rules could give their lets before:
// a let may still be named after them where the scope has no such
// variable, so that the rules written before stay valid.
func TestLetNamesOfNewVariables(t *testing.T) {
	for _, tt := range []struct {
		scope Scope
		src   string
		ok    bool
	}{
		{SkillRule, "let points = count(hard, .reached); points >= 2", true},
		{SkillRule, "let skillLevels = 1; skillLevels > 0", true},
		{LevelRule, "let rank = 1; rank > 0", true},
		{LevelRule, "let points = 1; points > 0", false},
		{ValueRule, "let next = 1; next", false},
		{SkillRule, "let skills = 1; skills > 0", false},
	} {
		_, err := Compile(tt.scope, tt.src, Limits{})
		if (err == nil) != tt.ok {
			t.Errorf("%s rule %q: got %v, want ok %v", tt.scope, tt.src, err, tt.ok)
		}
	}
}
