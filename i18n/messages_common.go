package i18n

// Messages shared by every front end.
const (
	TooSmall ID = "common.too-small" // %d×%d needed, %d×%d now

	// A refused value of a control (typed, from a file or a flag).
	InputOutOfRange    ID = "common.input.out-of-range"    // %s the value, %s the field's maximum
	InputOffGrid       ID = "common.input.off-grid"        // %s the value
	InputOffGridShort  ID = "common.input.off-grid-short"  // %s the value
	InputNotLabel      ID = "common.input.not-label"       // %q what was given, %s same's words, %s different's words
	InputNotLabelShort ID = "common.input.not-label-short" // %q what was given
)

var commonEN = map[ID]string{
	TooSmall: "terminal too small: need %d×%d (now %d×%d) · q quits",

	InputOutOfRange:    "%s is out of range [0, %s]",
	InputOffGrid:       "%s has more than two decimals (losslab works on a 0.01 grid)",
	InputOffGridShort:  "%s: two decimals at most",
	InputNotLabel:      "%q is not a label: want %s or %s",
	InputNotLabelShort: "%q is not a label: same or different",
}
