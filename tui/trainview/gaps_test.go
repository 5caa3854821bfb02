package trainview

import (
	"strings"
	"testing"

	"losslab/core/train"
)

// By hand: gaps −1, 0.5, 2 with m = 1 over 10 columns span [−1, 2]: 0 in
// column ⌊1/3·10⌋ = 3, m in ⌊2/3·10⌋ = 6.
func TestGapHistogramByHand(t *testing.T) {
	gc := gapHistogram([]float64{-1, 0.5, 2}, 1, true, 10, 1)
	if gc.zero != 3 || gc.mcol != 6 || gc.lo != -1 || gc.hi != 2 {
		t.Fatalf("zero %d m %d over [%v, %v]", gc.zero, gc.mcol, gc.lo, gc.hi)
	}
	// −1 → column 0, 0.5 → 5, 2 → the last, 9.
	if got := gc.lines[0]; got != "▒  ┊ ▒┊  ▒" {
		t.Errorf("bars %q", got)
	}
	wide := gapHistogram([]float64{-1, 0.5, 2}, 1, true, 30, 1)
	if axis := []rune(wide.axis(30)); axis[10] != '0' || axis[20] != 'm' || !strings.HasSuffix(string(axis), "2.00") || axis[0] == ' ' {
		t.Errorf("axis %q", string(axis))
	}
	// m in the column next to 0's (gaps over [−1, 29], 30 columns: 0 in 1,
	// m in 2) is labelled there too, with no blank between.
	if axis := []rune(gapHistogram([]float64{-1, 29}, 1, true, 30, 1).axis(30)); axis[1] != '0' || axis[2] != 'm' {
		t.Errorf("m beside 0: axis %q", string(axis))
	}
	if soft := gapHistogram([]float64{0.5}, 1, false, 10, 1); soft.mcol != -1 {
		t.Errorf("the soft margin's histogram marks m at %d", soft.mcol)
	}
}

// Every triplet-family run shows the gaps with 0 (and m when it has one)
// and its distance histogram has no m; contrastive marks m as a radius.
func TestGapsShownForTripletRuns(t *testing.T) {
	for _, id := range train.LossIDs() {
		cfg := train.NewConfig()
		cfg.Loss = id
		m := newMode(t, cfg, 160, 48)
		m, _ = press(m, "n")
		v := m.View()
		spec := train.RunSpec{Loss: id, Margin: cfg.Margin}
		if got := strings.Contains(v, "min d(a,n) − max d(a,p)"); got != showsGaps(spec) {
			t.Errorf("%s: gap histogram shown %v", id, got)
		}
		if got := strings.Contains(v, "m margin"); got != marksRadius(spec) {
			t.Errorf("%s: m on the distance axis %v", id, got)
		}
		if showsGaps(spec) {
			r := m.Trainer().Runs()[0]
			gc := gapHistogram(r.AnchorGaps(), spec.Margin, id.UsesMargin(), 1, 1)
			if len(r.AnchorGaps()) == 0 || gc.zero < 0 {
				t.Errorf("%s: no gaps measured", id)
			}
		}
	}
}
