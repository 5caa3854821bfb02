package i18n

// Messages of the training command and mode.
const (
	TrainSummary           ID = "train.summary"
	TrainSynopsis          ID = "train.synopsis"
	TrainFlagData          ID = "train.flag.data"
	TrainFlagIn            ID = "train.flag.in"
	TrainFlagFormat        ID = "train.flag.format"
	TrainFlagLabelCol      ID = "train.flag.label-col"
	TrainFlagModel         ID = "train.flag.model"
	TrainFlagLoss          ID = "train.flag.loss" // %s the objectives' IDs
	TrainFlagCompare       ID = "train.flag.compare"
	TrainFlagMargin        ID = "train.flag.margin"
	TrainFlagCompareMargin ID = "train.flag.compare-margin"
	TrainFlagLR            ID = "train.flag.lr"
	TrainFlagBatch         ID = "train.flag.batch"
	TrainFlagSeed          ID = "train.flag.seed"
	TrainFlagSteps         ID = "train.flag.steps"
	TrainFlagEvery         ID = "train.flag.every"
	TrainFlagNormalize     ID = "train.flag.normalize"
	TrainFlagJSON          ID = "train.flag.json"
	TrainFlagPlain         ID = "train.flag.plain"
	TrainErrUnknownID      ID = "train.err.unknown-id" // %q value, %s known IDs
	TrainErrBetween        ID = "train.err.between"    // %s value, %s low, %s high
	TrainErrAbove          ID = "train.err.above"      // %s value, %s low, %s high
	TrainErrCount          ID = "train.err.count"      // %s value, %s low, %s high
	TrainErrNeedsIn        ID = "train.err.needs-in"
	TrainErrIdenticalRows  ID = "train.err.identical-rows" // file
	TrainErrNeedsCompare   ID = "train.err.needs-compare"
	TrainErrCompareSame    ID = "train.err.compare-same" // the loss, which reads no margin
	// TrainErrCompareSameMargin: the loss compared with itself at its margin.
	TrainErrCompareSameMargin ID = "train.err.compare-same-margin" // the loss, the margin
	// TrainErrCompareSameMarginFlag is the cli's: it names the flag.
	TrainErrCompareSameMarginFlag ID = "train.err.compare-same-margin-flag" // the loss, the margin
	// TrainNoMarginKeys: a margin key pressed on a loss that reads none.
	TrainNoMarginKeys     ID = "train.no-margin-keys" // the loss, the keys
	TrainErrNoTemperature ID = "train.err.no-temperature"
	TrainErrNoMargin      ID = "train.err.no-margin" // the loss

	TrainRun                     ID = "train.column.run"
	TrainStep                    ID = "train.column.step"
	TrainCollapsed               ID = "train.column.collapsed"
	TrainSummaryHead             ID = "train.summary.head"                // run name, loss name, margin, steps
	TrainSummaryHeadNoMargin     ID = "train.summary.head-no-margin"      // run name, loss name, steps
	TrainSummaryHeadLoss         ID = "train.summary.head-loss"           // loss name, margin, steps
	TrainSummaryHeadLossNoMargin ID = "train.summary.head-loss-no-margin" // loss name, steps
	TrainSummaryRow              ID = "train.summary.row"                 // what, initial, final
	TrainCollapsedAt             ID = "train.summary.collapsed-at"
	TrainNotCollapse             ID = "train.summary.not-collapsed"
	TrainYes                     ID = "train.yes"
	TrainNo                      ID = "train.no"
	TrainLoss                    ID = "train.metric.loss"
	TrainAUC                     ID = "train.metric.auc"
	TrainActive                  ID = "train.metric.active"
	TrainMeanPos                 ID = "train.metric.mean-positive"
	TrainMeanNeg                 ID = "train.metric.mean-negative"
	TrainMeanDist                ID = "train.metric.mean-distance"
	TrainGradNorm                ID = "train.metric.grad-norm"
	TrainDiverged                ID = "train.error.diverged" // step, MaxParam, lr
)

var trainEN = map[ID]string{
	TrainSummary: "train 2-D embeddings; watch the distances pull apart",
	TrainSynopsis: `Usage: losslab train [flags]

Trains a model that maps labelled inputs to 2-D embeddings with a
metric-learning loss, and shows the distance distributions of same-class and
different-class pairs pulling apart (or collapsing). On a terminal it opens
the training mode; with --json or --plain (or when stdout is not a terminal)
it trains --steps steps headless and prints the metrics every --every steps,
then a summary per run.

Data: --data blobs (4 separated Gaussian classes), overlap (3 overlapping),
rings (3 concentric), moons (2 half circles): 300 points each, seeded; iris
and digits (the demo sets); or --in FILE (CSV/TSV as 'losslab batch' reads
it). Inputs are standardised per column.

Models: free (every embedding a parameter, starting as noise), linear (one
D×2 matrix), mlp (D→16→2, tanh). --normalize projects onto the unit circle.

Losses: contrastive (½[y·d² + (1−y)·max(m−d, 0)²] over all pairs of the
batch), batch-all, batch-hard, semi-hard (triplet with that mining),
batch-hard-soft (softplus on the batch-hard selection), infonce (core/loss's
InfoNCE, each positive against every other sample of the batch: by default
SupCon's, on the cosine similarity of L2-normalised embeddings, τ = 0.1;
see --similarity and --temperature); every other loss of 'losslab eval'
trains under its own ID, on the first batch form 'losslab batch' reports for
it (--loss lists them all).
Mini-batches are class-balanced: P classes × K samples.

Metrics: loss and active fraction on the next mini-batch; AUC (distance < t
means same class), mean same- and different-class distances over all pairs
of up to 400 points; collapsed when the mean pairwise distance is below a
hundredth of its value at step 0. A run diverges when a parameter passes
1e+100 or a figure stops being finite: every step is checked, and the one
line that names the step is all it prints (exit 2). An --in file whose rows
are all the same is refused.

Examples:
  losslab train --steps 500 --json
  losslab train --data overlap --model linear --margin 0 --steps 1000 --plain
  losslab train --loss batch-hard --compare contrastive --steps 300 --plain`,
	TrainFlagData:                     "data set: blobs|overlap|rings|moons|iris|digits",
	TrainFlagIn:                       "labelled inputs from a CSV or TSV `FILE` instead of --data",
	TrainFlagFormat:                   "`csv|tsv` (default: from the extension of --in)",
	TrainFlagLabelCol:                 "label column `NAME` of --in (default: \"label\", else the last column)",
	TrainFlagModel:                    "free|linear|mlp",
	TrainFlagLoss:                     "the loss to train: %s",
	TrainFlagCompare:                  "train a second run with this loss on the same data, start and batches",
	TrainFlagMargin:                   "margin m, 0 to 100",
	TrainFlagCompareMargin:            "margin of the --compare run (default: --margin)",
	TrainFlagLR:                       "learning rate, above 0 and at most 100 (the free model steps lr × batch size)",
	TrainFlagBatch:                    "samples per mini-batch, 4 to 1024 (P classes × K samples)",
	TrainFlagSeed:                     "seed of the data, the initial model and the batches",
	TrainFlagSteps:                    "steps to train headless",
	TrainFlagEvery:                    "print the metrics every this many steps",
	TrainFlagNormalize:                "project the embeddings onto the unit circle",
	TrainFlagJSON:                     "train headless and print JSON Lines",
	TrainFlagPlain:                    "train headless and print a table",
	TrainErrUnknownID:                 "unknown value %q (known: %s)",
	TrainErrBetween:                   "%s is out of range: want %s to %s",
	TrainErrAbove:                     "%s is out of range: want more than %s and at most %s",
	TrainErrCount:                     "%s is out of range: want %s to %s",
	TrainErrNeedsIn:                   "--format and --label-col apply to --in",
	TrainErrIdenticalRows:             "--in %s: every row has the same values: the linear and mlp models put every point at one spot from step 0, with nothing to learn, and the free model does not read the values; give rows that differ",
	TrainErrNeedsCompare:              "--compare-margin needs --compare LOSS",
	TrainErrCompareSame:               "%s reads no margin, so a second run of it would be the same run: compare it with another loss",
	TrainErrCompareSameMargin:         "%s twice at margin %s would be the same run twice: give the two runs different margins",
	TrainErrCompareSameMarginFlag:     "%s twice at margin %s would be the same run twice: give the second another margin with --compare-margin",
	TrainNoMarginKeys:                 "%s reads no margin: %s change nothing",
	TrainErrNoTemperature:             "only infonce reads it, and no run trains infonce",
	TrainErrNoMargin:                  "%s reads no margin: the flag would change nothing",
	TrainRun:                          "run",
	TrainStep:                         "step",
	TrainCollapsed:                    "collapsed",
	TrainSummaryHead:                  "%s (%s, margin %s) after %s steps",
	TrainSummaryHeadNoMargin:          "%s (%s) after %s steps",
	TrainSummaryHeadLoss:              "%s (margin %s) after %s steps",
	TrainSummaryHeadLossNoMargin:      "%s after %s steps",
	"train.loss-name.contrastive":     "contrastive",
	"train.loss-name.batch-all":       "batch-all",
	"train.loss-name.batch-hard":      "batch-hard",
	"train.loss-name.semi-hard":       "semi-hard",
	"train.loss-name.batch-hard-soft": "batch-hard-soft",
	"train.loss-name.infonce":         "infonce",
	TrainSummaryRow:                   "%s: %s → %s",
	TrainCollapsedAt:                  "  collapsed by step %s, the first printed step with the mean pairwise distance below 1%% of its start",
	TrainNotCollapse:                  "  no collapse at the printed steps",
	TrainYes:                          "yes",
	TrainNo:                           "no",
	TrainLoss:                         "loss",
	TrainAUC:                          "AUC",
	TrainActive:                       "active",
	TrainMeanPos:                      "mean d same",
	TrainMeanNeg:                      "mean d diff",
	TrainMeanDist:                     "mean pairwise distance",
	TrainGradNorm:                     "gradient norm |∂L/∂θ|",
	TrainDiverged:                     "the embeddings diverged at step %s (a parameter passed %s or is no longer a finite number): try a smaller --lr than %s",
}

// Messages of the training mode.
const (
	TrainModeHeader          ID = "train.mode.header"      // data, model, lr, batch, seed
	TrainModeHeaderNorm      ID = "train.mode.header-norm" // the same, on the unit circle
	TrainModeHeaderShort     ID = "train.mode.header-short"
	TrainModeHeaderNormShort ID = "train.mode.header-norm-short"
	TrainHelpTitle           ID = "train.help-title"   // over every key, while ? shows them
	TrainModePlaying         ID = "train.mode.playing" // steps per frame
	TrainModePaused          ID = "train.mode.paused"
	TrainPaneMargin          ID = "train.pane.margin"     // loss, margin
	TrainPaneNoMargin        ID = "train.pane.no-margin"  // loss
	TrainPaneFixedBase       ID = "train.pane.fixed-base" // loss, λ
	TrainPaneRun             ID = "train.pane.run"        // run name (a, b), the pane's title
	TrainPaneStep            ID = "train.pane.step"       // step, loss
	TrainPaneAUC             ID = "train.pane.auc"        // AUC, active
	TrainPaneMeans           ID = "train.pane.means"      // mean same, mean different
	TrainLegendMargin        ID = "train.legend.margin"
	TrainLegend              ID = "train.legend"
	TrainLossCaption         ID = "train.loss.caption" // top, gradient norm
	TrainHintStart           ID = "train.hint.start"
	TrainHintPaused          ID = "train.hint.paused"
	TrainHintPlaying         ID = "train.hint.playing"
	TrainCollapseMargin      ID = "train.collapse.margin0" // run, step, loss, grad
	TrainCollapseInSlow      ID = "train.collapse.in-slow" // run, step
	TrainCollapseHard        ID = "train.collapse.hardest" // run, step, loss ID, mean distance, loss, grad
	TrainCollapseOther       ID = "train.collapse.other"   // run, step, mean distance, start, loss, grad
	TrainCollapsePaused      ID = "train.collapse.paused"
	TrainErrorLine           ID = "train.error"         // error text
	TrainModeDiverged        ID = "train.mode.diverged" // step, MaxParam, lr
)

var trainModeEN = map[ID]string{
	TrainModeHeader:          "%s · model %s · lr %s · batch %s · seed %s",
	TrainModeHeaderNorm:      "%s · model %s on the unit circle · lr %s · batch %s · seed %s",
	TrainModeHeaderShort:     "%s · %s · lr %s · batch %s · seed %s",
	TrainModeHeaderNormShort: "%s · %s, unit circle · lr %s · batch %s · seed %s",
	TrainHelpTitle:           "keys · ? closes",
	TrainModePlaying:         "▶ %s/frame",
	TrainModePaused:          "⏸ paused",
	TrainPaneMargin:          "%s, margin %s",
	TrainPaneNoMargin:        "%s, no margin",
	TrainPaneFixedBase:       "%s, fixed λ = %s",
	TrainPaneRun:             "%s: %s",
	TrainPaneStep:            "step %s · loss %s",
	TrainPaneAUC:             "AUC %s · active %s",
	TrainPaneMeans:           "mean d: same %s · different %s",
	TrainLegendMargin:        "█ same ░ different ▓ both · m margin",
	TrainLegend:              "█ same ░ different ▓ both",
	TrainLossCaption:         "loss (top %s) · |∂L/∂θ| %s",
	TrainHintStart:           "Press space to train. The histogram shows the distances of same-class pairs (█) and of different-class pairs (░).",
	TrainHintPaused:          "Paused at step %s. Press space to go on, n for one step, r to return to the start.",
	TrainHintPlaying:         "Training. Press space to pause.",
	TrainCollapseInSlow:      "%s collapsed at step %s: w leaves slow mode and says why.",
	TrainCollapseMargin:      "%s collapsed at step %s: with margin 0, shrinking every distance lowers the loss and one spot for all points costs nothing (loss now %s), so descent shrinks the embedding rather than pushing the classes apart (|∂L/∂θ|=%s). A margin above 0 makes that spot cost something.",
	TrainCollapseHard:        "%s collapsed at step %s: %s pairs each anchor with its nearest negative, and with one map shared by every point the cheapest move early on was to shrink all distances together (mean now %s). The loss is %s (|∂L/∂θ|=%s). Semi-hard mining or the free model avoid this.",
	TrainCollapseOther:       "%s collapsed at step %s: the mean pairwise distance fell to %s, below 1%% of its start (%s); loss %s (|∂L/∂θ|=%s).",
	TrainCollapsePaused:      "Playing stopped at the collapse. Press space to go on, r to return to the start.",
	TrainErrorLine:           "✗ %s",
	TrainModeDiverged:        "✗ Training diverged at step %s: a parameter passed %s or is no longer a finite number. Halve the learning rate (now %s) with ↓, which restarts from step 0.",
}

// Help texts of the training mode's keys.
const (
	TrainKeyPlay            ID = "train.key.play"
	TrainKeyStep            ID = "train.key.step"
	TrainKeyFaster          ID = "train.key.faster"
	TrainKeySlower          ID = "train.key.slower"
	TrainKeyReset           ID = "train.key.reset"
	TrainKeyReseed          ID = "train.key.reseed"
	TrainKeyLoss            ID = "train.key.loss"
	TrainKeyCompare         ID = "train.key.compare"
	TrainKeyModel           ID = "train.key.model"
	TrainKeyData            ID = "train.key.data"
	TrainKeyNormalize       ID = "train.key.normalize"
	TrainKeyMarginDown      ID = "train.key.margin-down"
	TrainKeyMarginUp        ID = "train.key.margin-up"
	TrainKeyLeftMarginDown  ID = "train.key.left-margin-down"
	TrainKeyLeftMarginUp    ID = "train.key.left-margin-up"
	TrainKeyRightMarginDown ID = "train.key.right-margin-down"
	TrainKeyRightMarginUp   ID = "train.key.right-margin-up"
	TrainKeyLRDown          ID = "train.key.lr-down"
	TrainKeyLRUp            ID = "train.key.lr-up"
	TrainKeyMode            ID = "train.key.mode"
	TrainKeyHelp            ID = "train.key.help"
	TrainKeyQuit            ID = "train.key.quit"
	TrainKeyShortPlay       ID = "train.key.short.play"
	TrainKeyShortStep       ID = "train.key.short.step"
	TrainKeyShortReset      ID = "train.key.short.reset"
	TrainKeyShortLoss       ID = "train.key.short.loss"
	TrainKeyShortCompare    ID = "train.key.short.compare"
	TrainKeyShortHelp       ID = "train.key.short.help"
	TrainKeyShortQuit       ID = "train.key.short.quit"
)

var trainKeysEN = map[ID]string{
	TrainKeyPlay:            "play/pause",
	TrainKeyStep:            "one step",
	TrainKeyFaster:          "more steps/frame",
	TrainKeySlower:          "fewer steps/frame",
	TrainKeyReset:           "back to step 0",
	TrainKeyReseed:          "new seed",
	TrainKeyLoss:            "next loss",
	TrainKeyCompare:         "compare: next/off",
	TrainKeyModel:           "next model",
	TrainKeyData:            "next data set",
	TrainKeyNormalize:       "unit circle",
	TrainKeyMarginDown:      "margin −0.1",
	TrainKeyMarginUp:        "margin +0.1",
	TrainKeyLeftMarginDown:  "left margin −0.1",
	TrainKeyLeftMarginUp:    "left margin +0.1",
	TrainKeyRightMarginDown: "right margin −0.1",
	TrainKeyRightMarginUp:   "right margin +0.1",
	TrainKeyLRDown:          "lr ÷2",
	TrainKeyLRUp:            "lr ×2",
	TrainKeyMode:            "playground",
	TrainKeyHelp:            "all keys",
	TrainKeyQuit:            "quit",
	TrainKeyShortPlay:       "play",
	TrainKeyShortStep:       "step",
	TrainKeyShortReset:      "reset",
	TrainKeyShortLoss:       "loss",
	TrainKeyShortCompare:    "compare",
	TrainKeyShortHelp:       "keys",
	TrainKeyShortQuit:       "quit",
}

// TrainLossName is a training objective's display name (core/train's
// LossIDs, a loss with its miner): in English the ID itself, as typed after
// --loss; the ID for one the catalogue does not know.
func (p Printer) TrainLossName(id string) string {
	if _, ok := tables(English)[ID("train.loss-name."+id)]; ok {
		return p.T(ID("train.loss-name." + id))
	}
	return id
}
