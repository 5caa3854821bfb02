// Package tuitest holds what the tests of the interface's packages share:
// keys by name, the contexts they run on, the commands' messages, and the
// checks every screen is held to (exact size, no English on a Chinese
// screen). Only tests import it.
package tuitest

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"losslab/core/dataset"
	"losslab/i18n"
	"losslab/internal/syncbuf"
	"losslab/tui/common"
)

// FixedNow is the clock of every test: recordings and figures get the same
// names on every run.
func FixedNow() time.Time { return time.Date(2026, 11, 28, 15, 4, 5, 0, time.UTC) }

// Context is a context in English on an Ascii renderer of its own, as
// under NO_COLOR, with the fixed clock.
func Context() *common.Context {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	ctx := common.NewContext(r, i18n.New(i18n.English))
	ctx.Now = FixedNow
	return ctx
}

// ChineseContext is the shared context of a Chinese interface.
func ChineseContext() *common.Context {
	return common.NewContext(lipgloss.DefaultRenderer(), i18n.New(i18n.Chinese))
}

// English is message id's English text.
func English(id i18n.ID) string { return i18n.New(i18n.English).T(id) }

// Key is the message of a key by name: "right", "shift+left", "enter",
// "esc", "tab", " ", or the runes typed.
func Key(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"shift+left": tea.KeyShiftLeft, "shift+right": tea.KeyShiftRight,
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "ctrl+c": tea.KeyCtrlC, " ": tea.KeySpace, "backspace": tea.KeyBackspace,
	}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// Repeat is key k n times.
func Repeat(k string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = k
	}
	return out
}

// Drain runs cmd and every command it batches, as the program would, and
// returns the messages they produced.
func Drain(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, Drain(c)...)
		}
		return out
	case nil:
		return nil
	default:
		return []tea.Msg{msg}
	}
}

// WaitText waits until the program's output shows text.
func WaitText(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), text) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// WaitAll waits until one frame's output holds every text: WaitText
// consumes what it reads, so two waits cannot look at one frame.
func WaitAll(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, text := range texts {
			if !strings.Contains(string(b), text) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// Iris is the iris demo data set.
func Iris(t testing.TB) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Demo("iris")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Squeeze drops styling and every space, so that a text wrapped over lines
// (between words, or between Chinese characters) still matches.
func Squeeze(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), "") }

// CheckWidths asserts v has h lines, each w cells wide (exact) or at most w.
func CheckWidths(t *testing.T, what, v string, w, h int, exact bool) {
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

// FirstKey is the message of binding b's first key.
func FirstKey(b key.Binding) tea.KeyMsg { return Key(b.Keys()[0]) }

// LockedBuffer is a buffer that a program (its command goroutines, a
// terminal it writes to) and the test share.
type LockedBuffer = syncbuf.Buffer

// Setup is what every test binary of the interface runs under (TestMain
// calls it): the Ascii colour profile, so that goldens and assertions see
// plain text, and main's width rule.
func Setup() {
	lipgloss.SetColorProfile(termenv.Ascii)
	common.NarrowAmbiguousWidths()
}

// KeyLine is what the shell's key bar would list for a mode: each of its
// short help's keys with its words ("e explore"), joined by two spaces.
func KeyLine(km help.KeyMap) string {
	var items []string
	for _, b := range km.ShortHelp() {
		if b.Enabled() {
			items = append(items, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(items, "  ")
}
