package dataset

import (
	"math"
	"strings"
	"testing"
)

// Normalized scales a copy's rows to unit length, leaves the data as read
// alone, and names the file and line of a row that cannot be scaled.
func TestNormalized(t *testing.T) {
	d, err := Parse(strings.NewReader("x,y,label\n3,4,a\n0,5,a\n1e200,1e200,b\n-2,0,b\n"), "rows.csv", CSV, "")
	if err != nil {
		t.Fatal(err)
	}
	nd, err := d.Normalized("--normalize")
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
	if _, err := z.Normalized("--normalize"); err == nil || err.Error() != "zero.csv:2: --normalize: the row is a zero vector" {
		t.Errorf("zero row: %v", err)
	}
	if err := z.NormalizeRows(""); err == nil || err.Error() != "zero.csv:2: the row is a zero vector" {
		t.Errorf("zero row, no flag: %v", err)
	}
}
