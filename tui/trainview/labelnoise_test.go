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

// N opens the picker on the label noise: a share between the list's
// (--label-noise 0.15) is listed in its place and marked, taking 10%
// restarts the runs with a tenth of the labels wrong (the note says how
// many), and taking none clears the note.
func TestPickerSetsLabelNoise(t *testing.T) {
	cfg := train.NewConfig()
	cfg.Model, cfg.Loss, cfg.LabelNoise = train.MLP, train.BatchHard, 0.15
	m := newMode(t, cfg, 120, 40)
	m, _ = press(m, "N")
	if !m.pick.open || m.pick.list != listNoise {
		t.Fatalf("N opened no label noise list:\n%s", m.View())
	}
	v := m.View()
	for _, row := range []string{"1 ○ none: every training label right", "2 ○ 5.0% of training labels wrong",
		"3 ○ 10.0% of training labels wrong", "4 ● 15.0% of training labels wrong", "5 ○ 20.0% of training labels wrong"} {
		if !strings.Contains(v, row) {
			t.Errorf("no row %q:\n%s", row, v)
		}
	}
	m, _ = press(m, "3") // the third row: 10%
	if got := m.tr.Config().LabelNoise; got != 0.1 || m.tr.StepCount() != 0 {
		t.Fatalf("after 3: label noise %v at step %d, want 0.1 at step 0 (a restart)", got, m.tr.StepCount())
	}
	note := i18n.New(i18n.English).T(i18n.TrainNoteLabelNoise, "22", "228", "10.0%") // blobs: ⌊0.1 × 228⌋
	if v := tuitest.Squeeze(m.View()); !strings.Contains(v, tuitest.Squeeze(note)) {
		t.Errorf("no note of the 22 wrong labels:\n%s", m.View())
	}
	m, _ = press(m, "N", "1")
	if got := m.tr.Config().LabelNoise; got != 0 || strings.Contains(m.View(), "labels wrong") {
		t.Errorf("after none: label noise %v, screen:\n%s", got, m.View())
	}
}
