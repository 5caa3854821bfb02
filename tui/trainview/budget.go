package trainview

// Budget paces training where sessions share a machine (losslab serve):
// Take says how many of steps may run now (none: skip this frame), and done
// is called once they have run and the screen shows them, to charge the
// time they took.
type Budget interface {
	Take(steps int) (granted int, done func())
}

// advanceWithin advances a frame's steps, as many as the budget grants.
func (m *Model) advanceWithin(steps int) {
	if m.opts.Budget == nil {
		m.advance(steps)
		return
	}
	n, done := m.opts.Budget.Take(steps)
	if n > 0 {
		m.advance(n)
	}
	done()
}
