package course

import (
	"fmt"
	"losslab/internal/textwrap"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/i18n"
)

// reopenOption is a place a finished lesson can reopen at.
type reopenOption struct {
	text   string
	step   int
	review bool // at the questions missed
}

// reopenOptions are where the finished lesson under the cursor can reopen:
// its start, the step the learner left it at, and its missed questions.
func (m Model) reopenOptions() []reopenOption {
	p, l := m.ctx.Printer, m.lessons[m.cursor]
	opts := []reopenOption{{text: p.T(i18n.LearnReopenStart)}}
	if l.Name == m.progress.Lesson && m.progress.Step > 0 {
		s := min(m.progress.Step, l.Len()-1)
		opts = append(opts, reopenOption{text: p.T(i18n.LearnReopenResume, s+1, l.StepsShown()), step: s})
	}
	if n := len(m.progress.Missed(l.Name, l.Questions())); n > 0 {
		opts = append(opts, reopenOption{text: p.T(i18n.LearnReopenMissed, n), review: true})
	}
	return opts
}

func (m Model) updateReopen(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, opts := m.keys, m.reopenOptions()
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Back):
		m.screen = screenList
	case key.Matches(msg, k.Up):
		m.reopenChoice = (m.reopenChoice + len(opts) - 1) % len(opts)
	case key.Matches(msg, k.Down):
		m.reopenChoice = (m.reopenChoice + 1) % len(opts)
	case msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && msg.Runes[0] >= '1' && int(msg.Runes[0]-'0') <= len(opts):
		m.reopenChoice = int(msg.Runes[0] - '1')
	case key.Matches(msg, k.Open):
		o := opts[m.reopenChoice]
		m.openLesson(m.cursor, o.step)
		if o.review {
			m.startReview()
		}
	}
	return m, nil
}

func (m Model) reopenView() string {
	st, p, w := m.ctx.Styles, m.ctx.Printer, m.width
	l := m.lessons[m.cursor]
	lines := []string{headerLine(st.Title.Render(p.T(i18n.LearnListHeader)), "", w), ""}
	lines = append(lines, textwrap.Wrap(p.T(i18n.LearnReopenTitle, l.Title), w)...)
	lines = append(lines, "")
	for i, o := range m.reopenOptions() {
		sel := "  "
		if i == m.reopenChoice {
			sel = "▸ "
		}
		for j, line := range textwrap.Wrap(fmt.Sprintf("%d. %s", i+1, o.text), w-2) {
			lead := sel // the selection mark, then the indent under it
			if j > 0 {
				lead = "  "
			}
			line = lead + line
			if i == m.reopenChoice {
				line = st.Selected.Render(line)
			}
			lines = append(lines, line)
		}
	}
	lines = append(lines, "")
	for _, line := range textwrap.Wrap(p.T(i18n.LearnReopenHint), w) {
		lines = append(lines, st.Dim.Render(line))
	}
	return m.frame(lines)
}

func (m Model) reopenKeys() []key.Binding {
	return []key.Binding{m.keys.Pick, m.keys.Open, m.keys.Back, m.keys.Quit}
}
