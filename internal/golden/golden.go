// Package golden gives tests the reference values computed with PyTorch
// (see PROVENANCE.md beside this file): an implementation independent of
// losslab, against which every core package checks itself.
package golden

import (
	_ "embed"
	"encoding/json"
)

//go:embed golden.json
var raw []byte

// Scalar is a case given by distances (also used for the seed examples).
type Scalar struct {
	DAP              float64   `json:"dap"`
	DAN              float64   `json:"dan"`
	Margin           float64   `json:"margin"`
	YAP              int       `json:"y_ap"`
	YAN              int       `json:"y_an"`
	Contrastive      float64   `json:"contrastive"`
	ContrastivePairs []float64 `json:"contrastive_pairs"`
	Triplet          float64   `json:"triplet"`
	SoftMargin       float64   `json:"soft_margin_triplet"`
	SquaredTriplet   float64   `json:"squared_triplet"`
	Regime           string    `json:"regime"`
}

// Vector is a case given by anchor, positive and negative embeddings.
type Vector struct {
	Anchor      []float64 `json:"anchor"`
	Positive    []float64 `json:"positive"`
	Negative    []float64 `json:"negative"`
	Distance    string    `json:"distance"`
	Margin      float64   `json:"margin"`
	DAP         float64   `json:"dap"`
	DAN         float64   `json:"dan"`
	Triplet     float64   `json:"triplet"`
	Contrastive float64   `json:"contrastive"`
}

// Batch is a labelled set of embeddings with its batch losses.
type Batch struct {
	Embeddings          [][]float64 `json:"embeddings"`
	Labels              []int       `json:"labels"`
	Margin              float64     `json:"margin"`
	BatchHard           float64     `json:"batch_hard"`
	BatchAllMean        float64     `json:"batch_all_mean"`
	BatchAllNonzeroMean float64     `json:"batch_all_nonzero_mean"`
	FractionActive      float64     `json:"fraction_active"`
	SemiHard            float64     `json:"semi_hard"`
	ContrastiveAllPairs float64     `json:"contrastive_all_pairs"`
	PairwiseEuclidean   [][]float64 `json:"pairwise_euclidean"`
}

// Data is the whole reference file.
type Data struct {
	About        string   `json:"about"`
	SeedExamples []Scalar `json:"seed_examples"`
	Scalar       []Scalar `json:"scalar"`
	Vector       []Vector `json:"vector"`
	Batch        []Batch  `json:"batch"`
}

// Load decodes the embedded reference file.
func Load() (Data, error) {
	var d Data
	err := json.Unmarshal(raw, &d)
	return d, err
}
