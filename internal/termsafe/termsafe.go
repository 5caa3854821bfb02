// Package termsafe makes text that came from outside losslab (files, flags,
// labels) safe to print: no control character survives, so a scenario title
// cannot set the window title, clear the screen or split a one-line error,
// and no bidirectional formatting character survives, so it cannot reorder
// the line it is printed on.
package termsafe

import (
	"strings"
	"unicode"
)

// Replacement stands in for each control character removed.
const Replacement = '?'

// String returns s with every control character (C0, DEL, C1, which covers
// ESC and the 8-bit CSI/OSC introducers) replaced by Replacement, every
// bidirectional formatting character removed, and invalid UTF-8 replaced by
// U+FFFD.
func String(s string) string {
	if !needsCleaning(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r):
			return Replacement
		case IsBidiControl(r):
			return -1 // invisible: nothing to stand in for
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// IsBidiControl reports whether r changes the order in which a terminal
// lays out the text around it: the embeddings and overrides U+202A–U+202E,
// the isolates U+2066–U+2069, and the marks U+200E, U+200F and U+061C.
func IsBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return r == 0x200E || r == 0x200F || r == 0x061C
}

// Multiline is String but keeps line feeds (and turns tabs into a space), for
// notes and descriptions that are wrapped on screen.
func Multiline(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\t", " "), "\n")
	for i, l := range lines {
		lines[i] = String(strings.TrimSuffix(l, "\r"))
	}
	return strings.Join(lines, "\n")
}

func needsCleaning(s string) bool {
	for _, r := range s {
		if r == unicode.ReplacementChar || unicode.IsControl(r) || IsBidiControl(r) {
			return true
		}
	}
	return false
}
