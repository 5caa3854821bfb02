package train

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"losslab/core/dataset"
)

// Data is a labelled set of inputs, standardised per column.
type Data struct {
	ID      DataID
	Source  string    // what to call it on screen: the ID, "demo iris" or a file name
	X       []float64 // N×D, row-major
	N, D    int
	Labels  []int    // class index of each row, 0..len(Classes)−1
	Classes []string // class names by index
}

// Row is input i.
func (d *Data) Row(i int) []float64 { return d.X[i*d.D : (i+1)*d.D] }

// Streams of the seeded generator: each use draws from its own, so that
// changing the batch size does not change the data or the initial model.
const (
	streamData uint64 = iota + 1
	streamInit
	streamBatches
	streamEval
	streamSplit
	streamEvalHeldOut
	streamLabelNoise
)

func newRand(seed, stream uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, stream)) }

// Generate builds a built-in data set: the generated ones from the seed, the
// demo sets from core/dataset. File is not generated: use FromDataset.
func Generate(id DataID, seed uint64) (*Data, error) {
	r := newRand(seed, streamData)
	var d *Data
	switch id {
	case Blobs:
		d = blobs(r, 4, 4, 0.5)
	case Overlap:
		d = blobs(r, 3, 1, 1)
	case Rings:
		d = rings(r)
	case Moons:
		d = moons(r)
	case Iris, Digits:
		ds, err := dataset.Demo(string(id))
		if err != nil {
			return nil, err
		}
		return FromDataset(ds, id)
	default:
		_, err := ParseData(string(id))
		return nil, err
	}
	d.ID, d.Source = id, string(id)
	standardize(d)
	return d, nil
}

// FromDataset takes the inputs of a data set read by core/dataset.
func FromDataset(ds *dataset.Dataset, id DataID) (*Data, error) {
	n, dim := ds.X.Dims()
	if n < 4 {
		return nil, fmt.Errorf("%s: %w: %d rows, need at least 4", ds.Source, ErrTooSmall, n)
	}
	d := &Data{ID: id, Source: ds.Source, X: make([]float64, 0, n*dim), N: n, D: dim,
		Labels: append([]int(nil), ds.Labels...), Classes: append([]string(nil), ds.Classes...)}
	for i := range n {
		d.X = append(d.X, ds.X.RawRowView(i)...)
	}
	if slices.Equal(d.X[:dim*(n-1)], d.X[dim:]) { // each row equals the next
		return nil, fmt.Errorf("%s: %w", ds.Source, ErrIdenticalRows)
	}
	standardize(d)
	return d, nil
}

func classNames(k int) []string {
	names := make([]string, k)
	for c := range names {
		names[c] = fmt.Sprintf("class %d", c+1)
	}
	return names
}

// blobs draws DefaultPoints points in k Gaussian classes of deviation sd
// around centres spaced evenly on a circle of radius radius.
func blobs(r *rand.Rand, k int, radius, sd float64) *Data {
	d := &Data{N: DefaultPoints, D: 2, Classes: classNames(k)}
	for i := range d.N {
		c := i % k
		angle := 2 * math.Pi * float64(c) / float64(k)
		d.X = append(d.X, radius*math.Cos(angle)+sd*r.NormFloat64(), radius*math.Sin(angle)+sd*r.NormFloat64())
		d.Labels = append(d.Labels, c)
	}
	return d
}

// rings draws three concentric rings of radii 1, 2, 3 with noise 0.1.
func rings(r *rand.Rand) *Data {
	d := &Data{N: DefaultPoints, D: 2, Classes: classNames(3)}
	for i := range d.N {
		c := i % 3
		angle := 2 * math.Pi * r.Float64()
		rad := float64(c+1) + 0.1*r.NormFloat64()
		d.X = append(d.X, rad*math.Cos(angle), rad*math.Sin(angle))
		d.Labels = append(d.Labels, c)
	}
	return d
}

// moons draws scikit-learn's two interleaving half circles with noise 0.1.
func moons(r *rand.Rand) *Data {
	d := &Data{N: DefaultPoints, D: 2, Classes: classNames(2)}
	for i := range d.N {
		c := i % 2
		t := math.Pi * r.Float64()
		x, y := math.Cos(t), math.Sin(t)
		if c == 1 {
			x, y = 1-x, 0.5-y
		}
		d.X = append(d.X, x+0.1*r.NormFloat64(), y+0.1*r.NormFloat64())
		d.Labels = append(d.Labels, c)
	}
	return d
}

// standardize gives every column mean 0 and variance 1; a constant column
// becomes 0. Each column is first multiplied by the power of two that
// brings its largest magnitude into [0.5, 1), as the batch readers do
// before distances (dist.UnitRow): the scaling is exact, so columns of 1e-3
// or 1 give the same bits as before, and columns of 1e160 (whose squares
// overflow), 1e-300 (whose squares vanish) or near 1e308 (whose differences
// overflow) give the answer the same column at scale 1 would.
func standardize(d *Data) {
	col := make([]float64, d.N)
	for j := range d.D {
		for i := range d.N {
			col[i] = d.X[i*d.D+j]
		}
		standardizeColumn(col)
		for i := range d.N {
			d.X[i*d.D+j] = col[i]
		}
	}
}

// standardizeColumn standardises x in place (see standardize).
func standardizeColumn(x []float64) {
	maxAbs := 0.0
	constant := true
	for _, v := range x {
		maxAbs = math.Max(maxAbs, math.Abs(v))
		constant = constant && v == x[0]
	}
	if constant { // a mean that rounds away from the value would give ±1
		clear(x)
		return
	}
	_, e := math.Frexp(maxAbs)
	var mean float64
	for i, v := range x {
		x[i] = math.Ldexp(v, -e)
		mean += x[i]
	}
	mean /= float64(len(x))
	var v float64
	for _, xi := range x {
		t := xi - mean
		v += t * t
	}
	sd := math.Sqrt(v / float64(len(x)))
	for i := range x {
		if sd > 0 {
			x[i] = (x[i] - mean) / sd
		} else {
			x[i] = 0
		}
	}
}
