package tui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"losslab/i18n"
	"losslab/internal/gopanic"
	"losslab/tui/internal/tuitest"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// losslabBinary builds the command once for the subprocess tests.
func losslabBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "losslab-test-*")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "losslab")
		out, err := exec.Command("go", "build", "-o", binary, "losslab").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("go build: %v", buildErr)
	}
	return binary
}

// screen collects what the program writes to the pty.
type screen struct{ tuitest.LockedBuffer }

func (s *screen) waitFor(t *testing.T, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(s.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("%q never appeared; screen:\n%q", text, s.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// terminal is a pty of 80×24 for a program to run on: the master side the
// test reads and types on, the slave side the program's terminal, what the
// program wrote, and the slave's mode before anything ran.
type terminal struct {
	master, slave *os.File
	out           *screen
	cooked        *unix.Termios
}

// openTerminal opens a pty of 80×24 and starts collecting what is written
// to it; it skips the test where there is no pty.
func openTerminal(t *testing.T) *terminal {
	t.Helper()
	master, slave, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	t.Cleanup(func() { master.Close(); slave.Close() })
	if err := pty.Setsize(master, &pty.Winsize{Cols: 80, Rows: 24}); err != nil {
		t.Fatal(err)
	}
	cooked, err := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{master: master, slave: slave, out: &screen{}, cooked: cooked}
	go term.out.readTerminal(master)
	return term
}

// ptyRun is a program running on a terminal.
type ptyRun struct {
	*terminal
	cmd *exec.Cmd
}

// devNull is /dev/null to read from: a standard input that is no terminal.
func devNull(t *testing.T) *os.File {
	t.Helper()
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { null.Close() })
	return null
}

// startOnPty starts losslab with stdout (and stderr) on a new pty of
// 80×24. stdin is the pty unless given; ctty makes the pty the child's
// controlling terminal (/dev/tty).
func startOnPty(t *testing.T, stdin *os.File, ctty bool, args ...string) *ptyRun {
	t.Helper()
	return startProgramOnPty(t, losslabBinary(t), nil, stdin, ctty, args...)
}

// startProgramOnPty is startOnPty for any program, with extra environment.
func startProgramOnPty(t *testing.T, program string, env []string, stdin *os.File, ctty bool, args ...string) *ptyRun {
	t.Helper()
	term := openTerminal(t)
	cmd := exec.Command(program, args...)
	cmd.Env = append(append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=1"), env...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = term.slave, term.slave, term.slave
	if stdin != nil {
		cmd.Stdin = stdin
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: ctty, Ctty: 1}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return &ptyRun{terminal: term, cmd: cmd}
}

// readTerminal collects the program's output and answers its background
// colour query as a terminal would (Bubble Tea's init asks before anything
// runs and waits for the answer).
func (s *screen) readTerminal(master *os.File) {
	buf := make([]byte, 4096)
	for {
		n, err := master.Read(buf)
		s.Write(buf[:n])
		if bytes.Contains(buf[:n], []byte("\x1b]11;?")) {
			master.WriteString("\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[1;1R")
		}
		if err != nil {
			return
		}
	}
}

func (r *ptyRun) wait(t *testing.T) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- r.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		r.cmd.Process.Kill()
		t.Fatalf("losslab did not exit; screen:\n%q", r.out.String())
	}
	return r.cmd.ProcessState.ExitCode()
}

// restored checks that the program left the alternate screen, showed the
// cursor and put the terminal back in the mode it found.
func (term *terminal) restored(t *testing.T) {
	t.Helper()
	time.Sleep(50 * time.Millisecond) // let the last bytes through the pty
	out := term.out.String()
	enter, leave := strings.LastIndex(out, "\x1b[?1049h"), strings.LastIndex(out, "\x1b[?1049l")
	if enter < 0 || leave < enter {
		t.Errorf("alternate screen not left (enter at %d, leave at %d)", enter, leave)
	}
	if strings.LastIndex(out, "\x1b[?25h") < strings.LastIndex(out, "\x1b[?25l") {
		t.Error("cursor left hidden")
	}
	now, err := unix.IoctlGetTermios(int(term.slave.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	const cooked = unix.ICANON | unix.ECHO | unix.ISIG
	if now.Lflag&cooked != term.cooked.Lflag&cooked || now.Lflag&cooked != cooked {
		t.Errorf("terminal left raw: lflag %#x, was %#x", now.Lflag, term.cooked.Lflag)
	}
}

// Every signal that ends losslab restores the terminal and exits with the
// status a shell expects: 128 + the signal's number.
func TestSignalsRestoreTerminal(t *testing.T) {
	for _, c := range []struct {
		sig  syscall.Signal
		want int
	}{{syscall.SIGHUP, 129}, {syscall.SIGINT, 130}, {syscall.SIGQUIT, 131}, {syscall.SIGTERM, 143}} {
		t.Run(c.sig.String(), func(t *testing.T) {
			r := startOnPty(t, nil, true)
			r.out.waitFor(t, "d(a,p)")
			if err := r.cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			if got := r.wait(t); got != c.want {
				t.Errorf("exit %d, want %d", got, c.want)
			}
			r.restored(t)
		})
	}
}

// With stdin not a terminal (losslab < /dev/null) keys come from /dev/tty.
func TestKeysFromControllingTerminal(t *testing.T) {
	r := startOnPty(t, devNull(t), true)
	r.out.waitFor(t, "d(a,p)")
	r.master.WriteString("l")
	r.out.waitFor(t, "0.75")
	r.master.WriteString("q")
	if got := r.wait(t); got != 0 {
		t.Errorf("exit %d", got)
	}
	r.restored(t)
}

// Without any terminal to read keys from (setsid -w losslab </dev/null),
// losslab says so in one line and prints the plain render instead, its
// frame as wide as the 80-column terminal stdout is.
func TestNoTerminalFallsBackToPlain(t *testing.T) {
	r := startOnPty(t, devNull(t), false)
	if got := r.wait(t); got != 0 {
		t.Errorf("exit %d", got)
	}
	r.out.waitFor(t, "since d(a,n) ≥ m.")
	out := r.out.String()
	if !strings.Contains(out, i18n.New(i18n.English).T(i18n.NoTerminalNote)) || strings.Contains(out, "\x1b[?1049h") {
		t.Errorf("no plain fallback:\n%q", out)
	}
	frame := false
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimRight(l, "\r")
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("a line of %d cells on an 80-column terminal: %q", w, l)
		}
		if strings.HasPrefix(l, "╭─ controls") {
			frame = true
		}
	}
	if !frame {
		t.Errorf("no frame:\n%s", out)
	}
}

// panicky panics in Update on its first key.
type panicky struct{}

func (panicky) Init() tea.Cmd { return nil }
func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		panic("boom")
	}
	return p, nil
}
func (panicky) View() string { return "ready" }

// A panic restores the terminal and becomes one error naming the file that
// holds the stack.
func TestPanicRestoresTerminal(t *testing.T) {
	term := openTerminal(t)
	done := make(chan error, 1)
	go func() {
		_, err := run(panicky{}, Terminal{In: term.slave, Out: term.slave, NoColor: true})
		done <- err
	}()
	term.out.waitFor(t, "ready")
	term.master.WriteString("x")
	var perr *PanicError
	select {
	case err := <-done:
		if !errors.As(err, &perr) || perr.Value != "boom" || perr.StackFile == "" {
			t.Fatalf("error %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after the panic")
	}
	defer os.Remove(perr.StackFile)
	stack, err := os.ReadFile(perr.StackFile)
	if err != nil || !strings.Contains(string(stack), "panicky.Update") {
		t.Errorf("stack file: %v\n%s", err, stack)
	}
	if strings.Contains(perr.Error(), "\n") {
		t.Errorf("not one line: %q", perr.Error())
	}
	term.restored(t)
	if now, _ := unix.IoctlGetTermios(int(term.slave.Fd()), unix.TCGETS); now.Lflag != term.cooked.Lflag {
		t.Errorf("terminal not back in its mode: lflag %#x, was %#x", now.Lflag, term.cooked.Lflag)
	}
}

// An input error shown in the batch view makes q exit 2 with one line, as
// the plain output does.
func TestBatchInputErrorExits2(t *testing.T) {
	csv := filepath.Join(t.TempDir(), "zero.csv")
	data := "x,y,label\n0,0,a\n1,2,a\n2,1,b\n3,3,b\n"
	if err := os.WriteFile(csv, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	r := startOnPty(t, nil, true, "batch", "--in", csv, "--distance", "cosine")
	r.out.waitFor(t, "exit status 2")
	r.master.WriteString("q")
	if got := r.wait(t); got != 2 {
		t.Errorf("exit %d", got)
	}
	r.out.waitFor(t, "losslab batch: ")
	r.restored(t)
	out := r.out.String()
	tail := out[strings.LastIndex(out, "\x1b[?1049l"):]
	if !strings.Contains(tail, "losslab batch: ") || strings.Count(strings.TrimSpace(tail), "\n") > 1 {
		t.Errorf("after the view: %q", tail)
	}
}

// workerPanicky answers the first key with a command whose worker
// goroutine panics, joined the way core/batch joins its workers.
type workerPanicky struct{}

func (workerPanicky) Init() tea.Cmd { return nil }
func (p workerPanicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if pm, ok := msg.(panicMsg); ok {
		panic(pm) // as App does: into the event loop, where run recovers
	}
	if _, ok := msg.(tea.KeyMsg); ok {
		return p, guard(func() tea.Msg {
			captured := make([]*gopanic.Value, 1)
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer gopanic.Capture(&captured[0])
				panic("worker boom")
			}()
			wg.Wait()
			gopanic.Repanic(captured)
			return nil
		})
	}
	return p, nil
}
func (workerPanicky) View() string { return "ready" }

const workerPanicEnv = "LOSSLAB_TEST_WORKER_PANIC"

// workerPanicMain is the test binary run as a program (see TestMain).
func workerPanicMain() {
	_, err := run(workerPanicky{}, Terminal{In: os.Stdin, Out: os.Stdout})
	var crash *PanicError
	if errors.As(err, &crash) {
		fmt.Fprintf(os.Stderr, "losslab: internal error: %v (the stack is in %s)\n", crash.Value, crash.StackFile)
		os.Exit(2)
	}
	fmt.Fprintln(os.Stderr, "run returned:", err)
	os.Exit(0)
}

// A worker goroutine's panic reaches the command that joined the workers,
// then the event loop: the terminal is restored and one line names the file
// with the worker's stack.
func TestWorkerPanicRestoresTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the test binary under a pty")
	}
	r := startProgramOnPty(t, os.Args[0], []string{workerPanicEnv + "=1"}, nil, true, "-test.run=^$")
	r.out.waitFor(t, "ready")
	r.master.WriteString("x")
	if got := r.wait(t); got != 2 {
		t.Errorf("exit %d", got)
	}
	r.out.waitFor(t, "the stack is in ")
	r.restored(t)
	out := r.out.String()
	line := out[strings.LastIndex(out, "losslab: internal error"):]
	line = strings.TrimSpace(line[:strings.IndexAny(line, "\r\n")])
	if !strings.HasPrefix(line, "losslab: internal error: worker boom (the stack is in ") {
		t.Fatalf("line %q", line)
	}
	file := strings.TrimSuffix(line[strings.LastIndex(line, " ")+1:], ")")
	defer os.Remove(file)
	stack, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(stack), "workerPanicky.Update") {
		t.Errorf("stack file %s: %v\n%s", file, err, stack)
	}
}
