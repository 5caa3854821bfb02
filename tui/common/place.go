package common

import "losslab/i18n"

// Place is where the user is, as the shell's mode bar names it: one of
// the app's modes, or points mode, the playground's second place.
type Place int

// The places, in the order the mode bar lists them.
const (
	PlacePlayground Place = iota
	PlacePoints
	PlaceBatch
	PlaceTrain
	PlaceCourse
	NumPlaces
)

var placeNames = [NumPlaces]i18n.ID{i18n.PlacePlayground, i18n.PlacePoints, i18n.PlaceBatch, i18n.PlaceTrain, i18n.PlaceCourse}

// Name is the place's name on the mode bar.
func (pl Place) Name() i18n.ID { return placeNames[pl] }

// modePlaces is the place each mode shows unless it says otherwise.
var modePlaces = map[ModeID]Place{ModePlayground: PlacePlayground, ModeBatch: PlaceBatch, ModeTrain: PlaceTrain, ModeLearn: PlaceCourse}

// Placed is a mode that shows more than one place (the playground, which
// is points mode too) and says which.
type Placed interface{ Place() Place }

// PlaceOf is the place mode m, the app's mode id, shows.
func PlaceOf(id ModeID, m Mode) Place {
	if p, ok := m.(Placed); ok {
		return p.Place()
	}
	return modePlaces[id]
}

// EscTaker is a mode for which esc sometimes means something of its own
// (closing what it shows, leaving points mode); when it does not, esc
// takes the user back to the place before.
type EscTaker interface{ TakesEsc() bool }

// MouseUser is a mode that reads the mouse while WantsMouse is true
// (points mode drags points); the shell turns the terminal's mouse
// reporting on only then, so that selecting text works everywhere else.
type MouseUser interface{ WantsMouse() bool }

// PlaceKeyer is a mode with keys that lead to places other than by tab
// (the playground: x to points mode and back, g to the course); the mode
// bar shows each beside its place.
type PlaceKeyer interface{ PlaceKeys() map[Place]string }
