package train

import (
	"math"
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
	RecallAt1      float64 `json:"recall_at_1"`   // Retrieval.RecallAt1 of the evaluation points
	ScaleRatio     float64 `json:"scale_ratio"`   // MeanDistance ÷ its value at step 0 (1 when that was 0)
	// HeldOut are the held-out points' figures; HeldOut.Points is 0 when
	// there are none to measure (Trainer.HeldOutReason says why).
	HeldOut HeldOut `json:"-"`
}

// HeldOut describes the points a run never trained on, embedded by the
// model as it is now.
type HeldOut struct {
	Points       int
	AUC          float64
	Retrieval    Retrieval
	MeanPositive float64
	MeanNegative float64
}

// Scale says how the embedding's scale has moved since step 0.
type Scale uint8

const (
	ScaleSteady    Scale = iota
	ScaleShrinking       // ScaleRatio < ShrinkRatio
	ScaleCollapsed       // ScaleRatio < CollapseRatio
	ScaleGrowing         // ScaleRatio > GrowRatio
)

// Thresholds of Scale: a tenfold change of the mean pairwise distance.
const (
	ShrinkRatio = 0.1
	GrowRatio   = 10.0
)

// Scale classifies ScaleRatio.
func (m Metrics) Scale() Scale {
	switch {
	case m.Collapsed:
		return ScaleCollapsed
	case m.ScaleRatio < ShrinkRatio:
		return ScaleShrinking
	case m.ScaleRatio > GrowRatio:
		return ScaleGrowing
	}
	return ScaleSteady
}

// Gap is MeanNegative − MeanPositive: how far apart the distributions' means are.
func (m Metrics) Gap() float64 { return m.MeanNegative - m.MeanPositive }

// metricScratch holds one run's buffers for measuring, so that measuring
// allocates nothing after the first time.
type metricScratch struct {
	points   []int // the points measured
	emb      []float64
	pos, neg []float64 // sorted distances of the last measurement
	labels   []int
	sortBuf  []float64
	ret      retrievalScratch
	// gaps are the sorted per-anchor gaps (AnchorGaps) of the last
	// measurement; far and near each anchor's farthest positive and
	// nearest negative while measuring.
	gaps, far, near []float64
}

func (s *metricScratch) init(data *Data, points []int) {
	s.points = points
	s.emb = make([]float64, 2*len(points))
	s.labels = make([]int, len(points))
	s.far, s.near = make([]float64, len(points)), make([]float64, len(points))
	for k, i := range points {
		s.labels[k] = data.Labels[i]
	}
}

// evalSubset is every point of from, or a seeded sample of EvalPoints of
// them in index order.
func evalSubset(from []int, seed, stream uint64) []int {
	idx := slices.Clone(from)
	if len(idx) <= EvalPoints {
		return idx
	}
	r := newRand(seed, stream)
	for i := range EvalPoints {
		j := i + r.IntN(len(idx)-i)
		idx[i], idx[j] = idx[j], idx[i]
	}
	idx = idx[:EvalPoints]
	slices.Sort(idx)
	return idx
}

// measure embeds s.points with r and fills the distance statistics: the
// sorted same-class and different-class distances, and (into m) their AUC
// and means and the mean over all pairs.
func (s *metricScratch) measure(r *Run, data *Data) Metrics {
	r.Embed(data, s.points, s.emb)
	s.pos, s.neg = s.pos[:0], s.neg[:0]
	for i := range s.far {
		s.far[i], s.near[i] = math.Inf(-1), math.Inf(1)
	}
	var sum float64
	for i := range s.points {
		for j := i + 1; j < len(s.points); j++ {
			d, _ := dist.Euclidean.Between(s.emb[2*i:2*i+2], s.emb[2*j:2*j+2])
			sum += d
			if s.labels[i] == s.labels[j] {
				s.pos = append(s.pos, d)
				s.far[i], s.far[j] = max(s.far[i], d), max(s.far[j], d)
			} else {
				s.neg = append(s.neg, d)
				s.near[i], s.near[j] = min(s.near[i], d), min(s.near[j], d)
			}
		}
	}
	s.gaps = s.gaps[:0]
	for i := range s.far {
		if !math.IsInf(s.far[i], 0) && !math.IsInf(s.near[i], 0) {
			s.gaps = append(s.gaps, s.near[i]-s.far[i])
		}
	}
	slices.Sort(s.gaps)
	s.sortBuf = floatsort.Sort(s.pos, s.sortBuf)
	s.sortBuf = floatsort.Sort(s.neg, s.sortBuf)
	m := Metrics{AUC: AUC(s.pos, s.neg), MeanPositive: mean(s.pos), MeanNegative: mean(s.neg)}
	if k := len(s.pos) + len(s.neg); k > 0 {
		m.MeanDistance = sum / float64(k)
	}
	return m
}

// measureHeldOut measures the held-out points (none for the free model,
// whose unseen points have no learned embedding).
func (r *Run) measureHeldOut(data *Data) HeldOut {
	s := &r.held
	if r.net.kind == Free || len(s.points) == 0 {
		return HeldOut{}
	}
	m := s.measure(r, data)
	return HeldOut{Points: len(s.points), AUC: m.AUC, MeanPositive: m.MeanPositive, MeanNegative: m.MeanNegative,
		Retrieval: s.ret.score(s.emb, s.labels, true)}
}

// Metrics measures the run at the trainer's current step.
func (r *Run) Metrics(t *Trainer) (Metrics, error) {
	if err := r.forwardChecked(t.data, t.split.Labels, t.pending); err != nil {
		return Metrics{}, err
	}
	res := r.last
	m := r.met.measure(r, t.data)
	// Below MaxParam these are finite; the check is a net, not the rule.
	if !finite(m.MeanDistance) || !finite(m.MeanPositive) || !finite(m.MeanNegative) {
		return Metrics{}, ErrDiverged
	}
	m.Step, m.Loss, m.ActiveFraction, m.GradNorm = t.step, res.Loss, res.ActiveFraction(), r.gradNorm
	m.Collapsed = m.MeanDistance < CollapseRatio*r.start
	m.ScaleRatio = 1
	if r.start > 0 {
		m.ScaleRatio = m.MeanDistance / r.start
	}
	m.RecallAt1 = r.met.ret.score(r.met.emb, r.met.labels, false).RecallAt1
	m.HeldOut = r.measureHeldOut(t.data)
	return m, nil
}

// AnchorGaps are, sorted, each evaluation point's gap as an anchor at the
// last measurement: d(a,n) − d(a,p) of its hardest triplet, its nearest
// negative less its farthest positive (anchors without both are left
// out). A gap ≥ m means every triplet of that anchor is easy; a gap > 0
// that none is hard. They belong to the run and change with the next
// measurement.
func (r *Run) AnchorGaps() []float64 { return r.met.gaps }

// HeldOutDistances are the sorted same-class and different-class pair
// distances of the held-out points at the last measurement (nil for the
// free model or without held-out points).
func (r *Run) HeldOutDistances() (pos, neg []float64) { return r.held.pos, r.held.neg }

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
