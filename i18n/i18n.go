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

import "fmt"

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
	return fmt.Sprintf(format, args...)
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
