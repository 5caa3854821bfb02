package train

import (
	"math"
	"slices"

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
//   - infonce (an anchor-wide loss with a term per positive): the positive
//     and the negative with the largest softmax weight (the nearest of
//     each); Term is that positive's term, which sums over every other
//     sample of the batch;
//   - an anchor-wide loss with one term per anchor (multi-similarity): the
//     positive and the negative whose pair it pulls and pushes hardest (the
//     largest |∂ℓ/∂d|); Term is the anchor's term, over every other sample.
//
// Ties go to the harder pick (the farther positive, the nearer negative),
// then to the lower batch position. Everything is computed by the code that
// computes the step: the same distances, mining, term functions and chain
// rule (Run.forward with a recorder attached).
type Inspection struct {
	Loss LossID
	// Shape says what Term is.
	Shape TermShape
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
	// Moved are the displacements of A, P, N that the next step causes:
	// each embedding after the step (on the whole batch) less before. The
	// free model moves a point by its own row of the step alone,
	// −lr·B·∂L/∂z over every term it is in; a shared map (linear, mlp)
	// moves its weights, which carry every point, so a point moves even
	// where its own gradient is 0, and not along it.
	Moved [3][2]float64
}

// MovedNorm is |Δz| of a row: how far the next step moves it.
func (in Inspection) MovedNorm(row int) float64 {
	return math.Hypot(in.Moved[row][0], in.Moved[row][1])
}

// MovedAngle is the angle in degrees, 0 to 180, between a row's
// displacement and −∂ℓ/∂z, the push of the shown term(s); NaN where either
// is 0.
func (in Inspection) MovedAngle(row int) float64 {
	if in.MovedNorm(row) == 0 || in.TermGradNorm(row) == 0 {
		return math.NaN()
	}
	m, g := in.Moved[row], in.TermGrad[row]
	dot, cross := -(m[0]*g[0] + m[1]*g[1]), m[0]*g[1]-m[1]*g[0]
	return math.Atan2(math.Abs(cross), dot) * 180 / math.Pi
}

// TermShape says which terms an Inspection shows.
type TermShape uint8

const (
	PairTerms    TermShape = iota // ℓ(A,P) + ℓ(A,N): a pair loss's two pairs
	TripletTerm                   // ℓ(A,P,N)
	PositiveTerm                  // ℓ(A,P): the positive's term against the whole batch
	AnchorTerm                    // ℓ(A): the anchor's term against the whole batch
)

func (s TermShape) String() string {
	return [...]string{"pair", "triplet", "positive", "anchor"}[s%4]
}

// shapeOf is what an inspection of objective o shows.
func shapeOf(o Objective) TermShape {
	switch {
	case o.Loss.PerAnchor:
		return AnchorTerm
	case o.Loss.Anchor != nil:
		return PositiveTerm
	case o.Loss.Kind == loss.OnPairs:
		return PairTerms
	}
	return TripletTerm
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
	in, _, err := t.runs[i].inspect(t.data, t.split.Labels, t.pending, k)
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

// anchorWide records anchor-wide loss terms of the anchor, whose value v
// and every ∂ℓ/∂d the evaluator has just computed (e.pos, e.neg, e.gpos,
// e.gneg, in the order of the indices pos and neg). A loss with a term per
// anchor shows that term, picking the positive and the negative with the
// largest |∂ℓ/∂d|; a loss with a term per positive shows the nearest
// positive's term (the registry's anchor loss with it as the only positive
// against every other sample) and picks the nearest negative.
func (in *inspector) anchorWide(e *evaluator, v loss.AnchorValue, pos, neg []int) error {
	np, nn := len(pos), len(neg)
	if np == 0 {
		return nil
	}
	in.others = in.others[:0]
	if e.obj.Loss.PerAnchor {
		p, n := 0, -1
		for i := 1; i < np; i++ {
			if g, best := e.gpos[i], e.gpos[p]; g > best || (g == best && e.pos[i] > e.pos[p]) {
				p = i
			}
		}
		for i := range nn {
			if g := e.gneg[i]; n < 0 || g < e.gneg[n] || (g == e.gneg[n] && e.neg[i] < e.neg[n]) {
				n = i
			}
		}
		in.pos, in.term = pos[p], v.Sum
		if n >= 0 {
			in.neg = neg[n]
		}
		for i, j := range pos {
			in.others = append(in.others, pairGrad{j: j, g: e.gpos[i]})
		}
		for i, j := range neg {
			in.others = append(in.others, pairGrad{j: j, g: e.gneg[i]})
		}
		return nil
	}
	p, n := 0, -1
	for i := 1; i < np; i++ {
		if e.pos[i] < e.pos[p] {
			p = i
		}
	}
	for i := range nn {
		if n < 0 || e.neg[i] < e.neg[n] {
			n = i
		}
	}
	in.pos = pos[p]
	if n >= 0 {
		in.neg = neg[n]
	}
	rest := make([]float64, 0, np+nn-1)
	in.others = append(in.others, pairGrad{j: pos[p]})
	for i := range np {
		if i != p {
			rest = append(rest, e.pos[i])
			in.others = append(in.others, pairGrad{j: pos[i]})
		}
	}
	for i := range nn {
		rest = append(rest, e.neg[i])
		in.others = append(in.others, pairGrad{j: neg[i]})
	}
	gp, grest := make([]float64, 1), make([]float64, len(rest))
	one, err := e.obj.Loss.Anchor(e.pos[p:p+1], rest, e.params, gp, grest)
	if err != nil {
		return err
	}
	// others[0] is the shown positive; others[1:] the rest, in rest's order.
	in.term, in.others[0].g = one.Sum, gp[0]
	for i := range grest {
		in.others[i+1].g = grest[i]
	}
	return nil
}

// inspect evaluates the batch with the recorder attached and returns the
// inspection and the whole restricted gradient ∂L/∂z (b×2, for the tests).
func (r *Run) inspect(data *Data, labels, batch []int, k int) (Inspection, []float64, error) {
	b := len(batch)
	k = ((k % b) + b) % b
	rec := &inspector{anchor: k, pos: -1, neg: -1}
	r.obj.insp = rec
	res, err := r.forward(data, labels, batch)
	r.obj.insp = nil
	if err != nil {
		return Inspection{}, nil, err
	}
	// The parameters after the step, from the step's own gradient (r.grad).
	next := slices.Clone(r.theta)
	for q, g := range r.grad {
		next[q] -= r.stepSize(b) * g
	}
	shape := shapeOf(r.obj.obj)
	out := Inspection{Loss: r.Spec.Loss, Shape: shape, Position: k, BatchSize: b, Anchor: batch[k], Positive: -1, Negative: -1, Terms: res.Terms}
	// ∂ℓ/∂d of the shown terms, then through the distances and the
	// projection as the step's gradient goes: ∂ℓ/∂z, and ∂L/∂z its share
	// by the reducer's weight (1/Terms for a mean).
	gd := make([]float64, b*b)
	if shape == PairTerms || shape == TripletTerm { // an anchor-wide loss's are all among others
		if rec.pos >= 0 {
			gd[k*b+rec.pos] += rec.posGrad
		}
		if rec.neg >= 0 {
			gd[k*b+rec.neg] += rec.negGrad
		}
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
	w := r.obj.weight(k)
	gz := make([]float64, 2*b)
	for q, v := range tz {
		gz[q] = v * w
	}
	out.Term = rec.term
	if shape == PairTerms {
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
		out.Moved[row] = r.movedBy(data, next, batch[q], out.Z[row])
		out.Grad[row] = [2]float64{gz[2*q], gz[2*q+1]}
		out.TermGrad[row] = [2]float64{tz[2*q], tz[2*q+1]}
	}
	return out, gz, nil
}

// movedBy is the displacement of point i, now at z, under the parameters
// next.
func (r *Run) movedBy(data *Data, next []float64, i int, z [2]float64) [2]float64 {
	var e [2]float64
	var hidden [Hidden]float64
	r.net.embed(next, data.Row(i), i, e[:], hidden[:])
	if r.normalize {
		project(e[:])
	}
	return [2]float64{e[0] - z[0], e[1] - z[1]}
}
