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
)

var trainSlowEN = map[ID]string{
	TrainKeySlow:        "slow mode: one anchor",
	TrainKeyShortSlow:   "slow",
	TrainKeyAnchor:      "next anchor",
	TrainModeSlowPlay:   "▶ 1 step/s",
	TrainModeSlowPause:  "⏸ slow mode",
	TrainHintSlow:       "Slow mode: A is an anchor of the batch the next step trains on, P and N the positive and negative its loss picked; the strokes point along −∂ℓ/∂x, the push that term gives each in the step. a next anchor, n one step, w off.",
	TrainSlowTriplet:    "A anchor %s/%s · ℓ(A,P,N) %s",
	TrainSlowPairs:      "A anchor %s/%s · ℓ(A,P) %s + ℓ(A,N) %s",
	TrainSlowInfoNCE:    "A anchor %s/%s · ℓ(A,P) %s",
	TrainSlowAnchor:     "A anchor %s/%s · ℓ(A) %s",
	TrainSlowNoPick:     "A anchor %s/%s: no positive or negative in this batch",
	TrainSlowGrad:       "|∂ℓ/∂x| A %s · P %s · N %s",
	TrainSlowGradAnchor: "|∂ℓ/∂x| A %s",
}
