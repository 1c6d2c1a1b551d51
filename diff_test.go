package ladder_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
)

// The revision of the DevOps example changes one of each kind of thing.
func TestDiff(t *testing.T) {
	v1 := mustLoad(t, "examples/devops-technical-mastery/ladder.json")
	v2 := mustLoad(t, "examples/devops-technical-mastery/ladder-v2.json")
	var got []string
	for _, c := range ladder.Diff(v1, v2) {
		got = append(got, c.String())
	}
	want := []string{
		`changed the version of the ladder: 2.0.0, was 1.0.0`,
		`added requirement l2-devops-writes-clear-tested-code (level 2, skill devops: Writes good code (clear, testable, documented) / apply good practice)`,
		`reworded requirement l2-devops-easy-tools-for-devs: "Provides tools that developers find easy to use, and documents them", was "Ensures to provide tools that are easy to use for dev"`,
		`requirement l2-devops-relevant-architecture-choices is soft, not hard`,
		`added requirement l3-devops-knows-cloud-costs (level 3, skill devops: Knows what the services of the squad cost to run, and keeps the cost down)`,
		`moved requirement l3-monitoring-finds-incident-origins from level 3, skill monitoring to level 4, skill monitoring`,
		`removed requirement l1-devops-asks-for-help (level 1, skill devops: Knows when to ask for help, and who to ask and doesn't get stuck on a problem)`,
		`removed requirement l2-devops-writes-good-code (level 2, skill devops: Writes good code (clear, testable, documented) / apply good practice)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d := ladder.Diff(v2, v2); len(d) != 0 {
		t.Errorf("a ladder against itself: %v", d)
	}
}

func mustLoad(t testing.TB, path string) *ladder.Ladder {
	t.Helper()
	l, err := ladder.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// Diff sees the tracks, named values, steps, points, thresholds, profiles,
// rules, details and orders of "Any ladder".
func TestDiffShapes(t *testing.T) {
	for _, tc := range []struct {
		path string
		edit func(l *ladder.Ladder)
		want []string
	}{
		{"examples/points-and-titles/ladder.json", func(l *ladder.Ladder) {
			l.Tracks[1].Name = "People manager"
			l.Tracks = append(l.Tracks, ladder.Track{ID: "staff", Name: "Staff"})
			l.Values = l.Values[1:]
			l.Values[0].Rule = "0"
			l.Rules.Level = "points > level.threshold"
			l.Skills[0].Steps[1].Points = 99
			l.Skills[0].Steps[3], l.Skills[0].Steps[4] = l.Skills[0].Steps[4], l.Skills[0].Steps[3]
			l.Levels[0].Threshold = 2
			l.Levels[0].Label = "E1"
			l.Skills[0].Steps[0].Requirements[0].Examples = []string{"a linter rule"}
		}, []string{
			`changed the rules of the ladder: level rule "points > level.threshold", was level rule "points >= level.threshold"`,
			`changed the name of track manager: People manager, was Manager`,
			`added track staff (Staff)`,
			`changed the rule of value points-to-next-title: 0, was next.rank > 0 ? max(0, next.threshold - points) : 0`,
			`removed value total-points (Total points)`,
			`changed the points of step building-2: 99, was `,
			`changed the label of level engineer-1: E1, was none`,
			`changed the threshold of level engineer-1: 2, was 1`,
			`changed the details of requirement `,
			`changed the order of steps of skill building of the ladder: building-1, building-2, building-3, building-5, building-4, was building-1, building-2, building-3, building-4, building-5`,
		}},
		{"examples/axes-and-roles/ladder.json", func(l *ladder.Ladder) {
			l.Levels[1].Profile["system"] = 2
			l.Levels[0], l.Levels[1] = l.Levels[1], l.Levels[0]
			l.Skills = l.Skills[1:]
		}, []string{
			`changed the profile of level d2: influence 1, people 1, process 1, system 2, technology 2, was influence 1, people 1, process 1, system 1, technology 2`,
			`removed skill technology (Technology)`,
			`changed the order of levels of the ladder: d2, d1,`,
		}},
	} {
		old := mustLoad(t, tc.path)
		data, err := json.Marshal(old)
		if err != nil {
			t.Fatal(err)
		}
		var edited ladder.Ladder
		if err := json.Unmarshal(data, &edited); err != nil {
			t.Fatal(err)
		}
		tc.edit(&edited)
		var lines []string
		for _, c := range ladder.Diff(old, &edited) {
			lines = append(lines, c.String())
		}
		got := strings.Join(lines, "\n")
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %q in\n%s", tc.path, w, got)
			}
		}
	}
}
