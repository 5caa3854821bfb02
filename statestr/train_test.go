package statestr

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"losslab/core/train"
)

func randomTraining(r *rand.Rand) Training {
	c := train.NewConfig()
	pick := func(n int) int { return r.IntN(n) }
	if pick(2) == 0 {
		c.Data = train.DataIDs()[pick(len(train.DataIDs()))]
	}
	if pick(2) == 0 {
		c.Model = train.ModelIDs()[pick(len(train.ModelIDs()))]
	}
	if pick(2) == 0 {
		c.Loss = train.LossIDs()[pick(len(train.LossIDs()))]
	}
	if pick(2) == 0 {
		c.Compare = train.LossIDs()[pick(len(train.LossIDs()))]
	}
	if pick(2) == 0 {
		c.Margin = float64(pick(10001)) / 100 // 0 to 100
	}
	c.CompareMargin = c.Margin
	if c.Compare != "" && pick(2) == 0 {
		c.CompareMargin = float64(pick(2001)) / 1000
	}
	if c.ComparesOneRun() { // a setting Check refuses
		c.Compare, c.CompareMargin = "", c.Margin
	}
	if pick(2) == 0 {
		c.LR = float64(1+pick(100000)) / 1e5
	}
	if pick(2) == 0 {
		c.Batch = train.MinBatch + pick(train.MaxBatch-train.MinBatch+1)
	}
	if pick(2) == 0 {
		c.Seed = r.Uint64()
	}
	c.Normalize = pick(2) == 0
	if pick(2) == 0 {
		c.Temperature = float64(1+pick(1000)) / 100 // 0.01 to 10
	}
	if pick(2) == 0 {
		c.Similarity = train.Similarities()[pick(len(train.Similarities()))]
	}
	if pick(2) == 0 {
		c.Holdout = float64(pick(76)) / 100
	}
	if c.Data == train.Blobs && pick(4) == 0 {
		c.HoldoutClasses = 2 // of blobs' 4
	}
	if pick(2) == 0 {
		c.LabelNoise = float64(pick(51)) / 100 // 0 to 0.5
	}
	return Training{Config: c, Step: pick(3) * pick(5000)}
}

// Every training state round-trips and spells itself again.
func TestTrainingRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 5000 {
		tr := randomTraining(r)
		s, err := EncodeTraining(tr)
		if err != nil {
			t.Fatalf("EncodeTraining(%+v): %v", tr, err)
		}
		d, err := Decode(s)
		if err != nil {
			t.Fatalf("Decode(%q): %v", s, err)
		}
		if d.Mode != ModeTrain || d.Training != tr.normal() {
			t.Fatalf("Decode(%q) = %+v, want %+v", s, d.Training, tr.normal())
		}
		for n := 0; n < len(s); n++ {
			if _, err := Decode(s[:n]); err == nil {
				t.Fatalf("prefix %q of %q accepted", s[:n], s)
			}
		}
	}
}

// Spellings a person can check: only what differs from train.NewConfig.
func TestTrainingByHand(t *testing.T) {
	c := train.NewConfig()
	c.Loss, c.Compare, c.Margin, c.CompareMargin, c.Seed = train.BatchHard, train.Contrastive, 0.5, 0.5, 7
	noisy := train.NewConfig() // lesson 13's run
	noisy.Model, noisy.Loss, noisy.Compare, noisy.LabelNoise = train.MLP, train.BatchHard, train.SemiHard, 0.1
	for _, tc := range []struct {
		t    Training
		body string
	}{
		{Training{Config: train.NewConfig()}, "ll1_t"},
		{Training{Config: c, Step: 300}, "ll1_t_loss-batch-hard_cmp-contrastive_m-0.5_seed-7_st-300"},
		{Training{Config: noisy, Step: 300}, "ll1_t_model-mlp_loss-batch-hard_cmp-semi-hard_ln-0.1_st-300"},
	} {
		s, err := EncodeTraining(tc.t)
		if err != nil || s != tc.body+"_"+checksum(tc.body) {
			t.Errorf("EncodeTraining = %q, %v; want %q and its checksum", s, err, tc.body)
		}
	}
}

func TestTrainingSpellsTheNewFields(t *testing.T) {
	c := train.NewConfig()
	c.Data, c.Loss, c.Temperature, c.Similarity, c.HoldoutClasses = train.Digits, train.InfoNCE, 0.5, train.NegDistance, 3
	s, err := EncodeTraining(Training{Config: c, Step: 7})
	if err != nil || !strings.Contains(s, "_tau-0.5_sim-neg-distance_hc-3_st-7_") {
		t.Fatalf("EncodeTraining = %q, %v", s, err)
	}
	if d, err := Decode(s); err != nil || d.Training.Config != c {
		t.Errorf("Decode(%q) = %+v, %v", s, d.Training.Config, err)
	}
}

func TestTrainingNamesTheField(t *testing.T) {
	for _, tc := range []struct{ in, field, reason string }{
		{withSum("ll1_t_data-file"), "data", "share.state.train-unknown"},
		{withSum("ll1_t_loss-triplet"), "loss", "share.state.train-unknown"},
		{withSum("ll1_t_loss-infonce_cmp-infonce"), "cmp", "train.err.compare-same"},
		{withSum("ll1_t_loss-multi-similarity_cmp-multi-similarity"), "cmp", "train.err.compare-same"},
		{withSum("ll1_t_m-101"), "m", "share.state.range"},
		{withSum("ll1_t_m-0.50"), "m", "share.state.train-number"},
		{withSum("ll1_t_m-1e-1"), "m", "share.state.train-number"},
		{withSum("ll1_t_cm-0.5"), "cm", "share.state.train-needs-compare"},
		{withSum("ll1_t_lr-0"), "lr", "share.state.train-lr"},
		{withSum("ll1_t_b-2"), "b", "share.state.train-batch"},
		{withSum("ll1_t_b-99999999999"), "b", "share.state.train-batch"},
		{withSum("ll1_t_seed-01"), "seed", "share.state.train-number"},
		{withSum("ll1_t_norm-0"), "norm", "share.state.train-norm"},
		{withSum("ll1_t_st-1000001"), "st", "share.state.train-step"},
		{withSum("ll1_t_st-100001"), "st", "share.state.train-step"},
		{withSum("ll1_t_tau-0"), "tau", "share.state.train-temperature"},
		{withSum("ll1_t_tau-10.5"), "tau", "share.state.train-temperature"},
		{withSum("ll1_t_sim-dot"), "sim", "share.state.train-unknown"},
		{withSum("ll1_t_ho-0.8"), "ho", "share.state.range"},
		{withSum("ll1_t_hc-1"), "hc", "share.state.train-holdout-classes"},
		{withSum("ll1_t_data-moons_hc-2"), "hc", "share.state.train-holdout-classes"},
		{withSum("ll1_t_hc-3"), "hc", "share.state.train-holdout-classes"},
		{withSum("ll1_t_ln-0.6"), "ln", "share.state.range"},
		{withSum("ll1_t_ln-0.10"), "ln", "share.state.train-number"},
		{withSum("ll1_t_ln-0"), FieldString, "share.state.train-canonical"},
		{withSum("ll1_t_st-3_ln-0.1"), "ln", "share.state.order"},
		{withSum("ll1_t_tau-0.1"), FieldString, "share.state.train-canonical"},
		{withSum("ll1_t_ho-0.25"), FieldString, "share.state.train-canonical"},
		{withSum("ll1_t_m-1"), FieldString, "share.state.train-canonical"},
		{withSum("ll1_t_model-free"), FieldString, "share.state.train-canonical"},
		{withSum("ll1_t_seed-1_loss-infonce"), "loss", "share.state.order"},
	} {
		_, err := Decode(tc.in)
		var e *Error
		if !errors.As(err, &e) || e.Field != tc.field || string(e.Reason) != tc.reason {
			t.Errorf("Decode(%q) = %v; want field %q reason %q", tc.in, err, tc.field, tc.reason)
		}
	}
	file := train.NewConfig()
	file.Data = train.File
	if _, err := EncodeTraining(Training{Config: file}); err == nil || !strings.Contains(err.Error(), "not a file") {
		t.Errorf("a file's data was spelled: %v", err)
	}
}

func FuzzDecodeTraining(f *testing.F) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 20 {
		s, _ := EncodeTraining(randomTraining(r))
		f.Add(s)
	}
	f.Add(withSum("ll1_t_m-0.50"))
	f.Add(withSum("ll1_t_b-99999999999999999999"))
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Decode(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Field == "" {
				t.Fatalf("Decode(%q): %v does not name a field", s, err)
			}
			return
		}
		var again string
		if d.Mode == ModeTrain {
			again, err = EncodeTraining(d.Training)
		} else {
			again, err = Encode(d.Playground)
		}
		if err != nil || again != s {
			t.Fatalf("Decode(%q) then encode = %q, %v", s, again, err)
		}
	})
}
