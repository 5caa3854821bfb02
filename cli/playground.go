package cli

import (
	"errors"
	"fmt"
	"os"

	"losslab/i18n"
	"losslab/internal/termsafe"
	"losslab/scenarios"
	"losslab/scenarios/curriculum"
	"losslab/tui"
	"losslab/tui/course"
	"losslab/tui/playground"
)

func runPlayground(args []string, io IO) int {
	fs := newFlagSet("")
	scenario := fs.String("scenario", "", io.T(i18n.CLIFlagScenario))
	version := fs.Bool("version", false, io.T(i18n.CLIFlagVersion))
	stateStr := fs.String("state", "", io.T(i18n.CLIFlagState))
	points := fs.Bool("points", false, io.T(i18n.CLIFlagPoints))
	// losslab's own help is the usage with the list of commands.
	if done, status := parseWithHelp(fs, args, func() string { return usage(io) }, io); done {
		return status
	}
	if fs.NArg() > 0 {
		return fail(io, "losslab", usagef(i18n.CLIErrUnexpectedArg, termsafe.Echo(fs.Arg(0))))
	}
	if *version {
		return write(io, "", []byte(versionLine(io)+"\n"))
	}
	opts := playground.Options{Points: *points}
	if err := conflict(fs, "state", "scenario"); err != nil {
		return fail(io, "losslab", err)
	}
	if fs.Changed("state") {
		r, err := decodeStateFlag(*stateStr)
		if err != nil {
			return fail(io, "losslab", err)
		}
		opts.Restore = r
	}
	if *scenario != "" {
		s, err := scenarios.Resolve(*scenario)
		if err != nil {
			return fail(io, "losslab", usagef(i18n.CLIErrScenarioFlag, err))
		}
		opts.Scenario = s
	}
	if !io.OutIsTTY {
		return write(io, "", []byte(playground.Plain(opts, io.printer(), io.OutWidth)))
	}
	if io.Interactive != nil {
		if err := io.Interactive(opts); err != nil {
			return failRun(io, "losslab", err)
		}
		return ExitOK
	}
	status, fellBack := runApp(tui.Config{Start: tui.ModePlayground, Playground: opts}, "losslab", io)
	if fellBack {
		return write(io, "", []byte(playground.Plain(opts, io.printer(), io.OutWidth)))
	}
	return status
}

// runApp runs the interactive app (one tea.Program for every mode) and
// turns how it ended into an exit status: 128 + the signal's number after
// a signal, as shells expect; 2 with one line after a crash or when the
// user quit on an input error the view showed. fellBack reports that there
// was no terminal to read keys from: a note is on stderr and the caller
// prints its plain output instead.
func runApp(cfg tui.Config, cmd string, io IO) (status int, fellBack bool) {
	cfg.Learn = withCourseProgress(cfg.Learn)
	out, err := tui.Run(cfg, tui.Terminal{
		In: io.In, Out: io.Out, Err: io.Err, NoColor: io.NoColor,
		Debug: os.Getenv("LOSSLAB_DEBUG") == "1", Printer: io.printer(),
	})
	var crash *tui.PanicError
	switch {
	case errors.Is(err, tui.ErrNoTerminal):
		fmt.Fprintln(io.Err, io.T(i18n.NoTerminalNote))
		return ExitOK, true
	case errors.As(err, &crash):
		return reportCrash(io, crash.Value, crash.StackFile), false
	case err != nil:
		return failRun(io, cmd, err), false
	case out.Signal != 0:
		return 128 + int(out.Signal), false
	case out.InputError != nil:
		return fail(io, cmd, out.InputError), false
	}
	return ExitOK, false
}

// withCourseProgress gives the embedded course its progress file, whichever
// mode the app starts in: `g` from the playground opens the same course as
// `losslab learn`, so it must read and save the same progress. A user's own
// lesson file (Lessons set) keeps none; without a home directory the course
// keeps progress for the session only, as `learn` would have said.
func withCourseProgress(cfg course.Config) course.Config {
	if cfg.Lessons != nil || cfg.ProgressPath != "" {
		return cfg
	}
	cfg.ProgressPath, _ = curriculum.ProgressPath()
	return cfg
}
