// Package serve runs losslab for a classroom over SSH (charmbracelet/wish):
// every client gets its own program of the app, with styles from its own
// renderer (the client's terminal), its language from the LANG it sends,
// and nothing written on the server. There is no shell and no command: a
// session is the app or nothing. Idle and total time limits are kept by
// the app itself (on the last key), since SSH's idle timeout never fires
// while an app redraws.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"losslab/i18n"
	"losslab/internal/termsafe"
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
}

// Server is an SSH server whose every session is the app.
type Server struct {
	cfg    Config
	ssh    *ssh.Server
	mu     sync.Mutex
	active map[*tea.Program]struct{}
	count  int // sessions admitted and not yet ended
	closed bool
	logMu  sync.Mutex
	// wrap, in tests only, stands between the program and the session's
	// model (to make one session panic).
	wrap func(tea.Model) tea.Model
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
	s := &Server{cfg: cfg, active: map[*tea.Program]struct{}{}}
	srv, err := wish.NewServer(func(srv *ssh.Server) error {
		srv.Handler = s.handle
		srv.AddHostKey(cfg.HostKey)
		// No subsystems (sftp), no forwarding: the app is all there is.
		srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
		// Backstops a minute behind the app's own limits, for a client that
		// never gets as far as the app (one that leaves the renderer's
		// terminal query unanswered, with no key and no output).
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

// Serve accepts connections on l until Shutdown.
func (s *Server) Serve(l net.Listener) error {
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
	s.ssh.Close()
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

// handle is one SSH session: the app in a program of its own.
func (s *Server) handle(sess ssh.Session) {
	start := s.cfg.Now()
	remote := sess.RemoteAddr().String()
	defer func() { // outside the program too (the renderer's set-up), a panic ends this session only
		if v := recover(); v != nil {
			s.logf("end %s after %s: internal error: %v", remote, s.cfg.Now().Sub(start).Round(time.Second), v)
			_ = sess.Exit(2)
		}
	}()
	p := i18n.New(i18n.FromEnviron(sess.Environ())) // the client's LANG, where it sends one
	if ok, closing := s.admit(); !ok {
		if closing {
			s.logf("refused %s: shutting down", remote)
			fmt.Fprint(sess, crlf(p.T(i18n.ServeShuttingDown)+"\n"))
		} else {
			s.logf("refused %s: %d sessions, the maximum", remote, s.cfg.MaxSessions)
			fmt.Fprint(sess, crlf(p.T(i18n.ServeFull, s.cfg.MaxSessions)+"\n"))
		}
		_ = sess.Exit(1)
		return
	}
	var prog *tea.Program
	defer func() { s.leave(prog) }()
	if len(sess.Command()) > 0 || sess.Subsystem() != "" {
		s.logf("refused %s: asked to run %q", remote, strings.Join(sess.Command(), " "))
		fmt.Fprint(sess, crlf(p.T(i18n.ServeNoCommands)+"\n"))
		_ = sess.Exit(1)
		return
	}
	pty, windows, ok := sess.Pty()
	if !ok {
		s.logf("refused %s: no terminal", remote)
		fmt.Fprint(sess, crlf(p.T(i18n.ServeNeedsTerminal)+"\n"))
		_ = sess.Exit(1)
		return
	}
	if loc := i18n.LocaleFromEnviron(sess.Environ()); loc.Charset != "" { // UTF-8 would be mojibake there
		s.logf("refused %s: the locale %s is not UTF-8", remote, termsafe.String(loc.CharsetLocale))
		fmt.Fprint(sess, crlf(string(loc.NotUTF8Notice(loc.Lang))))
		_ = sess.Exit(1)
		return
	}
	s.logf("start %s (%s, %d×%d)", remote, termsafe.String(pty.Term), pty.Window.Width, pty.Window.Height) // TERM is the client's text

	r := bm.MakeRenderer(sess) // the client's terminal decides colours, not the server's
	// The renderer's frames and the clipboard's OSC 52 come from two
	// goroutines; an SSH channel must not be written by two at once.
	out := &lockedWriter{w: sess}
	app := tui.NewAppOn(r, p, tui.ShareContext{Clipboard: out, NoFiles: true, Hide: s.cfg.Hide}, s.cfg.App)
	var model tea.Model = newLimited(app, s.cfg.Idle, s.cfg.MaxTime, s.cfg.Now)
	if s.wrap != nil {
		model = s.wrap(model)
	}
	prog = tea.NewProgram(model, tea.WithInput(sess), tea.WithOutput(out), tea.WithAltScreen(),
		tea.WithoutSignalHandler(), tea.WithoutCatchPanics())
	s.mu.Lock()
	s.active[prog] = struct{}{}
	closing := s.closed
	s.mu.Unlock()
	if closing {
		go prog.Send(shutdownMsg{})
	}

	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	go func() {
		prog.Send(tea.WindowSizeMsg{Width: pty.Window.Width, Height: pty.Window.Height})
		for {
			select {
			case <-ctx.Done():
				prog.Quit()
				return
			case w := <-windows:
				prog.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			}
		}
	}()

	why, status := s.run(prog, sess, out, p)
	s.logf("end %s after %s: %s", remote, s.cfg.Now().Sub(start).Round(time.Second), why)
	_ = sess.Exit(status)
}

// run runs the program and turns how it ended into a line for the client,
// a reason for the log and an exit status. A panic ends this session only.
func (s *Server) run(prog *tea.Program, sess ssh.Session, out io.Writer, p i18n.Printer) (why string, status int) {
	defer func() {
		if v := recover(); v != nil {
			prog.Kill()
			io.WriteString(out, "\x1b[?2004l\x1b[?25h\x1b[?1049l") // what the program would have undone
			fmt.Fprint(out, crlf(p.T(i18n.ServeCrashed)+"\n"))
			why, status = fmt.Sprintf("internal error: %v", v), 2
		}
	}()
	final, err := prog.Run()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return "error: " + err.Error(), 1
	}
	lm, _ := final.(limited) // not a limited only when a test wrapped it
	switch lm.ended {
	case endIdle:
		fmt.Fprint(out, crlf(p.T(i18n.ServeIdle, s.cfg.Idle)+"\n"))
		return "idle", 0
	case endMaxTime:
		fmt.Fprint(out, crlf(p.T(i18n.ServeMaxTime, s.cfg.MaxTime)+"\n"))
		return "time limit", 0
	case endShutdown:
		fmt.Fprint(out, crlf(p.T(i18n.ServeShuttingDown)+"\n"))
		return "server shutdown", 0
	}
	if sess.Context().Err() != nil {
		return "client left", 0
	}
	return "quit", 0
}

// crlf ends lines as a terminal in raw mode needs.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// lockedWriter lets several goroutines write whole buffers to w in turn.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
