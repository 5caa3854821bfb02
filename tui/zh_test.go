package tui

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"losslab/core/batch"
	"losslab/core/dist"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/scenarios"
	"losslab/scenarios/course"
)

// chineseContext is the shared context of a Chinese interface.
func chineseContext() *Context {
	return NewContext(lipgloss.DefaultRenderer(), i18n.New(i18n.Chinese))
}

// newChinese is newModel in Chinese.
func newChinese(t testing.TB, opts Options) Model {
	t.Helper()
	if opts.Now == nil {
		opts.Now = fixedNow
	}
	if opts.Dir == "" {
		opts.Dir = t.TempDir()
	}
	return NewPlayground(chineseContext(), opts)
}

// Goldens of the main screens in Chinese: every chart at both sizes, the
// help's pages, the erratum through the notes, a typing error and a preset
// in the middle of its replay.
func TestGoldenChinese(t *testing.T) {
	type screen struct {
		name string
		opts Options
		msgs []tea.Msg
	}
	var screens []screen
	for chart := range int(numCharts) {
		msgs := []tea.Msg{keyMsg("right"), keyMsg("down"), keyMsg("right"), keyMsg("right"), keyMsg("up")}
		for range chart {
			msgs = append(msgs, keyMsg("c"))
		}
		screens = append(screens, screen{fmt.Sprintf("chart%d", chart+1), Options{}, msgs})
	}
	screens = append(screens,
		screen{"help-page1", Options{}, []tea.Msg{keyMsg("?")}},
		screen{"help-page2", Options{}, []tea.Msg{keyMsg("?"), keyMsg("right")}},
		screen{"help-page3", Options{}, []tea.Msg{keyMsg("?"), keyMsg("right"), keyMsg("right")}},
		screen{"erratum-notes", Options{Scenario: scenarios.Preset("blog-case-3b")}, []tea.Msg{keyMsg("n")}},
		screen{"collapse-step4", Options{Scenario: scenarios.Preset("collapse")}, []tea.Msg{keyMsg("."), keyMsg("."), keyMsg("."), keyMsg(".")}},
	)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, s := range screens {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], s.name), func(t *testing.T) {
				fm := finalView(t, newChinese(t, s.opts), size[0], size[1], s.msgs...)
				v := fm.View()
				checkChineseScreen(t, s.name, v, size[0], size[1])
				golden.RequireEqual(t, []byte(v))
			})
		}
		// Typing keeps q for the field, so this one is driven by Update.
		t.Run(fmt.Sprintf("%dx%d/typing-error", size[0], size[1]), func(t *testing.T) {
			v := press(t, sized(newChinese(t, Options{}), size[0], size[1]), "e", "x", "enter").View()
			if !strings.Contains(v, "不是数字") {
				t.Errorf("no typing error:\n%s", v)
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

func TestGoldenChineseBatchView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := NewBatchMode(chineseContext(), irisData(t), batch.Options{Metric: dist.Euclidean, Margin: 0.2})
			next, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			bm := next.(BatchModel)
			bm = finish(t, bm, bm.Init())
			v := bm.View()
			// The view's help line is not padded: at most the width, not exactly.
			checkWidths(t, "batch", v, size[0], size[1], false)
			if words := englishWords(v, []string{"batch", "demo", "iris", "euclidean"}); len(words) > 0 {
				t.Errorf("English words on the Chinese batch view: %q\n%s", words, v)
			}
			if !strings.Contains(v, "AUC 0.9397") || !strings.Contains(v, "同类") {
				t.Errorf("the result is not shown:\n%s", v)
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// Every preset at every step, every chart, every notes page and every help
// page in Chinese, at 80×24 and 120×40: each line exactly as wide as the
// terminal, and no English word but formulas and identifiers.
func TestEveryChineseScreen(t *testing.T) {
	open := func(o Options) Model { return newChinese(t, o) }
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		walkScreens(t, open, w, h, func(sc walkedScreen) { checkChineseScreen(t, sc.name, sc.m.View(), w, h) })
		// The status lines of the editor and the replay.
		for _, keys := range [][]string{{"up", "up", "up", "right"}, {"u", "u"}, {"p"}, {"e", "x", "enter"}} {
			m := press(t, sized(newChinese(t, Options{}), w, h), keys...)
			checkChineseScreen(t, fmt.Sprintf("%dx%d keys %v", w, h, keys), m.View(), w, h)
		}
		// Typing a label: same and different are what the field takes
		// (loss.ParseLabel's words), so they are the only English shown.
		for _, keys := range [][]string{{"down", "down", "down", "e"}, {"down", "down", "down", "e", "x", "enter"}} {
			v := press(t, sized(newChinese(t, Options{}), w, h), keys...).View()
			checkWidths(t, fmt.Sprintf("%dx%d keys %v", w, h, keys), v, w, h, true)
			if words := englishWords(v, append([]string{"same", "different"}, loss.LabelSpellings(loss.Different)...)); len(words) > 0 {
				t.Errorf("%dx%d keys %v: English words on a Chinese screen: %q\n%s", w, h, keys, words, ansi.Strip(v))
			}
		}
	}
}

// A Chinese screen is Chinese: this test fails on the first English word
// that is not a formula symbol, an identifier or a name.
func TestChineseScreenCheckCatchesEnglish(t *testing.T) {
	ft := &testing.T{}
	if englishWords("损失 = 0.4000 · hard negative", nil) == nil {
		ft.Fail()
	}
	if got := englishWords("三元组损失 max(d(a,p) − d(a,n) + m, 0) · FaceNet · batch-hard · ↑/k 上 · space", nil); got != nil {
		t.Errorf("formulas, keys and names flagged as English: %v", got)
	}
	if got := englishWords("原文中 max(0.1−0.6, 0) = −0.5 应为 0", nil); got != nil {
		t.Errorf("the erratum flagged: %v", got)
	}
	if got := englishWords("the margin matters", nil); !slices.Equal(got, []string{"the", "margin", "matters"}) {
		t.Errorf("English words found: %v", got)
	}
	if ft.Failed() {
		t.Error("an English phrase passed as Chinese")
	}
}

// checkChineseScreen asserts the screen is exactly w×h cells (so every
// border lines up) and shows no English word beyond the allowed ones.
func checkChineseScreen(t *testing.T, what, v string, w, h int) {
	t.Helper()
	checkWidths(t, what, v, w, h, true)
	if words := englishWords(v, nil); len(words) > 0 {
		t.Errorf("%s: English words on a Chinese screen: %q\n%s", what, words, ansi.Strip(v))
	}
}

// checkWidths asserts v has h lines, each w cells wide (exact) or at most w.
func checkWidths(t *testing.T, what, v string, w, h int, exact bool) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("%s: %d lines, want %d", what, len(lines), h)
	}
	for i, l := range lines {
		if got := lipgloss.Width(l); got > w || exact && got != w {
			t.Errorf("%s: line %d is %d cells wide, want %d: %q", what, i+1, got, w, ansi.Strip(l))
		}
	}
}

// allowedLatin are the words a Chinese screen may show in Latin letters:
// formula functions, key names, the program's name, the names of methods
// and papers, and the batch statistics' standard names. Single letters
// (d, a, p, n, m, L, y, keys) are symbols and always allowed, and so are
// the geometry chart's markers run together (AP, NAP).
var allowedLatin = map[string]bool{
	"max": true, "softplus": true, "losslab": true,
	"space": true, "enter": true, "esc": true, "tab": true, "ctrl": true, "q/esc": true,
	"a-p": true, "a-n": true, "FaceNet": true, "Hermans": true,
	"AUC": true, "batch-all": true, "batch-hard": true, "semi-hard": true, "InfoNCE": true, "NT-Xent": true, "softmax": true,
	"torch.nn.TripletMarginLoss": true, "pytorch-metric-learning": true, "TripletMarginLoss": true, "L2": true,
	"core/loss": true,
	// Libraries, papers and their APIs the lesson on conventions names.
	"PyTorch": true, "HingeEmbeddingLoss": true, "TensorFlow": true, "Addons": true, "contrastive_loss": true,
	"Hadsell": true, "ContrastiveLoss": true,
}

var latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_./-]*[A-Za-z0-9]|[A-Za-z]`)

// quotedNames are texts quoted whole, English words and all: the preset
// names and the course's teaching points (identifiers), the course's
// command and the article's title as it was published.
func quotedNames() []string {
	var names []string
	for _, s := range scenarios.Presets() {
		names = append(names, s.Name)
	}
	names = append(names, course.TeachingPoints()...)
	return append(names, "losslab learn", "如何设计loss使得两个分布的差异更大")
}

// englishWords returns the Latin words of screen text v that are neither
// allowed nor in extra.
func englishWords(v string, extra []string) []string {
	text := ansi.Strip(v)
	for _, n := range quotedNames() {
		text = strings.ReplaceAll(text, n, " ")
	}
	var out []string
	for _, word := range latinWord.FindAllString(text, -1) {
		if len(word) == 1 || allowedLatin[word] || slices.Contains(extra, word) || chartGlyphs.MatchString(word) {
			continue
		}
		out = append(out, word)
	}
	return out
}
