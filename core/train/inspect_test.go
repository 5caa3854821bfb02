package train

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"losslab/core/loss"
)

// inspectTrainer is a free-model trainer a few steps in, so that the
// embeddings are no longer the initial noise.
func inspectTrainer(t *testing.T, id LossID, model ModelID, normalize bool) *Trainer {
	t.Helper()
	data, err := Generate(Overlap, 3)
	if err != nil {
		t.Fatal(err)
	}
	cfg := NewConfig()
	cfg.Model, cfg.Loss, cfg.Normalize, cfg.Batch, cfg.Margin = model, id, normalize, 12, 1.5
	tr, err := New(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := tr.Step(); err != nil {
			t.Fatal(err)
		}
	}
	return tr
}

// The exposed gradients of each objective, against central differences of
// the exposed term: with the free model θ holds the embeddings, so moving
// θ moves one embedding; ∂ℓ/∂z is TermGrad and ∂L/∂z = ∂ℓ/∂z/Terms is Grad.
func TestInspectGradientMatchesFiniteDifferences(t *testing.T) {
	for _, id := range LossIDs() {
		t.Run(string(id), func(t *testing.T) {
			tr := inspectTrainer(t, id, Free, false)
			r := tr.runs[0]
			pushed := 0
			defer func() {
				if pushed == 0 {
					t.Error("no anchor had a gradient: the check checked nothing")
				}
			}()
			for _, k := range []int{0, 5, 11} {
				in, err := tr.Inspect(0, k)
				if err != nil {
					t.Fatal(err)
				}
				if in.Positive < 0 || in.Negative < 0 {
					t.Fatalf("anchor %d: no pick %+v", k, in)
				}
				if in.GradNorm(RowAnchor) > 0 {
					pushed++
				}
				if in.GradNorm(RowAnchor) == 0 && in.Term > 1e-9 {
					t.Errorf("anchor %d: term %v without a gradient", k, in.Term)
				}
				const h = 1e-6
				for row, point := range []int{in.Anchor, in.Positive, in.Negative} {
					for c := range 2 {
						keep := r.theta[2*point+c]
						r.theta[2*point+c] = keep + h
						up, err := tr.Inspect(0, k)
						if err != nil {
							t.Fatal(err)
						}
						r.theta[2*point+c] = keep - h
						down, err := tr.Inspect(0, k)
						if err != nil {
							t.Fatal(err)
						}
						r.theta[2*point+c] = keep
						if up.Positive != in.Positive || up.Negative != in.Negative || down.Positive != in.Positive || down.Negative != in.Negative {
							t.Fatalf("anchor %d: the pick changed under ±%g", k, h)
						}
						fd := (up.Term - down.Term) / (2 * h)
						if got := in.TermGrad[row][c]; math.Abs(fd-got) > 1e-6+1e-5*math.Abs(fd) {
							t.Errorf("anchor %d row %d coord %d: ∂ℓ/∂z %.10g, finite difference %.10g", k, row, c, got, fd)
						}
						fd /= float64(in.Terms)
						if got := in.Grad[row][c]; math.Abs(fd-got) > 1e-7+1e-5*math.Abs(fd) {
							t.Errorf("anchor %d row %d coord %d: ∂L/∂z %.10g, finite difference %.10g", k, row, c, got, fd)
						}
					}
				}
			}
		})
	}
}

// Batch-hard and Multi-Similarity have one term per anchor, so the
// restricted gradients of all anchors add up to the batch gradient the step
// uses, row for row.
func TestInspectGradientsSumToTheBatchGradient(t *testing.T) {
	for _, id := range []LossID{BatchHard, BatchHardSoft, LossID(loss.MultiSimilarityID)} {
		for _, normalize := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/normalize=%v", id, normalize), func(t *testing.T) {
				tr := inspectTrainer(t, id, MLP, normalize)
				r := tr.runs[0]
				b := len(tr.pending)
				sum := make([]float64, 2*b)
				for k := range b {
					in, gz, err := r.inspect(tr.data, tr.split.Labels, tr.pending, k)
					if err != nil {
						t.Fatal(err)
					}
					for c := range 2 {
						if in.Grad[RowAnchor][c] != gz[2*k+c] {
							t.Fatalf("anchor %d: exposed row %v is not the gradient's row %v", k, in.Grad[RowAnchor], gz[2*k:2*k+2])
						}
					}
					for q := range sum {
						sum[q] += gz[q]
					}
				}
				if _, err := r.forward(tr.data, tr.split.Labels, tr.pending); err != nil {
					t.Fatal(err)
				}
				for q := range sum {
					if math.Abs(sum[q]-r.gz[q]) > 1e-12 {
						t.Errorf("row %d coord %d: Σ anchors %.15g, batch %.15g", q/2, q%2, sum[q], r.gz[q])
					}
				}
			})
		}
	}
}

// Looking does not touch: a run inspected at every step trains exactly as
// one that is not.
func TestInspectChangesNothing(t *testing.T) {
	a := inspectTrainer(t, SemiHard, MLP, false)
	b := inspectTrainer(t, SemiHard, MLP, false)
	for step := range 10 {
		if _, err := a.Inspect(0, step); err != nil {
			t.Fatal(err)
		}
		if err := a.Step(); err != nil {
			t.Fatal(err)
		}
		if err := b.Step(); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(a.runs[0].theta, b.runs[0].theta) {
		t.Fatal("inspecting changed the training")
	}
}

// By hand: batch-hard shows the anchor's farthest positive and nearest
// negative, and its term is max(d(a,p) − d(a,n) + m, 0) of those.
func TestInspectPicksTheHardest(t *testing.T) {
	tr := inspectTrainer(t, BatchHard, Free, false)
	in, err := tr.Inspect(0, 2)
	if err != nil {
		t.Fatal(err)
	}
	row := anchorRow(tr, in)
	d := tr.runs[0].obj.d
	far, near := d[in.Position*len(tr.pending)+row.far], d[in.Position*len(tr.pending)+row.near]
	if want := math.Max(far-near+1.5, 0); math.Abs(in.Term-want) > 1e-12 {
		t.Errorf("term %v, want max(%v − %v + 1.5, 0) = %v", in.Term, far, near, want)
	}
}

// inspectedRow is an inspected anchor's distances to the positives and
// negatives of its batch, and the batch positions of the farthest positive
// and the nearest negative (ties to the lower position).
type inspectedRow struct {
	pos, neg  []float64
	far, near int
}

func anchorRow(tr *Trainer, in Inspection) inspectedRow {
	b := len(tr.pending)
	d := tr.runs[0].obj.d[:b*b]
	k := in.Position
	r := inspectedRow{far: -1, near: -1}
	for j := range b {
		switch dj := d[k*b+j]; {
		case j == k:
		case tr.data.Labels[tr.pending[j]] == tr.data.Labels[in.Anchor]:
			r.pos = append(r.pos, dj)
			if r.far < 0 || dj > d[k*b+r.far] {
				r.far = j
			}
		default:
			r.neg = append(r.neg, dj)
			if r.near < 0 || dj < d[k*b+r.near] {
				r.near = j
			}
		}
	}
	return r
}

// Multi-Similarity's one term per anchor: the inspection shows the anchor's
// whole term, the registry's on its distances, and picks the pair it pulls
// hardest (the farthest positive, e^(α(d − λ)) growing with d) and pushes
// hardest (the nearest negative).
func TestInspectMultiSimilarityShowsTheAnchorTerm(t *testing.T) {
	tr := inspectTrainer(t, LossID(loss.MultiSimilarityID), Free, false)
	in, err := tr.Inspect(0, 4)
	if err != nil {
		t.Fatal(err)
	}
	row := anchorRow(tr, in)
	l, _ := loss.Lookup(loss.MultiSimilarityID)
	want, err := l.Anchor(row.pos, row.neg, loss.Params{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if in.Shape != AnchorTerm || in.Term != want.Sum || in.Positive != tr.pending[row.far] || in.Negative != tr.pending[row.near] {
		t.Errorf("%v term %v, P %d, N %d; want the anchor term %v, P %d, N %d", in.Shape, in.Term, in.Positive, in.Negative, want.Sum, tr.pending[row.far], tr.pending[row.near])
	}
}

// Moved is what the next step does: for every loss and model (on and off
// the unit circle), Z + Moved is each of A, P, N embedded after Step.
func TestInspectMovedIsTheStep(t *testing.T) {
	for _, id := range LossIDs() {
		for _, model := range ModelIDs() {
			for _, normalize := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/%v", id, model, normalize), func(t *testing.T) {
					tr := inspectTrainer(t, id, model, normalize)
					in, err := tr.Inspect(0, 4)
					if err != nil {
						t.Fatal(err)
					}
					if err := tr.Step(); err != nil {
						t.Fatal(err)
					}
					after := make([]float64, 6)
					tr.runs[0].Embed(tr.data, []int{in.Anchor, in.Positive, in.Negative}, after)
					moved := 0.0
					for row := range 3 {
						for c := range 2 {
							if got, want := in.Z[row][c]+in.Moved[row][c], after[2*row+c]; math.Abs(got-want) > 1e-12 {
								t.Errorf("row %d: Z + Moved %v, after the step %v", row, got, want)
							}
						}
						moved += in.MovedNorm(row)
					}
					if moved == 0 {
						t.Error("nothing moved: the check checked nothing")
					}
				})
			}
		}
	}
}

// With the linear model Moved is x·(W' − W), W' the weights after the step,
// computed here by hand; with the free model a point moves by its own row
// of the step, −lr·B·∂L/∂z, and nothing else.
func TestInspectMovedByHand(t *testing.T) {
	t.Run("linear", func(t *testing.T) {
		tr := inspectTrainer(t, BatchAll, Linear, false)
		in, err := tr.Inspect(0, 2)
		if err != nil {
			t.Fatal(err)
		}
		before := slices.Clone(tr.runs[0].theta)
		if err := tr.Step(); err != nil {
			t.Fatal(err)
		}
		w := tr.runs[0].theta
		for row, i := range []int{in.Anchor, in.Positive, in.Negative} {
			var d [2]float64
			for j, x := range tr.data.Row(i) {
				d[0] += x * (w[2*j] - before[2*j])
				d[1] += x * (w[2*j+1] - before[2*j+1])
			}
			for c := range 2 {
				if math.Abs(in.Moved[row][c]-d[c]) > 1e-12 {
					t.Errorf("row %d: Moved %v, x·(W' − W) %v", row, in.Moved[row], d)
				}
			}
		}
	})
	t.Run("free", func(t *testing.T) {
		for _, id := range LossIDs() {
			tr := inspectTrainer(t, id, Free, false)
			r := tr.runs[0]
			if r.normalize { // InfoNCE on cosine: the step is projected back onto the circle
				continue
			}
			in, err := tr.Inspect(0, 7)
			if err != nil {
				t.Fatal(err)
			}
			b := float64(len(tr.pending))
			for row, i := range []int{in.Anchor, in.Positive, in.Negative} {
				for c := range 2 {
					if want := -r.lr * b * r.grad[2*i+c]; math.Abs(in.Moved[row][c]-want) > 1e-12 {
						t.Errorf("%s row %d: Moved %v, −lr·B·∂L/∂z %v", id, row, in.Moved[row][c], want)
					}
				}
			}
		}
	})
}

// MovedAngle by hand: along the push 0°, across it 90°, against it 180°,
// undefined (NaN) without a push or a move.
func TestMovedAngleByHand(t *testing.T) {
	for _, tc := range []struct {
		moved, grad [2]float64
		want        float64
	}{{[2]float64{1, 0}, [2]float64{-2, 0}, 0}, {[2]float64{0, 3}, [2]float64{-2, 0}, 90}, {[2]float64{1, 1}, [2]float64{1, 1}, 180}, {[2]float64{0, 0}, [2]float64{1, 0}, math.NaN()}, {[2]float64{1, 0}, [2]float64{0, 0}, math.NaN()}} {
		in := Inspection{Moved: [3][2]float64{tc.moved}, TermGrad: [3][2]float64{tc.grad}}
		if got := in.MovedAngle(RowAnchor); !(math.Abs(got-tc.want) < 1e-9 || math.IsNaN(got) && math.IsNaN(tc.want)) {
			t.Errorf("moved %v, ∂ℓ/∂z %v: %v°, want %v°", tc.moved, tc.grad, got, tc.want)
		}
	}
}
