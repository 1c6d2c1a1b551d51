package laddertest_test

import (
	"fmt"
	"log"
	"os"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/laddertest"
	"github.com/ladderkit/ladder/rules"
)

// A rule that counts soft requirements with == loses the skill when a
// second one is reached: the search finds it, shrunk to two marks.
func ExampleSearch_FindNonMonotone() {
	l, err := ladder.Parse([]byte(`{
	  "id": "reviews", "name": "Reviews", "skills": [{"id": "review", "name": "Review"}],
	  "rules": {"skill": "all(hard, .reached) and count(soft, .reached) == 1"},
	  "levels": [{"id": "1", "requirements": [
	    {"id": "reviews-prs", "skill": "review", "kind": "hard", "text": "Reviews PRs"},
	    {"id": "suggests-fixes", "skill": "review", "kind": "soft", "text": "Suggests fixes"},
	    {"id": "explains-remarks", "skill": "review", "kind": "soft", "text": "Explains remarks"}]}]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	c, err := laddertest.Search{Tests: 100, Seed: 1}.FindNonMonotone(l)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Changed, "lost skill", c.Skill, "at level", c.Level, "rank", c.RankBefore, "->", c.RankAfter)
	fmt.Println(len(c.Before.Marks), "marks before")
	// Output:
	// suggests-fixes lost skill review at level 1 rank 1 -> 0
	// 2 marks before
}

// A cases file pins the rank each known assessment gives.
func ExampleLoadCases() {
	c, err := laddertest.LoadCases("../examples/devops-technical-mastery/cases.json")
	if err != nil {
		log.Fatal(err)
	}
	l, err := ladder.Load("../examples/devops-technical-mastery/" + c.Ladder)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range c.Cases {
		fmt.Println(p.Assessment, p.Rank, p.Check(l, "../examples/devops-technical-mastery"))
	}
	// Output:
	// alice-newcomer.json 1 <nil>
	// bruno-squad-expert.json 3 <nil>
	// chloe-gap.json 2 <nil>
}

// The generators serve properties of a team's own: here, that the rank is
// never above the number of levels.
func ExampleGenCase() {
	params := gopter.DefaultTestParametersWithSeed(1)
	properties := gopter.NewProperties(params)
	properties.Property("rank within bounds", prop.ForAll(func(c laddertest.Case) bool {
		l, err := c.Shape.Ladder()
		if err != nil {
			return false
		}
		res, err := l.Evaluate(c.Marks.Assessment(l))
		return err == nil && res.Rank >= 0 && res.Rank <= len(l.Levels)
	}, laddertest.GenCase()))
	properties.Run(gopter.NewFormatedReporter(false, 80, os.Stdout))
	// Output:
	// + rank within bounds: OK, passed 100 tests.
}

// The generators of any ladder serve properties over tracks, steps and
// points: here, that the rank on each track is never above the number of
// the track's levels.
func ExampleGenAnyCase() {
	params := gopter.DefaultTestParametersWithSeed(1)
	properties := gopter.NewProperties(params)
	properties.Property("rank on each track within bounds", prop.ForAll(func(c laddertest.Case) bool {
		l, err := c.Shape.Ladder()
		if err != nil {
			return false
		}
		res, err := l.Evaluate(c.Marks.Assessment(l))
		if err != nil {
			return false
		}
		for _, t := range res.Tracks {
			n := 0
			for _, lv := range l.Levels {
				if lv.Track == "" || lv.Track == t.ID {
					n++
				}
			}
			if t.Rank > n {
				return false
			}
		}
		return res.Rank <= len(l.Levels)
	}, laddertest.GenAnyCase(rules.Rules{}, rules.Rules{Level: "points >= level.threshold"})))
	properties.Run(gopter.NewFormatedReporter(false, 80, os.Stdout))
	// Output:
	// + rank on each track within bounds: OK, passed 100 tests.
}

// A level rule that wants more skills than a level has leaves every level
// out of reach; one that lets a skill lag reaches, with nothing reached, a
// level of one skill.
func ExampleFindConstant() {
	for _, rule := range []string{"all(skills, .reached) and len(skills) > 50", "missing(skills) <= 1"} {
		l, err := ladder.Parse([]byte(`{
		  "id": "team", "name": "Team", "rules": {"level": "` + rule + `"},
		  "skills": [{"id": "code", "name": "Code"}, {"id": "ops", "name": "Ops"}],
		  "levels": [
		    {"id": "1", "requirements": [
		      {"id": "1-code", "skill": "code", "kind": "hard", "text": "Writes code"},
		      {"id": "1-ops", "skill": "ops", "kind": "hard", "text": "Runs it"}]},
		    {"id": "2", "requirements": [
		      {"id": "2-code", "skill": "code", "kind": "hard", "text": "Designs code"}]}]
		}`))
		if err != nil {
			log.Fatal(err)
		}
		constants, err := laddertest.FindConstant(l)
		if err != nil {
			log.Fatal(err)
		}
		for _, c := range constants {
			fmt.Println(c)
		}
	}
	// Output:
	// level "1" is not reached, even with every requirement and level mark reached
	// level "2" is not reached, even with every requirement and level mark reached
	// level "2" is reached with nothing reached: with no mark at all
}
