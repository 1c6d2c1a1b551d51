// Package suggest finds the known name a misspelled one was meant to be, for
// "did you mean" hints in error messages.
package suggest

import "strings"

// Name returns the candidate closest to name, or "" when none is close
// enough to be a likely misspelling: a few edits (an edit is a character
// added, removed, changed, or two swapped), at most one per three
// characters, and never the whole name. Case is ignored.
func Name(name string, candidates []string) string {
	best, bestDist := "", -1
	n := len([]rune(name))
	limit := max(1, (n+2)/3)
	for _, c := range candidates {
		if c == name {
			continue
		}
		d := distance(strings.ToLower(name), strings.ToLower(c))
		if d <= limit && d < n && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the optimal string alignment distance between a and b, in
// runes: Levenshtein's, with a swap of two neighbours counted as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
