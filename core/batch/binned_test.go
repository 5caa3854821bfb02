package batch

import (
	"context"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"

	"losslab/core/dist"
	"losslab/core/loss"
)

// Over every anchor, the binned method (for batches whose positive pairs
// do not fit the memory budget) gives the exact method's figures, the same
// bits, except the AUC, which lies within the bound it states. The batches
// are large enough for many pairs to share the fine bins that decide the
// threshold, the median and the median + m, with ties (grid values) and
// classes of different sizes.
func TestBinnedMatchesExact(t *testing.T) {
	r := rand.New(rand.NewPCG(51, 52))
	for _, c := range []struct {
		n, d, classes int
		metric        dist.Metric
		grid          bool
		margin        float64
	}{
		{600, 3, 2, dist.Euclidean, false, 0.2},
		{700, 2, 3, dist.Euclidean, true, 1},
		{500, 16, 5, dist.Cosine, false, 0.1},
		{450, 4, 2, dist.SqEuclidean, false, 0.5},
		{400, 3, 4, dist.Manhattan, true, 0},
		{300, 70, 3, dist.Euclidean, false, 2},
	} {
		x, labels := randomBatch(r, c.n, c.d, c.classes, c.grid)
		if c.metric == dist.Cosine {
			for i := range c.n {
				x.Set(i, 0, x.At(i, 0)+3)
			}
		}
		opts := Options{Metric: c.metric, Margin: c.margin}
		exact, err := Compute(context.Background(), x, labels, c.classes, opts)
		if err != nil {
			t.Fatal(err)
		}
		opts.MaxMemory = 1
		binned, err := Compute(context.Background(), x, labels, c.classes, opts)
		if err != nil {
			t.Fatal(err)
		}
		name := c.metric.String()
		if exact.Method != MethodExact || binned.Method != MethodBinned {
			t.Fatalf("%s: methods %q and %q", name, exact.Method, binned.Method)
		}
		es, bs := exact.Separation, binned.Separation
		// Ties (grid values) share bins whatever their width: their ½ is
		// exact, but the bound cannot tell.
		if d := math.Abs(bs.AUC - es.AUC); d > bs.AUCErrorBound || !c.grid && bs.AUCErrorBound > 1e-3 {
			t.Errorf("%s: binned AUC %v, exact %v: off by %g, bound %g", name, bs.AUC, es.AUC, d, bs.AUCErrorBound)
		}
		bs.AUC, bs.AUCErrorBound, bs.Bins, bs.Method = es.AUC, es.AUCErrorBound, es.Bins, es.Method
		if bs != es {
			t.Errorf("%s: separation\nbinned %+v\nexact  %+v", name, bs, es)
		}
		if !reflect.DeepEqual(binned.ByLoss, exact.ByLoss) || binned.Triplets != exact.Triplets || !reflect.DeepEqual(binned.Histogram, exact.Histogram) {
			t.Errorf("%s: the losses, census or histogram differ", name)
		}
	}
}

// Negatives placed among the positives as they come or buffered and placed
// sorted (many positives) give the same bits.
func TestBufferedNegativesMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(55, 56))
	x, labels := randomBatch(r, 300, 3, 2, true)
	base, err := Compute(context.Background(), x, labels, 2, Options{Margin: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	defer func(old int) { bufferFrom = old }(bufferFrom)
	bufferFrom = 0
	got, err := Compute(context.Background(), x, labels, 2, Options{Margin: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, base) {
		t.Errorf("buffered: %+v\nunbuffered: %+v", got.Separation, base.Separation)
	}
}

// The symmetric tiles and each worker's own rows give the same bits, for
// every tile size.
func TestSymmetricRowsMatchDirect(t *testing.T) {
	r := rand.New(rand.NewPCG(53, 54))
	x, labels := randomBatch(r, 150, 5, 3, false)
	base, err := Compute(context.Background(), x, labels, 3, Options{Margin: 0.3})
	if err != nil {
		t.Fatal(err)
	}
	defer func(old int64) { symmetricBytes = old }(symmetricBytes)
	for _, budget := range []int64{0, 1 << 30} {
		symmetricBytes = budget
		for _, rows := range []int{1, 7, 64, 150} {
			got, err := Compute(context.Background(), x, labels, 3, Options{Margin: 0.3, BlockRows: rows})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, base) {
				t.Errorf("tiles within %d bytes, %d rows: the result differs", budget, rows)
			}
		}
	}
}

// addSorted counts each value in bin's bin, at the ends too: zeros, values
// on and beyond the top, and the first and last bins' edges.
func TestAddSortedIsBin(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	h := newFineHistogram(3, fineBins)
	for _, n := range []int{0, 1, 2, 5, 1000} {
		v := make([]float64, n)
		for i := range v {
			v[i] = r.Float64() * 3
			switch r.IntN(8) {
			case 0:
				v[i] = 0
			case 1:
				v[i] = 3 + r.Float64()
			case 2:
				v[i] = h.edge(1 + r.IntN(2))
			case 3:
				v[i] = h.edge(fineBins - 1 - r.IntN(2))
			}
		}
		slices.Sort(v)
		var mu sync.Mutex
		b := newBinCounts(h, &mu, true)
		b.addSorted(true, v)
		want := make([]uint32, fineBins)
		for _, d := range v {
			want[h.bin(d)]++
		}
		if !slices.Equal(b.pos, want) {
			t.Fatalf("%d values: addSorted's counts differ from bin's", n)
		}
	}
}

// Pass 2's lists, made at the size pass 1's counts give, end exactly full
// for any set of flagged bins: pass 2 puts each pair in the bin pass 1
// counted it in (every metric's distances, ties on bin edges included), so
// the lists never grow.
func TestKeptListsEndFull(t *testing.T) {
	r := rand.New(rand.NewPCG(61, 62))
	for _, metric := range []dist.Metric{dist.Euclidean, dist.SqEuclidean, dist.Cosine, dist.Manhattan} {
		x, labels := randomBatch(r, 300, 3, 3, metric == dist.Manhattan)
		pairs, err := dist.NewPairs(metric, x)
		if err != nil {
			t.Fatal(err)
		}
		pl, err := newPlan(loss.Params{Margin: 0.2})
		if err != nil {
			t.Fatal(err)
		}
		opts := Options{Metric: metric, Margin: 0.2}
		in := &input{pairs: pairs, labels: labels, classes: 3, top: distanceBound(metric, x), plan: pl, opts: opts}
		_, hist, err := binnedPassOne(context.Background(), in, allAnchors(300), false, nil)
		if err != nil {
			t.Fatal(err)
		}
		var p, q int64
		for i := range hist.pos {
			p, q = p+hist.pos[i], q+hist.neg[i]
		}
		for trial := range 4 {
			flags := make([]uint8, len(hist.pos))
			for i := range flags {
				switch {
				case trial == 0: // every bin: every pair kept
					flags[i] = keepPositive | keepNegative
				case r.IntN(3) == 0:
					flags[i] = []uint8{forThreshold, forMedian, forCloser}[r.IntN(3)]
				}
			}
			pos, neg, err := keepPairs(context.Background(), in, hist, flags, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(pos) != cap(pos) || len(neg) != cap(neg) {
				t.Fatalf("%s, trial %d: kept %d of %d positives, %d of %d negatives", metric, trial, len(pos), cap(pos), len(neg), cap(neg))
			}
			if trial == 0 && (int64(len(pos)) != p || int64(len(neg)) != q) {
				t.Fatalf("%s: every bin flagged, kept %d and %d pairs of %d and %d", metric, len(pos), len(neg), p, q)
			}
		}
	}
}
