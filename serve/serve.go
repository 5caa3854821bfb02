// Package serve runs losslab for a classroom over SSH (charmbracelet/wish):
// every client gets its own program of the app, with styles from its own
// renderer (the client's terminal), its language from the LANG it sends,
// and nothing written on the server. There is no shell and no command: a
// session is the app or nothing. Idle and total time limits are kept by
// the app itself (on the last key), since SSH's idle timeout never fires
// while an app redraws.
//
// One client must never end another's session, so every client is
// bounded (limits.go): the window it draws, the environment it sends,
// the connections it holds open without a session and how long, the
// processor time its training takes, and who may connect (auth.go).
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"

	"losslab/internal/budget"
	"losslab/tui"
)

// Config is what the server needs.
type Config struct {
	HostKey     gossh.Signer
	MaxSessions int           // more are refused with a message; 0 is no limit
	Idle        time.Duration // close a session this long after its last key; 0 never
	MaxTime     time.Duration // close a session this long after it began; 0 never
	App         tui.Config    // where every session starts
	Hide        tui.HideSet   // panels removed from every session
	Log         io.Writer     // one line per session start, end and refusal
	Now         func() time.Time
	// AuthorizedKeys and Passphrase say who may connect from beyond
	// loopback (auth.go); with neither, anyone may.
	AuthorizedKeys []gossh.PublicKey
	Passphrase     []byte
	// Limits bound connections; zero fields keep DefaultLimits.
	Limits Limits
	// Training shares the processors between the sessions that train;
	// nil is TrainingShare of the server's cores, SessionCores for one.
	Training *budget.Pool
}

// Server is an SSH server whose every session is the app.
type Server struct {
	cfg    Config
	limits Limits
	keys   map[string]bool // the authorized keys, in wire form
	gate   *gate
	ssh    *ssh.Server
	mu     sync.Mutex
	active map[*tea.Program]struct{}
	count  int // sessions admitted and not yet ended
	closed bool
	// listeners are those Serve accepts on, which Shutdown closes.
	listeners []net.Listener
	logMu     sync.Mutex
	// Seams for tests: wrap stands between the program and the session's
	// model (to make one session panic); trusted says which clients need
	// no authentication (loopback); sleep waits after a wrong passphrase.
	wrap    func(tea.Model) tea.Model
	trusted func(net.Addr) bool
	sleep   func(time.Duration)
}

// New builds the server; Serve starts it.
func New(cfg Config) (*Server, error) {
	if cfg.HostKey == nil {
		return nil, errors.New("serve: no host key")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Training == nil {
		cfg.Training = trainingPool()
	}
	s := &Server{cfg: cfg, limits: cfg.Limits.orDefault(), keys: map[string]bool{}, active: map[*tea.Program]struct{}{},
		trusted: isLoopback, sleep: time.Sleep}
	for _, k := range cfg.AuthorizedKeys {
		s.keys[string(k.Marshal())] = true
	}
	s.gate = newGate(s.limits, cfg.Now, s.logf)
	srv, err := wish.NewServer(func(srv *ssh.Server) error {
		srv.Handler = s.handle
		srv.AddHostKey(cfg.HostKey)
		srv.ConnCallback = s.gate.accept
		srv.ServerConfigCallback = s.serverConfig
		if len(s.keys) > 0 {
			srv.PublicKeyHandler = s.publicKey
		}
		if len(cfg.Passphrase) > 0 {
			srv.KeyboardInteractiveHandler = s.passphrase
		}
		srv.ConnectionFailedCallback = s.connectionFailed
		// A session channel with bounded requests, one per connection; no
		// subsystems (sftp), no forwarding: the app is all there is.
		srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.sessionChannel}
		srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
		// Backstops a minute behind the app's own limits, for a session
		// whose program cannot act on them (a client that stops reading).
		if cfg.Idle > 0 {
			srv.IdleTimeout = cfg.Idle + time.Minute
		}
		if cfg.MaxTime > 0 {
			srv.MaxTimeout = cfg.MaxTime + time.Minute
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.ssh = srv
	return s, nil
}

// connectionFailed logs a client that did not authenticate (a wrong
// passphrase, a key not in the list); other failed handshakes are logged
// by the gate or are clients that left.
func (s *Server) connectionFailed(c net.Conn, err error) {
	var auth *gossh.ServerAuthError
	if errors.As(err, &auth) {
		s.logf("refused %s: not authenticated", sourceOf(c.RemoteAddr()))
	}
}

// Serve accepts connections on l until Shutdown.
func (s *Server) Serve(l net.Listener) error {
	s.mu.Lock()
	if s.closed { // Shutdown came first (a signal as the server starts)
		s.mu.Unlock()
		l.Close()
		return nil
	}
	s.listeners = append(s.listeners, l)
	s.mu.Unlock()
	err := s.ssh.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown tells every session goodbye, ends its program, waits until the
// sessions have ended (or ctx is done), then closes every connection.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closed = true
	for p := range s.active {
		go p.Send(shutdownMsg{}) // Send waits for the event loop; never under the lock
	}
	s.mu.Unlock()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	var err error
	for s.Sessions() > 0 && err == nil {
		select {
		case <-ctx.Done():
			err = ctx.Err()
		case <-tick.C:
		}
	}
	// Clients keep their connections open after a session ends: close them.
	// The listeners too, which charmbracelet/ssh misses when Serve had not
	// yet started to accept when Shutdown began.
	s.ssh.Close()
	s.mu.Lock()
	for _, l := range s.listeners {
		l.Close()
	}
	s.mu.Unlock()
	return err
}

// Sessions is the number of sessions running now.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.count
}

func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.cfg.Log, "%s %s\n", s.cfg.Now().UTC().Format(time.RFC3339), fmt.Sprintf(format, args...))
}

// admit counts a new session in, or says why not.
func (s *Server) admit() (ok bool, shuttingDown bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false, true
	}
	if s.cfg.MaxSessions > 0 && s.count >= s.cfg.MaxSessions {
		return false, false
	}
	s.count++
	return true, false
}

func (s *Server) leave(p *tea.Program) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.count--
	delete(s.active, p)
}
