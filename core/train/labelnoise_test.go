package train

import (
	"errors"
	"math"
	"slices"
	"testing"
)

// LabelNoise makes ⌊p·|Train|⌋ training labels wrong, each to another class
// that trains, leaves the held-out points and the data alone, and draws the
// same points and classes for the same seed.
func TestLabelNoiseFlipsAShareOfTheTrainingLabels(t *testing.T) {
	for _, c := range []struct {
		data           DataID
		holdout        float64
		holdoutClasses int
	}{{Blobs, 0.25, 0}, {Overlap, 0, 0}, {Moons, 0.5, 0}, {Digits, 0.25, 0}, {Digits, 0, 3}, {Iris, 0.75, 0}} {
		for _, seed := range []uint64{1, 2, 7} {
			data, err := Generate(c.data, seed)
			if err != nil {
				t.Fatal(err)
			}
			truth := slices.Clone(data.Labels)
			for _, p := range []float64{0.01, 0.1, 0.3, MaxLabelNoise} {
				cfg := NewConfig()
				cfg.Data, cfg.Model, cfg.Seed = c.data, Linear, seed
				cfg.Holdout, cfg.HoldoutClasses, cfg.LabelNoise = c.holdout, c.holdoutClasses, p
				tr, err := New(cfg, data)
				if err != nil {
					t.Fatal(err)
				}
				s := tr.Split()
				if want := int(p * float64(len(s.Train))); len(s.Mislabelled) != want {
					t.Errorf("%s seed %d noise %v: %d mislabelled of %d training points, want %d", c.data, seed, p, len(s.Mislabelled), len(s.Train), want)
				}
				if !slices.IsSorted(s.Mislabelled) || len(slices.Compact(slices.Clone(s.Mislabelled))) != len(s.Mislabelled) {
					t.Errorf("%s: mislabelled points %v are not sorted and distinct", c.data, s.Mislabelled)
				}
				training := map[int]bool{} // the classes that train
				for _, i := range s.Train {
					training[truth[i]] = true
				}
				for i := range data.N {
					switch {
					case s.IsMislabelled(i) && s.IsHeldOut(i):
						t.Fatalf("%s: held-out point %d is mislabelled", c.data, i)
					case s.IsMislabelled(i) && (s.Labels[i] == truth[i] || !training[s.Labels[i]]):
						t.Fatalf("%s: point %d of class %d is mislabelled as %d (classes training %v)", c.data, i, truth[i], s.Labels[i], training)
					case !s.IsMislabelled(i) && s.Labels[i] != truth[i]:
						t.Fatalf("%s: point %d's label changed from %d to %d but it is not mislabelled", c.data, i, truth[i], s.Labels[i])
					}
				}
				if !slices.Equal(data.Labels, truth) {
					t.Fatalf("%s: the data's labels changed", c.data)
				}
				again, _ := New(cfg, data)
				if a := again.Split(); !slices.Equal(a.Mislabelled, s.Mislabelled) || !slices.Equal(a.Labels, s.Labels) {
					t.Errorf("%s seed %d noise %v: the same seed drew other wrong labels", c.data, seed, p)
				}
				// The split itself does not depend on the noise.
				clean := cfg
				clean.LabelNoise = 0
				if u, _ := New(clean, data); !slices.Equal(u.Split().HeldOut, s.HeldOut) {
					t.Errorf("%s seed %d: label noise changed the held-out points", c.data, seed)
				}
			}
		}
	}
}

// Every other class that trains is drawn: at half of digits' labels wrong,
// each class's wrong labels name all nine others.
func TestLabelNoiseDrawsEveryOtherClass(t *testing.T) {
	data, _ := Generate(Digits, 1)
	cfg := NewConfig()
	cfg.Data, cfg.Model, cfg.LabelNoise = Digits, Linear, MaxLabelNoise
	tr, err := New(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	s := tr.Split()
	seen := make([]map[int]bool, len(data.Classes))
	for c := range seen {
		seen[c] = map[int]bool{}
	}
	for _, i := range s.Mislabelled {
		seen[data.Labels[i]][s.Labels[i]] = true
	}
	for c, as := range seen {
		if len(as) != len(data.Classes)-1 {
			t.Errorf("class %d is mislabelled as %d classes, want %d", c, len(as), len(data.Classes)-1)
		}
	}
}

// The loss and the sampler see the noisy labels; the metrics the true ones.
func TestLabelNoiseReachesTheLossNotTheMetrics(t *testing.T) {
	cfg := NewConfig()
	cfg.Model, cfg.Loss, cfg.LabelNoise = MLP, BatchHard, 0.3
	data, _ := Generate(cfg.Data, cfg.Seed)
	tr, err := New(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	s := tr.Split()
	sawWrong := false
	for range 20 {
		if _, err := tr.Metrics(); err != nil {
			t.Fatal(err)
		}
		r := tr.Runs()[0]
		for k, i := range tr.pending {
			if r.labels[k] != s.Labels[i] {
				t.Fatalf("the loss sees label %d for point %d, the noisy label is %d", r.labels[k], i, s.Labels[i])
			}
			sawWrong = sawWrong || s.IsMislabelled(i)
		}
		for k, i := range tr.EvalPoints() {
			if r.met.labels[k] != data.Labels[i] {
				t.Fatalf("the metrics see label %d for point %d, the true label is %d", r.met.labels[k], i, data.Labels[i])
			}
		}
		if err := tr.Step(); err != nil {
			t.Fatal(err)
		}
	}
	if !sawWrong {
		t.Error("20 batches drew no mislabelled point")
	}
}

// No label noise, or a share too small to make one label wrong, trains
// exactly the run without it.
func TestNoLabelNoiseChangesNothing(t *testing.T) {
	cfg := NewConfig()
	cfg.Model, cfg.Loss, cfg.Compare = MLP, BatchHard, SemiHard
	data, _ := Generate(cfg.Data, cfg.Seed)
	clean, err := New(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	if s := clean.Split(); s.Mislabelled != nil || &s.Labels[0] != &data.Labels[0] {
		t.Fatal("without label noise the split has its own labels")
	}
	cfg.LabelNoise = 0.001 // ⌊0.001 × 228⌋ = 0
	tiny, err := New(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	for step := range 30 {
		a, errA := clean.Metrics()
		b, errB := tiny.Metrics()
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("step %d run %d: %+v, without noise %+v", step, i, b[i], a[i])
			}
		}
		if err := errors.Join(clean.Step(), tiny.Step()); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLabelNoiseOutOfRange(t *testing.T) {
	for _, p := range []float64{-0.1, 0.51, 1, math.NaN(), math.Inf(1)} {
		cfg := NewConfig()
		cfg.LabelNoise = p
		var pe *ParamError
		if err := cfg.Check(); !errors.As(err, &pe) || pe.Flag != "label-noise" || !errors.Is(err, ErrRange) {
			t.Errorf("label noise %v: %v, want a label-noise ErrRange", p, err)
		}
	}
}
