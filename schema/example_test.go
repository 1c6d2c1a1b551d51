package schema_test

import (
	"encoding/json"
	"fmt"

	"github.com/ladderkit/ladder/schema"
)

func ExampleSchema_Validate() {
	data := []byte(`{
  "id": "DevOps",
  "name": "DevOps Technical Mastery",
  "skills": [{"id": "devops", "name": "DevOps"}],
  "levels": [
    {"id": "1", "requirements": [
      {"id": "l1-ships", "skill": "devops", "kind": "must", "text": "Ships simple features"}
    ]},
    {"id": "2", "requirement": []}
  ]
}`)
	if err := schema.Ladder().Validate(data); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 2:9: /id: "DevOps" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"
	// 7:53: /levels/0/requirements/0/kind: "must" is not one of "hard", "soft"
	// 9:17: /levels/1/requirement: unknown field "requirement" (did you mean "requirements"?)
}

func ExampleSchema_ValidateValue() {
	var v any
	err := json.Unmarshal([]byte(`{
  "ladder": "devops-technical-mastery",
  "subject": "alice",
  "marks": {
    "l1-ships": {"status": "reachd"},
    "L1-Codes": {"status": "reached", "note": "alone"}
  }
}`), &v)
	if err != nil {
		panic(err)
	}
	for _, violation := range schema.Assessment().ValidateValue(v) {
		fmt.Printf("%s [%s, key %v]: %s\n", violation.Pointer, violation.Keyword, violation.Key, violation.Message)
	}
	// Output:
	// /marks/L1-Codes [pattern, key true]: "L1-Codes" is not a valid ID: use lowercase letters, digits, ".", "_" and "-"
	// /marks/L1-Codes/note [additionalProperties, key true]: unknown field "note"; the fields here are status, reason
	// /marks/l1-ships/status [enum, key false]: "reachd" is not one of "reached", "not_yet", "not_applicable" (did you mean "reached"?)
}

func ExampleLadder() {
	fmt.Println(schema.Ladder().ID())
	// Output:
	// https://raw.githubusercontent.com/ladderkit/ladder/main/schema/ladder.schema.json
}
