package docschema

import "github.com/ladderkit/ladder/internal/source"

// The helpers the tests of package docschema_test check.
var (
	ComparePointers = comparePointers
	InstancePointer = instancePointer
)

// IDPattern is the pattern of IDs, which messages name as such.
const IDPattern = idPattern

// Sure reports whether the sure check of s finds a document valid, and
// whether s has a sure check at all.
func (s *Schema) Sure(root *source.Node) (valid, has bool) {
	if s.sure == nil {
		return false, false
	}
	return s.sure.valid(root), true
}

// ValidV5 reports whether santhosh-tekuri/jsonschema/v5 finds a decoded
// value valid, with nothing in front of it.
func (s *Schema) ValidV5(v any) bool { return s.compiled.Validate(v) == nil }

// HasSure reports whether a schema document gets a sure check.
func HasSure(raw string) bool {
	doc, problems := source.Parse([]byte(raw), source.Limits{})
	if len(problems) > 0 {
		panic(problems[0].Message)
	}
	return (&Schema{doc: doc}).compileSure() != nil
}
