package train

import (
	"testing"
)

func benchTrainer(b *testing.B, cfg Config, points int) *Trainer {
	b.Helper()
	data, err := Generate(cfg.Data, cfg.Seed)
	if err != nil {
		b.Fatal(err)
	}
	if points > data.N { // grow the set to the size the target names
		more, _ := Generate(cfg.Data, cfg.Seed+1)
		data.X = append(data.X, more.X[:(points-data.N)*data.D]...)
		data.Labels = append(data.Labels, more.Labels[:points-data.N]...)
		data.N = points
	}
	tr, err := New(cfg, data)
	if err != nil {
		b.Fatal(err)
	}
	for range 20 { // the steady state
		if err := tr.Step(); err != nil {
			b.Fatal(err)
		}
	}
	return tr
}

// BenchmarkTrainStep: 400 points in 2-D, the free model, triplet batch-hard.
// Target: < 1 ms/op and 0 allocs/op.
func BenchmarkTrainStep(b *testing.B) {
	cfg := NewConfig()
	cfg.Loss = BatchHard
	tr := benchTrainer(b, cfg, 400)
	b.ReportAllocs()
	for b.Loop() {
		if err := tr.Step(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrainStepEach measures one step of every objective with the mlp.
func BenchmarkTrainStepEach(b *testing.B) {
	for _, id := range LossIDs() {
		b.Run(string(id), func(b *testing.B) {
			cfg := NewConfig()
			cfg.Loss, cfg.Model = id, MLP
			tr := benchTrainer(b, cfg, 300)
			b.ReportAllocs()
			for b.Loop() {
				if err := tr.Step(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMetrics: the per-frame measurement of 300 points (44,850 pairs).
func BenchmarkMetrics(b *testing.B) {
	tr := benchTrainer(b, NewConfig(), 300)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tr.runs[0].Metrics(tr); err != nil {
			b.Fatal(err)
		}
	}
}
