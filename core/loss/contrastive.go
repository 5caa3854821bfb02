package loss

import "fmt"

// Branch is the part of the contrastive loss that applies to a pair.
type Branch uint8

const (
	Pull Branch = iota // same class: ½d², pull together
	Push               // different class: ½[m−d]+², push apart
)

func (b Branch) String() string {
	if b == Pull {
		return "pull together"
	}
	return "push apart"
}

// Pair is the contrastive loss of one pair with its explanation.
type Pair struct {
	D, Margin float64
	Label     Label
	Branch    Branch
	Loss      float64
	Active    bool    // the term is non-zero: ½d² > 0 when pulling, m − d > Tol when pushing
	Grad      float64 // ∂L/∂d: d when pulling, −[m−d]+ when pushing
}

// ContrastivePair computes ½[y·d² + (1−y)·[m−d]+²] for one pair.
func ContrastivePair(d, m float64, y Label) (Pair, error) {
	if err := checkDistance("d", d); err != nil {
		return Pair{}, err
	}
	if err := checkMargin(m); err != nil {
		return Pair{}, err
	}
	p := Pair{D: d, Margin: m, Label: y}
	if y == Same {
		p.Branch, p.Loss, p.Grad = Pull, d*d/2, d
		p.Active = p.Loss > 0 // not d > 0: ½d² underflows to 0 below d ≈ 1e-162
		return p, nil
	}
	p.Branch = Push
	if gap := m - d; gap > Tol {
		p.Loss, p.Active, p.Grad = gap*gap/2, true, -gap
	}
	return p, nil
}

// HingePair is the non-squared contrastive term y·d + (1−y)·[m−d]+ (PyTorch's
// HingeEmbeddingLoss with labels 1/0 instead of ±1), with ∂L/∂d: 1 for a
// same-class pair at every d, d = 0 included, where the term itself is 0.
func HingePair(d, m float64, y Label) (loss, grad float64, err error) {
	if err := checkDistance("d", d); err != nil {
		return 0, 0, err
	}
	if err := checkMargin(m); err != nil {
		return 0, 0, err
	}
	if y == Same {
		return d, 1, nil
	}
	if gap := m - d; gap > Tol {
		return gap, -1, nil
	}
	return 0, 0, nil
}

// ContrastiveMean is the mean of the per-pair contrastive losses of pairs
// with distances ds and labels ys (equal lengths; 0 for no pairs).
func ContrastiveMean(ds []float64, ys []Label, m float64) (float64, error) {
	if len(ds) != len(ys) {
		return 0, fmt.Errorf("%d distances but %d labels", len(ds), len(ys))
	}
	if len(ds) == 0 {
		return 0, nil
	}
	var sum float64
	for i, d := range ds {
		p, err := ContrastivePair(d, m, ys[i])
		if err != nil {
			return 0, fmt.Errorf("pair %d: %w", i+1, err)
		}
		sum += p.Loss
	}
	return sum / float64(len(ds)), nil
}
