package curriculum

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"losslab/core/train"
	"losslab/scenarios"
	"losslab/scenarios/internal/textcheck"
)

// trace is a training run of a lesson's settings, headless and seeded as
// the mode runs it: the numbers the learner sees when playing one step a
// frame. It is measured at every step up to fineSteps, where claims speak of
// the first steps, then every coarseEvery steps (a measurement looks at all
// 44,850 pairs of 300 points, and thirteen lessons train nine settings for
// up to 1000 steps; every step count a claim names is measured).
type trace struct {
	cfg   train.Config
	data  *train.Data
	eval  int               // the training points the metrics measure
	steps []int             // the measured steps, ascending
	runs  [][]train.Metrics // per run, per measured step
}

const (
	fineSteps   = 100
	coarseEvery = 20
)

// upTo is run r's measurements at steps ≤ n.
func (tr *trace) upTo(r, n int) []train.Metrics {
	k, _ := slices.BinarySearch(tr.steps, n+1)
	return tr.runs[r][:k]
}

// at is run r's measurement at step n, which must be measured.
func (tr *trace) at(t *testing.T, r, n int) train.Metrics {
	k, ok := slices.BinarySearch(tr.steps, n)
	if !ok {
		t.Fatalf("step %d is not measured", n)
	}
	return tr.runs[r][k]
}

var traces sync.Map // train.Config → *trace

// newTrainer is a trainer of cfg on its seeded data, at step 0.
func newTrainer(t *testing.T, cfg train.Config) (*train.Trainer, *train.Data) {
	t.Helper()
	data, err := train.Generate(cfg.Data, cfg.Seed)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := train.New(cfg, data)
	if err != nil {
		t.Fatal(err)
	}
	return tr, data
}

// traceOf trains cfg for steps steps (reusing a longer trace already made).
func traceOf(t *testing.T, cfg train.Config, steps int) *trace {
	t.Helper()
	if v, ok := traces.Load(cfg); ok && slices.Max(v.(*trace).steps) >= steps {
		return v.(*trace)
	}
	tr, data := newTrainer(t, cfg)
	out := &trace{cfg: cfg, data: data, eval: len(tr.EvalPoints()), runs: make([][]train.Metrics, len(tr.Runs()))}
	for s := 0; ; s++ {
		if s <= fineSteps || s%coarseEvery == 0 || s == steps {
			ms, err := tr.Metrics()
			if err != nil {
				t.Fatal(err)
			}
			out.steps = append(out.steps, s)
			for i, m := range ms {
				out.runs[i] = append(out.runs[i], m)
			}
		}
		if s == steps {
			break
		}
		if err := tr.Step(); err != nil {
			t.Fatalf("%+v step %d: %v", cfg, s+1, err)
		}
	}
	traces.Store(cfg, out)
	return out
}

// metricsAt are cfg's runs measured at step n: from a trace that measured
// it, or else trained to n and measured there only (a claim about one late
// step of a large data set need not measure every step before it).
func metricsAt(t *testing.T, cfg train.Config, n int) []train.Metrics {
	t.Helper()
	if v, ok := traces.Load(cfg); ok {
		tr := v.(*trace)
		if k, found := slices.BinarySearch(tr.steps, n); found {
			ms := make([]train.Metrics, len(tr.runs))
			for i, run := range tr.runs {
				ms[i] = run[k]
			}
			return ms
		}
	}
	key := snapshotKey{cfg, n}
	if v, ok := snapshots.Load(key); ok {
		return v.([]train.Metrics)
	}
	tr, _ := newTrainer(t, cfg)
	for s := range n {
		if err := tr.Step(); err != nil {
			t.Fatalf("%+v step %d: %v", cfg, s+1, err)
		}
	}
	ms, err := tr.Metrics()
	if err != nil {
		t.Fatal(err)
	}
	snapshots.Store(key, ms)
	return ms
}

type snapshotKey struct {
	cfg  train.Config
	step int
}

var snapshots sync.Map // snapshotKey → []train.Metrics

// runWithMargin is the index of the run whose objective reads margin m.
func runWithMargin(cfg train.Config, m float64) int {
	return slices.IndexFunc(cfg.Specs(), func(s train.RunSpec) bool { return s.Loss.UsesMargin() && s.Margin == m })
}

func num(s string) float64 { x, _ := strconv.ParseFloat(s, 64); return x }

// A trainClaim is a phrase about a training run whose meaning the test
// knows; check trains the step's settings as far as the phrase needs and
// returns "" or what is wrong.
type trainClaim struct {
	re    *regexp.Regexp
	check func(t *testing.T, s scenarios.TrainSettings, m []string) string
}

var classWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// lossRE names a training objective in a claim about its run.
const lossRE = `(contrastive|batch-all|batch-hard|semi-hard|batch-hard-soft|infonce)`

// runOfLoss is the index of the run that trains objective id.
func runOfLoss(cfg train.Config, id string) int {
	return slices.IndexFunc(cfg.Specs(), func(s train.RunSpec) bool { return string(s.Loss) == id })
}

// runOf is the run a claim names: "the run with margin m" (m[1]) or "the
// LOSS run" (m[2]).
func runOf(cfg train.Config, margin, id string) int {
	if margin != "" {
		return runWithMargin(cfg, num(margin))
	}
	return runOfLoss(cfg, id)
}

// runClaims are claims about one run of two, named by its margin or its
// objective; they come before the looser claims that read "margin 1".
var runClaims = []trainClaim{
	{regexp.MustCompile(`[Tt]he ` + lossRE + ` run collapses within (\d+) steps`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		r, n := runOfLoss(s.Config, m[1]), int(num(m[2]))
		if r < 0 {
			return "no run trains " + m[1]
		}
		if at := slices.IndexFunc(traceOf(t, s.Config, n).upTo(r, n), func(x train.Metrics) bool { return x.Collapsed }); at < 0 {
			return fmt.Sprintf("no collapse in %d steps", n)
		}
		return ""
	}},
	{regexp.MustCompile(`[Tt]he ` + lossRE + ` run does not collapse in (\d+) steps`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		r, n := runOfLoss(s.Config, m[1]), int(num(m[2]))
		if r < 0 {
			return "no run trains " + m[1]
		}
		if at := slices.IndexFunc(traceOf(t, s.Config, n).upTo(r, n), func(x train.Metrics) bool { return x.Collapsed }); at >= 0 {
			return fmt.Sprintf("collapsed at step %d", traceOf(t, s.Config, n).steps[at])
		}
		return ""
	}},
	{regexp.MustCompile(`[Tt]he (?:run with margin (\d+(?:\.\d+)?)|` + lossRE + ` run) (shrinks|grows) the mean distance more than (\d+)-fold within (\d+) steps`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		r, grows, k, n := runOf(s.Config, m[1], m[2]), m[3] == "grows", num(m[4]), int(num(m[5]))
		if r < 0 {
			return "no such run"
		}
		run := traceOf(t, s.Config, n).upTo(r, n)
		// the step farthest from the start in the claimed direction
		byDistance := func(a, b train.Metrics) int { return cmpFloat(a.MeanDistance, b.MeanDistance) }
		far, start := slices.MinFunc(run, byDistance), run[0].MeanDistance
		if grows {
			far = slices.MaxFunc(run, byDistance)
		}
		if grows && !(far.MeanDistance > k*start) || !grows && !(far.MeanDistance < start/k) {
			return fmt.Sprintf("the mean distance goes from %.4f to %.4f at most", start, far.MeanDistance)
		}
		t.Logf("%s: %.4f → %.4f at step %d", m[0], start, far.MeanDistance, far.Step)
		return ""
	}},
	{regexp.MustCompile(`[Tt]he ` + lossRE + ` run's loss is pinned at the margin from step (\d+) to step (\d+)`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		r, from, to := runOfLoss(s.Config, m[1]), int(num(m[2])), int(num(m[3]))
		if r < 0 {
			return "no run trains " + m[1]
		}
		margin := s.Config.Specs()[r].Margin
		for _, x := range traceOf(t, s.Config, to).upTo(r, to) {
			if x.Step >= from && math.Abs(x.Loss-margin) > 0.005 {
				return fmt.Sprintf("the loss is %.4f at step %d", x.Loss, x.Step)
			}
		}
		return ""
	}},
	{regexp.MustCompile(`[Tt]he ` + lossRE + ` run's AUC rises from about (\d\.\d+) to (\d\.\d+) within (\d+) steps`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		r, from, to, n := runOfLoss(s.Config, m[1]), num(m[2]), num(m[3]), int(num(m[4]))
		if r < 0 {
			return "no run trains " + m[1]
		}
		run := traceOf(t, s.Config, n).upTo(r, n)
		if math.Abs(run[0].AUC-from) > 0.05 {
			return fmt.Sprintf("the AUC starts at %.4f", run[0].AUC)
		}
		if slices.IndexFunc(run, func(x train.Metrics) bool { return x.AUC >= to }) < 0 {
			return fmt.Sprintf("the AUC is %.4f at step %d", run[len(run)-1].AUC, n)
		}
		return ""
	}},
	{regexp.MustCompile(`[Tt]he ` + lossRE + ` run's AUC stays below (\d\.\d+) in (\d+) steps`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		r, below, n := runOfLoss(s.Config, m[1]), num(m[2]), int(num(m[3]))
		if r < 0 {
			return "no run trains " + m[1]
		}
		for _, x := range traceOf(t, s.Config, n).upTo(r, n) {
			if x.AUC >= below {
				return fmt.Sprintf("the AUC is %.4f at step %d", x.AUC, x.Step)
			}
		}
		return ""
	}},
	{regexp.MustCompile(`[Tt]he ` + lossRE + ` run's loss stays above (\d+(?:\.\d+)?) in (\d+) steps`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		r, above, n := runOfLoss(s.Config, m[1]), num(m[2]), int(num(m[3]))
		if r < 0 {
			return "no run trains " + m[1]
		}
		for _, x := range traceOf(t, s.Config, n).upTo(r, n) {
			if !(x.Loss > above) {
				return fmt.Sprintf("the loss is %.4f at step %d", x.Loss, x.Step)
			}
		}
		return ""
	}},
	{regexp.MustCompile(`(two|three|four|five) concentric rings`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if n := len(traceOf(t, s.Config, 0).data.Classes); n != classWords[m[1]] || s.Config.Data != train.Rings {
			return fmt.Sprintf("%s has %d classes", s.Config.Data, n)
		}
		return ""
	}},
	{regexp.MustCompile(`\bMLP\b`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if s.Config.Model != train.MLP {
			return "the model is " + string(s.Config.Model)
		}
		return ""
	}},
	{regexp.MustCompile(`max\(d\(a,p\) − d\(a,n\)(?: \+ m)?, 0\)`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		return "" // a formula, true of any run
	}},
	{regexp.MustCompile(`(?:Xuan|Hermans|Musgrave) et al\. \d{4}|Xuan 等人 \d{4}`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		return "" // a citation
	}},
	{regexp.MustCompile(`on the unit circle`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if !s.Config.Normalize {
			return "the embeddings are not normalised"
		}
		return ""
	}},
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

var trainClaims = []trainClaim{
	{regexp.MustCompile(`[Tt]he run with margin (\d+(?:\.\d+)?) collapses within (\d+) steps`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		r, n := runWithMargin(s.Config, num(m[1])), int(num(m[2]))
		if r < 0 {
			return "no run has margin " + m[1]
		}
		tr := traceOf(t, s.Config, n)
		if at := slices.IndexFunc(tr.upTo(r, n), func(x train.Metrics) bool { return x.Collapsed }); at < 0 {
			return fmt.Sprintf("no collapse in %d steps", n)
		} else {
			t.Logf("%s: collapsed at step %d", m[0], tr.steps[at])
		}
		return ""
	}},
	{regexp.MustCompile(`[Tt]he run with margin (\d+(?:\.\d+)?) does not collapse in (\d+) steps`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		r, n := runWithMargin(s.Config, num(m[1])), int(num(m[2]))
		if r < 0 {
			return "no run has margin " + m[1]
		}
		tr := traceOf(t, s.Config, n)
		if at := slices.IndexFunc(tr.upTo(r, n), func(x train.Metrics) bool { return x.Collapsed }); at >= 0 {
			return fmt.Sprintf("collapsed at step %d", tr.steps[at])
		}
		return ""
	}},
	{regexp.MustCompile(`AUC rises from about (\d\.\d+) to (\d\.\d+) within (\d+) steps`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		from, to, n := num(m[1]), num(m[2]), int(num(m[3]))
		tr := traceOf(t, s.Config, n)
		run := tr.upTo(0, n)
		if math.Abs(run[0].AUC-from) > 0.05 {
			return fmt.Sprintf("the AUC starts at %.4f", run[0].AUC)
		}
		at := slices.IndexFunc(run, func(x train.Metrics) bool { return x.AUC >= to })
		if at < 0 {
			return fmt.Sprintf("the AUC is %.4f at step %d", run[len(run)-1].AUC, n)
		}
		t.Logf("%s: AUC %.4f at step 0, %.4f at step %d", m[0], run[0].AUC, run[at].AUC, tr.steps[at])
		return ""
	}},
	{regexp.MustCompile(`in (\d+) steps the mean distance of different-class pairs grows more than (\d+)-fold while the mean of same-class pairs shrinks`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		n, k := int(num(m[1])), num(m[2])
		tr := traceOf(t, s.Config, n)
		first, last := tr.at(t, 0, 0), tr.at(t, 0, n)
		if !(last.MeanNegative > k*first.MeanNegative) || !(last.MeanPositive < first.MeanPositive) {
			return fmt.Sprintf("different-class mean %.4f → %.4f, same-class %.4f → %.4f", first.MeanNegative, last.MeanNegative, first.MeanPositive, last.MeanPositive)
		}
		return ""
	}},
	{regexp.MustCompile(`(\d+) points`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if n := traceOf(t, s.Config, 0).data.N; strconv.Itoa(n) != m[1] {
			return fmt.Sprintf("the data set has %d points", n)
		}
		return ""
	}},
	{regexp.MustCompile(`(two|three|four|five) (overlapping|well separated) classes`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		want := map[string]train.DataID{"overlapping": train.Overlap, "well separated": train.Blobs}[m[2]]
		if n := len(traceOf(t, s.Config, 0).data.Classes); n != classWords[m[1]] || s.Config.Data != want {
			return fmt.Sprintf("%s has %d classes", s.Config.Data, n)
		}
		return ""
	}},
	{regexp.MustCompile(`(?:linear|shared) map`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if s.Config.Model == train.Free || strings.HasPrefix(m[0], "linear") && s.Config.Model != train.Linear {
			return "the model is " + string(s.Config.Model)
		}
		return ""
	}},
	{regexp.MustCompile(`embedding free to move`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if s.Config.Model != train.Free {
			return "the model is " + string(s.Config.Model)
		}
		return ""
	}},
	{regexp.MustCompile(`(contrastive|batch-hard|batch-all|semi-hard)(?: triplet)? loss`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if string(s.Config.Loss) != m[1] && string(s.Config.Compare) != m[1] {
			return "no run trains " + m[1]
		}
		return ""
	}},
	{regexp.MustCompile(`margin (\d+(?:\.\d+)?)`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if runWithMargin(s.Config, num(m[1])) < 0 {
			return "no run has margin " + m[1]
		}
		return ""
	}},
}

// checkTrainText returns what is false in text about the run s: every claim
// is checked by training, and no number may stand outside a claim.
func checkTrainText(t *testing.T, s scenarios.TrainSettings, text string) []string {
	var problems []string
	for _, c := range slices.Concat(noiseClaims, heldOutClaims, reducerClaims, runClaims, trainClaims) {
		text = c.re.ReplaceAllStringFunc(text, func(match string) string {
			if p := c.check(t, s, c.re.FindStringSubmatch(match)); p != "" {
				problems = append(problems, fmt.Sprintf("%q: %s", match, p))
			}
			return " "
		})
	}
	for _, m := range textcheck.NumberRE.FindAllStringSubmatch(text, -1) {
		problems = append(problems, fmt.Sprintf("%s is not part of a claim the test can check about the training run", m[1]))
	}
	for _, m := range textcheck.FalseRE.FindAllString(text, -1) {
		problems = append(problems, fmt.Sprintf("%q is false in every state", m))
	}
	return problems
}

// checkTrainTexts checks the texts of lesson s's state i, which speak of a
// training run (Scenario.TrainingAt), and returns how many it checked.
func checkTrainTexts(t *testing.T, s *scenarios.Scenario, i int) int {
	t.Helper()
	settings, st := *s.TrainingAt(i), s.Steps[i-1]
	checked := 0
	check := func(what, text string) {
		for _, p := range checkTrainText(t, settings, text) {
			t.Errorf("%s step %d %s: %s\n  %s", s.Name, i, what, p, text)
		}
		checked++
	}
	check("note", st.Note)
	if q := st.Question; q != nil {
		check("question", q.Text)
		check("explanation", q.Explain)
		for _, mk := range q.Mistakes {
			check("diagnosis", mk.Diagnosis)
		}
		if !strings.Contains(strings.ToLower(q.Explain), strings.ToLower(q.RightAnswer())) {
			t.Errorf("%s step %d: the explanation does not state the answer %q", s.Name, i, q.RightAnswer())
		}
	}
	return checked
}

// A falseClaim is a text that is false of the run s.
type falseClaim struct {
	s    scenarios.TrainSettings
	text string
}

// expectTrue fails if the checker finds a true claim about s false: the
// false claims beside it are then caught for being false, not for their form.
func expectTrue(t *testing.T, s scenarios.TrainSettings, text string) {
	t.Helper()
	if p := checkTrainText(t, s, text); len(p) > 0 {
		t.Fatalf("a true claim fails: %v", p)
	}
}

// expectCaught fails for every false claim the checker lets pass.
func expectCaught(t *testing.T, cases []falseClaim) {
	t.Helper()
	for _, c := range cases {
		if len(checkTrainText(t, c.s, c.text)) == 0 {
			t.Errorf("%q passes for %+v", c.text, c.s.Config)
		}
	}
}

// The checker catches false claims about a run.
func TestTrainClaimCheckerCatchesFalseClaims(t *testing.T) {
	overlap := scenarios.TrainSettings{Config: train.NewConfig()}
	overlap.Config.Data, overlap.Config.Model, overlap.Config.Margin = train.Overlap, train.Linear, 0
	rings := scenarios.TrainSettings{Config: train.NewConfig()}
	rings.Config.Data, rings.Config.Model, rings.Config.Loss, rings.Config.Compare = train.Rings, train.MLP, train.BatchHard, train.BatchAll
	expectCaught(t, []falseClaim{
		{overlap, "the run with margin 0 collapses within 20 steps"},
		{overlap, "the run with margin 1 collapses within 200 steps"},
		{overlap, "the run with margin 0 does not collapse in 200 steps"},
		{overlap, "400 points"},
		{overlap, "four overlapping classes"},
		{overlap, "the batch-hard loss"},
		{overlap, "each embedding free to move"},
		{overlap, "the AUC rises from about 0.5 to 0.99 within 200 steps"},
		{overlap, "it takes 7 steps"},
		{scenarios.TrainSettings{Config: train.NewConfig()}, "a linear map"},
		{overlap, "the batch-hard run collapses within 100 steps"},
		{overlap, "the run with margin 0 grows the mean distance more than 2-fold within 100 steps"},
		{overlap, "the contrastive run's loss is pinned at the margin from step 10 to step 50"},
		{overlap, "the contrastive run's loss stays above 5 in 50 steps"},
		{overlap, "three concentric rings"},
		{overlap, "an MLP"},
		{overlap, "on the unit circle"},
		{rings, "the batch-hard run does not collapse in 600 steps"},
		{rings, "the batch-all run collapses within 300 steps"},
		{rings, "the batch-hard run's AUC stays below 0.5 in 300 steps"},
		{rings, "the batch-all run shrinks the mean distance more than 2-fold within 300 steps"},
	})
}

// Every lesson that trains says so with checked claims, and the course
// trains where issue 12 asks: collapse live, and the distributions
// separating.
func TestCourseTrainsWhereTheIssueAsks(t *testing.T) {
	for _, c := range []struct{ lesson, point string }{{"why-margin", "collapse"}, {"batches", "distributions-separate"}} {
		l := Lesson(c.lesson)
		if !slices.Contains(l.Covers, c.point) || !slices.ContainsFunc(l.Steps, func(st scenarios.Step) bool { return st.Mode.Kind == scenarios.ModeTrain }) {
			t.Errorf("%s (covering %s) has no train step", c.lesson, c.point)
		}
	}
}
