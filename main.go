// Command losslab is a terminal playground for contrastive and triplet loss.
// main only wires: one width rule for the screen, then the command line
// goes to cli.Run, which picks the interactive playground or a subcommand.
package main

import (
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"

	"losslab/cli"
	"losslab/i18n"
	"losslab/tui/common"
)

func main() {
	common.NarrowAmbiguousWidths()
	_, noColor := os.LookupEnv("NO_COLOR")
	locale := i18n.ReadLocale(os.Getenv)
	width, _, err := term.GetSize(os.Stdout.Fd())
	if err != nil {
		width = 0 // not a terminal: the plain output's own width
	}
	os.Exit(cli.Run(os.Args[1:], cli.IO{
		In:       os.Stdin,
		Out:      os.Stdout,
		Err:      os.Stderr,
		OutIsTTY: isatty.IsTerminal(os.Stdout.Fd()),
		OutWidth: width,
		ErrIsTTY: isatty.IsTerminal(os.Stderr.Fd()),
		NoColor:  noColor,
		Lang:     locale.Lang, // --lang overrides it
		Locale:   locale,
	}))
}
