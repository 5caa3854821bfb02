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
