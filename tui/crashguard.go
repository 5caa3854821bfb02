package tui

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/charmbracelet/x/term"

	"losslab/i18n"
)

// A panic in a goroutine that no recover reaches (a worker inside a core
// computation) kills the process at once, with the terminal raw and in the
// alternate screen. The crash guard is a second losslab process, started
// before the terminal changes, that waits for this one: if this one ends
// without saying goodbye, the guard restores the terminal and prints one
// line naming the file where the runtime wrote the stack
// (debug.SetCrashOutput). The runtime's exit status for a panic is 2.
const (
	guardEnv      = "LOSSLAB_CRASH_GUARD" // set in the guard's environment
	guardFileEnv  = "LOSSLAB_CRASH_FILE"  // the crash file the guard names
	guardDebugEnv = "LOSSLAB_DEBUG"       // "1": the guard copies the stack to stderr
	guardLangEnv  = "LOSSLAB_GUARD_LANG"  // the language the guard reports in (i18n.Lang.Code)
	guardTTYFd    = 3                     // the terminal, passed as the guard's first extra file
)

func init() {
	if os.Getenv(guardEnv) == "1" {
		os.Exit(runCrashGuard(os.Stdin, os.Stdout, os.NewFile(guardTTYFd, "tty"), os.Stderr))
	}
}

// crashGuard is the parent's handle on its guard.
type crashGuard struct {
	cmd       *exec.Cmd
	goodbye   *os.File // closing it after a byte tells the guard all is well
	crashFile string
}

// startCrashGuard starts the guard for terminal tty and waits until it has
// saved the terminal's mode. A failure to start one is not fatal: losslab
// then runs without it (the error says why).
func startCrashGuard(tty *os.File, lang i18n.Lang) (*crashGuard, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	crash, err := os.CreateTemp("", "losslab-crash-*.txt")
	if err != nil {
		return nil, err
	}
	defer crash.Close()
	toGuard, goodbye, err := os.Pipe()
	if err != nil {
		os.Remove(crash.Name())
		return nil, err
	}
	ready, fromGuard, err := os.Pipe()
	if err != nil {
		toGuard.Close()
		goodbye.Close()
		os.Remove(crash.Name())
		return nil, err
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), guardEnv+"=1", guardFileEnv+"="+crash.Name(), guardLangEnv+"="+lang.Code())
	cmd.Stdin, cmd.Stdout, cmd.Stderr = toGuard, fromGuard, os.Stderr
	cmd.ExtraFiles = []*os.File{tty}
	err = cmd.Start()
	toGuard.Close()
	fromGuard.Close()
	if err == nil {
		var b [1]byte
		_, err = ready.Read(b[:]) // the guard has saved the terminal's mode
	}
	ready.Close()
	if err != nil {
		goodbye.Close()
		os.Remove(crash.Name())
		return nil, err
	}
	if err := debug.SetCrashOutput(crash, debug.CrashOptions{}); err != nil {
		goodbye.Close()
		os.Remove(crash.Name())
		return nil, err
	}
	return &crashGuard{cmd: cmd, goodbye: goodbye, crashFile: crash.Name()}, nil
}

// stop tells the guard that losslab ends normally and removes the unused
// crash file.
func (g *crashGuard) stop() {
	if g == nil {
		return
	}
	debug.SetCrashOutput(nil, debug.CrashOptions{})
	g.goodbye.Write([]byte{1})
	g.goodbye.Close()
	g.cmd.Wait()
	os.Remove(g.crashFile)
}

// runCrashGuard is the guard process: it saves tty's mode, says it is
// ready, and waits for its parent's goodbye; if the parent dies without
// one, it restores tty and reports the crash in one line.
func runCrashGuard(parent io.Reader, ready io.Writer, tty *os.File, stderr io.Writer) int {
	signal.Ignore(syscall.SIGINT, syscall.SIGQUIT, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGTSTP)
	saved, err := term.GetState(tty.Fd())
	if err != nil {
		return 1
	}
	if _, err := ready.Write([]byte{1}); err != nil {
		return 1
	}
	var b [1]byte
	if n, _ := parent.Read(b[:]); n == 1 {
		return 0 // goodbye: the parent restored the terminal itself
	}
	restoreTerminal(tty, tty, saved)
	lang, _ := i18n.ParseLang(os.Getenv(guardLangEnv)) // English when unset
	p := i18n.New(lang)
	file := os.Getenv(guardFileEnv)
	stack, err := os.ReadFile(file)
	switch {
	case err != nil || len(stack) == 0:
		fmt.Fprintln(stderr, p.T(i18n.GuardRestored))
	case os.Getenv(guardDebugEnv) == "1":
		stderr.Write(stack)
		os.Remove(file)
	default:
		fmt.Fprintln(stderr, p.T(i18n.Crashed, strings.TrimPrefix(firstLine(stack), "panic: "), file))
	}
	return 0
}

// firstLine is the runtime's "panic: …" line of a crash report.
func firstLine(stack []byte) string {
	for i, c := range stack {
		if c == '\n' {
			return string(stack[:i])
		}
	}
	return string(stack)
}
