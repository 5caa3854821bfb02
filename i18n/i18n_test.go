package i18n

import (
	"fmt"
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
	if got, want := en.T(TooSmall, 80, 24, 70, 20), "terminal too small: need 80×24 (now 70×20) · q quits"; got != want {
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

// Every language of the table translates every message, in files of its
// own (no ID twice), and takes the same arguments as the English text: the
// same verbs for the same argument positions, whatever order it uses them in.
func TestEveryLanguageIsComplete(t *testing.T) {
	for _, l := range Targets() {
		t.Run(l.Code(), func(t *testing.T) {
			texts := languages[l].texts
			for _, id := range IDs() {
				if !Has(l, id) {
					t.Errorf("%s has no %s text (English: %q)", id, l.Name(), english[id])
				} else if strings.TrimSpace(texts[id]) == "" {
					t.Errorf("%s has an empty %s text", id, l.Name())
				}
			}
			for id, text := range texts {
				en, ok := english[id]
				if !ok && !strings.HasPrefix(string(id), "loss.name.") && !strings.HasPrefix(string(id), "loss.short.") {
					t.Errorf("%s has a %s text but no English one", id, l.Name())
				}
				if !ok { // a loss's name: its English is in core/loss, without arguments
					if verbs := verbsByArg(text); verbs != "" {
						t.Errorf("%s takes arguments: %s", id, verbs)
					}
					continue
				}
				if a, b := verbsByArg(en), verbsByArg(text); a != b {
					t.Errorf("%s: English takes %s, %s %s", id, a, l.Name(), b)
				}
			}
			if dup := duplicateIDs(languages[l].areas...); len(dup) > 0 {
				t.Errorf("IDs translated in more than one area: %v", dup)
			}
		})
	}
}

// verbsByArg lists a format's verbs by the argument each consumes, as
// fmt numbers them (explicit %[n] indices included).
func verbsByArg(format string) string {
	byArg := map[int]string{}
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0123456789.*", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			n := 0
			for _, c := range format[i+1 : i+end] {
				n = n*10 + int(c-'0')
			}
			arg = n
			i += end + 1
		}
		if i < len(format) {
			byArg[arg] += string(format[i])
			arg++
		}
	}
	var b strings.Builder
	for n := 1; n <= len(byArg)+8; n++ {
		if v, ok := byArg[n]; ok {
			b.WriteString(fmt.Sprintf("[%d]%s", n, v))
		}
	}
	return b.String()
}

func TestVerbsByArg(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"%d of %s", "%[1]d，%[2]s"},
		{"losslab %[1]s, commit %[3]s of %[4]s (built with %[2]s)", "%[1]s %[2]s %[3]s %[4]s"},
		{"100%% %q", "%q 100%%"},
	} {
		if verbsByArg(c.a) != verbsByArg(c.b) {
			t.Errorf("%q and %q should match: %s vs %s", c.a, c.b, verbsByArg(c.a), verbsByArg(c.b))
		}
	}
	for _, c := range []struct{ a, b string }{{"%d of %s", "%s of %d"}, {"%s", "%s %s"}, {"%[2]s %[1]d", "%s %d"}} {
		if verbsByArg(c.a) == verbsByArg(c.b) {
			t.Errorf("%q and %q should differ", c.a, c.b)
		}
	}
}

// One English term has one Chinese word everywhere (docs/glossary-zh.md):
// each synonym the glossary turned down must not appear in any text.
func TestChineseUsesGlossaryTerms(t *testing.T) {
	for _, c := range []struct{ rejected, term string }{
		{"活跃", "激活"}, // active: the hinge's word in the playground and batch view
		{"塌缩", "坍缩"}, // collapse: the playground's word
	} {
		for id, zh := range chinese {
			if strings.Contains(zh, c.rejected) {
				t.Errorf("%s says %s where the glossary's term is %s: %q", id, c.rejected, c.term, zh)
			}
		}
	}
}
