// Package train is losslab's 2-D toy training: labelled inputs, a model that
// maps them to 2-D embeddings, a metric-learning loss on class-balanced
// mini-batches, plain gradient descent, and the numbers that show whether the
// distance distributions of same-class and different-class pairs pull apart.
//
// Conventions:
//   - Everything is seeded (math/rand/v2's PCG): the same Config gives the
//     same runs, value for value, on every run of the program. Sums run in a
//     fixed order; there are no maps and no goroutines.
//   - Inputs are standardised per column (zero mean, unit variance; constant
//     columns stay 0). Generated sets have DefaultPoints points.
//   - Models: free (each point's embedding is a parameter, starting as
//     Gaussian noise around the origin), linear (one shared D×2 matrix), mlp
//     (D→16→2 with tanh). With Normalize the embedding is projected onto the
//     unit circle and its gradient onto the circle's tangent.
//   - An objective (Objective) is a loss of the core/loss registry, a
//     core/batch miner and a core/batch reducer, the ones `losslab batch`
//     reports: the named ones (contrastive, batch-all, …), then every other
//     registered loss under its first batch strategy, so a new loss trains
//     without an edit here.
//   - Distances are Euclidean (core/dist); loss terms and their derivatives
//     come from the core/loss registry. Below Eps the distance gradient is
//     the subgradient 0, so coincident points get no direction.
//   - Gradients are derived by hand (no autodiff) and checked against finite
//     differences and PyTorch autograd in the tests. The step is plain
//     gradient descent, θ −= lr·∂L/∂θ, with lr × batch size for the free model
//     (each of its embeddings gets only its own share of the batch mean).
//   - Metrics (Metrics) are measured on up to EvalPoints points; the loss
//     and active fraction are those of the mini-batch the next step trains on.
//   - With LabelNoise the loss and the sampler see some training labels
//     wrong (Split.Labels); every metric uses the true labels.
package train

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// DataID names a data set.
type DataID string

// The data sets. File is a user's file, read by core/dataset.
const (
	Blobs   DataID = "blobs"
	Overlap DataID = "overlap"
	Rings   DataID = "rings"
	Moons   DataID = "moons"
	Iris    DataID = "iris"
	Digits  DataID = "digits"
	File    DataID = "file"
)

// DataIDs lists the built-in data sets in the order keys cycle through them.
func DataIDs() []DataID { return []DataID{Blobs, Overlap, Rings, Moons, Iris, Digits} }

// ModelID names a model.
type ModelID string

// The models.
const (
	Free   ModelID = "free"
	Linear ModelID = "linear"
	MLP    ModelID = "mlp"
)

// ModelIDs lists the models in cycling order.
func ModelIDs() []ModelID { return []ModelID{Free, Linear, MLP} }

// Defaults, documented in docs/train.md and the command's help.
const (
	DefaultPoints = 300 // points of a generated data set
	DefaultMargin = 1.0 // the embeddings are unnormalised 2-D, distances of order 1
	DefaultLR     = 0.2 // learning rate
	DefaultBatch  = 64  // samples per mini-batch
	DefaultSeed   = 1
	// EvalPoints bounds the points the metrics look at (a seeded subset
	// of larger sets such as digits), so that a frame stays fast.
	EvalPoints = 400
	// Eps is the distance below which the distance gradient is taken as 0.
	Eps = 1e-12
	// CollapseRatio: a run has collapsed when the mean pairwise distance is
	// below this share of its value at step 0.
	CollapseRatio = 0.01
	// MaxParam bounds every parameter's magnitude: past it a run has
	// diverged. It sits far enough below float64's 1.8e308 that the
	// embeddings, their squared distances, the sums over a batch or the
	// evaluation points and the gradient norm of every model stay finite,
	// so no figure of a run that has not diverged can be ±Inf or NaN.
	MaxParam = 1e100
	// Hidden is the width of the mlp's hidden layer.
	Hidden = 16
	// FreeInitSD is the deviation of the free model's initial embeddings.
	FreeInitSD = 0.5
	// DefaultTemperature is InfoNCE's τ: core/loss's and SupCon's default,
	// for similarities in [−1, 1] (the cosine default).
	DefaultTemperature = 0.1
	// DefaultHoldout is the share of each class's points held out of
	// training by default.
	DefaultHoldout = 0.25
)

// Limits on the hyper-parameters; beyond them training is meaningless or slow.
const (
	MaxMargin = 100.0
	MaxLR     = 100.0
	MinBatch  = 4
	MaxBatch  = 1024
	// MinTemperature, MaxTemperature bound τ: below 0.01 a cosine gap of 1
	// is e^100 in the softmax; above 10 every pair weighs about alike.
	MinTemperature = 0.01
	MaxTemperature = 10.0
	// MaxSteps bounds the steps a headless run, a state string or a
	// lesson trains: at batch 64 well under a minute for most objectives.
	MaxSteps = 100_000
	// MaxHoldout is the largest share of points held out.
	MaxHoldout = 0.75
	// MinHoldoutClasses is the fewest classes held out whole (one class has
	// no negative pairs to rank), and at least as many must train.
	MinHoldoutClasses = 2
	// MaxLabelNoise is the largest share of training labels made wrong:
	// beyond half, a class's wrong labels can outnumber its right ones.
	MaxLabelNoise = 0.5
)

// Config says what to train. The zero values of Margin, LR, Batch are not
// defaults: use NewConfig.
type Config struct {
	Data      DataID
	Model     ModelID
	Loss      LossID
	Margin    float64
	LR        float64
	Batch     int
	Seed      uint64
	Normalize bool
	// Temperature is InfoNCE's τ, and Similarity what InfoNCE compares;
	// the other objectives read neither.
	Temperature float64
	Similarity  Similarity
	// Holdout is the share of each class's points the model never trains
	// on (0 to MaxHoldout); HoldoutClasses, when above 0, holds out that
	// many whole classes instead (the open-set case) and Holdout is not
	// used.
	Holdout        float64
	HoldoutClasses int
	// LabelNoise is the share (0 to MaxLabelNoise) of the training points
	// whose label the loss and the mini-batch sampler see wrong, each given
	// another class that trains (Split.Mislabelled); the metrics and the
	// scatter keep the true labels, so they show whether the embedding
	// learned the real classes despite the wrong ones.
	LabelNoise float64
	// Compare, when set, trains a second run with this objective and
	// CompareMargin on the same data from the same parameters with the same
	// mini-batches.
	Compare       LossID
	CompareMargin float64
}

// NewConfig returns the defaults: blobs, the free model, contrastive, a
// quarter of each class held out.
func NewConfig() Config {
	return Config{Data: Blobs, Model: Free, Loss: Contrastive, Margin: DefaultMargin, LR: DefaultLR, Batch: DefaultBatch, Seed: DefaultSeed, CompareMargin: DefaultMargin,
		Temperature: DefaultTemperature, Similarity: Cosine, Holdout: DefaultHoldout}
}

// Similarity is what InfoNCE compares, as --similarity spells it.
type Similarity string

const (
	// Cosine: InfoNCE on the cosine similarity of L2-normalised
	// embeddings, SupCon's form (pytorch-metric-learning's SupConLoss;
	// its NTXentLoss when each anchor has one positive).
	Cosine Similarity = "cosine"
	// NegDistance: s = −d, the Euclidean distance of the raw embeddings.
	NegDistance Similarity = "neg-distance"
)

// Similarities lists the similarities in cycling order.
func Similarities() []Similarity { return []Similarity{Cosine, NegDistance} }

// Errors a caller can tell apart.
var (
	ErrUnknown = errors.New("unknown value")
	ErrRange   = errors.New("out of range")
	// ErrSameRun: a loss compared with itself where it reads no margin or
	// at the same margin, two runs that would be one.
	ErrSameRun  = errors.New("compared with itself at the same margin, or where it reads none, a loss gives the same run twice")
	ErrDiverged = errors.New("the parameters are no longer finite numbers below MaxParam")
	ErrTooSmall = errors.New("too few samples")
	// ErrIdenticalRows: every input row is the same, so no model can tell
	// the points apart (a shared map puts them all at one spot from step 0).
	ErrIdenticalRows = errors.New("every row has the same values")
)

// DivergedError says that a run stopped being representable: at Step its
// parameters passed MaxParam or a figure of the step (the loss, the
// gradient, a distance) was not finite. It wraps ErrDiverged.
type DivergedError struct {
	Step int    // the first step whose state is not usable
	Run  string // the run's name
}

func (e *DivergedError) Error() string {
	return fmt.Sprintf("run %s at step %d: %v", e.Run, e.Step, ErrDiverged)
}
func (e *DivergedError) Unwrap() error { return ErrDiverged }

// ParamError names the Config field (as its flag) that is wrong.
type ParamError struct {
	Flag string // "loss", "margin", …
	Err  error
}

func (e *ParamError) Error() string { return fmt.Sprintf("--%s: %v", e.Flag, e.Err) }
func (e *ParamError) Unwrap() error { return e.Err }

func parseID[T ~string](flag, s string, known []T) (T, error) {
	if slices.Contains(known, T(s)) {
		return T(s), nil
	}
	names := make([]string, len(known))
	for i, k := range known {
		names[i] = string(k)
	}
	return "", &ParamError{Flag: flag, Err: fmt.Errorf("%w %q (known: %s)", ErrUnknown, s, strings.Join(names, ", "))}
}

// ParseData accepts a built-in data set's ID.
func ParseData(s string) (DataID, error) { return parseID("data", s, DataIDs()) }

// ParseModel accepts a model's ID.
func ParseModel(s string) (ModelID, error) { return parseID("model", s, ModelIDs()) }

// ParseLoss accepts an objective's ID (flag names which flag gave it).
func ParseLoss(flag, s string) (LossID, error) { return parseID(flag, s, LossIDs()) }

// Check validates the hyper-parameters.
func (c Config) Check() error {
	if _, err := ParseModel(string(c.Model)); err != nil {
		return err
	}
	if _, err := ParseLoss("loss", string(c.Loss)); err != nil {
		return err
	}
	if c.Compare != "" {
		if _, err := ParseLoss("compare", string(c.Compare)); err != nil {
			return err
		}
	}
	switch {
	case c.ComparesOneRun():
		return &ParamError{Flag: "compare", Err: fmt.Errorf("%w: %s", ErrSameRun, c.Compare)}
	case !(c.Margin >= 0 && c.Margin <= MaxMargin):
		return &ParamError{Flag: "margin", Err: fmt.Errorf("%w: %v, want 0 to %v", ErrRange, c.Margin, MaxMargin)}
	case c.Compare != "" && !(c.CompareMargin >= 0 && c.CompareMargin <= MaxMargin):
		return &ParamError{Flag: "compare-margin", Err: fmt.Errorf("%w: %v, want 0 to %v", ErrRange, c.CompareMargin, MaxMargin)}
	case !(c.LR > 0 && c.LR <= MaxLR) || math.IsInf(c.LR, 0):
		return &ParamError{Flag: "lr", Err: fmt.Errorf("%w: %v, want > 0 and ≤ %v", ErrRange, c.LR, MaxLR)}
	case c.Batch < MinBatch || c.Batch > MaxBatch:
		return &ParamError{Flag: "batch", Err: fmt.Errorf("%w: %d, want %d to %d", ErrRange, c.Batch, MinBatch, MaxBatch)}
	case !(c.Temperature >= MinTemperature && c.Temperature <= MaxTemperature):
		return &ParamError{Flag: "temperature", Err: fmt.Errorf("%w: %v, want %v to %v", ErrRange, c.Temperature, MinTemperature, MaxTemperature)}
	case !slices.Contains(Similarities(), c.Similarity):
		return &ParamError{Flag: "similarity", Err: fmt.Errorf("%w %q (known: cosine, neg-distance)", ErrUnknown, c.Similarity)}
	case !(c.Holdout >= 0 && c.Holdout <= MaxHoldout):
		return &ParamError{Flag: "holdout", Err: fmt.Errorf("%w: %v, want 0 to %v", ErrRange, c.Holdout, MaxHoldout)}
	case !(c.LabelNoise >= 0 && c.LabelNoise <= MaxLabelNoise):
		return &ParamError{Flag: "label-noise", Err: fmt.Errorf("%w: %v, want 0 to %v", ErrRange, c.LabelNoise, MaxLabelNoise)}
	case c.HoldoutClasses < 0:
		return &ParamError{Flag: "holdout-classes", Err: fmt.Errorf("%w: %d, want 0 or %d or more", ErrRange, c.HoldoutClasses, MinHoldoutClasses)}
	}
	return nil
}

// ComparesOneRun says whether the compare run would repeat the first: the
// same loss where it reads no margin, or at the same margin.
func (c Config) ComparesOneRun() bool {
	return c.Compare != "" && (!c.Loss.ComparesWith(c.Compare) || c.Compare == c.Loss && c.CompareMargin == c.Margin)
}

// ReadsTemperature says whether some run's loss reads τ (InfoNCE).
func (c Config) ReadsTemperature() bool {
	return slices.ContainsFunc(c.Specs(), func(s RunSpec) bool { return s.Loss.Objective().Loss.UsesTemperature })
}

// CompareReadsMargin says whether there is a compare run and its loss reads
// its margin.
func (c Config) CompareReadsMargin() bool { return c.Compare != "" && c.Compare.UsesMargin() }

// UsesCosine says whether run spec compares by cosine similarity: InfoNCE
// (a loss that reads τ) under the Cosine similarity. Such a run puts its
// embeddings on the unit circle.
func (c Config) UsesCosine(spec RunSpec) bool {
	return c.Similarity == Cosine && spec.Loss.Objective().Loss.UsesTemperature
}

// RunSpec is what differs between the runs of a comparison.
type RunSpec struct {
	Loss   LossID
	Margin float64
}

// Specs lists the runs: one, or two with Compare.
func (c Config) Specs() []RunSpec {
	specs := []RunSpec{{c.Loss, c.Margin}}
	if c.Compare != "" {
		specs = append(specs, RunSpec{c.Compare, c.CompareMargin})
	}
	return specs
}

// RunNames are the names of the runs as JSON prints them: the loss IDs, or
// "a" and "b" when both runs share one.
func (c Config) RunNames() []string {
	if c.Compare == "" {
		return []string{string(c.Loss)}
	}
	if c.Compare == c.Loss {
		return []string{"a", "b"}
	}
	return []string{string(c.Loss), string(c.Compare)}
}
