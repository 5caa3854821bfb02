package playground

import (
	"errors"
	"losslab/internal/atomicfile"

	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/grid"
	"losslab/scenarios"
)

// recorder keeps the session for 'w' in a scenarios.Session: the first
// state and the scenario in use then, every later state as a step, preset
// switches as such, within the loader's limits.
type recorder struct {
	session *scenarios.Session // nil until the first state; only ever appended to
}

// begin starts the session at s, opened on scenario origin (nil for none).
func (r *recorder) begin(s grid.State, origin *scenarios.Scenario) {
	r.session = scenarios.NewSessionFrom(s, origin)
}

func (r *recorder) started() bool { return r.session != nil }

// sessionWrittenMsg reports the outcome of writing a session.
type sessionWrittenMsg struct {
	by    uint64 // the playground that asked (a lesson may host another)
	name  string // the session's name, which the file is named after
	path  string
	steps int
	err   error
}

// writeSession writes s into dir as a new file, never overwriting one: the
// file write happens in the command, outside Update.
func writeSession(by uint64, dir string, s *scenarios.Scenario) tea.Cmd {
	return func() tea.Msg {
		path, err := scenarios.SaveNew(dir, s)
		return sessionWrittenMsg{by: by, name: s.Name, path: path, steps: len(s.Steps), err: err}
	}
}

// tooManySessions tells SaveNew's "every name is taken" from other errors.
func tooManySessions(err error) bool { return errors.Is(err, atomicfile.ErrExists) }
