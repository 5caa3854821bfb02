package train

import (
	"fmt"
	"math"

	"losslab/core/dist"
	"losslab/core/loss"
)

// BatchLoss is what one objective makes of one mini-batch.
type BatchLoss struct {
	Loss   float64
	Terms  int // pairs, triplets or (anchor, positive) pairs the loss averages over
	Active int // terms with a non-zero gradient, by the registry's rule
}

// ActiveFraction is Active/Terms (0 without terms).
func (b BatchLoss) ActiveFraction() float64 {
	if b.Terms == 0 {
		return 0
	}
	return float64(b.Active) / float64(b.Terms)
}

// objective evaluates a loss with its mining on a batch of embeddings and
// its gradient with respect to them. Following pytorch-metric-learning's
// split, the distance matrix is built once, the mining picks indices, the
// registry's term function gives each term and ∂term/∂d, and the mean is
// the reducer; ∂L/∂d then flows through dist's gradient to the embeddings.
type objective struct {
	id     LossID
	params loss.Params
	pair   func(d float64, y loss.Label, p loss.Params) (loss.Term, error)
	trip   func(dap, dan float64, p loss.Params) (loss.Term, error)

	b     int
	d, gd []float64 // b×b distances and ∂L/∂d (gd[i*b+j] for the ordered pair)
	// One anchor's positive and negative distances, their gradients and
	// their indices (InfoNCE).
	pos, neg, gpos, gneg []float64
	posIdx, negIdx       []int
	anchor               loss.AnchorTerms
	gu, gv               [2]float64
	// insp, while Run.Inspect runs, records what the mining picks for one
	// anchor (inspect.go); nil while training.
	insp *inspector
}

func newObjective(id LossID, margin float64, maxBatch int) *objective {
	o := &objective{id: id, params: loss.Params{Margin: margin, Temperature: Temperature}}
	must := func(lid loss.ID) loss.Loss {
		l, ok := loss.Lookup(lid)
		if !ok {
			panic(fmt.Sprintf("loss %s missing from the registry", lid))
		}
		return l
	}
	switch id {
	case Contrastive:
		o.pair = must(loss.ContrastiveID).Pair
	case BatchAll, BatchHard, SemiHard:
		o.trip = must(loss.TripletID).Triplet
	case BatchHardSoft:
		o.trip = must(loss.SoftMarginID).Triplet
	case InfoNCE:
		o.anchor = must(loss.InfoNCEID).Anchor
	}
	o.d = make([]float64, maxBatch*maxBatch)
	o.gd = make([]float64, maxBatch*maxBatch)
	for _, buf := range []*[]float64{&o.pos, &o.neg, &o.gpos, &o.gneg} {
		*buf = make([]float64, maxBatch)
	}
	o.posIdx, o.negIdx = make([]int, maxBatch), make([]int, maxBatch)
	return o
}

// evaluate computes the loss of the b embeddings z (b×2) with labels and
// writes ∂L/∂z into gz (b×2).
func (o *objective) evaluate(z []float64, labels []int, gz []float64) (BatchLoss, error) {
	b := len(labels)
	o.b = b
	d, gd := o.d[:b*b], o.gd[:b*b]
	for i := range b {
		d[i*b+i] = 0
		for j := i + 1; j < b; j++ {
			v, err := dist.Euclidean.Between(z[2*i:2*i+2], z[2*j:2*j+2])
			if err != nil || math.IsInf(v, 0) {
				return BatchLoss{}, ErrDiverged
			}
			d[i*b+j], d[j*b+i] = v, v
		}
	}
	clear(gd)
	var res BatchLoss
	var err error
	switch o.id {
	case Contrastive:
		res, err = o.contrastive(labels)
	case BatchAll:
		res, err = o.batchAll(labels)
	case BatchHard, BatchHardSoft:
		res, err = o.batchHard(labels)
	case SemiHard:
		res, err = o.semiHard(labels)
	case InfoNCE:
		res, err = o.infoNCE(labels)
	}
	if err != nil {
		return BatchLoss{}, fmt.Errorf("%w: %v", ErrDiverged, err)
	}
	if res.Terms > 0 {
		inv := 1 / float64(res.Terms)
		res.Loss *= inv
		for k := range gd {
			gd[k] *= inv
		}
	}
	if err := o.toEmbeddings(z, gd, gz); err != nil {
		return BatchLoss{}, err
	}
	return res, nil
}

// toEmbeddings turns ∂L/∂d (gd, b×b, by ordered pair) into ∂L/∂z (gz, b×2)
// through the distances' gradient, at the distances evaluate computed.
func (o *objective) toEmbeddings(z, gd, gz []float64) error {
	b, d := o.b, o.d
	clear(gz[:2*b])
	for i := range b {
		for j := i + 1; j < b; j++ {
			g := gd[i*b+j] + gd[j*b+i]
			if g == 0 || d[i*b+j] < Eps { // Eps: no direction between coincident points
				continue
			}
			if _, err := dist.Euclidean.Grad(z[2*i:2*i+2], z[2*j:2*j+2], o.gu[:], o.gv[:]); err != nil {
				return ErrDiverged
			}
			gz[2*i] += g * o.gu[0]
			gz[2*i+1] += g * o.gu[1]
			gz[2*j] += g * o.gv[0]
			gz[2*j+1] += g * o.gv[1]
		}
	}
	return nil
}

func (o *objective) contrastive(labels []int) (BatchLoss, error) {
	var res BatchLoss
	b := o.b
	for i := range b {
		for j := i + 1; j < b; j++ {
			y := loss.Different
			if labels[i] == labels[j] {
				y = loss.Same
			}
			t, err := o.pair(o.d[i*b+j], y, o.params)
			if err != nil {
				return res, err
			}
			res.add(t)
			o.gd[i*b+j] += t.Grad[0]
			if o.insp != nil {
				o.insp.pair(i, j, y, o.d[i*b+j], t)
			}
		}
	}
	return res, nil
}

func (res *BatchLoss) add(t loss.Term) {
	res.Loss += t.Loss
	res.Terms++
	if t.Active {
		res.Active++
	}
}

// triplet adds the term of (a, p, n) and its gradient.
func (o *objective) triplet(res *BatchLoss, a, p, n int) error {
	b := o.b
	t, err := o.trip(o.d[a*b+p], o.d[a*b+n], o.params)
	if err != nil {
		return err
	}
	res.add(t)
	o.gd[a*b+p] += t.Grad[0]
	o.gd[a*b+n] += t.Grad[1]
	if o.insp != nil && a == o.insp.anchor {
		o.insp.triplet(p, n, o.d[a*b+p]-o.d[a*b+n], t)
	}
	return nil
}

// batchAll: every valid triplet (a ≠ p of one class, n of another).
func (o *objective) batchAll(labels []int) (BatchLoss, error) {
	var res BatchLoss
	for a, ya := range labels {
		for p, yp := range labels {
			if p == a || yp != ya {
				continue
			}
			for n, yn := range labels {
				if yn == ya {
					continue
				}
				if err := o.triplet(&res, a, p, n); err != nil {
					return res, err
				}
			}
		}
	}
	return res, nil
}

// batchHard: per anchor the farthest positive and the nearest negative
// (Hermans et al. 2017); ties go to the lower index.
func (o *objective) batchHard(labels []int) (BatchLoss, error) {
	var res BatchLoss
	b := o.b
	for a, ya := range labels {
		p, n := -1, -1
		row := o.d[a*b : (a+1)*b]
		for j, yj := range labels {
			switch {
			case j == a:
			case yj == ya:
				if p < 0 || row[j] > row[p] {
					p = j
				}
			default:
				if n < 0 || row[j] < row[n] {
					n = j
				}
			}
		}
		if p < 0 || n < 0 {
			continue
		}
		if err := o.triplet(&res, a, p, n); err != nil {
			return res, err
		}
	}
	return res, nil
}

// semiHard: TF Addons' rule, per ordered positive pair the nearest negative
// farther than the positive, else the farthest negative.
func (o *objective) semiHard(labels []int) (BatchLoss, error) {
	var res BatchLoss
	b := o.b
	for a, ya := range labels {
		row := o.d[a*b : (a+1)*b]
		for p, yp := range labels {
			if p == a || yp != ya {
				continue
			}
			semi, far := -1, -1
			for n, yn := range labels {
				if yn == ya {
					continue
				}
				if row[n] > row[p] && (semi < 0 || row[n] < row[semi]) {
					semi = n
				}
				if far < 0 || row[n] > row[far] {
					far = n
				}
			}
			if semi < 0 {
				semi = far
			}
			if semi < 0 {
				continue
			}
			if err := o.triplet(&res, a, p, semi); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}

// infoNCE: the registry's anchor form, each anchor against every other
// sample of the batch, one term per ordered positive pair.
func (o *objective) infoNCE(labels []int) (BatchLoss, error) {
	var res BatchLoss
	b := o.b
	for a, ya := range labels {
		row := o.d[a*b : (a+1)*b]
		np, nn := 0, 0
		for j, yj := range labels {
			switch {
			case j == a:
			case yj == ya:
				o.pos[np], o.posIdx[np] = row[j], j
				np++
			default:
				o.neg[nn], o.negIdx[nn] = row[j], j
				nn++
			}
		}
		if np == 0 {
			continue
		}
		l, err := o.anchor(o.pos[:np], o.neg[:nn], o.params)
		if err != nil {
			return res, err
		}
		res.Loss += l
		res.Terms += np
		res.Active += np // like softplus, never exactly 0
		infoNCEGrad(o.pos[:np], o.neg[:nn], o.params.Temperature, o.gpos, o.gneg)
		for i, j := range o.posIdx[:np] {
			o.gd[a*b+j] += o.gpos[i]
		}
		for i, j := range o.negIdx[:nn] {
			o.gd[a*b+j] += o.gneg[i]
		}
		if o.insp != nil && a == o.insp.anchor {
			if err := o.insp.infoNCE(o, np, nn); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}
