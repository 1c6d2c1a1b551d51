package schema_test

import (
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

func ExampleLadder() {
	fmt.Println(schema.Ladder().ID())
	// Output:
	// https://raw.githubusercontent.com/ladderkit/ladder/main/schema/ladder.schema.json
}

// A program in another language reads what `ladder eval --format json`
// prints; result.schema.json describes it, and Result checks it.
func ExampleResult() {
	data := []byte(`{
  "ladder": "backend", "ladderName": "Backend", "subject": "dana", "rank": -1,
  "levels": [{"rank": 1, "id": "junior", "name": "Junior", "reached": false, "groups": []}]
}`)
	fmt.Println(schema.Result().ID())
	if err := schema.Result().Validate(data); err != nil {
		fmt.Println(err)
	}
	// Output:
	// https://raw.githubusercontent.com/ladderkit/ladder/main/schema/result.schema.json
	// 2:76: /rank: must be >= 0 but found -1
}
