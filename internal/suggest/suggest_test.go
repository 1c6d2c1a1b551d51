package suggest

import (
	"strings"
	"testing"
)

func TestName(t *testing.T) {
	levels := []string{"easy", "medium", "hard"}
	tests := []struct {
		name       string
		input      string
		candidates []string
		want       string
	}{
		{"closest of several", "medum", levels, "medium"},
		{"one change", "hart", levels, "hard"},
		{"one added", "hardd", levels, "hard"},
		{"one removed", "har", levels, "hard"},
		{"transposition is one edit", "hrad", levels, "hard"},
		{"transposition at the end", "hadr", levels, "hard"},
		{"transposition in a short name", "esay", levels, "easy"},
		{"ignores case of the name", "HARD", levels, "hard"},
		{"ignores case of the candidate", "hrad", []string{"HARD"}, "HARD"},
		{"returns the candidate as written", "Mediun", []string{"MEDIUM"}, "MEDIUM"},
		{"closer candidate wins over an earlier one", "expresion", []string{"expressed", "expression"}, "expression"},
		{"farther later candidate does not win", "expresion", []string{"expression", "expressed"}, "expression"},
		{"two edits in six characters", "abcdef", []string{"abcxyf"}, "abcxyf"},
		{"three edits in six characters is too far", "abcdef", []string{"axyzef"}, ""},
		{"two edits in three characters is too far", "cat", []string{"dog", "cog"}, ""},
		{"refuses far names", "xyz", levels, ""},
		{"refuses unrelated long names", "requirements", []string{"description", "levels", "skills"}, ""},
		{"one character differing entirely", "a", []string{"b"}, ""},
		{"one character against two", "a", []string{"ab", "ba"}, ""},
		{"one character differing in case", "a", []string{"A"}, "A"},
		{"two characters differing entirely", "ab", []string{"cd"}, ""},
		{"two characters, one changed", "ab", []string{"cd", "ac"}, "ac"},
		{"does not suggest the name itself", "hard", []string{"hard"}, ""},
		{"does not suggest the name itself among far names", "hard", []string{"xyz", "hard", "qqqqqq"}, ""},
		{"tie goes to the first", "cat", []string{"bat", "car"}, "bat"},
		{"tie goes to the first, reversed", "cat", []string{"car", "bat"}, "car"},
		{"tie after a farther candidate", "levl", []string{"xxxx", "lev", "level"}, "lev"},
		{"counts characters, not bytes", "日本語", []string{"日本人"}, "日本人"},
		{"multibyte transposition", "équpie", []string{"équipe"}, "équipe"},
		{"accented letter changed", "equipe", []string{"équipe"}, "équipe"},
		{"empty name", "", []string{"a", ""}, ""},
		{"no candidates", "hard", nil, ""},
		{"empty candidate", "ab", []string{""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Name(tt.input, tt.candidates); got != tt.want {
				t.Errorf("Name(%q, %q): got %q, want %q", tt.input, tt.candidates, got, tt.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"a", "", 1},
		{"", "abc", 3},
		{"abc", "abc", 0},
		{"hrad", "hard", 1},
		{"ab", "ba", 1},
		{"abcd", "badc", 2},
		{"kitten", "sitting", 3},
		{"flaw", "lawn", 2},
		{"ca", "abc", 3}, // optimal string alignment: no edit of a swapped pair
		{"日本", "本日", 1},
		{"é", "e", 1},
		{"Hard", "hard", 1}, // distance itself is case-sensitive: Name lowers
	}
	for _, tt := range tests {
		if got := distance([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("distance(%q, %q): got %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := distance([]rune(tt.b), []rune(tt.a)); got != tt.want {
			t.Errorf("distance(%q, %q): got %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

// A Finder stops suggesting once its budget is spent, and never suggests
// for names too long to be misspelt IDs.
func TestFinderBudget(t *testing.T) {
	f := NewFinder([]string{"hard", "soft"}, 20) // one comparison of 4x4 characters
	if got := f.Name("hrad"); got != "hard" {
		t.Errorf("first: got %q, want hard", got)
	}
	if got := f.Name("sfot"); got != "" {
		t.Errorf("after the budget: got %q, want none", got)
	}
	long := strings.Repeat("a", maxRunes+1)
	if got := Name(long, []string{long + "b"}); got != "" {
		t.Errorf("long name: got %q, want none", got)
	}
}
