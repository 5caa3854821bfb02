package train

import (
	"math"

	"losslab/core/loss"
)

// Inspection is one anchor of the mini-batch the next step trains on, seen
// through its run's objective: the positive and the negative the mining
// picked for it, the loss of the term(s) they make, and the gradient of the
// batch loss L restricted to those terms on the three embeddings. The step
// moves each embedding along −Grad (the free model exactly, by lr × batch
// size; a shared map moves θ, which carries the point only in part).
//
// What is shown per objective:
//   - contrastive: the anchor's same-class pair and different-class pair
//     with the largest terms (active ones first); Term is their sum;
//   - batch-hard, batch-hard-soft: the hardest positive and negative, the
//     anchor's one triplet;
//   - semi-hard: of the anchor's triplets (one per positive, each with its
//     semi-hard negative) the one with the largest term;
//   - batch-all: the anchor's most violating triplet (the largest term);
//   - infonce: the positive and the negative with the largest softmax
//     weight (the nearest of each); Term is that positive's term, which sums
//     over every other sample of the batch.
//
// Ties go to the harder pick (the farther positive, the nearer negative),
// then to the lower batch position. Everything is computed by the code that
// computes the step: the same distances, mining, term functions and chain
// rule (Run.forward with a recorder attached).
type Inspection struct {
	Loss LossID
	// Position is the anchor's place in the batch (the k asked for, modulo
	// BatchSize); BatchSize the batch's number of samples.
	Position, BatchSize int
	// Anchor, Positive, Negative are indices into the data (Data.Row); −1
	// when the batch has no positive or negative for the anchor.
	Anchor, Positive, Negative int
	// Z are the embeddings of A, P, N as the next step sees them (on the
	// unit circle with Normalize).
	Z [3][2]float64
	// Grad are ∂L/∂z of A, P, N from the shown terms alone: the rows of the
	// batch gradient restricted to those terms, so TermGrad/Terms. With
	// Normalize it is the gradient before the projection, as the model
	// receives it.
	Grad [3][2]float64
	// TermGrad are ∂ℓ/∂z of the shown terms: Grad before the batch mean,
	// of the order of ℓ where Grad is a 1/Terms share of it (batch-all's
	// 46,080 triplets of a batch of 4 classes × 16 make Grad about 2e-5).
	TermGrad [3][2]float64
	// Term is the loss ℓ of the shown term(s), before the batch mean;
	// PairTerms are contrastive's ℓ(a,p) and ℓ(a,n).
	Term      float64
	PairTerms [2]float64
	// Terms is the number of terms the batch loss averages over: L = Σℓ/Terms.
	Terms int
}

// The rows of Inspection.Z and Inspection.Grad.
const (
	RowAnchor = iota
	RowPositive
	RowNegative
)

// GradNorm is |∂L/∂z| of a row.
func (in Inspection) GradNorm(row int) float64 { return math.Hypot(in.Grad[row][0], in.Grad[row][1]) }

// TermGradNorm is |∂ℓ/∂z| of a row.
func (in Inspection) TermGradNorm(row int) float64 {
	return math.Hypot(in.TermGrad[row][0], in.TermGrad[row][1])
}

// Inspect looks at the anchor at position k (modulo the batch size) of the
// mini-batch the next step trains on, in run i.
func (t *Trainer) Inspect(i, k int) (Inspection, error) {
	in, _, err := t.runs[i].inspect(t.data, t.pending, k)
	return in, err
}

// inspector records, while the objective evaluates a batch, what its
// mining picks for one anchor and ∂ℓ/∂d of the picked terms.
type inspector struct {
	anchor                 int // batch position
	pos, neg               int // batch positions, −1 until picked
	term, posTerm, negTerm float64
	key, posKey, negKey    float64 // tie-breaks: hardness of the pick
	posGrad, negGrad       float64 // ∂ℓ/∂d(a,p), ∂ℓ/∂d(a,n)
	others                 []pairGrad
}

// pairGrad is ∂ℓ/∂d(a, j) for the anchor a and batch position j.
type pairGrad struct {
	j int
	g float64
}

// pair considers a contrastive pair (i, j) at distance d with term t.
func (in *inspector) pair(i, j int, y loss.Label, d float64, t loss.Term) {
	if i != in.anchor && j != in.anchor {
		return
	}
	other := j
	if j == in.anchor {
		other = i
	}
	if y == loss.Same {
		if in.pos < 0 || t.Loss > in.posTerm || (t.Loss == in.posTerm && d > in.posKey) {
			in.pos, in.posTerm, in.posKey, in.posGrad = other, t.Loss, d, t.Grad[0]
		}
		return
	}
	if in.neg < 0 || t.Loss > in.negTerm || (t.Loss == in.negTerm && d < in.negKey) {
		in.neg, in.negTerm, in.negKey, in.negGrad = other, t.Loss, d, t.Grad[0]
	}
}

// triplet considers the anchor's triplet (p, n); hard is d(a,p) − d(a,n).
func (in *inspector) triplet(p, n int, hard float64, t loss.Term) {
	if in.pos < 0 || t.Loss > in.term || (t.Loss == in.term && hard > in.key) {
		in.pos, in.neg, in.term, in.key = p, n, t.Loss, hard
		in.posGrad, in.negGrad = t.Grad[0], t.Grad[1]
	}
}

// infoNCE picks, from the anchor's positives and negatives the objective
// has just gathered (o.pos, o.neg and their indices), the nearest of each,
// and takes the term of that positive: the registry's anchor loss with it
// as the only positive against every other sample, and its derivative.
func (in *inspector) infoNCE(o *objective, np, nn int) error {
	p, n := 0, -1
	for i := 1; i < np; i++ {
		if o.pos[i] < o.pos[p] {
			p = i
		}
	}
	for i := range nn {
		if n < 0 || o.neg[i] < o.neg[n] {
			n = i
		}
	}
	in.pos = o.posIdx[p]
	if n >= 0 {
		in.neg = o.negIdx[n]
	}
	rest := make([]float64, 0, np+nn-1)
	in.others = in.others[:0]
	for i := range np {
		if i != p {
			rest = append(rest, o.pos[i])
			in.others = append(in.others, pairGrad{j: o.posIdx[i]})
		}
	}
	for i := range nn {
		rest = append(rest, o.neg[i])
		in.others = append(in.others, pairGrad{j: o.negIdx[i]})
	}
	l, err := o.anchor(o.pos[p:p+1], rest, o.params)
	if err != nil {
		return err
	}
	var gp [1]float64
	grest := make([]float64, len(rest))
	infoNCEGrad(o.pos[p:p+1], rest, o.params.Temperature, gp[:], grest)
	in.term, in.posGrad = l, gp[0]
	for i := range in.others {
		in.others[i].g = grest[i]
	}
	return nil
}

// inspect evaluates the batch with the recorder attached and returns the
// inspection and the whole restricted gradient ∂L/∂z (b×2, for the tests).
func (r *Run) inspect(data *Data, batch []int, k int) (Inspection, []float64, error) {
	b := len(batch)
	k = ((k % b) + b) % b
	rec := &inspector{anchor: k, pos: -1, neg: -1}
	r.obj.insp = rec
	res, err := r.forward(data, batch)
	r.obj.insp = nil
	if err != nil {
		return Inspection{}, nil, err
	}
	out := Inspection{Loss: r.Spec.Loss, Position: k, BatchSize: b, Anchor: batch[k], Positive: -1, Negative: -1, Terms: res.Terms}
	// ∂ℓ/∂d of the shown terms, then through the distances and the
	// projection as the step's gradient goes: ∂ℓ/∂z, and ∂L/∂z its 1/Terms.
	gd := make([]float64, b*b)
	if rec.pos >= 0 {
		gd[k*b+rec.pos] += rec.posGrad
	}
	if rec.neg >= 0 && r.Spec.Loss != InfoNCE { // InfoNCE's negatives are among others
		gd[k*b+rec.neg] += rec.negGrad
	}
	for _, o := range rec.others {
		gd[k*b+o.j] += o.g
	}
	tz := make([]float64, 2*b)
	if err := r.obj.toEmbeddings(r.z[:2*b], gd, tz); err != nil {
		return Inspection{}, nil, err
	}
	if r.normalize {
		for q := range b {
			projectGrad(r.z[2*q:2*q+2], tz[2*q:2*q+2], r.radius[q])
		}
	}
	inv := 0.0
	if res.Terms > 0 {
		inv = 1 / float64(res.Terms)
	}
	gz := make([]float64, 2*b)
	for q, v := range tz {
		gz[q] = v * inv
	}
	out.Term = rec.term
	if r.Spec.Loss == Contrastive {
		out.PairTerms = [2]float64{rec.posTerm, rec.negTerm}
		out.Term = rec.posTerm + rec.negTerm
	}
	for row, q := range [3]int{k, rec.pos, rec.neg} {
		if q < 0 {
			continue
		}
		switch row {
		case RowPositive:
			out.Positive = batch[q]
		case RowNegative:
			out.Negative = batch[q]
		}
		out.Z[row] = [2]float64{r.z[2*q], r.z[2*q+1]}
		out.Grad[row] = [2]float64{gz[2*q], gz[2*q+1]}
		out.TermGrad[row] = [2]float64{tz[2*q], tz[2*q+1]}
	}
	return out, gz, nil
}
