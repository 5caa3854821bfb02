package train

import (
	"fmt"
	"math"
	"testing"
)

// TestGradientsMatchFiniteDifferences checks ∂L/∂θ of every objective ×
// model, with and without the projection onto the circle, against central
// differences of the loss on one fixed mini-batch.
func TestGradientsMatchFiniteDifferences(t *testing.T) {
	data, err := Generate(Overlap, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, model := range ModelIDs() {
		for _, id := range LossIDs() {
			for _, normalize := range []bool{false, true} {
				name := fmt.Sprintf("%s/%s/normalize=%v", model, id, normalize)
				t.Run(name, func(t *testing.T) {
					cfg := NewConfig()
					cfg.Model, cfg.Loss, cfg.Normalize, cfg.Batch, cfg.Margin = model, id, normalize, 12, 1.5
					tr, err := New(cfg, data)
					if err != nil {
						t.Fatal(err)
					}
					// A few steps first, so that the parameters are not the
					// symmetric initial ones (zero biases).
					for range 3 {
						if err := tr.Step(); err != nil {
							t.Fatal(err)
						}
					}
					checkGradient(t, tr.runs[0], data, tr.pending)
				})
			}
		}
	}
}

func checkGradient(t *testing.T, r *Run, data *Data, batch []int) {
	t.Helper()
	res, err := r.forward(data, data.Labels, batch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Terms == 0 {
		t.Fatal("the batch has no terms")
	}
	grad := append([]float64(nil), r.grad...)
	var nonzero int
	// The free model's parameters outside the batch have gradient 0; look
	// at those of the batch's points and at every parameter of the others.
	params := make([]int, 0, len(r.theta))
	if r.net.kind == Free {
		for _, i := range batch {
			params = append(params, 2*i, 2*i+1)
		}
	} else {
		for i := range r.theta {
			params = append(params, i)
		}
	}
	const h = 1e-6
	for _, i := range params {
		keep := r.theta[i]
		r.theta[i] = keep + h
		up, err := r.forward(data, data.Labels, batch)
		if err != nil {
			t.Fatal(err)
		}
		r.theta[i] = keep - h
		down, err := r.forward(data, data.Labels, batch)
		if err != nil {
			t.Fatal(err)
		}
		r.theta[i] = keep
		fd := (up.Loss - down.Loss) / (2 * h)
		if math.Abs(fd-grad[i]) > 1e-6+1e-5*math.Abs(fd) {
			t.Errorf("θ[%d]: analytic %.10g, finite difference %.10g", i, grad[i], fd)
		}
		if grad[i] != 0 {
			nonzero++
		}
	}
	if nonzero == 0 {
		t.Error("every gradient component is 0: the check would prove nothing")
	}
}

// TestZeroDistanceGradientIsZero: coincident points have no direction to be
// pushed in; the gradient there is the subgradient 0, never NaN.
func TestZeroDistanceGradientIsZero(t *testing.T) {
	for _, id := range LossIDs() {
		o := newEvaluator(RunSpec{id, 1}, NewConfig(), 4)
		z := []float64{1, 1, 1, 1, 1, 1, 1, 1} // four points at (1, 1)
		gz := make([]float64, 8)
		res, err := o.evaluate(z, []int{0, 0, 1, 1}, gz)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		for k, g := range gz {
			if g != 0 {
				t.Errorf("%s: ∂L/∂z[%d] = %v at zero distance, want 0", id, k, g)
			}
		}
		if math.IsNaN(res.Loss) {
			t.Errorf("%s: loss NaN", id)
		}
	}
}

// TestProjectGradIsTangent: after projectGrad the gradient is orthogonal
// to the point on the circle, and scaled by 1/r.
func TestProjectGradIsTangent(t *testing.T) {
	e := []float64{3, 4}
	r := project(e)
	if r != 5 || e[0] != 0.6 || e[1] != 0.8 {
		t.Fatalf("project(3, 4) = %v with r %v", e, r)
	}
	g := []float64{1, 0}
	projectGrad(e, g, r)
	// (1,0) − 0.6·(0.6, 0.8) = (0.64, −0.48); /5 = (0.128, −0.096)
	if math.Abs(g[0]-0.128) > 1e-15 || math.Abs(g[1]+0.096) > 1e-15 {
		t.Errorf("projected gradient %v, want (0.128, -0.096)", g)
	}
}
