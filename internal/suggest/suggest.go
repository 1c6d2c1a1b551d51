// Package suggest finds the known name a misspelled one was meant to be, for
// "did you mean" hints in error messages.
package suggest

import "strings"

// Name returns the candidate closest to name, or "" when none is close
// enough to be a likely misspelling: a few edits (an edit is a character
// added, removed, changed, or two swapped), at most one per three
// characters, and never the whole name. Case is ignored.
func Name(name string, candidates []string) string {
	return NewFinder(candidates, 0).Name(name)
}

// maxRunes is the longest name Finder suggests for: a longer one is no
// misspelling of a short ID, and costs too much to compare.
const maxRunes = 100

// Finder finds the names misspellings were meant to be, among many
// candidates, within a budget of work, so that a document with thousands of
// unknown names cannot make reporting them slow.
type Finder struct {
	candidates []string
	lower      [][]rune
	budget     int // comparison cells left; < 0 means no limit
}

// NewFinder returns a Finder over the candidates that compares at most
// budget characters pairs in all (0 means no limit).
func NewFinder(candidates []string, budget int) *Finder {
	f := &Finder{candidates: candidates, lower: make([][]rune, len(candidates)), budget: budget}
	if budget == 0 {
		f.budget = -1
	}
	for i, c := range candidates {
		f.lower[i] = []rune(strings.ToLower(c))
	}
	return f
}

// Name is like the function Name, over the Finder's candidates; it returns
// "" once the budget is spent.
func (f *Finder) Name(name string) string {
	r := []rune(strings.ToLower(name))
	n := len(r)
	if n > maxRunes {
		return ""
	}
	limit := max(1, (n+2)/3)
	best, bestDist := "", -1
	for i, c := range f.lower {
		if f.candidates[i] == name || abs(len(c)-n) > limit || len(c) > maxRunes {
			continue
		}
		if f.budget >= 0 {
			if f.budget < n*len(c) {
				return best
			}
			f.budget -= n * len(c)
		}
		d := distance(r, c)
		if d <= limit && d < n && (bestDist < 0 || d < bestDist) {
			best, bestDist = f.candidates[i], d
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// distance is the optimal string alignment distance between a and b, in
// runes: Levenshtein's, with a swap of two neighbours counted as one edit.
func distance(ra, rb []rune) int {
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
