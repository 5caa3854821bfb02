package train

import (
	"fmt"
	"math"

	"losslab/core/batch"
	"losslab/core/dist"
	"losslab/core/loss"
)

// BatchLoss is what one objective makes of one mini-batch.
type BatchLoss struct {
	Loss   float64
	Terms  int // pairs, triplets, positive pairs or anchors the loss reduces over
	Active int // terms with a non-zero gradient, by the registry's rule
}

// ActiveFraction is Active/Terms (0 without terms).
func (b BatchLoss) ActiveFraction() float64 {
	if b.Terms == 0 {
		return 0
	}
	return float64(b.Active) / float64(b.Terms)
}

// evaluator computes an Objective on a mini-batch of embeddings and its
// gradient with respect to them: the distance matrix is built once, the
// miner visits what it selects (evaluator is its batch.Visitor), the
// registry's term function gives each term with ∂term/∂d, and the
// reducer's weight makes the batch value; ∂L/∂d then flows through dist's
// gradient to the embeddings. Nothing is allocated after newEvaluator.
type evaluator struct {
	obj    Objective
	params loss.Params
	red    batch.Reducer

	b      int
	labels []int
	batch  *batch.Batch
	d, gd  []float64 // b×b distances and ∂L/∂d (gd[a*b+j] for anchor a's pair (a, j))
	// What the visits add up: the sum of every term in visiting order, and
	// each anchor's tally, for the reducer.
	res     BatchLoss
	tallies []tally
	totals  batch.Totals // the reducer's counts, once the visits are done
	err     error        // the first term that failed
	// One anchor's distances to the positives and negatives of a visit,
	// and their terms or ∂L/∂d.
	pos, neg, gpos, gneg []float64
	terms                []loss.Term
	gu, gv               [2]float64
	// insp, while Run.Inspect runs, records what the mining picks for one
	// anchor (inspect.go); nil while training.
	insp *inspector
}

// tally is one anchor's terms.
type tally struct {
	sum           float64
	count, active int
}

func newEvaluator(id LossID, margin float64, maxBatch int) *evaluator {
	obj := id.Objective()
	params, err := obj.Loss.Resolve(loss.Params{Margin: margin, Temperature: Temperature})
	if err != nil { // Config.Check has validated the margin
		panic(fmt.Sprintf("objective %s: %v", id, err))
	}
	e := &evaluator{obj: obj, params: params, batch: batch.NewBatch(maxBatch)}
	e.red, _ = batch.ReducerByID(obj.Reducer)
	e.d = make([]float64, maxBatch*maxBatch)
	e.gd = make([]float64, maxBatch*maxBatch)
	e.tallies = make([]tally, maxBatch)
	for _, buf := range []*[]float64{&e.pos, &e.neg, &e.gpos, &e.gneg} {
		*buf = make([]float64, maxBatch)
	}
	e.terms = make([]loss.Term, maxBatch)
	return e
}

// evaluate computes the loss of the b embeddings z (b×2) with labels and
// writes ∂L/∂z into gz (b×2).
func (e *evaluator) evaluate(z []float64, labels []int, gz []float64) (BatchLoss, error) {
	b := len(labels)
	e.b, e.labels = b, labels
	d, gd := e.d[:b*b], e.gd[:b*b]
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
	clear(e.tallies[:b])
	e.res, e.err = BatchLoss{}, nil
	e.batch.Set(d, labels)
	if err := batch.Mine(e.batch, e.obj.Loss, e.obj.Miner, 0, e); err != nil {
		return BatchLoss{}, err // the objectives are built from fitting strategies
	}
	if e.err != nil {
		return BatchLoss{}, fmt.Errorf("%w: %v", ErrDiverged, e.err)
	}
	res := e.reduce()
	if err := e.toEmbeddings(z, gd, gz); err != nil {
		return BatchLoss{}, err
	}
	return res, nil
}

// reduce applies the reducer: each anchor's row of ∂L/∂d is scaled by the
// reducer's weight of its terms, and so are the terms for the value. A
// reducer that weighs every term alike scales the sum of all terms, in
// visiting order.
func (e *evaluator) reduce() BatchLoss {
	b, res := e.b, e.res
	e.totals = batch.Totals{Terms: int64(res.Terms), Active: int64(res.Active)}
	for _, t := range e.tallies[:b] {
		if t.count > 0 {
			e.totals.Anchors++
		}
	}
	for a := range b {
		w := e.weight(a)
		row := e.gd[a*b : (a+1)*b]
		for k := range row {
			row[k] *= w
		}
	}
	if !e.red.PerAnchor {
		res.Loss *= e.weight(0)
		return res
	}
	res.Loss = 0
	for a, t := range e.tallies[:b] {
		res.Loss += e.weight(a) * t.sum
	}
	return res
}

// weight is the reducer's ∂L/∂ℓ of anchor a's terms in the batch just
// reduced.
func (e *evaluator) weight(a int) float64 {
	return e.red.Weight(e.totals, int64(e.tallies[a].count))
}

// add counts a term of anchor a.
func (e *evaluator) add(a int, l float64, terms, active int) {
	e.res.Loss += l
	e.res.Terms += terms
	e.res.Active += active
	t := &e.tallies[a]
	t.sum += l
	t.count += terms
	t.active += active
}

// Pairs is the visit of the pairs (i, j), j in js, whose anchor is i. The
// sums run pair by pair in visiting order, in registers, as in Triplets.
func (e *evaluator) Pairs(i int, js []int) {
	if e.err != nil {
		return
	}
	b := e.b
	row, gd := e.d[i*b:(i+1)*b], e.gd[i*b:(i+1)*b]
	total, sum, active := e.res.Loss, e.tallies[i].sum, 0
	for _, j := range js {
		y := batch.PairLabel(e.labels, i, j)
		t, err := e.obj.Loss.Pair(row[j], y, e.params)
		if err != nil {
			e.err = err
			return
		}
		total += t.Loss
		sum += t.Loss
		active += boolInt(t.Active)
		gd[j] += t.Grad[0]
		if e.insp != nil {
			e.insp.pair(i, j, y, row[j], t)
		}
	}
	e.res.Loss, e.tallies[i].sum = total, sum
	e.res.Terms += len(js)
	e.res.Active += active
	e.tallies[i].count += len(js)
	e.tallies[i].active += active
}

// Triplets is the visit of the triplets (a, p, n), n in ns: their terms in
// one call of the loss's Row.
func (e *evaluator) Triplets(a, p int, ns []int) {
	if e.err != nil {
		return
	}
	b := e.b
	row, gd := e.d[a*b:(a+1)*b], e.gd[a*b:(a+1)*b]
	dap, dans, terms := row[p], e.neg[:len(ns)], e.terms[:len(ns)]
	for i, n := range ns {
		dans[i] = row[n]
	}
	if err := e.obj.Loss.Row(dap, dans, e.params, terms); err != nil {
		e.err = err
		return
	}
	// The sums run term by term in visiting order, in registers: the same
	// additions as one e.add per term.
	total, sum, gp, active := e.res.Loss, e.tallies[a].sum, gd[p], 0
	for i, n := range ns {
		t := &terms[i]
		total += t.Loss
		sum += t.Loss
		active += boolInt(t.Active)
		gp += t.Grad[0]
		gd[n] += t.Grad[1]
	}
	gd[p], e.res.Loss, e.tallies[a].sum = gp, total, sum
	e.res.Terms += len(ns)
	e.res.Active += active
	e.tallies[a].count += len(ns)
	e.tallies[a].active += active
	if e.insp != nil && a == e.insp.anchor {
		for i, n := range ns {
			e.insp.triplet(p, n, dap-dans[i], terms[i])
		}
	}
}

// Anchor is the visit of anchor a of an anchor-wide loss, against its
// positives pos and negatives neg.
func (e *evaluator) Anchor(a int, pos, neg []int) {
	if e.err != nil {
		return
	}
	b := e.b
	row := e.d[a*b : (a+1)*b]
	np, nn := len(pos), len(neg)
	for i, j := range pos {
		e.pos[i] = row[j]
	}
	for i, j := range neg {
		e.neg[i] = row[j]
	}
	v, err := e.obj.Loss.Anchor(e.pos[:np], e.neg[:nn], e.params, e.gpos[:np], e.gneg[:nn])
	if err != nil {
		e.err = err
		return
	}
	e.add(a, v.Sum, v.Terms, v.Active)
	grow := e.gd[a*b : (a+1)*b]
	for i, j := range pos {
		grow[j] += e.gpos[i]
	}
	for i, j := range neg {
		grow[j] += e.gneg[i]
	}
	if e.insp != nil && a == e.insp.anchor {
		e.err = e.insp.anchorWide(e, v, pos, neg)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// toEmbeddings turns ∂L/∂d (gd, b×b, by ordered pair) into ∂L/∂z (gz, b×2)
// through the distances' gradient, at the distances evaluate computed.
func (e *evaluator) toEmbeddings(z, gd, gz []float64) error {
	b, d := e.b, e.d
	clear(gz[:2*b])
	for i := range b {
		for j := i + 1; j < b; j++ {
			g := gd[i*b+j] + gd[j*b+i]
			if g == 0 || d[i*b+j] < Eps { // Eps: no direction between coincident points
				continue
			}
			if _, err := dist.Euclidean.Grad(z[2*i:2*i+2], z[2*j:2*j+2], e.gu[:], e.gv[:]); err != nil {
				return ErrDiverged
			}
			gz[2*i] += g * e.gu[0]
			gz[2*i+1] += g * e.gu[1]
			gz[2*j] += g * e.gv[0]
			gz[2*j+1] += g * e.gv[1]
		}
	}
	return nil
}
