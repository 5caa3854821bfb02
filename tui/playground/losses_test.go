package playground

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"losslab/internal/numfmt"
)

// The playground shows every registered loss with its whole value: at
// 120×40 InfoNCE with its τ and the sentence that at τ = 1 it is the
// soft-margin triplet; at 80×24, fewer items rather than a name without its
// number. Checked on a grid of states reached with keys.
func TestPlaygroundShowsRegisteredLosses(t *testing.T) {
	m := newModel(t, Options{})
	for _, keys := range [][]string{nil, {"right", "right"}, {"down", "left", "left"}, {"down", "down", "right", "right", "right"}} {
		m = press(t, m, keys...)
		next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		wide := ansi.Strip(next.(*Model).View())
		// The value follows a colon: "τ = 0.10 = 2.1269" read as τ = 2.1269,
		// ", no m = 0.7981" as m = 0.7981.
		if !strings.Contains(wide, "InfoNCE at τ = 0.10: ") || !strings.Contains(wide, "at τ = 1.00 this is the soft-margin triplet") ||
			!strings.Contains(wide, "softplus(d(a,p) − d(a,n)) (no m): ") || strings.Contains(wide, "m = 0.7") || strings.Contains(wide, "τ = 2") {
			t.Errorf("120×40 after %v lacks InfoNCE's line:\n%s", keys, wide)
		}
		for _, r := range next.(*Model).eval.Results {
			if !r.Loss.Classic() && !strings.Contains(wide, numfmt.Loss(r.Value)) {
				t.Errorf("120×40 after %v lacks %s = %s", keys, r.Loss.ID, numfmt.Loss(r.Value))
			}
		}
		next, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		for _, line := range strings.Split(ansi.Strip(next.(*Model).View()), "\n") {
			for _, name := range []string{"soft-margin", "InfoNCE", "squared", "hinge contrastive"} {
				if i := strings.Index(line, name+" "); i >= 0 && strings.HasPrefix(line[i+len(name)+1:], "…") {
					t.Errorf("80×24 after %v: %q cut from its number: %q", keys, name, line)
				}
			}
		}
	}
}

// At 80×24 every variant can be read: the panels list the values that fit
// whole and point to the notes ("n: more"), never ending in a bare "…",
// and the notes, page by page, give each variant with its formula, InfoNCE
// with its τ and what it is at τ = 1.
func TestVariantsReadableAt80x24(t *testing.T) {
	for _, keys := range [][]string{nil, {"right", "right"}, {"down", "down", "right", "right", "right"}} {
		t.Run(strings.Join(keys, " "), func(t *testing.T) {
			m := press(t, sized(newModel(t, Options{}), 80, 24), keys...)
			for _, line := range strings.Split(ansi.Strip(m.View()), "\n") {
				if strings.Contains(line, "squared") && strings.Contains(line, "…") {
					t.Errorf("after %v the variants line is cut: %q", keys, line)
				}
			}
			var all strings.Builder
			for range m.notesPageCount() {
				m = press(t, m, "n")
				all.WriteString(ansi.Strip(m.View()))
			}
			notes := squeezeSpaces(all.String())
			for _, want := range []string{
				"hinge contrastive y·d + (1−y)·max(m − d, 0), mean of the pairs:",
				"squared triplet (FaceNet) max(d(a,p)² − d(a,n)² + m, 0):",
				"soft-margin triplet softplus(d(a,p) − d(a,n)) (no m):",
				"InfoNCE at τ = 0.10 softplus((d(a,p) − d(a,n))/τ):",
				"at τ = 1.00 this is the soft-margin triplet",
			} {
				if !strings.Contains(notes, want) {
					t.Errorf("after %v the notes at 80×24 lack %q:\n%s", keys, want, notes)
				}
			}
		})
	}
}

// squeezeSpaces joins a screen's words with single spaces, dropping the
// panel borders, so that text wrapped across lines reads as one.
func squeezeSpaces(v string) string {
	var words []string
	for _, f := range strings.Fields(v) {
		if f != "│" {
			words = append(words, f)
		}
	}
	return strings.Join(words, " ")
}
