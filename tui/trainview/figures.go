package trainview

import (
	"math"
	"sort"

	coreloss "losslab/core/loss"
	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// temperatures are the τ the temperature key steps through.
var temperatures = []float64{0.05, 0.1, 0.2, 0.5, 1}

// nextTemperature is the next τ of temperatures above tau, from the first
// after the last: a --temperature between them (0.3) goes on to the next
// larger (0.5), not back to the first.
func nextTemperature(tau float64) float64 {
	for _, t := range temperatures {
		if t > tau {
			return t
		}
	}
	return temperatures[0]
}

// syncKeys hides the controls no run uses: the margins of losses without
// one, τ without InfoNCE. Beside the right pane's margin keys, ←/→ say
// they are the left pane's.
func (m *Model) syncKeys() {
	k := &m.keys
	uses := m.cfg.Loss.UsesMargin()
	k.MarginDown.SetEnabled(uses)
	k.MarginUp.SetEnabled(uses)
	cmp := m.cfg.CompareReadsMargin()
	k.CompareMarginDown.SetEnabled(cmp)
	k.CompareMarginUp.SetEnabled(cmp)
	down, up := i18n.TrainKeyMarginDown, i18n.TrainKeyMarginUp
	if cmp {
		down, up = i18n.TrainKeyLeftMarginDown, i18n.TrainKeyLeftMarginUp
	}
	k.MarginDown.SetHelp(k.MarginDown.Help().Key, m.p.T(down))
	k.MarginUp.SetHelp(k.MarginUp.Help().Key, m.p.T(up))
	k.Temperature.SetEnabled(m.cfg.ReadsTemperature())
}

// paneTitle names run r's loss with what it reads: its margin, or τ and
// the similarity for InfoNCE.
func (m *Model) paneTitle(r *train.Run) string { return RunTitle(m.p, m.cfg, r.Spec, r.Name) }

// RunTitle names the run called name (cfg.RunNames) by its loss and what
// the loss reads, as its pane's title does; the course says a lesson's runs
// with it.
func RunTitle(p i18n.Printer, cfg train.Config, spec train.RunSpec, name string) string {
	loss := p.TrainLossName(string(spec.Loss))
	title := p.T(i18n.TrainPaneNoMargin, loss)
	switch {
	case spec.Loss.Objective().Loss.UsesTemperature:
		title = TemperatureTitle(p, loss, cfg.Temperature, cfg.UsesCosine(spec))
	case spec.Loss.UsesMargin():
		title = p.T(i18n.TrainPaneMargin, loss, numfmt.Input(spec.Margin))
	case spec.Loss.Objective().Loss.ID == coreloss.MultiSimilarityID:
		// no margin, but its base λ is a threshold on the distances
		title = p.T(i18n.TrainPaneFixedBase, loss, numfmt.Input(coreloss.MultiSimilarityBase))
	}
	if name != string(spec.Loss) { // a and b: two runs of one loss
		title = p.T(i18n.TrainPaneRun, name, title)
	}
	return title
}

// TemperatureTitle names an InfoNCE loss with its τ and what it compares.
func TemperatureTitle(p i18n.Printer, loss string, tau float64, cosine bool) string {
	sim := i18n.TrainSimilarityNegDistance
	if cosine {
		sim = i18n.TrainSimilarityCosine
	}
	return p.T(i18n.TrainPaneTemperature, loss, numfmt.Input(tau), p.T(sim))
}

// pastFixedAxis is the share of run i's training distances past the end
// of its fixed axis: the histogram piles them into its last column, so a
// run that grew would otherwise look as if it sat at the axis's end.
func (m *Model) pastFixedAxis(i int) float64 {
	runs := m.tr.Runs()
	if i >= len(runs) || i >= len(m.axisTop) {
		return 0
	}
	pos, neg := runs[i].Distances()
	above := math.Nextafter(m.axisTop[i], math.Inf(1))
	past := len(pos) - sort.SearchFloat64s(pos, above) + len(neg) - sort.SearchFloat64s(neg, above)
	if n := len(pos) + len(neg); n > 0 {
		return float64(past) / float64(n)
	}
	return 0
}

// figureLines are the pane's lines on scale and on the held-out points,
// saying what has no room (rm): the held-out histogram on the held-out
// line, every chart on the scale line.
func (m *Model) figureLines(i int, met train.Metrics, rm room) []string {
	scale := m.p.T(i18n.TrainPaneScale, numfmt.Loss(met.ScaleRatio))
	if m.fixAxis {
		if past := m.pastFixedAxis(i); past > 0 {
			scale += " · " + m.p.T(i18n.TrainPaneAxisFixedPast, numfmt.Share(past))
		} else {
			scale += " · " + m.p.T(i18n.TrainPaneAxisFixed)
		}
	}
	if rm == roomNone {
		scale += " · " + m.p.T(i18n.TrainPaneNoRoomCharts)
	}
	h := met.HeldOut
	if m.tr.HeldOutReason() == train.HeldOutFree { // the note under the panes says more
		return []string{scale + " · " + m.p.T(i18n.TrainPaneHeldOutFree)}
	}
	if h.Points == 0 {
		return []string{scale + " · " + m.p.T(i18n.TrainPaneHeldOutNone)}
	}
	held := m.p.T(i18n.TrainPaneHeldOut, numfmt.Loss(h.AUC), numfmt.Loss(h.Retrieval.RecallAt1), numfmt.Loss(h.Retrieval.MAPAtR))
	if rm == roomNoHeld {
		held += " · " + m.p.T(i18n.TrainPaneHeldOutNoRoom)
	}
	return []string{scale, held}
}

// figureNote is a sentence under the panes about what the figures mean,
// with its short form for a window without room for it ("": the note may
// give way, as what it says is on the panes too).
type figureNote struct{ full, short string }

// figureNotes are the sentences under the panes about what the figures
// mean: the free model, why the held-out figures are missing (a narrow
// pane's "held out: —" has no room for why), the wrong labels, a change of
// scale, triplets satisfied over overlapping distributions.
func (m *Model) figureNotes() []figureNote {
	var notes []figureNote
	switch m.tr.HeldOutReason() {
	case train.HeldOutFree:
		notes = append(notes, figureNote{full: m.p.T(i18n.TrainNoteFree)})
	case train.HeldOutNone:
		notes = append(notes, figureNote{full: m.p.T(i18n.TrainNoteHeldOutNone)})
	}
	if s := m.tr.Split(); len(s.Mislabelled) > 0 {
		share := numfmt.Share(m.cfg.LabelNoise)
		notes = append(notes, figureNote{m.p.T(i18n.TrainNoteLabelNoise, numfmt.Count(int64(len(s.Mislabelled))), numfmt.Count(int64(len(s.Train))), share),
			m.p.T(i18n.TrainNoteLabelNoiseShort, share)})
	}
	for i, r := range m.tr.Runs() {
		if i >= len(m.cur) {
			break
		}
		met := m.cur[i]
		if full, short := scaleNote(m.p, runName(m.p, r), r.Spec, m.cfg.Model, met); full != "" {
			notes = append(notes, figureNote{full, short})
		}
		if gaps := r.AnchorGaps(); showsGaps(r.Spec) && r.Spec.Loss.UsesMargin() && len(gaps) > 0 && gaps[0] >= r.Spec.Margin && met.AUC < 1 {
			name, auc := runName(m.p, r), numfmt.Loss(met.AUC)
			notes = append(notes, figureNote{m.p.T(i18n.TrainNoteEasyOverlap, name, auc), m.p.T(i18n.TrainNoteEasyOverlapShort, name, auc)})
		}
	}
	return notes
}
