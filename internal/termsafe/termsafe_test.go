package termsafe

import (
	"strings"
	"testing"
	"unicode"

	"github.com/mattn/go-runewidth"
)

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"plain title":           "plain title",
		"\x1b]0;pwned\x07":      "?]0;pwned?",
		"clear\x1b[2J":          "clear?[2J",
		"c1 \u009b31m":          "c1 ?31m",
		"two\nlines":            "two?lines",
		"bad \xff utf8":         "bad \uFFFD utf8",
		"中文 and ½·0.49 = 0.245": "中文 and ½·0.49 = 0.245",
		"title \u202egnp.exe":   "title gnp.exe",
		"\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061cok": "ok",
		"\u2065\u2069x\u206a": "\u2065x", // U+2065 is unassigned; U+206A a (deprecated) format character
		// Line and paragraph separators break a line in some terminals and
		// in JSON readers; the format characters are invisible.
		"one\u2028two\u2029three":                       "one?two?three",
		"zero\u200bwidth\u200c\u200d\u2060\ufeff\u00ad": "zerowidth",
		"tag\U000E0041\U000E007F":                       "tag",
		"\u2061x\u2064":                                 "x", // invisible operators
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMultiline(t *testing.T) {
	if got, want := Multiline("a\tb\r\nc\x1b[2J"), "a b\nc?[2J"; got != want {
		t.Errorf("Multiline = %q, want %q", got, want)
	}
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"", "a", "\x1b]0;t\x07", "\xff", "\u009b", "a\u202eb", "\u2066x\u2069\u200f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{String(s), Multiline(s)} {
			for _, r := range out {
				if unicode.IsControl(r) && r != '\n' {
					t.Fatalf("control %U survives in %q", r, out)
				}
				if IsBidiControl(r) || IsFormat(r) || r == 0x2028 || r == 0x2029 {
					t.Fatalf("invisible or separator %U survives in %q", r, out)
				}
			}
		}
		if strings.Contains(String(s), "\n") {
			t.Fatalf("String keeps a line feed: %q", String(s))
		}
	})
}

func TestEcho(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"short", "short"},
		{strings.Repeat("x", EchoCells), strings.Repeat("x", EchoCells)},
		{strings.Repeat("x", EchoCells+1), strings.Repeat("x", EchoCells-1) + "…"},
		// Cells, not runes: a Chinese character takes two, and the
		// ellipsis one; 19 characters and "…" are 39 cells.
		{strings.Repeat("中", 30), strings.Repeat("中", 19) + "…"},
		{"a\x1b[2J\u2028b" + strings.Repeat("y", 100), "a?[2J?b" + strings.Repeat("y", EchoCells-8) + "…"},
	} {
		if got := Echo(c.in); got != c.want {
			t.Errorf("Echo(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzEcho(f *testing.F) {
	for _, s := range []string{"", "a", strings.Repeat("中", 50), "\u2028\u200b", strings.Repeat("x\n", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Echo(s)
		if w := runewidth.StringWidth(out); w > EchoCells {
			t.Fatalf("Echo(%q) is %d cells", s, w)
		}
		if out != String(out) {
			t.Fatalf("Echo(%q) = %q is not clean", s, out)
		}
	})
}
