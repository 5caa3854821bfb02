package i18n

import (
	"fmt"
	"strings"
)

// Lang is a language of the interface: a row of the languages table.
type Lang uint8

// The languages, in the table's order. English is the source language:
// every message has its text, and a language without a text falls back to it.
const (
	English Lang = iota
	Chinese
)

// language is everything about one language besides its message files:
// adding a language is a constant above, a row below and its
// messages_AREA_xx.go files joined in catalogue.go. The scenario and lesson
// files' translation keys (title_xx, note_xx, …) follow from the code.
type language struct {
	code  string          // the --lang value, the locale's prefix and the suffix of file keys
	name  string          // the language's name for itself
	areas []map[ID]string // its message files (catalogue.go)
	texts map[ID]string   // the areas joined
	// singular reports whether a count of n takes the singular text (one),
	// kept in one; a language without a plural has neither.
	singular func(n int64) bool
	one      map[ID]string
	// sentenceGap is what goes between two whole sentences: a space, or
	// nothing where the full stop carries its own (。).
	sentenceGap string
	// tidy, when set, mends a formatted message: the spaces a message
	// leaves around its arguments that the language does not write.
	tidy func(string) string
}

var languages = [...]language{
	English: {code: "en", name: "English", areas: englishAreas, texts: english, singular: func(n int64) bool { return n == 1 }, one: englishOne, sentenceGap: " "},
	Chinese: {code: "zh", name: "中文", areas: chineseAreas, texts: chinese, tidy: closeChineseGaps},
}

// Languages are every language of the interface, English first.
func Languages() []Lang {
	out := make([]Lang, len(languages))
	for i := range languages {
		out[i] = Lang(i)
	}
	return out
}

// Targets are the languages English texts are translated into: every
// language but English.
func Targets() []Lang { return Languages()[1:] }

// Code is the language's flag value and file-key suffix ("en", "zh").
func (l Lang) Code() string { return languages[l].code }

// Name is the language's name for itself ("English", "中文").
func (l Lang) Name() string { return languages[l].name }

// ParseLang accepts a language's code, in any letter case.
func ParseLang(s string) (Lang, error) {
	var codes []string
	for _, l := range Languages() {
		if strings.EqualFold(s, l.Code()) {
			return l, nil
		}
		codes = append(codes, l.Code())
	}
	return English, fmt.Errorf("unknown language %q (want %s)", s, strings.Join(codes, " or "))
}

func tables(l Lang) map[ID]string { return languages[l].texts }

// Translations are one text's translations by language, beside its English
// source text (a scenario's title, a lesson's note): texts from files, not
// from the catalogue.
type Translations map[Lang]string

// In is the text in l: its translation where there is one, else source.
func (t Translations) In(l Lang, source string) string {
	if s := t[l]; s != "" {
		return s
	}
	return source
}
