package i18n

// Messages of the training command and mode.
const (
	TrainRun         ID = "train.column.run"
	TrainStep        ID = "train.column.step"
	TrainCollapsed   ID = "train.column.collapsed"
	TrainSummaryHead ID = "train.summary.head" // run name, steps
	TrainSummaryRow  ID = "train.summary.row"  // what, initial, final
	TrainCollapsedAt ID = "train.summary.collapsed-at"
	TrainNotCollapse ID = "train.summary.not-collapsed"
	TrainYes         ID = "train.yes"
	TrainNo          ID = "train.no"
	TrainLoss        ID = "train.metric.loss"
	TrainAUC         ID = "train.metric.auc"
	TrainActive      ID = "train.metric.active"
	TrainMeanPos     ID = "train.metric.mean-positive"
	TrainMeanNeg     ID = "train.metric.mean-negative"
	TrainMeanDist    ID = "train.metric.mean-distance"
	TrainGradNorm    ID = "train.metric.grad-norm"
	TrainDiverged    ID = "train.error.diverged" // step, lr
)

var trainEN = map[ID]string{
	TrainRun:         "run",
	TrainStep:        "step",
	TrainCollapsed:   "collapsed",
	TrainSummaryHead: "%s after %s steps",
	TrainSummaryRow:  "%s: %s → %s",
	TrainCollapsedAt: "  collapsed at step %s: the mean pairwise distance fell below 1%% of its start",
	TrainNotCollapse: "  no collapse",
	TrainYes:         "yes",
	TrainNo:          "no",
	TrainLoss:        "loss",
	TrainAUC:         "AUC",
	TrainActive:      "active",
	TrainMeanPos:     "mean d same",
	TrainMeanNeg:     "mean d diff",
	TrainMeanDist:    "mean pairwise distance",
	TrainGradNorm:    "gradient norm |∂L/∂θ|",
	TrainDiverged:    "the embeddings diverged at step %d (they are no longer finite): try a smaller --lr than %s",
}

// Messages of the training mode.
const (
	TrainModeHeader     ID = "train.mode.header"      // data, model, lr, batch, seed
	TrainModeHeaderNorm ID = "train.mode.header-norm" // the same, on the unit circle
	TrainModePlaying    ID = "train.mode.playing"     // steps per frame
	TrainModePaused     ID = "train.mode.paused"
	TrainPaneMargin     ID = "train.pane.margin"    // loss, margin
	TrainPaneNoMargin   ID = "train.pane.no-margin" // loss
	TrainPaneStep       ID = "train.pane.step"      // step, loss
	TrainPaneAUC        ID = "train.pane.auc"       // AUC, active
	TrainPaneMeans      ID = "train.pane.means"     // mean same, mean different
	TrainLegendMargin   ID = "train.legend.margin"
	TrainLegend         ID = "train.legend"
	TrainLossCaption    ID = "train.loss.caption" // top, gradient norm
	TrainScatterCaption ID = "train.scatter.caption"
	TrainHintStart      ID = "train.hint.start"
	TrainHintPaused     ID = "train.hint.paused"
	TrainHintPlaying    ID = "train.hint.playing"
	TrainCollapseMargin ID = "train.collapse.margin0" // run, step, loss, grad
	TrainCollapseHard   ID = "train.collapse.hardest" // run, step, loss ID, mean distance, loss, grad
	TrainCollapseOther  ID = "train.collapse.other"   // run, step, mean distance, start, loss, grad
	TrainCollapsePaused ID = "train.collapse.paused"
	TrainErrorLine      ID = "train.error" // error text
)

var trainModeEN = map[ID]string{
	TrainModeHeader:     "%s · model %s · lr %s · batch %s · seed %s",
	TrainModeHeaderNorm: "%s · model %s on the unit circle · lr %s · batch %s · seed %s",
	TrainModePlaying:    "▶ %s/frame",
	TrainModePaused:     "⏸ paused",
	TrainPaneMargin:     "%s, margin %s",
	TrainPaneNoMargin:   "%s, no margin",
	TrainPaneStep:       "step %s · loss %s",
	TrainPaneAUC:        "AUC %s · active %s",
	TrainPaneMeans:      "mean d: same %s · different %s",
	TrainLegendMargin:   "█ same ░ different ▓ both ┊ margin",
	TrainLegend:         "█ same ░ different ▓ both",
	TrainLossCaption:    "loss (top %s) · |∂L/∂θ| %s",
	TrainScatterCaption: "embeddings, one glyph per class",
	TrainHintStart:      "Press space to train. The histogram shows the distances of same-class pairs (█) and of different-class pairs (░).",
	TrainHintPaused:     "Paused at step %s. Press space to go on, n for one step, r to return to the start.",
	TrainHintPlaying:    "Training. Press space to pause.",
	TrainCollapseMargin: "%s collapsed at step %s: with margin 0, putting every point on one spot costs nothing (loss now %s), so nothing pushes the classes apart (|∂L/∂θ|=%s). A margin above 0 makes that spot cost something.",
	TrainCollapseHard:   "%s collapsed at step %s: %s pairs each anchor with its nearest negative, and with one map shared by every point the cheapest move early on was to shrink all distances together (mean now %s). The loss is %s (|∂L/∂θ|=%s). Semi-hard mining or the free model avoid this.",
	TrainCollapseOther:  "%s collapsed at step %s: the mean pairwise distance fell to %s, below 1%% of its start (%s); loss %s (|∂L/∂θ|=%s).",
	TrainCollapsePaused: "Playing stopped at the collapse. Press space to go on, r to return to the start.",
	TrainErrorLine:      "✗ %s",
}
