package ladder

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"github.com/ladderkit/ladder/internal/source"
)

// Migrate returns the assessment a, made against another version of the
// ladder (or this one), for this version: ready to evaluate against l with
// nothing of a lost.
//
//   - A mark is carried over by its requirement's ID, or by the ID that
//     renames gives for it (old ID to new ID), for a requirement whose ID
//     changed.
//   - The mark of a requirement l does not have is kept in a.Orphaned, with
//     its reason; so are the marks of a level l does not have. An orphaned
//     mark of a requirement (by its ID or its rename) or of a level that l
//     has again, and that a does not mark, comes back.
//   - LadderVersion becomes l's version.
//
// It returns a *Error when a is of another ladder, when renames names a
// requirement l does not have, when a marks both a requirement and the one
// renamed to it, or when a names a track l does not have. a is not
// changed.
func (l *Ladder) Migrate(a *Assessment, renames map[string]string) (*Assessment, error) {
	if l.plan == nil {
		return nil, errNotChecked("Migrate")
	}
	var problems []Problem
	fail := func(ptr, format string, args ...any) {
		problems = append(problems, Problem{Pointer: ptr, Message: fmt.Sprintf(format, args...)})
	}
	if a.Ladder != l.id {
		fail("/ladder", "assessment is for ladder %q, not %q", a.Ladder, l.id)
		return nil, &Error{Problems: problems}
	}
	for _, old := range slices.Sorted(maps.Keys(renames)) {
		if _, ok := l.plan.Lookup(renames[old]); !ok {
			fail("", "rename %q to %q: ladder %q has no requirement %q", old, renames[old], l.id, renames[old])
		}
	}
	out := *a
	out.LadderVersion, out.places = l.version, nil
	out.Marks = make(map[string]Mark, len(a.Marks))
	out.Levels = nil
	orphaned := &Orphaned{}
	orphan := func(id string, m Mark) {
		if orphaned.Marks == nil {
			orphaned.Marks = map[string]Mark{}
		}
		orphaned.Marks[id] = m
	}
	from := map[string]string{} // the old ID of each mark carried over
	for _, id := range slices.Sorted(maps.Keys(a.Marks)) {
		m := a.Marks[id]
		to := id
		if n, ok := renames[id]; ok {
			to = n
		}
		if _, ok := l.plan.Lookup(to); !ok {
			orphan(id, m)
			continue
		}
		if first, dup := from[to]; dup {
			fail(source.Pointer("marks", id), "marks both %q and %q, which both become %q", first, id, to)
			continue
		}
		from[to] = id
		out.Marks[to] = m
	}
	for id, lm := range a.Levels {
		if l.hasLevel(id) {
			if out.Levels == nil {
				out.Levels = map[string]LevelMarks{}
			}
			out.Levels[id] = lm
			continue
		}
		if orphaned.Levels == nil {
			orphaned.Levels = map[string]LevelMarks{}
		}
		orphaned.Levels[id] = lm
	}
	if o := a.Orphaned; o != nil {
		// Marks by their own IDs first, then renamed ones: a requirement's
		// own mark comes back before one renamed to it.
		ids := slices.Sorted(maps.Keys(o.Marks))
		slices.SortStableFunc(ids, func(a, b string) int {
			_, ra := renames[a]
			_, rb := renames[b]
			return cmp.Compare(boolInt(ra), boolInt(rb))
		})
		for _, id := range ids {
			m := o.Marks[id]
			to := id
			if n, ok := renames[id]; ok {
				to = n
			}
			_, known := l.plan.Lookup(to)
			_, marked := out.Marks[to]
			switch {
			case known && !marked:
				out.Marks[to] = m // back in the ladder
			case orphaned.Marks[id] != (Mark{}) && orphaned.Marks[id] != m:
				fail(source.Pointer("orphaned", "marks", id), "an orphaned mark of %q, and another mark of it that is orphaned now", id)
			default:
				orphan(id, m)
			}
		}
		for _, id := range slices.Sorted(maps.Keys(o.Levels)) {
			lm := o.Levels[id]
			_, marked := out.Levels[id]
			_, dup := orphaned.Levels[id]
			switch {
			case l.hasLevel(id) && !marked:
				if out.Levels == nil {
					out.Levels = map[string]LevelMarks{}
				}
				out.Levels[id] = lm // back in the ladder
				continue
			case dup:
				fail(source.Pointer("orphaned", "levels", id), "orphaned marks of level %q, and others that are orphaned now", id)
				continue
			}
			if orphaned.Levels == nil {
				orphaned.Levels = map[string]LevelMarks{}
			}
			orphaned.Levels[id] = lm
		}
	}
	if a.Track != "" {
		if _, ok := l.trackIndex(a.Track); !ok {
			fail("/track", "ladder %q has no track %q: a track cannot be migrated", l.id, a.Track)
		}
	}
	if len(problems) > 0 {
		return nil, &Error{Problems: problems}
	}
	out.Orphaned = nil
	if len(orphaned.Marks)+len(orphaned.Levels) > 0 {
		out.Orphaned = orphaned
	}
	return &out, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hasLevel reports whether the ladder has a level of an ID.
func (l *Ladder) hasLevel(id string) bool {
	_, ok := l.plan.LookupLevel(id)
	return ok
}

// trackIndex returns the index of the track of an ID, from 0.
func (l *Ladder) trackIndex(id string) (int, bool) {
	for i, t := range l.plan.Tracks() {
		if t.ID == id {
			return i, true
		}
	}
	return 0, false
}
