package dsl

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/expr-lang/expr/vm"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"

	"github.com/ladderkit/ladder/internal/rulegen"
)

// ruleCase is a generated rule and a generated world to run it on.
type ruleCase struct {
	Scope Scope
	Rule  *rulegen.Expr
	World world
}

func (c ruleCase) String() string {
	return fmt.Sprintf("%s rule %s\non %+v", c.Scope, c.Rule, c.World)
}

// genCase generates rule cases of both scopes, shrinking by the rule.
func genCase(p *gopter.GenParameters) *gopter.GenResult {
	r := rand.New(rand.NewSource(p.Rng.Int63()))
	scope := Scope(r.Intn(3))
	g := rulegen.New(r, int(scope))
	c := ruleCase{Scope: scope, Rule: g.Rule(2 + r.Intn(4)), World: genWorld(r)}
	return gopter.NewGenResult(c, func(v any) gopter.Shrink {
		c := v.(ruleCase)
		smaller := rulegen.Shrinks(c.Rule)
		sort.SliceStable(smaller, func(i, j int) bool { return smaller[i].Size() < smaller[j].Size() })
		k := 0
		return func() (any, bool) {
			if k >= len(smaller) {
				return nil, false
			}
			k++
			return ruleCase{Scope: c.Scope, Rule: smaller[k-1], World: c.World}, true
		}
	})
}

// propertyParameters returns gopter's parameters, seeded from
// LADDER_PROPERTY_SEED or the clock, with LADDER_PROPERTY_TESTS cases (by
// default n), and logs the seed so that a failure can be replayed.
func propertyParameters(t *testing.T, n int) *gopter.TestParameters {
	seed := time.Now().UnixNano()
	if s, err := strconv.ParseInt(os.Getenv("LADDER_PROPERTY_SEED"), 10, 64); err == nil {
		seed = s
	}
	if s, err := strconv.Atoi(os.Getenv("LADDER_PROPERTY_TESTS")); err == nil && s > 0 {
		n = s
	}
	p := gopter.DefaultTestParametersWithSeed(seed)
	p.MinSuccessfulTests = n
	p.MaxShrinkCount = 2000
	t.Logf("LADDER_PROPERTY_SEED=%d LADDER_PROPERTY_TESTS=%d", seed, n)
	return p
}

// outcome is what became of a generated rule.
type outcome int

const (
	refusedAtCompile outcome = iota
	refusedOnLadder
	accepted
)

// tryRule compiles a rule case, checks it on the world's ladder and, when
// both accept it, runs it on expr's machine and on the reference, and
// returns what went wrong: an error or panic of the machine, a verdict
// without value (NaN, an index out of range...), verdicts that differ, or
// more steps than the cost model estimated.
func tryRule(c ruleCase) (outcome, error) {
	return tryRuleOutcome(c, c.Rule.String())
}

// tryRuleSource is tryRule for a rule given as its source.
func tryRuleSource(c ruleCase, src string) error {
	_, err := tryRuleOutcome(c, src)
	return err
}

func tryRuleOutcome(c ruleCase, src string) (outcome, error) {
	p, err := Compile(c.Scope, src, Limits{})
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			return refusedAtCompile, fmt.Errorf("Compile(%q): error %T is not a *dsl.Error", src, err)
		}
		return refusedAtCompile, nil
	}
	shape := shapeOf(&c.World)
	if err := p.Check(shape); err != nil {
		return refusedOnLadder, nil
	}
	var m vm.VM
	got, err := func() (got any, err error) {
		defer func() {
			if x := recover(); x != nil {
				err = fmt.Errorf("panic: %v", x)
			}
		}()
		if c.Scope == ValueRule {
			return p.valueOn(&m, c.World.env(c.Scope))
		}
		return p.runOn(&m, c.World.env(c.Scope))
	}()
	if err != nil {
		return accepted, fmt.Errorf("rule %q passed Check but failed on expr's machine: %v", src, err)
	}
	want, steps, err := reference(p.ir, c.Scope, &c.World)
	if err != nil {
		return accepted, fmt.Errorf("rule %q passed Check but has no value: %v", src, err)
	}
	if got != want {
		return accepted, fmt.Errorf("rule %q: expr's machine says %v, the reference %v", src, got, want)
	}
	if estimate := p.cost(shape.Sizes); steps > estimate {
		return accepted, fmt.Errorf("rule %q took %.1f steps, over its estimate of %.1f", src, steps, estimate)
	}
	return accepted, nil
}

// Validates implies evaluates: a generated rule that Compile and Check
// accept runs on expr's machine without an error or a panic, to the verdict
// of the reference evaluator, in no more steps than Cost estimated. Rules
// refused are counted: the generator must produce enough accepted ones to
// mean something.
func TestGeneratedRules(t *testing.T) {
	params := propertyParameters(t, 3000)
	counts := map[outcome]int{}
	// accepted rules by scope, and those that read what the shapes of
	// "any ladder" add
	byScope := map[Scope]int{}
	newNames := 0
	properties := gopter.NewProperties(params)
	var last error
	properties.Property("checked rules evaluate, as the reference says", prop.ForAll(func(c ruleCase) bool {
		o, err := tryRule(c)
		counts[o]++
		if o == accepted {
			byScope[c.Scope]++
			src := c.Rule.String()
			for _, name := range []string{"skillLevels", "points", "threshold", "rank", "next."} {
				if strings.Contains(src, name) && (name != "rank" || c.Scope == ValueRule) {
					newNames++
					break
				}
			}
		}
		if err != nil {
			last = err
			return false
		}
		return true
	}, gopter.Gen(genCase)))
	var out strings.Builder
	ok := properties.Run(gopter.NewFormatedReporter(true, 120, &out))
	t.Log(out.String())
	t.Logf("rules tried: %d refused by Compile, %d refused by Check, %d accepted and run (skill %d, level %d, value %d; %d read skillLevels, points, thresholds, rank or next)",
		counts[refusedAtCompile], counts[refusedOnLadder], counts[accepted], byScope[SkillRule], byScope[LevelRule], byScope[ValueRule], newNames)
	if !ok {
		t.Errorf("the property failed: %v (replay with the seed above)", last)
	}
	if total := counts[refusedAtCompile] + counts[refusedOnLadder] + counts[accepted]; counts[accepted]*3 < total {
		t.Errorf("only %d of %d generated rules were accepted: the generator tests too little", counts[accepted], total)
	}
}
