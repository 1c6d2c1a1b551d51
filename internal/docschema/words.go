package docschema

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ladderkit/ladder/internal/suggest"
)

// The words of the checks that both the schemas and package ladder make:
// ladder.Evaluate checks an assessment built or changed in Go with the
// same rules as the schema of assessments, and says the same.

// IsID reports whether s is an ID: lowercase letters, digits, ".", "_" and
// "-", one at least (the pattern ^[a-z0-9._-]+$).
func IsID(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// NotAnID says a value is not an ID.
func NotAnID(s string) string {
	if s == "" {
		return "must not be empty: an ID uses lowercase letters, digits, \".\", \"_\" and \"-\""
	}
	return fmt.Sprintf("%q is not a valid ID: use lowercase letters, digits, \".\", \"_\" and \"-\"", s)
}

// NotAKey says a key of a map is not an ID.
func NotAKey(key string) string {
	return fmt.Sprintf("%q is not a valid ID: use lowercase letters, digits, \".\", \"_\" and \"-\"", key)
}

// Empty says a value must not be empty.
const Empty = "must not be empty"

// NotOneOf says a string is not one of the options, with the closest.
func NotOneOf(s string, options []string) string {
	quoted := make([]string, len(options))
	for i, o := range options {
		quoted[i] = strconv.Quote(o)
	}
	msg := fmt.Sprintf("%q is not one of %s", s, strings.Join(quoted, ", "))
	if guess := suggest.Name(s, options); guess != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", guess)
	}
	return msg
}

// TooLong says a string has more characters than allowed.
func TooLong(n, most int) string {
	return fmt.Sprintf("is %d characters long, over the limit of %d", n, most)
}

// IsDate reports whether s is a day of the calendar written as YYYY-MM-DD
// (the format "date" of JSON Schema).
func IsDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == len(time.DateOnly)
}

// NotADate says a string is not a date.
func NotADate(s string) string {
	if datePattern.MatchString(s) {
		return fmt.Sprintf("%q is not a day of the calendar", s)
	}
	return fmt.Sprintf("%q is not a date: write it as YYYY-MM-DD", s)
}

// NotUTF8 says a string built in Go is not valid UTF-8, as the text of a
// document must be.
const NotUTF8 = "is not valid UTF-8"
