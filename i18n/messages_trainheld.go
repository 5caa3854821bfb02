package i18n

// Messages of training's held-out figures, scale and temperature (issue 18).
const (
	TrainFlagTemperature     ID = "train.flag.temperature"
	TrainFlagSimilarity      ID = "train.flag.similarity"
	TrainFlagHoldout         ID = "train.flag.holdout"
	TrainFlagHoldoutClasses  ID = "train.flag.holdout-classes"
	TrainFlagOut             ID = "train.flag.out"
	TrainFlagOutHeldOut      ID = "train.flag.out-heldout"
	TrainErrHoldoutClasses   ID = "train.err.holdout-classes"    // value
	TrainErrHoldoutClassesOf ID = "train.err.holdout-classes-of" // value, classes of the data
	TrainErrOutExists        ID = "train.err.out-exists"         // flag, path
	TrainErrOutNone          ID = "train.err.out-none"           // flag: no points to write
	TrainErrOutFree          ID = "train.err.out-free"           // flag: the free model has no held-out embeddings

	TrainRecall1     ID = "train.metric.recall-at-1"
	TrainScale       ID = "train.column.scale"
	TrainScaleRatio  ID = "train.metric.scale-ratio"
	TrainHeldOutLine ID = "train.heldout.line" // points (counted), AUC, Recall@1, MAP@R
	TrainHeldOutFree ID = "train.heldout.free"
	TrainHeldOutNone ID = "train.heldout.none"
	// TrainNoteHeldOutNone is the note under the panes that says why.
	TrainNoteHeldOutNone ID = "train.note.heldout-none"

	TrainScaleShrinkMargin ID = "train.scale.shrink-margin0" // run, ratio
	TrainScaleShrinkHard   ID = "train.scale.shrink-hardest" // run, ratio, loss ID
	TrainScaleShrinkOther  ID = "train.scale.shrink-other"   // run, ratio
	TrainScaleGrowGap      ID = "train.scale.grow-gap"       // run, ratio
	TrainScaleGrowOther    ID = "train.scale.grow-other"     // run, ratio
	TrainScaleAUCNote      ID = "train.scale.auc-note"
	// Short forms of the notes above and of TrainNoteEasyOverlap, for a
	// window too small for the whole (same arguments).
	TrainScaleShrinkMarginShort ID = "train.scale.shrink-margin0.short"
	TrainScaleShrinkHardShort   ID = "train.scale.shrink-hardest.short"
	TrainScaleShrinkOtherShort  ID = "train.scale.shrink-other.short"
	TrainScaleGrowGapShort      ID = "train.scale.grow-gap.short"
	TrainNoteEasyOverlapShort   ID = "train.note.easy-overlap.short"

	TrainKeyGoto         ID = "train.key.goto"
	TrainPromptStep      ID = "train.prompt.step"       // digits typed
	TrainPromptRange     ID = "train.prompt.range"      // first, last step
	TrainModeRunning     ID = "train.mode.running"      // target step
	TrainModeRate        ID = "train.mode.rate"         // steps a second
	TrainModeStepSeconds ID = "train.mode.step-seconds" // seconds a step, below one step a second
	TrainHintRunning     ID = "train.hint.running"      // target, step now

	TrainKeyFixAxis            ID = "train.key.fix-axis"
	TrainKeyTemperature        ID = "train.key.temperature"
	TrainLegendGap             ID = "train.legend.gap"
	TrainPaneTemperature       ID = "train.pane.temperature" // loss, τ, similarity
	TrainSimilarityCosine      ID = "train.similarity.cosine"
	TrainSimilarityNegDistance ID = "train.similarity.neg-distance"
	TrainPaneScale             ID = "train.pane.scale" // ratio, mean distance
	TrainPaneAxisFixed         ID = "train.pane.axis-fixed"
	TrainPaneAxisFixedPast     ID = "train.pane.axis-fixed-past" // share of the training distances past the axis's end
	TrainPaneHeldOut           ID = "train.pane.heldout"         // AUC, Recall@1, MAP@R
	TrainPaneHeldOutNone       ID = "train.pane.heldout-none"
	TrainNoteFree              ID = "train.note.free"
	TrainPaneHeldOutFree       ID = "train.pane.heldout-free"
	TrainNoteEasyOverlap       ID = "train.note.easy-overlap" // run, AUC
	TrainLegendHeldOut         ID = "train.legend.heldout"
	TrainLegendHeldOutClasses  ID = "train.legend.heldout-classes"
	TrainPaneHeldOutNoRoom     ID = "train.pane.heldout-no-room"
	TrainPaneNoRoomCharts      ID = "train.pane.no-room-charts"

	StateReasonTrainTemperature    ID = "share.state.train-temperature"     // smallest, largest
	StateReasonTrainHoldoutClasses ID = "share.state.train-holdout-classes" // the data set's classes
)

var trainHeldEN = map[ID]string{
	TrainFlagTemperature:     "InfoNCE's temperature τ, 0.01 to 10",
	TrainFlagSimilarity:      "what InfoNCE compares: cosine (the cosine similarity of L2-normalised embeddings, SupCon's form) or neg-distance (s = −d, the Euclidean distance of the raw embeddings)",
	TrainFlagHoldout:         "share of each class's points the model never trains on, 0 to 0.75; the held-out figures are measured on them",
	TrainFlagHoldoutClasses:  "hold out this many whole classes instead (the open-set case): at least 2, and at least 2 must train",
	TrainFlagOut:             "write the embeddings of the training points the metrics measure as CSV (x,y,label) to this new `FILE`, which 'losslab batch --in' reads",
	TrainFlagOutHeldOut:      "the same for the held-out points, to this new `FILE`",
	TrainErrHoldoutClasses:   "%s: want 0 (none) or at least 2 whole classes",
	TrainErrHoldoutClassesOf: "%s of the data set's classes (it has %s): want at least 2 held out and at least 2 training",
	TrainErrOutExists:        "--%s %s: the file exists; name a new one",
	TrainErrOutNone:          "--%s: there are no such points to write (--holdout 0 holds none out)",
	TrainErrOutFree:          "--%s: there are no such points to write (the free model has no embedding for a held-out point)",

	TrainRecall1:         "Recall@1",
	TrainScale:           "scale",
	TrainScaleRatio:      "scale (mean pairwise distance ÷ step 0)",
	TrainHeldOutLine:     "held out (%s points): AUC %s · Recall@1 %s · MAP@R %s",
	TrainHeldOutFree:     "held out: — the free model has no embedding for a point it never trained on",
	TrainHeldOutNone:     "held out: — no point is held out",
	TrainNoteHeldOutNone: "No point is held out, so there are no held-out figures.",

	TrainScaleShrinkMargin:      "%s is shrinking: the mean pairwise distance is %s of its start. With margin 0 every term scales with the distances (by c or c² when all are scaled by c), so shrinking everything together lowers the loss without separating anything; with a margin above 0 a shrunken embedding pays the margin.",
	TrainScaleShrinkHard:        "%s is shrinking: the mean pairwise distance is %s of its start. %s picks each anchor's nearest negative, and with one map shared by every point the cheapest move is to shrink all distances together.",
	TrainScaleShrinkOther:       "%s is shrinking: the mean pairwise distance is %s of its start, less than a tenth.",
	TrainScaleGrowGap:           "%s is growing: the mean pairwise distance is %s times its start. Its terms fall as d(a,n) − d(a,p) grows and none grows with the scale, so stretching every distance keeps lowering the loss; the unit circle (--normalize) bounds it.",
	TrainScaleGrowOther:         "%s is growing: the mean pairwise distance is %s times its start, more than tenfold.",
	TrainScaleShrinkMarginShort: "%s is shrinking (scale %s): with margin 0, shrinking every distance lowers the loss without separating anything; AUC and Recall@1 depend only on the distances' order and do not see it.",
	TrainScaleShrinkHardShort:   "%s is shrinking (scale %s): with %s's nearest negatives and one shared map, shrinking everything is the cheapest move; AUC and Recall@1 depend only on the distances' order and do not see it.",
	TrainScaleShrinkOtherShort:  "%s is shrinking (scale %s); AUC and Recall@1 depend only on the distances' order and do not see it.",
	TrainScaleGrowGapShort:      "%s is growing (scale %s): its terms fall as d(a,n) − d(a,p) grows, so stretching pays; --normalize bounds it.",
	TrainNoteEasyOverlapShort:   "%s: every triplet of these points is easy, yet the distances overlap (AUC %s): a triplet compares one anchor's distances only.",
	TrainScaleAUCNote:           "AUC and Recall@1 depend only on the order of the distances, so shrinking every distance by one factor leaves them as they were; the scale ratio shows the shrink (and a triplet loss with a margin pinned at m suggests a collapse).",

	StateReasonTrainTemperature:    "the temperature must be from %s to %s",
	StateReasonTrainHoldoutClasses: "the classes held out must be 0, or at least 2 with at least 2 of the data set's %d training",

	TrainKeyGoto:         "run to step N",
	TrainPromptStep:      "Run to step: %s▏ enter trains to it, esc closes.",
	TrainPromptRange:     "Type a step from %s to %s.",
	TrainModeRunning:     "▶ to step %s",
	TrainModeRate:        "%s steps/s",
	TrainModeStepSeconds: "%s s a step",
	TrainHintRunning:     "Training to step %s, now at step %s, apart from the screen: keys still answer. Space stops, q quits.",

	TrainKeyFixAxis:            "fix the distance axis",
	TrainKeyTemperature:        "InfoNCE's τ: next",
	TrainLegendGap:             "▒ per anchor: min d(a,n) − max d(a,p)",
	TrainPaneTemperature:       "%s, τ %s, %s",
	TrainSimilarityCosine:      "cosine (SupCon)",
	TrainSimilarityNegDistance: "s = −d",
	TrainPaneScale:             "scale %s × step 0",
	TrainPaneAxisFixed:         "axis fixed",
	TrainPaneAxisFixedPast:     "axis fixed, %s of distances past its end",
	TrainPaneHeldOut:           "held out: AUC\u00a0%s · R@1\u00a0%s · MAP@R\u00a0%s",
	TrainPaneHeldOutNone:       "held out: —",
	TrainPaneHeldOutFree:       "held out: — (free model: reads no input)",
	TrainNoteFree:              "The free model never reads its inputs: the data only gives labels and colours, and a held-out point has no embedding.",
	TrainLegendHeldOut:         "↑ training points · ↓ held-out points",
	TrainLegendHeldOutClasses:  "↑ training · ↓ held-out classes",
	TrainPaneNoRoomCharts:      "no room for charts",
	TrainPaneHeldOutNoRoom:     "its histograms: no room",
	TrainNoteEasyOverlap:       "%s: every point's gap as anchor is at least m, so every triplet is easy and the loss on these points is 0, yet the same-class and different-class distances still overlap (AUC %s): a triplet compares the distances of one anchor, not of different anchors.",
}
