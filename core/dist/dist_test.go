package dist

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"losslab/internal/golden"
)

var all = []Metric{Euclidean, SqEuclidean, Manhattan, Cosine}

func TestByHand(t *testing.T) {
	u, v := []float64{0, 0}, []float64{3, 4}
	for _, c := range []struct {
		m    Metric
		want float64
	}{{Euclidean, 5}, {SqEuclidean, 25}, {Manhattan, 7}} {
		if got, err := c.m.Between(u, v); err != nil || got != c.want {
			t.Errorf("%v = %v, %v; want %v", c.m, got, err, c.want)
		}
	}
	if got, _ := Cosine.Between([]float64{1, 0}, []float64{0, 2}); got != 1 {
		t.Errorf("cosine of orthogonal vectors = %v, want 1", got)
	}
	if got, _ := Cosine.Between([]float64{1, 1}, []float64{-2, -2}); math.Abs(got-2) > 1e-15 {
		t.Errorf("cosine of opposite vectors = %v, want 2", got)
	}
}

func TestParse(t *testing.T) {
	for _, name := range Names() {
		m, err := Parse(name)
		if err != nil || m.String() != name {
			t.Errorf("Parse(%q) = %v, %v", name, m, err)
		}
	}
	_, err := Parse("chebyshev")
	if !errors.Is(err, ErrUnknownMetric) || !strings.Contains(err.Error(), "euclidean, sqeuclidean, manhattan, cosine") {
		t.Errorf("Parse(chebyshev) error %v", err)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		m    Metric
		u, v []float64
		want error
		arg  int
		text string
	}{
		{Euclidean, nil, []float64{1}, ErrEmpty, 0, "first vector: vector is empty"},
		{Euclidean, []float64{1, 2}, []float64{1}, ErrLength, 1, "second vector: vector lengths differ: 2 and 1"},
		{Manhattan, []float64{1, math.NaN()}, []float64{1, 2}, ErrNotFinite, 0, "first vector: component 2: component is not finite"},
		{Euclidean, []float64{1, 2}, []float64{math.Inf(-1), 2}, ErrNotFinite, 1, "second vector: component 1"},
		{Cosine, []float64{1, 2}, []float64{0, 0}, ErrZeroVector, 1, "second vector: cosine distance is undefined"},
	}
	for _, c := range cases {
		_, err := c.m.Between(c.u, c.v)
		var ve *VectorError
		if !errors.Is(err, c.want) || !errors.As(err, &ve) || ve.Arg != c.arg || !strings.Contains(err.Error(), c.text) {
			t.Errorf("%v(%v, %v) error %v, want %v on arg %d containing %q", c.m, c.u, c.v, err, c.want, c.arg, c.text)
		}
		g := make([]float64, len(c.u))
		if _, err := c.m.Grad(c.u, c.v, g, g); !errors.Is(err, c.want) {
			t.Errorf("Grad: error %v, want %v", err, c.want)
		}
	}
	if _, err := Metric(9).Between([]float64{1}, []float64{1}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("unknown metric error %v", err)
	}
}

func TestGoldenVectorDistances(t *testing.T) {
	g, err := golden.Load()
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range g.Vector {
		m, err := Parse(c.Distance)
		if err != nil {
			t.Fatal(err)
		}
		dap, err1 := m.Between(c.Anchor, c.Positive)
		dan, err2 := m.Between(c.Anchor, c.Negative)
		if err1 != nil || err2 != nil || math.Abs(dap-c.DAP) > 1e-9 || math.Abs(dan-c.DAN) > 1e-9 {
			t.Errorf("case %d %s: %v %v, want %v %v (%v %v)", i, c.Distance, dap, dan, c.DAP, c.DAN, err1, err2)
		}
	}
}

func TestGoldenPairwise(t *testing.T) {
	g, err := golden.Load()
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range g.Batch {
		x := denseOf(b.Embeddings)
		d, err := Pairwise(Euclidean, x)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range b.PairwiseEuclidean {
			for c, want := range row {
				if got := d.At(r, c); math.Abs(got-want) > 1e-9 {
					t.Errorf("batch %d [%d,%d] = %v, want %v", i, r, c, got, want)
				}
			}
		}
	}
}

func denseOf(rows [][]float64) *mat.Dense {
	x := mat.NewDense(len(rows), len(rows[0]), nil)
	for i, r := range rows {
		x.SetRow(i, r)
	}
	return x
}

func randomMatrix(r *rand.Rand, n, d int) *mat.Dense {
	x := mat.NewDense(n, d, nil)
	for i := range n {
		for j := range d {
			x.Set(i, j, r.NormFloat64())
		}
	}
	return x
}

// The Gram-matrix form, its tiles and the direct formula agree; the matrix
// is symmetric with an exact 0 diagonal, even for duplicated rows, and a tile
// has the matrix's bits.
func TestPairwiseMatchesDirect(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	x := randomMatrix(r, 37, 5)
	x.SetRow(3, x.RawRowView(4)) // a duplicate: Gram round-off must clamp to 0
	for _, m := range all {
		p, err := NewPairs(m, x)
		if err != nil {
			t.Fatal(err)
		}
		full := p.Matrix()
		tile := make([]float64, 10*26)
		p.Tile([]int{10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, 5, 30, tile, 26)
		for i := range 37 {
			if full.At(i, i) != 0 {
				t.Errorf("%v: diagonal %d = %v", m, i, full.At(i, i))
			}
			for j := range 37 {
				want, _ := m.Between(x.RawRowView(i), x.RawRowView(j))
				got := full.At(i, j)
				if math.Abs(got-want) > 1e-9 || got < 0 || got != full.At(j, i) {
					t.Fatalf("%v [%d,%d] = %v, want %v (transposed %v)", m, i, j, got, want, full.At(j, i))
				}
				if i >= 10 && i < 20 && j >= 5 && j < 30 && tile[(i-10)*26+j-5] != got {
					t.Fatalf("%v tile [%d,%d] = %v, matrix %v", m, i, j, tile[(i-10)*26+j-5], got)
				}
			}
		}
		if math.Abs(full.At(3, 4)) > 1e-7 && m != SqEuclidean {
			t.Errorf("%v: duplicate rows at distance %v", m, full.At(3, 4))
		}
	}
	// NewPairs must not change its input (cosine normalises a copy).
	y := randomMatrix(rand.New(rand.NewPCG(7, 8)), 37, 5)
	y.SetRow(3, y.RawRowView(4))
	if !mat.Equal(x, y) {
		t.Error("NewPairs modified its input")
	}
}

func TestPairwiseErrors(t *testing.T) {
	x := mat.NewDense(3, 2, []float64{1, 2, 3, math.NaN(), 5, 6})
	_, err := Pairwise(Euclidean, x)
	var re *RowError
	if !errors.As(err, &re) || re.Row != 1 || re.Index != 1 || err.Error() != "row 2: component 2: component is not finite" {
		t.Errorf("NaN row error %v", err)
	}
	_, err = Pairwise(Cosine, mat.NewDense(2, 2, []float64{1, 2, 0, 0}))
	if !errors.Is(err, ErrZeroVector) || !strings.Contains(err.Error(), "row 2") {
		t.Errorf("zero row error %v", err)
	}
	if _, err := Pairwise(Euclidean, &mat.Dense{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty matrix error %v", err)
	}
}

func TestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	vec := func(k int) []float64 {
		v := make([]float64, k)
		for i := range v {
			v[i] = r.NormFloat64() * 3
		}
		return v
	}
	for range 2000 {
		k := 1 + r.IntN(8)
		u, v, w := vec(k), vec(k), vec(k)
		for _, m := range all {
			duv, _ := m.Between(u, v)
			dvu, _ := m.Between(v, u)
			duu, _ := m.Between(u, u)
			if duv != dvu || duv < 0 || math.Abs(duu) > 1e-12 {
				t.Fatalf("%v: d(u,v)=%v d(v,u)=%v d(u,u)=%v", m, duv, dvu, duu)
			}
			if m == Euclidean || m == Manhattan {
				duw, _ := m.Between(u, w)
				dwv, _ := m.Between(w, v)
				if duv > duw+dwv+1e-12 {
					t.Fatalf("%v: triangle inequality broken: %v > %v + %v", m, duv, duw, dwv)
				}
			}
		}
	}
}

func TestGradients(t *testing.T) {
	const h = 1e-6
	r := rand.New(rand.NewPCG(11, 12))
	for _, m := range all {
		for range 200 {
			u, v := make([]float64, 3), make([]float64, 3)
			for i := range u {
				u[i], v[i] = r.NormFloat64(), r.NormFloat64()
			}
			gu, gv := make([]float64, 3), make([]float64, 3)
			if _, err := m.Grad(u, v, gu, gv); err != nil {
				t.Fatal(err)
			}
			for i := range u {
				for side, x := range [][]float64{u, v} {
					orig := x[i]
					x[i] = orig + h
					up, _ := m.Between(u, v)
					x[i] = orig - h
					down, _ := m.Between(u, v)
					x[i] = orig
					want := [][]float64{gu, gv}[side][i]
					if num := (up - down) / (2 * h); math.Abs(num-want) > 1e-5 {
						t.Fatalf("%v: grad of side %d component %d = %v, numeric %v", m, side, i, want, num)
					}
				}
			}
		}
	}
	// At d = 0 the Euclidean gradient is the subgradient 0, not NaN.
	gu, gv := make([]float64, 2), make([]float64, 2)
	if _, err := Euclidean.Grad([]float64{1, 2}, []float64{1, 2}, gu, gv); err != nil || gu[0] != 0 || gu[1] != 0 || gv[0] != 0 {
		t.Errorf("Euclidean gradient at d = 0: %v %v %v", gu, gv, err)
	}
}

// BenchmarkPairwiseEuclidean reports the Gram product's effective GFLOP/s
// (2·N²·D flops counted for the full product, as a GEMM would do).
func BenchmarkPairwiseEuclidean(b *testing.B) {
	const n, d = 2048, 128
	x := randomMatrix(rand.New(rand.NewPCG(1, 1)), n, d)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Pairwise(Euclidean, x); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(2*n*n*d/(float64(b.Elapsed().Nanoseconds())/float64(b.N)), "GFLOP/s")
}

// BenchmarkGonumGemm is the yardstick: gonum's own X·Xᵀ at the same size.
func BenchmarkGonumGemm(b *testing.B) {
	const n, d = 2048, 128
	x := randomMatrix(rand.New(rand.NewPCG(1, 1)), n, d)
	out := mat.NewDense(n, n, nil)
	for b.Loop() {
		out.Mul(x, x.T())
	}
	b.ReportMetric(2*n*n*d/(float64(b.Elapsed().Nanoseconds())/float64(b.N)), "GFLOP/s")
}
