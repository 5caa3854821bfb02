package train

import "testing"

// TestScaleDetection: the runs issue 18 names shrink or grow past a
// tenfold change of scale, and no loss on blobs with m = 1 does in 500
// steps with any model.
func TestScaleDetection(t *testing.T) {
	for _, c := range []struct {
		name  string
		data  DataID
		model ModelID
		loss  LossID
		m     float64
		steps int
		want  Scale
	}{
		// With m = 0 a hinge is scale-invariant: descent shrinks the scale.
		{"batch-all m 0 overlap linear", Overlap, Linear, BatchAll, 0, 250, ScaleShrinking},
		{"semi-hard overlap mlp", Overlap, MLP, SemiHard, 1, 500, ScaleGrowing},
		{"contrastive m 0 overlap linear", Overlap, Linear, Contrastive, 0, 250, ScaleCollapsed},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := NewConfig()
			cfg.Data, cfg.Model, cfg.Loss, cfg.Margin = c.data, c.model, c.loss, c.m
			rec := trainRecord(t, cfg, c.steps, c.steps)
			last := rec[len(rec)-1]
			if got := last.Scale(); got != c.want {
				t.Errorf("scale %d at step %d (ratio %.4f), want %d", got, last.Step, last.ScaleRatio, c.want)
			}
			if want := last.MeanDistance / rec[0].MeanDistance; last.ScaleRatio != want {
				t.Errorf("scale ratio %v, mean distance now ÷ at step 0 %v", last.ScaleRatio, want)
			}
		})
	}
	if testing.Short() {
		return
	}
	for _, id := range LossIDs() {
		for _, model := range ModelIDs() {
			t.Run("blobs m 1 "+string(id)+" "+string(model), func(t *testing.T) {
				cfg := NewConfig()
				cfg.Loss, cfg.Model = id, model
				for _, m := range trainRecord(t, cfg, 500, 10) {
					if m.Scale() != ScaleSteady {
						t.Fatalf("scale %d at step %d (ratio %.4f)", m.Scale(), m.Step, m.ScaleRatio)
					}
				}
			})
		}
	}
}

// TestTemperatureChangesInfoNCE: τ reaches the loss as core/loss reads it.
func TestTemperatureChangesInfoNCE(t *testing.T) {
	loss := func(tau float64, sim Similarity) float64 {
		cfg := NewConfig()
		cfg.Loss, cfg.Model, cfg.Temperature, cfg.Similarity = InfoNCE, Linear, tau, sim
		return trainRecord(t, cfg, 0, 1)[0].Loss
	}
	for _, sim := range Similarities() {
		if a, b := loss(0.1, sim), loss(1, sim); a == b {
			t.Errorf("%s: the same loss %v at τ 0.1 and 1", sim, a)
		}
	}
	// Contrastive does not read τ.
	cfg := NewConfig()
	a := trainRecord(t, cfg, 3, 3)
	cfg.Temperature = 2
	if b := trainRecord(t, cfg, 3, 3); a[1].Loss != b[1].Loss {
		t.Errorf("contrastive changed with τ: %v, %v", a[1].Loss, b[1].Loss)
	}
}
