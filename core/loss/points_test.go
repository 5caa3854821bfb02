package loss

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"losslab/core/dist"
)

// By hand, on points mode's default points for the article's example:
// a = (1, 0), p = (1.7, 0), n = (0.7, 0.4), so d(a,p) = 0.7, d(a,n) = 0.5
// (a 3-4-5 triangle), m = 0.2. The triplet's hinge is active:
// ∂L/∂p = (p − a)/d(a,p) = (1, 0), ∂L/∂n = −(n − a)/d(a,n) = (0.6, −0.8),
// ∂L/∂a = −(∂L/∂p + ∂L/∂n) = (−1.6, 0.8). The contrastive loss is
// (½·0.7² + 0)/2 = 0.1225: it pulls p only, ∂L/∂p = ½·0.7·(1, 0) = (0.35, 0),
// ∂L/∂a = (−0.35, 0), and the negative beyond the margin gets nothing.
func TestLossesOnPointsByHand(t *testing.T) {
	got, err := LossesOnPoints(dist.Euclidean, []float64{1, 0}, []float64{1.7, 0}, []float64{0.7, 0.4}, 0.2, Same, Different)
	if err != nil {
		t.Fatal(err)
	}
	if !near(got.Triplet.Loss, 0.4, 1e-12) || !near(got.Contrastive, 0.1225, 1e-12) {
		t.Errorf("losses %v, %v; want 0.4, 0.1225", got.Triplet.Loss, got.Contrastive)
	}
	want := map[string][3][2]float64{
		"triplet":     {{-1.6, 0.8}, {1, 0}, {0.6, -0.8}},
		"contrastive": {{-0.35, 0}, {0.35, 0}, {0, 0}},
	}
	for name, grads := range map[string][3][]float64{"triplet": got.TripletGrad, "contrastive": got.ContrastiveGrad} {
		for w := range 3 {
			for i := range 2 {
				if !near(grads[w][i], want[name][w][i], 1e-12) {
					t.Errorf("%s ∂L/∂x[%d][%d] = %v, want %v", name, w, i, grads[w][i], want[name][w][i])
				}
			}
		}
	}
}

// Two points at one place: the direction between them is undefined, the
// gradient through their distance is 0 and nothing is NaN.
func TestLossesOnPointsAtZeroDistance(t *testing.T) {
	a := []float64{0.3, -0.2}
	for _, c := range []struct {
		name   string
		p, n   []float64
		zeroOf int // the point whose gradient vanishes
	}{
		{"positive on the anchor", []float64{0.3, -0.2}, []float64{0.5, 0.1}, 1},
		{"negative on the anchor", []float64{0.9, 0.4}, []float64{0.3, -0.2}, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := LossesOnPoints(dist.Euclidean, a, c.p, c.n, 0.5, Same, Different)
			if err != nil {
				t.Fatal(err)
			}
			for _, grads := range [][3][]float64{got.TripletGrad, got.ContrastiveGrad} {
				for _, g := range grads {
					for _, x := range g {
						if math.IsNaN(x) || math.IsInf(x, 0) {
							t.Fatalf("gradient %v", grads)
						}
					}
				}
				if grads[c.zeroOf][0] != 0 || grads[c.zeroOf][1] != 0 {
					t.Errorf("gradient of the point on the anchor = %v, want 0", grads[c.zeroOf])
				}
			}
		})
	}
}

// Against central finite differences of the losses themselves, on random
// points away from the kinks, for both distances points mode reads.
func TestLossesOnPointsFiniteDifferences(t *testing.T) {
	const h = 1e-6
	r := rand.New(rand.NewPCG(7, 8))
	checked := 0
	for _, metric := range []dist.Metric{dist.Euclidean, dist.Cosine} {
		for range 300 {
			pts := [3][]float64{}
			for w := range pts {
				pts[w] = []float64{4*r.Float64() - 2, 4*r.Float64() - 2}
			}
			m := 1.5 * r.Float64()
			yap, yan := Label(r.IntN(2)), Label(r.IntN(2))
			got, err := LossesOnPoints(metric, pts[0], pts[1], pts[2], m, yap, yan)
			if err != nil {
				t.Fatal(err)
			}
			dap, dan := got.Triplet.DAP, got.Triplet.DAN
			if math.Abs(got.Triplet.Hinge) < 1e-3 || math.Abs(m-dap) < 1e-3 || math.Abs(m-dan) < 1e-3 || dap < 1e-3 || dan < 1e-3 {
				continue
			}
			lossAt := func() (float64, float64) {
				v, _ := LossesOnPoints(metric, pts[0], pts[1], pts[2], m, yap, yan)
				return v.Triplet.Loss, v.Contrastive
			}
			for w := range pts {
				for i := range 2 {
					orig := pts[w][i]
					pts[w][i] = orig + h
					tUp, cUp := lossAt()
					pts[w][i] = orig - h
					tDown, cDown := lossAt()
					pts[w][i] = orig
					if num := (tUp - tDown) / (2 * h); !near(got.TripletGrad[w][i], num, 1e-5) {
						t.Fatalf("%v triplet ∂L/∂x[%d][%d] = %v, numeric %v", metric, w, i, got.TripletGrad[w][i], num)
					}
					if num := (cUp - cDown) / (2 * h); !near(got.ContrastiveGrad[w][i], num, 1e-5) {
						t.Fatalf("%v contrastive ∂L/∂x[%d][%d] = %v, numeric %v", metric, w, i, got.ContrastiveGrad[w][i], num)
					}
				}
			}
			checked++
		}
	}
	if checked < 400 {
		t.Fatalf("only %d cases away from the kinks", checked)
	}
}

type pointsReference struct {
	Torch string
	Cases []struct {
		Metric                         string
		A, P, N                        []float64
		Margin                         float64
		YAP                            string `json:"y_ap"`
		YAN                            string `json:"y_an"`
		DAP, DAN, Triplet, Contrastive float64
		TripletGrad                    [3][]float64 `json:"triplet_grad"`
		ContrastiveGrad                [3][]float64 `json:"contrastive_grad"`
	}
}

// Against PyTorch autograd (testdata/points_reference.py, provenance in
// testdata/PROVENANCE.md): losses, distances and every gradient.
func TestLossesOnPointsMatchPyTorch(t *testing.T) {
	raw, err := os.ReadFile("testdata/points_torch.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref pointsReference
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	if len(ref.Cases) < 40 {
		t.Fatalf("%d reference cases", len(ref.Cases))
	}
	for i, c := range ref.Cases {
		metric, err := dist.Parse(c.Metric)
		if err != nil {
			t.Fatal(err)
		}
		yap, err1 := ParseLabel(c.YAP)
		yan, err2 := ParseLabel(c.YAN)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		got, err := LossesOnPoints(metric, c.A, c.P, c.N, c.Margin, yap, yan)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		for _, v := range [][2]float64{{got.Triplet.DAP, c.DAP}, {got.Triplet.DAN, c.DAN}, {got.Triplet.Loss, c.Triplet}, {got.Contrastive, c.Contrastive}} {
			if !near(v[0], v[1], 1e-12) {
				t.Errorf("case %d (%s): %v, torch %v", i, c.Metric, v[0], v[1])
			}
		}
		for w := range 3 {
			for k := range 2 {
				if !near(got.TripletGrad[w][k], c.TripletGrad[w][k], 1e-12) || !near(got.ContrastiveGrad[w][k], c.ContrastiveGrad[w][k], 1e-12) {
					t.Errorf("case %d (%s) point %d: triplet %v contrastive %v, torch %v %v", i, c.Metric, w,
						got.TripletGrad[w], got.ContrastiveGrad[w], c.TripletGrad[w], c.ContrastiveGrad[w])
				}
			}
		}
	}
}
