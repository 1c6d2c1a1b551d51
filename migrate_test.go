package ladder_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/ladderkit/ladder"
	"github.com/ladderkit/ladder/laddertest"
)

// version2 is testLadder revised: 1a-h2 is gone, 3a-h1 is renamed 3a-h9,
// and level 3 gets a new requirement.
func version2(t testing.TB) *ladder.Ladder {
	doc := strings.Replace(testLadder, `"version": "2"`, `"version": "3"`, 1)
	doc = strings.Replace(doc, `{"id": "1a-h2", "skill": "a", "kind": "hard", "text": "a hard two"},`, "", 1)
	doc = strings.Replace(doc, `{"id": "3a-h1", "skill": "a", "kind": "hard", "text": "a hard"}`, `{"id": "3a-h9", "skill": "a", "kind": "hard", "text": "a hard"}, {"id": "3b-new", "skill": "b", "kind": "hard", "text": "new"}`, 1)
	return mustParse(t, doc)
}

// An assessment made against version 2 evaluates against version 3: the
// marks of what version 3 lacks are orphans, with their reasons; what is
// new is unassessed. With the same version, an unknown ID is an error.
func TestOtherVersion(t *testing.T) {
	l := version2(t)
	a := assess(t, "1a-h1=reached", "1a-h2=not_yet", "3a-h1=reached")
	a.Marks["1a-h2"] = ladder.Mark{Status: ladder.NotYet, Reason: "no tests yet"}
	a.LadderVersion = "2"
	a.Levels = map[string]ladder.LevelMarks{"9": {Reach: &ladder.Mark{Status: ladder.Reached}}}
	res := evaluate(t, l, a)
	want := []ladder.Orphan{
		{ID: "1a-h2", Of: "requirement", Mark: ladder.Mark{Status: ladder.NotYet, Reason: "no tests yet"}},
		{ID: "3a-h1", Of: "requirement", Mark: ladder.Mark{Status: ladder.Reached}},
		{ID: "9", Of: "reach", Mark: ladder.Mark{Status: ladder.Reached}},
	}
	if !reflect.DeepEqual(res.Orphans, want) {
		t.Errorf("orphans %+v, want %+v", res.Orphans, want)
	}
	if r := res.Requirement("3b-new"); r == nil || r.Status != ladder.Unassessed {
		t.Errorf("the new requirement: %+v", r)
	}
	a.LadderVersion = "3"
	if _, err := l.Evaluate(a); err == nil || !strings.Contains(err.Error(), `/marks/1a-h2: ladder "t" has no requirement "1a-h2"`) {
		t.Errorf("same version: got %v", err)
	}
	a.LadderVersion = ""
	if _, err := l.Evaluate(a); err == nil {
		t.Error("no version: an unknown ID must stay an error")
	}
}

func TestMigrate(t *testing.T) {
	l := version2(t)
	a := assess(t, "1a-h1=reached", "1a-h2=not_yet", "3a-h1=reached")
	a.LadderVersion = "2"
	a.Levels = map[string]ladder.LevelMarks{"1": {Reach: &ladder.Mark{Status: ladder.Reached}}, "9": {Description: &ladder.Mark{Status: ladder.NotYet, Reason: "r"}}}
	m, err := l.Migrate(a, map[string]string{"3a-h1": "3a-h9"})
	if err != nil {
		t.Fatal(err)
	}
	if m.LadderVersion != "3" || !reflect.DeepEqual(m.Marks, map[string]ladder.Mark{"1a-h1": {Status: ladder.Reached}, "3a-h9": {Status: ladder.Reached}}) {
		t.Errorf("migrated %+v", m)
	}
	if m.Orphaned == nil || m.Orphaned.Marks["1a-h2"].Status != ladder.NotYet || m.Orphaned.Levels["9"].Description.Reason != "r" || m.Levels["1"].Reach == nil {
		t.Errorf("orphaned %+v, levels %+v", m.Orphaned, m.Levels)
	}
	res := evaluate(t, l, m)
	if len(res.Orphans) != 2 || res.Requirement("3a-h9").Status != ladder.Reached {
		t.Errorf("the migrated assessment: orphans %+v", res.Orphans)
	}
	// Migrated again, to the same version: the same.
	again, err := l.Migrate(m, nil)
	if err != nil || !reflect.DeepEqual(again, m) {
		t.Errorf("migrating again: %+v, %v", again, err)
	}
	// Back to version 2 (testLadder), then to 3 again: what was orphaned
	// comes back, requirements and levels, the renamed one by its rename.
	v2 := mustParse(t, testLadder)
	a2 := assess(t, "1a-h1=reached")
	a2.LadderVersion = "3"
	a2.Orphaned = &ladder.Orphaned{
		Marks:  map[string]ladder.Mark{"1a-h2": {Status: ladder.NotYet, Reason: "back"}, "3a-h1": {Status: ladder.Reached, Reason: "renamed"}},
		Levels: map[string]ladder.LevelMarks{"2": {Reach: &ladder.Mark{Status: ladder.Reached, Reason: "level back"}}},
	}
	back, err := v2.Migrate(a2, nil)
	if err != nil {
		t.Fatal(err)
	}
	if back.Marks["1a-h2"].Reason != "back" || back.Levels["2"].Reach.Reason != "level back" || back.Marks["3a-h1"].Reason != "renamed" || back.Orphaned != nil {
		t.Errorf("back to version 2: %+v, orphaned %+v", back, back.Orphaned)
	}
	a2.Orphaned.Marks = map[string]ladder.Mark{"3a-h1": {Status: ladder.Reached, Reason: "renamed"}}
	a2.LadderVersion = "2"
	fwd, err := l.Migrate(a2, map[string]string{"3a-h1": "3a-h9"})
	if err != nil || fwd.Marks["3a-h9"].Reason != "renamed" {
		t.Errorf("an orphaned mark renamed: %+v, %v", fwd, err)
	}
	a2.Track = "ic"
	if _, err := l.Migrate(a2, nil); err == nil || !strings.Contains(err.Error(), `/track: ladder "t" has no track "ic"`) {
		t.Errorf("a track the ladder lacks: %v", err)
	}
	for renames, want := range map[string]string{
		"3a-h1=nope":  `rename "3a-h1" to "nope": ladder "t" has no requirement "nope"`,
		"1a-h1=3a-h9": `/marks/3a-h1: marks both "1a-h1" and "3a-h1", which both become "3a-h9"`,
	} {
		old, to, _ := strings.Cut(renames, "=")
		_, err := l.Migrate(a, map[string]string{old: to, "3a-h1": "3a-h9"})
		if renames == "3a-h1=nope" {
			_, err = l.Migrate(a, map[string]string{old: to})
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %s", renames, err, want)
		}
	}
}

// Migrating random assessments across random revisions of their ladder
// loses nothing: every mark and reason is in the new assessment's marks
// (under its new ID) or among its orphans, and it evaluates.
func TestMigrateLosesNothing(t *testing.T) {
	p := properties(t)
	p.Property("migration keeps every mark", prop.ForAll(func(c laddertest.Case, seed uint64) bool {
		old, a, _ := build(t, c)
		a.LadderVersion = "1"
		r := rand.New(rand.NewPCG(seed, 0))
		// A revision: some requirements removed, some renamed, one
		// added; some levels dropped at the top.
		doc := clone(t, old)
		doc.Version = "2"
		if len(doc.Levels) > 1 && r.IntN(2) == 0 {
			doc.Levels = doc.Levels[:len(doc.Levels)-1]
		}
		renames := map[string]string{}
		for i := range doc.Levels {
			var reqs []ladder.Requirement
			for _, req := range doc.Levels[i].Requirements {
				switch r.IntN(4) {
				case 0:
					continue // removed
				case 1:
					renames[req.ID] = req.ID + "-v2"
					req.ID += "-v2"
				}
				reqs = append(reqs, req)
			}
			reqs = append(reqs, ladder.Requirement{ID: fmt.Sprintf("new-%d", i), Kind: ladder.Hard, Text: "new"})
			doc.Levels[i].Requirements = reqs
		}
		l, err := reparse(t, &doc)
		if err != nil {
			t.Fatal(err)
		}
		m, err := l.Migrate(a, renames)
		if err != nil {
			t.Log(err)
			return false
		}
		for id, mark := range a.Marks {
			to := id
			if n, ok := renames[id]; ok {
				to = n
			}
			if got, ok := m.Marks[to]; ok && got == mark {
				continue
			}
			if m.Orphaned != nil && m.Orphaned.Marks[id] == mark {
				continue
			}
			t.Logf("mark %s %+v is lost", id, mark)
			return false
		}
		for id, lm := range a.Levels {
			if got, ok := m.Levels[id]; ok && reflect.DeepEqual(got, lm) {
				continue
			}
			if m.Orphaned != nil && reflect.DeepEqual(m.Orphaned.Levels[id], lm) {
				continue
			}
			t.Logf("the marks of level %s are lost", id)
			return false
		}
		m.LadderVersion = "2"
		_, err = l.Evaluate(m)
		return err == nil && m.LadderVersion == "2"
	}, laddertest.GenCase(), gen.UInt64()))
	p.TestingRun(t)
}

// Against a ladder without a version, an assessment's ladderVersion does
// not turn unknown IDs (typos) into orphans.
func TestUnversionedLadder(t *testing.T) {
	doc := strings.Replace(testLadder, `"version": "2",`, "", 1)
	if doc == testLadder {
		t.Fatal("testLadder has no version to remove")
	}
	l := mustParse(t, doc)
	a := assess(t, "1a-h1=reached")
	a.Marks["1a-hl"] = ladder.Mark{Status: ladder.Reached}
	a.LadderVersion = "1"
	if _, err := l.Evaluate(a); err == nil || !strings.Contains(err.Error(), `has no requirement "1a-hl"`) {
		t.Errorf("got %v", err)
	}
}

// A requirement's own orphaned mark comes back before one renamed to it;
// the renamed one stays orphaned, under its old ID.
func TestMigrateOrphanedOwnMarkFirst(t *testing.T) {
	l := version2(t)
	a := assess(t, "1a-h1=reached")
	a.LadderVersion = "2"
	a.Orphaned = &ladder.Orphaned{Marks: map[string]ladder.Mark{
		"3a-h1": {Status: ladder.Reached, Reason: "by old id"},
		"3a-h9": {Status: ladder.NotYet, Reason: "by its own id"},
	}}
	m, err := l.Migrate(a, map[string]string{"3a-h1": "3a-h9"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Marks["3a-h9"].Reason != "by its own id" || m.Orphaned == nil || m.Orphaned.Marks["3a-h1"].Reason != "by old id" || len(m.Orphaned.Marks) != 1 {
		t.Errorf("marks %+v, orphaned %+v", m.Marks, m.Orphaned)
	}
}
