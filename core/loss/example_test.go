package loss_test

import (
	"fmt"

	"losslab/core/loss"
	"losslab/internal/numfmt"
)

// The source article's first example: d(a,p) = 0.7, d(a,n) = 0.5, m = 0.2.
// The negative is nearer than the positive, a hard negative, and the loss
// is max(0.7 − 0.5 + 0.2, 0) = 0.4.
func ExampleTripletLoss() {
	t, err := loss.TripletLoss(0.7, 0.5, 0.2)
	if err != nil {
		panic(err)
	}
	fmt.Println(numfmt.Loss(t.Loss), t.Regime, t.GradDAP, t.GradDAN)
	// Output: 0.4000 hard 1 -1
}

// A same-class pair is pulled together with ½d²; a different-class pair is
// pushed only while it is inside the margin.
func ExampleContrastivePair() {
	pull, _ := loss.ContrastivePair(0.7, 0.2, loss.Same)
	push, _ := loss.ContrastivePair(0.1, 0.2, loss.Different)
	fmt.Println(numfmt.Loss(pull.Loss), pull.Grad)
	fmt.Println(numfmt.Loss(push.Loss), numfmt.Grad(push.Grad))
	// Output:
	// 0.2450 0.7
	// 0.0050 -0.10
}

// Every registered loss on the article's first example, by stable ID. Front
// ends iterate this list; they never name a loss.
func ExampleEvaluateAll() {
	s := loss.Setting{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different}
	results, err := loss.EvaluateAll(s, loss.Params{Margin: s.Margin})
	if err != nil {
		panic(err)
	}
	for _, r := range results {
		fmt.Printf("%-20s %-8s %s\n", r.Loss.ID, r.Loss.Kind, numfmt.Loss(r.Value))
	}
	// Output:
	// contrastive          pairs    0.1225
	// hinge-contrastive    pairs    0.3500
	// triplet              triplets 0.4000
	// squared-triplet      triplets 0.4400
	// soft-margin-triplet  triplets 0.7981
	// infonce              triplets 2.1269
	// multi-similarity     triplets 0.4704
}

// InfoNCE on one triplet is softplus((d(a,p) − d(a,n))/τ): at τ = 1 the
// soft-margin triplet. Its batch form takes an anchor's distances to its
// positives and negatives and returns the sum of one term per positive.
func ExampleLoss_anchor() {
	l, _ := loss.Lookup(loss.InfoNCEID)
	one, _ := l.Triplet(0.7, 0.5, loss.Params{Temperature: 1})
	soft, _ := loss.SoftMarginTripletLoss(0.7, 0.5)
	sum, _ := l.Anchor([]float64{0.7}, []float64{0.5}, loss.Params{Temperature: 1}, nil, nil)
	fmt.Println(numfmt.Loss(one.Loss), numfmt.Loss(soft.Loss), numfmt.Loss(sum.Sum))
	// Output: 0.7981 0.7981 0.7981
}
