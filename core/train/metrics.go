package train

import (
	"slices"

	"losslab/core/dist"
	"losslab/internal/floatsort"
)

// Metrics describe a run at one step. Loss and ActiveFraction are those of
// the mini-batch the next step trains on, at the current parameters; the
// rest are measured over all pairs of the evaluation points.
type Metrics struct {
	Step           int     `json:"step"`
	Loss           float64 `json:"loss"`
	AUC            float64 `json:"auc"` // P(d positive pair < d negative pair), ties ½: batch's Separation.AUC
	ActiveFraction float64 `json:"active_fraction"`
	MeanPositive   float64 `json:"mean_positive"` // mean same-class pair distance
	MeanNegative   float64 `json:"mean_negative"` // mean different-class pair distance
	MeanDistance   float64 `json:"mean_distance"` // mean over all pairs
	GradNorm       float64 `json:"grad_norm"`     // |∂L/∂θ| on that mini-batch
	Collapsed      bool    `json:"collapsed"`     // MeanDistance < CollapseRatio × its value at step 0
}

// Gap is MeanNegative − MeanPositive: how far apart the distributions' means are.
func (m Metrics) Gap() float64 { return m.MeanNegative - m.MeanPositive }

// metricScratch holds one run's buffers for measuring, so that measuring
// allocates nothing after the first time.
type metricScratch struct {
	emb      []float64
	pos, neg []float64 // sorted distances of the last measurement
	labels   []int
	sortBuf  []float64
}

func (s *metricScratch) init(m int, data *Data, eval []int) {
	s.emb = make([]float64, 2*m)
	s.labels = make([]int, m)
	for k, i := range eval {
		s.labels[k] = data.Labels[i]
	}
}

// evalSubset is every point, or a seeded sample of EvalPoints of them in
// index order.
func evalSubset(d *Data, seed uint64) []int {
	idx := make([]int, d.N)
	for i := range idx {
		idx[i] = i
	}
	if d.N <= EvalPoints {
		return idx
	}
	r := newRand(seed, streamEval)
	for i := range EvalPoints {
		j := i + r.IntN(d.N-i)
		idx[i], idx[j] = idx[j], idx[i]
	}
	idx = idx[:EvalPoints]
	slices.Sort(idx)
	return idx
}

// measure fills the distance statistics of the evaluation points.
func (r *Run) measure(data *Data, eval []int) Metrics {
	s := &r.met
	r.Embed(data, eval, s.emb)
	s.pos, s.neg = s.pos[:0], s.neg[:0]
	var sum float64
	for i := range eval {
		for j := i + 1; j < len(eval); j++ {
			d, _ := dist.Euclidean.Between(s.emb[2*i:2*i+2], s.emb[2*j:2*j+2])
			sum += d
			if s.labels[i] == s.labels[j] {
				s.pos = append(s.pos, d)
			} else {
				s.neg = append(s.neg, d)
			}
		}
	}
	s.sortBuf = floatsort.Sort(s.pos, s.sortBuf)
	s.sortBuf = floatsort.Sort(s.neg, s.sortBuf)
	m := Metrics{AUC: AUC(s.pos, s.neg), MeanPositive: mean(s.pos), MeanNegative: mean(s.neg)}
	if k := len(s.pos) + len(s.neg); k > 0 {
		m.MeanDistance = sum / float64(k)
	}
	return m
}

// Metrics measures the run at the trainer's current step.
func (r *Run) Metrics(t *Trainer) (Metrics, error) {
	if err := r.forwardChecked(t.data, t.pending); err != nil {
		return Metrics{}, err
	}
	res := r.last
	m := r.measure(t.data, t.eval)
	// Below MaxParam these are finite; the check is a net, not the rule.
	if !finite(m.MeanDistance) || !finite(m.MeanPositive) || !finite(m.MeanNegative) {
		return Metrics{}, ErrDiverged
	}
	m.Step, m.Loss, m.ActiveFraction, m.GradNorm = t.step, res.Loss, res.ActiveFraction(), r.gradNorm
	m.Collapsed = m.MeanDistance < CollapseRatio*r.start
	return m, nil
}

// StartMeanDistance is the mean pairwise distance at step 0, the yardstick
// of Collapsed.
func (r *Run) StartMeanDistance() float64 { return r.start }

// Embeddings are the evaluation points' embeddings (x, y pairs in the order
// of Trainer.EvalPoints) at the last measurement; they belong to the run.
func (r *Run) Embeddings() []float64 { return r.met.emb }

// Distances are the sorted same-class and different-class pair distances of
// the last measurement; they belong to the run and change with the next.
func (r *Run) Distances() (pos, neg []float64) { return r.met.pos, r.met.neg }

// AUC is P(p < n) + ½P(p = n) for p drawn from the sorted positive
// distances and n from the sorted negative ones: the ROC AUC of "distance
// < t means same class", as core/batch defines it. 0 without pairs.
func AUC(pos, neg []float64) float64 {
	if len(pos) == 0 || len(neg) == 0 {
		return 0
	}
	var less, ties float64
	lo, hi := 0, 0 // positives < v, ≤ v
	for _, v := range neg {
		for lo < len(pos) && pos[lo] < v {
			lo++
		}
		hi = max(hi, lo)
		for hi < len(pos) && pos[hi] <= v {
			hi++
		}
		less += float64(lo)
		ties += float64(hi - lo)
	}
	return (less + ties/2) / (float64(len(pos)) * float64(len(neg)))
}

func mean(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	var s float64
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}
