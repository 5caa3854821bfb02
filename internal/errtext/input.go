package errtext

import (
	"errors"
	"strings"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
)

// InputError is a refused value of one of the playground's five controls,
// whether typed in the playground, read from a scenario file or given as a
// flag: one text for each reason, in the language of whoever shows it.
type InputError struct {
	Err   error  // a *grid.ValueError, or loss.ErrLabel
	Typed string // what was given for a label
}

// NewInputError wraps the error of grid.Field.Value or loss.ParseLabel (of
// typed).
func NewInputError(err error, typed string) *InputError {
	return &InputError{Err: err, Typed: typed}
}

func (e *InputError) Error() string { return e.Text(i18n.New(i18n.English)) }

func (e *InputError) Unwrap() error { return e.Err }

// Text is the full reason: the field's range, the 0.01 grid, or the words a
// label may be (those loss.ParseLabel accepts).
func (e *InputError) Text(p i18n.Printer) string { return e.text(p, false) }

// Short says the same in fewer words, for a one-line status at 80 columns.
func (e *InputError) Short(p i18n.Printer) string { return e.text(p, true) }

func (e *InputError) text(p i18n.Printer, short bool) string {
	var ve *grid.ValueError
	switch {
	case errors.As(e.Err, &ve) && errors.Is(ve.Err, grid.ErrOffGrid):
		if short {
			return p.T(i18n.InputOffGridShort, numfmt.Input(ve.X))
		}
		return p.T(i18n.InputOffGrid, numfmt.Input(ve.X))
	case errors.As(e.Err, &ve):
		return p.T(i18n.InputOutOfRange, numfmt.Input(ve.X), ve.Field.Max().String())
	case errors.Is(e.Err, loss.ErrLabel) && short:
		return p.T(i18n.InputNotLabelShort, termsafe.Echo(e.Typed))
	case errors.Is(e.Err, loss.ErrLabel):
		return p.T(i18n.InputNotLabel, termsafe.Echo(e.Typed),
			strings.Join(loss.LabelSpellings(loss.Same), ", "), strings.Join(loss.LabelSpellings(loss.Different), ", "))
	}
	return e.Err.Error()
}
