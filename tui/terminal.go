package tui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"losslab/i18n"
	"losslab/internal/gopanic"
	"losslab/tui/common"
)

// Terminal is where the app runs.
type Terminal struct {
	In      io.Reader // keys; when it is not a terminal, keys come from /dev/tty
	Out     io.Writer // the screen, a terminal
	Err     io.Writer // where a crash's stack goes when Debug is set
	NoColor bool      // NO_COLOR: the Ascii colour profile
	Debug   bool      // LOSSLAB_DEBUG=1: a crash's stack goes to Err, not to a file
	Printer i18n.Printer
}

// Outcome is how the app ended when it ended without an error.
type Outcome struct {
	Signal     syscall.Signal // non-zero: the signal that ended it (the shell's status is 128 + Signal)
	InputError error          // the input error on screen when the user quit (status 2, as in plain output)
}

// ErrNoTerminal means that neither the input nor /dev/tty is a terminal to
// read keys from.
var ErrNoTerminal = errors.New("no terminal to read keys from")

// PanicError is a crash that Run caught: the terminal was restored and the
// stack written to StackFile ("" when it went to Terminal.Err).
type PanicError struct {
	Value     any
	StackFile string
}

func (e *PanicError) Error() string {
	if e.StackFile == "" {
		return fmt.Sprintf("internal error: %v", e.Value)
	}
	return fmt.Sprintf("internal error: %v (the stack is in %s)", e.Value, e.StackFile)
}

// The signals that end the app, restoring the terminal first.
var endSignals = []os.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM}

// Run runs the app on a terminal with one tea.Program. It restores the
// terminal whatever ends it: a quit, a signal (Outcome.Signal), or a panic
// in Update, View or a command (a *PanicError).
func Run(cfg Config, t Terminal) (Outcome, error) {
	in, closeIn, err := keyboard(t.In)
	if err != nil {
		return Outcome{}, err
	}
	defer closeIn()
	r := lipgloss.NewRenderer(t.Out)
	if t.NoColor {
		r.SetColorProfile(termenv.Ascii)
		r.SetHasDarkBackground(true) // no colour to adapt: do not query the terminal
	} else {
		r.HasDarkBackground() // ask the terminal now, before the program reads its input
	}
	return run(NewAppOn(r, t.Printer, common.ShareContext{Clipboard: t.Out}, cfg), Terminal{In: in, Out: t.Out, Err: t.Err, Debug: t.Debug, Printer: t.Printer})
}

// run runs model as the program on terminal t, whose In is a terminal.
func run(model tea.Model, t Terminal) (out Outcome, err error) {
	in := t.In.(*os.File)
	saved, _ := term.GetState(in.Fd())
	p := tea.NewProgram(model, tea.WithAltScreen(), tea.WithInput(in), tea.WithOutput(t.Out),
		tea.WithoutSignalHandler(), tea.WithoutCatchPanics())

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, endSignals...)
	defer signal.Stop(sigs)
	caught := make(chan syscall.Signal, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		select {
		case s := <-sigs:
			caught <- s.(syscall.Signal)
			p.Kill() // Run returns after restoring the terminal
		case <-stop:
		}
	}()

	defer func() {
		if v := recover(); v != nil {
			restoreTerminal(t.Out, in, saved)
			out, err = Outcome{}, crashed(v, t)
		}
	}()
	final, err := p.Run()
	select {
	case s := <-caught:
		return Outcome{Signal: s}, nil
	default:
	}
	if err != nil {
		return Outcome{}, err
	}
	if app, ok := final.(App); ok {
		return Outcome{InputError: app.InputError()}, nil
	}
	return Outcome{}, nil
}

// keyboard returns where to read keys: in when it is a terminal, else the
// controlling terminal (echo x | losslab, losslab < /dev/null).
func keyboard(in io.Reader) (*os.File, func(), error) {
	if f, ok := in.(*os.File); ok && term.IsTerminal(f.Fd()) {
		return f, func() {}, nil
	}
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return nil, nil, ErrNoTerminal
	}
	if !term.IsTerminal(tty.Fd()) {
		tty.Close()
		return nil, nil, ErrNoTerminal
	}
	return tty, func() { tty.Close() }, nil
}

// restoreTerminal undoes what the program did to the terminal when a panic
// kept Bubble Tea from doing it: bracketed paste off, cursor shown, the
// alternate screen left, the saved (cooked) mode back.
func restoreTerminal(out io.Writer, in *os.File, saved *term.State) {
	io.WriteString(out, "\x1b[?2004l\x1b[?25h\x1b[?1049l")
	if saved != nil {
		_ = term.Restore(in.Fd(), saved)
	}
}

// crashed writes the stack of panic v where the user can find it and
// returns the one-line error.
func crashed(v any, t Terminal) error {
	stack := debug.Stack()
	if pm, ok := v.(panicMsg); ok { // a command's panic, carried into the event loop
		v, stack = pm.value, pm.stack
	}
	v, stack = gopanic.Unwrap(v, stack) // a worker's panic carries the worker's stack
	return &PanicError{Value: v, StackFile: gopanic.Record(v, stack, t.Debug, t.Err)}
}

// panicMsg carries a panic out of a command's goroutine into the event
// loop, where Run's recovery restores the terminal.
type panicMsg struct {
	value any
	stack []byte
}

// guard wraps cmd so that a panic in it (or in the commands of a batch it
// returns) arrives as a panicMsg instead of killing the process with the
// terminal still raw.
func guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if v := recover(); v != nil {
				v, stack := gopanic.Unwrap(v, debug.Stack())
				msg = panicMsg{v, stack}
			}
		}()
		msg = cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			guarded := make(tea.BatchMsg, len(b))
			for i, c := range b {
				guarded[i] = guard(c)
			}
			return guarded
		}
		return msg
	}
}
