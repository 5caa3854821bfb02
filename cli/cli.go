// Package cli holds losslab's subcommands: each turns flags into calls to
// the core packages and prints the result. Run is the whole command line.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"losslab/internal/termsafe"
	"losslab/tui"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1 // something failed that was not the user's input
	ExitUsage = 2 // bad flags, arguments or input files
)

// IO is where a command reads and writes; tests pass buffers.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
	OutIsTTY bool // stdout is a terminal (the playground may open)
	ErrIsTTY bool // stderr is a terminal (progress may be shown)
	NoColor  bool // NO_COLOR is set
	// Interactive, when set, replaces running the TUI (tests use it to see
	// the options the playground would open with).
	Interactive func(tui.Options) error
}

type command struct {
	name, summary string
	run           func(args []string, io IO) int
}

func commands() []command {
	return []command{
		{"eval", "compute every loss for one triplet (distances or vectors)", runEval},
		{"scenarios", "list the preset scenarios", runScenarios},
		{"replay", "print every state of a scenario with both losses", runReplay},
		{"batch", "batch losses, mining and distance distributions of labelled embeddings", runBatch},
		{"train", "train 2-D embeddings and watch the two distance distributions pull apart", runTrain},
	}
}

const usageHead = `losslab: a playground for contrastive and triplet loss

Usage:
  losslab [--scenario NAME|FILE]
                          open the interactive playground (plain output when not a terminal)
  losslab COMMAND [flags]

Commands:
`

func usage(w io.Writer) {
	fmt.Fprint(w, usageHead)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun 'losslab COMMAND --help' for a command's flags.\n")
}

// Run runs the command line args (without the program name) and returns the
// exit status.
func Run(args []string, io IO) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && !isHelp(args[0]) {
		return runPlayground(args, io)
	}
	if isHelp(args[0]) || args[0] == "help" {
		usage(io.Out)
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], io)
		}
	}
	return fail(io, "losslab", fmt.Errorf("unknown command %q (run 'losslab --help' for the list)", args[0]))
}

func isHelp(a string) bool { return a == "-h" || a == "--help" || a == "-help" }

// fail prints one line on stderr and returns ExitUsage. Control characters
// that came from user input are escaped so that the message stays one line.
func fail(io IO, cmd string, err error) int {
	fmt.Fprintf(io.Err, "%s: %s\n", cmd, termsafe.String(err.Error()))
	return ExitUsage
}

// newFlagSet makes a flag set that reports errors to the caller instead of
// printing them, and whose usage lists flags with two dashes.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args into fs and rejects positional arguments. It
// returns (done, status): done is true when the caller must return status
// (help was printed, or an error).
func parseFlags(fs *flag.FlagSet, args []string, synopsis string, io IO) (bool, int) {
	if done, status := parseFlagsAllowArgs(fs, args, synopsis, io); done {
		return done, status
	}
	if fs.NArg() > 0 {
		return true, fail(io, "losslab "+fs.Name(), fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	return false, ExitOK
}

// parseFlagsAllowArgs is parseFlags for commands that take arguments.
func parseFlagsAllowArgs(fs *flag.FlagSet, args []string, synopsis string, io IO) (bool, int) {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		printFlagHelp(fs, synopsis, io.Out)
		return true, ExitOK
	}
	if err != nil {
		return true, fail(io, "losslab "+fs.Name(), flagError(err))
	}
	return false, ExitOK
}

// flagError rewrites the flag package's messages to name flags as users type
// them (--dap, not -dap).
func flagError(err error) error {
	msg := err.Error()
	for _, p := range []string{"flag -", "defined: -", "argument: -"} {
		msg = strings.Replace(msg, p, p+"-", 1)
	}
	msg = strings.Replace(msg, " for flag --", " for --", 1)
	return errors.New(msg)
}

func printFlagHelp(fs *flag.FlagSet, synopsis string, w io.Writer) {
	fmt.Fprintf(w, "%s\n\nFlags:\n", synopsis)
	fs.VisitAll(func(f *flag.Flag) {
		name, use := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  --%s %s\n    \t%s", f.Name, name, use)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}
