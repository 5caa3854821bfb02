package i18n

import (
	"strings"
	"testing"
)

func TestEveryIDHasEnglish(t *testing.T) {
	for _, id := range IDs() {
		if strings.TrimSpace(english[id]) == "" {
			t.Errorf("%s has an empty English text", id)
		}
	}
	if got := New(English).T("no.such.id"); got != "⟨no.such.id⟩" {
		t.Errorf("missing id renders as %q", got)
	}
}

func TestNoDuplicateIDs(t *testing.T) {
	if dup := duplicateIDs(englishAreas...); len(dup) > 0 {
		t.Errorf("IDs defined in more than one area: %v", dup)
	}
}

func TestPrinter(t *testing.T) {
	en := New(English)
	if got, want := en.T(TooSmall, 80, 24, 70, 20), "terminal too small: need 80×24 (now 70×20)"; got != want {
		t.Errorf("T = %q, want %q", got, want)
	}
	// Chinese falls back to English where it has no text yet.
	if got := New(Chinese).T(TooSmall, 80, 24, 70, 20); got == "" || strings.HasPrefix(got, "⟨") {
		t.Errorf("Chinese fallback = %q", got)
	}
	for _, c := range []struct {
		in   string
		want Lang
		ok   bool
	}{{"en", English, true}, {"zh", Chinese, true}, {"ZH", Chinese, true}, {"fr", English, false}} {
		got, err := ParseLang(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseLang(%q) = %v, %v", c.in, got, err)
		}
	}
}
