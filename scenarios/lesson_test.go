package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"losslab/i18n"
)

const lessonHead = "name = \"l\"\ntitle = \"L\"\ncovers = [\"why-margin\", 'regimes',]\n[start]\ndap = 0.7\ndan = 0.5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n"

// lessonData are the course's lesson files (scenarios/curriculum embeds them):
// the largest real files of the format.
func lessonData(t testing.TB) map[string][]byte {
	paths, err := filepath.Glob(filepath.Join("curriculum", "lessons", "*.toml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no lesson files: %v", err)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[p] = data
	}
	return out
}

// lessons parses the course's lesson files.
func lessons(t testing.TB) []*Scenario {
	var out []*Scenario
	for path, data := range lessonData(t) {
		s, err := Parse(path, data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func TestLessonKeysParse(t *testing.T) {
	s, err := Parse("l.toml", []byte(lessonHead+`
[[step]]
question = "loss?"
answer = 0.4
tolerance = 0.01
explain = "max(0.7 − 0.5 + 0.2, 0)"

[[step]]
dan = 0.7
question = "regime?"
question_zh = "难度？"
choices = ["hard", "semi-hard", "easy"]
choices_zh = ["困难", "半困难", "简单"]
answer = "semi-hard"
explain = "inside the margin"
explain_zh = "在间隔之内"

[[step]]
question = "does Recall@1 = 1 make the AUC 1?"
choices = ["no", "yes"]
answer = "no"
explain = "no: the AUC is global"
show_state = false

[[step]]
mode = "batch"
note = "look"

[[step]]
mode = "playground"
`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(s.Covers, ",") != "why-margin,regimes" || s.Questions() != 3 {
		t.Fatalf("covers %v, %d questions", s.Covers, s.Questions())
	}
	q := s.Steps[0].Question
	if q.Answer != 0.4 || q.Tolerance != 0.01 || q.Explain == "" || s.Steps[0].State != s.Start {
		t.Errorf("number question %+v", q)
	}
	c := s.Steps[1].Question
	if c.Correct != 1 || c.RightAnswer() != "semi-hard" || len(c.Choices) != 3 {
		t.Errorf("choice question %+v", c)
	}
	if !s.ShowsStateAt(1) || !s.ShowsStateAt(2) || s.ShowsStateAt(3) || !s.ShowsStateAt(4) {
		t.Errorf("show_state = false hides state 3 only: %v %v %v %v", s.ShowsStateAt(1), s.ShowsStateAt(2), s.ShowsStateAt(3), s.ShowsStateAt(4))
	}
	if s.Steps[3].Mode != (Mode{Kind: ModeBatch, Demo: "iris"}) || s.Steps[4].Mode.Kind != ModePlayground {
		t.Errorf("modes %+v %+v", s.Steps[3].Mode, s.Steps[4].Mode)
	}
	back, err := Parse("again.toml", Encode(s))
	if err != nil {
		t.Fatalf("a lesson does not re-encode: %v\n%s", err, Encode(s))
	}
	q = back.Steps[1].Question
	if d := roundTripDiff(s, back); d != "" || q.ChoicesTranslations[i18n.Chinese][1] != "半困难" || q.ExplainTranslations[i18n.Chinese] != "在间隔之内" {
		t.Errorf("re-encoded lesson differs: %s\n%s", d, Encode(s))
	}
}

func TestCheckNumber(t *testing.T) {
	q := &Question{Answer: 0.28125, Tolerance: DefaultTolerance}
	for typed, want := range map[string]bool{"0.28": true, " 0.2813 ": true, "0.281": true, "0.29": false, "−0.28": false, ".28": true} {
		got, err := q.CheckNumber(typed)
		if err != nil || got != want {
			t.Errorf("%q: %v, %v; want %v", typed, got, err, want)
		}
	}
	for _, bad := range []string{"", "abc", "NaN", "Inf", "0.2.8", "0x1p-2", "2.8e-1"} {
		if _, err := q.CheckNumber(bad); !errors.Is(err, ErrNotANumber) {
			t.Errorf("%q: %v, want ErrNotANumber", bad, err)
		}
	}
	neg := &Question{Answer: -0.5, Tolerance: DefaultTolerance}
	if ok, _ := neg.CheckNumber("−0.5"); !ok {
		t.Error("the minus sign − is not read")
	}
}

// Every mistake in the lesson keys is one error naming its line.
func TestLessonKeyErrors(t *testing.T) {
	head := strings.Count(lessonHead, "\n")
	for _, c := range []struct{ step, want string }{
		{"answer = 1", "belongs to a question"},
		{"question = \"q\"\nanswer = 1", "needs explain"},
		{"question = \"q\"\nexplain = \"e\"", "needs answer"},
		{"question = \"q\"\nexplain = \"e\"\nanswer = \"x\"", "must be a number"},
		{"question = \"q\"\nexplain = \"e\"\nchoices = [\"a\"]\nanswer = \"a\"", "2 to 9"},
		{"question = \"q\"\nexplain = \"e\"\nchoices = [\"a\", \"b\"]\nanswer = \"c\"", "one of the choices: a, b"},
		{"question = \"q\"\nexplain = \"e\"\nchoices = [\"a\", \"a\"]\nanswer = \"a\"", "given twice"},
		{"question = \"q\"\nexplain = \"e\"\nchoices = [\"a\", \"b\"]\nanswer = \"a\"\ntolerance = 0.1", "tolerance is for number"},
		{"question = \"q\"\nexplain = \"e\"\nanswer = 1\ntolerance = 0", "above 0"},
		{"question = \"q\"\nexplain = \"e\"\nanswer = 1\nmode = \"batch\"", "not both"},
		{"mode = \"training\"", "want \"playground\", \"batch\" or \"train\""},
		{"mode = \"playground\"\ndemo = \"iris\"", "only read with mode"},
		{"mode = \"batch\"\ndemo = \"mnist\"", "iris, digits"},
		{"choices = [\"a\",\n\"b\"]", "one line"},
		{"choices = [1, 2]", "array of strings"},
		{"choices = [[\"a\"]]", "array of strings"},
		{"choices = [\"\"\"a\"\"\"]", "array of strings"},
		{"choices = [\"a\" \"b\"]", "one line"},
		{"explain = \"e\"", "belongs to a question"},
		{"show_state = false", "belongs to a question"},
		{"question = \"q\"\nexplain = \"e\"\nanswer = 1\nshow_state = \"no\"", "show_state must be true or false"},
	} {
		_, err := Parse("l.toml", []byte(lessonHead+"[[step]]\n"+c.step+"\n"))
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.step, err, c.want)
			continue
		}
		if fe.Line <= head {
			t.Errorf("%q: line %d is not in the step", c.step, fe.Line)
		}
	}
	if _, err := Parse("l.toml", []byte(strings.Replace(lessonHead, `'regimes'`, `"Bad Slug"`, 1))); err == nil || !strings.Contains(err.Error(), "l.toml:3:") {
		t.Errorf("a bad cover: %v", err)
	}
	many := "covers = [" + strings.Repeat(`"a", `, maxArrayItems+1) + "]\n"
	if _, err := Parse("l.toml", []byte(strings.Replace(lessonHead, "covers = [\"why-margin\", 'regimes',]\n", many, 1))); err == nil || !strings.Contains(err.Error(), "more than 16") {
		t.Errorf("too many covers: %v", err)
	}
}

// Lesson files are fuzz seeds too: any change to them is read or refused
// with a line, never a panic.
func FuzzParseLesson(f *testing.F) {
	for _, data := range lessonData(f) { // every lesson, English and Chinese texts
		f.Add(data)
	}
	f.Add([]byte(lessonHead + "[[step]]\nchoices = ['a', \"b\",]\nquestion = 'q'\nexplain = 'e'\nanswer = 'b'\n"))
	f.Add([]byte(lessonHead + "[[step]]\nchoices = ['a', \"b\",]\nchoices_zh = ['甲', \"乙\\u001b\",]\nquestion = 'q'\nquestion_zh = '问'\nexplain = 'e'\nexplain_zh = \"\"\"解\n释\"\"\"\nanswer = 'b'\n"))
	f.Add([]byte(lessonHead + "[[step]]\nchoices_zh = ['甲']\nquestion_zh = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.toml", data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Line < 1 {
				t.Fatalf("error without file:line: %v", err)
			}
			return
		}
		checkLayoutMatchesDecoder(t, data)
		back, err := Parse("again.toml", Encode(s))
		if err != nil {
			t.Fatalf("does not re-encode: %v", err)
		}
		if d := roundTripDiff(s, back); d != "" {
			t.Fatalf("changed on re-encoding: %s", d)
		}
	})
}
