package docschema

// The helpers the tests of package docschema_test check.
var (
	ComparePointers = comparePointers
	InstancePointer = instancePointer
)

// IDPattern is the pattern of IDs, which messages name as such.
const IDPattern = idPattern
