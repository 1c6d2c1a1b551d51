package engine

// TrackRanks returns the rank of each level on its line, from the track of
// each level in the ladder's order ("" for a shared level): the shared
// levels count from 1, and the levels of a track count on after all the
// shared ones, as the ranks of a Plan do.
func TrackRanks(tracks []string) []int {
	shared := 0
	for _, t := range tracks {
		if t == "" {
			shared++
		}
	}
	ranks := make([]int, len(tracks))
	seen := map[string]int{}
	for i, t := range tracks {
		seen[t]++
		ranks[i] = seen[t]
		if t != "" {
			ranks[i] += shared
		}
	}
	return ranks
}
