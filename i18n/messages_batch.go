package i18n

// Messages of `losslab batch` about sampling, binning, limits and budgets:
// its flags, notes on stderr, the sampled and binned lines of the report and
// the view (the rest of the report is in messages_lang.go and the loss area).
const (
	BatchViewSampled    ID = "batch.view.sampled" // anchors, of N, seed
	BatchViewBinned     ID = "batch.view.binned"  // AUC bound
	BatchViewExact      ID = "batch.view.exact"
	BatchFlagMaxMemory  ID = "batch.flag.max-memory"
	BatchFlagSample     ID = "batch.flag.sample-anchors"
	BatchFlagSeed       ID = "batch.flag.seed"
	BatchFlagMaxRows    ID = "batch.flag.max-rows"
	BatchErrMaxRows     ID = "batch.err.max-rows"     // %d rows
	BatchErrSize        ID = "batch.err.size"         // the value as typed
	BatchErrSizeUnit    ID = "batch.err.size-unit"    // the value, its unit
	BatchErrSizeWhole   ID = "batch.err.size-whole"   // the value, the same size in whole units
	BatchErrSizeLarge   ID = "batch.err.size-large"   // the value
	BatchErrSizeSmall   ID = "batch.err.size-small"   // the value
	BatchErrSample      ID = "batch.err.sample"       // the value as typed
	BatchErrSampleSmall ID = "batch.err.sample-small" // the value, the minimum
	BatchNoInterval     ID = "batch.no-interval"      // in place of an interval
	BatchNoIntervalNote ID = "batch.no-interval-note"
	BatchSampled        ID = "batch.sampled"          // anchors, of N, seed
	BatchExact          ID = "batch.exact"            // anchors, pairs
	BatchBinned         ID = "batch.binned"           // anchors, bins, AUC bound
	BatchBinnedSample   ID = "batch.binned-sample"    // bins, AUC bound, median bound
	BatchInterval       ID = "batch.interval"         // low, high
	BatchSlowAutoSample ID = "batch.slow-auto-sample" // estimate, N, K, seed
	BatchSlowAll        ID = "batch.slow-all"         // estimate, N
	BatchMemoryBinned   ID = "batch.memory-binned"    // estimated exact bytes, budget
	BatchSampleTooLarge ID = "batch.sample-too-large" // K, N
	BatchMinutes        ID = "batch.minutes"          // minutes
	BatchSeconds        ID = "batch.seconds"          // seconds
	BatchHours          ID = "batch.hours"            // hours
)

var batchEN = map[ID]string{
	BatchViewSampled:    "sampled: %[1]s of %[2]s anchors (seed %[3]d): the figures below are estimates",
	BatchViewBinned:     "the AUC is binned to stay within the memory budget: within ±%[1]s",
	BatchViewExact:      "exact: every figure over every anchor and pair",
	BatchFlagMaxMemory:  "memory budget (`SIZE` such as 512MiB or 2GiB): the data read may take a quarter of it; above it the AUC is binned with an error bound, not exact",
	BatchFlagSample:     "`K`, auto or all: evaluate K anchors (at least 30) drawn at random, every figure with a 95 percent confidence interval; auto does so when the estimate passes 5 minutes",
	BatchFlagSeed:       "`SEED` of the anchor sample",
	BatchFlagMaxRows:    "refuse input with more data rows than `N`",
	BatchErrMaxRows:     "--max-rows %[1]d: want at least 4",
	BatchErrSize:        "%[1]q is not a size: want a whole number and a unit, such as 512MiB or 2GiB",
	BatchErrSizeUnit:    "%[1]q: the unit %[2]q is not one losslab knows: use B, KiB, MiB, GiB or TiB (K, M, G, T and KB, MB, GB, TB mean the same, powers of 1024)",
	BatchErrSizeWhole:   "%[1]q: a size is a whole number of its unit: write %[2]s",
	BatchErrSizeLarge:   "%[1]q is more memory than any machine has",
	BatchErrSizeSmall:   "%[1]q is less than the smallest budget, 1MiB",
	BatchErrSample:      "%[1]q: want auto, all or a whole number of anchors",
	BatchErrSampleSmall: "%[1]q: a 95%% confidence interval needs a sample of at least %[2]s anchors: give more, or all",
	BatchNoInterval:     "[no interval]",
	BatchNoIntervalNote: "[no interval]: the figure does not vary across the sampled anchors (or has terms at one of them or none), so the sample cannot say how far off it may be; sample more anchors with --sample-anchors, or all",
	BatchSampled:        "sampled: %[1]s of %[2]s anchors (seed %[3]d); each figure is an estimate, its 95%% confidence interval in brackets",
	BatchExact:          "exact: every figure over all %[1]s anchors and %[2]s pairs",
	BatchBinned:         "binned: every figure over all %[1]s anchors; to stay within the memory budget the AUC is counted on %[2]s bins, within ±%[3]s of its exact value; every other figure is exact",
	BatchBinnedSample:   "  the sampled pairs are binned on %[1]s bins: the AUC is within ±%[2]s and the median within ±%[3]s of the values over those pairs",
	BatchInterval:       "[%[1]s, %[2]s]",
	BatchSlowAutoSample: "estimated %[1]s for all %[2]s anchors: sampling %[3]s anchors at random (seed %[4]d) instead; --sample-anchors all to wait for every anchor, --sample-anchors K to choose",
	BatchSlowAll:        "estimated %[1]s for all %[2]s anchors; --sample-anchors K would sample K anchors instead",
	BatchMemoryBinned:   "the exact AUC would need about %[1]s of memory, more than --max-memory %[2]s: binning it instead (every other figure stays exact)",
	BatchSampleTooLarge: "--sample-anchors %[1]s: the data has only %[2]s rows, so every anchor is evaluated",
	BatchMinutes:        "%s minutes",
	BatchSeconds:        "%s seconds",
	BatchHours:          "%s hours",
}
