package trainview

import (
	"testing"

	"losslab/core/train"
)

// BenchmarkTrainFrame: one frame while playing two panes at 160×48: one
// step of both runs, their metrics, the screen rebuilt, and View. Target:
// < 8 ms/op (30 frames a second on 2 cores with room).
func BenchmarkTrainFrame(b *testing.B) {
	cfg := train.NewConfig()
	cfg.Loss, cfg.Compare = train.BatchHard, train.Contrastive
	m := newMode(b, cfg, 160, 48)
	m, _ = press(m, " ")
	b.ReportAllocs()
	for b.Loop() {
		next, _ := frameOf(m)
		m = next.(Model)
		_ = m.View()
		if !m.Playing() {
			m, _ = press(m, " ")
		}
	}
}

// BenchmarkPickerMove: ↓ in the open data list at 160×48, two panes: the
// screen rebuilt with the box over it (the data sets' sizes are read once,
// when the list first opens, not at each key).
func BenchmarkPickerMove(b *testing.B) {
	cfg := train.NewConfig()
	cfg.Loss, cfg.Compare = train.BatchHard, train.Contrastive
	m := newMode(b, cfg, 160, 48)
	m, _ = press(m, "D")
	b.ReportAllocs()
	for b.Loop() {
		m, _ = press(m, "down")
		_ = m.View()
	}
}
