package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
	"losslab/tui/trainview"
)

// trainLine is one JSON line: a run's metrics at one step.
type trainLine struct {
	Run string `json:"run"`
	train.Metrics
}

// trainSummary is the last JSON line of each run.
type trainSummary struct {
	Summary     bool          `json:"summary"`
	Run         string        `json:"run"`
	Loss        train.LossID  `json:"loss"`
	Margin      *float64      `json:"margin"` // null for a loss that reads none
	Steps       int           `json:"steps"`
	Initial     train.Metrics `json:"initial"`
	Final       train.Metrics `json:"final"`
	CollapsedAt *int          `json:"collapsed_at"` // first printed step with collapsed true, else null
	ScaleRatio  float64       `json:"scale_ratio"`  // the final mean pairwise distance ÷ step 0's
	// The held-out points' figures at the last step; null for the free
	// model or without held-out points (heldout_points 0).
	HeldOutPoints    int      `json:"heldout_points"`
	HeldOutAUC       *float64 `json:"heldout_auc"`
	HeldOutRecallAt1 *float64 `json:"heldout_recall_at_1"`
	HeldOutMAPAtR    *float64 `json:"heldout_map_at_r"`
	// LabelNoise is the share of training labels the loss saw wrong, and
	// Mislabelled how many points that is; the figures use the true labels.
	LabelNoise  float64 `json:"label_noise"`
	Mislabelled int     `json:"mislabelled"`
	State       string  `json:"state,omitempty"` // the state string of the final step (not for data from a file)
	// InfoNCE's τ and similarity (cosine or neg-distance); absent for a
	// loss without a temperature.
	Temperature   *float64         `json:"temperature,omitempty"`
	Similarity    train.Similarity `json:"similarity,omitempty"`
	spec          train.RunSpec
	trainPoints   int
	model         train.ModelID
	heldOutReason train.HeldOutReason
}

// finish fills the figures of the final step.
func (s *trainSummary) finish() {
	m := s.Final
	s.ScaleRatio = m.ScaleRatio
	s.HeldOutPoints = m.HeldOut.Points
	s.HeldOutAUC, s.HeldOutRecallAt1, s.HeldOutMAPAtR = nil, nil, nil
	if h := m.HeldOut; h.Points > 0 {
		auc, r1, mapR := h.AUC, h.Retrieval.RecallAt1, h.Retrieval.MAPAtR
		s.HeldOutAUC, s.HeldOutRecallAt1, s.HeldOutMAPAtR = &auc, &r1, &mapR
	}
}

// trainHeadless trains f.steps steps, recording every f.every steps, and
// writes JSON Lines or a table to w.
// observe (if not nil) sees every recorded step's metrics, after the runs
// measured them.
func trainHeadless(w *bytes.Buffer, tr *train.Trainer, f trainFlags, p i18n.Printer, observe func([]train.Metrics)) error {
	runs := tr.Runs()
	var lines []trainLine
	summaries := make([]trainSummary, len(runs))
	for i, r := range runs {
		var margin *float64
		if r.Spec.Loss.UsesMargin() {
			margin = &r.Spec.Margin
		}
		summaries[i] = trainSummary{Summary: true, Run: r.Name, Loss: r.Spec.Loss, Margin: margin, Steps: f.steps,
			spec: r.Spec, model: f.cfg.Model, heldOutReason: tr.HeldOutReason(),
			LabelNoise: f.cfg.LabelNoise, Mislabelled: len(tr.Split().Mislabelled), trainPoints: len(tr.Split().Train)}
		if r.Spec.Loss.Objective().Loss.UsesTemperature {
			tau := f.cfg.Temperature
			summaries[i].Temperature, summaries[i].Similarity = &tau, f.cfg.Similarity
		}
	}
	record := func() error {
		ms, err := tr.Metrics()
		if err != nil {
			return err
		}
		if observe != nil {
			observe(ms)
		}
		first := len(lines) == 0 // step 0, or --state's step
		for i, m := range ms {
			lines = append(lines, trainLine{Run: runs[i].Name, Metrics: m})
			s := &summaries[i]
			if first {
				s.Initial = m
			}
			s.Final = m
			s.finish()
			s.State = trainState(tr.Config(), m.Step)
			if m.Collapsed && s.CollapsedAt == nil {
				step := m.Step
				s.CollapsedAt = &step
			}
		}
		return nil
	}
	// Every step is checked (core/train), so the step a divergence names
	// does not depend on --every; the output is buffered, so a run that
	// diverges prints nothing but the error.
	for s := 0; ; s++ {
		if s%f.every == 0 || s == f.steps {
			if err := record(); err != nil {
				return divergedError(err, f.cfg.LR)
			}
		}
		if s == f.steps {
			break
		}
		if err := tr.Step(); err != nil {
			return divergedError(err, f.cfg.LR)
		}
	}
	if f.plain {
		writeTrainTable(w, lines, summaries, p)
		return nil
	}
	for _, l := range lines {
		if err := encodeJSON(w, l, false); err != nil {
			return err
		}
	}
	for _, s := range summaries {
		if err := encodeJSON(w, s, false); err != nil {
			return err
		}
	}
	return nil
}

func divergedError(err error, lr float64) error {
	if d := (*train.DivergedError)(nil); errors.As(err, &d) {
		return usagef(i18n.TrainDiverged, numfmt.Count(int64(d.Step)), numfmt.Input(train.MaxParam), numfmt.Input(lr))
	}
	return err
}

// summaryHead names a run and its loss, the loss once when it names the run.
func summaryHead(p i18n.Printer, s trainSummary) string {
	name, steps, n := p.TrainLossName(string(s.Loss)), numfmt.Count(int64(s.Steps)), int64(s.Steps)
	if s.Temperature != nil { // InfoNCE: τ and the similarity, as its pane names them
		name = trainview.TemperatureTitle(p, name, *s.Temperature, s.Similarity == train.Cosine)
	}
	switch {
	case s.Run == string(s.Loss) && s.Margin != nil:
		return p.N(i18n.TrainSummaryHeadLoss, n, name, numfmt.Input(*s.Margin), steps)
	case s.Run == string(s.Loss):
		return p.N(i18n.TrainSummaryHeadLossNoMargin, n, name, steps)
	case s.Margin != nil:
		return p.N(i18n.TrainSummaryHead, n, s.Run, name, numfmt.Input(*s.Margin), steps)
	}
	return p.N(i18n.TrainSummaryHeadNoMargin, n, s.Run, name, steps)
}

// writeTrainTable prints the recorded metrics as a table, then a summary
// per run, in the catalogue's words and the one number rule.
func writeTrainTable(w io.Writer, lines []trainLine, summaries []trainSummary, p i18n.Printer) {
	yesNo := func(b bool) string {
		if b {
			return p.T(i18n.TrainYes)
		}
		return p.T(i18n.TrainNo)
	}
	rows := [][]string{{p.T(i18n.TrainRun), p.T(i18n.TrainStep), p.T(i18n.TrainLoss), p.T(i18n.TrainAUC), p.T(i18n.TrainRecall1), p.T(i18n.TrainActive),
		p.T(i18n.TrainMeanPos), p.T(i18n.TrainMeanNeg), p.T(i18n.TrainScale), p.T(i18n.TrainCollapsed)}}
	for _, l := range lines {
		m := l.Metrics
		rows = append(rows, []string{termsafe.String(l.Run), numfmt.Count(int64(m.Step)), numfmt.Loss(m.Loss), numfmt.Loss(m.AUC), numfmt.Loss(m.RecallAt1),
			numfmt.Share(m.ActiveFraction), numfmt.Loss(m.MeanPositive), numfmt.Loss(m.MeanNegative), numfmt.Loss(m.ScaleRatio), yesNo(m.Collapsed)})
	}
	writeColumns(w, rows)
	for _, s := range summaries {
		fmt.Fprintf(w, "\n%s\n", summaryHead(p, s))
		for _, row := range []struct {
			id         i18n.ID
			from, to   float64
			percentage bool
		}{
			{i18n.TrainLoss, s.Initial.Loss, s.Final.Loss, false},
			{i18n.TrainAUC, s.Initial.AUC, s.Final.AUC, false},
			{i18n.TrainRecall1, s.Initial.RecallAt1, s.Final.RecallAt1, false},
			{i18n.TrainActive, s.Initial.ActiveFraction, s.Final.ActiveFraction, true},
			{i18n.TrainMeanPos, s.Initial.MeanPositive, s.Final.MeanPositive, false},
			{i18n.TrainMeanNeg, s.Initial.MeanNegative, s.Final.MeanNegative, false},
			{i18n.TrainMeanDist, s.Initial.MeanDistance, s.Final.MeanDistance, false},
			{i18n.TrainGradNorm, s.Initial.GradNorm, s.Final.GradNorm, false},
		} {
			from, to := numfmt.Loss(row.from), numfmt.Loss(row.to)
			if row.percentage {
				from, to = numfmt.Share(row.from), numfmt.Share(row.to)
			}
			fmt.Fprintf(w, "  %s\n", p.T(i18n.TrainSummaryRow, p.T(row.id), from, to))
		}
		fmt.Fprintf(w, "  %s\n", p.T(i18n.TrainSummaryRow, p.T(i18n.TrainScaleRatio), numfmt.Loss(s.Initial.ScaleRatio), numfmt.Loss(s.ScaleRatio)))
		fmt.Fprintf(w, "  %s\n", trainview.HeldOutLine(p, s.Final.HeldOut, s.heldOutReason))
		if s.LabelNoise > 0 {
			fmt.Fprintf(w, "  %s\n", p.T(i18n.TrainLabelNoiseLine, numfmt.Count(int64(s.Mislabelled)), numfmt.Count(int64(s.trainPoints)), numfmt.Share(s.LabelNoise)))
		}
		if s.CollapsedAt != nil {
			fmt.Fprintln(w, p.T(i18n.TrainCollapsedAt, numfmt.Count(int64(*s.CollapsedAt))))
			fmt.Fprintf(w, "  %s\n", p.T(i18n.TrainScaleAUCNote))
		} else {
			fmt.Fprintln(w, p.T(i18n.TrainNotCollapse))
		}
		name := s.Run
		if name == string(s.Loss) {
			name = p.TrainLossName(name)
		}
		if note := trainview.ScaleNote(p, name, s.spec, s.model, s.Final); note != "" && s.CollapsedAt == nil {
			fmt.Fprintf(w, "  %s\n", note)
		}
	}
}

// writeColumns writes rows as columns: the first left-aligned, the others
// right-aligned, widths in terminal cells.
func writeColumns(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for j, c := range r {
			widths[j] = max(widths[j], lipgloss.Width(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for j, c := range r {
			pad := strings.Repeat(" ", widths[j]-lipgloss.Width(c))
			if j == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, b.String())
	}
}
