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
	layouts := m.layoutPanes(paneW, bodyH)
	var panes []string
	for i := range runs {
		if i > 0 {
			panes = append(panes, strings.Repeat("│\n", bodyH-1)+"│")
		}
		panes = append(panes, strings.Join(m.pane(i, paneW, bodyH, layouts[i]), "\n"))
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
		state += " · " + rateText(m.p, m.rate.perSecond)
	}
	return state
}

// rateText says how fast training runs: steps a second, or below one a
// second the seconds a step takes (0.4 steps a second is not "0 steps/s").
func rateText(p i18n.Printer, perSecond float64) string {
	if perSecond < 1 {
		return p.T(i18n.TrainModeStepSeconds, numfmt.Fixed(1/perSecond, 1))
	}
	rate := int64(perSecond + 0.5)
	return p.N(i18n.TrainModeRate, rate, numfmt.Count(rate))
}

// noteText is the sentences under the panes: what the state calls for
// (stateNote), then what the figures mean (figureNotes).
func (m *Model) noteText() string {
	if m.prompt.open || m.target > 0 || m.err != nil || m.refused != nil {
		return m.stateNote()
	}
	// The figures' notes, in order, while they fit in a sixth of the
	// window (at least 3 lines): the panes keep their room. A note that
	// does not fit gives its short form, whatever the room: it is never
	// lost (the panes give way).
	parts, most := []string{m.stateNote()}, max(3, m.height/6)
	for _, n := range m.figureNotes() {
		switch {
		case len(wrap(m.p.Sentences(append(parts, n.full)...), m.width)) <= most:
			parts = append(parts, n.full)
		case n.short != "":
			parts = append(parts, n.short)
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
	for _, err := range []error{m.err, m.refused} {
		if err != nil {
			return m.p.T(i18n.TrainErrorLine, err.Error())
		}
	}
	var notes []string
	for i, r := range m.tr.Runs() {
		switch {
		case i >= len(m.cur) || !m.cur[i].Collapsed:
		case m.slow: // slow mode's lines keep their room: the collapse is named, its why waits for w
			notes = append(notes, m.p.T(i18n.TrainCollapseInSlow, runName(m.p, r), numfmt.Count(int64(m.collapsedAt[i]))))
		default:
			notes = append(notes, collapseNote(m.p, noteState{run: runName(m.p, r), spec: r.Spec, model: m.cfg.Model, m: m.cur[i], started: r.StartMeanDistance(), at: m.collapsedAt[i]}))
		}
	}
	if m.slow {
		return m.p.Sentences(append([]string{m.slowHint()}, notes...)...)
	}
	if len(notes) > 0 {
		notes = append(notes, m.p.T(i18n.TrainScaleAUCNote))
		switch {
		case m.stoppedAtCollapse:
			notes = append(notes, m.p.T(i18n.TrainCollapsePaused))
		case !m.playing:
			notes = append(notes, m.p.T(i18n.TrainHintPaused, numfmt.Count(int64(m.tr.StepCount()))))
		}
		return m.p.Sentences(notes...)
	}
	switch {
	case m.playing && m.paced > 0:
		return m.p.T(i18n.ServeTrainingPaced)
	case m.playing:
		return m.p.T(i18n.TrainHintPlaying)
	case m.tr.StepCount() == 0:
		return m.p.T(i18n.TrainHintStart)
	}
	return m.p.T(i18n.TrainHintPaused, numfmt.Count(int64(m.tr.StepCount())))
}

// paneLayout is how a pane fills its cells: the column (columnLayout) and
// the loss caption, and whether the column stands beside the scatter
// (wide) or under it, side cells wide.
type paneLayout struct {
	column
	caption []string
	wide    bool
	side    int
	top     float64 // the loss curve's top
}

// layoutPanes lays out the panes so that their rows line up: each takes
// as many figure and tail lines as the longest and draws no more than the
// one with least room. A pane laid out again may take more lines (its
// figures say what has no room), so the floor is raised until none does.
func (m *Model) layoutPanes(w, h int) []paneLayout {
	layouts := make([]paneLayout, len(m.tr.Runs()))
	for i := range layouts {
		layouts[i] = m.layoutPane(i, w, h, paneFloor{})
	}
	for range 3 { // a second round settles it; a third is a margin
		var floor paneFloor
		for _, l := range layouts {
			floor = paneFloor{max(floor.stats, len(l.stats)), max(floor.tail, l.tail), max(floor.room, l.room)}
		}
		settled := true
		for i, l := range layouts {
			if len(l.stats) < floor.stats || l.tail < floor.tail || l.room < floor.room {
				layouts[i], settled = m.layoutPane(i, w, h, floor), false
			}
		}
		if settled {
			break
		}
	}
	return layouts
}

// layoutPane lays out run i's pane in w×h cells, its column at least as
// long as floor says (columnLayout).
func (m *Model) layoutPane(i, w, h int, floor paneFloor) paneLayout {
	l := paneLayout{wide: w >= 70, side: w}
	if l.wide {
		l.side = w - w/2 - 1
	}
	for _, v := range m.hist[i].loss {
		l.top = max(l.top, v)
	}
	l.caption = wrap(m.p.T(i18n.TrainLossCaption, numfmt.Loss(l.top), numfmt.Loss(m.cur[i].GradNorm)), l.side)
	for k, line := range l.caption {
		l.caption[k] = m.styles.dim.Render(line)
	}
	l.column = m.columnLayout(i, m.tr.Runs()[i], m.cur[i], l.side, h-1, l.wide, len(l.caption), floor)
	return l
}

// pane draws run i in w×h cells as l lays it out: its title, the scatter,
// and the numbers, the histogram and the loss curve beside it (wide) or
// below it (narrow).
func (m *Model) pane(i, w, h int, l paneLayout) []string {
	r := m.tr.Runs()[i]
	out := []string{m.styles.title.Render(m.paneTitle(r))}
	rest := h - 1
	hs := m.hist[i]
	// The right (or lower) column: stats, histograms (the held-out points'
	// under the axis where they fit, histblock.go), legend, loss caption
	// and curve.
	column := append([]string{}, l.stats...)
	if l.rows.room != roomNone {
		column = append(column, m.histogramBlock(i, r, l.side, l.rows)...)
	}
	column = append(column, make([]string, l.pad)...) // the other pane's longer legends
	column = append(column, l.caption...)
	if l.rows.room != roomNone {
		column = append(column, curve(hs.steps, hs.loss, l.top, l.side, l.rows.curve, m.styles.curve)...)
	}
	labels := make([]int, len(m.tr.EvalPoints()))
	for k, p := range m.tr.EvalPoints() {
		labels[k] = m.data.Labels[p]
	}
	scatterW := w
	if l.wide {
		scatterW = w / 2
	}
	sc := m.scatterOf(i, r.Embeddings(), labels, scatterW, l.scatterH)
	if l.wide {
		left := padBlock(sc, scatterW, rest)
		right := padBlock(column, l.side, rest)
		for k := range rest {
			out = append(out, left[k]+" "+right[k])
		}
		return padBlock(out, w, h)
	}
	out = append(out, sc...)
	out = append(out, column...)
	return padBlock(out, w, h)
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
