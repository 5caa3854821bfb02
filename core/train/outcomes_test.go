package train

import (
	"errors"
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"

	corebatch "losslab/core/batch"
	"losslab/core/dataset"
)

// trainRecord runs cfg for steps steps and returns the metrics every
// `every` steps (step 0 included) of the first run, stopping early once
// done says so.
func trainRecord(t testing.TB, cfg Config, steps, every int, done ...func(Metrics) bool) []Metrics {
	t.Helper()
	data, err := Generate(cfg.Data, cfg.Seed)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := New(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	var out []Metrics
	for s := 0; ; s++ {
		if s%every == 0 || s == steps {
			ms, err := tr.Metrics()
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, ms[0])
			if len(done) > 0 && done[0](ms[0]) {
				return out
			}
		}
		if s == steps {
			return out
		}
		if err := tr.Step(); err != nil {
			t.Fatalf("step %d: %v", s+1, err)
		}
	}
}

// The outcomes, with the defaults for everything not named.
func TestBlobsSeparate(t *testing.T) {
	for _, id := range []LossID{Contrastive, BatchHard, SemiHard, BatchAll} {
		t.Run(string(id), func(t *testing.T) {
			cfg := NewConfig()
			cfg.Loss = id
			separated := func(m Metrics) bool { return m.AUC >= 0.99 }
			rec := trainRecord(t, cfg, 500, 10, separated)
			first, last := rec[0], rec[len(rec)-1]
			if !separated(last) {
				t.Fatalf("AUC never reached 0.99 in 500 steps (%.4f → %.4f)", first.AUC, last.AUC)
			}
			t.Logf("AUC %.4f at step 0, %.4f at step %d; mean_negative − mean_positive %.4f → %.4f", first.AUC, last.AUC, last.Step, first.Gap(), last.Gap())
			if !(last.Gap() > first.Gap()+0.5) {
				t.Errorf("mean_negative − mean_positive: %.4f at step 0, %.4f at step %d: did not grow", first.Gap(), last.Gap(), last.Step)
			}
		})
	}
}

func TestContrastiveWithoutMarginCollapses(t *testing.T) {
	for _, margin := range []float64{0, 1} {
		cfg := NewConfig()
		cfg.Data, cfg.Model, cfg.Loss, cfg.Margin = Overlap, Linear, Contrastive, margin
		rec := trainRecord(t, cfg, 1000, 10, func(m Metrics) bool { return m.Collapsed && m.MeanDistance < 1e-6 })
		at := slices.IndexFunc(rec, func(m Metrics) bool { return m.Collapsed })
		last := rec[len(rec)-1]
		switch {
		case margin == 0 && (at < 0 || !last.Collapsed):
			t.Errorf("margin 0: no collapse in 1000 steps (mean distance %.4g → %.4g)", rec[0].MeanDistance, last.MeanDistance)
		case margin == 0:
			t.Logf("margin 0: collapsed at step %d, mean distance %.4g → %.3g, gradient norm %.3g", rec[at].Step, rec[0].MeanDistance, last.MeanDistance, last.GradNorm)
			if last.MeanDistance >= CollapseRatio*rec[0].MeanDistance {
				t.Errorf("collapsed reported with mean distance %v of %v", last.MeanDistance, rec[0].MeanDistance)
			}
		case at >= 0:
			t.Errorf("margin 1: collapsed at step %d (mean distance %.4g)", rec[at].Step, rec[at].MeanDistance)
		}
	}
}

func TestSameConfigSameNumbers(t *testing.T) {
	cfg := NewConfig()
	cfg.Model, cfg.Loss, cfg.Compare = MLP, SemiHard, InfoNCE
	a := trainRecord(t, cfg, 60, 7)
	b := trainRecord(t, cfg, 60, 7)
	if !slices.Equal(a, b) {
		t.Fatalf("two runs of one config differ:\n%v\n%v", a, b)
	}
	cfg.Seed++
	c := trainRecord(t, cfg, 60, 7)
	if slices.Equal(a, c) {
		t.Fatal("another seed gave the very same numbers")
	}
}

// A comparison's first run is the run trained alone: same data, same
// initial parameters, same batches.
func TestCompareSharesBatchesAndStart(t *testing.T) {
	cfg := NewConfig()
	cfg.Loss, cfg.Compare, cfg.CompareMargin = BatchHard, Contrastive, 0.5
	data, _ := Generate(cfg.Data, cfg.Seed)
	pair, err := New(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	alone := cfg
	alone.Compare = ""
	single, _ := New(alone, data)
	b := cfg
	b.Loss, b.Margin, b.Compare = Contrastive, 0.5, ""
	second, _ := New(b, data)
	if !slices.Equal(pair.runs[0].theta, pair.runs[1].theta) {
		t.Fatal("the two runs start from different parameters")
	}
	for range 40 {
		for _, tr := range []*Trainer{pair, single, second} {
			if err := tr.Step(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if !slices.Equal(pair.runs[0].theta, single.runs[0].theta) || !slices.Equal(pair.runs[1].theta, second.runs[0].theta) {
		t.Fatal("a run of a comparison differs from the same run trained alone")
	}
	if got := cfg.RunNames(); !slices.Equal(got, []string{"batch-hard", "contrastive"}) {
		t.Errorf("run names %v", got)
	}
	cfg.Compare = cfg.Loss
	if got := cfg.RunNames(); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("run names with one loss twice %v", got)
	}
}

func TestResetReturnsToTheStart(t *testing.T) {
	cfg := NewConfig()
	cfg.Model = MLP
	data, _ := Generate(cfg.Data, cfg.Seed)
	tr, _ := New(cfg, data)
	start, _ := tr.Metrics()
	theta := slices.Clone(tr.runs[0].theta)
	for range 25 {
		_ = tr.Step()
	}
	tr.Reset()
	again, _ := tr.Metrics()
	if !slices.Equal(start, again) || !slices.Equal(theta, tr.runs[0].theta) || tr.StepCount() != 0 {
		t.Fatalf("after Reset: %+v, want %+v", again, start)
	}
}

func TestDivergenceIsAnError(t *testing.T) {
	cfg := NewConfig()
	cfg.Data, cfg.Model, cfg.LR = Overlap, Linear, MaxLR
	data, _ := Generate(cfg.Data, cfg.Seed)
	tr, err := New(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	for s := range 1000 {
		if err := tr.Step(); err != nil {
			if !errors.Is(err, ErrDiverged) {
				t.Fatalf("step %d: %v, want ErrDiverged", s+1, err)
			}
			if tr.StepCount() != s {
				t.Errorf("step count %d after a failed step %d", tr.StepCount(), s+1)
			}
			return
		}
	}
	t.Fatal("lr 100 on a shared linear map never diverged")
}

// The step a divergence names is the same whether the runs are measured
// before every step, every 10th, or never (the CLI's --every, the TUI's
// speeds), and no figure measured before it is beyond float64.
func TestDivergenceStepDoesNotDependOnMeasuring(t *testing.T) {
	cfg := NewConfig()
	cfg.LR, cfg.Margin = MaxLR, MaxMargin
	cfg.Compare, cfg.CompareMargin = BatchHard, 1
	data, _ := Generate(cfg.Data, cfg.Seed)
	at := func(every int) int {
		tr, err := New(cfg, data)
		if err != nil {
			t.Fatal(err)
		}
		for s := range 1000 {
			if every > 0 && s%every == 0 {
				ms, err := tr.Metrics()
				if err != nil {
					return divergedAt(t, err)
				}
				for _, m := range ms {
					for _, v := range []float64{m.Loss, m.MeanPositive, m.MeanNegative, m.MeanDistance, m.GradNorm} {
						if math.IsNaN(v) || math.IsInf(v, 0) {
							t.Fatalf("every %d: step %d measures %v", every, s, v)
						}
					}
				}
			}
			if err := tr.Step(); err != nil {
				d := divergedAt(t, err)
				// The trainer stays stopped at that error until Reset.
				if err2 := tr.Step(); err2 != err {
					t.Errorf("Step after the divergence: %v, want %v", err2, err)
				}
				if _, err2 := tr.Metrics(); err2 != err {
					t.Errorf("Metrics after the divergence: %v, want %v", err2, err)
				}
				tr.Reset()
				if _, err := tr.Metrics(); err != nil || tr.Err() != nil {
					t.Errorf("after Reset: %v", err)
				}
				return d
			}
		}
		t.Fatalf("every %d: lr %v, margin %v never diverged", every, cfg.LR, cfg.Margin)
		return 0
	}
	want := at(0)
	for _, every := range []int{1, 2, 10, 50, 500} {
		if got := at(every); got != want {
			t.Errorf("measuring every %d steps: diverged at step %d; without measuring at step %d", every, got, want)
		}
	}
}

func divergedAt(t *testing.T, err error) int {
	t.Helper()
	var d *DivergedError
	if !errors.As(err, &d) || !errors.Is(err, ErrDiverged) {
		t.Fatalf("%v, want a *DivergedError", err)
	}
	return d.Step
}

// FuzzTrain: any configuration Check accepts trains a few steps into finite
// metrics in [0, 1] where they are shares, or reports ErrDiverged; nothing
// panics.
func FuzzTrain(f *testing.F) {
	f.Add(uint8(0), uint8(0), uint8(0), 1.0, 0.2, 64, uint64(1), false)
	f.Add(uint8(3), uint8(2), uint8(2), 0.0, 100.0, 4, uint64(7), true)
	f.Add(uint8(4), uint8(1), uint8(5), 100.0, 1e-9, 1024, uint64(0), false)
	f.Fuzz(func(t *testing.T, data, model, id uint8, margin, lr float64, batch int, seed uint64, normalize bool) {
		cfg := NewConfig()
		cfg.Data = DataIDs()[int(data)%4] // the generated sets: the demo sets are slow to parse per input
		cfg.Model, cfg.Loss = ModelIDs()[int(model)%3], LossIDs()[int(id)%len(LossIDs())]
		cfg.Margin, cfg.LR, cfg.Batch, cfg.Seed, cfg.Normalize = margin, lr, batch, seed, normalize
		if cfg.Check() != nil || (cfg.Loss.Objective().Miner == corebatch.AllTriplets && batch > 128) {
			return
		}
		d, err := Generate(cfg.Data, cfg.Seed)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := New(cfg, d)
		if err != nil {
			t.Fatal(err)
		}
		for range 3 {
			if err := tr.Step(); err != nil {
				if !errors.Is(err, ErrDiverged) {
					t.Fatal(err)
				}
				return
			}
		}
		ms, err := tr.Metrics()
		if err != nil {
			if !errors.Is(err, ErrDiverged) {
				t.Fatal(err)
			}
			return
		}
		m := ms[0]
		for _, v := range []float64{m.Loss, m.MeanPositive, m.MeanNegative, m.MeanDistance, m.GradNorm} {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				t.Fatalf("%+v: metric %v", cfg, v)
			}
		}
		if m.AUC < 0 || m.AUC > 1 || m.ActiveFraction < 0 || m.ActiveFraction > 1 {
			t.Fatalf("%+v: shares out of [0, 1]: %+v", cfg, m)
		}
	})
}

// Rows that are all the same are refused: every shared map would put the
// points at one spot from step 0, where the collapse rule (1% of the start)
// compares 0 with 0. One differing value is enough to train.
func TestIdenticalRowsAreRefused(t *testing.T) {
	for _, tc := range []struct {
		rows []float64
		want error
	}{
		{[]float64{1, 1, 1, 1, 1, 1, 1, 1}, ErrIdenticalRows},
		{[]float64{1, 1, 1, 1, 1, 1, 1, 2}, nil},
	} {
		ds := &dataset.Dataset{X: mat.NewDense(4, 2, tc.rows), Labels: []int{0, 0, 1, 1}, Classes: []string{"a", "b"}, Source: "rows"}
		if _, err := FromDataset(ds, File); !errors.Is(err, tc.want) {
			t.Errorf("%v: %v, want %v", tc.rows, err, tc.want)
		}
	}
}
