package loss

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestParseLabel(t *testing.T) {
	cases := []struct {
		in   string
		want Label
		ok   bool
	}{
		{"same", Same, true}, {"different", Different, true},
		{"s", Same, true}, {"1", Same, true},
		{"diff", Different, true}, {"d", Different, true}, {"0", Different, true},
		{"Same", Same, true}, {" DIFFERENT\t", Different, true},
		{"", 0, false}, {"sam", 0, false}, {"yes", 0, false}, {"-1", 0, false},
		{"1.0", 0, false}, {"same different", 0, false}, {"ſame", 0, false},
	}
	for _, c := range cases {
		got, err := ParseLabel(c.in)
		if c.ok && (err != nil || got != c.want) {
			t.Errorf("ParseLabel(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
		if !c.ok && !errors.Is(err, ErrLabel) {
			t.Errorf("ParseLabel(%q) error = %v, want ErrLabel", c.in, err)
		}
	}
	// The error lists every accepted word, so it documents the aliases.
	_, err := ParseLabel("maybe")
	for _, y := range []Label{Same, Different} {
		for _, w := range LabelSpellings(y) {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("error %q does not mention %q", err, w)
			}
		}
	}
}

func TestLabelSpellings(t *testing.T) {
	for _, y := range []Label{Same, Different} {
		words := LabelSpellings(y)
		if words[0] != y.String() {
			t.Errorf("%v: canonical spelling %q first, got %v", y, y.String(), words)
		}
		for _, w := range words {
			if got, err := ParseLabel(w); err != nil || got != y {
				t.Errorf("ParseLabel(%q) = %v, %v; want %v", w, got, err, y)
			}
		}
		words[0] = "changed" // the caller's own copy
		if LabelSpellings(y)[0] != y.String() {
			t.Error("LabelSpellings returns the package's own slice")
		}
	}
}

// FuzzParseLabel: any text is either a label whose canonical word parses back
// to it, or an ErrLabel; accepted texts are exactly the spellings up to case
// and surrounding space.
func FuzzParseLabel(f *testing.F) {
	for _, s := range []string{"same", "different", "s", "d", "diff", "0", "1", "SAME", " same ", "", "maybe", "\x00", "ſame", "1e0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, err := ParseLabel(s)
		if err != nil {
			if !errors.Is(err, ErrLabel) {
				t.Fatalf("ParseLabel(%q): error %v is not ErrLabel", s, err)
			}
			return
		}
		if !slices.Contains(LabelSpellings(y), strings.ToLower(strings.TrimSpace(s))) {
			t.Fatalf("ParseLabel(%q) accepted a word that is not a spelling of %v", s, y)
		}
		if back, err := ParseLabel(y.String()); err != nil || back != y {
			t.Fatalf("canonical %q does not parse back", y.String())
		}
	})
}

func ExampleParseLabel() {
	for _, word := range []string{"same", "D", " 1 ", "maybe"} {
		y, err := ParseLabel(word)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%q is %s (y = %v)\n", word, y, y.Y())
	}
	// Output:
	// "same" is same (y = 1)
	// "D" is different (y = 0)
	// " 1 " is same (y = 1)
	// invalid label "maybe" (want same, s, 1 or different, diff, d, 0)
}
