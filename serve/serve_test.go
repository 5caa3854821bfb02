package serve

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"losslab/internal/syncbuf"
	"losslab/scenarios"
	"losslab/scenarios/curriculum"
	"losslab/tui"
)

// start runs a server on a loopback port and returns its address; before
// it serves, setup (if any) may change it.
func start(t *testing.T, cfg Config, setup ...func(*Server)) (*Server, string, *syncbuf.Buffer) {
	t.Helper()
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	cfg.HostKey, err = gossh.NewSignerFromKey(key)
	if err != nil {
		t.Fatal(err)
	}
	log := &syncbuf.Buffer{}
	cfg.Log = log
	if cfg.App.Start == 0 {
		cfg.App = tui.Config{Start: tui.ModePlayground}
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range setup {
		f(srv)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return srv, ln.Addr().String(), log
}

// client is one SSH session with a PTY, its screen bytes collected.
type client struct {
	conn  *gossh.Client
	sess  *gossh.Session
	in    io.WriteCloser
	out   *syncbuf.Buffer
	ended chan error
}

// connectRaw opens a session with a PTY and reads what it shows.
func connectRaw(t *testing.T, addr string, env map[string]string) *client {
	t.Helper()
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "student",
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // a test key made a moment ago
		Timeout:         5 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range env {
		sess.Setenv(k, v)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	c := &client{conn: conn, sess: sess, out: &syncbuf.Buffer{}, ended: make(chan error, 1)}
	sess.Stdout = c.out
	sess.Stderr = c.out
	if c.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { c.ended <- sess.Wait() }()
	t.Cleanup(func() { sess.Close(); conn.Close() })
	return c
}

// connect is a session whose client answers like a terminal.
func connect(t *testing.T, addr string, env map[string]string) *client {
	t.Helper()
	c := connectRaw(t, addr, env)
	c.answerQueries(t)
	return c
}

// answerQueries answers the renderer's questions as a terminal does: its
// background colour (OSC 11) and its device attributes (DA1).
func (c *client) answerQueries(t *testing.T) {
	t.Helper()
	c.waitFor(t, "\x1b[c")
	io.WriteString(c.in, "\x1b]11;rgb:1e1e/1e1e/1e1e\x07\x1b[?62;22c")
}

// waitFor waits until the session's output contains text.
func (c *client) waitFor(t *testing.T, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(c.out.String(), text) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %q within 10s; the session wrote:\n%q", text, c.out.String())
}

func (c *client) waitEnd(t *testing.T) {
	t.Helper()
	select {
	case <-c.ended:
	case <-time.After(10 * time.Second):
		t.Fatal("the session did not end")
	}
}

// A client sees the playground, its keys act, and q ends its session.
func TestSessionShowsPlaygroundAndTakesKeys(t *testing.T) {
	srv, addr, log := start(t, Config{MaxSessions: 4})
	c := connect(t, addr, nil)
	c.waitFor(t, "the article's first example")
	c.waitFor(t, "0.70")
	io.WriteString(c.in, "l") // d(a,p) + 0.05
	c.waitFor(t, "0.75")
	if srv.Sessions() != 1 {
		t.Errorf("%d sessions, want 1", srv.Sessions())
	}
	io.WriteString(c.in, "q")
	c.waitEnd(t)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(log.String(), "end ") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	for _, want := range []string{"start 127.0.0.1:", "end 127.0.0.1:", ": quit"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, log.String())
		}
	}
}

// Beyond --max-sessions a client is told why and its session ends; the
// first session goes on.
func TestSessionCap(t *testing.T) {
	_, addr, log := start(t, Config{MaxSessions: 1})
	first := connect(t, addr, nil)
	first.waitFor(t, "0.70")
	second := connectRaw(t, addr, nil)
	second.waitFor(t, "already has 1 sessions, its maximum")
	second.waitEnd(t)
	if !strings.Contains(log.String(), "refused 127.0.0.1:") {
		t.Errorf("the refusal is not logged:\n%s", log.String())
	}
	io.WriteString(first.in, "l")
	first.waitFor(t, "0.75")
}

// A session without a key for --idle ends with a line saying so; keys
// push the limit back.
func TestIdleTimeout(t *testing.T) {
	_, addr, log := start(t, Config{MaxSessions: 2, Idle: 1500 * time.Millisecond})
	c := connect(t, addr, nil)
	c.waitFor(t, "0.70")
	begin := time.Now()
	for range 3 { // keys every 0.5 s keep it open past the idle time
		time.Sleep(500 * time.Millisecond)
		io.WriteString(c.in, "j")
	}
	c.waitFor(t, "session closed after 1.5s without a key")
	c.waitEnd(t)
	if time.Since(begin) < 1500*time.Millisecond+time.Second {
		t.Errorf("closed %v after the first key although keys kept coming", time.Since(begin))
	}
	if !strings.Contains(log.String(), ": idle") {
		t.Errorf("the log does not say idle:\n%s", log.String())
	}
}

// No command runs: a session asking for one is refused.
func TestNoCommands(t *testing.T) {
	_, addr, _ := start(t, Config{MaxSessions: 2})
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "x", HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.CombinedOutput("cat /etc/passwd")
	if err == nil || !strings.Contains(string(out), "no commands") || strings.Contains(string(out), "root:") {
		t.Errorf("a command got %q, %v", out, err)
	}
}

// Hidden panels say so and show nothing of their content; the session's
// files are not written (the figure key explains).
func TestHideAndNoFiles(t *testing.T) {
	_, addr, _ := start(t, Config{MaxSessions: 2, Hide: tui.HideSet{"triplet": true}})
	c := connect(t, addr, nil)
	c.waitFor(t, "hidden by your teacher")
	if strings.Contains(c.out.String(), "0.4000") {
		t.Errorf("the hidden triplet panel's value 0.4000 reached the client")
	}
	io.WriteString(c.in, "f")
	c.waitFor(t, "no figures on a shared server")
}

// A client that sends LANG=zh_CN.UTF-8 gets the Chinese interface; the
// other session stays English.
func TestSessionLanguage(t *testing.T) {
	_, addr, _ := start(t, Config{MaxSessions: 2})
	zh := connect(t, addr, map[string]string{"LANG": "zh_CN.UTF-8"})
	en := connect(t, addr, nil)
	zh.waitFor(t, "退出")
	en.waitFor(t, "quit")
	if strings.Contains(en.out.String(), "退出") {
		t.Errorf("the English session shows Chinese")
	}
}

// A client whose locale is not UTF-8 is told so in a form its terminal
// shows, and its session ends, rather than draw the interface in mojibake.
func TestSessionNotUTF8(t *testing.T) {
	_, addr, log := start(t, Config{MaxSessions: 2})
	c := connectRaw(t, addr, map[string]string{"LANG": "zh_CN.GB18030"})
	c.waitFor(t, "run it under a UTF-8 locale, such as LANG=zh_CN.UTF-8")
	c.waitEnd(t)
	if strings.Contains(c.out.String(), "退出") || !strings.Contains(log.String(), "is not UTF-8") {
		t.Errorf("the session drew its interface or the log does not say why:\n%q\n%s", c.out.String(), log.String())
	}
}

// Shutdown (what SIGTERM does) says goodbye to every session and ends it.
func TestShutdownClosesSessions(t *testing.T) {
	srv, addr, log := start(t, Config{MaxSessions: 4})
	a, b := connect(t, addr, nil), connect(t, addr, nil)
	a.waitFor(t, "0.70")
	b.waitFor(t, "0.70")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	for _, c := range []*client{a, b} {
		c.waitFor(t, "the server is shutting down")
		c.waitEnd(t)
	}
	if strings.Count(log.String(), "server shutdown") != 2 {
		t.Errorf("the log does not show both sessions ended by the shutdown:\n%s", log.String())
	}
}

// A session reaching --max-time ends with a line saying so, keys or not.
func TestMaxTime(t *testing.T) {
	_, addr, _ := start(t, Config{MaxSessions: 2, MaxTime: time.Second})
	c := connect(t, addr, nil)
	c.waitFor(t, "0.70")
	io.WriteString(c.in, "l")
	c.waitFor(t, "reached the server's limit of 1s")
	c.waitEnd(t)
}

// panicky panics on the key x, as a bug in Update would.
type panicky struct{ tea.Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "x" {
		panic("test panic")
	}
	next, cmd := p.Model.Update(msg)
	return panicky{next}, cmd
}

// A panic in one session ends that session only, with a line saying so.
func TestPanicEndsOneSession(t *testing.T) {
	_, addr, log := start(t, Config{MaxSessions: 4}, func(s *Server) {
		s.wrap = func(m tea.Model) tea.Model { return panicky{m} }
	})
	a, b := connect(t, addr, nil), connect(t, addr, nil)
	a.waitFor(t, "0.70")
	b.waitFor(t, "0.70")
	io.WriteString(a.in, "x")
	a.waitFor(t, "an internal error ended this session")
	a.waitEnd(t)
	io.WriteString(b.in, "l")
	b.waitFor(t, "0.75")
	if !strings.Contains(log.String(), "internal error: test panic") {
		t.Errorf("the log does not name the panic:\n%s", log.String())
	}
}

// s in a session sends the state string to the student's terminal with
// OSC 52 and says so; the string is the state on that student's screen.
func TestSessionStateString(t *testing.T) {
	_, addr, _ := start(t, Config{MaxSessions: 2})
	c := connect(t, addr, nil)
	c.waitFor(t, "0.70")
	io.WriteString(c.in, "ls")
	c.waitFor(t, "ll1_p_dap-0.75_")
	c.waitFor(t, "\x1b]52;c;")
	c.waitFor(t, "Sent to your terminal's clipboard with OSC 52")
}

// --lesson starts every session in that lesson of the course, which keeps
// its progress for the session only (no file on the server).
func TestSessionStartsInLesson(t *testing.T) {
	l := curriculum.Lesson("article-cases")
	_, addr, _ := start(t, Config{MaxSessions: 2, App: tui.Config{Start: tui.ModeLearn, Learn: tui.LearnConfig{Lessons: []*scenarios.Scenario{l}, Open: true}}})
	c := connect(t, addr, nil)
	c.waitFor(t, l.Title)
}

// A fixed control is marked in every session and keys cannot reach it.
func TestFixedControlInSession(t *testing.T) {
	_, addr, _ := start(t, Config{MaxSessions: 2, Hide: tui.HideSet{"margin": true}})
	c := connect(t, addr, nil)
	c.waitFor(t, "0.20 (fixed)")
	io.WriteString(c.in, "jjl")            // down twice skips the margin to y(a,p), which l toggles
	c.waitFor(t, "½·max(0.20 − 0.70, 0)²") // the a-p pair now pushes: y(a,p) is different
}

// Shutdown as the server starts (a signal at once) still ends Serve, even
// before Serve has begun to accept.
func TestShutdownBeforeServe(t *testing.T) {
	_, key, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(key)
	for _, shutdownFirst := range []bool{true, false} {
		srv, err := New(Config{HostKey: signer})
		if err != nil {
			t.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		if shutdownFirst {
			srv.Shutdown(context.Background())
			go func() { done <- srv.Serve(ln) }()
		} else {
			go func() { done <- srv.Serve(ln) }()
			srv.Shutdown(context.Background()) // most often before Serve accepts
		}
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Serve went on after Shutdown (Shutdown first: %v)", shutdownFirst)
		}
	}
}
