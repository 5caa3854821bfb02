package serve

import (
	"runtime"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"losslab/internal/budget"
)

// The bounds every client meets, whatever it sends. The README's limits
// section states each of them; a test holds it to these values.
const (
	// MaxWidth and MaxHeight bound the window a session draws: every size a
	// client reports (its pty request, every window change) is clamped to
	// them. A real terminal is rarely larger, and drawing costs memory with
	// the area.
	MaxWidth, MaxHeight = 500, 200
	// MaxEnv is how many environment variables a session keeps, each at
	// most MaxEnvValue bytes and named in envNames (requests.go): the
	// locale and the terminal's colour hints are all the app reads.
	MaxEnv      = 16
	MaxEnvValue = 256
)

// Limits are the bounds of connections and authentication. The zero value
// of each field means its default (DefaultLimits); tests shorten them.
type Limits struct {
	// Handshake is the time from a connection's first byte to the start
	// of its session (key exchange, authentication, typing the passphrase,
	// the shell request); a connection still without a session is closed.
	Handshake time.Duration
	// Waiting is how many connections may be without a session at once,
	// PerSource how many of them from one address; more are closed at once.
	Waiting, PerSource int
	// Linger is how long a connection may stay open after its session
	// ended (a connection has one session).
	Linger time.Duration
	// AuthFailureDelay is the wait after a wrong passphrase.
	AuthFailureDelay time.Duration
}

// DefaultLimits are the bounds of losslab serve.
var DefaultLimits = Limits{
	Handshake:        30 * time.Second,
	Waiting:          128,
	PerSource:        32,
	Linger:           5 * time.Second,
	AuthFailureDelay: 2 * time.Second,
}

// orDefault fills the zero fields of l from DefaultLimits.
func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.Handshake > 0 {
		d.Handshake = l.Handshake
	}
	if l.Waiting > 0 {
		d.Waiting = l.Waiting
	}
	if l.PerSource > 0 {
		d.PerSource = l.PerSource
	}
	if l.Linger > 0 {
		d.Linger = l.Linger
	}
	if l.AuthFailureDelay > 0 {
		d.AuthFailureDelay = l.AuthFailureDelay
	}
	return d
}

// The processor time training may take (internal/budget): all sessions
// together TrainingShare of the server's cores, one session at most
// SessionCores, split equally between the sessions training at the moment.
// The rest stays free for keys, drawing and SSH.
const (
	TrainingShare = 0.5
	SessionCores  = 0.5
)

// trainingPool is the pool of a server with the processors Go may use.
func trainingPool() *budget.Pool {
	return budget.NewPool(TrainingShare*float64(runtime.GOMAXPROCS(0)), SessionCores, time.Now)
}

// limited wraps the app with the session's limits: it quits the program
// Idle after the last key (or after the connection's first byte, before
// any key) and MaxTime after the start, and when the server shuts down.
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

// newLimited counts idle time from since, the connection's first byte.
func newLimited(app tea.Model, idle, maxTime time.Duration, now func() time.Time, since time.Time) limited {
	return limited{app: app, idle: idle, maxTime: maxTime, now: now, lastKey: since}
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
