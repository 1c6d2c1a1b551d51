package ladder

// Assessment is what an assessor found for one person against one ladder:
// a mark for each requirement looked at, and the sheet's checkboxes for each
// level's expertise reach and description.
//
// A requirement with no mark is unassessed, and counts as not reached.
type Assessment struct {
	// Schema is the "$schema" an editor uses to check the file: the URL or
	// relative path of assessment.schema.json. Evaluation ignores it.
	Schema string `json:"$schema,omitempty"`
	// Ladder is the ID of the ladder the assessment is for.
	Ladder string `json:"ladder" jsonschema:"pattern=^[a-z0-9._-]+$"`
	// LadderVersion is the version of the ladder the assessment was made
	// against, "" when it does not say. Evaluated against a ladder of
	// another version, a mark of a requirement or level the ladder no
	// longer has is an orphan, which the result reports, rather than an
	// error; see Migrate.
	LadderVersion string `json:"ladderVersion,omitempty"`
	// Subject names the person assessed.
	Subject string `json:"subject" jsonschema:"minLength=1"`
	// Assessor names who made the assessment.
	Assessor string `json:"assessor,omitempty"`
	// Track is the ID of the ladder's track the person is on, for a ladder
	// with tracks. Without it, the result gives the rank on every track.
	Track string `json:"track,omitempty" jsonschema:"pattern=^[a-z0-9._-]+$"`
	// Date is the day of the assessment, as YYYY-MM-DD.
	Date string `json:"date,omitempty" jsonschema:"format=date"`
	// Marks holds the mark of each requirement assessed, by requirement ID.
	Marks map[string]Mark `json:"marks"`
	// Levels holds the marks on each level's expertise reach and
	// description, by level ID. They are reported with the result; they
	// decide only where a level rule says so.
	Levels map[string]LevelMarks `json:"levels,omitempty"`
	// Orphaned holds the marks of requirements and levels that a later
	// version of the ladder no longer has, as Migrate keeps them: they
	// decide nothing, and results report them.
	Orphaned *Orphaned `json:"orphaned,omitempty"`

	// places locate the problems Evaluate finds in an assessment read by
	// ParseAssessment, nil for one built in Go.
	places *places
}

// Orphaned holds an assessment's marks of requirements and levels that
// its ladder no longer has, with their reasons, by their IDs.
type Orphaned struct {
	// Marks holds the marks of requirements, by requirement ID.
	Marks map[string]Mark `json:"marks,omitempty"`
	// Levels holds the marks on levels' expertise reach and description,
	// by level ID.
	Levels map[string]LevelMarks `json:"levels,omitempty"`
}

// Mark is an assessor's verdict on one requirement, expertise reach or
// description, with the reason given.
type Mark struct {
	// Status is "reached", "not_yet" or "not_applicable". A not_applicable
	// requirement is left out, as if the level did not have it.
	Status Status `json:"status"`
	// Reason says why, in the assessor's words: at most 1000 characters.
	Reason string `json:"reason,omitempty" jsonschema:"maxLength=1000"`
}

// LevelMarks are the assessor's marks on a level's expertise reach and
// description (the sheet's checkboxes next to them).
type LevelMarks struct {
	// Reach is the mark on the level's expertise reach.
	Reach *Mark `json:"reach,omitempty"`
	// Description is the mark on the level's description.
	Description *Mark `json:"description,omitempty"`
}

// Status is the status of a requirement, or of a level's expertise reach
// or description: the verdict of a mark, or Unassessed when there is none.
// It is what rules see in .status, and what results report.
type Status string

// The statuses. A mark is Reached, NotYet or NotApplicable; Unassessed is
// the status of what has no mark, which a mark cannot be given.
const (
	Reached       Status = "reached"
	NotYet        Status = "not_yet"
	NotApplicable Status = "not_applicable"
	Unassessed    Status = "unassessed"
)
