package trainview

// Advance trains n steps before the learner takes over (a lesson's
// train_steps), measuring along the way so that the loss curve shows them;
// it plays nothing and stops at a collapse as playing would not (the step
// count is what the lesson asked for).
func (m Model) Advance(n int) Model {
	every := max(1, n/warmupPoints)
	for done := 0; done < n && m.err == nil; {
		k := min(every, n-done)
		m.advance(k)
		done += k
	}
	return m
}

// warmupPoints bounds the measurements of a warm-up: each looks at every
// pair of the evaluation points, and a hundred draw the curve well enough.
const warmupPoints = 100
