package loss

import "math"

// ConventionID names one way of writing the contrastive loss. The IDs are
// identifiers (eval --json keys), never display text.
type ConventionID string

// The contrastive conventions the switchboard compares, in display order.
const (
	ConventionArticle    ConventionID = "article"     // this project's: mean of ½[y·d² + (1−y)·[m−d]+²], y = 1 same
	ConventionHadsell    ConventionID = "hadsell"     // Hadsell, Chopra, LeCun 2006: sum, Y = 0 similar
	ConventionTFA        ConventionID = "tfa"         // TensorFlow Addons contrastive_loss: mean, no ½
	ConventionPML        ConventionID = "pml"         // pytorch-metric-learning ContrastiveLoss + AvgNonZeroReducer
	ConventionTorchHinge ConventionID = "torch_hinge" // torch.nn.HingeEmbeddingLoss, y = ±1
)

// Convention is the contrastive loss of a Setting's two pairs, (a,p) and
// (a,n), under one library's or paper's convention, with the formula and
// the label meaning it uses (identifier-like text: the formula is notation,
// not a sentence, and is the same in every language). [x]+ is max(x, 0);
// nzmean is the mean over the terms > 0, 0 when there is none.
type Convention struct {
	ID      ConventionID
	Loss    float64
	Formula string
	// Labels are the label values this convention writes for the two pairs
	// (for example "Y=0" for a similar pair under Hadsell).
	Labels [2]string
	// LabelMeaning says what the convention's labels mean, in its own
	// notation (eval --json's label_meaning).
	LabelMeaning string
}

// ConventionIDs lists the conventions in display order.
func ConventionIDs() []ConventionID {
	return []ConventionID{ConventionArticle, ConventionHadsell, ConventionTFA, ConventionPML, ConventionTorchHinge}
}

// Conventions evaluates the contrastive loss of s's two pairs under every
// convention, in ConventionIDs order. Each is computed from its own
// definition (not by rescaling another), so each can be checked against
// its library on its own.
func Conventions(s Setting) ([]Convention, error) {
	if err := checkTriplet(s.DAP, s.DAN, s.Margin); err != nil {
		return nil, err
	}
	ds, ys := [2]float64{s.DAP, s.DAN}, [2]Label{s.YAP, s.YAN}
	out := make([]Convention, 0, 5)
	for _, id := range ConventionIDs() {
		c := Convention{ID: id, Formula: conventionFormulas[id], LabelMeaning: conventionLabelMeanings[id]}
		for i := range ds {
			c.Labels[i] = conventionLabel(id, ys[i])
		}
		c.Loss = conventionLoss(id, ds, ys, s.Margin)
		out = append(out, c)
	}
	return out, nil
}

var conventionFormulas = map[ConventionID]string{
	ConventionArticle:    "mean ½[y·d² + (1−y)·[m−d]+²]",
	ConventionHadsell:    "Σ (1−Y)·½d² + Y·½·[m−d]+²",
	ConventionTFA:        "mean y·d² + (1−y)·[m−d]+²",
	ConventionPML:        "nzmean(d)_pos + nzmean([m−d]+)_neg",
	ConventionTorchHinge: "mean (y=1: d; y=−1: [m−d]+)",
}

var conventionLabelMeanings = map[ConventionID]string{
	ConventionArticle:    "y=1 same class, y=0 different",
	ConventionHadsell:    "Y=0 similar, Y=1 dissimilar",
	ConventionTFA:        "y=1 similar, y=0 dissimilar",
	ConventionPML:        "class labels: equal labels make a positive pair",
	ConventionTorchHinge: "y=1 similar, y=-1 dissimilar",
}

// conventionLabel writes label y the way convention id does.
func conventionLabel(id ConventionID, y Label) string {
	switch id {
	case ConventionHadsell: // Y = 0 similar: the opposite of ours
		if y == Same {
			return "Y=0"
		}
		return "Y=1"
	case ConventionTorchHinge:
		if y == Same {
			return "y=1"
		}
		return "y=−1"
	case ConventionPML: // class labels: a pair is positive when they are equal
		if y == Same {
			return "positive"
		}
		return "negative"
	}
	if y == Same {
		return "y=1"
	}
	return "y=0"
}

func conventionLoss(id ConventionID, ds [2]float64, ys [2]Label, m float64) float64 {
	hinge := func(x float64) float64 { return math.Max(x, 0) }
	switch id {
	case ConventionArticle:
		var sum float64
		for i, d := range ds {
			y := ys[i].Y()
			sum += 0.5 * (y*d*d + (1-y)*sq(hinge(m-d)))
		}
		return sum / 2
	case ConventionHadsell:
		var sum float64
		for i, d := range ds {
			Y := 1 - ys[i].Y() // Hadsell's Y = 0 for a similar pair
			sum += (1-Y)*0.5*d*d + Y*0.5*sq(hinge(m-d))
		}
		return sum
	case ConventionTFA:
		var sum float64
		for i, d := range ds {
			y := ys[i].Y()
			sum += y*d*d + (1-y)*sq(hinge(m-d))
		}
		return sum / 2
	case ConventionPML:
		// pos_margin 0, neg_margin m; AvgNonZeroReducer averages each part
		// over its terms > 0 (0 when none), and the parts are summed.
		var pos, neg []float64
		for i, d := range ds {
			if ys[i] == Same {
				pos = append(pos, hinge(d-0))
			} else {
				neg = append(neg, hinge(m-d))
			}
		}
		return nonZeroMean(pos) + nonZeroMean(neg)
	case ConventionTorchHinge:
		var sum float64
		for i, d := range ds {
			if ys[i] == Same {
				sum += d
			} else {
				sum += hinge(m - d)
			}
		}
		return sum / 2
	}
	return math.NaN()
}

func sq(x float64) float64 { return x * x }

// nonZeroMean is pytorch-metric-learning's AvgNonZeroReducer on one part:
// the mean of the terms > 0, or 0 when there is none.
func nonZeroMean(xs []float64) float64 {
	var sum float64
	n := 0
	for _, x := range xs {
		if x > 0 {
			sum += x
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// MarginScale is what the triplet margin m asks of one state under three
// ways of measuring: plain distances, squared distances (FaceNet) and cosine
// similarity of unit vectors.
type MarginScale struct {
	// PlainGap is d(a,n) − d(a,p): the plain triplet asks it to reach m.
	PlainGap float64
	// SquaredGap is d(a,n)² − d(a,p)²: the squared triplet asks it to reach m.
	SquaredGap float64
	// SquaredMatching is m·(2d(a,p) + m): the squared margin m' whose
	// boundary d(a,n)² = d(a,p)² + m' lies where the plain boundary
	// d(a,n) = d(a,p) + m does for this positive. (m·(d(a,p) + d(a,n)) is
	// the same number only on the plain boundary.)
	SquaredMatching float64
	// OnSphere is false when a distance exceeds 2, which no two unit
	// vectors reach; the cosine fields are then 0.
	OnSphere bool
	// SimAP and SimAN are the cosine similarities of unit vectors at these
	// Euclidean distances: s = 1 − d²/2.
	SimAP, SimAN float64
	// CosineTriplet is max(s(a,n) − s(a,p) + m, 0): with similarities the
	// inequality flips, the positive must be more similar by m.
	CosineTriplet float64
}

// MarginScales computes the MarginScale of s.
func MarginScales(s Setting) (MarginScale, error) {
	if err := checkTriplet(s.DAP, s.DAN, s.Margin); err != nil {
		return MarginScale{}, err
	}
	ms := MarginScale{
		PlainGap:        s.DAN - s.DAP,
		SquaredGap:      s.DAN*s.DAN - s.DAP*s.DAP,
		SquaredMatching: s.Margin * (2*s.DAP + s.Margin),
		OnSphere:        s.DAP <= 2 && s.DAN <= 2,
	}
	if ms.OnSphere {
		ms.SimAP, ms.SimAN = 1-s.DAP*s.DAP/2, 1-s.DAN*s.DAN/2
		ms.CosineTriplet = math.Max(ms.SimAN-ms.SimAP+s.Margin, 0)
	}
	return ms, nil
}
