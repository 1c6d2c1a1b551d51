package ladder

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/docschema"
	"github.com/ladderkit/ladder/internal/engine"
	"github.com/ladderkit/ladder/internal/source"
	"github.com/ladderkit/ladder/internal/suggest"
	"github.com/ladderkit/ladder/rules"
)

// Parser reads ladders and assessments under limits of its own. The zero
// Parser uses the defaults, as Parse and Load do; raise a limit to read
// trusted documents that need more.
type Parser struct {
	// MaxBytes is the largest document accepted, in bytes; 0 means 8 MiB.
	MaxBytes int
	// MaxDepth is the deepest nesting of objects and arrays accepted; 0
	// means 64.
	MaxDepth int
	// Rules bounds the cost of a ladder's rules; zero fields mean the
	// defaults of dsl.DefaultLimits().
	Rules dsl.Limits
}

// Parse reads a ladder from JSON, checks it, and compiles its rules, with
// the default limits. See Parser.Parse.
func Parse(data []byte) (*Ladder, error) { return new(Parser).Parse(data) }

// Load reads the ladder in the file at path. See Parser.Load.
func Load(path string) (*Ladder, error) { return new(Parser).Load(path) }

// ParseAssessment reads an assessment from JSON and checks it, with the
// default limits. See Parser.ParseAssessment.
func ParseAssessment(data []byte) (*Assessment, error) { return new(Parser).ParseAssessment(data) }

// LoadAssessment reads the assessment in the file at path. See
// Parser.LoadAssessment.
func LoadAssessment(path string) (*Assessment, error) { return new(Parser).LoadAssessment(path) }

// Parse reads a ladder from JSON. It checks the document against the ladder
// schema, then what a schema cannot say: IDs unique within their kind,
// requirements naming skills the ladder has, rules that compile within the
// limits. It returns a *Error listing every problem, each with its line,
// column and JSON pointer.
func (p *Parser) Parse(data []byte) (*Ladder, error) { return p.parseLadder("", data) }

// Load reads the ladder in the file at path, as Parse does. Problems name
// the file.
func (p *Parser) Load(path string) (*Ladder, error) {
	data, err := p.readFile(path)
	if err != nil {
		return nil, err
	}
	return p.parseLadder(path, data)
}

// ParseAssessment reads an assessment from JSON and checks it against the
// assessment schema. It returns a *Error listing every problem. Whether the
// assessment fits a ladder (marks for requirements the ladder has) is
// checked by Ladder.Evaluate.
func (p *Parser) ParseAssessment(data []byte) (*Assessment, error) {
	return p.parseAssessment("", data)
}

// LoadAssessment reads the assessment in the file at path, as
// ParseAssessment does. Problems name the file.
func (p *Parser) LoadAssessment(path string) (*Assessment, error) {
	data, err := p.readFile(path)
	if err != nil {
		return nil, err
	}
	return p.parseAssessment(path, data)
}

// readFile reads a file, no further than the limit: a file over it is an
// error without being read whole.
func (p *Parser) readFile(path string) ([]byte, error) {
	data, tooLarge, err := source.ReadFile(path, p.limits().MaxBytes)
	if tooLarge != "" {
		return nil, &Error{Problems: []Problem{{File: path, Line: 1, Column: 1, Message: tooLarge}}}
	}
	return data, err
}

func (p *Parser) limits() source.Limits {
	lim := source.DefaultLimits
	if p.MaxBytes > 0 {
		lim.MaxBytes = p.MaxBytes
	}
	if p.MaxDepth > 0 {
		lim.MaxDepth = p.MaxDepth
	}
	return lim
}

// read parses a document and validates it against a schema, then decodes
// it into v. Problems go to ps; read returns false when the document could
// not be read at all, or has more problems than are reported.
func (p *Parser) read(file string, data []byte, s *docschema.Schema, v any, ps *problems) bool {
	return p.readLine(file, 0, data, s, v, ps)
}

// readLine is read, for a document that is line n (from 1) of an input of
// one document a line; n 0 is a document of its own.
func (p *Parser) readLine(file string, n int, data []byte, s *docschema.Schema, v any, ps *problems) bool {
	lim := p.limits()
	lim.Line = n
	doc, syntax := source.Parse(data, lim)
	ps.file, ps.doc = file, doc
	if len(syntax) > 0 {
		for _, sp := range syntax {
			ps.add(sp.Offset, sp.Pointer, sp.Message, "")
		}
		return false
	}
	found, more := s.Locate(doc, source.MaxProblems)
	for _, sp := range found {
		ps.add(sp.Offset, sp.Pointer, sp.Message, "")
	}
	if more != 0 {
		// A document of so many problems gets no further checks.
		ps.more = more
		return false
	}
	ps.block()
	// The Go values are decoded from the tree parsed. Where the document
	// breaks the schema, the values of the wrong type are skipped: the
	// checks that follow see the rest.
	source.Decode(doc.Root, v)
	return true
}

// New checks a ladder built in Go, with the checks Parse makes of one read
// from JSON, and compiles its rules. nil and empty slices are the same.
// Problems are located by JSON pointer, without a line and column. New
// returns a Ladder of its own, a copy of l: changing l afterwards changes
// nothing of it. See Parser.New.
func New(l *Ladder) (*Ladder, error) { return new(Parser).New(l) }

// New checks and compiles a ladder built in Go, as the function New does,
// under the parser's limits.
func (p *Parser) New(l *Ladder) (*Ladder, error) {
	if l == nil {
		return nil, errors.New("ladder: New of a nil Ladder")
	}
	// Text that is not UTF-8 would be replaced, silently, on its way to
	// JSON.
	var ps problems
	notUTF8(reflect.ValueOf(l).Elem(), "", &ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	doc := *l
	if doc.Skills == nil {
		doc.Skills = []Skill{}
	}
	if doc.Levels == nil {
		doc.Levels = []Level{}
	}
	// A step's requirements are required: nil is as empty as [].
	doc.Skills = slices.Clone(doc.Skills)
	for i := range doc.Skills {
		doc.Skills[i].Steps = slices.Clone(doc.Skills[i].Steps)
		for j := range doc.Skills[i].Steps {
			if doc.Skills[i].Steps[j].Requirements == nil {
				doc.Skills[i].Steps[j].Requirements = []Requirement{}
			}
		}
	}
	data, err := json.Marshal(&doc)
	if err != nil {
		return nil, err
	}
	nl, err := p.parseLadder("", data)
	var le *Error
	if errors.As(err, &le) {
		// The JSON is the library's, not the program's: only its
		// pointers mean something to it.
		for i := range le.Problems {
			le.Problems[i].Line, le.Problems[i].Column = 0, 0
		}
	}
	if nl != nil {
		nl.rules = nil
	}
	return nl, err
}

// notUTF8 reports the strings of a value that are not valid UTF-8, at their
// JSON pointers.
func notUTF8(v reflect.Value, ptr string, ps *problems) {
	switch v.Kind() {
	case reflect.String:
		if !utf8.ValidString(v.String()) {
			ps.add(0, ptr, docschema.NotUTF8, "")
		}
	case reflect.Pointer:
		if !v.IsNil() {
			notUTF8(v.Elem(), ptr, ps)
		}
	case reflect.Slice:
		for i := range v.Len() {
			notUTF8(v.Index(i), ptr+"/"+strconv.Itoa(i), ps)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			notUTF8(it.Value(), ptr+source.Pointer(it.Key().String()), ps)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			switch {
			case f.Anonymous && name == "":
				notUTF8(v.Field(i), ptr, ps) // its fields are the struct's
				continue
			case !f.IsExported() || name == "-":
				continue
			}
			notUTF8(v.Field(i), ptr+source.Pointer(name), ps)
		}
	}
}

func (p *Parser) parseLadder(file string, data []byte) (*Ladder, error) {
	l := new(Ladder)
	var ps problems
	if !p.read(file, data, docschema.Of(docschema.Ladder), l, &ps) {
		return nil, ps.err()
	}
	l.check(&ps)
	spec := l.spec()
	plan, err := engine.Compile(spec, p.Rules)
	var errs engine.RuleErrors
	if errors.As(err, &errs) {
		for _, e := range errs {
			ps.ruleProblem(e, l)
		}
	} else if err != nil && len(ps.list) == 0 {
		// The checks above let through a ladder rules cannot use: a bug.
		ps.add(0, "", err.Error(), "")
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	l.plan = plan
	l.id, l.name, l.version = l.ID, l.Name, l.Version
	l.file = file
	l.rules = make(map[string]source.Span)
	for _, ptr := range l.rulePointers() {
		if n := ps.doc.Find(ptr); n != nil && n.Kind == source.String {
			l.rules[ptr] = ps.doc.Span(n)
		}
	}
	return l, nil
}

func (p *Parser) parseAssessment(file string, data []byte) (*Assessment, error) {
	return p.parseAssessmentLine(file, 0, data)
}

// parseAssessmentLine reads the assessment on line n (from 1) of an input
// of one a line, with its problems and places on that line; n 0 is a
// document of its own.
func (p *Parser) parseAssessmentLine(file string, n int, data []byte) (*Assessment, error) {
	a := new(Assessment)
	var ps problems
	p.readLine(file, n, data, docschema.Of(docschema.Assessment), a, &ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	a.places = placesOf(file, ps.doc)
	return a, nil
}

// check reports what the schema cannot: IDs that are not unique,
// references to skills and tracks the ladder does not have, requirements
// in the levels for a skill that has steps of its own, shared levels after
// the levels of a track, profiles asking for more than a skill has, and
// levels that nothing decides.
func (l *Ladder) check(ps *problems) {
	unique := func(kind, ptr, id string, seen map[string]string) {
		if id == "" {
			return // missing: the schema said so
		}
		if first, dup := seen[id]; dup {
			ps.at(ptr, fmt.Sprintf("duplicate %s ID %q: it is already the ID of %s", kind, id, first))
			return
		}
		seen[id] = ptr[:len(ptr)-len("/id")]
	}
	skills := make(map[string]string)
	known := make([]string, 0, len(l.Skills))
	steps := make(map[string]int) // the number of steps of each skill that has them
	for i, s := range l.Skills {
		if _, dup := skills[s.ID]; !dup && s.ID != "" {
			known = append(known, s.ID)
			if len(s.Steps) > 0 {
				steps[s.ID] = len(s.Steps)
			}
		}
		unique("skill", source.Pointer("skills", strconv.Itoa(i), "id"), s.ID, skills)
	}
	// When a skill's ID is wrong, the schema said so: a reference to it
	// proves nothing more.
	skillsBroken := ps.blocked["/skills"]
	for i := range l.Skills {
		for _, ptr := range []string{source.Pointer("skills", strconv.Itoa(i)), source.Pointer("skills", strconv.Itoa(i), "id")} {
			skillsBroken = skillsBroken || ps.blocked[ptr]
		}
	}
	var skillFinder, trackFinder *suggest.Finder
	// unknown reports a name that is not one of the ladder's.
	unknown := func(ptr, kind, id string, known []string, f **suggest.Finder) {
		msg := fmt.Sprintf("unknown %s %q", kind, id)
		if *f == nil {
			*f = suggest.NewFinder(known, suggestBudget)
		}
		if guess := (*f).Name(id); guess != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", guess)
		} else if len(known) > 0 {
			msg += fmt.Sprintf("; the ladder's %ss are %s", kind, quoteList(known))
		} else {
			msg += fmt.Sprintf(": the ladder has no %ss", kind)
		}
		ps.at(ptr, msg)
	}
	tracks := make(map[string]string)
	trackIDs := make([]string, 0, len(l.Tracks))
	for i, t := range l.Tracks {
		if _, dup := tracks[t.ID]; !dup && t.ID != "" {
			trackIDs = append(trackIDs, t.ID)
		}
		unique("track", source.Pointer("tracks", strconv.Itoa(i), "id"), t.ID, tracks)
	}
	// Levels and steps share their IDs: a skill rule sees a step as its
	// level.
	levels := make(map[string]string)
	reqs := make(map[string]string)
	for i, s := range l.Skills {
		most := 0 // the index of the step worth the most so far
		for j, st := range s.Steps {
			ptr := source.Pointer("skills", strconv.Itoa(i), "steps", strconv.Itoa(j))
			unique("step", ptr+"/id", st.ID, levels)
			// A skill's points are its step's: a step worth less than
			// one below it would lose points to a person who reaches it.
			if st.Points < s.Steps[most].Points {
				ps.at(ptr+"/points", fmt.Sprintf("step %q is worth %d points, fewer than step %q below it (%d): a person who reaches it would lose points", st.ID, st.Points, s.Steps[most].ID, s.Steps[most].Points))
			} else {
				most = j
			}
			for k, r := range st.Requirements {
				rp := ptr + source.Pointer("requirements", strconv.Itoa(k))
				unique("requirement", rp+"/id", r.ID, reqs)
				if r.Skill != "" && r.Skill != s.ID {
					ps.at(rp+"/skill", fmt.Sprintf("a requirement of a step of skill %q names skill %q: leave \"skill\" out, or name %q", s.ID, r.Skill, s.ID))
				}
			}
		}
	}
	values := make(map[string]string)
	for i, v := range l.Values {
		unique("value", source.Pointer("values", strconv.Itoa(i), "id"), v.ID, values)
	}
	// The highest level a skill without steps can have: its highest rank
	// among the shared levels that hold its requirements (by skill), and
	// among each track's levels (by track, then skill). A shared level's
	// profile counts the shared levels; a track's level's, the track's.
	grouped := make(map[string]bool)
	sharedTop := make(map[string]int)
	trackTop := make(map[string]map[string]int)
	shared, own := 0, make(map[string]int)
	for _, lv := range l.Levels {
		rank := 0
		if lv.Track == "" {
			shared++
			rank = shared
		} else {
			own[lv.Track]++
			rank = own[lv.Track] // counted from the shared levels below
		}
		for _, r := range lv.Requirements {
			grouped[r.Skill] = true
			if lv.Track == "" {
				sharedTop[r.Skill] = rank
			} else {
				if trackTop[lv.Track] == nil {
					trackTop[lv.Track] = make(map[string]int)
				}
				trackTop[lv.Track][r.Skill] = rank
			}
		}
	}
	// reachable returns the highest level of a skill without steps that a
	// profile of a level on a track ("" for shared) can see.
	reachable := func(track, skill string) int {
		top := sharedTop[skill]
		if t, ok := trackTop[track][skill]; ok && track != "" {
			top = shared + t
		}
		return top
	}
	// ownLevelRule reports whether rules write a level rule other than
	// the default.
	ownLevelRule := func(r *rules.Rules) bool { return r != nil && !(rules.Rules{Level: r.Level}).Default() }
	ladderLevelRule := ownLevelRule(l.Rules)
	trackLevel := -1 // the first level on a track
	used := make(map[string]bool)
	for i, lv := range l.Levels {
		ptr := source.Pointer("levels", strconv.Itoa(i))
		unique("level", ptr+"/id", lv.ID, levels)
		switch {
		case lv.Track != "":
			if _, ok := tracks[lv.Track]; !ok {
				unknown(ptr+"/track", "track", lv.Track, trackIDs, &trackFinder)
			}
			used[lv.Track] = true
			if trackLevel < 0 {
				trackLevel = i
			}
		case trackLevel >= 0:
			first := l.Levels[trackLevel]
			ps.at(ptr, fmt.Sprintf("level %q is shared by every track, and comes after level %q of track %q: shared levels come first", lv.ID, first.ID, first.Track))
		}
		for j, r := range lv.Requirements {
			rp := source.Pointer("levels", strconv.Itoa(i), "requirements", strconv.Itoa(j))
			unique("requirement", rp+"/id", r.ID, reqs)
			if r.Skill == "" || skillsBroken {
				continue
			}
			if _, ok := skills[r.Skill]; !ok {
				unknown(rp+"/skill", "skill", r.Skill, known, &skillFinder)
			} else if steps[r.Skill] > 0 {
				ps.at(rp+"/skill", fmt.Sprintf("skill %q has steps of its own: its requirements belong in them", r.Skill))
			}
		}
		for _, skill := range slices.Sorted(maps.Keys(lv.Profile)) {
			pp := source.Pointer("levels", strconv.Itoa(i), "profile", skill)
			want := lv.Profile[skill]
			switch _, ok := skills[skill]; {
			case skillsBroken || ps.blocked[pp]:
			case !ok:
				unknown(pp, "skill", skill, known, &skillFinder)
			case steps[skill] > 0 && want > steps[skill]:
				ps.at(pp, fmt.Sprintf("skill %q has %d steps: level %d cannot be reached", skill, steps[skill], want))
			case steps[skill] == 0 && !grouped[skill]:
				ps.at(pp, fmt.Sprintf("skill %q has no requirements, in its steps or in the levels: level %d cannot be reached", skill, want))
			case steps[skill] == 0 && want > reachable(lv.Track, skill):
				where := "the shared levels, which a shared level's profile counts"
				if lv.Track != "" {
					where = fmt.Sprintf("the levels of track %q", lv.Track)
				}
				ps.at(pp, fmt.Sprintf("skill %q reaches at most level %d on %s: level %d cannot be reached", skill, reachable(lv.Track, skill), where, want))
			}
		}
		ownRule := ownLevelRule(lv.Rules)
		if len(lv.Requirements) == 0 && len(lv.Profile) == 0 && !ownRule && !ladderLevelRule && !ps.blockedUnder(ptr) {
			ps.at(ptr, fmt.Sprintf("level %q has no requirements, no profile and no level rule: nothing decides whether it is reached", lv.ID))
		}
	}
	for i, t := range l.Tracks {
		if t.ID != "" && !used[t.ID] {
			ps.at(source.Pointer("tracks", strconv.Itoa(i)), fmt.Sprintf("track %q has no levels: name it in the \"track\" of its levels", t.ID))
		}
	}
}

// generalName is the name results give the group of a level's requirements
// that have no skill.
const generalName = "General"

// spec describes the ladder to the engine: requirements numbered in
// document order (those of the levels, then those of the skills' steps),
// and at each level one group per skill that has requirements there, in
// the order of the ladder's skills, then the general group if the level has
// requirements without a skill.
func (l *Ladder) spec() engine.Spec {
	spec := engine.Spec{Implied: l.ImpliedSteps}
	for _, v := range l.Values {
		spec.Values = append(spec.Values, engine.Value{ID: v.ID, Name: v.Name, Rule: v.Rule})
	}
	l.reqs = l.reqs[:0]
	if l.Rules != nil {
		spec.Rules = *l.Rules
	}
	skillIndex := make(map[string]int, len(l.Skills))
	spec.Skills = make([]engine.Skill, 0, len(l.Skills))
	for _, s := range l.Skills {
		if _, dup := skillIndex[s.ID]; !dup {
			skillIndex[s.ID] = len(spec.Skills)
			spec.Skills = append(spec.Skills, engine.Skill{ID: s.ID, Name: s.Name})
		}
	}
	trackIndex := make(map[string]int, len(l.Tracks))
	for _, t := range l.Tracks {
		if _, dup := trackIndex[t.ID]; !dup {
			spec.Tracks = append(spec.Tracks, engine.Track{ID: t.ID, Name: t.Name})
			trackIndex[t.ID] = len(spec.Tracks)
		}
	}
	l.details.n, l.details.texts, l.details.links = 0, 0, 0
	requirement := func(r Requirement) int {
		// The ladder's own copy: its fields may change afterwards.
		r.Examples, r.Evidence, r.Links = slices.Clone(r.Examples), slices.Clone(r.Evidence), slices.Clone(r.Links)
		l.reqs = append(l.reqs, r)
		if !r.Details.empty() {
			l.details.n++
			l.details.texts += len(r.Examples) + len(r.Evidence)
			l.details.links += len(r.Links)
		}
		spec.Requirements = append(spec.Requirements, engine.Requirement{ID: r.ID, Text: r.Text, Points: r.Points})
		return len(spec.Requirements) - 1
	}
	for _, lv := range l.Levels {
		level := engine.Level{ID: lv.ID, Name: lv.Name, Label: lv.Label, Reach: lv.Reach, Track: trackIndex[lv.Track], Threshold: lv.Threshold}
		if lv.Rules != nil {
			level.Rules = *lv.Rules
		}
		// In the order of the ladder's skills.
		for i, s := range spec.Skills {
			if want, ok := lv.Profile[s.ID]; ok {
				level.Profile = append(level.Profile, engine.Need{Skill: i, Level: want})
			}
		}
		// Group slot by skill index; the general group is the last slot.
		groups := make([]*engine.Group, len(l.Skills)+1)
		for _, r := range lv.Requirements {
			index := requirement(r)
			slot, ok := skillIndex[r.Skill]
			if !ok {
				slot = len(l.Skills) // general, or an unknown skill (already reported)
			}
			g := groups[slot]
			if g == nil {
				g = &engine.Group{Skill: r.Skill, General: true, Name: generalName}
				if slot < len(l.Skills) {
					g.General, g.Name = false, spec.Skills[slot].Name
				} else {
					g.Skill = ""
				}
				groups[slot] = g
			}
			if r.Kind == Soft {
				g.Soft = append(g.Soft, index)
			} else {
				g.Hard = append(g.Hard, index)
			}
		}
		for _, g := range groups {
			if g != nil {
				level.Groups = append(level.Groups, *g)
			}
		}
		spec.Levels = append(spec.Levels, level)
	}
	for _, s := range l.Skills {
		i := skillIndex[s.ID]
		if len(spec.Skills[i].Steps) > 0 {
			continue // a duplicate skill, already reported
		}
		for _, st := range s.Steps {
			step := engine.Step{ID: st.ID, Name: st.Name, Points: st.Points, Group: engine.Group{Skill: s.ID, Name: s.Name}}
			for _, r := range st.Requirements {
				index := requirement(r)
				if r.Kind == Soft {
					step.Group.Soft = append(step.Group.Soft, index)
				} else {
					step.Group.Hard = append(step.Group.Hard, index)
				}
			}
			spec.Skills[i].Steps = append(spec.Skills[i].Steps, step)
		}
	}
	return spec
}

// rulePointer returns the JSON pointer of a rule: of the ladder's rules when
// level is -1, of the named value of index value for a value rule.
func rulePointer(level int, scope dsl.Scope, value int) string {
	if scope == dsl.ValueRule {
		return source.Pointer("values", strconv.Itoa(value), "rule")
	}
	if level < 0 {
		return source.Pointer("rules", scope.String())
	}
	return source.Pointer("levels", strconv.Itoa(level), "rules", scope.String())
}

// rulePointers lists the pointers of the rules the ladder has.
func (l *Ladder) rulePointers() []string {
	var ptrs []string
	add := func(level int, r *rules.Rules) {
		if r == nil {
			return
		}
		if r.Skill != "" {
			ptrs = append(ptrs, rulePointer(level, dsl.SkillRule, 0))
		}
		if r.Level != "" {
			ptrs = append(ptrs, rulePointer(level, dsl.LevelRule, 0))
		}
	}
	add(-1, l.Rules)
	for i := range l.Levels {
		add(i, l.Levels[i].Rules)
	}
	for i := range l.Values {
		ptrs = append(ptrs, rulePointer(-1, dsl.ValueRule, i))
	}
	return ptrs
}

// ruleProblem reports a rule that does not compile, at the character of the
// file where the problem is, with the rule's line and a caret under it.
func (ps *problems) ruleProblem(e *engine.RuleError, l *Ladder) {
	ptr := rulePointer(e.Level, e.Scope, e.Value)
	var de *dsl.Error
	if !errors.As(e.Err, &de) {
		ps.at(ptr, e.Err.Error())
		return
	}
	off := ps.offset(ptr)
	if n := ps.doc.Find(ptr); n != nil && n.Kind == source.String {
		off = ps.doc.RawOffset(n, de.Offset)
	}
	ps.add(off, ptr, de.Message, de.Snippet())
}

// quoteList quotes the first names of a list, for a message.
func quoteList(list []string) string {
	s := ""
	for i, x := range list {
		if i == 10 {
			return s + fmt.Sprintf(" and %d more", len(list)-i)
		}
		if i > 0 {
			s += ", "
		}
		s += strconv.Quote(x)
	}
	return s
}
