package ladder

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/ladderkit/ladder/rules"
)

// Change is one difference between two versions of a ladder, keyed by the
// ID of what changed.
type Change struct {
	// Kind is "added", "removed", "moved" (a requirement now in another
	// level, skill or step), "reworded" (a requirement of the same ID with
	// another text) or "changed" (another field, such as a requirement's
	// kind, hard or soft).
	Kind string `json:"kind"`
	// What is what changed: "ladder", "track", "skill", "step", "level",
	// "requirement" or "value".
	What string `json:"what"`
	// ID is its ID, "" for the ladder.
	ID string `json:"id,omitempty"`
	// Field names the field that changed, for a change of kind "changed"
	// ("name", "kind", "rules", "profile", "threshold", "points"...;
	// "order of levels" and the like for a change of order).
	Field string `json:"field,omitempty"`
	// Old and New say what it was and what it is, for people: a place, a
	// kind, a text, a value. Either is "" where there is nothing to say.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
}

// String writes the change as a line of a changelog.
func (c Change) String() string {
	subject := c.What
	if c.What == "ladder" {
		subject = "the ladder"
	}
	if c.ID != "" {
		subject += " " + c.ID
	}
	switch c.Kind {
	case "added":
		return fmt.Sprintf("added %s%s", subject, suffix(c.New))
	case "removed":
		return fmt.Sprintf("removed %s%s", subject, suffix(c.Old))
	case "moved":
		return fmt.Sprintf("moved %s from %s to %s", subject, c.Old, c.New)
	case "reworded":
		return fmt.Sprintf("reworded %s: %q, was %q", subject, c.New, c.Old)
	}
	if c.What == "requirement" && c.Field == "kind" {
		return fmt.Sprintf("%s is %s, not %s", subject, c.New, c.Old)
	}
	return fmt.Sprintf("changed the %s of %s: %s, was %s", c.Field, subject, orNone(c.New), orNone(c.Old))
}

func suffix(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// Diff reports what changed from one version of a ladder to another: the
// ladder's name, version, rules, implied steps and named values; tracks,
// skills, steps and levels added or removed, or changed (names, rules,
// profiles, thresholds, tracks, points); and requirements added, removed,
// moved to another level, skill or step, turned from hard to soft or back,
// or reworded; and changes of the order of levels (which make the ranks),
// skills and steps. Changes are keyed by ID: a requirement whose ID changed
// is one removed and one added. They come in a stable order: the ladder's
// own fields; then tracks, named values, skills, steps, levels and
// requirements, each in the new ladder's order followed by those removed
// in the old one's; then changes of order. An empty list means the
// versions are the same. Diff reads the exported fields of old and new,
// which must not be nil; they need not be checked ladders.
func Diff(old, new *Ladder) []Change {
	var out []Change
	add := func(c Change) { out = append(out, c) }
	field := func(what, id, name, o, n string) {
		if o != n {
			add(Change{Kind: "changed", What: what, ID: id, Field: name, Old: o, New: n})
		}
	}
	field("ladder", "", "name", old.Name, new.Name)
	field("ladder", "", "id", old.ID, new.ID)
	field("ladder", "", "version", old.Version, new.Version)
	field("ladder", "", "summary", old.Summary, new.Summary)
	field("ladder", "", "description", old.Description, new.Description)
	field("ladder", "", "rules", rulesText(old.Rules), rulesText(new.Rules))
	field("ladder", "", "impliedSteps", strconv.FormatBool(old.ImpliedSteps), strconv.FormatBool(new.ImpliedSteps))

	pairs("track", old.Tracks, new.Tracks, func(t Track) (string, string) { return t.ID, t.Name }, add, func(o, n *Track) {
		field("track", n.ID, "name", o.Name, n.Name)
		field("track", n.ID, "description", o.Description, n.Description)
	})
	pairs("value", old.Values, new.Values, func(v NamedValue) (string, string) { return v.ID, v.Name }, add, func(o, n *NamedValue) {
		field("value", n.ID, "name", o.Name, n.Name)
		field("value", n.ID, "rule", o.Rule, n.Rule)
	})
	pairs("skill", old.Skills, new.Skills, func(s Skill) (string, string) { return s.ID, s.Name }, add, func(o, n *Skill) {
		field("skill", n.ID, "name", o.Name, n.Name)
		field("skill", n.ID, "description", o.Description, n.Description)
	})
	type step struct {
		Step
		skill string
	}
	steps := func(l *Ladder) []step {
		var out []step
		for _, s := range l.Skills {
			for _, st := range s.Steps {
				out = append(out, step{st, s.ID})
			}
		}
		return out
	}
	pairs("step", steps(old), steps(new), func(s step) (string, string) { return s.ID, "skill " + s.skill }, add, func(o, n *step) {
		field("step", n.ID, "skill", o.skill, n.skill)
		field("step", n.ID, "name", o.Name, n.Name)
		field("step", n.ID, "description", o.Description, n.Description)
		field("step", n.ID, "points", strconv.Itoa(o.Points), strconv.Itoa(n.Points))
	})
	pairs("level", old.Levels, new.Levels, func(l Level) (string, string) { return l.ID, l.Name }, add, func(o, n *Level) {
		field("level", n.ID, "name", o.Name, n.Name)
		field("level", n.ID, "label", o.Label, n.Label)
		field("level", n.ID, "track", o.Track, n.Track)
		field("level", n.ID, "reach", o.Reach, n.Reach)
		field("level", n.ID, "description", o.Description, n.Description)
		field("level", n.ID, "rules", rulesText(o.Rules), rulesText(n.Rules))
		field("level", n.ID, "profile", profileText(o.Profile), profileText(n.Profile))
		field("level", n.ID, "threshold", strconv.Itoa(o.Threshold), strconv.Itoa(n.Threshold))
	})
	pairs("requirement", placed(old), placed(new), func(r placedRequirement) (string, string) { return r.ID, r.place + ": " + r.Text }, add, func(o, n *placedRequirement) {
		if o.place != n.place {
			add(Change{Kind: "moved", What: "requirement", ID: n.ID, Old: o.place, New: n.place})
		}
		field("requirement", n.ID, "kind", string(o.Kind), string(n.Kind))
		if o.Text != n.Text {
			add(Change{Kind: "reworded", What: "requirement", ID: n.ID, Old: o.Text, New: n.Text})
		}
		field("requirement", n.ID, "points", strconv.Itoa(o.Points), strconv.Itoa(n.Points))
		field("requirement", n.ID, "details", detailsText(o.Details), detailsText(n.Details))
	})
	order("levels", old.Levels, new.Levels, func(l Level) string { return l.ID }, add)
	order("skills", old.Skills, new.Skills, func(s Skill) string { return s.ID }, add)
	for _, n := range new.Skills {
		if i := slices.IndexFunc(old.Skills, func(o Skill) bool { return o.ID == n.ID }); i >= 0 {
			order("steps of skill "+n.ID, old.Skills[i].Steps, n.Steps, func(s Step) string { return s.ID }, add)
		}
	}
	return out
}

// order reports a change of the order of the elements that two lists have
// in common, such as levels, whose order makes the ranks.
func order[T any](what string, old, new []T, id func(T) string, add func(Change)) {
	ids := func(list, other []T) []string {
		in := map[string]bool{}
		for _, e := range other {
			in[id(e)] = true
		}
		var out []string
		for _, e := range list {
			if in[id(e)] {
				out = append(out, id(e))
			}
		}
		return out
	}
	o, n := ids(old, new), ids(new, old)
	if !slices.Equal(o, n) {
		add(Change{Kind: "changed", What: "ladder", Field: "order of " + what, Old: strings.Join(o, ", "), New: strings.Join(n, ", ")})
	}
}

// pairs pairs the elements of two lists by ID, with key giving the ID and
// a word on the element: an element only the new list has is added, one
// only the old has is removed, and fields reports the changes of the
// others.
func pairs[T any](what string, old, new []T, key func(T) (id, about string), add func(Change), fields func(o, n *T)) {
	id := func(t T) string { id, _ := key(t); return id }
	byID(old, new, id, func(o, n *T) {
		switch {
		case o == nil:
			id, about := key(*n)
			add(Change{Kind: "added", What: what, ID: id, New: about})
		case n == nil:
			id, about := key(*o)
			add(Change{Kind: "removed", What: what, ID: id, Old: about})
		default:
			fields(o, n)
		}
	})
}

// byID pairs the elements of two lists by ID, and calls f on each pair
// (nil for the side that lacks it): in the new list's order, then the
// removed ones in the old list's order.
func byID[T any](old, new []T, id func(T) string, f func(o, n *T)) {
	index := make(map[string]int, len(old))
	for i := range old {
		index[id(old[i])] = i
	}
	seen := map[string]bool{}
	for i := range new {
		k := id(new[i])
		seen[k] = true
		if j, ok := index[k]; ok {
			f(&old[j], &new[i])
		} else {
			f(nil, &new[i])
		}
	}
	for i := range old {
		if !seen[id(old[i])] {
			f(&old[i], nil)
		}
	}
}

// placedRequirement is a requirement and where it is, for people.
type placedRequirement struct {
	Requirement
	place string
}

// placed lists the requirements of a ladder with their places: "level 3,
// skill ops", "level 6", "step ops-2 of skill ops".
func placed(l *Ladder) []placedRequirement {
	var out []placedRequirement
	for _, lv := range l.Levels {
		for _, r := range lv.Requirements {
			place := "level " + lv.ID
			if r.Skill != "" {
				place += ", skill " + r.Skill
			}
			out = append(out, placedRequirement{r, place})
		}
	}
	for _, s := range l.Skills {
		for _, st := range s.Steps {
			for _, r := range st.Requirements {
				out = append(out, placedRequirement{r, "step " + st.ID + " of skill " + s.ID})
			}
		}
	}
	return out
}

// rulesText writes the rules a ladder or level writes itself, for people.
func rulesText(r *rules.Rules) string {
	if r == nil {
		return ""
	}
	var parts []string
	if r.Skill != "" {
		parts = append(parts, "skill rule "+strconv.Quote(r.Skill))
	}
	if r.Level != "" {
		parts = append(parts, "level rule "+strconv.Quote(r.Level))
	}
	return strings.Join(parts, ", ")
}

func profileText(p map[string]int) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(p)) {
		parts = append(parts, fmt.Sprintf("%s %d", k, p[k]))
	}
	return strings.Join(parts, ", ")
}

func detailsText(d Details) string {
	var parts []string
	for _, e := range d.Examples {
		parts = append(parts, "example: "+e)
	}
	for _, e := range d.Evidence {
		parts = append(parts, "evidence: "+e)
	}
	for _, l := range d.Links {
		if l.Text != "" {
			parts = append(parts, "link: "+l.Text+" <"+l.URL+">")
		} else {
			parts = append(parts, "link: <"+l.URL+">")
		}
	}
	return strings.Join(parts, "; ")
}
