package ladder

import (
	"errors"
	"fmt"
	"math/bits"
	"slices"

	"github.com/ladderkit/ladder/dsl"
	"github.com/ladderkit/ladder/internal/engine"
)

// Result is what an assessment shows against a ladder: the rank reached,
// and for each level, skill and requirement what holds and what is
// missing, with the ladder's words and the assessor's marks. It holds
// everything a report needs, so that a program can show one from the
// Result alone.
//
// Its JSON form is what `ladder eval --format json` prints, and what
// schema.Result describes: encoding/json writes and reads it with the keys
// of its fields' tags, and reads back what it wrote.
type Result struct {
	// Ladder is the ladder's ID.
	Ladder string `json:"ladder"`
	// LadderName is the ladder's name.
	LadderName string `json:"ladderName"`
	// Version is the ladder's version, "" when it has none.
	Version string `json:"version,omitempty"`
	// Subject is the person assessed.
	Subject string `json:"subject"`
	// Assessor is who made the assessment, "" when it does not say.
	Assessor string `json:"assessor,omitempty"`
	// Date is the day of the assessment, as YYYY-MM-DD, "" when it does
	// not say.
	Date string `json:"date,omitempty"`
	// Track is the ID of the track Rank is counted on, for a ladder with
	// tracks: the assessment's, or when it names none, the track of the
	// highest rank (the first of them in the ladder's order).
	Track string `json:"track,omitempty"`
	// Rank is the level reached: the highest r such that levels 1 to r
	// (of Track, for a ladder with tracks) are all reached, 0 when the
	// first is not.
	Rank int `json:"rank" jsonschema:"minimum=0"`
	// Tracks holds the rank on each track, for a ladder with tracks.
	Tracks []TrackResult `json:"tracks,omitempty"`
	// Points are the person's points: what the levels of the skills with
	// steps are worth, and the points of the requirements reached. 0 (left
	// out) on a ladder without points.
	Points int `json:"points,omitempty" jsonschema:"minimum=0"`
	// Values holds the ladder's named values, in the ladder's order.
	Values []ValueResult `json:"values,omitempty"`
	// Skills holds the person's level in each of the ladder's skills, in
	// the ladder's order (along Track, for a ladder with tracks).
	Skills []SkillResult `json:"skills,omitempty"`
	// Levels holds a result for each of the ladder's levels, in the
	// ladder's order: for a ladder without tracks, Levels[r-1] is the
	// level of rank r.
	Levels []LevelResult `json:"levels"`
	// Orphans are the assessment's marks of what the ladder does not
	// have: those of an assessment made against another version of the
	// ladder (see Assessment.LadderVersion), and those it keeps as
	// orphaned. They decide nothing. In the order of their IDs.
	Orphans []Orphan `json:"orphans,omitempty"`
}

// Orphan is a mark of an assessment on what the ladder does not have: a
// requirement, or a level's expertise reach or description.
type Orphan struct {
	// ID is the requirement's ID, or the level's.
	ID string `json:"id"`
	// Of is "requirement", "reach" or "description".
	Of string `json:"of" jsonschema:"enum=requirement,enum=reach,enum=description"`
	// Mark is the assessor's mark, with its reason.
	Mark
}

// ValueResult is a named value of a ladder, computed for an assessment.
type ValueResult struct {
	// ID is the value's ID.
	ID string `json:"id"`
	// Name is the value's name.
	Name string `json:"name"`
	// Value is the number the value's rule computed.
	Value float64 `json:"value"`
}

// TrackResult is the rank reached on one track of a ladder.
type TrackResult struct {
	// ID is the track's ID.
	ID string `json:"id"`
	// Name is the track's name.
	Name string `json:"name"`
	// Rank is the highest r such that the track's levels 1 to r (the
	// shared levels, then its own) are all reached.
	Rank int `json:"rank" jsonschema:"minimum=0"`
}

// SkillResult is a person's level in one skill.
type SkillResult struct {
	// ID is the skill's ID.
	ID string `json:"id"`
	// Name is the skill's name.
	Name string `json:"name"`
	// Level is the person's level in the skill: for a skill with steps,
	// the highest step reached with every step below it; for one without,
	// the rank of the highest level where the skill is reached, and at
	// every level below that has it. 0 when none is reached.
	Level int `json:"level" jsonschema:"minimum=0"`
	// Points are what the level is worth: the points of its step.
	Points int `json:"points,omitempty" jsonschema:"minimum=0"`
	// Steps holds the result of each of the skill's steps, for a skill
	// with steps of its own.
	Steps []StepResult `json:"steps,omitempty"`
}

// StepResult is the result of one step of a skill that has steps.
type StepResult struct {
	// Step is the step's place in its skill, from 1.
	Step int `json:"step" jsonschema:"minimum=1"`
	// ID is the step's ID.
	ID string `json:"id"`
	// Name is the step's name, "" when it has none.
	Name string `json:"name,omitempty"`
	// Points are what the skill is worth at this step.
	Points int `json:"points,omitempty" jsonschema:"minimum=0"`
	// Group is the result of the step's requirements.
	Group GroupResult `json:"group"`
}

// ProfileResult is a skill level that a level's profile asks for, and the
// person's.
type ProfileResult struct {
	// Skill is the skill's ID.
	Skill string `json:"skill"`
	// Name is the skill's name.
	Name string `json:"name"`
	// Want is the level the profile asks for.
	Want int `json:"want" jsonschema:"minimum=1"`
	// Level is the person's level in the skill.
	Level int `json:"level" jsonschema:"minimum=0"`
	// Met is Level >= Want.
	Met bool `json:"met"`
}

// LevelResult is the result of one level.
type LevelResult struct {
	// Rank is the level's place in the ladder, from 1: on its track, for
	// a ladder with tracks, and on every track for a shared level.
	Rank int `json:"rank" jsonschema:"minimum=1"`
	// ID is the level's ID.
	ID string `json:"id"`
	// Name is the level's name, "" when it has none.
	Name string `json:"name"`
	// Label is the level's label, "" when it has none.
	Label string `json:"label,omitempty"`
	// Track is the ID of the level's track, "" for a shared level.
	Track string `json:"track,omitempty"`
	// Threshold is the level's threshold, 0 when it has none.
	Threshold int `json:"threshold,omitempty"`
	// Reach is the level's expertise reach, "" when it has none.
	Reach string `json:"reach,omitempty"`
	// Reached is the level rule's verdict. A level can be reached above a
	// level that is not; the rank counts only levels reached without a gap.
	Reached bool `json:"reached"`
	// ReachMark is the assessor's mark on the level's expertise reach, nil
	// (left out) when the assessment has none.
	ReachMark *Mark `json:"reachMark,omitempty"`
	// DescriptionMark is the assessor's mark on the level's description,
	// nil (left out) when the assessment has none.
	DescriptionMark *Mark `json:"descriptionMark,omitempty"`
	// Profile holds what the level's profile asks for, skill by skill in
	// the ladder's order, and whether the person meets it. The level
	// is reached only where each is met.
	Profile []ProfileResult `json:"profile,omitempty"`
	// Groups are the level's groups of requirements: one per skill with
	// requirements at the level, in the ladder's order of skills, then the
	// general group of the requirements without a skill.
	Groups []GroupResult `json:"groups"`
}

// GroupResult is the result of one skill at one level, or of the level's
// requirements without a skill.
type GroupResult struct {
	// Skill is the skill's ID, "" for the general group.
	Skill string `json:"skill"`
	// Name is the skill's name, "General" for the general group.
	Name string `json:"name"`
	// General is true for the group of requirements without a skill.
	General bool `json:"general"`
	// Reached is the skill rule's verdict. Under the default rule, a group
	// whose hard requirements are all not_applicable (or that has none) is
	// reached: there is nothing left to miss.
	Reached bool `json:"reached"`
	// Missing lists the IDs of the hard requirements not reached (not_yet,
	// or unassessed), in ladder order.
	Missing []string `json:"missing"`
	// SoftMissing lists the IDs of the soft requirements not reached, in
	// ladder order. They keep a group from being reached only where a rule
	// says so: when a group is not reached and Missing is empty, they are
	// what is left.
	SoftMissing []string `json:"softMissing"`
	// Unassessed lists the IDs of the requirements without a mark: the
	// hard ones, then the soft ones, each in ladder order.
	Unassessed []string `json:"unassessed"`
	// Hard counts the group's hard requirements reached, of those that
	// apply (not_applicable ones are left out).
	Hard Count `json:"hard"`
	// Soft counts the group's soft requirements reached, of those that
	// apply.
	Soft Count `json:"soft"`
	// Requirements are the group's requirements in ladder order, hard and
	// soft, each with its mark.
	Requirements []RequirementResult `json:"requirements"`
}

// RequirementResult is a requirement as a result reports it: the ladder's
// words and the assessment's mark.
type RequirementResult struct {
	// ID is the requirement's ID.
	ID string `json:"id"`
	// Kind is "hard" or "soft".
	Kind Kind `json:"kind" jsonschema:"enum=hard,enum=soft"`
	// Text says what must hold, in the ladder's words.
	Text string `json:"text"`
	// Status is the status of the assessor's mark, "unassessed"
	// (Unassessed) when the assessment has none for the requirement.
	Status Status `json:"status"`
	// Reason is the mark's reason, "" when none was given.
	Reason string `json:"reason,omitempty"`
	// Implied is true when the requirement has no mark of its own, and
	// counts as reached because a step above it in its skill is (see
	// Ladder.ImpliedSteps). Status is then "reached".
	Implied bool `json:"implied,omitempty"`
	// Points are what the requirement is worth when reached.
	Points int `json:"points,omitempty"`
	// Details are the requirement's examples, evidence and links, as in
	// the ladder (left out when it has none): the result's own copy.
	Details
}

// Count is a number of requirements reached out of a total.
type Count struct {
	Reached int `json:"reached"` // how many are marked reached
	Total   int `json:"total"`   // how many apply: not_applicable ones left out
}

// Reached returns the result of the level reached (on Track), or nil at
// rank 0.
func (r *Result) Reached() *LevelResult { return r.atRank(r.Rank) }

// Next returns the result of the level above the one reached (on Track),
// which says what is missing to reach it, or nil when the top level is
// reached.
func (r *Result) Next() *LevelResult { return r.atRank(r.Rank + 1) }

// atRank returns the level of a rank on the result's track.
func (r *Result) atRank(rank int) *LevelResult {
	if rank <= 0 {
		return nil
	}
	if r.Track == "" && rank <= len(r.Levels) && r.Levels[rank-1].Rank == rank {
		return &r.Levels[rank-1]
	}
	for i := range r.Levels {
		if lv := &r.Levels[i]; lv.Rank == rank && (lv.Track == "" || lv.Track == r.Track) {
			return lv
		}
	}
	return nil
}

// Skill returns the result of the skill of an ID, or nil when the ladder
// has no such skill.
func (r *Result) Skill(id string) *SkillResult {
	for i := range r.Skills {
		if r.Skills[i].ID == id {
			return &r.Skills[i]
		}
	}
	return nil
}

// Level returns the result of the level of an ID, or nil when the ladder
// has no such level.
func (r *Result) Level(id string) *LevelResult {
	for i := range r.Levels {
		if r.Levels[i].ID == id {
			return &r.Levels[i]
		}
	}
	return nil
}

// Requirement returns the result of the requirement of an ID, or nil when
// the ladder has no such requirement. It looks through every level, in
// time linear in the ladder's size.
func (r *Result) Requirement(id string) *RequirementResult {
	for req := range r.requirements() {
		if req.ID == id {
			return req
		}
	}
	return nil
}

// Evaluate applies the ladder's rules to an assessment and returns the
// result. It is safe to call from many goroutines at once.
//
// It returns a *Error when the assessment does not fit the ladder: it is
// for another ladder, or marks a requirement or level the ladder does not
// have (unless it was made against another version of the ladder: see
// Assessment.LadderVersion). The problems are located in the assessment's
// file when it was read by ParseAssessment or LoadAssessment. It also returns a *Error, located in
// the ladder's file, when a rule fails as it runs (an index out of range).
func (l *Ladder) Evaluate(a *Assessment) (*Result, error) {
	if l.plan == nil {
		return nil, errNotChecked("Evaluate")
	}
	if a == nil {
		return nil, errors.New("ladder: Evaluate of a nil Assessment")
	}
	res, misfit, failure := l.evaluate(a)
	if misfit != nil {
		return nil, misfit
	}
	if failure != nil {
		return nil, failure
	}
	return res, nil
}

// evaluate evaluates an assessment, telling apart the error of an
// assessment that does not fit the ladder (located in the assessment)
// from that of a rule that failed (located in the ladder).
func (l *Ladder) evaluate(a *Assessment) (res *Result, misfit, failure error) {
	in := l.plan.Input()
	defer l.plan.Release(in)
	orphans, err := l.mapAssessment(a, in)
	if err != nil {
		return nil, err, nil
	}
	if err := l.plan.Decide(in); err != nil {
		return nil, nil, l.ruleFailure(err)
	}
	res = l.result(a, in)
	res.Orphans = orphans
	return res, nil, nil
}

// suggestBudget bounds the work of "did you mean" suggestions for one
// document, in pairs of characters compared (a few milliseconds): a
// document with thousands of unknown names gets suggestions for the first
// ones only.
const suggestBudget = 1 << 21

// runeCount counts the characters of s, eight bytes at a time: the bytes
// that do not continue a character (10xxxxxx). On valid UTF-8 it is
// utf8.RuneCountInString, several times faster on text outside ASCII; on
// invalid UTF-8 it counts no more characters than there are bytes.
func runeCount(s string) int {
	const low, high = 0x0101010101010101, 0x8080808080808080
	continuations := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte continues a character when its top bit is set and the
		// next one is not.
		continuations += bits.OnesCount64(w & high & ^(w << 1) & (low << 7))
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			continuations++
		}
	}
	return len(s) - continuations
}

// ruleFailure reports a rule that failed as it ran, at the rule in the
// ladder's file.
func (l *Ladder) ruleFailure(err error) error {
	var re *engine.RuleError
	if !errors.As(err, &re) {
		return err
	}
	ptr := rulePointer(re.Level, re.Scope, re.Value)
	var where string
	if re.Scope == dsl.ValueRule {
		where = fmt.Sprintf("value %q", l.plan.Values()[re.Value].ID)
	} else if re.AtStep >= 0 {
		for i, sk := range l.plan.Skills() {
			if j := re.AtStep - l.plan.StepStart(i); j >= 0 && j < len(sk.Steps) {
				where = fmt.Sprintf("step %q of skill %q", sk.Steps[j].ID, sk.Name)
			}
		}
	} else {
		level := l.plan.Levels()[re.AtLevel]
		where = fmt.Sprintf("level %q", level.ID)
		if re.Scope == dsl.SkillRule {
			where += fmt.Sprintf(", skill %q", level.Groups[re.AtGroup].Name)
		}
	}
	p := Problem{File: l.file, Pointer: ptr}
	span, known := l.rules[ptr]
	p.Line, p.Column = span.Line, span.Column
	var de *dsl.Error
	if errors.As(re.Err, &de) {
		if known {
			p.Line, p.Column = span.Position(de.Offset)
		}
		p.Message = fmt.Sprintf("rule failed at %s: %s", where, de.Message)
		p.Snippet = de.Snippet()
	} else {
		p.Message = fmt.Sprintf("rule failed at %s: %v", where, re.Err)
	}
	return &Error{Problems: []Problem{p}}
}

// result builds the result from the verdicts. It allocates a fixed number
// of times whatever the size of the ladder: the requirements of all groups
// share one array, the lists of requirement IDs another, the groups of all
// levels and steps a third, and so on.
func (l *Ladder) result(a *Assessment, in *engine.Input) *Result {
	levels, skills := l.plan.Levels(), l.plan.Skills()
	nIDs, nMarks, nGroups, nSteps, nProfile := 0, 0, len(in.Groups), len(in.Steps), 0
	for i := range in.Marks {
		nIDs += idsOf(in.Marks[i].Status)
	}
	for i, lv := range levels {
		if in.Reach[i].Status != engine.Unassessed {
			nMarks++
		}
		if in.Description[i].Status != engine.Unassessed {
			nMarks++
		}
		nProfile += len(lv.Profile)
	}
	ids := make([]string, 0, nIDs)
	marks := make([]Mark, 0, nMarks)
	// The details, copied into two arrays.
	var texts []string
	var links []Link
	if l.details.n > 0 {
		texts = make([]string, 0, l.details.texts)
		if l.details.links > 0 {
			links = make([]Link, 0, l.details.links)
		}
	}
	copyDetails := func(d *Details) Details {
		if d.empty() {
			return Details{}
		}
		strs := func(list []string) []string {
			if len(list) == 0 {
				return nil
			}
			from := len(texts)
			texts = append(texts, list...)
			return texts[from:len(texts):len(texts)]
		}
		c := Details{Examples: strs(d.Examples), Evidence: strs(d.Evidence)}
		if len(d.Links) > 0 {
			from := len(links)
			links = append(links, d.Links...)
			c.Links = links[from:len(links):len(links)]
		}
		return c
	}
	reqs := make([]RequirementResult, 0, l.plan.NumRequirements())
	groups := make([]GroupResult, nGroups)
	var steps []StepResult
	if nSteps > 0 {
		steps = make([]StepResult, nSteps)
	}
	var profile []ProfileResult
	if nProfile > 0 {
		profile = make([]ProfileResult, 0, nProfile)
	}
	res := &Result{
		Ladder:     l.id,
		LadderName: l.name,
		Version:    l.version,
		Subject:    a.Subject,
		Assessor:   a.Assessor,
		Date:       a.Date,
		Rank:       in.Rank,
		Points:     in.Points,
		Levels:     make([]LevelResult, len(levels)),
	}
	if len(skills) > 0 {
		res.Skills = make([]SkillResult, len(skills))
	}
	view := in.Line
	if tracks := l.plan.Tracks(); len(tracks) > 0 {
		res.Tracks = make([]TrackResult, len(tracks))
		for t, tr := range tracks {
			res.Tracks[t] = TrackResult{ID: tr.ID, Name: tr.Name, Rank: in.Ranks[t]}
		}
		res.Track = tracks[view].ID
	}
	if values := l.plan.Values(); len(values) > 0 {
		res.Values = make([]ValueResult, len(values))
		for i, v := range values {
			res.Values[i] = ValueResult{ID: v.ID, Name: v.Name, Value: in.Values[i]}
		}
	}
	mark := func(m engine.Mark) *Mark {
		if m.Status == engine.Unassessed {
			return nil
		}
		marks = append(marks, Mark{Status: statusOf(m.Status), Reason: m.Reason})
		return &marks[len(marks)-1]
	}
	// appendIDs appends the IDs of the requirements of list whose status
	// is one of want, and returns them.
	appendIDs := func(list []int, want ...engine.Status) []string {
		from := len(ids)
		for _, r := range list {
			if slices.Contains(want, in.Marks[r].Status) {
				ids = append(ids, l.plan.Requirement(r).ID)
			}
		}
		return ids[from:len(ids):len(ids)]
	}
	group := func(gr *GroupResult, group *engine.Group, reached bool) {
		*gr = GroupResult{
			Skill:       group.Skill,
			Name:        group.Name,
			General:     group.General,
			Reached:     reached,
			Missing:     appendIDs(group.Hard, engine.NotYet, engine.Unassessed),
			SoftMissing: appendIDs(group.Soft, engine.NotYet, engine.Unassessed),
		}
		from := len(ids)
		appendIDs(group.Hard, engine.Unassessed)
		appendIDs(group.Soft, engine.Unassessed)
		gr.Unassessed = ids[from:len(ids):len(ids)]
		gr.Hard = count(in.Marks, group.Hard)
		gr.Soft = count(in.Marks, group.Soft)
		from = len(reqs)
		// Hard and Soft are each in ladder order, the order of their
		// indices: merge them.
		hard, soft := group.Hard, group.Soft
		for len(hard) > 0 || len(soft) > 0 {
			var r int
			kind := Hard
			if len(soft) == 0 || len(hard) > 0 && hard[0] < soft[0] {
				r, hard = hard[0], hard[1:]
			} else {
				r, soft, kind = soft[0], soft[1:], Soft
			}
			req, m := &l.reqs[r], in.Marks[r]
			reqs = append(reqs, RequirementResult{
				ID: req.ID, Kind: kind, Text: req.Text, Status: statusOf(m.Status), Reason: m.Reason, Implied: in.Implied[r],
				Points: req.Points, Details: copyDetails(&req.Details),
			})
		}
		gr.Requirements = reqs[from:len(reqs):len(reqs)]
	}
	for i, sk := range skills {
		level := l.plan.SkillLevel(in, view, i)
		sr := &res.Skills[i]
		*sr = SkillResult{ID: sk.ID, Name: sk.Name, Level: level}
		if level > 0 && len(sk.Steps) > 0 {
			sr.Points = sk.Steps[level-1].Points
		}
		if len(sk.Steps) > 0 {
			start := l.plan.StepStart(i)
			sr.Steps = steps[start : start+len(sk.Steps) : start+len(sk.Steps)]
			for j, st := range sk.Steps {
				k := start + j
				sr.Steps[j] = StepResult{Step: j + 1, ID: st.ID, Name: st.Name, Points: st.Points}
				group(&sr.Steps[j].Group, &sk.Steps[j].Group, in.Steps[k])
			}
		}
	}
	for i, lv := range levels {
		start := l.plan.GroupStart(i)
		lr := &res.Levels[i]
		*lr = LevelResult{
			Rank:            l.plan.Rank(i),
			ID:              lv.ID,
			Name:            lv.Name,
			Label:           lv.Label,
			Threshold:       lv.Threshold,
			Reach:           lv.Reach,
			Reached:         in.Levels[i],
			Groups:          groups[start : start+len(lv.Groups) : start+len(lv.Groups)],
			ReachMark:       mark(in.Reach[i]),
			DescriptionMark: mark(in.Description[i]),
		}
		if lv.Track > 0 {
			lr.Track = l.plan.Tracks()[lv.Track-1].ID
		}
		if len(lv.Profile) > 0 {
			from := len(profile)
			v := l.plan.View(i)
			for _, need := range lv.Profile {
				has := l.plan.SkillLevel(in, v, need.Skill)
				profile = append(profile, ProfileResult{Skill: skills[need.Skill].ID, Name: skills[need.Skill].Name, Want: need.Level, Level: has, Met: has >= need.Level})
			}
			lr.Profile = profile[from:len(profile):len(profile)]
		}
		for g := range lv.Groups {
			group(&lr.Groups[g], &lv.Groups[g], in.Groups[start+g])
		}
	}
	return res
}

// idsOf returns how many lists of IDs a requirement of a status is in:
// Missing or SoftMissing when not yet, and Unassessed too when unassessed.
func idsOf(s engine.Status) int {
	switch s {
	case engine.NotYet:
		return 1
	case engine.Unassessed:
		return 2
	}
	return 0
}

// count counts the requirements of a list reached, of those that apply.
func count(marks []engine.Mark, list []int) Count {
	var c Count
	for _, r := range list {
		switch marks[r].Status {
		case engine.NotApplicable:
			continue
		case engine.Reached:
			c.Reached++
		}
		c.Total++
	}
	return c
}

func statusOf(s engine.Status) Status { return Status(s.String()) }
