package playground

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"losslab/i18n"
	"losslab/scenarios"
	"losslab/statestr"
	"losslab/tui/internal/tuitest"
)

// sized returns m at w×h.
func sized(m *Model, w, h int) *Model {
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(*Model)
}

// counter matches "2/5": chart, page and step counters.
var counter = regexp.MustCompile(`^\d+/\d+$`)

var formatVerb = regexp.MustCompile(`%(\[\d+\])?[-+ #0-9.*]*[a-zA-Z]`)

// knownWords are the words the screen may show: every catalogue text, every
// preset's words, every key's help, and the words of the same screen drawn
// so wide that nothing needs fitting, as tall and 40 rows tall.
func knownWords(m *Model) map[string]bool {
	known := map[string]bool{}
	add := func(s string) {
		for _, w := range words(formatVerb.ReplaceAllString(s, " ")) {
			known[w] = true
		}
	}
	for _, id := range i18n.IDs() {
		add(tuitest.English(id))
	}
	for _, s := range scenarios.Presets() {
		add(s.Name + " " + s.Title + " " + s.Description)
		for i := range s.Len() {
			add(s.NoteAt(i))
		}
	}
	for _, g := range m.keys.FullHelp() {
		for _, b := range g {
			add(b.Help().Key + " " + b.Help().Desc)
		}
	}
	for _, b := range m.keys.ShortHelp() {
		add(b.Help().Key + " " + b.Help().Desc)
	}
	for _, wide := range []*Model{sized(m, 300, 40), sized(m, 300, m.height)} { // some texts depend on the height
		for c := range len(charts) {
			wide.chart = c
			add(wide.View())
		}
	}
	add(m.notesText())
	return known
}

// words splits screen text into words, leaving out what is drawing rather
// than text: frames, braille, gauges and chart glyphs.
func words(s string) []string {
	s = ansi.Strip(s)
	drawing := func(r rune) bool {
		return unicode.IsSpace(r) || r >= 0x2500 && r <= 0x257F || r >= 0x2800 && r <= 0x28FF || strings.ContainsRune("━─•·●○◆…", r)
	}
	fields := strings.FieldsFunc(s, drawing)
	out := fields[:0]
	for _, f := range fields {
		if f = strings.Trim(f, ",.;:()\"'"); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// checkScreen asserts the screen is exactly w×h cells and that every word on
// it is a whole word.
func checkScreen(t *testing.T, what string, v string, w, h int, known map[string]bool) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("%s: %d lines, want %d", what, len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Errorf("%s: line %d is %d cells wide, want %d: %q", what, i+1, got, w, ansi.Strip(l))
		}
	}
	for _, word := range words(v) {
		if !known[word] && !counter.MatchString(word) && !tuitest.ChartGlyphs.MatchString(word) {
			t.Errorf("%s: %q is not a whole word of any text it could come from\n%s", what, word, ansi.Strip(v))
			return
		}
	}
}

// walkedScreen is one screen of a walk: its name for messages, the state it
// belongs to (screens of one step share it) and the model showing it.
type walkedScreen struct {
	name, step string
	m          *Model
}

// walkScreens shows, at w×h, every preset at every step (the article's
// example first) with every chart and every notes page, then every help
// page, and hands each screen to visit. The notes must close after their
// last page.
func walkScreens(t *testing.T, open func(Options) *Model, w, h int, visit func(walkedScreen)) {
	t.Helper()
	for _, s := range append([]*scenarios.Scenario{nil}, scenarios.Presets()...) {
		name := "article"
		if s != nil {
			name = s.Name
		}
		m := sized(open(Options{Scenario: s}), w, h)
		steps := 1
		if s != nil {
			steps = s.Len()
		}
		for step := range steps {
			at := fmt.Sprintf("%dx%d %s step %d", w, h, name, step)
			for chart := range len(charts) {
				visit(walkedScreen{fmt.Sprintf("%s chart %d", at, chart+1), at, m})
				m = press(t, m, "c")
			}
			pages := m.notesPageCount()
			for page := range pages {
				m = press(t, m, "n")
				visit(walkedScreen{fmt.Sprintf("%s notes %d/%d", at, page+1, pages), at, m})
			}
			if m = press(t, m, "n"); m.notes.open {
				t.Errorf("%s: the notes stay open after their last page", at)
			}
			m = press(t, m, ".")
		}
	}
	m := press(t, sized(open(Options{}), w, h), "?")
	pages := helpPageCount(m.printer(), m.helpKeys(), w, h)
	for page := range pages {
		visit(walkedScreen{fmt.Sprintf("%dx%d help %d/%d", w, h, page+1, pages), "help", m})
		m = press(t, m, "right")
	}
}

// Every preset at every step, every chart, the notes pages and the help
// pages fit 80×24 and 120×40 without a cut word.
func TestEveryScreenFitsWithWholeWords(t *testing.T) {
	open := func(o Options) *Model { return newModel(t, o) }
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			w, h := size[0], size[1]
			var known map[string]bool
			step := ""
			walkScreens(t, open, w, h, func(sc walkedScreen) {
				if sc.step != step { // the words a state's sources hold, once per state
					known, step = knownWords(sc.m), sc.step
				}
				checkScreen(t, sc.name, sc.m.View(), w, h, known)
			})
		})
	}
}

// A formula, or a term with its value, is never broken across lines on any
// screen of the walk at 80×24, in English or in Chinese (issue 21: the
// notes split "max(0.7 - 0.5 + 0.2," from "0)", the help "0.7/0.5 →" from
// "0.2").
func TestFormulasWholeOnEveryScreen(t *testing.T) {
	for _, open := range map[string]func(Options) *Model{
		"en": func(o Options) *Model { return newModel(t, o) },
		"zh": func(o Options) *Model { return newChinese(t, o) },
	} {
		walkScreens(t, open, 80, 24, func(sc walkedScreen) {
			for _, b := range tuitest.BrokenFormulas(sc.m.View()) {
				t.Errorf("%s: %s\n%s", sc.name, b, ansi.Strip(sc.m.View()))
			}
		})
	}
}

// The help is complete: every key, glyph and term appears on some page.
func TestHelpComplete(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := press(t, sized(newModel(t, Options{}), size[0], size[1]), "?")
			var all strings.Builder
			pages := helpPageCount(m.printer(), m.helpKeys(), size[0], size[1])
			for range pages {
				all.WriteString(ansi.Strip(m.View()))
				m = press(t, m, " ")
			}
			text := all.String()
			for _, want := range []string{"▸", "✎", "●", "○", "┊", "A P N", "◆", " .:-=+*#%@", "heatmap colour", "⣿ •", "dotted circle",
				"hinge active", "easy negative", "semi-hard negative", "hard negative", "soft-margin triplet",
				"hinge contrastive", "squared triplet", "notes:", "previous preset", "quit"} {
				if !strings.Contains(text, want) {
					t.Errorf("%dx%d: the help never shows %q", size[0], size[1], want)
				}
			}
			for _, k := range []string{"esc", "?"} {
				closed := press(t, press(t, sized(newModel(t, Options{}), size[0], size[1]), "?"), k)
				if closed.help.ShowAll || strings.Contains(closed.View(), "help 1/") {
					t.Errorf("%s does not close the help", k)
				}
			}
			// A key the help does not use acts on nothing behind it.
			behind := press(t, press(t, sized(newModel(t, Options{}), size[0], size[1]), "?"), "up", "c", "r", "?")
			if behind.State() != newModel(t, Options{}).State() || behind.chart != chartNamed(t, statestr.ChartTriplet) {
				t.Errorf("keys acted behind the help: %+v chart %d", behind.State(), behind.chart)
			}
		})
	}
}

// blog-case-3b's erratum reads in full at 80×24 through the notes panel, and
// the note line never splits -0.5.
func TestErratumReadableAt80x24(t *testing.T) {
	m := sized(newModel(t, Options{Scenario: scenarios.Preset("blog-case-3b")}), 80, 24)
	if !strings.Contains(m.View(), "n: read all") {
		t.Errorf("the note line does not say how to read the rest:\n%s", m.View())
	}
	var text strings.Builder
	for range m.notesPageCount() {
		m = press(t, m, "n")
		text.WriteString(ansi.Strip(m.View()))
	}
	flat := strings.Join(strings.Fields(strings.NewReplacer("│", " ").Replace(text.String())), " ")
	for _, want := range []string{"max(0.1 - 0.6, 0) = -0.5;", "max(-0.5, 0) = 0,", "never negative"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the notes never show %q whole:\n%s", want, text.String())
		}
	}
}

// The first screen says how to start the lessons.
func TestFirstScreenNamesLessons(t *testing.T) {
	for _, w := range []int{80, 120} {
		if v := sized(newModel(t, Options{}), w, 24).View(); !strings.Contains(strings.Split(v, "\n")[0], "]") {
			t.Errorf("%d columns: the header does not name ] for the lessons: %q", w, strings.Split(v, "\n")[0])
		}
	}
}
