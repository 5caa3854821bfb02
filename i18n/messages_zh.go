package i18n

// Messages of the language choice itself (the --lang flag). The Chinese
// texts of every area are in messages_AREA_zh.go.
const (
	LangFlag    ID = "lang.flag"
	LangUsage   ID = "lang.usage"
	LangUnknown ID = "lang.unknown" // %q what was given

	// Words the screens drew as English literals: the margin control's name
	// (d(a,p), y(a,n) … are symbols and stay), the histogram's pair kinds.
	FieldMargin ID = "lang.field.margin"
	HistSame    ID = "lang.histogram.same"
	HistDiff    ID = "lang.histogram.different"
)

var zhEN = map[ID]string{
	LangFlag:    "language of the text: en or zh (default: zh when LC_ALL, LC_MESSAGES or LANG, the first one set, starts with zh; else en)",
	LangUsage:   "Every command takes --lang en|zh, the language of its text; without it, a locale starting with zh (LC_ALL, LC_MESSAGES, LANG) means Chinese.",
	LangUnknown: "%q is not a language: want en or zh",
	FieldMargin: "margin",
	HistSame:    "same",
	HistDiff:    "diff",
}
