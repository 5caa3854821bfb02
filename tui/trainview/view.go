package trainview

import (
	"errors"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
	"losslab/internal/textwrap"
	"losslab/tui/common"
)

// render rebuilds the screen; View only returns it. While a job trains it
// waits (the trainer is the job's): the job's end renders.
func (m *Model) render() {
	if m.busy {
		return
	}
	if m.width == 0 {
		m.screen = ""
		return
	}
	if m.width < MinWidth || m.height < MinHeight {
		m.screen = m.p.T(i18n.TooSmall, MinWidth, MinHeight, m.width, m.height)
		return
	}
	note := wrap(m.noteText(), m.width)
	header := m.header()
	bodyH := m.height - lipgloss.Height(header) - len(note)
	runs := m.tr.Runs()
	paneW := m.width
	if len(runs) == 2 {
		paneW = (m.width - 1) / 2
	}
	var panes []string
	for i := range runs {
		if i > 0 {
			panes = append(panes, strings.Repeat("│\n", bodyH-1)+"│")
		}
		panes = append(panes, strings.Join(m.pane(i, paneW, bodyH), "\n"))
	}
	body := lipgloss.JoinHorizontal(lipgloss.Top, panes...)
	if m.help.ShowAll { // over the panes' lower rows, as they are laid out without it
		body = overlay(body, m.helpBox(), 0)
	}
	if m.pick.open { // under the panes' titles, which name the losses
		body = common.Overlay(body, m.pickerBox(m.width, bodyH-1), 1, 0)
	}
	m.screen = strings.Join([]string{header, body, strings.Join(note, "\n")}, "\n")
}

// helpBox is every key in a panel as wide as the screen.
func (m *Model) helpBox() string {
	full := m.help.FullHelpView(m.keys.FullHelp())
	return m.styles.app.TextPanel(m.p.T(i18n.TrainHelpTitle), full, m.width, lipgloss.Height(full)+common.PanelFrameH)
}

// overlay draws box, as wide as the screen, over base's lines, its last
// line bottom lines above base's last; base keeps its layout (an open help
// does not squeeze the panes).
func overlay(base, box string, bottom int) string {
	return common.Overlay(base, box, strings.Count(base, "\n")-bottom-strings.Count(box, "\n"), 0)
}

// header is one line at any width from 80: where the whole does not fit it
// says less (no "model", then no "losslab"), and a file's long name ends in
// … at a word, the state always whole at the end.
func (m *Model) header() string {
	c := m.cfg
	long, short := i18n.TrainModeHeader, i18n.TrainModeHeaderShort
	if c.Normalize {
		long, short = i18n.TrainModeHeaderNorm, i18n.TrainModeHeaderNormShort
	}
	name := string(c.Data) // a data set's ID; a file's name
	if c.Data == train.File {
		name = termsafe.String(m.data.Source)
	}
	args := []any{name, string(c.Model), numfmt.Input(c.LR), numfmt.Count(int64(c.Batch)), numfmt.Count(int64(c.Seed))}
	tail := " · " + m.styles.accent.Render(m.stateWord())
	title := m.styles.title.Render("losslab train") + " · "
	for _, line := range []string{title + m.p.T(long, args...), title + m.p.T(short, args...), m.styles.title.Render("train") + " · " + m.p.T(short, args...)} {
		if lipgloss.Width(line+tail) <= m.width {
			return line + tail
		}
	}
	return textwrap.Clip("train · "+m.p.T(short, args...), m.width-lipgloss.Width(tail), 1, "…") + tail
}

// stateWord is the header's last part: paused, playing at a speed, slow,
// or training to a step; and how fast while training.
func (m *Model) stateWord() string {
	state := m.p.T(i18n.TrainModePaused)
	switch {
	case m.target > 0:
		state = m.p.T(i18n.TrainModeRunning, numfmt.Count(int64(m.target)))
	case m.slow:
		state = m.slowState()
	case m.playing:
		state = m.p.T(i18n.TrainModePlaying, numfmt.Count(int64(speeds[m.speed])))
	}
	if (m.target > 0 || m.playing) && m.rate.perSecond > 0 {
		rate := int64(m.rate.perSecond + 0.5)
		state += " · " + m.p.N(i18n.TrainModeRate, rate, numfmt.Count(rate))
	}
	return state
}

// noteText is the sentences under the panes: what the state calls for
// (stateNote), then what the figures mean (figureNotes).
func (m *Model) noteText() string {
	if m.prompt.open || m.target > 0 || m.err != nil {
		return m.stateNote()
	}
	// The figures' notes, in order, while they fit in a sixth of the
	// window (at least 3 lines): the panes keep their room.
	parts, most := []string{m.stateNote()}, max(3, m.height/6)
	for _, n := range m.figureNotes() {
		if len(wrap(m.p.Sentences(append(parts, n)...), m.width)) <= most {
			parts = append(parts, n)
		}
	}
	return m.p.Sentences(parts...)
}

// stateNote is an error, a collapse explained, or what to do next.
func (m *Model) stateNote() string {
	if m.prompt.open {
		return m.promptText()
	}
	if m.target > 0 {
		return m.p.T(i18n.TrainHintRunning, numfmt.Count(int64(m.target)), numfmt.Count(int64(m.tr.StepCount())))
	}
	if d := (*train.DivergedError)(nil); errors.As(m.err, &d) {
		return m.p.T(i18n.TrainModeDiverged, numfmt.Count(int64(d.Step)), numfmt.Input(train.MaxParam), numfmt.Input(m.cfg.LR))
	}
	if m.err != nil {
		return m.p.T(i18n.TrainErrorLine, m.err.Error())
	}
	var notes []string
	for i, r := range m.tr.Runs() {
		if i < len(m.cur) && m.cur[i].Collapsed {
			notes = append(notes, collapseNote(m.p, noteState{run: runName(m.p, r), spec: r.Spec, model: m.cfg.Model, m: m.cur[i], started: r.StartMeanDistance(), at: m.collapsedAt[i]}))
		}
	}
	if len(notes) > 0 {
		notes = append(notes, m.p.T(i18n.TrainScaleAUCNote))
	}
	if len(notes) > 0 {
		switch {
		case m.stoppedAtCollapse:
			notes = append(notes, m.p.T(i18n.TrainCollapsePaused))
		case !m.playing:
			notes = append(notes, m.p.T(i18n.TrainHintPaused, numfmt.Count(int64(m.tr.StepCount()))))
		}
		return m.p.Sentences(notes...)
	}
	switch {
	case m.slow:
		return m.p.T(i18n.TrainHintSlow)
	case m.playing && m.paced > 0:
		return m.p.T(i18n.ServeTrainingPaced)
	case m.playing:
		return m.p.T(i18n.TrainHintPlaying)
	case m.tr.StepCount() == 0:
		return m.p.T(i18n.TrainHintStart)
	}
	return m.p.T(i18n.TrainHintPaused, numfmt.Count(int64(m.tr.StepCount())))
}

// pane draws run i in w×h cells: its title, the scatter, and the numbers,
// the histogram and the loss curve beside it (wide) or below it (narrow).
func (m *Model) pane(i, w, h int) []string {
	r := m.tr.Runs()[i]
	met := m.cur[i]
	title := m.paneTitle(r)
	stats := []string{
		m.p.T(i18n.TrainPaneStep, numfmt.Count(int64(met.Step)), numfmt.Loss(met.Loss)),
		m.p.T(i18n.TrainPaneAUC, numfmt.Loss(met.AUC), numfmt.Share(met.ActiveFraction)),
		m.p.T(i18n.TrainPaneMeans, numfmt.Loss(met.MeanPositive), numfmt.Loss(met.MeanNegative)),
	}
	stats = append(stats, m.figureLines(met)...)
	out := []string{m.styles.title.Render(title)}
	rest := h - 1
	wide := w >= 70
	side := w
	if wide {
		side = w - w/2 - 1
	}
	// The right (or lower) column: stats, histogram, axis, legend, loss
	// caption and curve. The texts wrap to the column, so that a figure in
	// exponent form (a run near divergence) is never cut.
	stats = wrapEach(stats, side)
	stats = append(stats, m.slowLegend(i, side)...) // wrapped before it is styled
	hs := m.hist[i]
	top := 0.0
	for _, v := range hs.loss {
		top = max(top, v)
	}
	caption := wrap(m.p.T(i18n.TrainLossCaption, numfmt.Loss(top), numfmt.Loss(met.GradNorm)), side)
	for k, l := range caption {
		caption[k] = m.styles.dim.Render(l)
	}
	fixed := len(stats) + len(caption) + 1 + m.histogramExtra(r, side)
	scatterH := rest
	if !wide {
		scatterH = max(3, (rest-fixed)/2)
	}
	free := rest - fixed
	if !wide {
		free = rest - fixed - scatterH
	}
	histH := max(2, free*3/5)
	curveH := max(1, free-histH)
	column := append([]string{}, stats...)
	column = append(column, m.histogramBlock(i, r, side, histH)...)
	column = append(column, caption...)
	column = append(column, curve(hs.steps, hs.loss, top, side, curveH, m.styles.curve)...)
	labels := make([]int, len(m.tr.EvalPoints()))
	for k, p := range m.tr.EvalPoints() {
		labels[k] = m.data.Labels[p]
	}
	scatterW := w
	if wide {
		scatterW = w / 2
	}
	sc := m.scatterOf(i, r.Embeddings(), labels, scatterW, scatterH)
	if wide {
		left := padBlock(sc, scatterW, rest)
		right := padBlock(column, side, rest)
		for k := range rest {
			out = append(out, left[k]+" "+right[k])
		}
		return padBlock(out, w, h)
	}
	out = append(out, sc...)
	out = append(out, column...)
	return padBlock(out, w, h)
}

// histogramBlock is the overlay with its axis and legend; for a triplet
// run the gaps' histogram beside it (gaps.go).
func (m *Model) histogramBlock(i int, r *train.Run, w, h int) []string {
	if !showsGaps(r.Spec) || w < 24 {
		return m.distanceBlock(i, r, w, h)
	}
	left := (w - 1) / 2
	dists := m.distanceBlock(i, r, left, h)
	gc := gapHistogram(r.AnchorGaps(), r.Spec.Margin, r.Spec.Loss.UsesMargin(), w-left-1, h)
	gaps := append(append([]string{}, gc.lines...), m.styles.dim.Render(gc.axis(w-left-1)))
	dists, gaps = padBlock(dists[:h+1], left, h+1), padBlock(gaps, w-left-1, h+1)
	out := make([]string, h+1)
	for k := range out {
		out[k] = dists[k] + " " + gaps[k]
	}
	for _, l := range m.gapLegend(w) {
		out = append(out, m.styles.dim.Render(l))
	}
	return out
}

// gapLegend is the legend under the split histograms: the distances', then
// the gaps', each wrapped to w.
func (m *Model) gapLegend(w int) []string {
	return append(wrap(m.p.T(i18n.TrainLegend), w), wrap(m.p.T(i18n.TrainLegendGap), w)...)
}

// histogramExtra is the lines histogramBlock draws besides the bars: the
// axis and the legend.
func (m *Model) histogramExtra(r *train.Run, w int) int {
	if !showsGaps(r.Spec) || w < 24 {
		return 2
	}
	return 1 + len(m.gapLegend(w))
}

// distanceBlock is the distances' overlay with its axis and legend: m
// marked only where it is a distance (contrastive's radius).
func (m *Model) distanceBlock(i int, r *train.Run, w, h int) []string {
	pos, neg := r.Distances()
	fixed := 0.0
	if m.fixAxis && i < len(m.axisTop) {
		fixed = m.axisTop[i]
	}
	hc := histogram(pos, neg, r.Spec.Margin, marksRadius(r.Spec), fixed, w, h)
	lines := append([]string{}, hc.lines...)
	// Axis: 0 at the left, the top distance at the right, m under the margin.
	axis := []rune(strings.Repeat(" ", w))
	right := []rune(numfmt.Axis(hc.top, 2))
	copy(axis[max(0, w-len(right)):], right)
	axis[0] = '0'
	if hc.mcol > 1 && hc.mcol < w-len(right)-1 {
		axis[hc.mcol] = 'm'
	}
	lines = append(lines, m.styles.dim.Render(string(axis)))
	legend := i18n.TrainLegend
	if hc.mcol >= 0 {
		legend = i18n.TrainLegendMargin
	}
	return append(lines, m.styles.dim.Render(m.p.T(legend)))
}

// padBlock makes lines exactly w cells wide and h lines long.
func padBlock(lines []string, w, h int) []string {
	out := make([]string, h)
	for k := range out {
		l := ""
		if k < len(lines) {
			l = lines[k]
		}
		if lw := lipgloss.Width(l); lw < w {
			l += strings.Repeat(" ", w-lw)
		}
		out[k] = l
	}
	return out
}

// wrapEach wraps each text to w cells, one after the other.
func wrapEach(texts []string, w int) []string {
	var out []string
	for _, t := range texts {
		out = append(out, wrap(t, w)...)
	}
	return out
}

// wrap breaks text into lines of at most w cells, between words and
// between Chinese characters (internal/textwrap).
func wrap(text string, w int) []string {
	if text == "" {
		return nil
	}
	return textwrap.Wrap(text, w)
}
