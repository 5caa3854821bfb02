package cli

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"losslab/i18n"
	"losslab/scenarios"
	"losslab/tui"
)

func runPlayground(args []string, io IO) int {
	fs := newFlagSet("")
	scenario := fs.String("scenario", "", io.T(i18n.CLIFlagScenario))
	version := fs.Bool("version", false, io.T(i18n.CLIFlagVersion))
	// losslab's own help is the usage with the list of commands.
	if done, status := parseWithHelp(fs, args, func() string { return usage(io) }, io); done {
		return status
	}
	if fs.NArg() > 0 {
		return fail(io, "losslab", usagef(i18n.CLIErrUnexpectedArg, fs.Arg(0)))
	}
	if *version {
		return write(io, "", []byte(versionLine(io)+"\n"))
	}
	opts := tui.Options{Color: !io.NoColor}
	if *scenario != "" {
		s, err := scenarios.Resolve(*scenario)
		if err != nil {
			return fail(io, "losslab", usagef(i18n.CLIErrScenarioFlag, err.Error()))
		}
		opts.Scenario = s
	}
	if io.NoColor || !io.OutIsTTY {
		lipgloss.SetColorProfile(termenv.Ascii)
		opts.Color = false
	}
	if !io.OutIsTTY {
		return write(io, "", []byte(tui.Plain(opts)))
	}
	if io.Interactive != nil {
		if err := io.Interactive(opts); err != nil {
			return failRun(io, "losslab", err)
		}
		return ExitOK
	}
	_, err := tea.NewProgram(tui.New(opts), tea.WithAltScreen(), tea.WithInput(io.In), tea.WithOutput(io.Out)).Run()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return failRun(io, "losslab", err)
	}
	return ExitOK
}
