package schema

// The $id of each schema. They are stable: a file's "$schema" may name them,
// and they change only with an incompatible change of the format.
const (
	LadderID     = "https://raw.githubusercontent.com/ladderkit/ladder/main/schema/ladder.schema.json"
	AssessmentID = "https://raw.githubusercontent.com/ladderkit/ladder/main/schema/assessment.schema.json"
	ResultID     = "https://raw.githubusercontent.com/ladderkit/ladder/main/schema/result.schema.json"
)
