package loss

import (
	"fmt"
	"slices"
	"strings"
)

// labelSpellings are the words every entry point (flags, scenario files,
// typing in the playground) accepts for a label, canonical word first: the
// word itself, its short forms, and y as the formulas write it.
var labelSpellings = [2][]string{
	Different: {"different", "diff", "d", "0"},
	Same:      {"same", "s", "1"},
}

// LabelSpellings lists the words ParseLabel accepts for y, the canonical one
// (Label.String) first. The slice is the caller's own.
func LabelSpellings(y Label) []string { return slices.Clone(labelSpellings[y&1]) }

// ParseLabel is the one parser of labels: "same" or "different", or one of
// their aliases (s, 1; diff, d, 0), in any letter case, surrounding spaces
// ignored.
func ParseLabel(s string) (Label, error) {
	word := strings.ToLower(strings.TrimSpace(s))
	for _, y := range [2]Label{Same, Different} {
		if slices.Contains(labelSpellings[y], word) {
			return y, nil
		}
	}
	return 0, fmt.Errorf("%w %q (want %s or %s)", ErrLabel, s,
		strings.Join(labelSpellings[Same], ", "), strings.Join(labelSpellings[Different], ", "))
}
