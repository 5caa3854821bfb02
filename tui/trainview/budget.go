package trainview

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// pacedFor is how many frames the note keeps saying that the budget held
// training back after it last did (a second), so that it does not flicker.
const pacedFor = int(time.Second / Frame)

// playFrame starts a frame's steps off the event loop, as many as the
// budget grants (budget.go's Take before, its charge when the job is done).
func (m Model) playFrame(steps int) (tea.Model, tea.Cmd) {
	if m.opts.Budget == nil {
		return m, m.startJob(steps, nil)
	}
	n, done := m.opts.Budget.Take(steps)
	wasPaced := m.paced > 0
	if n < steps {
		m.paced = pacedFor
	} else if m.paced > 0 {
		m.paced--
	}
	if n > 0 {
		return m, m.startJob(n, done)
	}
	done()
	if !wasPaced {
		m.render() // the note says why nothing moves; later skipped frames cost nothing
	}
	return m, m.tick()
}
