package train

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// TestAgainstPyTorch compares the loss and ∂L/∂θ of every objective, for
// the linear and mlp models with and without the projection onto the
// circle, with PyTorch autograd (testdata/torch_reference.py).
func TestAgainstPyTorch(t *testing.T) {
	raw, err := os.ReadFile("testdata/torch_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Temperature float64
		Cases       []struct {
			Model     ModelID
			LossID    LossID `json:"loss_id"`
			Normalize bool
			Margin    float64
			// Similarity and Temperature are InfoNCE's (empty, 0 for the others).
			Similarity  Similarity
			Temperature float64
			X           [][]float64
			Labels      []int
			Theta       []float64
			Loss        float64
			Grad        []float64
		}
	}
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	// Every case is an objective's, with its 4 (2 models × projection),
	// and every named objective has them. A loss that reached training
	// from the registry may have none: its terms are checked against
	// PyTorch in core/loss, and the chain rule to θ, which is the same for
	// every loss, by TestGradientsMatchFiniteDifferences.
	// InfoNCE has its 4 under each similarity.
	covered := map[string]int{}
	for _, c := range ref.Cases {
		if c.LossID.Objective().ID == "" {
			t.Fatalf("a reference case for %q, which is no objective", c.LossID)
		}
		covered[string(c.LossID)+" "+string(c.Similarity)]++
	}
	for _, n := range named {
		if n.id == InfoNCE {
			for _, s := range Similarities() {
				covered[string(n.id)+" "+string(s)] += 0
			}
		} else {
			covered[string(n.id)+" "] += 0
		}
	}
	for id, k := range covered {
		if k != 4 {
			t.Errorf("objective %s: %d reference cases, want 4", id, k)
		}
	}
	for _, c := range ref.Cases {
		data := &Data{N: len(c.X), D: len(c.X[0]), Labels: c.Labels}
		for _, row := range c.X {
			data.X = append(data.X, row...)
		}
		batch := make([]int, data.N)
		for i := range batch {
			batch[i] = i
		}
		cfg := NewConfig()
		cfg.Normalize = c.Normalize
		if c.Similarity != "" {
			cfg.Similarity, cfg.Temperature = c.Similarity, c.Temperature
		}
		r := newRun("ref", RunSpec{c.LossID, c.Margin}, network{kind: c.Model, n: data.N, d: data.D}, c.Theta, cfg, data.N)
		res, err := r.forward(data, data.Labels, batch)
		if err != nil {
			t.Fatal(err)
		}
		name := string(c.Model) + "/" + string(c.LossID)
		if c.Normalize {
			name += "/normalize"
		}
		if c.Similarity != "" {
			name += "/" + string(c.Similarity)
		}
		if math.Abs(res.Loss-c.Loss) > 1e-12*math.Max(1, math.Abs(c.Loss)) {
			t.Errorf("%s: loss %.15g, PyTorch %.15g", name, res.Loss, c.Loss)
		}
		if len(r.grad) != len(c.Grad) {
			t.Fatalf("%s: %d parameters, PyTorch %d", name, len(r.grad), len(c.Grad))
		}
		for i, g := range c.Grad {
			if math.Abs(r.grad[i]-g) > 1e-12*math.Max(1, math.Abs(g)) {
				t.Errorf("%s: ∂L/∂θ[%d] = %.15g, PyTorch %.15g", name, i, r.grad[i], g)
			}
		}
	}
}
