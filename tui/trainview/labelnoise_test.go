package trainview

import (
	"strings"
	"testing"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/tui/internal/tuitest"
)

// A run with wrong labels says how many under the panes, in full at
// 160×48 and at least in its short form at 80×24, in both languages; a
// run without them says nothing of labels.
func TestLabelNoiseNote(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		p := i18n.New(lang)
		cfg := train.NewConfig()
		cfg.Model, cfg.Loss, cfg.Compare, cfg.LabelNoise = train.MLP, train.BatchHard, train.SemiHard, 0.1
		full := p.T(i18n.TrainNoteLabelNoise, "22", "228", "10.0%") // blobs: ⌊0.1 × 228⌋
		short := p.T(i18n.TrainNoteLabelNoiseShort, "10.0%")
		small := New(newTrainer(t, cfg), Options{Chunk: -1, Printer: p})
		small.SetSize(80, 24)
		large := New(newTrainer(t, cfg), Options{Chunk: -1, Printer: p})
		large.SetSize(160, 48)
		if v := tuitest.Squeeze(large.View()); !strings.Contains(v, tuitest.Squeeze(full)) {
			t.Errorf("%v: at 160×48 the note is missing:\n%s", lang, large.View())
		}
		if v := tuitest.Squeeze(small.View()); !strings.Contains(v, tuitest.Squeeze(full)) && !strings.Contains(v, tuitest.Squeeze(short)) {
			t.Errorf("%v: at 80×24 neither the note nor its short form:\n%s", lang, small.View())
		}
		tuitest.CheckWidths(t, "label noise note", small.View(), 80, 24, false)
		cfg.LabelNoise = 0
		clean := New(newTrainer(t, cfg), Options{Chunk: -1, Printer: p})
		clean.SetSize(160, 48)
		if v := tuitest.Squeeze(clean.View()); strings.Contains(v, tuitest.Squeeze(short)) {
			t.Errorf("%v: without label noise the screen speaks of it:\n%s", lang, clean.View())
		}
	}
}
