package playground

import (
	"testing"

	"github.com/charmbracelet/lipgloss"

	"losslab/explain"
	"losslab/i18n"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// The short form of a sentence is shown where the long one does not fit;
// both exist, and the short one fits the triplet panel at 80 columns.
func TestShortFormsFit80(t *testing.T) {
	w := common.MinWidth - controlsW - common.PanelFrameW
	for _, table := range explain.TripletPanelRules() {
		for _, r := range table {
			for _, id := range []i18n.ID{r.Say.Long, r.Say.Short} {
				t.Run(string(r.Say.Short), func(t *testing.T) {
					if !i18n.Has(i18n.English, id) {
						t.Errorf("%s has no English text", id)
					}
				})
			}
			if got := tuitest.English(r.Say.Short); lipgloss.Width(got) > w {
				t.Errorf("%q is %d cells, the panel has %d", got, lipgloss.Width(got), w)
			}
		}
	}
}
