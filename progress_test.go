package ladder_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ladderkit/ladder"
)

func evaluateFile(t *testing.T, l *ladder.Ladder, path string) *ladder.Result {
	t.Helper()
	a, err := ladder.LoadAssessment(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Evaluate(a)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func ids(list []ladder.RequirementResult) []string {
	var out []string
	for _, r := range list {
		out = append(out, r.ID)
	}
	return out
}

func TestProgress(t *testing.T) {
	const dir = "examples/devops-technical-mastery/"
	v1, v2 := mustLoad(t, dir+"ladder.json"), mustLoad(t, dir+"ladder-v2.json")
	may := evaluateFile(t, v1, dir+"alice-2026-05.json")
	nov := evaluateFile(t, v1, dir+"alice-newcomer.json")
	// In November, against version 2: Alice's May marks of what version
	// 2 lacks are orphans; what version 2 adds is unassessed.
	nov2 := evaluateFile(t, v2, dir+"alice-2026-05.json")
	nov2.Date = "2026-11-21"

	got, err := ladder.Progress([]*ladder.Result{may, nov, nov2})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || len(got[0].Gained)+len(got[0].Lost) != 0 {
		t.Fatalf("got %+v", got)
	}
	wantGained := []string{
		"l1-devops-codes-simple-features", "l1-monitoring-participates-on-call-rotations", "l1-quality-writes-straightforward-tests",
		"l2-devops-handles-most-features", "l2-devops-helps-newcomers-learn-ropes", "l2-devops-writes-good-code",
	}
	if g := ids(got[1].Gained); !slices.Equal(g, wantGained) {
		t.Errorf("gained %v, want %v", g, wantGained)
	}
	if l := ids(got[1].Lost); !slices.Equal(l, []string{"l1-devops-asks-for-help"}) {
		t.Errorf("lost %v", l)
	}
	if got[1].Lost[0].Reason == "" || got[1].Result != nov {
		t.Errorf("a checkpoint keeps the result and the reasons: %+v", got[1])
	}
	// From November (version 1) back to May's marks on version 2: what
	// November reached and May did not are not yet or unassessed; only
	// the not_yet ones went back.
	if l := ids(got[2].Lost); !slices.Equal(l, []string{"l1-devops-codes-simple-features", "l1-monitoring-participates-on-call-rotations", "l1-quality-writes-straightforward-tests"}) {
		t.Errorf("lost across versions %v", l)
	}

	for _, tc := range []struct {
		results []*ladder.Result
		want    string
	}{
		{[]*ladder.Result{nov, may}, "result 2 is of 2026-05-20, before the result before it (2026-11-20)"},
		{[]*ladder.Result{may, evaluateFile(t, v1, dir+"chloe-gap.json")}, `result 2 is of "chloe", result 1 of "alice"`},
		{[]*ladder.Result{may, nil}, "result 2 is nil"},
	} {
		if _, err := ladder.Progress(tc.results); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
	if p, err := ladder.Progress(nil); err != nil || len(p) != 0 {
		t.Errorf("no results: %v, %v", p, err)
	}
}

func TestCompare(t *testing.T) {
	const dir = "examples/devops-technical-mastery/"
	v1, v2 := mustLoad(t, dir+"ladder.json"), mustLoad(t, dir+"ladder-v2.json")
	self := evaluateFile(t, v1, dir+"chloe-self.json")
	manager := evaluateFile(t, v1, dir+"chloe-gap.json")
	if d, err := ladder.Compare(self, self); err != nil || len(d) != 0 {
		t.Errorf("a result against itself: %v, %v", d, err)
	}
	d, err := ladder.Compare(self, manager)
	if err != nil {
		t.Fatal(err)
	}
	req := *manager.Requirement("l3-quality-creates-few-bugs")
	want := ladder.Disagreement{Level: "3", Skill: "quality", A: req, B: req}
	want.A.Status, want.A.Reason = ladder.Reached, "Both incidents came from a flaky dependency, not from my changes"
	if len(d) != 3 || !reflect.DeepEqual(d[0], want) {
		t.Errorf("got %+v\nwant first %+v", d, want)
	}
	// Across versions: what only one version has is unassessed in the
	// other; a requirement only b's version has comes last.
	manager2 := evaluateFile(t, v2, dir+"chloe-self.json")
	d, err = ladder.Compare(manager, manager2)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range d {
		got = append(got, x.A.ID+" "+string(x.A.Status)+"/"+string(x.B.Status))
	}
	// Version 2 removed the first and renamed the second; its new
	// requirement is unassessed on both sides, so no disagreement.
	want2 := []string{
		"l1-devops-asks-for-help reached/unassessed",
		"l2-devops-writes-good-code reached/unassessed",
		"l3-quality-creates-few-bugs not_yet/reached",
		"l4-devops-plans-huge-refactors reached/not_yet",
		"l4-monitoring-mitigates-qos-risks not_applicable/reached",
	}
	if !slices.Equal(got, want2) {
		t.Errorf("across versions got %v\nwant %v", got, want2)
	}
	d, err = ladder.Compare(manager2, manager)
	if err != nil || len(d) != 5 || d[4].B.ID != "l2-devops-writes-good-code" || d[4].A.ID != "l2-devops-writes-good-code" || d[4].A.Text == "" {
		t.Errorf("what only b's version has comes last: %+v, %v", d, err)
	}
	// Steps: a requirement of a step has its step, and says when its mark
	// was implied.
	steps := mustLoad(t, "examples/points-and-titles/ladder.json")
	ivo := evaluateFile(t, steps, "examples/points-and-titles/ivo-manager.json")
	var implied *ladder.RequirementResult
	for _, sk := range ivo.Skills {
		for _, st := range sk.Steps {
			for i, r := range st.Group.Requirements {
				if r.Implied && implied == nil {
					implied = &st.Group.Requirements[i]
				}
			}
		}
	}
	if implied == nil {
		t.Fatal("no implied mark in ivo's result")
	}
	other := evaluateFile(t, steps, "examples/points-and-titles/ivo-manager.json")
	other.Requirement(implied.ID).Status, other.Requirement(implied.ID).Implied = ladder.NotYet, false
	d, err = ladder.Compare(ivo, other)
	if err != nil || len(d) != 1 || d[0].Step == "" || d[0].Level != "" || !d[0].A.Implied || d[0].B.Implied {
		t.Errorf("a step's requirement: %+v, %v", d, err)
	}
	if _, err := ladder.Compare(self, evaluateFile(t, v1, dir+"alice-newcomer.json")); err == nil {
		t.Error("two people compared")
	}
}
