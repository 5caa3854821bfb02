package train

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func TestSplitHoldsOutAShareOfEachClass(t *testing.T) {
	for _, id := range []DataID{Blobs, Moons, Iris, Digits} {
		t.Run(string(id), func(t *testing.T) {
			data, err := Generate(id, 3)
			if err != nil {
				t.Fatal(err)
			}
			cfg := NewConfig()
			cfg.Data, cfg.Model, cfg.Seed = id, Linear, 3
			tr, err := New(cfg, data)
			if err != nil {
				t.Fatal(err)
			}
			s := tr.Split()
			if len(s.Train)+len(s.HeldOut) != data.N {
				t.Fatalf("%d + %d points, want %d", len(s.Train), len(s.HeldOut), data.N)
			}
			size, held := map[int]int{}, map[int]int{}
			for _, i := range s.HeldOut {
				held[data.Labels[i]]++
			}
			for _, c := range data.Labels {
				size[c]++
			}
			for c, n := range size {
				if want := n / 4; held[c] != want { // ⌊0.25·n⌋
					t.Errorf("class %d: %d of %d held out, want %d", c, held[c], n, want)
				}
			}
			for _, i := range s.Train {
				if s.IsHeldOut(i) {
					t.Fatalf("point %d both trains and is held out", i)
				}
			}
			// No batch in 200 steps draws a held-out point, and the metrics
			// measure training points only.
			for range 200 {
				for _, i := range tr.pending {
					if s.IsHeldOut(i) {
						t.Fatalf("batch draws held-out point %d", i)
					}
				}
				if err := tr.Step(); err != nil {
					t.Fatal(err)
				}
			}
			for _, i := range tr.EvalPoints() {
				if s.IsHeldOut(i) {
					t.Fatalf("evaluation point %d is held out", i)
				}
			}
			for _, i := range tr.HeldOutPoints() {
				if !s.IsHeldOut(i) {
					t.Fatalf("held-out evaluation point %d trains", i)
				}
			}
			again, _ := New(cfg, data)
			if !slices.Equal(again.Split().HeldOut, s.HeldOut) {
				t.Error("the same seed drew another split")
			}
		})
	}
}

func TestSplitHoldsOutWholeClasses(t *testing.T) {
	data, err := Generate(Digits, 1)
	if err != nil {
		t.Fatal(err)
	}
	cfg := NewConfig()
	cfg.Data, cfg.Model, cfg.HoldoutClasses = Digits, MLP, 3
	tr, err := New(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	s := tr.Split()
	if len(s.Classes) != 3 {
		t.Fatalf("classes held out %v, want 3", s.Classes)
	}
	for i, c := range data.Labels {
		if slices.Contains(s.Classes, c) != s.IsHeldOut(i) {
			t.Fatalf("point %d of class %d: held out %v, classes %v", i, c, s.IsHeldOut(i), s.Classes)
		}
	}
	for _, k := range []int{1, 9, 100} {
		cfg.HoldoutClasses = k
		if _, err := New(cfg, data); !errors.Is(err, ErrRange) {
			t.Errorf("%d classes of 10 held out: %v, want ErrRange", k, err)
		}
	}
	blobs, _ := Generate(Moons, 1)
	cfg.Data, cfg.HoldoutClasses = Moons, 2
	if _, err := New(cfg, blobs); !errors.Is(err, ErrRange) {
		t.Errorf("2 classes of moons' 2 held out: %v, want ErrRange", err)
	}
}

func TestHeldOutMetrics(t *testing.T) {
	for _, c := range []struct {
		model   ModelID
		holdout float64
		reason  HeldOutReason
	}{
		{Free, 0.25, HeldOutFree},
		{Linear, 0, HeldOutNone},
		{Linear, 0.25, HeldOutMeasured},
		{MLP, 0.5, HeldOutMeasured},
	} {
		cfg := NewConfig()
		cfg.Model, cfg.Holdout = c.model, c.holdout
		data, _ := Generate(cfg.Data, cfg.Seed)
		tr, err := New(cfg, data)
		if err != nil {
			t.Fatal(err)
		}
		if got := tr.HeldOutReason(); got != c.reason {
			t.Errorf("%s holdout %v: reason %d, want %d", c.model, c.holdout, got, c.reason)
		}
		ms, err := tr.Metrics()
		if err != nil {
			t.Fatal(err)
		}
		h := ms[0].HeldOut
		if (h.Points > 0) != (c.reason == HeldOutMeasured) {
			t.Errorf("%s holdout %v: %d held-out points measured", c.model, c.holdout, h.Points)
		}
		if c.reason != HeldOutMeasured {
			continue
		}
		// The held-out AUC is the AUC of the held-out pairs, brute force.
		emb := make([]float64, 2*len(tr.HeldOutPoints()))
		tr.Runs()[0].Embed(data, tr.HeldOutPoints(), emb)
		var less, ties, pairs float64
		var pos, neg []float64
		for i, a := range tr.HeldOutPoints() {
			for j := i + 1; j < len(tr.HeldOutPoints()); j++ {
				d := dist2(emb, i, j)
				if data.Labels[a] == data.Labels[tr.HeldOutPoints()[j]] {
					pos = append(pos, d)
				} else {
					neg = append(neg, d)
				}
			}
		}
		for _, p := range pos {
			for _, n := range neg {
				pairs++
				if p < n {
					less++
				} else if p == n {
					ties++
				}
			}
		}
		if want := (less + ties/2) / pairs; math.Abs(h.AUC-want) > 1e-12 {
			t.Errorf("%s: held-out AUC %v, brute force %v", c.model, h.AUC, want)
		}
		if h.Retrieval.Queries != len(tr.HeldOutPoints()) {
			t.Errorf("%s: %d queries of %d held-out points", c.model, h.Retrieval.Queries, len(tr.HeldOutPoints()))
		}
	}
}

func dist2(emb []float64, i, j int) float64 {
	dx, dy := emb[2*i]-emb[2*j], emb[2*i+1]-emb[2*j+1]
	return math.Hypot(dx, dy)
}
