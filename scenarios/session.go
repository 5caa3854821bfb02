package scenarios

import (
	"errors"
	"strings"
	"time"

	"losslab/core/grid"
	"losslab/i18n"
	"losslab/internal/termsafe"
)

// ErrSessionFull is returned by Session.Record once another step would take
// the recording past what the loader accepts (MaxSteps steps, MaxFileBytes
// bytes). Nothing more is recorded; what was recorded can still be written.
var ErrSessionFull = errors.New("session full")

// Session records a playground session as a scenario: its first state, then
// every change as a step. It is pure (no clock, no files): the caller passes
// the time when it turns the session into a Scenario, and writes that.
type Session struct {
	preset string // scenario in use at the start; "" for none
	file   string // the file preset was read from; "" for a built-in one
	start  grid.State
	cur    grid.State
	steps  []sessionStep
	bytes  int // an upper bound on the encoded file's size
	full   bool
}

// sessionStep is a recorded step; a preset switch keeps the preset's name
// and gets its note, in the caller's language, when the file is made.
type sessionStep struct {
	Step
	switchedTo string
}

// Size budgets for the encoded file: the header (name, title, description)
// and a preset switch's note, beyond the names they quote, are short.
const (
	headerBudget = 1024
	switchBudget = 256
)

// NewSession starts a recording at start; preset names the scenario in use
// ("" for none), which the recording's title names.
func NewSession(start grid.State, preset string) *Session {
	return &Session{preset: preset, start: start, cur: start, bytes: headerBudget + 2*len(preset)}
}

// NewSessionFrom starts a recording at start opened on sc (nil for none), a
// preset or a scenario file, which the recording's title names either way.
func NewSessionFrom(start grid.State, sc *Scenario) *Session {
	switch {
	case sc == nil || sc.Source == SourceLesson || sc.Source == "":
		return NewSession(start, "")
	case sc.Source == SourcePreset:
		return NewSession(start, sc.Name)
	}
	s := NewSession(start, sc.Name)
	s.file = sc.Source
	s.bytes += 2 * len(sc.Source)
	return s
}

// Record adds the change to s with its note (sanitised, as a loaded note
// is). A state equal to the current one records nothing. At the loader's
// limits it returns ErrSessionFull and records nothing from then on.
func (s *Session) Record(st grid.State, note string) error {
	if s.full {
		return ErrSessionFull
	}
	set := grid.Diff(s.cur, st)
	points := st.Points != s.cur.Points
	if len(set) == 0 && !points {
		return nil
	}
	note = termsafe.Multiline(note)
	return s.add(sessionStep{Step: Step{State: st, Set: set, Points: points, Note: note}}, stepBytes(set, points, note))
}

// RecordPresetSwitch records that the playground loaded preset, whose
// start is start. The step sets every field, so it replays the switch even
// when no value changes.
func (s *Session) RecordPresetSwitch(preset string, start grid.State) error {
	if s.full {
		return ErrSessionFull
	}
	var all []grid.Field
	for f := range grid.NumFields {
		all = append(all, f)
	}
	points := start.Points != s.cur.Points || start.Points.On // points mode's distances come from its points
	return s.add(sessionStep{Step: Step{State: start, Set: all, Points: points}, switchedTo: preset}, stepBytes(all, points, "")+switchBudget+2*len(preset))
}

func (s *Session) add(st sessionStep, size int) error {
	if len(s.steps) >= MaxSteps || s.bytes+size > MaxFileBytes {
		s.full = true
		return ErrSessionFull
	}
	s.steps, s.bytes, s.cur = append(s.steps, st), s.bytes+size, st.State
	return nil
}

// stepBytes bounds the encoded size of a step: its header, each field
// ("margin = 0.05", "y_an = \"different\""), points mode's seven keys
// ("nx = -4.123456789012") and the note quoted as TOML quotes it (a
// sanitised note's only control character is the line feed).
func stepBytes(set []grid.Field, points bool, note string) int {
	n := len("\n[[step]]\n") + 24*len(set)
	if points {
		n += 7 * 24
	}
	if note != "" {
		n += len("note = \"\"\n") + len(note) + strings.Count(note, "\"") + strings.Count(note, "\\") + strings.Count(note, "\n")
	}
	return n
}

// Len is the number of states recorded, the start included.
func (s *Session) Len() int { return len(s.steps) + 1 }

// Full reports whether the session has reached the loader's limits.
func (s *Session) Full() bool { return s.full }

// Current is the last state recorded.
func (s *Session) Current() grid.State { return s.cur }

// Scenario is the recording as a scenario named after at, with its title,
// description and preset-switch notes in p's language.
func (s *Session) Scenario(p i18n.Printer, at time.Time) *Scenario {
	title := p.T(i18n.ScenSessionName)
	switch {
	case s.file != "":
		title = p.T(i18n.ScenSessionNameFromFile, termsafe.String(s.preset), termsafe.String(s.file))
	case s.preset != "":
		title = p.T(i18n.ScenSessionNameFrom, termsafe.String(s.preset))
	}
	out := &Scenario{
		Name:        "session-" + at.Format("20060102-150405"),
		Title:       title,
		Description: p.T(i18n.ScenSessionDesc, at.Format("2006-01-02 15:04")),
		Start:       s.start,
		Source:      "session",
	}
	for _, st := range s.steps {
		step := st.Step
		if st.switchedTo != "" {
			step.Note = p.T(i18n.ScenSessionSwitch, termsafe.String(st.switchedTo))
		}
		out.Steps = append(out.Steps, step)
	}
	return out
}
