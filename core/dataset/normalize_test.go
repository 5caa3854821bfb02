package dataset

import (
	"errors"
	"math"
	"strings"
	"testing"

	"losslab/core/dist"
)

// Normalized scales a copy's rows to unit length, leaves the data as read
// alone, and names the file and line of a row that cannot be scaled.
func TestNormalized(t *testing.T) {
	d, err := Parse(strings.NewReader("x,y,label\n3,4,a\n0,5,a\n1e200,1e200,b\n-2,0,b\n"), "rows.csv", CSV, "")
	if err != nil {
		t.Fatal(err)
	}
	nd, err := d.Normalized()
	if err != nil {
		t.Fatal(err)
	}
	if d.X.At(0, 0) != 3 || nd.X.At(0, 0) != 0.6 || nd.X.At(0, 1) != 0.8 || math.Abs(nd.X.At(2, 0)-math.Sqrt(0.5)) > 1e-15 {
		t.Errorf("rows %v → %v", d.X.RawRowView(0), nd.X.RawRowView(0))
	}
	z, err := Parse(strings.NewReader("1,2,a\n0,0,a\n1,1,b\n2,2,b\n"), "zero.csv", CSV, "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = z.Normalized()
	var de *Error
	if !errors.As(err, &de) || de.Line != 2 || de.Reason != RowProblem || !errors.Is(err, dist.ErrZeroRow) {
		t.Errorf("zero row: %v", err)
	}
}
