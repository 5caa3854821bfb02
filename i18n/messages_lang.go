package i18n

// Messages of the language choice itself (the --lang flag). The Chinese
// texts of every area are in messages_AREA_zh.go.
const (
	LangFlag    ID = "lang.flag"
	LangUsage   ID = "lang.usage"
	LangUnknown ID = "lang.unknown"  // %q what was given
	LangNotUTF8 ID = "lang.not-utf8" // %[1]s the locale's character set, %[2]s a UTF-8 locale to use

	// Words the screens drew as English literals: the margin control's name
	// (d(a,p), y(a,n) … are symbols and stay), the histogram's pair kinds.
	FieldMargin ID = "lang.field.margin"
	HistSame    ID = "lang.histogram.same"
	HistDiff    ID = "lang.histogram.different"

	// eval's text output, line by line (its loss sections after the two
	// classic losses are the loss area's). The column of labels is 13 cells.
	EvalInputs      ID = "lang.eval.inputs"       // %[1]s m, %[2]s y(a,p), %[3]s y(a,n)
	EvalDistances   ID = "lang.eval.distances"    // %[1]s d(a,p), %[2]s d(a,n)
	EvalDistancesAP ID = "lang.eval.distances-ap" // %[1]s metric, %[2]s d(a,p)
	EvalDistancesAN ID = "lang.eval.distances-an" // %[1]s metric, %[2]s d(a,n)
	EvalTriplet     ID = "lang.eval.triplet"      // %s formula
	EvalContinued   ID = "lang.eval.continued"    // %s a line under the section's first
	EvalContrastive ID = "lang.eval.contrastive"  // %s one pair's formula
	EvalMean        ID = "lang.eval.mean"         // %s the mean

	// batch's text report around its loss section, and its progress line.
	BatchTextHeader     ID = "lang.batch.header"      // %[1]s source, %[2]s rows, %[3]s dims, %[4]s classes, %[5]s their names, %[6]s metric, %[7]s margin
	BatchTextHeaderNorm ID = "lang.batch.header-norm" // the same, rows L2-normalised
	BatchTextTriplets   ID = "lang.batch.triplets"    // %[1]s easy, %[2]s its share, %[3]s semi-hard, %[4]s, %[5]s hard, %[6]s
	BatchTextSeparation ID = "lang.batch.separation"
	BatchTextAUC        ID = "lang.batch.auc"       // %[1]s AUC, %[2]s positive pairs, %[3]s negative pairs
	BatchTextThreshold  ID = "lang.batch.threshold" // %[1]s threshold, %[2]s accuracy
	BatchTextInside     ID = "lang.batch.inside"    // %[1]s median positive, %[2]s m, %[3]s share
	BatchTextProgress   ID = "lang.batch.progress"  // %s percent done
)

var langEN = map[ID]string{
	LangFlag:    "language of the text: en or zh (default: the locale's, read as GNU gettext reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG; zh when it starts with zh, else en)",
	LangUsage:   "Every command takes --lang en|zh, the language of its text; without it, the locale decides as in GNU gettext (LANGUAGE first, unless the locale is C; then LC_ALL, LC_MESSAGES, LANG): one starting with zh means Chinese. The Chinese text is Simplified Chinese, under zh_TW and zh_HK too. Output is UTF-8: under a locale with another character set (GB18030, Big5) losslab refuses to write to a terminal.",
	LangUnknown: "%q is not a language: want en or zh",
	LangNotUTF8: "losslab: the locale's character set is %[1]s, and losslab writes UTF-8 only: run it under a UTF-8 locale, such as LANG=%[2]s",
	FieldMargin: "margin",
	HistSame:    "same",
	HistDiff:    "diff",

	EvalInputs:      "inputs       margin m = %[1]s   y(a,p) = %[2]s   y(a,n) = %[3]s",
	EvalDistances:   "distances    d(a,p) = %[1]s   d(a,n) = %[2]s",
	EvalDistancesAP: "distances    d(a,p) = %[1]s(anchor, positive) = %[2]s",
	EvalDistancesAN: "             d(a,n) = %[1]s(anchor, negative) = %[2]s",
	EvalTriplet:     "triplet      %s",
	EvalContinued:   "             %s",
	EvalContrastive: "contrastive  %s per pair, mean over pairs",
	EvalMean:        "             mean = %s",

	BatchTextHeader:     "%[1]s: %[2]s × %[3]s, %[4]s classes (%[5]s), %[6]s distance, margin %[7]s",
	BatchTextHeaderNorm: "%[1]s: %[2]s × %[3]s, %[4]s classes (%[5]s), %[6]s distance, margin %[7]s, rows L2-normalised",
	BatchTextTriplets:   "triplets     easy %[1]s (%[2]s)   semi-hard %[3]s (%[4]s)   hard %[5]s (%[6]s)",
	BatchTextSeparation: "separation of same-class and different-class pair distances",
	BatchTextAUC:        "  ROC AUC of \"d < t means same\"   %[1]s   (%[2]s positive, %[3]s negative pairs)",
	BatchTextThreshold:  "  best threshold                  d ≤ %[1]s means same: accuracy %[2]s",
	BatchTextInside:     "  negatives closer than median positive + m (%[1]s + %[2]s): %[3]s",
	BatchTextProgress:   "%s of the anchors",
}
