// Package termsafe makes text that came from outside losslab (files, flags,
// labels) safe to print: no control character survives, so a scenario title
// cannot set the window title, clear the screen or split a one-line error;
// no line or paragraph separator survives (U+2028, U+2029), which some
// terminals and every JSON consumer treat as a line break; and no invisible
// format character survives (bidirectional controls, zero-width spaces and
// joiners, the byte order mark, tags), so text cannot reorder the line it is
// printed on, hide a difference between two names, or be measured at one
// width and drawn at another.
//
// Echo is for error lines that quote what a user gave: the text is cleaned
// and cut to a short prefix, so that a 1 MiB field cannot become a 1 MiB
// error line.
package termsafe

import (
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"
)

// Replacement stands in for each control character and line separator
// removed.
const Replacement = '?'

// EchoCells is the most terminal cells of user input Echo keeps.
const EchoCells = 40

// String returns s with every control character (C0, DEL, C1, which covers
// ESC and the 8-bit CSI/OSC introducers) and line or paragraph separator
// replaced by Replacement, every invisible format character (Unicode's
// category Cf, which holds the bidirectional controls) removed, and invalid
// UTF-8 replaced by U+FFFD.
func String(s string) string {
	if !needsCleaning(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r), isSeparator(r):
			return Replacement
		case IsFormat(r):
			return -1 // invisible: nothing to stand in for
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// Echo is String cut to at most EchoCells terminal cells, with "…" in place
// of what was cut: the form in which an error line quotes a value, a label
// or a name the user gave.
func Echo(s string) string {
	s = String(s)
	if runewidth.StringWidth(s) <= EchoCells {
		return s
	}
	var b strings.Builder
	cells := 0
	for _, r := range s {
		w := runewidth.RuneWidth(r)
		if cells+w > EchoCells-1 { // one cell for the ellipsis
			break
		}
		b.WriteRune(r)
		cells += w
	}
	return b.String() + "…"
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

// IsFormat reports whether r is an invisible format character (Unicode's
// category Cf): the bidirectional controls, zero-width space, non-joiner
// and joiner, word joiner, soft hyphen, the byte order mark, the tag
// characters and the like.
func IsFormat(r rune) bool { return unicode.Is(unicode.Cf, r) || IsBidiControl(r) }

// isSeparator is U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR.
func isSeparator(r rune) bool { return unicode.In(r, unicode.Zl, unicode.Zp) }

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
		if r == unicode.ReplacementChar || unicode.IsControl(r) || isSeparator(r) || IsFormat(r) {
			return true
		}
	}
	return false
}
