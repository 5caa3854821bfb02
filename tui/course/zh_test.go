package course

import (
	"fmt"
	"losslab/scenarios/curriculum"
	"regexp"
	"strings"
	"testing"

	"losslab/core/loss"
	"losslab/core/train"
	"losslab/explain"
	"losslab/i18n"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// The course in Chinese: every lesson walked at 80×24 and 120×40, answered
// wrong, skipped and answered right, each screen exactly w×h cells with no
// English word outside the allow-list; the course's verdicts, explanations
// and titles are the lessons' Chinese texts.
func TestEveryLessonWalksInChinese(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			walkCourse(t, tuitest.ChineseContext(), size, func(what, v string) {
				t.Helper()
				tuitest.CheckWidths(t, what, v, size[0], size[1], true)
				// iris is the batch demo's identifier, quoted by the step that
				// opens it (as the batch view's own test allows it).
				// A training step's settings are the training mode's
				// identifiers, as its own header prints them.
				if words := tuitest.EnglishWords(v, trainIdentifiers()); len(words) > 0 {
					t.Errorf("%s: English words on a Chinese screen: %q\n%s", what, words, v)
				}
				// 。 carries its own space: a space after it is an English habit
				// (the retry's "✗ 不是 0.2。 0.7 − 0.5 …").
				if at := gapAfterFullStop.FindString(v); at != "" {
					t.Errorf("%s: a space after 。 (%q)\n%s", what, at, v)
				}
			})
		})
	}
}

var gapAfterFullStop = regexp.MustCompile(`\S*。 +\S+`)

// A number question in Chinese takes the same numbers, and a typing error
// is said in Chinese.
func TestLearnNumberQuestionInChinese(t *testing.T) {
	m := newLearnIn(t, tuitest.ChineseContext(), Config{}, 80, 24)
	m = pressLearn(t, m, "enter", "right")
	if v := m.View(); !strings.Contains(tuitest.Squeeze(v), tuitest.Squeeze("三元组损失 max(d(a,p) − d(a,n) + m, 0) 是多少？")) || !strings.Contains(v, i18n.New(i18n.Chinese).T(i18n.LearnStateHidden)) {
		t.Fatalf("question screen:\n%s", v)
	}
	m = pressLearn(t, m, "a", "b", "enter")
	if v := m.View(); !strings.Contains(v, `"ab" 不是数字`) {
		t.Errorf("not a number:\n%s", v)
	}
	m = pressLearn(t, m, "backspace", "backspace", "0", ".", "4", "enter")
	if v := m.View(); !strings.Contains(v, "✓ 正确：0.4。") || !strings.Contains(tuitest.Squeeze(v), "三元组损失为0.4。负样本比正样本离锚点更近") {
		t.Errorf("after the right answer:\n%s", v)
	}
}

// Target: a keystroke in a Chinese lesson (Update and View at 120×40, the
// Chinese texts wrapped between characters) under 1 ms, as in English
// (measured 0.10 ms; English 0.07 ms in the same run).
func BenchmarkLearnKeystrokeChinese(b *testing.B) { benchKeystroke(b, tuitest.ChineseContext()) }

// A choice that names a regime in English names it in Chinese with the
// word the state line prints after the answer, so the verdict and the
// state agree.
func TestChineseRegimeChoicesMatchTheStateLine(t *testing.T) {
	en, zh := i18n.New(i18n.English), i18n.New(i18n.Chinese)
	checked := 0
	for _, l := range curriculum.Lessons() {
		for i, st := range l.Steps {
			q := st.Question
			if q == nil {
				continue
			}
			for j, c := range q.Choices {
				for r := range loss.Regime(3) {
					if c == en.T(explain.RegimeID(r)) {
						checked++
						if got, want := q.ChoicesTranslations[i18n.Chinese][j], zh.T(explain.RegimeID(r)); got != want {
							t.Errorf("%s step %d: choice %q is %q in Chinese, the state line says %q", l.Name, i+1, c, got, want)
						}
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no lesson offers a regime as a choice")
	}
}

// trainIdentifiers are the words a Chinese course screen may show in
// Latin letters: the batch demo and the training run's identifiers.
func trainIdentifiers() []string {
	// MLP, Recall@1 and MAP@R are the standard names in Chinese writing
	// too; N/2, log and ln are formulas; SupCon, Xuan and Musgrave name
	// papers; --normalize and losslab batch are a flag and a command;
	// SupConLoss names pytorch-metric-learning's class.
	out := []string{"iris", "lr", "MLP", "N/2", "Recall", "MAP", "log", "ln", "SupCon", "SupConLoss", "Xuan", "Musgrave", "normalize", "batch"}
	for _, id := range train.DataIDs() {
		out = append(out, string(id))
	}
	for _, id := range train.ModelIDs() {
		out = append(out, string(id))
	}
	for _, id := range train.LossIDs() {
		out = append(out, string(id))
	}
	return out
}

// No screen of the course breaks a formula at 80×24, in English or in
// Chinese: the wrong answer to lesson 3's second question showed
// "½·max(0.2 − 0.15," apart from "0)²".
func TestFormulasWholeInTheCourse(t *testing.T) {
	for _, ctx := range []*common.Context{tuitest.Context(), tuitest.ChineseContext()} {
		walkCourse(t, ctx, [2]int{80, 24}, func(what, v string) {
			for _, b := range tuitest.BrokenFormulas(v) {
				t.Errorf("%s %s: %s\n%s", ctx.Printer.Lang().Code(), what, b, v)
			}
		})
	}
}

// A progress file that cannot be read is said in Chinese, the reason too
// (before, the reader's error was quoted in English).
func TestProgressUnreadableInChinese(t *testing.T) {
	m := newLearnIn(t, tuitest.ChineseContext(), Config{ProgressPath: t.TempDir()}, 240, 30)
	v := m.View()
	if !strings.Contains(v, "不是普通文件（而是目录）") || strings.Contains(v, "not a regular") {
		t.Errorf("the reason is not said in Chinese:\n%s", v)
	}
}
