package trainview

import "time"

// Budget paces training where sessions share a machine (losslab serve):
// Take says how many of steps may run now (none: skip this frame), and done
// is called once they have run and the screen shows them, to charge the
// time they took.
type Budget interface {
	Take(steps int) (granted int, done func())
}

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
