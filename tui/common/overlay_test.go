package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The box replaces exactly the cells it covers; what is left and right of
// it stays, every line keeps its width, a wide character the box cuts
// becomes spaces, and a box taller than base is cut at base's end.
func TestOverlay(t *testing.T) {
	cases := []struct {
		name, base, box string
		row, col        int
		want            string
	}{
		{"middle", "abcdef\nghijkl\nmnopqr", "XY\nZW", 1, 2, "abcdef\nghXYkl\nmnZWqr"},
		{"left edge", "abcdef\nghijkl", "XY", 0, 0, "XYcdef\nghijkl"},
		{"whole line", "abc\ndef", "XYZ", 1, 0, "abc\nXYZ"},
		{"beyond the end", "abc\ndef", "X\nY\nZ", 1, 1, "abc\ndXf"},
		{"wide character under the left edge", "中文字", "X", 0, 1, " X文字"},
		{"wide character under the right edge", "ab中文", "XY", 0, 1, "aXY 文"},
		{"styled base", "\x1b[1mabcd\x1b[0m", "X", 0, 1, "\x1b[1ma\x1b[0mX\x1b[1mcd\x1b[0m"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Overlay(c.base, c.box, c.row, c.col)
			if ansi.Strip(got) != ansi.Strip(c.want) {
				t.Fatalf("Overlay(%q, %q, %d, %d) = %q, want %q", c.base, c.box, c.row, c.col, got, c.want)
			}
			baseLines, gotLines := strings.Split(c.base, "\n"), strings.Split(got, "\n")
			for i := range baseLines {
				if ansi.StringWidth(gotLines[i]) != ansi.StringWidth(baseLines[i]) {
					t.Errorf("line %d: width %d, want %d", i, ansi.StringWidth(gotLines[i]), ansi.StringWidth(baseLines[i]))
				}
			}
		})
	}
}
