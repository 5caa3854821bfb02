package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/pflag"

	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/internal/termsafe"
	"losslab/internal/textwrap"
)

// A command declares its flags on newFlagSet(name) with the usual pflag
// calls (fs.Var, fs.BoolVar, fs.StringVar, fs.IntVar), each description
// from the catalogue, then calls parseFlags (or parseFlagsAllowArgs when it
// takes arguments). Flags may come before or after arguments; "--" ends them.

// newFlagSet makes a flag set that returns errors instead of printing them
// and keeps flags in declaration order for the help. name is the command
// ("" for the playground, which is losslab itself).
func newFlagSet(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false
	return fs
}

// commandName is how errors and help name the command of fs.
func commandName(fs *pflag.FlagSet) string {
	return strings.TrimSpace("losslab " + fs.Name())
}

// parseFlags parses args into fs and rejects positional arguments. It
// returns (done, status): done is true when the caller must return status
// (help was printed, or an error).
func parseFlags(fs *pflag.FlagSet, args []string, synopsis i18n.ID, io IO) (bool, int) {
	if done, status := parseFlagsAllowArgs(fs, args, synopsis, io); done {
		return done, status
	}
	if fs.NArg() > 0 {
		return true, fail(io, commandName(fs), usagef(i18n.CLIErrUnexpectedArg, termsafe.Echo(fs.Arg(0))))
	}
	return false, ExitOK
}

// parseFlagsAllowArgs is parseFlags for commands that take arguments; they
// read them with fs.Args().
func parseFlagsAllowArgs(fs *pflag.FlagSet, args []string, synopsis i18n.ID, io IO) (bool, int) {
	return parseWithHelp(fs, args, func() string { return flagHelp(fs, synopsis, io) }, io)
}

// parseWithHelp parses args into fs; --help prints help() on stdout.
func parseWithHelp(fs *pflag.FlagSet, args []string, help func() string, io IO) (bool, int) {
	err := fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) {
		return true, write(io, fs.Name(), []byte(help()))
	}
	if err != nil {
		return true, fail(io, commandName(fs), flagError(fs, err))
	}
	// Every command that has both refuses them together.
	if err := conflict(fs, "plain", "json"); err != nil {
		return true, fail(io, commandName(fs), err)
	}
	return false, ExitOK
}

// flagError turns pflag's errors into catalogue messages that name the flag
// as the user typed it.
func flagError(fs *pflag.FlagSet, err error) error {
	var (
		notExist *pflag.NotExistError
		needs    *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &invalid):
		return invalidValue(invalid)
	case errors.As(err, &needs):
		return usagef(i18n.CLIErrNeedsValue, needs.GetFlag().Name)
	case errors.As(err, &notExist):
		if short := notExist.GetSpecifiedShortnames(); short != "" {
			if fs.Lookup(short) != nil { // -dap for --dap
				return usagef(i18n.CLIErrSingleDash, termsafe.Echo("-"+short), termsafe.Echo("--"+short))
			}
			return usagef(i18n.CLIErrUnknownFlag, termsafe.Echo("-"+short), commandName(fs))
		}
		return usagef(i18n.CLIErrUnknownFlag, termsafe.Echo("--"+notExist.GetSpecifiedName()), commandName(fs))
	case errors.As(err, &syntax):
		return usagef(i18n.CLIErrBadSyntax, termsafe.Echo(syntax.GetSpecifiedFlag()))
	}
	return err
}

func invalidValue(e *pflag.InvalidValueError) error {
	name, cause := e.GetFlag().Name, e.Unwrap()
	var ue *usageError
	var ne *strconv.NumError
	var localized errtext.Localized
	switch {
	case errors.As(cause, &ue):
		return usagef(i18n.CLIErrBadValue, name, ue)
	case errors.As(cause, &localized):
		return usagef(i18n.CLIErrBadValue, name, localized)
	case e.GetFlag().Value.Type() == "bool":
		return usagef(i18n.CLIErrNoValueWanted, name, termsafe.Echo(e.GetValue()))
	case errors.As(cause, &ne), strings.Contains(e.GetFlag().Value.Type(), "int"): // pflag's IntVar and friends
		return usagef(i18n.CLIErrBadValue, name, usagef(i18n.CLIErrNotInteger, termsafe.Echo(e.GetValue())))
	}
	return usagef(i18n.CLIErrBadValue, name, cause)
}

// flagHelp is a command's help: its synopsis and every flag with its
// description and default.
func flagHelp(fs *pflag.FlagSet, synopsis i18n.ID, io IO) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n%s\n", io.T(synopsis), io.T(i18n.CLIFlagsHeading))
	fs.VisitAll(func(f *pflag.Flag) {
		name, use := pflag.UnquoteUsage(f)
		if id, ok := typeNames[name]; ok && !strings.Contains(f.Usage, "`") {
			name = io.T(id) // a type's name, not one the help gave: in the help's language
		}
		flag := "--" + f.Name
		if name != "" {
			flag += " " + name
		}
		units := textwrap.Units(use)
		if f.DefValue != "" && f.DefValue != "false" {
			units = append(units, textwrap.Unit{Text: io.T(i18n.CLIFlagDefault, f.DefValue), Whole: true})
		}
		writeFlag(&b, flag, units)
	})
	writeFlag(&b, "--lang en|zh", textwrap.Units(io.T(i18n.LangFlag)))
	writeFlag(&b, "-h, --help", textwrap.Units(io.T(i18n.CLIFlagHelp)))
	return b.String()
}

// typeNames are the value names pflag derives from a flag's type.
var typeNames = map[string]i18n.ID{
	"number": i18n.CLIMetaNumber,
	"int":    i18n.CLIMetaInt,
	"uint":   i18n.CLIMetaUint,
	"string": i18n.CLIMetaString,
	"name":   i18n.CLIMetaName,
	"label":  i18n.CLIMetaLabel,
	"vector": i18n.CLIMetaVector,
}

// conflict refuses flags that were given together although they exclude each
// other (such as --plain and --json); --plain=false does not count as given.
func conflict(fs *pflag.FlagSet, a, b string) error {
	given := func(name string) bool {
		f := fs.Lookup(name)
		return f != nil && f.Changed && f.Value.String() != "false"
	}
	if given(a) && given(b) {
		return usagef(i18n.CLIErrConflict, "--"+a, "--"+b)
	}
	return nil
}

// usageError is a usage error whose text is a catalogue message, rendered in
// the language of the IO that prints it.
type usageError struct {
	id    i18n.ID
	args  []any
	count *int64 // a message about count things (i18n.Printer.N)
}

func usagef(id i18n.ID, args ...any) error { return &usageError{id: id, args: args} }

// usageCountf is usagef for a message about n things.
func usageCountf(id i18n.ID, n int64, args ...any) error {
	return &usageError{id: id, args: args, count: &n}
}

// nameList is a list of names in a message, joined as p's language joins
// a list (iris, digits; iris、digits).
type nameList []string

func (l nameList) Text(p i18n.Printer) string { return strings.Join(l, p.T(i18n.DataListSep)) }

func (e *usageError) Error() string { return e.render(i18n.New(i18n.English)) }

// Text is the message in p's language.
func (e *usageError) Text(p i18n.Printer) string { return e.render(p) }

// render writes the message with p; arguments that are errors are said with
// p too (errorText).
func (e *usageError) render(p i18n.Printer) string {
	args := make([]any, len(e.args))
	for i, a := range e.args {
		switch v := a.(type) {
		case error:
			a = errorText(p, v)
		case nameList:
			a = v.Text(p)
		}
		args[i] = a
	}
	if e.count != nil {
		return p.N(e.id, *e.count, args...)
	}
	return p.T(e.id, args...)
}

// fail prints one line on stderr and returns ExitUsage. Control characters
// that came from user input are escaped so that the message stays one line.
func fail(io IO, cmd string, err error) int {
	printError(io, cmd, err)
	return ExitUsage
}

// printError writes "cmd: message" as one line, in the IO's language.
func printError(io IO, cmd string, err error) {
	fmt.Fprintln(io.Err, io.T(i18n.CLIErrorLine, cmd, termsafe.String(errorText(io.printer(), err))))
}

// errorText says err with p: a usage error, a localized error, or one of
// the typed errors internal/errtext knows (a reader's, a file's); any
// other error in its own words.
func errorText(p i18n.Printer, err error) string {
	if ue, ok := err.(*usageError); ok {
		return ue.render(p)
	}
	return errtext.Message(p, err)
}

// failRun prints one line on stderr for a failure that is not the user's
// (the terminal, a write) and returns ExitError.
func failRun(io IO, cmd string, err error) int {
	printError(io, cmd, err)
	return ExitError
}

// helpWidth is the width flag descriptions wrap to: an 80-column terminal.
const helpWidth = 80

// writeFlag writes a flag on its own line and its description below it,
// indented and wrapped between units (words, and the default as one).
func writeFlag(b *strings.Builder, flag string, units []textwrap.Unit) {
	const indent = "      "
	fmt.Fprintf(b, "  %s\n", flag)
	if len(units) == 0 {
		return
	}
	for _, line := range textwrap.WrapUnits(units, helpWidth-lipgloss.Width(indent)) {
		fmt.Fprintf(b, "%s%s\n", indent, line)
	}
}
