package ladder

import (
	"github.com/ladderkit/ladder/internal/engine"
	"github.com/ladderkit/ladder/internal/hook"
	"github.com/ladderkit/ladder/internal/source"
	"github.com/ladderkit/ladder/rules"
)

func init() {
	hook.Plan = func(l any) *engine.Plan {
		if l, ok := l.(*Ladder); ok {
			return l.plan
		}
		return nil
	}
	hook.ParseLadder = func(file string, data []byte) (any, error) {
		return new(Parser).parseLadder(file, data)
	}
	hook.ParseAssessment = func(file string, data []byte) (any, error) {
		return new(Parser).parseAssessment(file, data)
	}
}

// Ladder is a career ladder: the levels a person can reach, each with the
// requirements that must hold to reach it, sorted into the ladder's skills.
//
// Parse and Load return a Ladder ready to Evaluate assessments, and so does
// New for a Ladder built in Go. They check it and compile its rules once;
// the Ladder they return is safe for concurrent use by many goroutines. It
// keeps a copy of what it evaluates: changing its fields changes neither
// how it evaluates nor what its results say. To evaluate a changed ladder,
// pass it to New.
type Ladder struct {
	// Schema is the "$schema" an editor uses to check the file: the URL or
	// relative path of ladder.schema.json. Evaluation ignores it.
	Schema string `json:"$schema,omitempty"`
	// ID identifies the ladder. Assessments name it in their "ladder" field.
	// Lowercase letters, digits, ".", "_" and "-".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9._-]+$"`
	// Name is the ladder's title, for people.
	Name string `json:"name" jsonschema:"minLength=1"`
	// Summary is a line on what the ladder measures.
	Summary string `json:"summary,omitempty"`
	// Description says what the ladder is about and how it is used.
	Description string `json:"description,omitempty"`
	// Version is the ladder's own version, reported with each result.
	Version string `json:"version,omitempty"`
	// Tracks are the branches of the ladder, such as an individual
	// contributor track and a manager track. A level names the track it is
	// on; the levels that name none are shared by every track and come
	// first. Without tracks, the ladder is one track of all its levels.
	Tracks []Track `json:"tracks,omitempty"`
	// ImpliedSteps says that reaching a step of a skill implies the steps
	// below it in the same skill: a requirement there that the assessment
	// leaves unmarked counts as reached, and results say it was implied.
	// The assessor then marks only the step that describes the person.
	ImpliedSteps bool `json:"impliedSteps,omitempty"`
	// Rules decide how requirements add up to a level, for every level that
	// does not set its own. Without rules, a skill is reached at a level when
	// all its hard requirements there are reached, and a level is reached
	// when all its skills are.
	Rules *rules.Rules `json:"rules,omitempty"`
	// Values are numbers the ladder computes for people to read, such as
	// "total points" or "points to the next title". Each result gives
	// them, in this order.
	Values []NamedValue `json:"values,omitempty"`
	// Skills are the areas a level's requirements are sorted into (the
	// sheet's sub-skills), in the order reports show them.
	Skills []Skill `json:"skills"`
	// Levels are the ladder's levels from the lowest to the highest: the
	// first has rank 1. A person's rank is the highest r such that levels 1
	// to r are all reached.
	Levels []Level `json:"levels" jsonschema:"minItems=1"`

	plan *engine.Plan
	// reqs are the requirements as the plan numbers them, for the
	// details results give; details counts what results copy of them.
	reqs    []Requirement
	details struct{ n, texts, links int }
	// id, name and version are the ID, Name and Version parsed, which
	// results report and assessments are matched against.
	id, name, version string
	// file and rules locate a rule that fails when it runs, at the
	// character at fault: rules holds where each rule is written, by JSON
	// pointer.
	file  string
	rules map[string]source.Span
}

// NamedValue is a number a ladder computes from each assessment for people
// to read, such as the points to the next title. It decides nothing.
type NamedValue struct {
	// ID identifies the value. Lowercase letters, digits, ".", "_" and
	// "-".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9._-]+$"`
	// Name is the value's name, for people.
	Name string `json:"name" jsonschema:"minLength=1"`
	// Rule computes the value: an expression of the rule language whose
	// result is a number. It sees points, rank, skillLevels and next (the
	// level above the rank on the result's track, of rank 0 at the top),
	// as in "next.rank > 0 ? next.threshold - points : 0".
	Rule string `json:"rule" jsonschema:"minLength=1"`
}

// Skill is an area of a ladder (a sub-skill of the sheet). At each level, the
// requirements of one skill form a group that is reached or not.
type Skill struct {
	// ID identifies the skill; requirements name it in their "skill" field.
	// Lowercase letters, digits, ".", "_" and "-".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9._-]+$"`
	// Name is the skill's name, for people.
	Name string `json:"name" jsonschema:"minLength=1"`
	// Description says what the skill covers.
	Description string `json:"description,omitempty"`
	// Steps are the skill's own steps, from the lowest up, for a ladder
	// whose levels are defined over skills (by a profile or a rule) rather
	// than holding requirements. A skill with steps has no requirements in
	// the levels. Without steps, the skill's steps are its groups at the
	// levels, and its level is the rank of the highest one reached.
	Steps []Step `json:"steps,omitempty"`
}

// Step is one step of a skill that has steps of its own: its requirements,
// and what reaching it is worth.
type Step struct {
	// ID identifies the step among the ladder's steps and levels.
	// Lowercase letters, digits, ".", "_" and "-".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9._-]+$"`
	// Name is the step's name, for people.
	Name string `json:"name,omitempty"`
	// Description says what a person at this step of the skill is like.
	Description string `json:"description,omitempty"`
	// Points are what the skill is worth to a person whose level in it is
	// this step (not added to the points of the steps below): never fewer
	// than a step below is worth.
	Points int `json:"points,omitempty" jsonschema:"minimum=0,maximum=1000000"`
	// Requirements are what must hold to reach the step. They belong to
	// the skill: their "skill" field is left out, or names it.
	Requirements []Requirement `json:"requirements" jsonschema:"minItems=1"`
}

// Track is a branch of a ladder: the shared levels, then the levels that
// name the track.
type Track struct {
	// ID identifies the track; levels and assessments name it.
	// Lowercase letters, digits, ".", "_" and "-".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9._-]+$"`
	// Name is the track's name, for people.
	Name string `json:"name" jsonschema:"minLength=1"`
	// Description says who the track is for.
	Description string `json:"description,omitempty"`
}

// Level is one step of a ladder.
type Level struct {
	// ID identifies the level; assessments name it in their "levels" field.
	// Lowercase letters, digits, ".", "_" and "-".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9._-]+$"`
	// Name is the level's name, for people.
	Name string `json:"name,omitempty"`
	// Label is the level's short title, such as "TL4", shown instead of
	// its rank: ranks stay contiguous within a track whatever the labels.
	Label string `json:"label,omitempty"`
	// Track is the ID of the track the level is on; without one the level
	// is shared by every track. Shared levels come before the others.
	Track string `json:"track,omitempty" jsonschema:"pattern=^[a-z0-9._-]+$"`
	// Reach is the level's expertise reach: how far the person's impact goes
	// (for instance "Self", "Squad", "Company / Market").
	Reach string `json:"reach,omitempty"`
	// Description says what a person at this level is like.
	Description string `json:"description,omitempty"`
	// Rules replace the ladder's rules at this level. A rule left out here
	// is the ladder's, or the default.
	Rules *rules.Rules `json:"rules,omitempty"`
	// Profile asks for a level in each of some skills, by skill ID (see
	// SkillResult.Level): the level is reached only where each is met,
	// besides what its rules say.
	Profile map[string]int `json:"profile,omitempty"`
	// Threshold is a number that the ladder's rules can read as
	// level.threshold, such as the points the level needs: one rule for
	// every level can then look up each level's own.
	Threshold int `json:"threshold,omitempty" jsonschema:"minimum=-1000000000,maximum=1000000000"`
	// Requirements are what must hold to reach the level. A requirement
	// with a "skill" belongs to that skill's group; one without belongs to
	// the level's general group. A level defined over skills, by a profile
	// or by a level rule that reads skillLevels or points, has none.
	Requirements []Requirement `json:"requirements,omitempty"`
}

// Requirement is one thing an assessor marks as reached or not yet.
type Requirement struct {
	// ID identifies the requirement across the ladder; assessments mark it
	// by this ID. Lowercase letters, digits, ".", "_" and "-".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9._-]+$"`
	// Skill is the ID of the skill the requirement belongs to. Without it,
	// the requirement belongs to its level's general group.
	Skill string `json:"skill,omitempty" jsonschema:"pattern=^[a-z0-9._-]+$"`
	// Kind is "hard" or "soft". By default a skill is reached when all its
	// hard requirements are; soft requirements are reported, and count only
	// where a rule says so.
	Kind Kind `json:"kind" jsonschema:"enum=hard,enum=soft"`
	// Text says what must hold, in the ladder's words.
	Text string `json:"text" jsonschema:"minLength=1"`
	// Points are what the requirement is worth when reached: they add up
	// to a person's points, which rules read as points.
	Points int `json:"points,omitempty" jsonschema:"minimum=0,maximum=1000000"`
	// Details are what the requirement says besides its text: examples,
	// evidence and links, written in the requirement's own object.
	Details
}

// Details are what a requirement says besides its text, for assessors and
// reports. They decide nothing.
type Details struct {
	// Examples show the requirement met.
	Examples []string `json:"examples,omitempty"`
	// Evidence lists signals an assessor can look for.
	Evidence []string `json:"evidence,omitempty"`
	// Links point to more on the requirement.
	Links []Link `json:"links,omitempty"`
}

// empty reports whether there are no details.
func (d *Details) empty() bool {
	return len(d.Examples) == 0 && len(d.Evidence) == 0 && len(d.Links) == 0
}

// Link is a link from a requirement to more on it.
type Link struct {
	// Text is what the link shows.
	Text string `json:"text,omitempty"`
	// URL is where it leads.
	URL string `json:"url" jsonschema:"minLength=1"`
}

// Kind says whether a requirement is hard or soft.
type Kind string

// The kinds of requirement.
const (
	Hard Kind = "hard"
	Soft Kind = "soft"
)
