package scenarios

import (
	"fmt"
	"math"
	"testing"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/scenarios/internal/textcheck"
)

// presetChecker knows the presets' general statements (sentences about losses
// in general, not about the state shown, true everywhere) and constants
// (facts of the lesson or of other libraries), by preset and step (0: the
// description).
var presetChecker = textcheck.Checker{General: map[string][]string{
	"training#4":       {"hard or semi-hard, an active triplet is pushed alike"},
	"semi-hard-band#2": {"the boundary between hard and semi-hard"},
	"semi-hard-band#3": {"semi-hard and hard triplets differ in loss, not in gradient"},
	"margin-sweep#10":  {"Whether a negative is hard does not depend on m", "A big margin keeps almost every triplet active, hard or semi-hard, and few easy"},
	"blog-case-2#3":    {"½·d² pulls a same-class pair all the way to 0"},
}, Constants: map[string][]float64{
	"training#0":       {0.01}, // the learning rate
	"semi-hard-band#0": {3.2},  // FaceNet §3.2
	"margin-sweep#10":  {0.05}, // pytorch-metric-learning's default margin
}}

// Every number a preset quotes is recomputed by core/loss on that step's
// state, and every regime or activity word matches it.
func TestNotesAreTrue(t *testing.T) {
	checked := 0
	for _, s := range Presets() {
		all := []float64{}
		fs := make([]textcheck.Facts, s.Len())
		for i := range s.Len() {
			fs[i] = textcheck.FactsOf(t, s.StateAt(i))
			all = append(all, fs[i].Values()...)
			if i > 0 {
				all = append(all, textcheck.Changes(fs[i-1], fs[i])...)
			}
		}
		for _, p := range presetChecker.Check(s.Name+"#0", s.Description, all, nil) {
			t.Errorf("%s description: %s", s.Name, p)
		}
		for i := 1; i < s.Len(); i++ {
			allowed := append(fs[i].Values(), textcheck.Changes(fs[i-1], fs[i])...)
			for _, p := range presetChecker.Check(fmt.Sprintf("%s#%d", s.Name, i), s.NoteAt(i), allowed, &fs[i]) {
				t.Errorf("%s step %d: %s\n  note: %s", s.Name, i, p, s.NoteAt(i))
			}
			checked++
		}
	}
	if checked < 50 {
		t.Errorf("only %d notes checked", checked)
	}
}

// The checker itself catches the false notes issue 8 listed.
func TestNoteCheckerCatchesFalseNotes(t *testing.T) {
	for _, c := range []struct {
		state grid.State
		note  string
	}{
		{grid.State{DAP: 60, DAN: 80, Margin: 20, YAN: loss.Different, YAP: loss.Same}, "the negative is still more than a margin away"},
		{grid.State{DAP: 40, DAN: 60, Margin: 100, YAN: loss.Different, YAP: loss.Same}, "Too big a margin makes every negative look hard."},
		{grid.State{DAP: 50, DAN: 60, Margin: 30, YAN: loss.Different, YAP: loss.Same}, "a gradient that is less noisy than a hard negative's"},
		{grid.State{DAP: 10, DAN: 35, Margin: 20, YAN: loss.Different, YAP: loss.Same}, "squared triplet loss 0.12 (semi-hard)"},
		{grid.State{DAP: 70, DAN: 50, Margin: 20, YAN: loss.Different, YAP: loss.Same}, "triplet loss 0.4 (semi-hard)"},
		{grid.State{DAP: 0, DAN: 50, Margin: 20, YAN: loss.Different, YAP: loss.Same}, "the contrastive loss still pulls the positive in"},
		{grid.State{DAP: 70, DAN: 50, Margin: 20, YAN: loss.Different, YAP: loss.Same}, "contrastive 0.1300"},
		{grid.State{DAP: 10, DAN: 60, YAN: loss.Different, YAP: loss.Same}, "satisfied as soon as d(a,n) > d(a,p) by any amount"},
	} {
		f := textcheck.FactsOf(t, c.state)
		if len(presetChecker.Check("test#1", c.note, f.Values(), &f)) == 0 {
			t.Errorf("%q passed at %+v", c.note, c.state)
		}
	}
}

// trainingStep is what the training preset says each step is: ten updates
// of learning rate 0.01 on triplet + contrastive loss, on the distances,
// with core/loss's gradients, rounded half away from zero to the grid.
func trainingStep(t *testing.T, st grid.State) grid.State {
	s := st.Setting()
	for range 10 {
		var gDAP, gDAN float64
		rs, err := loss.EvaluateAll(s, loss.Params{Margin: s.Margin})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			switch r.Loss.ID {
			case loss.TripletID:
				gDAP += r.Terms[0].Grad[0]
				gDAN += r.Terms[0].Grad[1]
			case loss.ContrastiveID: // the mean of the two pair terms
				gDAP += r.Terms[0].Grad[0] / 2
				gDAN += r.Terms[1].Grad[0] / 2
			}
		}
		s.DAP -= 0.01 * gDAP
		s.DAN -= 0.01 * gDAN
	}
	st.DAP = grid.Hundredths(math.Round(s.DAP * 100))
	st.DAN = grid.Hundredths(math.Round(s.DAN * 100))
	return st
}

// The training preset follows the gradients, step by step.
func TestTrainingFollowsTheGradients(t *testing.T) {
	s := Preset("training")
	if s.Len() < 20 {
		t.Fatalf("training has %d states", s.Len())
	}
	regimes := map[string]bool{}
	for i := 1; i < s.Len(); i++ {
		if want := trainingStep(t, s.StateAt(i-1)); s.StateAt(i) != want {
			t.Errorf("step %d is %+v; ten gradient updates give %+v", i, s.StateAt(i), want)
		}
		regimes[textcheck.Regime(textcheck.FactsOf(t, s.StateAt(i)).Triplet)] = true
	}
	if len(regimes) != 3 {
		t.Errorf("training visits %v, want all three regimes", regimes)
	}
}
