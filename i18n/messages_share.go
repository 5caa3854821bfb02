package i18n

// Messages of sharing: state strings, figures and the SSH classroom.
const (
	// State string errors: "field: reason".
	StateErrField              ID = "share.state.err-field"       // field, reason
	StateErrFieldValue         ID = "share.state.err-field-value" // field, value, reason
	StateReasonTooLong         ID = "share.state.too-long"        // max length
	StateReasonCharacter       ID = "share.state.character"       // position
	StateReasonVersion         ID = "share.state.version"         // the version this build reads
	StateReasonNotState        ID = "share.state.not-state"
	StateReasonTruncated       ID = "share.state.truncated"
	StateReasonChecksum        ID = "share.state.checksum"
	StateReasonMode            ID = "share.state.mode"
	StateReasonNoValue         ID = "share.state.no-value"
	StateReasonUnknownField    ID = "share.state.unknown-field" // the known fields
	StateReasonOrder           ID = "share.state.order"         // the order
	StateReasonUnknownPreset   ID = "share.state.unknown-preset"
	StateReasonStepNoScenario  ID = "share.state.step-no-scenario"
	StateReasonStepRange       ID = "share.state.step-range" // last step
	StateReasonNumber          ID = "share.state.number"
	StateReasonGrid            ID = "share.state.grid"
	StateReasonRange           ID = "share.state.range" // maximum
	StateReasonSpelling        ID = "share.state.spelling"
	StateReasonDefault         ID = "share.state.default"
	StateReasonLabel           ID = "share.state.label"
	StateReasonChart           ID = "share.state.chart" // the chart names
)

var shareEN = map[ID]string{
	StateErrField:             "state string, %s: %s",
	StateErrFieldValue:        "state string, %s %q: %s",
	StateReasonTooLong:        "longer than %d characters, so not a state string",
	StateReasonCharacter:      "character %d is not one of A-Z a-z 0-9 . _ -",
	StateReasonVersion:        "this losslab reads version %s strings only",
	StateReasonNotState:       "not a losslab state string (they start with ll1_)",
	StateReasonTruncated:      "the string ends early: a state string has a version, a mode and a checksum",
	StateReasonChecksum:       "does not match the rest: the string was cut short or changed",
	StateReasonMode:           "unknown mode (this losslab reopens the playground, p)",
	StateReasonNoValue:        "has no value (fields are written key-value)",
	StateReasonUnknownField:   "unknown field (the fields are %s)",
	StateReasonOrder:          "out of order or repeated (the order is %s)",
	StateReasonUnknownPreset:  "no preset scenario has this name",
	StateReasonStepNoScenario: "a step needs a scenario (sc)",
	StateReasonStepRange:      "the step must be a whole number from 1 to %d",
	StateReasonNumber:         "not a plain decimal number",
	StateReasonGrid:           "has more than two decimals (losslab works on a 0.01 grid)",
	StateReasonRange:          "out of range: from 0 to %s",
	StateReasonSpelling:       "not the canonical spelling: write %s",
	StateReasonDefault:        "equals its default, which a state string leaves out",
	StateReasonLabel:          "a label is s (same) or d (different)",
	StateReasonChart:          "unknown chart (the charts are %s)",
}
