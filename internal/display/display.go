// Package display shows the text of documents on a terminal: escaped where
// it could drive the terminal, and measured in the columns it takes.
package display

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Escape returns s with the characters that a terminal would obey rather
// than show written as escapes: control characters (the ESC of an escape
// sequence among them, and tabs), and the invisible characters that reorder
// or hide text (bidirectional marks, overrides and isolates, zero-width
// spaces). Joiners, which emoji and some scripts need, are kept.
// Line breaks are escaped too: callers that keep a text's lines split it
// first.
func Escape(s string) string {
	if !strings.ContainsFunc(s, hidden) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !hidden(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r)
		if r == utf8.RuneError {
			q = `'\ufffd'`
		}
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

// hidden reports whether a terminal would act on r, or not show it.
func hidden(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r == 0x200B, r == 0x200E, r == 0x200F, 0x202A <= r && r <= 0x202E, 0x2066 <= r && r <= 0x2069, r == 0xFEFF, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// RuneWidth returns the columns a terminal gives r: 0 for a combining mark
// or a joiner, 2 for a wide character (East Asian wide and fullwidth
// forms, emoji), 1 for the others.
func RuneWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me) || r == 0x200D:
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// Pad returns s escaped, and spaces after it up to width columns.
func Pad(s string, width int) string {
	return Escape(s) + strings.Repeat(" ", max(0, width-Width(s)))
}

// Width returns the columns a terminal gives s, once escaped.
func Width(s string) int {
	n := 0
	for _, r := range Escape(s) {
		n += RuneWidth(r)
	}
	return n
}
