package i18n

// Messages of the interactive app (tui): key help, status lines, the batch
// view. The explanation panels' texts live with the view's own area.
const (
	// Key help: what each key does, short enough for the 80-column help line.
	KeyUp             ID = "tui.key.up"
	KeyDown           ID = "tui.key.down"
	KeyDec            ID = "tui.key.dec"
	KeyInc            ID = "tui.key.inc"
	KeyDecFine        ID = "tui.key.dec-fine"
	KeyIncFine        ID = "tui.key.inc-fine"
	KeyToggle         ID = "tui.key.toggle"
	KeyToggleLabel    ID = "tui.key.toggle-label" // the arrows on a label
	KeyEdit           ID = "tui.key.edit"
	KeyConfirm        ID = "tui.key.confirm"
	KeyCancel         ID = "tui.key.cancel"
	KeyChart          ID = "tui.key.chart"
	KeyUndo           ID = "tui.key.undo"
	KeyReset          ID = "tui.key.reset"
	KeyPlay           ID = "tui.key.play"
	KeyNext           ID = "tui.key.next"
	KeyPrev           ID = "tui.key.prev"
	KeyFaster         ID = "tui.key.faster"
	KeySlower         ID = "tui.key.slower"
	KeyPrevPreset     ID = "tui.key.prev-preset"
	KeyNextPreset     ID = "tui.key.next-preset"
	KeyRecord         ID = "tui.key.record"
	KeyNotes          ID = "tui.key.notes"
	KeyToBatch        ID = "tui.key.to-batch"
	KeyToPlayground   ID = "tui.key.to-playground"
	KeyToTrain        ID = "tui.key.to-train"
	KeyHelp           ID = "tui.key.help"
	KeyQuit           ID = "tui.key.quit"
	KeyInterrupt      ID = "tui.key.interrupt"
	KeyMarginDown     ID = "tui.key.margin-down"
	KeyMarginUp       ID = "tui.key.margin-up"
	KeyMarginDownFine ID = "tui.key.margin-down-fine"
	KeyMarginUpFine   ID = "tui.key.margin-up-fine"
	KeyDistance       ID = "tui.key.distance"
	KeyCloseHelp      ID = "tui.key.close-help"
	KeyNormalize      ID = "tui.key.normalize"
	KeyBinsMore       ID = "tui.key.bins-more"
	KeyBinsFewer      ID = "tui.key.bins-fewer"
	KeyOpen           ID = "tui.key.open"

	// Playground status lines.
	AtMaximum     ID = "tui.at-maximum"    // field label, its maximum
	AtMinimum     ID = "tui.at-minimum"    // field label, its minimum
	NotANumber    ID = "tui.not-a-number"  // what was typed
	NotADecimal   ID = "tui.not-a-decimal" // what was typed: NotANumber with what to type instead
	NothingToUndo ID = "tui.nothing-to-undo"
	NoScenario    ID = "tui.no-scenario"
	NoStepsToPlay ID = "tui.no-steps-to-play"
	AtLastStep    ID = "tui.at-last-step" // the last step's number
	AtFirstStep   ID = "tui.at-first-step"

	// Notes written into a recorded session file (the rest is scenarios').
	NoteReset ID = "tui.note-reset"
	NoteUndo  ID = "tui.note-undo"

	// The batch view.
	BatchSource        ID = "tui.batch.source"  // source, rows, dimensions, classes
	BatchOptions       ID = "tui.batch.options" // distance, margin
	BatchComputing     ID = "tui.batch.computing"
	BatchFirstResult   ID = "tui.batch.first-result"
	BatchErrorQuit     ID = "tui.batch.error-quit"
	BatchTriplets      ID = "tui.batch.triplets"       // count, easy, semi-hard, hard, active shares
	BatchTripletsShort ID = "tui.batch.triplets-short" // the same without the active share, for narrow screens
	BatchSeparation    ID = "tui.batch.separation"
	BatchInsideMargin  ID = "tui.batch.inside-margin"
	BatchDistributions ID = "tui.batch.distributions"
	// Under it when neighbouring bins are merged to fit: bins asked for, bins merged into one.
	BatchBinsMerged ID = "tui.batch.bins-merged"
	// The histogram's marks (their values are on the lines above); a mark
	// beyond the last bin.
	BatchMarkMargin    ID = "tui.batch.mark-margin"
	BatchMarkThreshold ID = "tui.batch.mark-threshold"
	BatchMarkBeyond    ID = "tui.batch.mark-beyond"
	// The options line when the rows are normalised: distance, margin, bins.
	BatchOptionsNorm ID = "tui.batch.options-norm"
	// Limits of the keys: the margin's top (from the data; as given; the
	// margin above it and the top), the bins' ends, a row that cannot be
	// normalised (the error).
	BatchMarginMax       ID = "tui.batch.margin-max"
	BatchMarginMaxGiven  ID = "tui.batch.margin-max-given"
	BatchMarginBeyond    ID = "tui.batch.margin-beyond"
	BatchBinsMost        ID = "tui.batch.bins-most"
	BatchBinsFewest      ID = "tui.batch.bins-fewest"
	BatchCannotNormalize ID = "tui.batch.cannot-normalize"
	// Opening another data set: the picker's heading, a demo's row, the
	// file row, the path's placeholder, while opening (what), the errors.
	BatchOpenTitle    ID = "tui.batch.open-title"
	BatchOpenFile     ID = "tui.batch.open-file"
	BatchOpenPathHint ID = "tui.batch.open-path-hint"
	BatchOpening      ID = "tui.batch.opening"
	BatchOpenNoPath   ID = "tui.batch.open-no-path"
	BatchOpenFormat   ID = "tui.batch.open-format"

	// The terminal.
	NoTerminalNote ID = "tui.no-terminal-note"
	Crashed        ID = "tui.crashed"         // the panic value, the stack file
	CrashedNoFile  ID = "tui.crashed-no-file" // the panic value
)

var tuiEN = map[ID]string{
	KeyUp:             "up",
	KeyDown:           "down",
	KeyDec:            "−0.05",
	KeyInc:            "+0.05",
	KeyDecFine:        "−0.01",
	KeyIncFine:        "+0.01",
	KeyToggle:         "toggle/play",
	KeyToggleLabel:    "toggle",
	KeyEdit:           "type",
	KeyConfirm:        "take value",
	KeyCancel:         "stop typing",
	KeyChart:          "chart",
	KeyUndo:           "undo",
	KeyReset:          "reset",
	KeyPlay:           "play/pause",
	KeyNext:           "next step",
	KeyPrev:           "previous step",
	KeyFaster:         "faster",
	KeySlower:         "slower",
	KeyPrevPreset:     "previous preset",
	KeyNextPreset:     "next preset",
	KeyRecord:         "write session",
	KeyNotes:          "notes: read the whole note and description; again for the next page",
	KeyToBatch:        "batch",
	KeyToPlayground:   "playground",
	KeyToTrain:        "training",
	KeyHelp:           "keys",
	KeyQuit:           "quit",
	KeyInterrupt:      "quit, even while typing",
	KeyMarginDown:     "margin −0.05",
	KeyMarginUp:       "+0.05",
	KeyMarginDownFine: "margin −0.01",
	KeyMarginUpFine:   "margin +0.01",
	KeyDistance:       "distance",
	KeyCloseHelp:      "close the keys",
	KeyNormalize:      "L2-normalise rows: on/off",
	KeyBinsMore:       "more bins",
	KeyBinsFewer:      "fewer bins",
	KeyOpen:           "open another data set",

	AtMaximum:     "%s is at its maximum %s",
	AtMinimum:     "%s is at its minimum %s",
	NotANumber:    "%q is not a number",
	NotADecimal:   "%q is not a number: type a decimal such as 0.25",
	NothingToUndo: "nothing to undo",
	NoScenario:    "no scenario to replay: press ] for the presets",
	NoStepsToPlay: "this scenario has no steps to play",
	AtLastStep:    "at the last step (%d): , goes back, r restarts",
	AtFirstStep:   "at the start (step 0): . goes on",

	NoteReset: "reset",
	NoteUndo:  "undo",

	BatchSource:        "%s · %s × %s · %s classes",
	BatchOptions:       "distance %s · margin %s · %s bins",
	BatchComputing:     "⟳ computing…",
	BatchFirstResult:   "computing the first result…",
	BatchErrorQuit:     "q quits with exit status 2, as the plain output would.",
	BatchTriplets:      "triplets    %s · easy %s · semi-hard %s · hard %s · active %s",
	BatchTripletsShort: "triplets    %s · easy %s · semi-hard %s · hard %s",
	BatchSeparation:    "separation  AUC %s · d ≤ %s means same: %s accurate",
	BatchInsideMargin:  "            negatives closer than median positive + m: %s",
	BatchDistributions: "distance distributions (share of each kind of pair per bin)",
	BatchBinsMerged:    "(the %[1]s bins merged %[2]s at a time to fit)",

	BatchMarkMargin:    "m margin",
	BatchMarkThreshold: "t best threshold",
	BatchMarkBeyond:    "%s (beyond the last bin)",
	BatchOptionsNorm:   "distance %s · margin %s · %s bins · rows L2-normalised",

	BatchMarginMax:       "margin is at its maximum %s: no pair of this data is farther apart",
	BatchMarginMaxGiven:  "margin is at its maximum %s, the one it was opened with",
	BatchMarginBeyond:    "margin %[1]s is beyond the farthest pair (%[2]s): ← lowers it",
	BatchBinsMost:        "%s bins is the most the view offers",
	BatchBinsFewest:      "%s bins is the fewest the view offers",
	BatchCannotNormalize: "cannot normalise the rows: %s",

	BatchOpenTitle:    "open a data set · ↑/↓ choose · enter opens · esc cancels",
	BatchOpenFile:     "a file:",
	BatchOpenPathHint: "path to a .csv or .tsv file",
	BatchOpening:      "opening %s…",
	BatchOpenNoPath:   "type the path of a file first",
	BatchOpenFormat:   "%s: not a .csv, .tsv or .tab file (or one of them .gz)",

	NoTerminalNote: "losslab: no terminal to read keys from; printing the starting state instead",
	Crashed:        "losslab: internal error: %v (the stack is in %s)",
	CrashedNoFile:  "losslab: internal error: %v",
}
