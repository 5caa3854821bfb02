package trainview

import (
	"math"
	"slices"
	"strings"
	"testing"

	"losslab/core/loss"
	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui/internal/tuitest"
)

// Each scale note is shown exactly in the states its words are true of, on
// the grid of every loss × margin × model × scale ratio, and its claims
// about the losses hold for core/loss's terms.
func TestScaleNotesAreTrue(t *testing.T) {
	p := i18n.Printer{}
	for _, id := range train.LossIDs() {
		for _, margin := range []float64{0, 0.5} {
			for _, model := range train.ModelIDs() {
				for _, ratio := range []float64{0.005, 0.05, 1, 20} {
					spec := train.RunSpec{Loss: id, Margin: margin}
					met := train.Metrics{ScaleRatio: ratio, Collapsed: ratio < train.CollapseRatio}
					note := ScaleNote(p, "r", spec, model, met)
					if _, short := scaleNote(p, "r", spec, model, met); (short == "") != (note == "") ||
						ratio < train.ShrinkRatio && ratio >= train.CollapseRatio && !strings.Contains(short, "AUC and Recall@1 depend only on the distances' order") ||
						strings.Contains(short, "margin 0") != strings.Contains(note, "With margin 0") {
						t.Errorf("%s m=%v ratio %v: short form %q of %q", id, margin, ratio, short, note)
					}
					switch {
					case ratio < train.CollapseRatio || ratio == 1:
						if note != "" {
							t.Errorf("%s m=%v ratio %v: %q, want none", id, margin, ratio, note)
						}
					case ratio < train.ShrinkRatio:
						if !strings.Contains(note, "is shrinking") || !strings.Contains(note, "AUC and Recall@1 depend only on the order") {
							t.Errorf("%s m=%v ratio %v: %q", id, margin, ratio, note)
						}
						if strings.Contains(note, "With margin 0") != (margin == 0 && slices.Contains(homogeneous, id.Objective().Loss.ID)) {
							t.Errorf("%s m=%v: margin-0 note %q", id, margin, note)
						}
					default:
						if !strings.Contains(note, "is growing") {
							t.Errorf("%s ratio %v: %q", id, ratio, note)
						}
					}
				}
			}
		}
	}
	// "every term scales by c or c²" at margin 0, for the homogeneous losses.
	for _, id := range homogeneous {
		l, _ := loss.Lookup(id)
		params, _ := l.Resolve(loss.Params{Margin: 0})
		for _, c := range []float64{0.1, 3} {
			for _, d := range [][2]float64{{0.7, 0.5}, {0.2, 0.9}, {1.3, 1.1}} {
				var a, b float64
				if l.Kind == loss.OnPairs {
					for _, y := range []loss.Label{loss.Same, loss.Different} {
						t1, _ := l.Pair(d[0], y, params)
						t2, _ := l.Pair(c*d[0], y, params)
						a, b = a+t1.Loss, b+t2.Loss
					}
				} else {
					t1, _ := l.Triplet(d[0], d[1], params)
					t2, _ := l.Triplet(c*d[0], c*d[1], params)
					a, b = t1.Loss, t2.Loss
				}
				if a != 0 && math.Abs(b/a-c) > 1e-12 && math.Abs(b/a-c*c) > 1e-12 {
					t.Errorf("%s at m 0: scaling by %v takes %v to %v", id, c, a, b)
				}
			}
		}
	}
	// "its terms fall as d(a,n) − d(a,p) grows, none grows with the scale".
	for _, id := range gapOnly {
		l, _ := loss.Lookup(id)
		params, _ := l.Resolve(loss.Params{Margin: 0.5, Temperature: 0.5})
		for _, d := range [][2]float64{{0.2, 0.9}, {1, 1.5}} { // d(a,n) > d(a,p)
			t1, _ := l.Triplet(d[0], d[1], params)
			t2, _ := l.Triplet(2*d[0], 2*d[1], params)
			if t2.Loss > t1.Loss {
				t.Errorf("%s: stretching (%v, %v) by 2 raises the term %v → %v", id, d[0], d[1], t1.Loss, t2.Loss)
			}
		}
	}
}

// The shrinking run of issue 18 (batch-all, margin 0, overlap, linear), at
// 80×24 in both languages, stepped to where it is flagged: the note on the
// shrink and on what AUC does not see is on screen, whole or in its short
// form (the whole was dropped there, for want of room); at 160×48 whole.
func TestShrinkNoteAtEverySize(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
		cfg := train.NewConfig()
		cfg.Data, cfg.Model, cfg.Loss, cfg.Margin = train.Overlap, train.Linear, train.BatchAll, 0
		p := i18n.New(lang)
		small := New(newTrainer(t, cfg), Options{Chunk: -1, Printer: p})
		small.SetSize(80, 24)
		large := New(newTrainer(t, cfg), Options{Chunk: -1, Printer: p})
		large.SetSize(160, 48)
		for step := 0; small.Metrics()[0].Scale() != train.ScaleShrinking; step++ {
			if step == 1000 {
				t.Fatalf("%v: not flagged as shrinking by step 1000: %+v", lang, small.Metrics()[0])
			}
			small, _ = press(small, "n")
			large, _ = press(large, "n")
		}
		met := small.Metrics()[0]
		name := runName(p, small.tr.Runs()[0])
		full, short := scaleNote(p, name, small.tr.Runs()[0].Spec, cfg.Model, met)
		if !strings.Contains(full, p.T(i18n.TrainScaleShrinkMargin, name, numfmt.Loss(met.ScaleRatio))) {
			t.Fatalf("%v: not the margin-0 note: %q", lang, full)
		}
		v := tuitest.Squeeze(small.View())
		if !strings.Contains(v, tuitest.Squeeze(full)) && !strings.Contains(v, tuitest.Squeeze(short)) {
			t.Errorf("%v: at 80×24 at step %d neither the note nor its short form:\n%s", lang, met.Step, small.View())
		}
		if !strings.Contains(tuitest.Squeeze(short), tuitest.Squeeze(p.T(i18n.TrainScaleShrinkMarginShort, name, numfmt.Loss(met.ScaleRatio)))) {
			t.Errorf("%v: short form %q", lang, short)
		}
		if !strings.Contains(tuitest.Squeeze(large.View()), tuitest.Squeeze(full)) {
			t.Errorf("%v: at 160×48 the whole note is missing:\n%s", lang, large.View())
		}
		tuitest.CheckWidths(t, "shrink note", small.View(), 80, 24, false)
	}
}
