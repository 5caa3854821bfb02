package scenarios

import (
	"slices"
	"strings"
	"testing"

	"losslab/i18n"
	"losslab/scenarios/internal/textcheck"
)

// Every preset carries its translations beside its English texts, in every
// language of i18n's table: a title, a description, a note for every step
// that has one; and a translation quotes exactly the English's numbers,
// which notes_test.go checks against core/loss. (The course's lessons are
// checked the same way in scenarios/curriculum.)
func TestEveryPresetTextIsTranslated(t *testing.T) {
	for _, s := range Presets() {
		for _, tx := range s.Texts() {
			for _, p := range textcheck.Translation(tx.English, tx.Translations) {
				t.Errorf("%s %s: %s", s.Name, tx.Where, p)
			}
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
[[step]]
question = "Which regime?"
question_zh = "哪种难度？"
choices = ["hard", "semi-hard", "easy"]
choices_zh = ["困难", "半困难", "简单"]
answer = "semi-hard"
explain = "inside the margin"
[[step]]
question = "Loss?"
answer = 0.1
explain = "0.5 − 0.6 + 0.2"
explain_zh = "0.5 − 0.6 + 0.2，在间隔之内"
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
	// A choice keeps its identity, its index: only the texts change.
	q, zq := s.Steps[2].Question, zh.Steps[2].Question
	if zq.Text != "哪种难度？" || !slices.Equal(zq.Choices, []string{"困难", "半困难", "简单"}) || zq.Correct != 1 || zq.RightAnswer() != "半困难" || zq.Explain != "inside the margin" {
		t.Errorf("Chinese question %+v", zq)
	}
	if q.Text != "Which regime?" || q.RightAnswer() != "semi-hard" || q.Choices[0] != "hard" {
		t.Errorf("In changed the English question: %+v", q)
	}
	n, zn := s.Steps[3].Question, zh.Steps[3].Question
	if zn.Text != "Loss?" || zn.Explain != "0.5 − 0.6 + 0.2，在间隔之内" || zn.Answer != n.Answer || zn.Tolerance != n.Tolerance {
		t.Errorf("Chinese number question %+v", zn)
	}
	if ok, _ := zn.CheckNumber("0.1"); !ok {
		t.Error("a Chinese number question does not take its answer")
	}
}

func TestTranslationKeysAreChecked(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"name = \"a\"\ntitle = \"t\"\ntitle_fr = \"x\"\n", "f.toml:3: unknown key title_fr (known keys: name, title, title_zh, description, description_zh, covers, [start], [[step]])"},
		{"name = \"a\"\ntitle = \"t\"\ntitle_zh = 3\n[start]\ndap = 0.7\ndan = 0.5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n", "f.toml:3: title_zh must be a string, not a number"},
		{"name = \"a\"\ntitle = \"t\"\n[start]\ndap = 0.7\ndan = 0.5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n[[step]]\ndap = 0.1\nnote_zh = \"红\"\nnote_zh = \"又一次\"\n", "f.toml:12: note_zh is given twice (first at line 11)"},
		{lessonHead + "[[step]]\nquestion = \"q\"\nexplain = \"e\"\nanswer = 1\nchoices_zh = [\"甲\", \"乙\"]\n", "f.toml:14: choices_zh translates choices: give choices = [\"…\", …] in the same step"},
		{lessonHead + "[[step]]\nquestion = \"q\"\nexplain = \"e\"\nchoices = [\"a\", \"b\"]\nchoices_zh = [\"甲\"]\nanswer = \"a\"\n", "f.toml:14: choices_zh must list as many choices as choices (2), in the same order"},
		{lessonHead + "[[step]]\nquestion = \"q\"\nexplain = \"e\"\nchoices = [\"a\", \"b\"]\nchoices_zh = [\"甲\", \"甲\"]\nanswer = \"a\"\n", "f.toml:14: the choice \"甲\" is given twice"},
		{lessonHead + "[[step]]\nquestion = \"q\"\nexplain = \"e\"\nchoices = [\"a\", \"b\"]\nchoices_zh = [\"甲\", \" \"]\nanswer = \"a\"\n", "f.toml:14: choices_zh must be an array of strings: [\"a\", \"b\"]"},
		{lessonHead + "[[step]]\nquestion = \"q\"\nexplain = \"e\"\nchoices = [\"a\", \"b\"]\nchoices_zh = [\"甲\",\n\"乙\"]\nanswer = \"a\"\n", "f.toml:14: choices_zh is an array of strings written on one line: [\"a\", \"b\"]"},
		{lessonHead + "[[step]]\ndap = 0.1\nquestion_zh = \"问\"\n", "f.toml:12: question_zh belongs to a question: give question = \"…\" in the same step"},
		{lessonHead + "[[step]]\ndap = 0.1\nexplain_zh = \"解释\"\n", "f.toml:12: explain_zh belongs to a question: give question = \"…\" in the same step"},
		{lessonHead + "[[step]]\nquestion = \"q\"\nquestion_zh = 7\nexplain = \"e\"\nanswer = 1\n", "f.toml:12: question_zh must be a string, not a number"},
		{lessonHead + "[[step]]\nquestion = \"q\"\nexplain = \"e\"\nexplain_zh = true\nanswer = 1\n", "f.toml:13: explain_zh must be a string, not a boolean"},
	} {
		t.Run(c.want, func(t *testing.T) {
			if _, err := Parse("f.toml", []byte(c.file)); err == nil || err.Error() != c.want {
				t.Errorf("Parse:\n got %v\nwant %s", err, c.want)
			}
		})
	}
	s, err := Parse("f.toml", []byte("name = \"a\"\ntitle = \"t\"\ntitle_zh = \"标\\u001b[31m题\"\n[start]\ndap = 0.7\ndan = 0.5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if zh := s.TitleTranslations[i18n.Chinese]; zh == "" || strings.ContainsRune(zh, '\x1b') {
		t.Errorf("title_zh keeps an escape: %q", zh)
	}
	s, err = Parse("f.toml", []byte(lessonHead+"[[step]]\nquestion = \"q\"\nquestion_zh = \"问\\u001b[2J题\"\nexplain = \"e\"\nexplain_zh = \"解\\u0007释\"\nchoices = [\"a\", \"b\"]\nchoices_zh = [\"甲\\u001b[31m\", \"乙\"]\nanswer = \"a\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if q := s.Steps[0].Question; strings.ContainsAny(q.TextTranslations[i18n.Chinese]+q.ExplainTranslations[i18n.Chinese]+q.ChoicesTranslations[i18n.Chinese][0], "\x1b\a") {
		t.Errorf("Chinese question texts keep control characters: %+v", q)
	}
}
