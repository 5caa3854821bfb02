package playground

import (
	"losslab/core/loss"
	"losslab/tui/common"
)

// What a teacher's --hide keeps out of sight beyond the panels themselves
// (unlessHidden): the variants of a hidden panel wherever they are listed,
// and the course, whose lessons quote and explain the losses.

// hiddenResult reports whether r's panel is hidden: a triplet loss is the
// triplet panel's, a pair loss the contrastive panel's.
func (m Model) hiddenResult(r loss.Result) bool {
	if r.Loss.Kind == loss.OnTriplets {
		return m.ctx.Share.Hide[PanelTriplet]
	}
	return m.ctx.Share.Hide[PanelContrastive]
}

// notesHidden reports whether the hint and the scenario's notes are
// hidden: they quote values and say what each loss does ("the triplet loss
// pushes it"), so hiding either loss hides them as hiding the notes does.
func (m Model) notesHidden() bool { return ValuesHidden(m.ctx.Share.Hide) }

// ValuesHidden reports whether h hides a loss or the notes, which the
// course would show: then the course stays closed.
func ValuesHidden(h common.HideSet) bool {
	return h[PanelTriplet] || h[PanelContrastive] || h[PanelNotes]
}
