package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	bm "github.com/charmbracelet/wish/bubbletea"

	"losslab/i18n"
	"losslab/internal/termsafe"
	"losslab/tui"
)

// handle is one SSH session: the app in a program of its own.
func (s *Server) handle(sess ssh.Session) {
	c := sess.Context().Value(connKey{}).(*conn) // every session channel is opened through the gate
	c.started()
	defer c.ended()
	start := c.start // idle and the log count from the connection's first byte
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
	pty, _, ok := sess.Pty() // its size clamped by boundRequests, as are the changes in c.windows
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

	r, answered := s.renderer(sess, c)
	if !answered {
		s.logf("end %s after %s: idle, the terminal's queries unanswered", remote, s.cfg.Now().Sub(start).Round(time.Second))
		return
	}
	training := s.cfg.Training.Join()
	defer training.Leave()
	// The renderer's frames and the clipboard's OSC 52 come from two
	// goroutines; an SSH channel must not be written by two at once.
	out := &lockedWriter{w: sess}
	app := tui.NewAppOn(r, p, tui.ShareContext{Clipboard: out, NoFiles: true, Hide: s.cfg.Hide, Budget: training}, s.cfg.App)
	var model tea.Model = newLimited(app, s.cfg.Idle, s.cfg.MaxTime, s.cfg.Now, start)
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
			case w := <-c.windows:
				prog.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			}
		}
	}()

	why, status := s.run(prog, sess, out, p)
	s.logf("end %s after %s: %s", remote, s.cfg.Now().Sub(start).Round(time.Second), why)
	_ = sess.Exit(status)
}

// renderer builds the client's renderer (bm.MakeRenderer: the client's
// terminal decides colours, not the server's), which first asks the
// terminal for its background colour and waits for the answer. A client
// that never answers is cut off when --idle has passed since its first
// byte, as it would be in the app.
func (s *Server) renderer(sess ssh.Session, c *conn) (r *lipgloss.Renderer, answered bool) {
	if s.cfg.Idle <= 0 {
		return bm.MakeRenderer(sess), true
	}
	var cut atomic.Bool
	t := time.AfterFunc(s.cfg.Idle-s.cfg.Now().Sub(c.start), func() {
		cut.Store(true)
		c.Close() // the query's read returns only when the connection ends
	})
	r = bm.MakeRenderer(sess)
	t.Stop()
	return r, !cut.Load()
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
