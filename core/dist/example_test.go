package dist_test

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"losslab/core/dist"
)

// Distances between two vectors; cosine distance is 1 − cos, so the 3-4-5
// pair (cos = 24/25) is 0.04 apart, whatever the scale of either vector.
func ExampleMetric_Between() {
	u, v := []float64{0, 0}, []float64{3, 4}
	for _, m := range []dist.Metric{dist.Euclidean, dist.SqEuclidean, dist.Manhattan} {
		d, _ := m.Between(u, v)
		fmt.Println(m, d)
	}
	c, _ := dist.Cosine.Between([]float64{3e200, 4e200}, []float64{4e-200, 3e-200})
	fmt.Printf("cosine %.2f\n", c)
	// Output:
	// euclidean 5
	// sqeuclidean 25
	// manhattan 7
	// cosine 0.04
}

// The similarity form compares the other way round: larger is closer.
func ExampleMetric_Similarity() {
	s, _ := dist.Cosine.Similarity([]float64{3, 4}, []float64{4, 3})
	d, _ := dist.Cosine.Between([]float64{3, 4}, []float64{4, 3})
	fmt.Printf("%.2f %.2f %v\n", s, d, dist.SimilarityForm.Closer(0.96, 0.5))
	// Output: 0.96 0.04 true
}

// Rows of the pairwise matrix: the distances from rows 1 and 2 to every
// row, without the whole N×N matrix.
func ExamplePairs_Rows() {
	x := mat.NewDense(3, 2, []float64{0, 0, 3, 4, 6, 8})
	p, _ := dist.NewPairs(dist.Euclidean, x)
	fmt.Println(p.Rows([]int{1, 2}, nil))
	// Output: [5 0 5 10 5 0]
}

// A tile of the pairwise matrix: rows 0 and 2 against rows 1 and 2.
func ExamplePairs_Tile() {
	x := mat.NewDense(3, 2, []float64{0, 0, 3, 4, 6, 8})
	p, _ := dist.NewPairs(dist.Euclidean, x)
	tile := make([]float64, 4)
	p.Tile([]int{0, 2}, 1, 3, tile, 2)
	fmt.Println(tile)
	// Output: [5 10 5 0]
}
