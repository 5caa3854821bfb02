package common

import (
	"testing"
)

// Tab goes playground → batch → training → playground, and from the
// course to the playground; its help names where it goes, and a lesson's
// hosted mode has no tab (esc is the way back).
func TestTabOrder(t *testing.T) {
	ctx := DefaultContext()
	for _, tc := range []struct {
		name     string
		from, to ModeID
		help     string
	}{
		{"playground to batch", ModePlayground, ModeBatch, "batch"},
		{"batch to training", ModeBatch, ModeTrain, "training"},
		{"training to playground", ModeTrain, ModePlayground, "playground"},
		{"course to playground", ModeLearn, ModePlayground, "playground"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NextMode(tc.from); got != tc.to {
				t.Errorf("tab from %d goes to %d, want %d", tc.from, got, tc.to)
			}
			b := ctx.TabKey(tc.from)
			if h := b.Help(); h.Key != "tab" || h.Desc != tc.help || !b.Enabled() {
				t.Errorf("tab's help from %d is %q %q (enabled %v), want tab %q", tc.from, h.Key, h.Desc, b.Enabled(), tc.help)
			}
			if ctx.ForLesson().TabKey(tc.from).Enabled() {
				t.Error("a mode a lesson hosts has a tab key")
			}
			msg := Tab(tc.from)()
			if sw, ok := msg.(SwitchModeMsg); !ok || sw.To != tc.to {
				t.Errorf("Tab(%d) asks for %#v", tc.from, msg)
			}
		})
	}
	for _, id := range tabOrder {
		if tabNames[id] == "" {
			t.Errorf("mode %d is in the tab order without a name for tab's help", id)
		}
	}
}
