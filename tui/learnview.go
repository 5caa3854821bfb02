package tui

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/explain"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/scenarios"
	"losslab/tui/common"
)

// View lays the course out to the exact window size: a header, the step's
// state (its results hidden while a question waits), the step's text
// wrapped and scrollable, a status line and the keys that act now.
func (m LearnModel) View() string {
	if m.width == 0 || m.height == 0 {
		return ""
	}
	switch m.screen {
	case screenExploring:
		// The hosted mode gets the whole window; its header line gives way
		// to one that says how to come back.
		banner := m.ctx.Styles.Accent.Render(m.ctx.Printer.T(i18n.LearnExploring, m.position()))
		rest := m.child.View()
		if !m.keepsHeader() {
			_, rest, _ = strings.Cut(rest, "\n")
		}
		return headerLine(banner, "", m.width) + "\n" + rest
	case screenList:
		return m.listView()
	}
	return m.stepView()
}

// position is "lesson k/N · step i/n"; step 0 (the description) is 1/n.
func (m LearnModel) position() string {
	l := m.lessons[m.lesson]
	return m.ctx.Printer.T(i18n.LearnPosition, m.lesson+1, len(m.lessons), m.step+1, l.StepsShown())
}

// headerLine puts left and right on one line of width w, shortening left.
func headerLine(left, right string, w int) string {
	room := w - lipgloss.Width(right) - 1
	left = ansi.Truncate(left, max(room, 0), "…")
	return left + strings.Repeat(" ", max(1, w-lipgloss.Width(left)-lipgloss.Width(right))) + right
}

func (m LearnModel) listView() string {
	st, p, w := m.ctx.Styles, m.ctx.Printer, m.width
	done := 0
	for _, l := range m.lessons {
		if m.progress.Done(l.Name) {
			done++
		}
	}
	lines := []string{headerLine(st.Title.Render(p.T(i18n.LearnListHeader)), p.N(i18n.LearnListDone, int64(len(m.lessons)), done, len(m.lessons)), w), ""}
	lines = append(lines, common.WrapWords(p.T(i18n.LearnListIntro), w)...)
	lines = append(lines, "")
	for i, l := range m.lessons {
		sel, mark := "  ", "·"
		if i == m.cursor {
			sel = st.Selected.Render("▸ ")
		}
		if m.progress.Done(l.Name) {
			mark = "✓"
		}
		title := fmt.Sprintf("%s %s %d. %s", sel, mark, i+1, l.Title)
		if i == m.cursor {
			title = st.Selected.Render(title)
		}
		covers := strings.Join(l.Covers, ", ")
		if lipgloss.Width(title)+2+lipgloss.Width(covers) <= w {
			lines = append(lines, title+strings.Repeat(" ", w-lipgloss.Width(title)-lipgloss.Width(covers))+st.Dim.Render(covers))
			continue
		}
		// No room beside the title: the covers go under it, right-aligned
		// (wrapped if they must), never dropped.
		lines = append(lines, ansi.Truncate(title, w, "…"))
		for _, c := range common.WrapWords(covers, w-6) {
			lines = append(lines, strings.Repeat(" ", w-lipgloss.Width(c))+st.Dim.Render(c))
		}
	}
	return m.frame(lines, []key.Binding{m.keys.Up, m.keys.Down, m.keys.Open, m.keys.Playground, m.keys.Quit})
}

// frame pads body to the window, then adds the status and help lines;
// every line is padded to the window's width, so a screen is exactly w×h.
func (m LearnModel) frame(body []string, keys []key.Binding) string {
	rows := m.height - 2
	if len(body) > rows {
		body = body[:rows]
	}
	for len(body) < rows {
		body = append(body, "")
	}
	status := ""
	if m.status != "" {
		status = m.ctx.Styles.Error.Render(ansi.Truncate(m.status, m.width, "…"))
	}
	lines := append(body, status, ansi.Truncate(m.help.ShortHelpView(keys), m.width, ""))
	for i, l := range lines {
		lines[i] = l + strings.Repeat(" ", max(0, m.width-lipgloss.Width(l)))
	}
	return strings.Join(lines, "\n")
}

func (m LearnModel) stepView() string {
	st, p, w := m.ctx.Styles, m.ctx.Printer, m.width
	l := m.lessons[m.lesson]
	lines := []string{headerLine(st.Title.Render(p.T(i18n.LearnHeader, l.Title)), m.position(), w), ""}
	lines = append(lines, m.stateLines(w)...)
	lines = append(lines, "")
	rows := m.height - 2 - len(lines)
	text := m.stepText(w)
	if len(text) > rows {
		first := min(m.scroll, len(text)-rows+1)
		text = append(text[first:first+rows-1], st.Dim.Render(p.T(i18n.LearnMore)))
	}
	return m.frame(append(lines, text...), m.stepKeys(len(text) > rows))
}

// stateLines show the step's state as core/loss evaluates it; while a
// question waits only the inputs show.
func (m LearnModel) stateLines(w int) []string {
	st, p := m.ctx.Styles, m.ctx.Printer
	s := m.shownState()
	var inputs []string
	for f := grid.Field(0); f < grid.NumFields; f++ {
		v := p.T(i18n.ExplainLabelDiff)
		switch {
		case !f.IsLabel():
			v = numfmt.Input(s.Value(f).Float())
		case s.Label(f) == loss.Same:
			v = p.T(i18n.ExplainLabelSame)
		}
		inputs = append(inputs, common.FieldLabel(p, f)+" "+st.Bold.Render(v))
	}
	lines := []string{strings.Join(inputs, "   ")}
	if m.asking() {
		return append(lines, st.Dim.Render(p.T(i18n.LearnStateHidden)))
	}
	losses := m.lossLines()
	if m.nextAnsweredBy(losses) { // showing the losses now would give the next answer away
		return append(lines, st.Dim.Render(p.T(i18n.LearnStateHiddenNext)))
	}
	out := fitOrWrap(lines[0], w)
	for _, line := range losses {
		out = append(out, fitLabelled(line, w)...)
	}
	return out
}

// labelColumn is a state line's label and the spaces that align it.
var labelColumn = regexp.MustCompile(`^\S.*?\s{2,}`)

// fitLabelled keeps a state line that fits; one that does not keeps its
// label column and packs its " · " items on lines indented to it, so that
// "mean 0.0900" stays whole and the columns stay aligned.
func fitLabelled(line string, w int) []string {
	if lipgloss.Width(line) <= w {
		return []string{line}
	}
	label := labelColumn.FindString(line)
	lw := lipgloss.Width(label)
	if label == "" || lw > w/2 {
		return common.WrapWords(line, w)
	}
	indent := strings.Repeat(" ", lw)
	var out []string
	cur := ""
	for _, item := range strings.Split(strings.TrimPrefix(line, label), " · ") {
		switch {
		case cur == "":
			cur = item
		case lw+lipgloss.Width(cur+" · "+item) <= w:
			cur += " · " + item
		default:
			out = append(out, cur+" ·")
			cur = item
		}
	}
	out = append(out, cur)
	var lines []string
	for i, l := range out {
		lead := indent
		if i == 0 {
			lead = label
		}
		for j, part := range common.WrapWords(l, w-lw) {
			if j > 0 {
				lead = indent
			}
			lines = append(lines, lead+part)
		}
	}
	return lines
}

// lossLines are the shown state's losses as core/loss evaluates them.
func (m LearnModel) lossLines() []string {
	st, p := m.ctx.Styles, m.ctx.Printer
	ev, err := m.evaluation()
	if err != nil { // the grid keeps every state valid
		return []string{st.Error.Render(err.Error())}
	}
	var squared loss.Result
	for _, r := range ev.Results {
		if r.Loss.ID == loss.SquaredTripletID {
			squared = r
		}
	}
	return []string{
		p.T(i18n.LearnStateTriplet, ev.Triplet.String(), st.Regime[ev.Triplet.Regime].Render(p.T(explain.RegimeID(ev.Triplet.Regime)))),
		p.T(i18n.LearnStateSquared, numfmt.Loss(squared.Value), p.T(explain.RegimeID(squared.Terms[0].Regime))),
		p.T(i18n.LearnStateContrastive, ev.Pairs[0].String(), ev.Pairs[1].String(), st.Bold.Render(numfmt.Loss(ev.Contrastive))),
	}
}

// stepText is the step's words, wrapped to w: the description, the note,
// the question and its answer, what the step's mode offers, what comes next.
func (m LearnModel) stepText(w int) []string {
	st, p := m.ctx.Styles, m.ctx.Printer
	l, step := m.lessons[m.lesson], m.currentStep()
	// Each paragraph is styled line by line after wrapping, so that no
	// escape sequence is split across lines.
	type para struct {
		text  string
		style lipgloss.Style
	}
	var paras []para
	add := func(text string, style lipgloss.Style) { paras = append(paras, para{text, style}) }
	switch {
	case step == nil:
		add(l.Description, st.Base)
	case step.Question != nil:
		q := step.Question
		add(q.Text, st.Bold)
		if m.asking() {
			paras = append(paras, para{m.answerArea(q), st.Base})
			add(m.answerHint(q), st.Dim)
			break
		}
		style := st.Error
		if m.answer == skipped {
			style = st.Base
		} else if m.right {
			style = st.Regime[loss.Easy]
		}
		add(m.verdict, style)
		add(q.Explain, st.Base)
		if step.Note != "" {
			add(step.Note, st.Base)
		}
	default:
		if step.Note != "" {
			add("✎ "+step.Note, st.Base)
		}
	}
	if step != nil {
		switch step.Mode.Kind {
		case scenarios.ModePlayground:
			add(p.T(i18n.LearnExplorePlayground), st.Accent)
		case scenarios.ModeBatch:
			add(p.T(i18n.LearnExploreBatch, step.Mode.Demo), st.Accent)
		case scenarios.ModeTrain:
			add(p.T(i18n.LearnExploreTrain), st.Accent)
		}
	}
	if m.atEnd() && !m.asking() {
		end := p.T(i18n.LearnEndLast)
		if m.hasNextLesson() {
			end = p.T(i18n.LearnEndNext, m.lessons[m.lesson+1].Title)
		}
		add(end, st.Accent)
	}
	var out []string
	for i, pa := range paras {
		if i > 0 {
			out = append(out, "")
		}
		for _, line := range strings.Split(pa.text, "\n") { // a choice list keeps its lines
			for _, l := range fitOrWrap(line, w) {
				out = append(out, pa.style.Render(l))
			}
		}
	}
	return out
}

// fitOrWrap keeps a line that fits as it is (its columns aligned with
// spaces) and wraps one that does not with the shared rules
// (internal/textwrap: operators stay with their operands, CJK breaks).
func fitOrWrap(line string, w int) []string {
	if lipgloss.Width(line) <= w {
		return []string{line}
	}
	return common.WrapWords(line, w)
}

func (m LearnModel) answerArea(q *scenarios.Question) string {
	if len(q.Choices) == 0 {
		return m.input.View()
	}
	var lines []string
	for i, c := range q.Choices {
		sel := "  "
		if i == m.choice {
			sel = "▸ "
		}
		line := fmt.Sprintf("%s%d. %s", sel, i+1, c)
		if i == m.choice {
			line = m.ctx.Styles.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func (m LearnModel) answerHint(q *scenarios.Question) string {
	if len(q.Choices) > 0 {
		return m.ctx.Printer.T(i18n.LearnHintChoice)
	}
	return m.ctx.Printer.T(i18n.LearnHintNumber)
}

// hasNextLesson says whether enter at the end of this lesson opens another
// one (else it goes to the list): the end note and the key line both ask it.
func (m LearnModel) hasNextLesson() bool { return m.lesson+1 < len(m.lessons) }

// stepKeys are the keys that act on the step on screen.
func (m LearnModel) stepKeys(scrolls bool) []key.Binding {
	k := m.keys
	if m.asking() {
		if len(m.currentStep().Question.Choices) > 0 {
			return []key.Binding{k.Pick, k.Answer, k.Skip, k.Back, k.Quit}
		}
		return []key.Binding{k.Answer, k.Skip, k.Back, k.Interrupt}
	}
	var keys []key.Binding
	switch {
	case m.atEnd() && m.hasNextLesson():
		keys = append(keys, k.NextLesson)
	case m.atEnd(): // after the last lesson enter goes to the list
		keys = append(keys, k.ToList)
	default:
		keys = append(keys, k.Next)
	}
	if m.step > 0 {
		keys = append(keys, k.Prev)
	}
	if st := m.currentStep(); st != nil && st.Mode.Kind != scenarios.ModeNone {
		keys = append(keys, k.Explore)
	}
	if scrolls {
		keys = append(keys, k.Scroll)
	}
	return append(keys, k.Back, k.Quit)
}

// maxScroll is the first text line that still fills the text area.
func (m LearnModel) maxScroll() int {
	rows := m.height - 2 - 3 - len(m.stateLines(m.width))
	return max(len(m.stepText(m.width))-rows+1, 0)
}

// numberToken is a number as the loss lines write it.
var numberToken = regexp.MustCompile(`-?\d+(?:\.\d+)?`)

// nextAnsweredBy reports whether the loss lines would answer the next
// step's question, asked about this same state: a number in them that the
// question takes as right, or the right choice written in them as a word.
// Only then are they hidden, and the line that says so is true.
func (m LearnModel) nextAnsweredBy(losses []string) bool {
	l := m.lessons[m.lesson]
	if m.step >= len(l.Steps) {
		return false
	}
	next := l.Steps[m.step]
	q := next.Question
	if q == nil || next.State != m.shownState() || l.TrainingAt(m.step+1) != nil { // a question about a training run asks nothing of this state
		return false
	}
	text := ansi.Strip(strings.Join(losses, "\n"))
	if len(q.Choices) > 0 {
		word := regexp.MustCompile(`(?:^|[^\p{L}-])` + regexp.QuoteMeta(q.Choices[q.Correct]) + `(?:$|[^\p{L}-])`)
		return word.MatchString(text)
	}
	for _, n := range numberToken.FindAllString(text, -1) {
		if right, _ := q.CheckNumber(n); right {
			return true
		}
	}
	return false
}
