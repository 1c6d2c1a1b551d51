package dsl

import (
	"strconv"
	"strings"

	"github.com/ladderkit/ladder/internal/display"
)

// Error is a problem in a rule's source, at a character of it.
type Error struct {
	// Source is the rule.
	Source string
	// Offset is the index, in characters (runes) from 0, of the character
	// at fault in Source.
	Offset int
	// Message says what is wrong.
	Message string
}

// Error returns LINE:COLUMN: MESSAGE, the position being in the rule,
// followed by the snippet.
func (e *Error) Error() string {
	line, col := e.Position()
	return strconv.Itoa(line) + ":" + strconv.Itoa(col) + ": " + e.Message + "\n" + e.Snippet()
}

// Position returns the line and column of the error in the rule, from 1.
func (e *Error) Position() (line, col int) {
	line, col = 1, 1
	for i, r := range []rune(e.Source) {
		if i == e.Offset {
			break
		}
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// snippetWidth is the most characters of a rule's line a snippet shows.
const snippetWidth = 72

// Snippet returns the line of the rule holding the error, indented, and
// under it a caret under the character at fault. A long line is cut to a
// window around the caret, with "..." where it is cut. Characters a terminal
// would obey are shown as escapes, and the caret is placed by the columns a
// terminal gives what comes before it: wide characters such as emoji take
// two, combining marks none.
func (e *Error) Snippet() string {
	line, col := e.Position()
	text := []rune(strings.ReplaceAll(strings.Split(e.Source, "\n")[line-1], "\t", " "))
	caret := col - 1
	prefix, suffix := "", ""
	if len(text) > snippetWidth {
		start := max(0, min(caret-snippetWidth/2, len(text)-snippetWidth))
		end := min(len(text), start+snippetWidth)
		if start > 0 {
			prefix = "..."
		}
		if end < len(text) {
			suffix = "..."
		}
		caret -= start
		text = text[start:end]
	}
	var shown strings.Builder
	shown.WriteString(prefix)
	columns := len(prefix)
	for i, r := range text {
		if i < caret {
			columns += display.Width(string(r))
		}
		shown.WriteString(display.Escape(string(r)))
	}
	shown.WriteString(suffix)
	return "    " + shown.String() + "\n    " + strings.Repeat(" ", columns) + "^"
}
