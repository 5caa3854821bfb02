package termsafe

import (
	"strings"
	"testing"
	"unicode"
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
		"\u2065\u2069x\u206a": "\u2065x\u206a", // neighbours are not bidi controls
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
				if IsBidiControl(r) {
					t.Fatalf("bidi control %U survives in %q", r, out)
				}
			}
		}
		if strings.Contains(String(s), "\n") {
			t.Fatalf("String keeps a line feed: %q", String(s))
		}
	})
}
