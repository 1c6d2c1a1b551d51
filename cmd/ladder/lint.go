package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/engine"
	"github.com/ladderkit/ladder/internal/hook"
	"github.com/ladderkit/ladder/internal/rule"
	"github.com/ladderkit/ladder/laddertest"
)

var lintCommand = &command{
	name:    "lint",
	args:    "[--tests N] [--seed S] LADDER...",
	summary: "check that a ladder's rules behave like levels",
	help: `Lint checks that each ladder's rules behave like levels. It reports, at the
rule at fault:

	FILE:LINE:COLUMN: POINTER: MESSAGE

- a level or skill that cannot be reached, even with every requirement and
  level mark reached, and one reached with nothing reached;
- a rule that is not monotone: where reaching more loses a skill or a level,
  and so can lower a person's rank. It searches generated assessments with
  gopter (property-based testing) and shows the smallest counterexample it
  finds, one mark a line.

A ladder with the default rules passes at once: they are monotone, as the
library's own property tests prove. The exit status is 1 when a rule is not
monotone or a ladder is invalid. The search is random: --seed replays one.
`,
	flags: func(fs *flag.FlagSet) func(*command, []string, io.Reader, io.Writer, io.Writer) int {
		tests := fs.Int("tests", 500, "number of generated assessments to try")
		seed := fs.Int64("seed", 0, "seed of the search (0: $LADDERTEST_SEED, else the clock)")
		return func(c *command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
			if len(args) == 0 {
				return c.usageError(stderr, "no ladders to check")
			}
			if *tests <= 0 {
				return c.usageError(stderr, "--tests must be positive")
			}
			status := exitOK
			for _, path := range args {
				if s := lint(path, laddertest.Search{Tests: *tests, Seed: *seed}, stdout, stderr); s != exitOK {
					status = s
				}
			}
			return status
		}
	},
}

func lint(path string, search laddertest.Search, stdout, stderr io.Writer) int {
	// The file is read once: to parse the ladder, and to locate findings.
	data, err := readFile(path)
	if err != nil {
		return report(stderr, err)
	}
	parsed, err := hook.ParseLadder(path, data)
	if err != nil {
		return report(stderr, err)
	}
	l := parsed.(*ladder.Ladder)
	plan := hook.Plan(l)
	if !plan.Custom() {
		fmt.Fprintf(stdout, "%s: ok: the default rules are monotone\n", path)
		return exitOK
	}
	problem := func(level string, skill bool, msg string) {
		fmt.Fprintln(stderr, at(path, data, faultyRule(plan, level, skill), strings.ReplaceAll(msg, "\n", "\n    ")).String())
	}
	constants, err := laddertest.FindConstant(l)
	if err != nil {
		return report(stderr, err)
	}
	for _, k := range constants {
		problem(k.Level, k.Group, k.String())
	}
	c, err := search.FindNonMonotone(l)
	if err != nil {
		return report(stderr, err)
	}
	if c != nil {
		msg := fmt.Sprintf("rule is not monotone: %s", c)
		if !c.SkillLost && c.PointsBefore < c.PointsAfter && readsPoints(plan, c.Level) {
			msg += "\nthe rule reads points, which grow as more is reached: a rule true at fewer points must stay true at more," +
				"\nas points >= level.threshold does; points < N or points == N is not"
		}
		problem(c.Level, c.SkillLost, msg+fmt.Sprintf("\n--seed %d replays the search", c.Seed))
	}
	if c != nil || len(constants) > 0 {
		return exitInvalid
	}
	fmt.Fprintf(stdout, "%s: ok: no counterexample in %d assessments, and every level can be reached\n", path, max(search.Tests, 1))
	return exitOK
}

// readsPoints reports whether the level rule deciding at a level reads
// points.
func readsPoints(plan *engine.Plan, level string) bool {
	i, ok := plan.LookupLevel(level)
	if !ok {
		return false
	}
	prog, _ := plan.Rule(i, dsl.LevelRule)
	return prog != nil && prog.Uses&rule.UsesPoints != 0
}

// faultyRule returns the JSON pointer of the rule that decides at a level:
// the skill rule or the level rule, the level's own, else the ladder's.
func faultyRule(plan *engine.Plan, level string, skill bool) string {
	scope, name := dsl.LevelRule, "level"
	if skill {
		scope, name = dsl.SkillRule, "skill"
	}
	if i, ok := plan.LookupLevel(level); ok {
		if _, origin := plan.Rule(i, scope); origin >= 0 {
			return "/levels/" + strconv.Itoa(origin) + "/rules/" + name
		}
	}
	return "/rules/" + name
}
