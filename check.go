package ladder

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/docschema"
	"github.com/ladderkit/ladder/internal/engine"
	"github.com/ladderkit/ladder/internal/rule"
	"github.com/ladderkit/ladder/internal/source"
	"github.com/ladderkit/ladder/internal/suggest"
)

// Evaluate checks every assessment it is given as the schema of
// assessments would, in Go and with the same words (internal/docschema
// holds both): one built in Go gets exactly the checks of one read by
// ParseAssessment, and one changed since it was read cannot escape them.
// The checks cost little: on an assessment that passes, one look at each
// field, and at each reason's bytes.

// places are the positions in its document of what Evaluate can find wrong
// with an assessment that ParseAssessment read as it was: the ID of its
// ladder, and the keys of its marks and level marks. They are found when
// it is read, so that a problem is located without reading the document
// again.
type places struct {
	file          string
	ladder, track position
	marks, levels map[string]position
}

type position struct{ line, col int32 }

// placesOf finds the places of a parsed assessment document.
func placesOf(file string, doc *source.Doc) *places {
	p := &places{file: file}
	cursor := doc.Cursor()
	at := func(off int) position {
		line, col := cursor.Position(off)
		return position{int32(line), int32(col)}
	}
	// In document order, for the cursor.
	for _, m := range doc.Root.Members {
		switch m.Key {
		case "ladder":
			p.ladder = at(m.Value.Start)
		case "track":
			p.track = at(m.Value.Start)
		case "marks", "levels":
			if m.Value.Kind != source.Object {
				continue
			}
			keys := make(map[string]position, len(m.Value.Members))
			for _, k := range m.Value.Members {
				keys[k.Key] = at(k.KeyStart)
			}
			if m.Key == "marks" {
				p.marks = keys
			} else {
				p.levels = keys
			}
		}
	}
	return p
}

// report collects the problems Evaluate finds with an assessment.
type report struct {
	a    *Assessment
	list []Problem
	// lead is a problem of the whole document said before the others,
	// such as the likeliest cause of them; "" for none.
	lead string
}

// at reports a problem at a pointer, located when the assessment was read
// from a document where the pointer is one of its places.
func (r *report) at(ptr, msg string) {
	p := Problem{Pointer: ptr, Message: msg}
	if pl := r.a.places; pl != nil {
		p.File = pl.file
		var pos position
		switch tokens := source.SplitPointer(ptr); {
		case ptr == "/ladder":
			pos = pl.ladder
		case ptr == "/track":
			pos = pl.track
		case len(tokens) == 2 && tokens[0] == "marks":
			pos = pl.marks[tokens[1]]
		case len(tokens) == 2 && tokens[0] == "levels":
			pos = pl.levels[tokens[1]]
		}
		p.Line, p.Column = int(pos.line), int(pos.col)
	}
	r.list = append(r.list, p)
}

// err returns the problems in document order (those without a place in
// the order of their pointers), at most source.MaxProblems of them and a
// count of the rest, or nil.
func (r *report) err() error {
	if len(r.list) == 0 {
		return nil
	}
	slices.SortFunc(r.list, func(a, b Problem) int {
		switch {
		case a.Line > 0 && b.Line > 0:
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
		case a.Line > 0:
			return -1
		case b.Line > 0:
			return 1
		}
		return strings.Compare(a.Pointer, b.Pointer)
	})
	file := r.list[0].File
	if n := len(r.list) - source.MaxProblems; n > 0 {
		keep := source.MaxProblems
		if r.lead != "" {
			keep-- // the lead takes the place of the last problem shown
		}
		r.list = append(r.list[:keep], Problem{File: file, Message: source.MoreProblems(len(r.list) - keep)})
	}
	if r.lead != "" {
		r.list = slices.Insert(r.list, 0, Problem{File: file, Message: r.lead})
	}
	return &Error{Problems: r.list}
}

// checkAssessment checks the fields of an assessment as the schema of
// assessments does.
func checkAssessment(a *Assessment, r *report) {
	text := func(ptr, s string) {
		if !utf8.ValidString(s) {
			r.at(ptr, docschema.NotUTF8)
		}
	}
	text("/$schema", a.Schema)
	if !docschema.IsID(a.Ladder) {
		r.at("/ladder", docschema.NotAnID(a.Ladder))
	}
	if a.Subject == "" {
		r.at("/subject", docschema.Empty)
	}
	text("/subject", a.Subject)
	text("/assessor", a.Assessor)
	text("/ladderVersion", a.LadderVersion)
	if a.Track != "" && !docschema.IsID(a.Track) {
		r.at("/track", docschema.NotAnID(a.Track))
	}
	if a.Date != "" && !docschema.IsDate(a.Date) {
		r.at("/date", docschema.NotADate(a.Date))
	}
	// Pointers are made only for a problem: an assessment that passes
	// costs no allocation.
	// mark checks a mark at a pointer: prefix, then the key id, then field.
	mark := func(prefix, id, field string, m Mark) {
		if !slices.Contains(rule.MarkStatuses, string(m.Status)) {
			r.at(prefix+source.Pointer(id)+field+"/status", docschema.NotOneOf(string(m.Status), rule.MarkStatuses))
		}
		switch {
		case !utf8.ValidString(m.Reason):
			r.at(prefix+source.Pointer(id)+field+"/reason", docschema.NotUTF8)
		case len(m.Reason) > dsl.MaxReasonLength && runeCount(m.Reason) > dsl.MaxReasonLength:
			// The cost of rules is bounded by the length of reasons.
			r.at(prefix+source.Pointer(id)+field+"/reason", docschema.TooLong(utf8.RuneCountInString(m.Reason), dsl.MaxReasonLength))
		}
	}
	marks := func(prefix string, ms map[string]Mark) {
		for id, m := range ms {
			if !docschema.IsID(id) {
				r.at(prefix+source.Pointer(id), docschema.NotAKey(id))
			}
			mark(prefix, id, "", m)
		}
	}
	marks("/marks", a.Marks)
	levels := func(prefix string, ls map[string]LevelMarks) {
		for id, lm := range ls {
			if !docschema.IsID(id) {
				r.at(prefix+source.Pointer(id), docschema.NotAKey(id))
			}
			if lm.Reach != nil {
				mark(prefix, id, "/reach", *lm.Reach)
			}
			if lm.Description != nil {
				mark(prefix, id, "/description", *lm.Description)
			}
		}
	}
	levels("/levels", a.Levels)
	if o := a.Orphaned; o != nil {
		marks("/orphaned/marks", o.Marks)
		levels("/orphaned/levels", o.Levels)
	}
}

// mapAssessment checks the assessment, and puts its marks into the input,
// by index. It returns the orphans: the marks of what the ladder does not
// have, of an assessment made against another version of it, and those the
// assessment keeps as orphaned.
func (l *Ladder) mapAssessment(a *Assessment, in *engine.Input) ([]Orphan, error) {
	r := &report{a: a}
	checkAssessment(a, r)
	if a.Ladder != l.id {
		// Its marks are another ladder's: saying so of each helps nobody.
		r.at("/ladder", fmt.Sprintf("assessment is for ladder %q, not %q", a.Ladder, l.id))
		return nil, r.err()
	}
	// An assessment of another version may mark what this one lacks.
	// Only a versioned ladder tells another version from its own: against
	// a ladder without one, an unknown ID stays an error.
	otherVersion := a.LadderVersion != "" && l.version != "" && a.LadderVersion != l.version
	var orphans []Orphan
	if o := a.Orphaned; o != nil {
		for id, m := range o.Marks {
			orphans = append(orphans, Orphan{ID: id, Of: "requirement", Mark: m})
		}
		for id, lm := range o.Levels {
			orphans = levelOrphans(orphans, id, lm)
		}
	}
	if a.Track != "" && docschema.IsID(a.Track) {
		i, known := l.trackIndex(a.Track)
		var ids []string
		if !known {
			for _, t := range l.plan.Tracks() {
				ids = append(ids, t.ID)
			}
		}
		switch {
		case known:
			in.Track = i + 1
		case len(ids) == 0:
			r.at("/track", fmt.Sprintf("ladder %q has no tracks: leave \"track\" out", l.id))
		default:
			msg := fmt.Sprintf("ladder %q has no track %q", l.id, a.Track)
			if guess := suggest.Name(a.Track, ids); guess != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", guess)
			} else {
				msg += "; its tracks are " + quoteList(ids)
			}
			r.at("/track", msg)
		}
	}
	// Suggestions for unknown IDs, made on the first one.
	var requirements, levels *suggest.Finder
	unknownIDs := 0 // problems of unknown IDs
	unknown := func(kind, id string, f **suggest.Finder, ids func() []string) string {
		if *f == nil {
			*f = suggest.NewFinder(ids(), suggestBudget)
		}
		msg := fmt.Sprintf("ladder %q has no %s %q", l.id, kind, id)
		if guess := (*f).Name(id); guess != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", guess)
		}
		unknownIDs++
		return msg
	}
	// A mark whose status is not one was reported above, and counts as
	// none: StatusOf gives Unassessed for it, as for "unassessed".
	status := func(s Status) engine.Status {
		es, _ := engine.StatusOf(string(s))
		return es
	}
	for id, m := range a.Marks {
		i, ok := l.plan.Lookup(id)
		if !ok && otherVersion {
			orphans = append(orphans, Orphan{ID: id, Of: "requirement", Mark: m})
			continue
		}
		if !ok {
			r.at(source.Pointer("marks", id), unknown("requirement", id, &requirements, func() []string {
				ids := make([]string, l.plan.NumRequirements())
				for i := range ids {
					ids[i] = l.plan.Requirement(i).ID
				}
				return ids
			}))
			continue
		}
		in.Marks[i] = engine.Mark{Status: status(m.Status), Reason: m.Reason}
	}
	for id, lm := range a.Levels {
		i, ok := l.plan.LookupLevel(id)
		if !ok && otherVersion {
			orphans = levelOrphans(orphans, id, lm)
			continue
		}
		if !ok {
			r.at(source.Pointer("levels", id), unknown("level", id, &levels, func() []string {
				ids := make([]string, len(l.plan.Levels()))
				for i, lv := range l.plan.Levels() {
					ids[i] = lv.ID
				}
				return ids
			}))
			continue
		}
		if lm.Reach != nil {
			in.Reach[i] = engine.Mark{Status: status(lm.Reach.Status), Reason: lm.Reach.Reason}
		}
		if lm.Description != nil {
			in.Description[i] = engine.Mark{Status: status(lm.Description.Status), Reason: lm.Description.Reason}
		}
	}
	// When unknown IDs are the only problems, their likeliest cause is
	// said once, first.
	if unknownIDs > 0 && unknownIDs == len(r.list) && a.LadderVersion == "" && l.version != "" {
		r.lead = fmt.Sprintf("if the assessment was made against another version of the ladder than this one (%q), say which in \"ladderVersion\": the marks of what this version lacks are then kept as orphans, not errors", l.version)
	}
	if err := r.err(); err != nil {
		return nil, err
	}
	slices.SortFunc(orphans, func(a, b Orphan) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Of, b.Of), cmp.Compare(a.Status, b.Status), cmp.Compare(a.Reason, b.Reason))
	})
	return orphans, nil
}

// levelOrphans appends the orphans of a level's marks: its reach's, then
// its description's.
func levelOrphans(orphans []Orphan, id string, lm LevelMarks) []Orphan {
	if lm.Reach != nil {
		orphans = append(orphans, Orphan{ID: id, Of: "reach", Mark: *lm.Reach})
	}
	if lm.Description != nil {
		orphans = append(orphans, Orphan{ID: id, Of: "description", Mark: *lm.Description})
	}
	return orphans
}
