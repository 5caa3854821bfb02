package i18n

// Messages of the training mode's slow mode: one anchor, its mined positive
// and negative, and the gradient on them.
const (
	TrainKeySlow       ID = "train.key.slow"
	TrainKeyShortSlow  ID = "train.key.short.slow"
	TrainKeyAnchor     ID = "train.key.anchor"
	TrainModeSlowPlay  ID = "train.mode.slow-playing"
	TrainModeSlowPause ID = "train.mode.slow-paused"
	TrainHintSlow      ID = "train.hint.slow"
	// The legend under a pane's numbers: the shown term(s), then |∂ℓ/∂x|.
	TrainSlowTriplet    ID = "train.slow.triplet"     // anchor position, batch size, ℓ(A,P,N)
	TrainSlowPairs      ID = "train.slow.pairs"       // anchor position, batch size, ℓ(A,P), ℓ(A,N)
	TrainSlowInfoNCE    ID = "train.slow.infonce"     // anchor position, batch size, ℓ of the positive P
	TrainSlowAnchor     ID = "train.slow.anchor"      // anchor position, batch size, ℓ of the anchor against the batch
	TrainSlowNoPick     ID = "train.slow.no-pick"     // anchor position, batch size
	TrainSlowGrad       ID = "train.slow.grad"        // |∂ℓ/∂a|, |∂ℓ/∂p|, |∂ℓ/∂n|
	TrainSlowGradAnchor ID = "train.slow.grad-anchor" // |∂ℓ/∂a|
	// Where the step moves A, P, N, and why that differs from −∂ℓ/∂x.
	TrainSlowMoved         ID = "train.slow.moved"        // |Δa|, |Δp|, |Δn|
	TrainSlowMovedAnchor   ID = "train.slow.moved-anchor" // |Δa|
	TrainSlowAngle         ID = "train.slow.angle"        // angles of A, P, N (each a number of degrees or —)
	TrainSlowAngleAnchor   ID = "train.slow.angle-anchor" // angle of A
	TrainSlowDegrees       ID = "train.slow.degrees"      // a whole number of degrees
	TrainSlowWhyShared     ID = "train.slow.why-shared"
	TrainSlowWhyFree       ID = "train.slow.why-free"
	TrainSlowWhyFreeCircle ID = "train.slow.why-free-circle" // a run on the unit circle (--normalize, or cosine InfoNCE)
)

var trainSlowEN = map[ID]string{
	TrainKeySlow:        "slow mode: one anchor",
	TrainKeyShortSlow:   "slow",
	TrainKeyAnchor:      "next anchor",
	TrainModeSlowPlay:   "▶ 1 step/s",
	TrainModeSlowPause:  "⏸ slow mode",
	TrainHintSlow:       "Slow mode: A is an anchor of the next step's batch, P and N the positive and negative its loss picked; the strokes point along −∂ℓ/∂x, that term's push on each. %s a next anchor, n one step, w off.",
	TrainSlowTriplet:    "A anchor %s/%s · ℓ(A,P,N) %s",
	TrainSlowPairs:      "A anchor %s/%s · ℓ(A,P) %s + ℓ(A,N) %s",
	TrainSlowInfoNCE:    "A anchor %s/%s · ℓ(A,P) %s",
	TrainSlowAnchor:     "A anchor %s/%s · ℓ(A) %s",
	TrainSlowNoPick:     "A anchor %s/%s: no positive or negative in this batch",
	TrainSlowGrad:       "|∂ℓ/∂x| A %s · P %s · N %s",
	TrainSlowGradAnchor: "|∂ℓ/∂x| A %s",

	TrainSlowMoved:         "|Δx| A %s · P %s · N %s",
	TrainSlowMovedAnchor:   "|Δx| A %s",
	TrainSlowAngle:         "∠(Δx, −∂ℓ/∂x) A %s · P %s · N %s",
	TrainSlowAngleAnchor:   "∠(Δx, −∂ℓ/∂x) A %s",
	TrainSlowDegrees:       "%s°",
	TrainSlowWhyShared:     "Δx is the step's move: it moves the shared weights, which carry every point, so a point moves even where its own push is 0, and not necessarily along it.",
	TrainSlowWhyFree:       "Δx is the step's move: the free model moves a point by its own gradient alone, −lr × batch × ∂L/∂x over all its terms (the stroke shows one).",
	TrainSlowWhyFreeCircle: "Δx is the step's move: the free model moves a point by its own gradient alone, −lr × batch × ∂L/∂x over all its terms (the stroke shows one), then back onto the unit circle if the run is on it.",
}
