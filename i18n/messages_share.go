package i18n

// Messages of sharing: state strings, figures and the SSH classroom.
const (
	// State string errors: "field: reason".
	StateErrField ID = "share.state.err-field" // field, reason
	// The parts of a state string that are not key-value fields, and a
	// field by its key, as the errors name them.
	StatePartString              ID = "share.state.part.string"
	StatePartVersion             ID = "share.state.part.version"
	StatePartChecksum            ID = "share.state.part.checksum"
	StatePartMode                ID = "share.state.part.mode"
	StatePartField               ID = "share.state.part.field"      // %s the key
	StateErrFieldValue           ID = "share.state.err-field-value" // field, value, reason
	StateReasonTooLong           ID = "share.state.too-long"        // max length
	StateReasonCharacter         ID = "share.state.character"       // position
	StateReasonVersion           ID = "share.state.version"         // the version this build reads
	StateReasonNotState          ID = "share.state.not-state"
	StateReasonTruncated         ID = "share.state.truncated"
	StateReasonChecksum          ID = "share.state.checksum"
	StateReasonMode              ID = "share.state.mode"
	StateReasonNoValue           ID = "share.state.no-value"
	StateReasonUnknownField      ID = "share.state.unknown-field" // the known fields
	StateReasonOrder             ID = "share.state.order"         // the order
	StateReasonUnknownPreset     ID = "share.state.unknown-preset"
	StateReasonStepNoScenario    ID = "share.state.step-no-scenario"
	StateReasonStepRange         ID = "share.state.step-range" // last step
	StateReasonNumber            ID = "share.state.number"
	StateReasonGrid              ID = "share.state.grid"
	StateReasonRange             ID = "share.state.range" // maximum
	StateReasonSpelling          ID = "share.state.spelling"
	StateReasonDefault           ID = "share.state.default"
	StateReasonLabel             ID = "share.state.label"
	StateReasonChart             ID = "share.state.chart"         // the chart names
	StateReasonTrainData         ID = "share.state.train-data"    // the data sets
	StateReasonTrainStep         ID = "share.state.train-step"    // the largest step
	StateReasonTrainLR           ID = "share.state.train-lr"      // the largest rate
	StateReasonTrainBatch        ID = "share.state.train-batch"   // smallest, largest
	StateReasonTrainUnknown      ID = "share.state.train-unknown" // the known values
	StateReasonTrainNumber       ID = "share.state.train-number"
	StateReasonTrainNorm         ID = "share.state.train-norm"
	StateReasonTrainNeedsCompare ID = "share.state.train-needs-compare"
	StateReasonTrainCanonical    ID = "share.state.train-canonical"
)

var shareEN = map[ID]string{
	StateErrField:                "state string, %s: %s",
	StatePartString:              "string",
	StatePartVersion:             "version",
	StatePartChecksum:            "checksum",
	StatePartMode:                "mode",
	StatePartField:               "%s",
	StateErrFieldValue:           "state string, %s %q: %s",
	StateReasonTooLong:           "longer than %d characters, so not a state string",
	StateReasonCharacter:         "character %d is not one of A-Z a-z 0-9 . _ -",
	StateReasonVersion:           "this losslab reads version %s strings only",
	StateReasonNotState:          "not a losslab state string (they start with ll1_)",
	StateReasonTruncated:         "missing: the string was cut short (it ends in six hex digits)",
	StateReasonChecksum:          "does not match the rest: the string was cut short or changed",
	StateReasonMode:              "unknown mode (this losslab reopens the playground, p)",
	StateReasonNoValue:           "has no value (fields are written key-value)",
	StateReasonUnknownField:      "unknown field (the fields are %s)",
	StateReasonOrder:             "out of order or repeated (the order is %s)",
	StateReasonUnknownPreset:     "no preset scenario has this name",
	StateReasonStepNoScenario:    "a step needs a scenario (sc)",
	StateReasonStepRange:         "the step must be a whole number from 1 to %d",
	StateReasonNumber:            "not a plain decimal number",
	StateReasonGrid:              "has more than two decimals (losslab works on a 0.01 grid)",
	StateReasonRange:             "out of range: from 0 to %s",
	StateReasonSpelling:          "not the canonical spelling: write %s",
	StateReasonDefault:           "equals its default, which a state string leaves out",
	StateReasonLabel:             "a label is s (same) or d (different)",
	StateReasonChart:             "unknown chart (the charts are %s)",
	StateReasonTrainData:         "a state string carries generated data only (%s), not a file",
	StateReasonTrainStep:         "the step must be a whole number from 0 to %d",
	StateReasonTrainLR:           "the learning rate must be above 0 and at most %s",
	StateReasonTrainBatch:        "the batch must be a whole number from %d to %d",
	StateReasonTrainUnknown:      "unknown value (known: %s)",
	StateReasonTrainNumber:       "not a plain decimal number in its shortest spelling",
	StateReasonTrainNorm:         "norm is written norm-1 or left out",
	StateReasonTrainNeedsCompare: "a compare margin needs a compared loss (cmp)",
	StateReasonTrainCanonical:    "not the canonical spelling: a field equals its default, which a state string leaves out",
}

// The playground's state-string panel.
const (
	ShareTitle         ID = "share.panel.title"
	ShareCopied        ID = "share.panel.copied"
	ShareSelect        ID = "share.panel.select"
	ShareWrapped       ID = "share.panel.wrapped" // lines
	ShareReopen        ID = "share.panel.reopen"
	ShareFileScenario  ID = "share.panel.file-scenario"
	ShareNotCarried    ID = "share.panel.not-carried"
	ShareTrainReopen   ID = "share.panel.train-reopen"
	ShareTrainCarried  ID = "share.panel.train-carried"
	ShareTrainFile     ID = "share.panel.train-file"
	ShareTrainNoString ID = "share.panel.train-no-string" // statestr's reason
	KeyState           ID = "share.key.state"
	KeyFigure          ID = "share.key.figure"
	KeyBatchFigure     ID = "share.key.batch-figure"
	ShareFigureWait    ID = "share.figure-wait"
)

var sharePanelEN = map[ID]string{
	ShareTitle:         "state string · any key closes",
	ShareCopied:        "Sent to your terminal's clipboard with OSC 52 (if it refuses, select it).",
	ShareSelect:        "Select the string above to copy it.",
	ShareWrapped:       "The string is wider than the panel: its %d lines above are one string.",
	ShareReopen:        "Reopen it with: losslab --state STRING",
	ShareFileScenario:  "The scenario is not a preset, so the string leaves it out: these values and this chart only.",
	ShareNotCarried:    "It leaves out the undo history and the history chart.",
	ShareTrainReopen:   "Reopen it with: losslab train --state STRING",
	ShareTrainCarried:  "It carries the data set, model, losses, margins, τ and similarity, what is held out, the wrong labels, the unit circle, rate, batch, seed and step; training is paused so that it stays the state shown.",
	ShareTrainNoString: "There is no state string for this run: %s.",
	ShareTrainFile:     "This run trains on data from a file, which a state string cannot carry: there is no string for it.",
	KeyState:           "state string",
	KeyFigure:          "chart as SVG",
	KeyBatchFigure:     "distributions as SVG",
	ShareFigureWait:    "the figure needs the result: wait until the computation ends",
}

// Figures: titles, axes, legends.
const (
	FigTripletTitle     ID = "share.fig.triplet-title"     // d(a,p), m
	FigContrastiveTitle ID = "share.fig.contrastive-title" // m
	FigHeatmapTitle     ID = "share.fig.heatmap-title"     // m
	FigGeometryTitle    ID = "share.fig.geometry-title"    // d(a,p), d(a,p)+m
	FigHistoryTitle     ID = "share.fig.history-title"     // number of states
	FigBatchTitle       ID = "share.fig.batch-title"       // data, distance, m, AUC
	FigAxisDAN          ID = "share.fig.axis-dan"
	FigAxisDAP          ID = "share.fig.axis-dap"
	FigAxisD            ID = "share.fig.axis-d"
	FigAxisTripletLoss  ID = "share.fig.axis-triplet-loss"
	FigAxisPairLoss     ID = "share.fig.axis-pair-loss"
	FigAxisState        ID = "share.fig.axis-state"
	FigAxisLoss         ID = "share.fig.axis-loss"
	FigAxisPairDistance ID = "share.fig.axis-pair-distance" // distance name
	FigAxisShare        ID = "share.fig.axis-share"
	FigZoneHard         ID = "share.fig.zone-hard"
	FigZoneSemiHard     ID = "share.fig.zone-semi-hard"
	FigZoneEasy         ID = "share.fig.zone-easy"
	FigStateMark        ID = "share.fig.state-mark"  // d(a,n), loss
	FigStateMark2       ID = "share.fig.state-mark2" // d(a,p), d(a,n), loss
	FigPairMark         ID = "share.fig.pair-mark"   // pair name, d, loss
	FigCurveSame        ID = "share.fig.curve-same"
	FigCurveDifferent   ID = "share.fig.curve-different"
	FigCurveTriplet     ID = "share.fig.curve-triplet"
	FigCurveContrastive ID = "share.fig.curve-contrastive"
	FigHardBoundary     ID = "share.fig.hard-boundary"
	FigEasyBoundary     ID = "share.fig.easy-boundary"
	FigInnerCircle      ID = "share.fig.inner-circle"
	FigOuterCircle      ID = "share.fig.outer-circle"
	FigSamePairs        ID = "share.fig.same-pairs"      // count
	FigDifferentPairs   ID = "share.fig.different-pairs" // count
	FigMarkMargin       ID = "share.fig.mark-margin"     // m
	FigMarkThreshold    ID = "share.fig.mark-threshold"  // t, accuracy
	FigMarkMedian       ID = "share.fig.mark-median"     // median
	FigNoFontNote       ID = "share.fig.no-font-note"
	FigWrote            ID = "share.fig.wrote"      // path
	FigWriteFail        ID = "share.fig.write-fail" // error
	FigServed           ID = "share.fig.served"
	ShareNoRecording    ID = "share.no-recording"
	ShareHidden         ID = "share.hidden"
	ShareFixed          ID = "share.fixed"
)

var shareFigEN = map[ID]string{
	FigTripletTitle:     "Triplet loss against d(a,n) at d(a,p) = %s, m = %s",
	FigContrastiveTitle: "Contrastive loss of one pair against d, m = %s",
	FigHeatmapTitle:     "Triplet loss over d(a,p) and d(a,n), m = %s",
	FigGeometryTitle:    "Around the anchor: d(a,p) = %s, d(a,p) + m = %s",
	FigHistoryTitle:     "Both losses at each state shown (%s states)",
	FigBatchTitle:       "%s: pair distances (%s), m = %s, AUC %s",
	FigAxisDAN:          "d(a,n)",
	FigAxisDAP:          "d(a,p)",
	FigAxisD:            "d",
	FigAxisTripletLoss:  "triplet loss",
	FigAxisPairLoss:     "loss of the pair",
	FigAxisState:        "state",
	FigAxisLoss:         "loss",
	FigAxisPairDistance: "%s distance of a pair",
	FigAxisShare:        "share of its kind of pair per bin",
	FigZoneHard:         "hard",
	FigZoneSemiHard:     "semi-hard",
	FigZoneEasy:         "easy",
	FigStateMark:        "d(a,n) = %s, L = %s",
	FigStateMark2:       "(%s, %s), L = %s",
	FigPairMark:         "%s: d = %s, L = %s",
	FigCurveSame:        "same class: ½d²",
	FigCurveDifferent:   "different class: ½max(m − d, 0)²",
	FigCurveTriplet:     "triplet",
	FigCurveContrastive: "contrastive",
	FigHardBoundary:     "d(a,n) = d(a,p): hard below",
	FigEasyBoundary:     "d(a,n) = d(a,p) + m: easy above",
	FigInnerCircle:      "r = d(a,p)",
	FigOuterCircle:      "r = d(a,p) + m",
	FigSamePairs:        "same class (%s pairs)",
	FigDifferentPairs:   "different class (%s pairs)",
	FigMarkMargin:       "margin m = %s",
	FigMarkThreshold:    "best threshold %s (accuracy %s)",
	FigMarkMedian:       "median same-class distance %s",
	FigNoFontNote:       "note: PNG and PDF figures need --font FILE for Chinese text; this one has English labels",
	ShareHidden:         "hidden by your teacher: predict what it shows",
	ShareFixed:          "(fixed)",
	ShareNoRecording:    "no files on a shared server: press s for a state string instead",
	FigWrote:            "wrote the figure %s",
	FigWriteFail:        "could not write the figure: %v",
	FigServed:           "no figures on a shared server: press s, then losslab --state STRING at home",
}

// Command-line flags and errors of sharing.
const (
	CLIFlagPlot               ID = "share.cli.flag-plot"
	CLIFlagFont               ID = "share.cli.flag-font"
	CLIFlagState              ID = "share.cli.flag-state"
	CLIErrFontWithoutPlot     ID = "share.cli.err-font-without-plot"
	CLIErrPlotExists          ID = "share.cli.err-plot-exists" // path
	CLIFlagTrainState         ID = "share.cli.flag-train-state"
	CLIErrTrainStateMode      ID = "share.cli.err-train-state-mode"
	CLIErrPlaygroundStateMode ID = "share.cli.err-playground-state-mode"
)

var shareCLIEN = map[ID]string{
	CLIFlagPlot:               "also write the figure to `FILE` (.svg, .png or .pdf; never over an existing file)",
	CLIFlagFont:               "draw PNG and PDF figures with this TrueType or OpenType `FILE` (for Chinese text)",
	CLIFlagState:              "open exactly the state of this state string `STR` (press s in the playground to get one)",
	CLIErrFontWithoutPlot:     "--font applies to --plot, which is not given",
	CLIErrPlotExists:          "--plot: %s exists; losslab does not overwrite files",
	CLIFlagTrainState:         "start from this training state string `STR`: its data, model, losses, margins, τ and similarity, held-out points or classes, label noise, unit circle, rate, batch, seed and step (press S in the training mode to get one)",
	CLIErrTrainStateMode:      "--state: this is a playground state string; open it with losslab --state",
	CLIErrPlaygroundStateMode: "--state: this is a training state string; open it with losslab train --state",
}

// The SSH classroom: lines a client reads when its session cannot start or ends.
const (
	ServeFull          ID = "share.serve.full" // the maximum
	ServeShuttingDown  ID = "share.serve.shutting-down"
	ServeNoCommands    ID = "share.serve.no-commands"
	ServeNeedsTerminal ID = "share.serve.needs-terminal"
	ServeCrashed       ID = "share.serve.crashed"
	ServeIdle          ID = "share.serve.idle"     // duration
	ServeMaxTime       ID = "share.serve.max-time" // duration
	// ServePassphrasePrompt is asked before the client's language is known:
	// the server shows it in English and Chinese.
	ServePassphrasePrompt ID = "share.serve.passphrase-prompt"
	// ServeTrainingPaced replaces the training mode's playing hint while
	// the server's budget holds training back.
	ServeTrainingPaced ID = "share.serve.training-paced"
)

var shareServeEN = map[ID]string{
	ServeFull:             "losslab: this server already has %d sessions, its maximum; try again in a while",
	ServeShuttingDown:     "losslab: the server is shutting down; goodbye",
	ServeNoCommands:       "losslab: this server runs only losslab, no commands; connect without one (ssh -p PORT HOST)",
	ServeNeedsTerminal:    "losslab: this server needs a terminal; connect with ssh -t",
	ServeCrashed:          "losslab: an internal error ended this session; the server and other sessions go on",
	ServeIdle:             "losslab: session closed after %s without a key",
	ServeMaxTime:          "losslab: session closed: it reached the server's limit of %s",
	ServePassphrasePrompt: "class passphrase",
	ServeTrainingPaced:    "Training at this session's share of the server's processors, split between the students training: fewer steps a frame than set. Press space to pause.",
}

// losslab serve's flags and its lines on the server's stderr.
const (
	CLISummaryServe            ID = "share.cli.summary-serve"
	CLISynopsisServe           ID = "share.cli.synopsis-serve"
	CLIFlagServeListen         ID = "share.cli.flag-serve-listen"
	CLIFlagServeHostKey        ID = "share.cli.flag-serve-host-key"
	CLIFlagServeMax            ID = "share.cli.flag-serve-max"
	CLIFlagServeIdle           ID = "share.cli.flag-serve-idle"
	CLIFlagServeMaxTime        ID = "share.cli.flag-serve-max-time"
	CLIFlagServeScenario       ID = "share.cli.flag-serve-scenario"
	CLIFlagServeLesson         ID = "share.cli.flag-serve-lesson"
	CLIErrUnknownLessonID      ID = "share.cli.err-unknown-lesson" // name, the names
	CLIFlagServeState          ID = "share.cli.flag-serve-state"
	CLIFlagServeHide           ID = "share.cli.flag-serve-hide" // the panel names, the control names
	CLIErrAllControls          ID = "share.cli.err-all-controls"
	CLIErrAtLeastOne           ID = "share.cli.err-at-least-one"
	CLIErrNegativeDuration     ID = "share.cli.err-negative-duration"
	CLIErrUnknownPanel         ID = "share.cli.err-unknown-panel" // name, the panels, the controls
	ServeKeyCreated            ID = "share.serve.key-created"     // path
	ServeListening             ID = "share.serve.listening"       // address, fingerprint
	ServeHowToConnect          ID = "share.serve.how-to-connect"  // command
	ServeStopping              ID = "share.serve.stopping"        // signal, sessions
	CLIFlagServeAuthorizedKeys ID = "share.cli.flag-serve-authorized-keys"
	CLIFlagServePassphrase     ID = "share.cli.flag-serve-passphrase-file"
	ServeOpenWarning           ID = "share.serve.open-warning"       // address
	CLIErrKeyLine              ID = "share.cli.err-key-line"         // file, line
	CLIErrKeyOptions           ID = "share.cli.err-key-options"      // file, line
	CLIErrNoKeys               ID = "share.cli.err-no-keys"          // file
	CLIErrNotHostKey           ID = "share.cli.err-not-host-key"     // file
	CLIErrPassphraseEmpty      ID = "share.cli.err-passphrase-empty" // file
	CLIErrPassphraseLines      ID = "share.cli.err-passphrase-lines" // file
)

var shareServeCLIEN = map[ID]string{
	CLISummaryServe:            "serve the playground over SSH, one session per student",
	CLISynopsisServe:           "Usage: losslab serve [flags]\n\nServes losslab over SSH: every client gets its own session of the app.\nNo shell, no commands, no file written on the server.",
	CLIFlagServeListen:         "listen on this `ADDRESS` (beyond loopback only when you mean it)",
	CLIFlagServeHostKey:        "the server's private key `PATH`, created (mode 0600) if absent",
	CLIFlagServeMax:            "refuse sessions beyond this `N`",
	CLIFlagServeIdle:           "close a session this `DURATION` after its last key (0: never)",
	CLIFlagServeMaxTime:        "close a session this `DURATION` after it began (0: never)",
	CLIFlagServeScenario:       "start every session at this preset or scenario `NAME|FILE`",
	CLIFlagServeLesson:         "start every session in this lesson of the course `ID` (losslab lessons lists them)",
	CLIErrUnknownLessonID:      "no lesson is called %q (the lessons are %s)",
	CLIFlagServeState:          "start every session at this state string `STR`",
	CLIFlagServeHide:           "a comma-separated `LIST`: panels to hide so students predict them (%s) and controls to fix so students cannot change them (%s)",
	CLIErrAllControls:          "at least one control must stay free",
	CLIErrAtLeastOne:           "must be at least 1",
	CLIErrNegativeDuration:     "must not be negative",
	CLIErrUnknownPanel:         "nothing called %q can be hidden (panels: %s; controls: %s)",
	ServeKeyCreated:            "losslab serve: created the host key %s",
	ServeListening:             "losslab serve: listening on %s, host key %s",
	ServeHowToConnect:          "losslab serve: students connect with: %s",
	ServeStopping:              "losslab serve: %v: closing %d sessions",
	CLIFlagServeAuthorizedKeys: "only the OpenSSH public keys in this `FILE` may connect from beyond loopback (or the passphrase, when given too)",
	CLIFlagServePassphrase:     "clients from beyond loopback may connect by typing the class passphrase, the one line of this `FILE` (or with an authorized key, when given too)",
	ServeOpenWarning:           "losslab serve: warning: anyone who reaches %s gets a session; give --authorized-keys or --passphrase-file to choose who",
	CLIErrKeyLine:              "%s line %d: not an OpenSSH public key",
	CLIErrKeyOptions:           "%s line %d: key options (from=, command=, …) are not supported; give the key alone",
	CLIErrNoKeys:               "%s holds no public key",
	CLIErrNotHostKey:           "%s is not an SSH private key without a passphrase",
	CLIErrPassphraseEmpty:      "%s holds no passphrase (write it on the file's one line)",
	CLIErrPassphraseLines:      "%s has more than one line; the passphrase is the file's one line",
}

// The training figure.
const (
	FigTrainLossTitle           ID = "share.fig.train-loss-title"            // data
	FigTrainDistTitle           ID = "share.fig.train-dist-title"            // run, AUC at start, AUC at end
	FigTrainScatterTitle        ID = "share.fig.train-scatter-title"         // run
	FigTrainHeldOutTitle        ID = "share.fig.train-heldout-title"         // run, AUC
	FigTrainHeldOutClassesTitle ID = "share.fig.train-heldout-classes-title" // run, AUC
	FigTrainHeldOutSame         ID = "share.fig.train-heldout-same"
	FigTrainHeldOutDiff         ID = "share.fig.train-heldout-diff"
	FigAxisStep                 ID = "share.fig.axis-step"
	FigTrainStartSame           ID = "share.fig.train-start-same"
	FigTrainStartDiff           ID = "share.fig.train-start-diff"
	FigTrainEndSame             ID = "share.fig.train-end-same"
	FigTrainEndDiff             ID = "share.fig.train-end-diff"
)

var shareTrainFigEN = map[ID]string{
	FigTrainLossTitle:           "Training on %s: the loss of each run",
	FigTrainDistTitle:           "%s: pair distances, AUC %s at the start, %s at the end",
	FigTrainScatterTitle:        "%s: the embeddings at the end, by class",
	FigTrainHeldOutTitle:        "%s: held-out points' pair distances at the end, AUC %s, same axis",
	FigTrainHeldOutClassesTitle: "%s: held-out classes' pair distances at the end, AUC %s, same axis",
	FigTrainHeldOutSame:         "same class, held out",
	FigTrainHeldOutDiff:         "different class, held out",
	FigAxisStep:                 "step",
	FigTrainStartSame:           "same class, start",
	FigTrainStartDiff:           "different class, start",
	FigTrainEndSame:             "same class, end",
	FigTrainEndDiff:             "different class, end",
}
