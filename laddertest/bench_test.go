package laddertest_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/laddertest"
	"github.com/ladderkit/ladder/rules"
)

// lintLadder builds a ladder of levels × skills × per requirements (two
// hard, the rest soft, in each group) with custom rules, as a transcription
// of a points-based framework has them.
func lintLadder(tb testing.TB, levels, skills, per int) *ladder.Ladder {
	l := ladder.Ladder{ID: "big", Name: "Big", Rules: &rules.Rules{
		Skill: "all(hard, .reached) and share(soft) >= 0.5",
		Level: "missing(skills) <= 1 and reachMark.status != 'not_yet'",
	}}
	for k := range skills {
		l.Skills = append(l.Skills, ladder.Skill{ID: fmt.Sprintf("s%d", k), Name: fmt.Sprintf("Skill %d", k)})
	}
	for i := range levels {
		lv := ladder.Level{ID: fmt.Sprintf("l%d", i+1)}
		for k := range skills {
			for j := range per {
				kind := ladder.Soft
				if j < 2 {
					kind = ladder.Hard
				}
				lv.Requirements = append(lv.Requirements, ladder.Requirement{
					ID: fmt.Sprintf("l%d-s%d-r%d", i+1, k, j), Skill: fmt.Sprintf("s%d", k), Kind: kind, Text: "A requirement"})
			}
		}
		l.Levels = append(l.Levels, lv)
	}
	data, err := json.Marshal(&l)
	if err != nil {
		tb.Fatal(err)
	}
	parsed, err := ladder.Parse(data)
	if err != nil {
		tb.Fatal(err)
	}
	return parsed
}

// BenchmarkLint measures the search of ladder lint (500 assessments, its
// default) against the size of the ladder: its time grows linearly, as each
// flip of a mark decides its level alone.
//
//	go test -run XXX -bench BenchmarkLint -benchtime 3x ./laddertest
func BenchmarkLint(b *testing.B) {
	for _, size := range []struct{ levels, skills, per int }{
		{5, 4, 5},   // 100 requirements
		{15, 4, 5},  // 300
		{15, 8, 5},  // 600
		{15, 16, 5}, // 1200: the transcription of a points-based framework
	} {
		l := lintLadder(b, size.levels, size.skills, size.per)
		n := size.levels * size.skills * size.per
		b.Run(fmt.Sprintf("requirements=%d", n), func(b *testing.B) {
			for b.Loop() {
				c, err := laddertest.Search{Tests: 500, Seed: 1}.FindNonMonotone(l)
				if err != nil || c != nil {
					b.Fatalf("got %v, %v; want no counterexample", c, err)
				}
			}
		})
	}
}
