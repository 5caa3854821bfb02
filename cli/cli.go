// Package cli holds losslab's subcommands: each turns flags into calls to
// the core packages and prints the result. Run is the whole command line.
//
// The contract every command keeps: a usage error (a bad flag, argument or
// input file) prints one line on stderr that names the flag or file:line,
// prints nothing on stdout and exits 2; output is built in full before any of
// it is written.
package cli

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"losslab/i18n"
	"losslab/internal/gopanic"
	"losslab/internal/termsafe"
	"losslab/internal/textwrap"
	"losslab/tui/playground"
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
	OutWidth int  // stdout's columns when it is a terminal (0: not known)
	ErrIsTTY bool // stderr is a terminal (progress may be shown)
	NoColor  bool // NO_COLOR is set
	// Lang is the language of usage, help and error text (the zero value is English).
	Lang i18n.Lang
	// Locale is the environment's locale: its character set decides whether
	// a terminal may be written to at all (refuseCharset).
	Locale i18n.Locale
	// Interactive, when set, replaces running the TUI (tests use it to see
	// the options the playground would open with).
	Interactive func(playground.Options) error
}

func (o IO) printer() i18n.Printer { return i18n.New(o.Lang) }

// T renders catalogue message id in the IO's language.
func (o IO) T(id i18n.ID, args ...any) string { return o.printer().T(id, args...) }

type command struct {
	name    string
	summary i18n.ID
	run     func(args []string, io IO) int
}

func commands() []command {
	return []command{
		{"eval", i18n.CLISummaryEval, runEval},
		{"scenarios", i18n.CLISummaryScenarios, runScenarios},
		{"replay", i18n.CLISummaryReplay, runReplay},
		{"batch", i18n.CLISummaryBatch, runBatch},
		{"train", i18n.TrainSummary, runTrain},
		{"learn", i18n.CLISummaryLearn, runLearn},
		{"lessons", i18n.CLISummaryLessons, runLessons},
		{"serve", i18n.CLISummaryServe, runServe},
	}
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// usage is losslab's own help: how to call it and the list of commands.
func usage(io IO) string {
	var b strings.Builder
	b.WriteString(io.T(i18n.CLIUsage) + "\n")
	width := 0
	for _, c := range commands() {
		width = max(width, lipgloss.Width(c.name))
	}
	for _, c := range commands() {
		name := textwrap.PadRight(c.name, width)
		b.WriteString(io.T(i18n.CLICommandLine, name, io.T(c.summary)) + "\n")
	}
	b.WriteString("\n" + io.T(i18n.CLIUsageTail) + "\n")
	for _, line := range textwrap.Wrap(io.T(i18n.LangUsage), helpWidth) {
		b.WriteString(line + "\n")
	}
	return b.String()
}

// Run runs the command line args (without the program name) and returns the
// exit status. Without a command it is the playground, whose flags include
// --help and --version.
func Run(args []string, io IO) int {
	return withCrashReport(io, func() int { return runCommandLine(args, io) })
}

// withCrashReport runs f; a panic in it, or in a worker it joined, becomes
// one line naming the file with the stack (stderr with LOSSLAB_DEBUG=1)
// and exit status 2, as in the TUI.
func withCrashReport(io IO, f func() int) (status int) {
	defer func() {
		if v := recover(); v != nil {
			v, stack := gopanic.Unwrap(v, debug.Stack())
			status = reportCrash(io, v, gopanic.Record(v, stack, os.Getenv("LOSSLAB_DEBUG") == "1", io.Err))
		}
	}()
	return f()
}

// reportCrash prints the one line of a crash and returns its status.
func reportCrash(io IO, v any, stackFile string) int {
	if stackFile != "" {
		fmt.Fprintln(io.Err, termsafe.String(io.T(i18n.Crashed, v, stackFile)))
	} else {
		fmt.Fprintln(io.Err, termsafe.String(io.T(i18n.CrashedNoFile, v)))
	}
	return ExitUsage
}

func runCommandLine(args []string, io IO) int {
	args, lang, given, err := takeLang(args)
	if given {
		io.Lang = lang
	}
	if err != nil {
		return fail(io, "losslab", err)
	}
	if status, refused := refuseCharset(io); refused {
		return status
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return runPlayground(args, io)
	}
	if args[0] == "help" {
		return runHelp(args[1:], io)
	}
	if c, ok := findCommand(args[0]); ok {
		return c.run(args[1:], io)
	}
	return fail(io, "losslab", usagef(i18n.CLIErrUnknownCommand, termsafe.Echo(args[0])))
}

// runHelp is `losslab help [COMMAND]`: the usage, or the command's own help
// (the same text as COMMAND --help). The usage is help's own help, so
// `losslab help help` prints it too.
func runHelp(args []string, io IO) int {
	switch {
	case len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help"), len(args) == 0:
		return write(io, "", []byte(usage(io)))
	case len(args) > 1:
		return fail(io, "losslab help", usagef(i18n.CLIErrHelpTakesOne, termsafe.Echo(args[1])))
	}
	c, ok := findCommand(args[0])
	if !ok {
		return fail(io, "losslab help", usagef(i18n.CLIErrUnknownHelpTopic, termsafe.Echo(args[0])))
	}
	return c.run([]string{"--help"}, io)
}
