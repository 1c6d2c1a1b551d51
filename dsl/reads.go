package dsl

// reads finds out, on a checked rule, whether a run may observe the reasons
// of requirements and marks, and the hard and soft lists of a level rule's
// skills. Callers that know a rule cannot observe them fill its environment
// from values made once, without allocating.
//
// The checker leaves a rule no way to observe a requirement, skill or mark
// but through its fields: it cannot compare them, print them, or look them
// up with in (which it answers itself). So a rule reads reasons exactly when
// it names the field reason, and a skill's lists when it names hard or soft
// on a skill.
func reads(root *node) (reasons, lists bool) {
	walk(root, func(n *node) {
		if n.op != opField {
			return
		}
		switch n.name {
		case "reason":
			reasons = true
		case "hard", "soft":
			lists = true
		}
	})
	return reasons, lists
}
