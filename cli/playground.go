package cli

import (
	"errors"
	"fmt"
	"os"

	"losslab/i18n"
	"losslab/scenarios"
	"losslab/tui"
)

const playgroundSynopsis = `Usage: losslab [--scenario NAME|FILE]

Opens the interactive playground on the article's first example, or on a
scenario: a preset name ('losslab scenarios' lists them) or a .toml file.
Tab switches to the batch view (the iris demo) and back; each keeps its
state. When stdout is not a terminal it prints the starting state once and
exits; when stdin is not a terminal it reads keys from /dev/tty.
NO_COLOR is honoured.`

func runPlayground(args []string, io IO) int {
	fs := newFlagSet("playground")
	scenario := fs.String("scenario", "", "open at this preset or scenario file")
	if done, status := parseFlags(fs, args, playgroundSynopsis, io); done {
		return status
	}
	opts := tui.Options{Color: !io.NoColor && io.OutIsTTY}
	if *scenario != "" {
		s, err := scenarios.Resolve(*scenario)
		if err != nil {
			return fail(io, "losslab", fmt.Errorf("--scenario: %w", err))
		}
		opts.Scenario = s
	}
	printer := i18n.New(i18n.English)
	if !io.OutIsTTY {
		return write(io, "", []byte(tui.Plain(opts, printer)))
	}
	if io.Interactive != nil {
		if err := io.Interactive(opts); err != nil {
			fmt.Fprintf(io.Err, "losslab: %v\n", err)
			return ExitError
		}
		return ExitOK
	}
	status, fellBack := runApp(tui.Config{Start: tui.ModePlayground, Playground: opts}, "losslab", io)
	if fellBack {
		return write(io, "", []byte(tui.Plain(opts, printer)))
	}
	return status
}

// runApp runs the interactive app and turns how it ended into an exit
// status: 128 + the signal's number after a signal, as shells expect; 2
// with one line after a crash or when the user quit on an input error.
// fellBack reports that there was no terminal to read keys from: a note
// is on stderr and the caller prints its plain output instead.
func runApp(cfg tui.Config, cmd string, io IO) (status int, fellBack bool) {
	printer := i18n.New(i18n.English)
	out, err := tui.Run(cfg, tui.Terminal{
		In: io.In, Out: io.Out, Err: io.Err, NoColor: io.NoColor,
		Debug: os.Getenv("LOSSLAB_DEBUG") == "1", Printer: printer,
	})
	var crash *tui.PanicError
	switch {
	case errors.Is(err, tui.ErrNoTerminal):
		fmt.Fprintln(io.Err, printer.T(i18n.NoTerminalNote))
		return ExitOK, true
	case errors.As(err, &crash) && crash.StackFile != "":
		fmt.Fprintln(io.Err, printer.T(i18n.Crashed, crash.Value, crash.StackFile))
		return ExitUsage, false
	case errors.As(err, &crash):
		fmt.Fprintln(io.Err, printer.T(i18n.CrashedNoFile, crash.Value))
		return ExitUsage, false
	case err != nil:
		fmt.Fprintf(io.Err, "%s: %v\n", cmd, err)
		return ExitError, false
	case out.Signal != 0:
		return 128 + int(out.Signal), false
	case out.InputError != nil:
		return fail(io, cmd, out.InputError), false
	}
	return ExitOK, false
}
