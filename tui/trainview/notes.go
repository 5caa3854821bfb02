package trainview

import (
	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// noteState is what decides which explanation of a collapse is true.
type noteState struct {
	run     string
	spec    train.RunSpec
	model   train.ModelID
	m       train.Metrics
	started float64 // mean pairwise distance at step 0
	at      int     // the step it was first seen collapsed; 0: m.Step
}

// collapseNotes pairs each explanation with the condition that makes it
// true; the first that holds is shown. TestCollapseNotesAreTrue checks them
// on a grid of states.
var collapseNotes = []struct {
	when func(s noteState) bool
	id   i18n.ID
}{
	{func(s noteState) bool { return s.spec.Loss.UsesMargin() && s.spec.Margin == 0 }, i18n.TrainCollapseMargin},
	{func(s noteState) bool { return s.spec.Loss.MinesHardest() && s.model != train.Free }, i18n.TrainCollapseHard},
	{func(noteState) bool { return true }, i18n.TrainCollapseOther},
}

// runName is how a note names a run: by its loss's name when the loss
// names it ("对比损失在第 59 步坍缩"), else as a or b.
func runName(p i18n.Printer, r *train.Run) string {
	if r.Name == string(r.Spec.Loss) {
		return p.TrainLossName(r.Name)
	}
	return r.Name
}

// collapseNote explains a collapsed run with the numbers core measured.
func collapseNote(p i18n.Printer, s noteState) string {
	// The step of the collapse, not the step shown: playing on after it,
	// the note would otherwise move the collapse along.
	at := s.m.Step
	if s.at > 0 {
		at = s.at
	}
	step := numfmt.Count(int64(at))
	loss, grad := numfmt.Loss(s.m.Loss), numfmt.Loss(s.m.GradNorm)
	for _, n := range collapseNotes {
		if !n.when(s) {
			continue
		}
		switch n.id {
		case i18n.TrainCollapseMargin:
			return p.T(n.id, s.run, step, loss, grad)
		case i18n.TrainCollapseHard:
			return p.T(n.id, s.run, step, string(s.spec.Loss), numfmt.Loss(s.m.MeanDistance), loss, grad)
		default:
			return p.T(n.id, s.run, step, numfmt.Loss(s.m.MeanDistance), numfmt.Loss(s.started), loss, grad)
		}
	}
	return ""
}
