package batch

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"losslab/core/dist"
)

// fineBins is the resolution at which distances are counted while they
// stream past; display bins are whole multiples of these, so the counts
// shown are exact for their edges.
const fineBins = 4096

// fineHistogram counts distances on [0, top] before the largest distance is
// known; top is a bound computed from the data.
type fineHistogram struct {
	top      float64
	pos, neg []int64
}

func newFineHistogram(metric dist.Metric, x *mat.Dense) *fineHistogram {
	return &fineHistogram{top: distanceBound(metric, x), pos: make([]int64, fineBins), neg: make([]int64, fineBins)}
}

func (h *fineHistogram) bin(d float64) int {
	return min(max(int(d/h.top*fineBins), 0), fineBins-1)
}

// distanceBound is an upper bound on every pairwise distance: by the
// triangle inequality no two rows are farther apart than twice the largest
// distance from the mean row.
func distanceBound(metric dist.Metric, x *mat.Dense) float64 {
	if metric == dist.Cosine {
		return 2
	}
	n, d := x.Dims()
	mean := make([]float64, d)
	for i := range n {
		for j, v := range x.RawRowView(i) {
			mean[j] += v / float64(n)
		}
	}
	far := 0.0
	for i := range n {
		row := x.RawRowView(i)
		var s float64
		for j, v := range row {
			if metric == dist.Manhattan {
				s += math.Abs(v - mean[j])
			} else {
				s += (v - mean[j]) * (v - mean[j])
			}
		}
		if metric != dist.Manhattan {
			s = math.Sqrt(s)
		}
		far = math.Max(far, s)
	}
	bound := 2 * far * (1 + 1e-9)
	if metric == dist.SqEuclidean {
		bound *= bound
	}
	return math.Max(bound, 1e-12)
}

// display merges the fine bins into at most bins bins over [0, the largest
// distance seen].
func (h *fineHistogram) display(bins int) Histogram {
	last := 0
	for i := range fineBins {
		if h.pos[i] > 0 || h.neg[i] > 0 {
			last = i
		}
	}
	per := (last + bins) / bins // fine bins per display bin, ≥ 1
	k := (last + per) / per
	out := Histogram{Edges: make([]float64, k+1), Positive: make([]int64, k), Negative: make([]int64, k)}
	for i := range k + 1 {
		out.Edges[i] = float64(i*per) * h.top / fineBins
	}
	for i := 0; i <= last; i++ {
		out.Positive[i/per] += h.pos[i]
		out.Negative[i/per] += h.neg[i]
	}
	return out
}
