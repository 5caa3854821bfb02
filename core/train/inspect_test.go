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
					in, gz, err := r.inspect(tr.data, tr.pending, k)
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
				if _, err := r.forward(tr.data, tr.pending); err != nil {
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
