package common

import (
	"math"
	"strconv"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// luminance is WCAG 2's relative luminance of a #RRGGBB colour.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil || len(hex) != 7 {
		t.Fatalf("%q is not #RRGGBB", hex)
	}
	lin := func(c uint64) float64 {
		s := float64(c) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(v>>16&0xff) + 0.7152*lin(v>>8&0xff) + 0.0722*lin(v&0xff)
}

// contrast is WCAG 2's contrast ratio of two colours, from 1 to 21.
func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// Every colour text is written in reads on its background: the Light one
// on a white terminal, the Dark one on a black one, at WCAG's 4.5:1 for
// text at least. (The dim grey once had its pair the other way round:
// 3.5:1 on white, 4.0:1 on black.) Panel borders are frames, faint on
// purpose, and not text.
func TestPaletteContrast(t *testing.T) {
	text := map[string]lipgloss.AdaptiveColor{
		"accent": colorAccent, "dim": colorDim, "error": colorError, "semi-hard": colorSemiHard,
		"easy": colorEasy, "positive": colorPositive, "negative": colorNegative, "strong": colorStrong,
	}
	for i, c := range classColors {
		text["class "+strconv.Itoa(i)] = c
	}
	for name, c := range text {
		t.Run(name, func(t *testing.T) {
			if r := contrast(t, c.Light, "#FFFFFF"); r < 4.5 {
				t.Errorf("light %s on white: %.2f:1", c.Light, r)
			}
			if r := contrast(t, c.Dark, "#000000"); r < 4.5 {
				t.Errorf("dark %s on black: %.2f:1", c.Dark, r)
			}
		})
	}
}
