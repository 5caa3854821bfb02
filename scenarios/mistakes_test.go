package scenarios

import (
	"errors"
	"strings"
	"testing"

	"losslab/i18n"
)

// A question's mistakes parse with their diagnoses and translations, and
// diagnose the answers they name: a number within the tolerance, a choice
// by its index in every language.
func TestMistakesDiagnose(t *testing.T) {
	s, err := Parse("l.toml", []byte(lessonHead+`
[[step]]
question = "contrastive?"
answer = 0.1225
mistakes = ["0.245", "−0.5"]
diagnoses = ["forgot the mean", "forgot the max"]
diagnoses_zh = ["忘了均值", "忘了 max"]
explain = "½·0.7² = 0.245, mean 0.1225"

[[step]]
question = "regime?"
choices = ["hard", "semi-hard", "easy"]
choices_zh = ["困难", "半困难", "简单"]
answer = "hard"
mistakes = ["easy"]
diagnoses = ["easy has loss 0"]
explain = "hard"
`))
	if err != nil {
		t.Fatal(err)
	}
	num, choice := s.Steps[0].Question, s.Steps[1].Question
	for _, c := range []struct {
		x    float64
		want string
	}{{0.245, "forgot the mean"}, {0.248, "forgot the mean"}, {-0.5, "forgot the max"}, {0.3, ""}} {
		if got := num.DiagnoseNumber(c.x); got != c.want {
			t.Errorf("DiagnoseNumber(%v) = %q, want %q", c.x, got, c.want)
		}
	}
	if choice.DiagnoseChoice(2) != "easy has loss 0" || choice.DiagnoseChoice(1) != "" {
		t.Errorf("choice diagnoses %+v", choice.Mistakes)
	}
	zh := s.In(i18n.Chinese)
	if got := zh.Steps[0].Question.DiagnoseNumber(0.245); got != "忘了均值" {
		t.Errorf("Chinese diagnosis %q", got)
	}
	if got := zh.Steps[1].Question.DiagnoseChoice(2); got != "easy has loss 0" { // no translation: the English
		t.Errorf("untranslated diagnosis %q", got)
	}
	if s.Steps[0].Question.DiagnoseNumber(0.245) != "forgot the mean" {
		t.Error("In changed the shared lesson")
	}
}

// Each way of writing mistakes wrong is one line naming the key.
func TestMistakesErrors(t *testing.T) {
	for _, c := range []struct {
		name, step string
		id         i18n.ID
	}{
		{"diagnoses alone", `answer = 0.4` + "\n" + `diagnoses = ["x"]`, i18n.LessonDiagnosesWithout},
		{"mistakes alone", `answer = 0.4` + "\n" + `mistakes = ["0.2"]`, i18n.LessonDiagnosesWithout},
		{"count", `answer = 0.4` + "\n" + `mistakes = ["0.2", "0.1"]` + "\n" + `diagnoses = ["x"]`, i18n.LessonDiagnosesCount},
		{"translation count", `answer = 0.4` + "\n" + `mistakes = ["0.2"]` + "\n" + `diagnoses = ["x"]` + "\n" + `diagnoses_zh = ["x", "y"]`, i18n.LessonDiagnosesCount},
		{"not a number", `answer = 0.4` + "\n" + `mistakes = ["half"]` + "\n" + `diagnoses = ["x"]`, i18n.LessonMistakeNumber},
		{"right", `answer = 0.4` + "\n" + `mistakes = ["0.403"]` + "\n" + `diagnoses = ["x"]`, i18n.LessonMistakeRight},
		{"twice", `answer = 0.4` + "\n" + `mistakes = ["0.2", "0.201"]` + "\n" + `diagnoses = ["x", "y"]`, i18n.LessonMistakeTwice},
		{"right choice", `choices = ["a", "b"]` + "\n" + `answer = "a"` + "\n" + `mistakes = ["a"]` + "\n" + `diagnoses = ["x"]`, i18n.LessonMistakeChoice},
		{"no such choice", `choices = ["a", "b"]` + "\n" + `answer = "a"` + "\n" + `mistakes = ["c"]` + "\n" + `diagnoses = ["x"]`, i18n.LessonMistakeChoice},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("l.toml", []byte(lessonHead+"[[step]]\nquestion = \"q\"\nexplain = \"e\"\n"+c.step+"\n"))
			var fe *FileError
			if !errors.As(err, &fe) || fe.ID != c.id || fe.Line < 13 {
				t.Fatalf("got %v, want %s at the step's lines", err, c.id)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("not one line: %q", err)
			}
		})
	}
}

// A diagnosis gives a number question's answer away as a logarithm too:
// lesson 11's "−log ½ = ln 2" stated 0.6931 before the retry, and no
// number in it was near the answer.
func TestGivesAwayLogarithms(t *testing.T) {
	q := &Question{Answer: 0.6931, Tolerance: 0.005}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"at best half each, −log ½ = ln 2.", true},
		{"ln 2", true},
		{"−log(½)", true},
		{"log(2) per anchor", true},
		{"最好也只是各占一半，−log ½。", true},
		{"0.6931 = ln 2 is softplus(0)", true},
		{"ln(1 + e^−0.2) is smooth", false},
		{"log ½ is negative", false}, // −0.6931
		{"ln 3 for three positives", false},
		{"a catalog 2 lines long", false},
		{"their shares add up to at most 1.", false},
	} {
		if got := q.GivesAway(c.text); got != c.want {
			t.Errorf("GivesAway(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
