package ladder_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
)

var exampleAssessments = []string{"alice-newcomer", "bruno-squad-expert", "chloe-gap"}

// The example assessments give the results their README promises.
func TestExampleAssessments(t *testing.T) {
	l, err := ladder.Load("examples/devops-technical-mastery/ladder.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		rank    int
		reached []bool
		// next is, for the level above the rank, each group not reached
		// and its missing requirements.
		next map[string][]string
		// softMissing counts, per level reached, soft requirements not
		// reached.
		softMissing map[int]int
	}{
		{
			name:    "alice-newcomer",
			rank:    1,
			reached: []bool{true, false, false, false, false, false},
			next: map[string][]string{
				// Three marked not_yet, the last unassessed.
				"devops":     {"l2-devops-automates-repeatable-tasks", "l2-devops-easy-tools-for-devs", "l2-devops-relevant-architecture-choices", "l2-devops-at-ease-most-technologies"},
				"monitoring": {"l2-monitoring-improves-dashboards-alerting", "l2-monitoring-supports-deployment-release", "l2-monitoring-analyses-alert-urgency", "l2-monitoring-solves-common-incidents"},
				"dev-cycle":  {"l2-dev-cycle-consistently-writes-good-prs", "l2-dev-cycle-challenges-spec-to-simplify"},
				"quality":    {"l2-quality-refactors-existing-code", "l2-quality-few-functional-review-remarks"},
			},
			softMissing: map[int]int{1: 1},
		},
		{
			name:    "bruno-squad-expert",
			rank:    3,
			reached: []bool{true, true, true, false, false, false},
			next: map[string][]string{
				"monitoring": {"l4-monitoring-writes-great-postmortems", "l4-monitoring-quick-vs-clean-fix", "l4-monitoring-proactively-improves-security", "l4-monitoring-mitigates-qos-risks"},
				"quality":    {"l4-quality-anticipates-potential-issues", "l4-quality-almost-no-bugs"},
			},
			softMissing: map[int]int{2: 1, 3: 3},
		},
		{
			name:        "chloe-gap",
			rank:        2,
			reached:     []bool{true, true, false, true, false, false},
			next:        map[string][]string{"quality": {"l3-quality-creates-few-bugs"}},
			softMissing: map[int]int{},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ladder.LoadAssessment("examples/devops-technical-mastery/" + tc.name + ".json")
			if err != nil {
				t.Fatal(err)
			}
			res := evaluate(t, l, a)
			var reached []bool
			softMissing := map[int]int{}
			for _, lv := range res.Levels {
				reached = append(reached, lv.Reached)
				if lv.Rank <= res.Rank {
					for _, g := range lv.Groups {
						if n := g.Soft.Total - g.Soft.Reached; n > 0 {
							softMissing[lv.Rank] += n
						}
					}
				}
			}
			if res.Rank != tc.rank || !reflect.DeepEqual(reached, tc.reached) {
				t.Errorf("got rank %d, levels %v; want rank %d, levels %v", res.Rank, reached, tc.rank, tc.reached)
			}
			if !reflect.DeepEqual(softMissing, tc.softMissing) {
				t.Errorf("soft requirements not reached by level: got %v, want %v", softMissing, tc.softMissing)
			}
			next := map[string][]string{}
			for _, g := range res.Next().Groups {
				if !g.Reached {
					next[g.Skill] = g.Missing
				}
			}
			if !reflect.DeepEqual(next, tc.next) {
				t.Errorf("missing for the next level: got %v, want %v", next, tc.next)
			}
		})
	}
}

// The example ladder is faithful to the sheet it was transcribed from: each
// requirement's text is in the sheet, and each bullet of the sheet is in a
// requirement.
func TestExampleLadderFaithfulToSheet(t *testing.T) {
	dir := "examples/devops-technical-mastery"
	sheet, err := os.ReadFile(filepath.Join(dir, "sheet.txt"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := ladder.Load(filepath.Join(dir, "ladder.json"))
	if err != nil {
		t.Fatal(err)
	}
	rest := string(sheet)
	count := 0
	for _, lv := range l.Levels {
		for _, r := range lv.Requirements {
			count++
			if !strings.Contains(rest, "- "+r.Text) {
				t.Errorf("requirement %s: text %q is not in the sheet (or is there twice)", r.ID, r.Text)
				continue
			}
			rest = strings.Replace(rest, "- "+r.Text, "", 1)
		}
	}
	// What is left of the sheet are row numbers, headings, level cells and
	// the header: no bullet may be left.
	if bullet := regexp.MustCompile(`(?m)- \S.*`).FindString(rest); bullet != "" {
		t.Errorf("the sheet has a bullet no requirement holds: %q", bullet)
	}
	if count != 73 {
		t.Errorf("got %d requirements, want the sheet's 73", count)
	}
	var reaches []string
	for _, lv := range l.Levels {
		reaches = append(reaches, lv.Reach)
		if !strings.Contains(string(sheet), lv.Description) {
			t.Errorf("level %s: description is not in the sheet", lv.ID)
		}
	}
	want := []string{"Self", "Others in Squad", "Squad", "Other squads", "Leads team / impact others", "Company / Market"}
	if !slices.Equal(reaches, want) {
		t.Errorf("got reaches %q, want %q", reaches, want)
	}
}
