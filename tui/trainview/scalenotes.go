package trainview

import (
	"slices"

	"losslab/core/loss"
	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// scaleState is what decides which explanation of a change of scale is true.
type scaleState struct {
	spec  train.RunSpec
	model train.ModelID
	m     train.Metrics
}

// homogeneous are the losses whose every term scales as c or c² when every
// distance is scaled by c, once the margin is 0.
var homogeneous = []loss.ID{loss.ContrastiveID, loss.HingeContrastiveID, loss.TripletID, loss.SquaredTripletID}

// gapOnly are the losses whose terms fall as d(a,n) − d(a,p) grows, with
// no term that grows with the scale as a whole.
var gapOnly = []loss.ID{loss.TripletID, loss.SquaredTripletID, loss.SoftMarginID, loss.InfoNCEID}

// scaleNotes pairs each explanation with the condition that makes it true,
// and its short form for a small window (none where the whole is short);
// the first that holds is shown. TestScaleNotesAreTrue checks them.
var scaleNotes = []struct {
	when      func(s scaleState) bool
	id, short i18n.ID
}{
	{func(s scaleState) bool {
		return s.m.Scale() == train.ScaleShrinking && s.spec.Margin == 0 && slices.Contains(homogeneous, s.spec.Loss.Objective().Loss.ID)
	}, i18n.TrainScaleShrinkMargin, i18n.TrainScaleShrinkMarginShort},
	{func(s scaleState) bool {
		return s.m.Scale() == train.ScaleShrinking && s.spec.Loss.MinesHardest() && s.model != train.Free
	}, i18n.TrainScaleShrinkHard, i18n.TrainScaleShrinkHardShort},
	{func(s scaleState) bool { return s.m.Scale() == train.ScaleShrinking }, i18n.TrainScaleShrinkOther, i18n.TrainScaleShrinkOtherShort},
	{func(s scaleState) bool {
		return s.m.Scale() == train.ScaleGrowing && slices.Contains(gapOnly, s.spec.Loss.Objective().Loss.ID)
	}, i18n.TrainScaleGrowGap, i18n.TrainScaleGrowGapShort},
	{func(s scaleState) bool { return s.m.Scale() == train.ScaleGrowing }, i18n.TrainScaleGrowOther, i18n.TrainScaleGrowOther},
}

// ScaleNote explains a run whose scale has shrunk or grown tenfold, with
// what AUC does not see; "" when the scale is steady or collapsed (a
// collapse has its own note).
func ScaleNote(p i18n.Printer, run string, spec train.RunSpec, model train.ModelID, m train.Metrics) string {
	full, _ := scaleNote(p, run, spec, model, m)
	return full
}

// scaleNote is ScaleNote and its short form, which says the same in
// fewer words: what happens, the cause in a phrase, and that AUC and
// Recall@1 do not see a shrink.
func scaleNote(p i18n.Printer, run string, spec train.RunSpec, model train.ModelID, m train.Metrics) (full, short string) {
	s := scaleState{spec, model, m}
	for _, n := range scaleNotes {
		if !n.when(s) {
			continue
		}
		args := []any{run, numfmt.Loss(m.ScaleRatio)}
		if n.id == i18n.TrainScaleShrinkHard {
			args = append(args, string(spec.Loss))
		}
		full, short = p.T(n.id, args...), p.T(n.short, args...)
		if m.Scale() == train.ScaleShrinking {
			full += " " + p.T(i18n.TrainScaleAUCNote)
		}
		return full, short
	}
	return "", ""
}

// HeldOutLine says the held-out figures, or "—" and why there are none.
func HeldOutLine(p i18n.Printer, h train.HeldOut, reason train.HeldOutReason) string {
	switch {
	case reason == train.HeldOutFree:
		return p.T(i18n.TrainHeldOutFree)
	case h.Points == 0:
		return p.T(i18n.TrainHeldOutNone)
	}
	return p.N(i18n.TrainHeldOutLine, int64(h.Points), numfmt.Count(int64(h.Points)), numfmt.Loss(h.AUC),
		numfmt.Loss(h.Retrieval.RecallAt1), numfmt.Loss(h.Retrieval.MAPAtR))
}
