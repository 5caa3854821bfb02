package course

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/explain"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/textwrap"
	"losslab/scenarios"
	"losslab/tui/common"
	"losslab/tui/trainview"
)

// stateLines show the step's state as core/loss evaluates it; while a
// question waits only the inputs show.
func (m Model) stateLines(w int) []string {
	st, p := m.ctx.Styles, m.ctx.Printer
	if !m.lessons[m.lesson].ShowsStateAt(m.step) {
		return nil // a question about ideas: a triplet above it would be unrelated
	}
	if t := m.lessons[m.lesson].TrainingAt(m.step); t != nil {
		// The step speaks of a training run: its settings, not a playground
		// state the run never reads.
		return packItems(strings.Split(p.T(i18n.LearnTrainRun, m.trainSettings(t)), " · "), w)
	}
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
		return textwrap.Wrap(line, w)
	}
	indent := strings.Repeat(" ", lw)
	lines := packItems(strings.Split(strings.TrimPrefix(line, label), " · "), w-lw)
	for i := range lines {
		if i == 0 {
			lines[i] = label + lines[i]
		} else {
			lines[i] = indent + lines[i]
		}
	}
	return lines
}

// packItems joins " · " items into lines of width w, breaking between
// items (a line that goes on ends in " ·", which must fit too: else the
// wrapper breaks inside the item before it), and within one only when it
// is wider than a line.
func packItems(items []string, w int) []string {
	var packed []string
	cur := ""
	for i, item := range items {
		more := "" // the " ·" a line ends in when items follow
		if i < len(items)-1 {
			more = " ·"
		}
		switch {
		case cur == "":
			cur = item
		case lipgloss.Width(cur+" · "+item+more) <= w:
			cur += " · " + item
		default:
			packed = append(packed, cur+" ·")
			cur = item
		}
	}
	var lines []string
	for _, l := range append(packed, cur) {
		lines = append(lines, textwrap.Wrap(l, w)...)
	}
	return lines
}

// lossLines are the shown state's losses as core/loss evaluates them.
func (m Model) lossLines() []string {
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
	_, _, mean := explain.MeanTerms(ev)
	return []string{
		p.T(i18n.LearnStateTriplet, explain.TripletValue(ev.Triplet), st.Regime[ev.Triplet.Regime].Render(p.T(explain.RegimeID(ev.Triplet.Regime)))),
		p.T(i18n.LearnStateSquared, numfmt.Loss(squared.Value), p.T(explain.RegimeID(squared.Terms[0].Regime))),
		p.T(i18n.LearnStateContrastive, explain.PairValue(ev.Pairs[0]), explain.PairValue(ev.Pairs[1]), st.Bold.Render(mean)),
	}
}

// evaluation is what core/loss computes for the shown state.
func (m Model) evaluation() (loss.Evaluation, error) {
	return loss.Evaluate(m.shownState().Setting())
}

// numberToken is a number as the loss lines write it.
var numberToken = regexp.MustCompile(`-?\d+(?:\.\d+)?`)

// nextAnsweredBy reports whether the loss lines would answer the next
// step's question, asked about this same state: a number in them that the
// question takes as right, or the right choice written in them as a word.
// Only then are they hidden, and the line that says so is true.
func (m Model) nextAnsweredBy(losses []string) bool {
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
		return containsWord(text, q.Choices[q.Correct])
	}
	for _, n := range numberToken.FindAllString(text, -1) {
		if right, _ := q.CheckNumber(n); right {
			return true
		}
	}
	return false
}

// containsWord reports whether text holds word with no letter or hyphen
// on either side ("hard" is not in "semi-hard"): a plain scan, so that a
// View compiles nothing.
func containsWord(text, word string) bool {
	if word == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(text[from:], word)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(word):])
		if !partOfWord(before) && !partOfWord(after) {
			return true
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		from = i + size
	}
}

// partOfWord: a letter or a hyphen continues a word (utf8.RuneError stands
// for the text's start or end).
func partOfWord(r rune) bool { return r != utf8.RuneError && (unicode.IsLetter(r) || r == '-') }

// trainSettings is a training run's settings as the training mode's header
// and panes say them: data, model, learning rate, batch, seed, what is held
// out, the training labels made wrong, the step it opens at, then each
// run's objective with what it reads (its margin, or InfoNCE's τ and
// similarity).
func (m Model) trainSettings(t *scenarios.TrainSettings) string {
	p, c := m.ctx.Printer, t.Config
	id := i18n.TrainModeHeader
	if c.Normalize {
		id = i18n.TrainModeHeaderNorm
	}
	head := []string{p.T(id, string(c.Data), string(c.Model), numfmt.Input(c.LR), numfmt.Count(int64(c.Batch)), numfmt.Count(int64(c.Seed)))}
	switch {
	case c.HoldoutClasses > 0:
		head = append(head, p.T(i18n.LearnTrainHeldClasses, c.HoldoutClasses))
	case c.Holdout > 0:
		head = append(head, p.T(i18n.LearnTrainHoldout, numfmt.Input(c.Holdout)))
	default:
		head = append(head, p.T(i18n.LearnTrainHoldNone))
	}
	if c.LabelNoise > 0 {
		head = append(head, p.T(i18n.TrainLabelNoise, numfmt.Share(c.LabelNoise)))
	}
	if t.Steps > 0 {
		head = append(head, p.T(i18n.LearnTrainOpensAt, t.Steps))
	}
	var runs []string
	names := c.RunNames()
	for i, r := range c.Specs() {
		runs = append(runs, trainview.RunTitle(p, c, r, names[i])) // as the panes name them
	}
	if len(runs) == 2 {
		return strings.Join(head, " · ") + " · " + p.T(i18n.LearnTrainRuns, runs[0], runs[1])
	}
	return strings.Join(append(head, runs...), " · ")
}
