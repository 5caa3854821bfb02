package train

import (
	"errors"
	"math"
	"slices"
)

// Trainer trains one run, or two side by side that share the data, the
// initial parameters and every mini-batch.
type Trainer struct {
	cfg     Config
	data    *Data
	sampler *sampler
	pending []int // the batch the next step trains on
	step    int
	runs    []*Run
	split   Split
	eval    []int // the training points the metrics look at
	heldOut []int // the held-out points they look at
	err     error // a *DivergedError: Step and Metrics return it until Reset
}

// Run is one model trained with one objective.
type Run struct {
	Name string
	Spec RunSpec

	net         network
	obj         *evaluator
	lr          float64
	normalize   bool
	theta, grad []float64
	theta0      []float64

	// Scratch for a batch: embeddings, their norms before projection,
	// hidden activations, ∂L/∂z, labels.
	z, radius, hidden, gz []float64
	labels                []int

	last     BatchLoss
	gradNorm float64
	met      metricScratch // the training points measured
	held     metricScratch // the held-out points measured
	start    float64       // mean pairwise distance at step 0
}

// New builds the trainer for cfg on data: the initial parameters from the
// seed, shared by both runs, and the first mini-batch.
func New(cfg Config, data *Data) (*Trainer, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	split, err := makeSplit(data, cfg)
	if err != nil {
		return nil, err
	}
	t := &Trainer{cfg: cfg, data: data, split: split}
	t.eval = evalSubset(split.Train, cfg.Seed, streamEval)
	t.heldOut = evalSubset(split.HeldOut, cfg.Seed, streamEvalHeldOut)
	net := network{kind: cfg.Model, n: data.N, d: data.D}
	theta0 := net.initParams(newRand(cfg.Seed, streamInit))
	maxBatch := cfg.Batch
	for i, spec := range cfg.Specs() {
		r := newRun(cfg.RunNames()[i], spec, net, theta0, cfg, maxBatch)
		r.met.init(data, t.eval)
		r.held.init(data, t.heldOut)
		t.runs = append(t.runs, r)
	}
	t.Reset()
	return t, nil
}

func newRun(name string, spec RunSpec, net network, theta0 []float64, cfg Config, maxBatch int) *Run {
	return &Run{Name: name, Spec: spec, net: net, obj: newEvaluator(spec, cfg, maxBatch),
		lr: cfg.LR, normalize: cfg.Normalize || cfg.UsesCosine(spec),
		theta: slices.Clone(theta0), theta0: theta0, grad: make([]float64, len(theta0)),
		z: make([]float64, 2*maxBatch), radius: make([]float64, maxBatch), hidden: make([]float64, Hidden*maxBatch),
		gz: make([]float64, 2*maxBatch), labels: make([]int, maxBatch)}
}

// Reset returns every run to the initial parameters and the batch sequence
// to its start: the state New made.
func (t *Trainer) Reset() {
	t.sampler = newSampler(t.data, t.split.Labels, t.split.Train, t.cfg.Batch, t.cfg.Seed)
	t.pending = t.sampler.next()
	t.step = 0
	t.err = nil
	for _, r := range t.runs {
		copy(r.theta, r.theta0)
		r.start = 0
		r.start = r.met.measure(r, t.data).MeanDistance
	}
}

// Config is the configuration the trainer was built with.
func (t *Trainer) Config() Config { return t.cfg }

// Data is the trainer's data set.
func (t *Trainer) Data() *Data { return t.data }

// Runs are the runs, in the order of Config.Specs.
func (t *Trainer) Runs() []*Run { return t.runs }

// StepCount is the number of steps taken since New or Reset.
func (t *Trainer) StepCount() int { return t.step }

// EvalPoints are the indices of the training points the metrics look at.
func (t *Trainer) EvalPoints() []int { return t.eval }

// HeldOutPoints are the indices of the held-out points the metrics look at.
func (t *Trainer) HeldOutPoints() []int { return t.heldOut }

// Split is which points train and which are held out.
func (t *Trainer) Split() Split { return t.split }

// HeldOutReason says why the runs have no held-out figures.
type HeldOutReason uint8

const (
	HeldOutMeasured HeldOutReason = iota // they have
	HeldOutNone                          // no point is held out (--holdout 0)
	HeldOutFree                          // the free model has no embedding for a point it never trained on
)

// HeldOutReason says whether the runs' metrics carry held-out figures, and
// if not why.
func (t *Trainer) HeldOutReason() HeldOutReason {
	switch {
	case t.cfg.Model == Free:
		return HeldOutFree
	case len(t.heldOut) == 0:
		return HeldOutNone
	}
	return HeldOutMeasured
}

// Step trains every run on the pending mini-batch and draws the next one.
// Every step checks the whole state, so a divergence is found at the same
// step however often Metrics is called: a *DivergedError at the current
// step when its loss or gradient is not finite, at the next one when the
// update takes a parameter past MaxParam. After it Step and Metrics return
// that error, and the step count stays where it was, until Reset.
func (t *Trainer) Step() error {
	if t.err != nil {
		return t.err
	}
	for _, r := range t.runs {
		if err := r.forwardChecked(t.data, t.split.Labels, t.pending); err != nil {
			return t.diverged(r, t.step, err)
		}
		if !r.update(len(t.pending)) {
			return t.diverged(r, t.step+1, ErrDiverged)
		}
	}
	t.step++
	t.pending = t.sampler.next()
	return nil
}

// diverged records a divergence of r at step (a *DivergedError for
// ErrDiverged; any other error as it is).
func (t *Trainer) diverged(r *Run, step int, err error) error {
	if errors.Is(err, ErrDiverged) {
		err = &DivergedError{Step: step, Run: r.Name}
	}
	t.err = err
	return err
}

// Err is the divergence that stopped the trainer, or nil.
func (t *Trainer) Err() error { return t.err }

// Metrics measures every run at the current step.
func (t *Trainer) Metrics() ([]Metrics, error) {
	if t.err != nil {
		return nil, t.err
	}
	out := make([]Metrics, len(t.runs))
	for i, r := range t.runs {
		m, err := r.Metrics(t)
		if err != nil {
			return nil, t.diverged(r, t.step, err)
		}
		out[i] = m
	}
	return out, nil
}

// forward embeds the batch into r.z (projected onto the circle with
// normalize) and returns its loss under labels (the ones the loss sees,
// Split.Labels) with ∂L/∂θ in r.grad.
func (r *Run) forward(data *Data, labels, batch []int) (BatchLoss, error) {
	b := len(batch)
	for k, i := range batch {
		r.labels[k] = labels[i]
		z := r.z[2*k : 2*k+2]
		r.net.embed(r.theta, data.Row(i), i, z, r.hidden[k*Hidden:(k+1)*Hidden])
		if r.normalize {
			r.radius[k] = project(z)
		}
	}
	res, err := r.obj.evaluate(r.z[:2*b], r.labels[:b], r.gz)
	if err != nil {
		return res, err
	}
	clear(r.grad)
	for k, i := range batch {
		g := r.gz[2*k : 2*k+2]
		if r.normalize {
			projectGrad(r.z[2*k:2*k+2], g, r.radius[k])
		}
		r.net.backward(r.theta, data.Row(i), i, g, r.hidden[k*Hidden:(k+1)*Hidden], r.grad)
	}
	var sq float64
	for _, g := range r.grad {
		sq += g * g
	}
	r.gradNorm = math.Sqrt(sq)
	return res, nil
}

// forwardChecked is forward with ErrDiverged for a loss or gradient norm
// that is not finite: what Step and Metrics both compute at a step, so they
// agree on whether it diverged.
func (r *Run) forwardChecked(data *Data, labels, batch []int) error {
	res, err := r.forward(data, labels, batch)
	if err != nil {
		return err
	}
	if !finite(res.Loss) || !finite(r.gradNorm) {
		return ErrDiverged
	}
	r.last = res
	return nil
}

// update takes the gradient step from r.grad (computed on a batch of b
// samples); false when a parameter is no longer finite or passes MaxParam.
func (r *Run) update(b int) bool {
	lr := r.stepSize(b)
	ok := true
	for i, g := range r.grad {
		r.theta[i] -= lr * g
		ok = ok && math.Abs(r.theta[i]) <= MaxParam // false for NaN too
	}
	return ok
}

// stepSize is the factor of −∂L/∂θ in a step on a batch of b samples.
func (r *Run) stepSize(b int) float64 {
	if r.net.kind == Free {
		// Each free embedding gets only its own share (about 1/B) of the
		// batch mean, where a shared map sums all B shares: scaling by B
		// makes lr a per-sample step for every model.
		return r.lr * float64(b)
	}
	return r.lr
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// GradNorm is |∂L/∂θ| at the last evaluation: 0 when nothing pushes.
func (r *Run) GradNorm() float64 { return r.gradNorm }

// OnCircle says whether the run projects its embeddings onto the unit
// circle (--normalize, or InfoNCE on cosine similarity).
func (r *Run) OnCircle() bool { return r.normalize }

// Embed writes the embeddings of points (indices into the data) into out
// (2 per point), as the model maps them now.
func (r *Run) Embed(data *Data, points []int, out []float64) {
	var hidden [Hidden]float64
	for k, i := range points {
		z := out[2*k : 2*k+2]
		r.net.embed(r.theta, data.Row(i), i, z, hidden[:])
		if r.normalize {
			project(z)
		}
	}
}
