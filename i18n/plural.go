package i18n

// Messages about a count of things take the count's grammatical number in
// English: the catalogue's text is the plural ("%s steps"), and englishOne
// holds the text for exactly one ("%s step"). Chinese has no plural, so a
// Chinese text serves every count. TestCountMessagesHaveSingular finds the
// messages that count something and checks that each has its singular here.
var englishOne = map[ID]string{
	CLIErrLengths:                "%d component, but %s has %d",
	ScenSessionWrote:             "wrote %s (%s step)",
	TrainSummaryHead:             "%s (%s, margin %s) after %s step",
	TrainSummaryHeadNoMargin:     "%s (%s) after %s step",
	TrainSummaryHeadLoss:         "%s (margin %s) after %s step",
	TrainSummaryHeadLossNoMargin: "%s after %s step",
	LearnListDone:                "✓ %d of %d lesson",
	LossActiveShare:              "active %[1]s of %[2]s term",
	BatchSeconds:                 "%s second",
	BatchMinutes:                 "%s minute",
	BatchHours:                   "%s hour",
	ChartHistoryStates:           "%s state",
	BatchOptions:                 "distance %s · margin %s · %s bin",
	BatchOptionsNorm:             "distance %s · margin %s · %s bin · rows L2-normalised",
	BatchBinsMost:                "%s bin is the most the view offers",
	BatchBinsFewest:              "%s bin is the fewest the view offers",
	ChartHeatTooShort:            "Too few rows here to read the heatmap: %[1]d more row of terminal gives it %[2]d. f writes it as a figure (SVG).",
	FigHistoryTitle:              "Both losses at each state shown (%s state)",
	FigSamePairs:                 "same class (%s pair)",
	FigDifferentPairs:            "different class (%s pair)",
	DataFieldCount:               "%[1]d field, expected %[2]d like the first row",
	DataHeaderTypo:               "column %[1]d: %[2]q is not a number, but the row is not a header either (it has %[3]d numeric field): fix the value, or name every column in a header",
	DataMissingLabel:             "%[1]d field, no label column %[2]d",
	DataLabelCount:               "%[1]d label for %[2]d vectors in %[3]s",
	TrainModeRate:                "%s step/s",
	TrainHeldOutLine:             "held out (%s point): AUC %s · Recall@1 %s · MAP@R %s",
}

// N is T for a message about n things: the singular text when the
// language's rule says n takes it (in English, n = 1) and the message has
// one, else the text T gives. A message shown in English for want of a
// translation follows English's rule.
func (p Printer) N(id ID, n int64, args ...any) string {
	l := p.lang
	if !Has(l, id) {
		l = English
	}
	if lang := languages[l]; lang.singular != nil && lang.singular(n) {
		if one, ok := lang.one[id]; ok {
			return p.format(one, args)
		}
	}
	return p.T(id, args...)
}
