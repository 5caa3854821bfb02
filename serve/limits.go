package serve

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// limited wraps the app with the session's limits: it quits the program
// Idle after the last key and MaxTime after the start, and when the server
// shuts down.
type limited struct {
	app     tea.Model
	idle    time.Duration
	maxTime time.Duration
	now     func() time.Time
	lastKey time.Time
	gen     int // identifies the live idle timer
	ended   endReason
}

type endReason int

const (
	endNone endReason = iota
	endIdle
	endMaxTime
	endShutdown
)

type (
	idleMsg     struct{ gen int }
	maxTimeMsg  struct{}
	shutdownMsg struct{}
)

func newLimited(app tea.Model, idle, maxTime time.Duration, now func() time.Time) limited {
	return limited{app: app, idle: idle, maxTime: maxTime, now: now, lastKey: now()}
}

func (l limited) Init() tea.Cmd {
	cmds := []tea.Cmd{l.app.Init(), l.idleTimer()}
	if l.maxTime > 0 {
		cmds = append(cmds, tea.Tick(l.maxTime, func(time.Time) tea.Msg { return maxTimeMsg{} }))
	}
	return tea.Batch(cmds...)
}

// idleTimer fires when the idle time after the last key has passed.
func (l limited) idleTimer() tea.Cmd {
	if l.idle <= 0 {
		return nil
	}
	gen := l.gen
	return tea.Tick(l.idle-l.now().Sub(l.lastKey), func(time.Time) tea.Msg { return idleMsg{gen} })
}

func (l limited) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case idleMsg:
		if msg.gen != l.gen {
			return l, nil
		}
		if l.now().Sub(l.lastKey) >= l.idle {
			l.ended = endIdle
			return l, tea.Quit
		}
		return l, l.idleTimer()
	case maxTimeMsg:
		l.ended = endMaxTime
		return l, tea.Quit
	case shutdownMsg:
		l.ended = endShutdown
		return l, tea.Quit
	case tea.KeyMsg:
		l.lastKey = l.now()
		l.gen++
		next, cmd := l.app.Update(msg)
		l.app = next
		return l, tea.Batch(cmd, l.idleTimer())
	}
	next, cmd := l.app.Update(msg)
	l.app = next
	return l, cmd
}

func (l limited) View() string { return l.app.View() }
