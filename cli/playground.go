package cli

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"losslab/scenarios"
	"losslab/tui"
)

const playgroundSynopsis = `Usage: losslab [--scenario NAME|FILE]

Opens the interactive playground on the article's first example, or on a
scenario: a preset name ('losslab scenarios' lists them) or a .toml file.
When stdout is not a terminal it prints the starting state once and exits.
NO_COLOR is honoured.`

func runPlayground(args []string, io IO) int {
	fs := newFlagSet("playground")
	scenario := fs.String("scenario", "", "open at this preset or scenario file")
	if done, status := parseFlags(fs, args, playgroundSynopsis, io); done {
		return status
	}
	opts := tui.Options{Color: !io.NoColor}
	if *scenario != "" {
		s, err := scenarios.Resolve(*scenario)
		if err != nil {
			return fail(io, "losslab", fmt.Errorf("--scenario: %w", err))
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
			fmt.Fprintf(io.Err, "losslab: %v\n", err)
			return ExitError
		}
		return ExitOK
	}
	_, err := tea.NewProgram(tui.New(opts), tea.WithAltScreen(), tea.WithInput(io.In), tea.WithOutput(io.Out)).Run()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		fmt.Fprintf(io.Err, "losslab: %v\n", err)
		return ExitError
	}
	return ExitOK
}
