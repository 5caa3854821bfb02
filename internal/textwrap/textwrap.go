// Package textwrap breaks text into lines of a given width in terminal
// cells, for the TUI's panels and the CLI's help alike.
//
// A line may break at a space, and, since Chinese and Japanese put no
// spaces between words, between two characters when either is a CJK
// character, except before closing punctuation (，。）…) and after opening
// punctuation (（“…). A run of other characters (a number such as -0.5, a
// formula token such as d(a,p), an identifier such as batch-hard) is never
// broken. A formula is one unit: the inside of a bracket opened by a
// function or a product (max(0.7 − 0.5 + 0.2, 0), ½·(0.7 − 0.6)²), a term
// with its value (ℓ(A,N) 0.3574) and a relation (= − + × < > ≤ ≥ → standing
// alone between spaces) with both its operands stay on one line. A formula
// wider than the line breaks before a relation outside its brackets, the
// rest hanging indented below; only a run wider than the whole line is cut.
// A " · " between items is punctuation: it stays on the line of the item
// before it, and an item's lowercase name stays with its value ("different
// 21.3115").
package textwrap

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// segment is the smallest piece a line holds: it follows the previous one
// after a space (spaced) or directly (a break between CJK characters).
type segment struct {
	text   string
	width  int
	spaced bool
	hang   bool // the rest of a formula broken across lines: indented when it starts one
}

// hangIndent is how far the rest of a broken formula is indented.
const hangIndent = "  "

// Wrap breaks text into lines of at most w cells, at the text's own line
// breaks too.
func Wrap(text string, w int) []string {
	var out []string
	text = strings.ToValidUTF8(text, "\uFFFD") // widths are only defined for valid text
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrap(Units(para), w, true)...)
	}
	return out
}

// Unit is one piece of text to wrap. A unit breaks only between CJK
// characters, never at a space of its own; a Whole unit never breaks, so
// "(默认 different)" stays together.
type Unit struct {
	Text  string
	Whole bool
}

// Units splits a paragraph into the units Wrap breaks it into: words, with
// each formula (a bracket's inside, a term and its value, a relation and its
// operands) glued into one.
func Units(para string) []Unit {
	return Words(glueOperators(glueTermValues(glueBrackets(strings.Fields(para))))...)
}

// Words makes each word a unit that may break between CJK characters.
func Words(words ...string) []Unit {
	units := make([]Unit, len(words))
	for i, w := range words {
		units[i] = Unit{Text: w}
	}
	return units
}

// WrapUnits joins units with spaces into lines of at most w cells, for
// text that a terminal shows whole (the CLI's help): a piece wider than w
// gets a line of its own, uncut. It returns one empty line for no units.
func WrapUnits(units []Unit, w int) []string {
	valid := make([]Unit, len(units))
	for i, u := range units {
		valid[i] = Unit{Text: strings.ToValidUTF8(u.Text, "\uFFFD"), Whole: u.Whole}
	}
	return wrap(valid, w, false)
}

// wrap is WrapUnits; cut says whether a piece wider than w is cut to fit.
func wrap(units []Unit, w int, cut bool) []string {
	var out []string
	line, lineW := "", 0
	segs := segments(units)
	if cut {
		segs = loosen(segs, w)
	}
	for _, seg := range segs {
		gap := 0
		if seg.spaced {
			gap = 1
		}
		switch {
		case line == "": // not lineW == 0: a zero-width first piece must not be overwritten
		case lineW+gap+seg.width <= w:
			line, lineW = line+strings.Repeat(" ", gap)+seg.text, lineW+gap+seg.width
			continue
		default:
			out = append(out, line)
		}
		word, ww := seg.text, seg.width
		if seg.hang && ww+len(hangIndent) <= w {
			word, ww = hangIndent+word, ww+len(hangIndent)
		}
		for cut && ww > w { // a run wider than the line: the only place text is cut
			out = append(out, ansi.Truncate(word, w, ""))
			word = ansi.TruncateLeft(word, w, "")
			ww = ansi.StringWidth(word)
		}
		line, lineW = word, ww
	}
	return append(out, line)
}

// Clip wraps text into at most lines lines of w cells and, when it does not
// all fit, ends the last line with suffix after the last whole segment that
// leaves room for it.
func Clip(text string, w, lines int, suffix string) string {
	all := Wrap(text, w)
	if len(all) <= lines {
		return strings.Join(all, "\n")
	}
	all = all[:lines]
	segs := segments(Units(all[lines-1]))
	room := w - ansi.StringWidth(suffix)
	for len(segs) > 0 && join(segs).width > room {
		segs = segs[:len(segs)-1]
	}
	// A Chinese pause mark before the suffix would be a stray mark before "…".
	all[lines-1] = strings.TrimSpace(strings.TrimRight(join(segs).text, "，、；：") + suffix)
	return strings.Join(all, "\n")
}

// join is segments as one line.
func join(segs []segment) segment {
	var b strings.Builder
	w := 0
	for i, s := range segs {
		if i > 0 && s.spaced {
			b.WriteByte(' ')
			w++
		}
		b.WriteString(s.text)
		w += s.width
	}
	return segment{text: b.String(), width: w}
}

// segments splits units at their CJK break opportunities; the first
// segment of every unit but the first follows a space, unless a full-width
// mark that carries its own space is next to it ("d(a,p)（默认 0.7）").
func segments(units []Unit) []segment {
	var out []segment
	for i, unit := range units {
		u := unit.Text
		spaced := i > 0 && !markSpaced(units[i-1].Text, u)
		if unit.Whole {
			out = append(out, segment{text: u, width: ansi.StringWidth(u), spaced: spaced})
			continue
		}
		start := 0
		var prev rune = -1
		for j, r := range u {
			if prev >= 0 && breakBetween(prev, r) {
				out = append(out, segment{text: u[start:j], width: ansi.StringWidth(u[start:j]), spaced: start == 0 && spaced})
				start = j
			}
			prev = r
		}
		out = append(out, segment{text: u[start:], width: ansi.StringWidth(u[start:]), spaced: start == 0 && spaced})
	}
	return out
}

// markSpaced reports whether a full-width mark between units a and b
// spaces them already: a closing or pausing one ending a, an opening one
// starting b. Curly quotes are English marks too: they space only in
// Chinese, where the text beside them, inside or outside, is Chinese.
func markSpaced(a, b string) bool {
	last, n := utf8.DecodeLastRuneInString(a)
	first, m := utf8.DecodeRuneInString(b)
	if strings.ContainsRune("，。、；：？！）》", last) || strings.ContainsRune("（《", first) {
		return true
	}
	inside, _ := utf8.DecodeLastRuneInString(a[:len(a)-n])
	if last == '”' && (IsCJK(inside) || IsCJK(first)) {
		return true
	}
	inside, _ = utf8.DecodeRuneInString(b[m:])
	return first == '“' && (IsCJK(inside) || IsCJK(last))
}

// breakBetween reports whether a line may break between adjacent runes a
// and b of one unit.
func breakBetween(a, b rune) bool {
	if unicode.IsSpace(a) || unicode.IsSpace(b) {
		return false // a glued relation's own spaces
	}
	if !IsCJK(a) && !IsCJK(b) {
		return false
	}
	return !strings.ContainsRune(noLineStart, b) && !strings.ContainsRune(noLineEnd, a)
}

// Closing punctuation stays with what it closes; opening with what it opens.
const (
	noLineStart = "，。、；：！？）」』】〉》”’…—～%·,.;:!?)]}\"'"
	noLineEnd   = "（「『【〈《“‘([{"
)

// IsCJK reports whether r is a Chinese, Japanese or Korean character or
// CJK punctuation: text a line may break around without a space.
func IsCJK(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r), unicode.Is(unicode.Hangul, r):
		return true
	case r >= 0x3000 && r <= 0x303F: // CJK symbols and punctuation
		return true
	case r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6: // full-width forms
		return true
	}
	return false
}

// PadRight pads s with spaces to w cells (fmt's %-Ns counts runes, and a
// Chinese character is two cells); s as it is when it is w cells or wider.
func PadRight(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}
