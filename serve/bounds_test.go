package serve

import (
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"losslab/internal/budget"
	"losslab/internal/syncbuf"
)

// dialFrom opens an SSH connection to addr from the loopback address
// source (127.0.0.2 is another client as far as per-address limits go).
func dialFrom(t *testing.T, addr, source string, cfg *gossh.ClientConfig) (*gossh.Client, error) {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(source)}, Timeout: 5 * time.Second}
	nc, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		cfg = &gossh.ClientConfig{}
	}
	cfg.User = "student"
	cfg.HostKeyCallback = gossh.InsecureIgnoreHostKey() // a test key made a moment ago
	cfg.Timeout = 5 * time.Second
	c, chans, reqs, err := gossh.NewClientConn(nc, addr, cfg)
	if err != nil {
		nc.Close()
		return nil, err
	}
	conn := gossh.NewClient(c, chans, reqs)
	t.Cleanup(func() { conn.Close() })
	return conn, nil
}

// shell opens conn's session with a PTY of cols×rows, sends env first,
// and starts it (startShell).
func shell(t *testing.T, conn *gossh.Client, cols, rows int, env ...[2]string) *client {
	t.Helper()
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range env {
		sess.Setenv(kv[0], kv[1])
	}
	if err := sess.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	return startShell(t, conn, sess)
}

// startShell asks for the shell of a session whose requests were sent and
// answers the renderer's queries as a terminal does.
func startShell(t *testing.T, conn *gossh.Client, sess *gossh.Session) *client {
	t.Helper()
	c := &client{conn: conn, sess: sess, out: &syncbuf.Buffer{}, ended: make(chan error, 1)}
	sess.Stdout, sess.Stderr = c.out, c.out
	var err error
	if c.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { c.ended <- sess.Wait() }()
	c.answerQueries(t)
	return c
}

// windowChange sends RFC 4254's window-change request.
func windowChange(sess *gossh.Session, cols, rows uint32) error {
	p := make([]byte, 16)
	binary.BigEndian.PutUint32(p[0:], cols)
	binary.BigEndian.PutUint32(p[4:], rows)
	_, err := sess.SendRequest("window-change", false, p)
	return err
}

// waitLog waits until the server's log contains text.
func waitLog(t *testing.T, log *syncbuf.Buffer, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(log.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("the log has no %q within 10s:\n%s", text, log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// heap is the live heap after a collection.
func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// Every size a client reports is clamped to MaxWidth×MaxHeight: the pty
// request's and every window change's, up to the largest a uint32 holds.
func TestWindowSizeClamped(t *testing.T) {
	_, addr, log := start(t, Config{MaxSessions: 2})
	conn, err := dialFrom(t, addr, "127.0.0.1", nil)
	if err != nil {
		t.Fatal(err)
	}
	c := shell(t, conn, 3000, 1000)
	c.waitFor(t, "0.70")
	waitLog(t, log, fmt.Sprintf("(xterm-256color, %d×%d)", MaxWidth, MaxHeight))
	before := heap()
	for _, size := range [][2]uint32{{4294967295, 24}, {80, 4294967295}, {4294967295, 4294967295}} {
		if err := windowChange(c.sess, size[0], size[1]); err != nil {
			t.Fatal(err)
		}
	}
	io.WriteString(c.in, "l")
	c.waitFor(t, "0.75") // drawn at the clamped size, and still taking keys
	if grew := int64(heap()) - int64(before); grew > 64<<20 {
		t.Errorf("the heap grew by %d MB after the window changes", grew>>20)
	}
}

// A session keeps the environment variables it reads, at most MaxEnv of
// them, each value at most MaxEnvValue bytes; every other request is
// refused before the session starts, and the kept LANG still chooses the
// language.
func TestEnvironmentBounded(t *testing.T) {
	_, addr, _ := start(t, Config{MaxSessions: 2})
	conn, err := dialFrom(t, addr, "127.0.0.1", nil)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, value string
		kept        bool
	}{
		{"LANG", "zh_CN.UTF-8", true},
		{"NO_COLOR", "1", true},
		{"LC_MESSAGES", "zh_CN.UTF-8", true},
		{"PATH", "/bin", false},
		{"LD_PRELOAD", "/tmp/x.so", false},
		{"LC_", "x", false},
		{"LC_lower", "x", false},
		{"COLORTERM", strings.Repeat("x", MaxEnvValue+1), false},
		{"COLORTERM", strings.Repeat("x", MaxEnvValue), true},
	} {
		if err := sess.Setenv(tc.name, tc.value); (err == nil) != tc.kept {
			t.Errorf("env %s (%d bytes): kept %v, want %v", tc.name, len(tc.value), err == nil, tc.kept)
		}
	}
	kept := 4
	for i := 0; kept < MaxEnv; i++ {
		if err := sess.Setenv("LANG", "zh_CN.UTF-8"); err != nil {
			t.Fatalf("LANG refused after %d variables, below MaxEnv %d", kept, MaxEnv)
		}
		kept++
	}
	big := strings.Repeat("x", 32<<10)
	before := heap()
	for i := range 300 { // 9.6 MB that a server keeping it all would hold
		if err := sess.Setenv("LANG", big); err == nil {
			t.Fatalf("variable %d beyond MaxEnv was kept", MaxEnv+i+1)
		}
	}
	if grew := int64(heap()) - int64(before); grew > 4<<20 {
		t.Errorf("the heap grew by %d MB during the refused flood", grew>>20)
	}
	if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	startShell(t, conn, sess).waitFor(t, "退出") // the kept LANG chose Chinese
}

// A connection that never starts a session is closed at the handshake
// deadline, and one whose client never answers the terminal's queries is
// cut off when --idle has passed since its first byte.
func TestDeadlines(t *testing.T) {
	t.Run("silent connection", func(t *testing.T) {
		_, addr, log := start(t, Config{MaxSessions: 2, Limits: Limits{Handshake: 300 * time.Millisecond}})
		nc, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		nc.SetReadDeadline(time.Now().Add(10 * time.Second))
		if _, err := io.ReadAll(nc); err != nil { // the server's version line, then EOF
			t.Errorf("the silent connection was not closed: %v", err)
		}
		waitLog(t, log, "no session 300ms after connecting")
	})
	t.Run("unanswered queries", func(t *testing.T) {
		_, addr, log := start(t, Config{MaxSessions: 2, Idle: time.Second})
		c := connectRaw(t, addr, nil) // never answers
		c.waitEnd(t)
		waitLog(t, log, "idle, the terminal's queries unanswered")
	})
}

// Connections without a session are capped per address and in all; a
// connection from an address with fewer waiting takes the place of the
// oldest of the address with most, so a flood from one address locks
// nobody else out.
func TestWaitingConnectionsCapped(t *testing.T) {
	_, addr, _ := start(t, Config{MaxSessions: 4, Limits: Limits{Waiting: 4, PerSource: 3}})
	silent := func(source string) net.Conn {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(source)}}
		nc, err := d.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { nc.Close() })
		return nc
	}
	// closed says whether the server closed nc before it sent its version.
	closed := func(nc net.Conn) bool {
		nc.SetReadDeadline(time.Now().Add(3 * time.Second))
		b, _ := io.ReadAll(nc)
		return !strings.HasPrefix(string(b), "SSH-2.0")
	}
	// waiting dials from source and waits for the version line: the server
	// sends it only once the gate has let the connection in, so the next
	// dial meets a gate that counts this one.
	waiting := func(source string) net.Conn {
		nc := silent(source)
		nc.SetReadDeadline(time.Now().Add(10 * time.Second))
		if _, err := nc.Read(make([]byte, 64)); err != nil {
			t.Fatalf("a waiting connection from %s got no version line: %v", source, err)
		}
		return nc
	}
	flood := []net.Conn{waiting("127.0.0.1"), waiting("127.0.0.1"), waiting("127.0.0.1")}
	if !closed(silent("127.0.0.1")) {
		t.Error("a fourth connection from one address was let in beside three waiting")
	}
	waiting("127.0.0.2") // the fourth place
	conn, err := dialFrom(t, addr, "127.0.0.3", nil)
	if err != nil {
		t.Fatalf("a client from another address was locked out: %v", err)
	}
	shell(t, conn, 80, 24).waitFor(t, "0.70")
	flood[0].SetReadDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.ReadAll(flood[0]); err != nil {
		t.Errorf("the oldest of the crowded address was not closed: %v", err)
	}
}

// A connection has one session, and is closed shortly after it ends even
// if the client keeps it open.
func TestOneSessionPerConnection(t *testing.T) {
	_, addr, _ := start(t, Config{MaxSessions: 4, Limits: Limits{Linger: 200 * time.Millisecond}})
	conn, err := dialFrom(t, addr, "127.0.0.1", nil)
	if err != nil {
		t.Fatal(err)
	}
	c := shell(t, conn, 80, 24)
	c.waitFor(t, "0.70")
	if _, err := conn.NewSession(); err == nil {
		t.Error("a second session opened on one connection")
	}
	io.WriteString(c.in, "q")
	c.waitEnd(t)
	done := make(chan error, 1)
	go func() { done <- conn.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Error("the connection stayed open after its session ended")
	}
}

// Training in a session asks the server's pool before each frame: with a
// pool whose clock never moves, no time is ever earned, so playing at the
// top speed trains no step (today's server trains 50 steps a frame).
func TestTrainingDrawsOnThePool(t *testing.T) {
	frozen := time.Unix(1_000_000, 0)
	pool := budget.NewPool(1, 1, func() time.Time { return frozen })
	_, addr, _ := start(t, Config{MaxSessions: 2, Training: pool})
	c := connect(t, addr, nil)
	c.waitFor(t, "0.70")
	io.WriteString(c.in, "\t")
	c.waitFor(t, "separation") // the batch view, computed
	io.WriteString(c.in, "\t")
	c.waitFor(t, "Press space to train")
	io.WriteString(c.in, "+++++ ")
	c.waitFor(t, "▶ 50/frame")
	time.Sleep(time.Second)           // 30 frames
	io.WriteString(c.in, "n")         // pause and one step
	c.waitFor(t, "Paused at step 1.") // that step, none from playing
}
