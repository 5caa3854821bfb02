package dataset

import (
	"gonum.org/v1/gonum/mat"

	"losslab/core/dist"
)

// NormalizeRows scales every row of d to unit L2 norm, in place and
// scale-safely (dist.UnitRow). A zero row cannot be, and is an error naming
// its file and line (a RowProblem with dist.ErrZeroRow).
func (d *Dataset) NormalizeRows() error {
	n, _ := d.X.Dims()
	for i := range n {
		if err := dist.UnitRow(d.X.RawRowView(i)); err != nil {
			return d.Locate(&dist.RowError{Row: i, Index: -1, Err: err})
		}
	}
	return nil
}

// Normalized is a copy of d with its rows normalised (NormalizeRows); d is
// unchanged.
func (d *Dataset) Normalized() (*Dataset, error) {
	out := *d
	out.X = mat.DenseCopyOf(d.X)
	if err := out.NormalizeRows(); err != nil {
		return nil, err
	}
	return &out, nil
}
