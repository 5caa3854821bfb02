package i18n

// Messages of the loss sections (eval, batch, the playground's variants).
// A loss's name comes with the loss (core/loss carries its English source
// text); a catalogue translates it under "loss.name.<ID>", so adding a loss
// needs no entry here.
const (
	LossVariantsHeading ID = "loss.variants.heading" // section title in eval's text
	LossVariantsLine    ID = "loss.variants.line"    // %s: the variants joined
	LossWithParams      ID = "loss.with-params"      // %[1]s name, %[2]s parameters
	LossTemperature     ID = "loss.param.temperature"
	LossPairMean        ID = "loss.pair-mean" // %s formula of a pair term
	LossEquals          ID = "loss.equals"    // %[1]s parameters, %[2]s the other loss's name
	LossBatchHeading    ID = "loss.batch.heading"
	LossStrategy        ID = "loss.batch.strategy" // %[1]s miner, %[2]s reducer
	LossActiveShare     ID = "loss.batch.active"   // %[1]s percent, %[2]s count
	LossListSeparator   ID = "loss.list-separator"
	LossStrategyShort   ID = "loss.batch.strategy-short" // %[1]s miner, %[2]s reducer
	LossValue           ID = "loss.value"                // %[1]s name, %[2]s value
	LossBatchLabel      ID = "loss.batch.label"          // the TUI's row label
	LossEqualsShort     ID = "loss.equals-short"         // %[1]s loss, %[2]s parameters, %[3]s the other loss
	LossFlagTemperature ID = "loss.flag.temperature"     // help of --temperature
	LossValueNoted      ID = "loss.value-noted"          // %[1]s name, %[2]s value, %[3]s a sentence about it
	LossErrNotPositive  ID = "loss.err.not-positive"     // %s the value given
)

// Miner and reducer names, by the stable IDs of core/batch.
var minerNames = map[string]ID{
	"all-pairs":        "loss.miner.all-pairs",
	"all-triplets":     "loss.miner.all-triplets",
	"batch-hard":       "loss.miner.batch-hard",
	"semi-hard":        "loss.miner.semi-hard",
	"hardest-negative": "loss.miner.hardest-negative",
	"random-negative":  "loss.miner.random-negative",
	"all-positives":    "loss.miner.all-positives",
}

var minerShortNames = map[string]ID{
	"all-pairs":        "loss.miner-short.all-pairs",
	"all-triplets":     "loss.miner-short.all-triplets",
	"batch-hard":       "loss.miner-short.batch-hard",
	"semi-hard":        "loss.miner-short.semi-hard",
	"hardest-negative": "loss.miner-short.hardest-negative",
	"random-negative":  "loss.miner-short.random-negative",
	"all-positives":    "loss.miner-short.all-positives",
}

// reducerShortNames leave out the mean, which a short label implies.
var reducerShortNames = map[string]ID{
	"mean-non-zero":   "loss.reducer-short.mean-non-zero",
	"per-anchor-mean": "loss.reducer-short.per-anchor-mean",
	"sum":             "loss.reducer-short.sum",
}

// Distance names, by the stable IDs of core/dist. English names a distance
// by its ID ("euclidean distance"); another language by its own name.
var metricNames = map[string]ID{
	"euclidean":   "metric.euclidean",
	"sqeuclidean": "metric.sqeuclidean",
	"manhattan":   "metric.manhattan",
	"cosine":      "metric.cosine",
}

var reducerNames = map[string]ID{
	"mean":            "loss.reducer.mean",
	"mean-non-zero":   "loss.reducer.mean-non-zero",
	"per-anchor-mean": "loss.reducer.per-anchor-mean",
	"sum":             "loss.reducer.sum",
}

var lossEN = map[ID]string{
	LossVariantsHeading: "variants",
	LossVariantsLine:    "variants: %s",
	LossWithParams:      "%[1]s at %[2]s",
	LossTemperature:     "τ = %s",
	LossPairMean:        "%s, mean",
	LossEquals:          "at %[1]s this is the %[2]s",
	LossBatchHeading:    "losses (terms chosen by a miner, made one number by a reducer)",
	LossStrategy:        "%[1]s, %[2]s",
	LossActiveShare:     "active %[1]s of %[2]s terms",
	LossListSeparator:   " · ",
	LossStrategyShort:   "%[1]s, %[2]s",
	LossValue:           "%[1]s %[2]s",
	LossBatchLabel:      "losses",
	LossEqualsShort:     "%[1]s at %[2]s is %[3]s",
	LossFlagTemperature: "temperature τ > 0 of the losses that use one (InfoNCE; default 0.1, at 1 it is the soft-margin triplet)",
	LossErrNotPositive:  "%s must be > 0",
	LossValueNoted:      "%[1]s: %[2]s; %[3]s",

	"loss.miner-short.all-pairs":        "all pairs",
	"loss.miner-short.all-triplets":     "all",
	"loss.miner-short.batch-hard":       "batch-hard",
	"loss.miner-short.semi-hard":        "semi-hard",
	"loss.miner-short.hardest-negative": "hardest",
	"loss.miner-short.random-negative":  "random",
	"loss.miner-short.all-positives":    "softmax",

	"loss.reducer-short.mean-non-zero":   "non-zero mean",
	"loss.reducer-short.per-anchor-mean": "per anchor",
	"loss.reducer-short.sum":             "sum",

	"loss.miner.all-pairs":        "all pairs",
	"loss.miner.all-triplets":     "all triplets",
	"loss.miner.batch-hard":       "batch-hard (Hermans 2017)",
	"loss.miner.semi-hard":        "semi-hard (TF Addons rule)",
	"loss.miner.hardest-negative": "hardest negative",
	"loss.miner.random-negative":  "random negative",
	"loss.miner.all-positives":    "positive pairs, softmax over the batch",

	"loss.reducer.mean":            "mean",
	"loss.reducer.mean-non-zero":   "mean of non-zero terms",
	"loss.reducer.per-anchor-mean": "mean over anchors",
	"loss.reducer.sum":             "sum",

	"metric.euclidean":   "euclidean",
	"metric.sqeuclidean": "sqeuclidean",
	"metric.manhattan":   "manhattan",
	"metric.cosine":      "cosine",
}

// LossShortName is a loss's short name where room is scarce: the
// catalogue's "loss.short.<id>", else english.
func (p Printer) LossShortName(id, english string) string {
	if s, ok := tables(p.lang)[ID("loss.short."+id)]; ok {
		return s
	}
	return english
}

// StrategyShortName is a batch strategy's short label: the miner's short
// name, then the reducer's where it is not the plain mean.
func (p Printer) StrategyShortName(miner, reducer string) string {
	m := p.named(minerShortNames, miner)
	if r, ok := reducerShortNames[reducer]; ok {
		return p.T(LossStrategyShort, m, p.T(r))
	}
	return m
}

// LossName is a loss's name in p's language: the catalogue's
// "loss.name.<id>" where it has one, else english, the loss's own name.
func (p Printer) LossName(id, english string) string {
	key := ID("loss.name." + id)
	if s, ok := tables(p.lang)[key]; ok {
		return s
	}
	return english
}

// MinerName is the display name of a core/batch miner ID (the ID itself
// for one the catalogue does not know).
func (p Printer) MinerName(id string) string { return p.named(minerNames, id) }

// MetricName is the display name of a core/dist distance ID: the ID itself
// in English ("euclidean", as a message writes "%s distance"), the
// distance's name in Chinese (欧氏距离, and the message has no 距离 of its own).
func (p Printer) MetricName(id string) string { return p.named(metricNames, id) }

// ReducerName is the display name of a core/batch reducer ID.
func (p Printer) ReducerName(id string) string { return p.named(reducerNames, id) }

func (p Printer) named(ids map[string]ID, id string) string {
	if key, ok := ids[id]; ok {
		return p.T(key)
	}
	return id
}
