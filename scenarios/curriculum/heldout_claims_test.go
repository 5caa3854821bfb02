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

// heldOutClaims are claims about the held-out points of a run (lesson 12):
// its split, the step it opens at, and its held-out figures against the
// training ones, each checked on the run trained headless with the step's
// settings. They come first: "400 points" here is a sample, not the data.
var heldOutClaims = []trainClaim{
	{regexp.MustCompile(`[Tt]he run opens at step (\d+)`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if n := int(num(m[1])); s.Steps != n {
			return fmt.Sprintf("it opens at step %d", s.Steps)
		}
		return ""
	}},
	{regexp.MustCompile(`a quarter of each class's points held out`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if c := s.Config; c.HoldoutClasses != 0 || c.Holdout != 0.25 {
			return fmt.Sprintf("holdout %v, classes held out %d", c.Holdout, c.HoldoutClasses)
		}
		return ""
	}},
	{regexp.MustCompile(`(two|three|four|five|six|seven|eight) whole classes held out`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if s.Config.HoldoutClasses != classWords[m[1]] {
			return fmt.Sprintf("%d classes are held out", s.Config.HoldoutClasses)
		}
		return ""
	}},
	{regexp.MustCompile(`the (two|three|four|five|six|seven|eight) (training classes|classes it trained on|it never saw)`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		held := s.Config.HoldoutClasses
		want := len(traceOf(t, s.Config, 0).data.Classes) - held
		if m[2] == "it never saw" {
			want = held
		}
		if held == 0 || classWords[m[1]] != want {
			return fmt.Sprintf("%d classes train and %d are held out", len(traceOf(t, s.Config, 0).data.Classes)-held, held)
		}
		return ""
	}},
	{regexp.MustCompile(`the handwritten digits`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if s.Config.Data != train.Digits {
			return "the data is " + string(s.Config.Data)
		}
		return ""
	}},
	{regexp.MustCompile(`a seeded sample of (\d+) points of its set`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		tr, n := traceOf(t, s.Config, 0), int(num(m[1]))
		if h := tr.runs[0][0].HeldOut.Points; n != train.EvalPoints || tr.eval != n || h != n {
			return fmt.Sprintf("the metrics measure %d training and %d held-out points", tr.eval, h)
		}
		return ""
	}},
	{regexp.MustCompile(`[Aa]t step (\d+) the held-out AUC is (lower|higher) than the training AUC by (less|more) than (\d\.\d+) \((\d\.\d{4}) against (\d\.\d{4})\)(?:, and the held-out (points|classes) give Recall@1 (\d\.\d{4}) and MAP@R (\d\.\d{4}))?`),
		func(t *testing.T, s scenarios.TrainSettings, m []string) string {
			if len(s.Config.Specs()) != 1 {
				return "two runs: the claim names neither"
			}
			n := int(num(m[1]))
			x := metricsAt(t, s.Config, n)[0]
			h := x.HeldOut
			if h.Points == 0 {
				return "no point is held out"
			}
			var wrong []string
			if got := numfmt.Loss(h.AUC); got != m[5] {
				wrong = append(wrong, "the held-out AUC is "+got)
			}
			if got := numfmt.Loss(x.AUC); got != m[6] {
				wrong = append(wrong, "the training AUC is "+got)
			}
			if lower := h.AUC < x.AUC; lower != (m[2] == "lower") {
				wrong = append(wrong, fmt.Sprintf("the held-out AUC is not %s", m[2]))
			}
			if diff, bound := max(h.AUC-x.AUC, x.AUC-h.AUC), num(m[4]); (m[3] == "less") != (diff < bound) {
				wrong = append(wrong, fmt.Sprintf("they differ by %.4f", diff))
			}
			if m[7] != "" {
				if classes := s.Config.HoldoutClasses > 0; classes != (m[7] == "classes") {
					wrong = append(wrong, fmt.Sprintf("held out: %d classes, share %v", s.Config.HoldoutClasses, s.Config.Holdout))
				}
				if got := numfmt.Loss(h.Retrieval.RecallAt1); got != m[8] {
					wrong = append(wrong, "the held-out Recall@1 is "+got)
				}
				if got := numfmt.Loss(h.Retrieval.MAPAtR); got != m[9] {
					wrong = append(wrong, "the held-out MAP@R is "+got)
				}
			}
			if len(wrong) > 0 {
				return fmt.Sprint(wrong)
			}
			t.Logf("%s: held out %d points", m[0], h.Points)
			return ""
		}},
}

// The checker catches a false held-out claim: a wrong figure, relation,
// bound, split or opening step.
func TestHeldOutClaimCheckerCatchesFalseClaims(t *testing.T) {
	points := scenarios.TrainSettings{Config: train.NewConfig(), Steps: 300}
	points.Config.Data, points.Config.Model, points.Config.Loss = train.Digits, train.MLP, train.SemiHard
	classes := points
	classes.Config.HoldoutClasses = 3
	const truePoints = "at step 300 the held-out AUC is lower than the training AUC by less than 0.05 (0.9578 against 0.9734), and the held-out points give Recall@1 0.8800 and MAP@R 0.7267"
	expectTrue(t, points, truePoints)
	expectCaught(t, []falseClaim{
		{points, "at step 300 the held-out AUC is lower than the training AUC by less than 0.05 (0.9579 against 0.9734)"},
		{points, "at step 300 the held-out AUC is lower than the training AUC by less than 0.05 (0.9578 against 0.9735)"},
		{points, "at step 300 the held-out AUC is higher than the training AUC by less than 0.05 (0.9578 against 0.9734)"},
		{points, "at step 300 the held-out AUC is lower than the training AUC by more than 0.05 (0.9578 against 0.9734)"},
		{points, "at step 300 the held-out AUC is lower than the training AUC by less than 0.01 (0.9578 against 0.9734)"},
		{points, "at step 300 the held-out AUC is lower than the training AUC by less than 0.05 (0.9578 against 0.9734), and the held-out classes give Recall@1 0.8800 and MAP@R 0.7267"},
		{points, "at step 300 the held-out AUC is lower than the training AUC by less than 0.05 (0.9578 against 0.9734), and the held-out points give Recall@1 0.8900 and MAP@R 0.7267"},
		{points, "at step 300 the held-out AUC is lower than the training AUC by less than 0.05 (0.9578 against 0.9734), and the held-out points give Recall@1 0.8800 and MAP@R 0.7268"},
		{classes, truePoints},
		{points, "the run opens at step 200"},
		{classes, "a quarter of each class's points held out"},
		{points, "three whole classes held out"},
		{classes, "the seven classes it trained on and the two it never saw"},
		{points, "the seven training classes"},
		{points, "a seeded sample of 300 points of its set"},
		{scenarios.TrainSettings{Config: train.NewConfig()}, "the handwritten digits"},
	})
}

// Issue 19's generalisation lesson trains a model that reads its inputs
// with held-out points and then held-out classes (at least four classes:
// two held out, two training), and its mining lesson trains batch-all alone
// (whose two means it compares).
func TestLessonsTrainWhatIssue19Asks(t *testing.T) {
	has := func(lesson string, want func(train.Config) bool) bool {
		return slices.ContainsFunc(Lesson(lesson).Steps, func(st scenarios.Step) bool {
			return st.Mode.Kind == scenarios.ModeTrain && want(st.Mode.Train.Config)
		})
	}
	reads := func(c train.Config) bool { return c.Model != train.Free }
	if !has("metrics", func(c train.Config) bool { return reads(c) && c.HoldoutClasses == 0 && c.Holdout > 0 }) {
		t.Error("metrics trains no model that reads its inputs with held-out points")
	}
	if !has("metrics", func(c train.Config) bool {
		d, err := train.Generate(c.Data, c.Seed)
		return reads(c) && c.HoldoutClasses >= train.MinHoldoutClasses && err == nil && len(d.Classes) >= 4
	}) {
		t.Error("metrics trains no model that reads its inputs with held-out classes")
	}
	if !has("mining", func(c train.Config) bool { return c.Loss == train.BatchAll && c.Compare == "" }) {
		t.Error("mining trains no batch-all run on its own")
	}
}
