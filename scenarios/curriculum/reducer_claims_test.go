package curriculum

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"losslab/core/train"
	"losslab/internal/numfmt"
	"losslab/scenarios"
)

// nonZeroMean is batch-all's mean over its non-zero terms, from the mean
// over all of them and the share of active ones (0 when none is active,
// as core/batch's mean-non-zero reducer has it).
func nonZeroMean(x train.Metrics) float64 {
	if x.ActiveFraction == 0 {
		return 0
	}
	return x.Loss / x.ActiveFraction
}

// batchAllRun is the batch-all run of s, the only one.
func batchAllRun(s scenarios.TrainSettings) bool {
	specs := s.Config.Specs()
	return len(specs) == 1 && specs[0].Loss == train.BatchAll
}

// reducerClaims are claims about batch-all's two means (lesson 10): the
// mean over all valid triplets, which training minimises, and the mean over
// the non-zero ones, loss ÷ active on the same mini-batch.
var reducerClaims = []trainClaim{
	{regexp.MustCompile(`[Aa]t step (\d+) the loss is (\d\.\d{4}) with (\d+\.\d)% of triplets active, a mean of (\d\.\d{4}) over the non-zero ones`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		if !batchAllRun(s) {
			return "the run is not batch-all alone"
		}
		n := int(num(m[1]))
		x := traceOf(t, s.Config, n).at(t, 0, n)
		loss, active, nz := numfmt.Loss(x.Loss), strconv.FormatFloat(100*x.ActiveFraction, 'f', 1, 64), numfmt.Loss(nonZeroMean(x))
		if loss != m[2] || active != m[3] || nz != m[4] {
			return fmt.Sprintf("loss %s, %s%% active, non-zero mean %s", loss, active, nz)
		}
		return ""
	}},
	{regexp.MustCompile(`the loss, batch-all's mean over all valid triplets, falls more than (\d+)-fold within (\d+) steps`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		k, n := num(m[1]), int(num(m[2]))
		if !batchAllRun(s) {
			return "the run is not batch-all alone"
		}
		run := traceOf(t, s.Config, n).upTo(0, n)
		least := run[0].Loss
		for _, x := range run {
			least = min(least, x.Loss)
		}
		if !(least < run[0].Loss/k) {
			return fmt.Sprintf("the loss goes from %.4f to %.4f at least", run[0].Loss, least)
		}
		return ""
	}},
	{regexp.MustCompile(`the non-zero mean, loss ÷ active, stays above a tenth of its step-0 value in (\d+) steps`), func(t *testing.T, s scenarios.TrainSettings, m []string) string {
		n := int(num(m[1]))
		if !batchAllRun(s) {
			return "the run is not batch-all alone"
		}
		if n > fineSteps {
			return "only the first steps are all measured"
		}
		run := traceOf(t, s.Config, n).upTo(0, n)
		for _, x := range run {
			if !(nonZeroMean(x) > nonZeroMean(run[0])/10) {
				return fmt.Sprintf("the non-zero mean is %.4f at step %d, from %.4f", nonZeroMean(x), x.Step, nonZeroMean(run[0]))
			}
		}
		return ""
	}},
}

// The checker catches a false claim about batch-all's two means.
func TestReducerClaimCheckerCatchesFalseClaims(t *testing.T) {
	blobs := scenarios.TrainSettings{Config: train.NewConfig()}
	blobs.Config.Model, blobs.Config.Loss = train.MLP, train.BatchAll
	rings := blobs
	rings.Config.Data = train.Rings
	free := blobs // no triplet of its batch is active at step 86
	free.Config.Model = train.Free
	const truth = "at step 50 the loss is 0.0009 with 0.7% of triplets active, a mean of 0.1352 over the non-zero ones"
	expectTrue(t, blobs, truth)
	expectCaught(t, []falseClaim{
		{blobs, "at step 50 the loss is 0.0008 with 0.7% of triplets active, a mean of 0.1352 over the non-zero ones"},
		{blobs, "at step 50 the loss is 0.0009 with 0.8% of triplets active, a mean of 0.1352 over the non-zero ones"},
		{blobs, "at step 50 the loss is 0.0009 with 0.7% of triplets active, a mean of 0.1350 over the non-zero ones"},
		{rings, truth},
		{rings, "the loss, batch-all's mean over all valid triplets, falls more than 50-fold within 50 steps"},
		{blobs, "the loss, batch-all's mean over all valid triplets, falls more than 1000000-fold within 50 steps"},
		{free, "the non-zero mean, loss ÷ active, stays above a tenth of its step-0 value in 100 steps"},
		{blobs, "the non-zero mean, loss ÷ active, stays above a tenth of its step-0 value in 200 steps"},
	})
}
