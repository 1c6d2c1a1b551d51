package display

import "testing"

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"Team \x1b[2J", `Team \x1b[2J`},
		{"a\tb\nc", `a\tb\nc`},
		{"évolué 日本 😀", "évolué 日本 😀"},
		{"left\u202eright", `left\u202eright`},
		{"\u009b2J", `\u009b2J`},
		{"👩\u200d💻", "👩\u200d💻"},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWidth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"abc", 3},
		{"é", 1},        // one precomposed character
		{"e\u0301", 1},  // e and a combining acute accent
		{"日本", 4},       // wide
		{"😀", 2},        // emoji
		{"ｈｉ", 4},       // fullwidth forms
		{"\x1b", 4},     // shown as \x1b
		{"👩\u200d💻", 4}, // two emoji joined: terminals vary, we count both
	} {
		if got := Width(tc.in); got != tc.want {
			t.Errorf("Width(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestPad(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width int
		want  string
	}{
		{"ab", 4, "ab  "},
		{"日本", 6, "日本  "},
		{"a\x1b", 6, `a\x1b `},
		{"long", 2, "long"},
	} {
		if got := Pad(tc.s, tc.width); got != tc.want {
			t.Errorf("Pad(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
		}
	}
}
