// Package i18n is losslab's message catalogue: every sentence a person reads
// on screen or in the CLI's text output, looked up by message ID. English is
// the source language; other languages add a text per ID.
//
// Identifiers that files, flags and JSON use (loss IDs, label values, field
// keys) never come from here: display text may change or be translated
// without breaking a format.
//
// Texts are fmt formats. A translation that needs its arguments in another
// order uses explicit indices (%[2]s … %[1]s).
package i18n

import (
	"fmt"
	"strings"
	"unicode"
)

// ID names one message.
type ID string

// Printer renders messages in one language. The zero value is English.
type Printer struct{ lang Lang }

// New returns a printer for l.
func New(l Lang) Printer { return Printer{lang: l} }

// Lang is the printer's language.
func (p Printer) Lang() Lang { return p.lang }

// T returns message id with args substituted. A language without a text for
// id falls back to English; an id without any text shows as "⟨id⟩" so that a
// test sees it (TestEveryIDHasEnglish keeps that from shipping).
func (p Printer) T(id ID, args ...any) string {
	format, ok := lookup(p.lang, id)
	if !ok {
		return "⟨" + string(id) + "⟩"
	}
	return p.format(format, args)
}

func (p Printer) format(format string, args []any) string {
	if len(args) == 0 {
		return format
	}
	s := fmt.Sprintf(format, args...)
	if tidy := languages[p.lang].tidy; tidy != nil {
		s = tidy(s)
	}
	return s
}

// closeChineseGaps removes a single space between two Chinese characters
// or marks, after a full-width mark that closes or pauses and before one
// that opens: a message spaces its arguments for a Latin word or a number
// ("%s 在第 %s 步"), and a Chinese word put there takes no space
// ("对比损失在第 59 步"), nor does a name ending in a full-width bracket
// ("InfoNCE（NT-Xent）在"). Two spaces or more are a column gap and stay,
// and so does the space around a list's " · ".
func closeChineseGaps(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	out := rs[:0:0]
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && rs[i+1] != ' ' && rs[i+1] != '·' && (i < 2 || rs[i-2] != ' ') && rs[i-1] != ' ' {
			prev, next := rs[i-1], rs[i+1]
			if isChinese(prev) && isChinese(next) || strings.ContainsRune(closingMarks, prev) || strings.ContainsRune(openingMarks, next) {
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

// Full-width marks that carry their own spacing: no space follows the
// closing ones, none precedes the opening ones.
const (
	closingMarks = "，。、；：？！）”》"
	openingMarks = "（“《"
)

// isChinese reports whether r is a Han character or a full-width mark.
func isChinese(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF60
}

// Has reports whether id has a text in l itself (no fallback).
func Has(l Lang, id ID) bool {
	_, ok := tables(l)[id]
	return ok
}

// IDs lists every message ID with an English text.
func IDs() []ID {
	var ids []ID
	for id := range tables(English) {
		ids = append(ids, id)
	}
	return ids
}

func lookup(l Lang, id ID) (string, bool) {
	if s, ok := tables(l)[id]; ok {
		return s, true
	}
	s, ok := tables(English)[id]
	return s, ok
}

// Sentences joins whole sentences as p's language writes them: a space
// after each in English, none in Chinese, whose 。 carries its own space.
func (p Printer) Sentences(s ...string) string {
	return strings.Join(s, languages[p.lang].sentenceGap)
}
