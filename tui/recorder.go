package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/grid"
	"losslab/i18n"
	"losslab/scenarios"
)

// recorder keeps the session for 'w': the first state, the scenario in use
// then, and every later state as a step with its note. It stops at the
// loader's step limit, so that every file it writes can be replayed.
type recorder struct {
	started   bool
	origin    string // the scenario in use when the session started; "" for the article's example
	sessionAt grid.State
	recording []scenarios.Step
	full      bool // the step limit was reached
}

// begin starts the session at s, opened on scenario origin.
func (r *recorder) begin(s grid.State, origin string) {
	r.started, r.origin, r.sessionAt = true, origin, s
}

// add records the change from prev to s; it reports false once the session
// holds as many steps as a scenario file may.
func (r *recorder) add(prev, s grid.State, note string) bool {
	if len(r.recording) >= scenarios.MaxSteps {
		r.full = true
		return false
	}
	r.recording = append(r.recording, scenarios.Step{State: s, Set: grid.Diff(prev, s), Note: note})
	return true
}

// asScenario is the session as a scenario named after the time now.
func (r *recorder) asScenario(now time.Time, p i18n.Printer) *scenarios.Scenario {
	title := p.T(i18n.RecordedTitle)
	if r.origin != "" {
		title = p.T(i18n.RecordedTitleFrom, r.origin)
	}
	return &scenarios.Scenario{
		Name:        "session-" + now.Format("20060102-150405"),
		Title:       title,
		Description: p.T(i18n.RecordedDescription, now.Format("2006-01-02 15:04")),
		Start:       r.sessionAt,
		Steps:       append([]scenarios.Step(nil), r.recording...),
	}
}

// sessionWrittenMsg reports the outcome of writing a session.
type sessionWrittenMsg struct {
	path  string
	steps int
	err   error
}

// errTooManySessions: a hundred sessions were recorded in one second.
type errTooManySessions struct{ name string }

func (e errTooManySessions) Error() string { return "too many files named " + e.name }

// writeSession writes s into dir as a new file, never overwriting one: the
// file write happens in the command, outside Update.
func writeSession(dir string, s *scenarios.Scenario) tea.Cmd {
	data := scenarios.Encode(s)
	return func() tea.Msg {
		for i := 0; i < 100; i++ {
			file := s.Name + ".toml"
			if i > 0 {
				file = fmt.Sprintf("%s-%d.toml", s.Name, i+1)
			}
			path := filepath.Join(dir, file)
			err := scenarios.WriteNew(path, data)
			if err == nil || !errors.Is(err, scenarios.ErrExists) {
				return sessionWrittenMsg{path: path, steps: len(s.Steps), err: err}
			}
		}
		return sessionWrittenMsg{err: errTooManySessions{s.Name}}
	}
}
