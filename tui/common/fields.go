package common

import (
	"losslab/core/grid"
	"losslab/i18n"
)

// Steps of the arrow keys on the 0.01 grid, in hundredths: the playground's
// values and the batch view's margin move alike.
const (
	CoarseStep = 5
	FineStep   = 1
)

// FieldLabel is a control's name on screen: the distances and labels by
// their symbols, the margin by its word in the printer's language.
func FieldLabel(p i18n.Printer, f grid.Field) string {
	if f == grid.Margin {
		return p.T(i18n.FieldMargin)
	}
	return f.Label()
}
