package common

import (
	"errors"
	"fmt"
	"losslab/internal/atomicfile"
	"losslab/internal/errtext"
	"path/filepath"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gplot "gonum.org/v1/plot"

	"losslab/figure"
	"losslab/i18n"
)

// FigureWrittenMsg reports the outcome of writing a figure for the model
// whose ID (NewID) is By.
type FigureWrittenMsg struct {
	By   uint64
	Path string
	Err  error
}

// SaveFigure draws build's figure as an SVG in dir under name (or
// name-2 … name-100 when taken), never over a file, in a command so that
// Update does no I/O.
func SaveFigure(by uint64, dir, name string, build func() (*gplot.Plot, error)) tea.Cmd {
	return func() tea.Msg {
		p, err := build()
		if err != nil {
			return FigureWrittenMsg{By: by, Err: err}
		}
		data, err := figure.Render(p, "svg")
		if err != nil {
			return FigureWrittenMsg{By: by, Err: err}
		}
		for i := 1; i <= 100; i++ {
			file := name + ".svg"
			if i > 1 {
				file = fmt.Sprintf("%s-%d.svg", name, i)
			}
			path := filepath.Join(dir, file)
			if err := atomicfile.WriteNew(path, data); !errors.Is(err, atomicfile.ErrExists) {
				return FigureWrittenMsg{By: by, Path: path, Err: err}
			}
		}
		return FigureWrittenMsg{By: by, Err: atomicfile.ErrExists}
	}
}

// FigureName is a figure's file name without extension: what it shows and when.
func FigureName(what string, now time.Time) string {
	return "losslab-" + what + "-" + now.Format("20060102-150405")
}

// FigureStatus is the line that says where a figure went, or why it did not.
func FigureStatus(p i18n.Printer, msg FigureWrittenMsg) string {
	if msg.Err != nil {
		return p.T(i18n.FigWriteFail, errtext.Message(p, msg.Err))
	}
	return p.T(i18n.FigWrote, msg.Path)
}
