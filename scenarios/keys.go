package scenarios

import (
	"slices"
	"strings"

	"losslab/core/grid"
)

// The keys of the format, by section: what the scan admits and what its
// errors list.

// knownKeys lists the keys a section may have, in the order errors list them.
func knownKeys(section string) []string {
	switch section {
	case sectionTop:
		return withTranslations(sectionTop, "name", "title", "description", "covers")
	case sectionStep:
		return append(withTranslations(sectionStep, append(fieldKeys(), "note")...), lessonStepKeys...)
	}
	return fieldKeys()
}

func fieldKeys() []string {
	keys := make([]string, 0, grid.NumFields)
	for f := range grid.NumFields {
		keys = append(keys, f.Key())
	}
	return append(keys, pointsKeys()...)
}

func knownList(section string) string {
	if section == sectionTop {
		return strings.Join(knownKeys(sectionTop), ", ") + ", [start], [[step]]"
	}
	return strings.Join(knownKeys(section), ", ")
}

// stringArrayKeys are the keys whose value may be an array of strings
// (a lesson's covers, a question's choices and their translations), written
// on one line.
var stringArrayKeys = slices.Concat([]string{"covers", "mistakes"}, withTranslations(sectionStep, "choices", "diagnoses"))
