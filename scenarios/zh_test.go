package scenarios

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"losslab/i18n"
)

// Every preset carries its Chinese texts beside the English ones: a title,
// a description and a note for every step that has one.
func TestPresetsHaveChinese(t *testing.T) {
	for _, s := range Presets() {
		if s.TitleZH == "" || s.DescriptionZH == "" {
			t.Errorf("%s: title_zh or description_zh missing", s.Name)
		}
		for i, st := range s.Steps {
			if (st.Note == "") != (st.NoteZH == "") {
				t.Errorf("%s step %d: note %q but note_zh %q", s.Name, i+1, st.Note, st.NoteZH)
			}
		}
	}
}

var numberPattern = regexp.MustCompile(`[0-9]+(\.[0-9]+)?`)

// The English notes' numbers are checked against core/loss (notes_test.go);
// a translation quotes exactly the same numbers, so it is checked with them.
func TestChineseQuotesTheSameNumbers(t *testing.T) {
	same := func(where, en, zh string) {
		a, b := numberPattern.FindAllString(en, -1), numberPattern.FindAllString(zh, -1)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%s: English quotes %v, Chinese %v\n  %s\n  %s", where, a, b, en, zh)
		}
	}
	for _, s := range Presets() {
		same(s.Name+" title", s.Title, s.TitleZH)
		same(s.Name+" description", s.Description, s.DescriptionZH)
		for i, st := range s.Steps {
			same(s.Name+" step "+strconv.Itoa(i+1), st.Note, st.NoteZH)
		}
	}
}

func TestInPicksTheLanguage(t *testing.T) {
	data := []byte(`name = "two-langs"
title = "Two languages"
title_zh = "两种语言"
description = "English only."
[start]
dap = 0.7
dan = 0.5
margin = 0.2
y_ap = "same"
y_an = "different"
[[step]]
dap = 0.6
note = "closer"
note_zh = "更近"
[[step]]
dap = 0.5
note = "no translation"
`)
	s, err := Parse("two.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	zh := s.In(i18n.Chinese)
	if zh.Title != "两种语言" || zh.NoteAt(1) != "更近" {
		t.Errorf("Chinese: title %q, note 1 %q", zh.Title, zh.NoteAt(1))
	}
	if zh.Description != "English only." || zh.NoteAt(2) != "no translation" {
		t.Errorf("untranslated texts should stay English: %q, %q", zh.Description, zh.NoteAt(2))
	}
	if s.Title != "Two languages" || s.NoteAt(1) != "closer" {
		t.Errorf("In changed the scenario: %q, %q", s.Title, s.NoteAt(1))
	}
	if en := s.In(i18n.English); en != s {
		t.Error("English should be the scenario itself")
	}
	if (*Scenario)(nil).In(i18n.Chinese) != nil {
		t.Error("In of nil should be nil")
	}
	if zh.StateAt(2) != s.StateAt(2) || zh.Name != s.Name || zh.Source != s.Source {
		t.Error("In changed more than the texts")
	}
}

func TestChineseKeysAreChecked(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"name = \"a\"\ntitle = \"t\"\ntitle_fr = \"x\"\n", "f.toml:3: unknown key title_fr (known keys: name, title, title_zh, description, description_zh, covers, [start], [[step]])"},
		{"name = \"a\"\ntitle = \"t\"\ntitle_zh = 3\n[start]\ndap = 0.7\ndan = 0.5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n", "f.toml:3: title_zh must be a string, not a number"},
		{"name = \"a\"\ntitle = \"t\"\n[start]\ndap = 0.7\ndan = 0.5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n[[step]]\ndap = 0.1\nnote_zh = \"红\"\nnote_zh = \"又一次\"\n", "f.toml:12: note_zh is given twice (first at line 11)"},
	} {
		_, err := Parse("f.toml", []byte(c.file))
		if err == nil || err.Error() != c.want {
			t.Errorf("Parse:\n got %v\nwant %s", err, c.want)
		}
	}
	s, err := Parse("f.toml", []byte("name = \"a\"\ntitle = \"t\"\ntitle_zh = \"标\\u001b[31m题\"\n[start]\ndap = 0.7\ndan = 0.5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(s.TitleZH, '\x1b') {
		t.Errorf("title_zh keeps an escape: %q", s.TitleZH)
	}
}
