package dataset

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"losslab/core/dist"
)

// NormalizeRows scales every row of d to unit L2 norm, in place and
// scale-safely (dist.UnitRow). A zero row cannot be, and is an error naming
// its file and line; flag, when not "", names what asked for it
// ("--normalize").
func (d *Dataset) NormalizeRows(flag string) error {
	n, _ := d.X.Dims()
	for i := range n {
		if err := dist.UnitRow(d.X.RawRowView(i)); err != nil {
			if flag != "" {
				err = fmt.Errorf("%s: %w", flag, err)
			}
			return d.Locate(&dist.RowError{Row: i, Index: -1, Err: err})
		}
	}
	return nil
}

// Normalized is a copy of d with its rows normalised (NormalizeRows); d is
// unchanged.
func (d *Dataset) Normalized(flag string) (*Dataset, error) {
	out := *d
	out.X = mat.DenseCopyOf(d.X)
	if err := out.NormalizeRows(flag); err != nil {
		return nil, err
	}
	return &out, nil
}
