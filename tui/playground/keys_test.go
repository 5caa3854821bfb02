package playground

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"losslab/tui/internal/tuitest"
)

// Every key the full help lists does something visible or starts
// something: no binding in the help is dead.
func TestEveryHelpKeyActs(t *testing.T) {
	k := DefaultKeyMap()
	setup := map[string][]string{ // keys that make a binding's effect possible
		k.Undo.Help().Key:    {"right"},
		k.Reset.Help().Key:   {"right"},
		k.Prev.Help().Key:    {"."},
		k.Confirm.Help().Key: {"e", "1"},
		k.Cancel.Help().Key:  {"e"},
	}
	for _, b := range k.points.Full() { // points mode's keys act in points mode
		setup[b.Help().Key] = []string{"x"}
	}
	setup[k.points.SelectHelp.Help().Key] = []string{"x", "2"} // then 1 selects A again
	for _, column := range k.FullHelp() {
		for _, b := range column {
			t.Run(b.Help().Key, func(t *testing.T) {
				m := newModel(t, Options{Scenario: mustPreset(t, "blog-case-1")})
				m = press(t, m, setup[b.Help().Key]...)
				before := m.View()
				next, cmd := m.Update(tuitest.FirstKey(b))
				if next.(*Model).View() == before && cmd == nil {
					t.Errorf("%s (%s) changed nothing and started nothing", b.Help().Key, b.Help().Desc)
				}
			})
		}
	}
	for _, b := range k.ShortHelp() {
		if !b.Enabled() || len(b.Keys()) == 0 {
			t.Errorf("short help shows %q, which no key triggers", b.Help().Key)
		}
	}
}

// The full help, page by page, lists every key with its description at 80×24.
func TestFullHelpListsEveryKeyAt80x24(t *testing.T) {
	m := press(t, sized(newModel(t, Options{}), 80, 24), "?")
	var all strings.Builder
	for range helpPageCount(m.printer(), m.helpKeys(), 80, 24) {
		all.WriteString(ansi.Strip(m.View()))
		m = press(t, m, " ")
	}
	v := strings.Join(strings.Fields(all.String()), " ") // descriptions may wrap
	for _, column := range m.keys.FullHelp() {
		for _, b := range column {
			if !strings.Contains(v, b.Help().Key+" ") || !strings.Contains(v, b.Help().Desc) {
				t.Errorf("the help at 80×24 lacks %s %s", b.Help().Key, b.Help().Desc)
			}
		}
	}
}
