package batch_test

import (
	"context"
	"fmt"

	"gonum.org/v1/gonum/mat"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/dist"
	"losslab/core/loss"
	"losslab/internal/numfmt"
)

// Every batch loss of Fisher's iris at m = 0.2, Euclidean: the named values
// scripts read, and every registered loss under each of its strategies.
func ExampleCompute() {
	iris, err := dataset.Demo("iris")
	if err != nil {
		panic(err)
	}
	res, err := batch.Compute(context.Background(), iris.X, iris.Labels, len(iris.Classes), batch.Options{Metric: dist.Euclidean, Margin: 0.2})
	if err != nil {
		panic(err)
	}
	fmt.Println("batch-hard", numfmt.Loss(res.Losses.BatchHard), "AUC", numfmt.Loss(res.Separation.AUC))
	for _, v := range res.ByLoss {
		fmt.Println(v.Loss, v.Miner, v.Reducer, numfmt.Loss(v.Value.Value))
	}
	// Output:
	// batch-hard 1.1162 AUC 0.9397
	// contrastive all-pairs mean 0.1998
	// hinge-contrastive all-pairs mean 0.3147
	// triplet all-triplets mean 0.0519
	// triplet all-triplets mean-non-zero 0.5526
	// triplet batch-hard mean 1.1162
	// triplet semi-hard mean 0.0720
	// squared-triplet all-triplets mean 0.1235
	// squared-triplet all-triplets mean-non-zero 1.5633
	// squared-triplet batch-hard mean 3.3180
	// squared-triplet semi-hard mean 0.0517
	// soft-margin-triplet batch-hard mean 1.2987
	// soft-margin-triplet semi-hard mean 0.4910
	// infonce all-positives mean 8.2844
	// multi-similarity all-pairs per-anchor-mean 2.6564
}

// The composable path: a distance matrix, a miner, the loss's term, a
// reducer. Four points on a line, 0 and 1 (one class), 1.5 and 5 (another),
// m = 1: the hardest negative of each ordered positive pair gives the terms
// [1 − 1.5 + 1]+ = 0.5, [1 − 0.5 + 1]+ = 1.5, [3.5 − 0.5 + 1]+ = 4 and
// [3.5 − 4 + 1]+ = 0.5, one per anchor; their per-anchor mean is 1.625.
func ExampleCompose() {
	x := mat.NewDense(4, 1, []float64{0, 1, 1.5, 5})
	labels := []int{0, 0, 1, 1}
	d, _ := dist.Pairwise(dist.Euclidean, x)
	triplet, _ := loss.Lookup(loss.TripletID)
	v, _ := batch.Compose(d, labels, triplet, loss.Params{Margin: 1}, batch.Strategy{Miner: batch.HardestNegative, Reducer: batch.PerAnchorMean}, 0)
	fmt.Println(numfmt.Loss(v.Value), v.Terms, v.Active)
	// Output: 1.6250 4 4
}
