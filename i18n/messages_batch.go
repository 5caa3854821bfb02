package i18n

// Messages of `losslab batch`'s text report and notes (the statistics, the
// sampling and method notes; the loss lines belong to the loss area).
const (
	BatchViewSampled      ID = "batch.view.sampled" // anchors, of N, seed
	BatchViewBinned       ID = "batch.view.binned"  // AUC bound
	BatchFlagMaxMemory    ID = "batch.flag.max-memory"
	BatchFlagSample       ID = "batch.flag.sample-anchors"
	BatchFlagSeed         ID = "batch.flag.seed"
	BatchFlagMaxRows      ID = "batch.flag.max-rows"
	BatchErrMaxRows       ID = "batch.err.max-rows" // %d rows
	BatchErrSize          ID = "batch.err.size"
	BatchErrSizeSmall     ID = "batch.err.size-small"
	BatchErrSample        ID = "batch.err.sample"
	BatchHeader           ID = "batch.header"            // source, N, dim, classes, class list, distance, margin
	BatchHeaderNormal     ID = "batch.header-normalized" // the same, rows L2-normalised
	BatchSampled          ID = "batch.sampled"           // anchors, of N, seed
	BatchReportTriplets   ID = "batch.triplets"          // easy, share, semi-hard, share, hard, share
	BatchReportSeparation ID = "batch.separation"
	BatchAUC              ID = "batch.auc"              // AUC, positive pairs, negative pairs
	BatchThreshold        ID = "batch.threshold"        // threshold, accuracy
	BatchCloser           ID = "batch.closer"           // median, margin, share
	BatchBinned           ID = "batch.binned"           // bins, AUC bound, median bound
	BatchBinnedSample     ID = "batch.binned-sample"    // bins, AUC bound, median bound
	BatchInterval         ID = "batch.interval"         // low, high
	BatchSlowAutoSample   ID = "batch.slow-auto-sample" // estimate, N, K, seed
	BatchSlowAll          ID = "batch.slow-all"         // estimate, N
	BatchMemoryBinned     ID = "batch.memory-binned"    // estimated exact bytes, budget
	BatchSampleTooLarge   ID = "batch.sample-too-large" // K, N
	BatchMinutes          ID = "batch.minutes"          // minutes
	BatchSeconds          ID = "batch.seconds"          // seconds
	BatchHours            ID = "batch.hours"            // hours
)

var batchEN = map[ID]string{
	BatchViewSampled:      "sampled: %s of %s anchors (seed %d): the figures below are estimates",
	BatchViewBinned:       "the AUC is binned to stay within the memory budget: within ±%s",
	BatchFlagMaxMemory:    "memory budget (`SIZE` such as 512MiB or 2GiB); above it the AUC and threshold are binned with an error bound, not exact",
	BatchFlagSample:       "`K`, auto or all: evaluate K anchors drawn at random, every figure with a 95% confidence interval; auto does so when the estimate passes 2 minutes",
	BatchFlagSeed:         "`SEED` of the anchor sample",
	BatchFlagMaxRows:      "refuse input with more data rows than `N`",
	BatchErrMaxRows:       "--max-rows %d: want at least 4",
	BatchErrSize:          "want a size such as 512MiB or 2GiB",
	BatchErrSizeSmall:     "want at least 1MiB",
	BatchErrSample:        "want auto, all or a number of anchors of at least 2",
	BatchHeader:           "%s: %s × %s, %s classes (%s), %s distance, margin %s",
	BatchHeaderNormal:     "%s: %s × %s, %s classes (%s), %s distance, margin %s, rows L2-normalised",
	BatchSampled:          "sampled: %s of %s anchors (seed %d); each figure is an estimate, its 95%% confidence interval in brackets",
	BatchReportTriplets:   "triplets     easy %s (%s)   semi-hard %s (%s)   hard %s (%s)",
	BatchReportSeparation: "separation of same-class and different-class pair distances",
	BatchAUC:              "  ROC AUC of \"d < t means same\"   %s   (%s positive, %s negative pairs)",
	BatchThreshold:        "  best threshold                  d ≤ %s means same: accuracy %s",
	BatchCloser:           "  negatives closer than median positive + m (%s + %s): %s",
	BatchBinned:           "  binned on %s bins to stay within the memory budget: the AUC is within ±%s and the median within ±%s of the exact values",
	BatchBinnedSample:     "  the sampled pairs are binned on %s bins: the AUC is within ±%s and the median within ±%s of the values over those pairs",
	BatchInterval:         "[%s, %s]",
	BatchSlowAutoSample:   "estimated %s for all %s anchors: sampling %s anchors at random (seed %d) instead; --sample-anchors all to wait for every anchor, --sample-anchors K to choose",
	BatchSlowAll:          "estimated %s for all %s anchors; --sample-anchors K would sample K anchors instead",
	BatchMemoryBinned:     "the exact AUC and threshold would need about %s of memory, more than --max-memory %s: binning them instead",
	BatchSampleTooLarge:   "--sample-anchors %s: the data has only %s rows, so every anchor is evaluated",
	BatchMinutes:          "%s minutes",
	BatchSeconds:          "%s seconds",
	BatchHours:            "%s hours",
}
