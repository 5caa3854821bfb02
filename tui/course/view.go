package course

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/textwrap"
	"losslab/scenarios"
)

// View lays the course out to the exact window size: a header, the step's
// state (its results hidden while a question waits), the step's text
// wrapped and scrollable, a status line and the keys that act now.
func (m Model) View() string {
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
	case screenReopen:
		return m.reopenView()
	}
	return m.stepView()
}

// position is "lesson k/N · step i/n"; step 0 (the description) is 1/n.
// While the learner retries missed questions, "retrying j/r" follows.
func (m Model) position() string {
	l, p := m.lessons[m.lesson], m.ctx.Printer
	pos := p.T(i18n.LearnPosition, m.lesson+1, len(m.lessons), m.step+1, l.StepsShown())
	if k, n := m.reviewPosition(); n > 0 {
		pos += " · " + p.T(i18n.LearnReviewing, k, n)
	}
	return pos
}

// headerLine puts left and right on one line of width w, shortening left.
func headerLine(left, right string, w int) string {
	room := w - lipgloss.Width(right) - 1
	left = ansi.Truncate(left, max(room, 0), "…")
	return left + strings.Repeat(" ", max(1, w-lipgloss.Width(left)-lipgloss.Width(right))) + right
}

func (m Model) listView() string {
	st, p, w := m.ctx.Styles, m.ctx.Printer, m.width
	done := 0 // the lessons marked ✓
	for _, l := range m.lessons {
		if m.progress.Mastered(l.Name, l.Questions()) {
			done++
		}
	}
	lines := []string{headerLine(st.Title.Render(p.T(i18n.LearnListHeader)), p.N(i18n.LearnListDone, int64(len(m.lessons)), done, len(m.lessons)), w), ""}
	lines = append(lines, textwrap.Wrap(p.T(i18n.LearnListIntro), w)...)
	lines = append(lines, "")
	var entries []string // the lessons' lines
	sel := [2]int{}      // the selected lesson's lines in entries: first, one past the last
	for i, l := range m.lessons {
		if i == m.cursor {
			sel[0] = len(entries)
		}
		entries = append(entries, m.listEntry(i, l, w)...)
		if i == m.cursor {
			sel[1] = len(entries)
		}
	}
	return m.frame(append(lines, scrollTo(entries, sel, m.height-1-len(lines), st.Dim.Render(p.T(i18n.LearnMore)))...))
}

// scrollTo fits lines into rows, keeping lines[sel[0]:sel[1]] in view; the
// last row says "more" when lines follow below.
func scrollTo(lines []string, sel [2]int, rows int, more string) []string {
	if len(lines) <= rows || rows < 2 {
		return lines
	}
	start := max(sel[1]-(rows-1), 0)
	if start+rows >= len(lines) { // the end in view: no row for "more"
		return lines[len(lines)-rows:]
	}
	return append(slices.Clone(lines[start:start+rows-1]), more)
}

// listEntry is lesson i's line on the list, with its mark, its score and
// what it covers (under the title when they do not fit beside it).
func (m Model) listEntry(i int, l *scenarios.Scenario, w int) []string {
	st, p := m.ctx.Styles, m.ctx.Printer
	sel, mark := "  ", "·"
	if i == m.cursor {
		sel = st.Selected.Render("▸ ")
	}
	if m.progress.Mastered(l.Name, l.Questions()) {
		mark = "✓"
	}
	// The numbers right-aligned, so that every title starts in one column.
	digits := len(strconv.Itoa(len(m.lessons)))
	title := fmt.Sprintf("%s %s %*d. %s", sel, mark, digits, i+1, l.Title)
	if i == m.cursor {
		title = st.Selected.Render(title)
	}
	covers := strings.Join(l.Covers, p.T(i18n.DataListSep))
	if m.progress.Scored(l.Name, l.Questions()) { // the score, before what the lesson covers
		covers = p.T(i18n.LearnListScore, m.progress.Correct(l.Name, l.Questions()), l.Questions()) + "  " + covers
	}
	if lipgloss.Width(title)+2+lipgloss.Width(covers) <= w {
		return []string{textwrap.PadRight(title, w-lipgloss.Width(covers)) + st.Dim.Render(covers)}
	}
	// No room beside the title: the covers go under it, right-aligned
	// (wrapped if they must), never dropped.
	lines := []string{ansi.Truncate(title, w, "…")}
	for _, c := range textwrap.Wrap(covers, w-6) {
		lines = append(lines, strings.Repeat(" ", w-lipgloss.Width(c))+st.Dim.Render(c))
	}
	return lines
}

// frame pads body to the window, then adds the status line (the shell's
// key bar lists the keys below it); every line is padded to the window's
// width, so a screen is exactly w×h.
func (m Model) frame(body []string) string {
	rows := m.height - 1
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
	lines := append(body, status)
	for i, l := range lines {
		lines[i] = textwrap.PadRight(l, m.width)
	}
	return strings.Join(lines, "\n")
}

func (m Model) stepView() string {
	st, p, w := m.ctx.Styles, m.ctx.Printer, m.width
	l := m.lessons[m.lesson]
	lines := []string{headerLine(st.Title.Render(p.T(i18n.LearnHeader, l.Title)), m.position(), w), ""}
	if state := m.stateLines(w); len(state) > 0 {
		lines = append(append(lines, state...), "")
	}
	rows := m.stepRows()
	text := m.stepText(w)
	if len(text) > rows {
		first := min(m.scroll, len(text)-rows+1)
		text = append(text[first:first+rows-1], st.Dim.Render(p.T(i18n.LearnMore)))
	}
	return m.frame(append(lines, text...))
}

// stepRows is how many lines of the step's text fit: the window less the
// header and a blank line, the state (if any) and a blank line, and the
// status line.
func (m Model) stepRows() int {
	if state := len(m.stateLines(m.width)); state > 0 {
		return m.height - 2 - 2 - state
	}
	return m.height - 2 - 1
}

// maxScroll is the first text line that still fills the text area.
func (m Model) maxScroll() int { return max(len(m.stepText(m.width))-m.stepRows()+1, 0) }

// stepText is the step's words, wrapped to w: the description, the note,
// the question and its answer, what the step's mode offers, what comes next.
func (m Model) stepText(w int) []string {
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
			if m.tries > 0 { // the first answer was wrong: say why if the lesson knows, and offer one more try
				retry := p.T(verdictID(q, i18n.LearnRetry, i18n.LearnRetryChoice), m.said)
				if m.diagnosis != "" {
					retry = p.Sentences(retry, m.diagnosis)
				}
				add(retry, st.Error)
				add(p.T(verdictID(q, i18n.LearnRetryHint, i18n.LearnRetryHintChoice)), st.Dim)
				break
			}
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
		if m.diagnosis != "" {
			add(m.diagnosis, st.Error)
		}
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
		if n := l.Questions(); n > 0 { // the score and the way to retry, with the way on
			score := p.T(i18n.LearnLessonScore, m.progress.Correct(l.Name, n), n)
			if len(m.missedSteps()) > 0 {
				score = p.Sentences(score, p.T(i18n.LearnLessonMissed))
			}
			end = p.Sentences(score, end)
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
	return textwrap.Wrap(line, w)
}

func (m Model) answerArea(q *scenarios.Question) string {
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

func (m Model) answerHint(q *scenarios.Question) string {
	switch {
	case !q.Retries(): // the first answer is final: say so before it is given
		return m.ctx.Printer.T(i18n.LearnHintTwoChoices)
	case len(q.Choices) > 0:
		return m.ctx.Printer.T(i18n.LearnHintChoice)
	}
	return m.ctx.Printer.T(i18n.LearnHintNumber)
}
