package curriculum

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"losslab/core/train"
	"losslab/internal/numfmt"
	"losslab/scenarios"
)

// figureOf is the figure a claim names (AUC, Recall@1, scale) of x.
func figureOf(x train.Metrics, name string) float64 {
	switch name {
	case "AUC":
		return x.AUC
	case "Recall@1":
		return x.RecallAt1
	}
	return x.ScaleRatio
}

// noiseClaims are claims about a run with wrong training labels (lesson
// 13): how many labels are wrong, the runs' true-label figures at a step,
// and the same run's figures without the wrong labels. They come first:
// "228 points" here counts the training points, not the data.
var noiseClaims = []trainClaim{
	{regexp.MustCompile(`(\d+)% of the training labels wrong, (\d+) of (\d+) points`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		tr, _ := newTrainer(t, s.Config)
		sp := tr.Split()
		if got := fmt.Sprintf("%g", 100*s.Config.LabelNoise); got != m[1] || fmt.Sprint(len(sp.Mislabelled)) != m[2] || fmt.Sprint(len(sp.Train)) != m[3] {
			return fmt.Sprintf("%s%% of the training labels wrong, %d of %d points", got, len(sp.Mislabelled), len(sp.Train))
		}
		return ""
	}},
	{regexp.MustCompile(`[Aa]t step (\d+) the ` + lossRE + ` run's (AUC|Recall@1|scale) is (\d+\.\d{4})(?: and the ` + lossRE + ` run's (\d+\.\d{4}))?`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		n := int(num(m[1]))
		ms := metricsAt(t, s.Config, n)
		var wrong []string
		for _, c := range [][2]string{{m[2], m[4]}, {m[5], m[6]}} {
			if c[0] == "" {
				continue
			}
			r := runOfLoss(s.Config, c[0])
			if r < 0 {
				return "no run trains " + c[0]
			}
			if got := numfmt.Loss(figureOf(ms[r], m[3])); got != c[1] {
				wrong = append(wrong, fmt.Sprintf("the %s run's %s is %s", c[0], m[3], got))
			}
		}
		if len(wrong) > 0 {
			return fmt.Sprint(wrong)
		}
		return ""
	}},
	{regexp.MustCompile(`[Ww]ithout the wrong labels,? the ` + lossRE + ` run's (AUC|Recall@1|scale) at step (\d+) is (\d+\.\d{4})`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if s.Config.LabelNoise == 0 {
			return "no label is wrong"
		}
		clean := s.Config
		clean.LabelNoise = 0
		r := runOfLoss(clean, m[1])
		if r < 0 {
			return "no run trains " + m[1]
		}
		if got := numfmt.Loss(figureOf(metricsAt(t, clean, int(num(m[3])))[r], m[2])); got != m[4] {
			return fmt.Sprintf("without the wrong labels the %s run's %s is %s", m[1], m[2], got)
		}
		return ""
	}},
}

// The checker catches a false claim about a run with wrong labels: a wrong
// share, count, figure, run or step.
func TestNoiseClaimCheckerCatchesFalseClaims(t *testing.T) {
	noisy := scenarios.TrainSettings{Config: train.NewConfig(), Steps: 300}
	c := &noisy.Config
	c.Model, c.Loss, c.Compare, c.LabelNoise = train.MLP, train.BatchHard, train.SemiHard, 0.1
	clean := noisy
	clean.Config.LabelNoise = 0
	expectTrue(t, noisy, "10% of the training labels wrong, 22 of 228 points; at step 300 the batch-hard run's AUC is 0.9084 and the semi-hard run's 0.9998; "+
		"without the wrong labels the batch-hard run's scale at step 300 is 2.7605")
	expectCaught(t, []falseClaim{
		{noisy, "20% of the training labels wrong, 22 of 228 points"},
		{noisy, "10% of the training labels wrong, 23 of 228 points"},
		{noisy, "10% of the training labels wrong, 22 of 300 points"},
		{clean, "10% of the training labels wrong, 22 of 228 points"},
		{noisy, "at step 300 the batch-hard run's AUC is 0.9085"},
		{noisy, "at step 300 the batch-hard run's AUC is 0.9084 and the semi-hard run's 0.9997"},
		{noisy, "at step 300 the semi-hard run's AUC is 0.9084"},
		{noisy, "at step 200 the batch-hard run's AUC is 0.9084"},
		{noisy, "at step 300 the batch-hard run's scale is 0.9084"},
		{noisy, "at step 300 the contrastive run's AUC is 0.9084"},
		{noisy, "without the wrong labels the batch-hard run's scale at step 300 is 0.0274"},
		{clean, "without the wrong labels the batch-hard run's scale at step 300 is 2.7605"},
	})
}

// Lesson 13's run shows what it says at every seed, not only the lesson's:
// with a tenth of the labels wrong, at step 300 batch-hard has shrunk its
// embedding more than fivefold and semi-hard grown it more than fivefold;
// without them both grew.
func TestLabelNoiseLessonHoldsAcrossSeeds(t *testing.T) {
	i := slices.IndexFunc(Lesson("label-noise").Steps, func(st scenarios.Step) bool {
		return st.Mode.Kind == scenarios.ModeTrain && st.Mode.Train.Config.LabelNoise > 0
	})
	if i < 0 {
		t.Fatal("lesson 13 trains no run with wrong labels")
	}
	s := Lesson("label-noise").Steps[i].Mode.Train
	hard, semi := runOfLoss(s.Config, "batch-hard"), runOfLoss(s.Config, "semi-hard")
	if hard < 0 || semi < 0 {
		t.Fatalf("lesson 13 does not train batch-hard against semi-hard: %+v", s.Config)
	}
	for seed := uint64(1); seed <= 5; seed++ {
		cfg := s.Config
		cfg.Seed = seed
		ms := metricsAt(t, cfg, s.Steps)
		if ms[hard].ScaleRatio > 0.2 || ms[semi].ScaleRatio < 5 {
			t.Errorf("seed %d: scale %.4f with batch-hard, %.4f with semi-hard", seed, ms[hard].ScaleRatio, ms[semi].ScaleRatio)
		}
		cfg.LabelNoise = 0
		ms = metricsAt(t, cfg, s.Steps)
		if ms[hard].ScaleRatio < 1 || ms[semi].ScaleRatio < 1 {
			t.Errorf("seed %d without wrong labels: scale %.4f with batch-hard, %.4f with semi-hard", seed, ms[hard].ScaleRatio, ms[semi].ScaleRatio)
		}
	}
}
