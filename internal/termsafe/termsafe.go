// Package termsafe makes text that came from outside losslab (files, flags,
// labels) safe to print: no control character survives, so a scenario title
// cannot set the window title, clear the screen or split a one-line error.
package termsafe

import (
	"strings"
	"unicode"
)

// Replacement stands in for each control character removed.
const Replacement = '?'

// String returns s with every control character (C0, DEL, C1, which covers
// ESC and the 8-bit CSI/OSC introducers) replaced by Replacement, and
// invalid UTF-8 by U+FFFD.
func String(s string) string {
	if !needsCleaning(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return Replacement
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
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
		if r == unicode.ReplacementChar || unicode.IsControl(r) {
			return true
		}
	}
	return false
}
