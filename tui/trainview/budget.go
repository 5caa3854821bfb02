package trainview

import "time"

// pacedFor is how many frames the note keeps saying that the budget held
// training back after it last did (a second), so that it does not flicker.
const pacedFor = int(time.Second / Frame)

// advanceWithin advances a frame's steps, as many as the budget grants.
func (m *Model) advanceWithin(steps int) {
	if m.opts.Budget == nil {
		m.advance(steps)
		return
	}
	n, done := m.opts.Budget.Take(steps)
	wasPaced := m.paced > 0
	if n < steps {
		m.paced = pacedFor
	} else if m.paced > 0 {
		m.paced--
	}
	if n > 0 {
		m.advance(n)
	} else if !wasPaced {
		m.render() // the note says why nothing moves; later skipped frames cost nothing
	}
	done()
}
