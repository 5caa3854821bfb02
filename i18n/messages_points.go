package i18n

// Messages of points mode (the anchor, positive and negative as points of
// the plane): its refusals, wherever points come from, its panel, legend
// and keys, and the shell's mode bar.
const (
	PointsFar    ID = "points.refused.far"    // point letter, its distance from the origin, the limit
	PointsOrigin ID = "points.refused.origin" // point letter
	PointsApart  ID = "points.refused.apart"  // p or n, the distance, the maximum
	PointsMetric ID = "points.refused.metric"

	// Why a state string's points cannot be read.
	StateReasonMetric      ID = "points.state.metric"
	StateReasonCoordinate  ID = "points.state.coordinate"
	StateReasonNeedsPoints ID = "points.state.needs-points"
	StateReasonDerived     ID = "points.state.derived"
	StateReasonPoints      ID = "points.state.points" // the refusal (PointsFar, …)

	// Why a scenario file's points cannot be read.
	ScenPointsDerived   ID = "points.scen.derived"    // dap or dan
	ScenPointsType      ID = "points.scen.type"       // the type found
	ScenPointsValue     ID = "points.scen.value"      // the value found
	ScenPointsOffCoords ID = "points.scen.off-coords" //
	ScenPointsNeeded    ID = "points.scen.needed"     // the coordinate's key
	ScenCoordinate      ID = "points.scen.coordinate" // the coordinate's key
	ScenPointsRefused   ID = "points.scen.refused"    // the refusal (PointsFar, …)

	// The shell's mode bar: the places of the app.
	PlacePlayground ID = "points.place.playground"
	PlacePoints     ID = "points.place.points"
	PlaceBatch      ID = "points.place.batch"
	PlaceTrain      ID = "points.place.train"
	PlaceCourse     ID = "points.place.course"
	KeyBack         ID = "points.key.back" // esc where it goes back to the place before

	// The plane's legend: the columns, why a gradient is zero (short, in
	// the table; in full, below it).
	PointsLegendTriplet     ID = "points.legend.triplet"     // the tip glyph
	PointsLegendContrastive ID = "points.legend.contrastive" // the tip glyph
	PointsZeroHidden        ID = "points.zero.hidden"
	PointsZeroHingeOff      ID = "points.zero.hinge-off"
	PointsZeroOnAnchor      ID = "points.zero.on-anchor"
	PointsZeroAligned       ID = "points.zero.aligned"
	PointsWhyAligned        ID = "points.why.aligned"
	PointsZeroCancel        ID = "points.zero.cancel"
	PointsZeroBothOff       ID = "points.zero.both-off"
	PointsWhyTripletOff     ID = "points.why.triplet-off"
	PointsWhyPushOff        ID = "points.why.push-off"
	PointsWhyOnAnchor       ID = "points.why.on-anchor"
	PointsWhyCancel         ID = "points.why.cancel"
	PointsWhyBothOff        ID = "points.why.both-off"
	PointsWhyHidden         ID = "points.why.hidden"

	// The points panel, the plane's title and points mode's keys.
	PointsPanelTitle        ID = "points.panel.title"
	PointsPanelDistance     ID = "points.panel.distance"    // d(a,p) or d(a,n), its value
	PointsPlaneTitle        ID = "points.plane.title"       // the distance, the step's loss
	PointsPlaneTitleShort   ID = "points.plane.title-short" // the same in a word each
	PointsEuclideanShort    ID = "points.plane.euclidean-short"
	PointsCosineShort       ID = "points.plane.cosine-short"
	PointsTripletShort      ID = "points.plane.triplet-short"
	PointsContrastiveShort  ID = "points.plane.contrastive-short"
	PointsEuclidean         ID = "points.plane.euclidean"
	PointsCosine            ID = "points.plane.cosine"
	PointsFollowTriplet     ID = "points.plane.follow-triplet"
	PointsFollowContrastive ID = "points.plane.follow-contrastive"
	PointsKeyEnter          ID = "points.key.enter" // the playground's x
	PointsKeySelect         ID = "points.key.select"
	PointsKeyMove           ID = "points.key.move"
	PointsKeyFine           ID = "points.key.fine"
	PointsKeyStep           ID = "points.key.step"
	PointsKeyFollow         ID = "points.key.follow"
	PointsKeyMetric         ID = "points.key.metric"
	PointsKeyLeave          ID = "points.key.leave"
	PointsKeySelectHelp     ID = "points.key.select-help"
	PointsKeyMoveHelp       ID = "points.key.move-help"
	PointsKeyFineHelp       ID = "points.key.fine-help"

	// The help screen's section on points mode.
	HelpPointsHead ID = "points.help.head"
	HelpPoints     ID = "points.help.lines" // one paragraph a line

	// Why the course stays closed under serve --hide.
	HideNoCourse     ID = "points.hide.no-course"
	CLIErrHideLesson ID = "points.hide.cli-lesson"

	// The playground's header where the course is closed.
	HeaderPresets      ID = "points.header.presets"
	HeaderPresetsShort ID = "points.header.presets-short"

	// The flag that opens the playground in points mode.
	CLIFlagPoints ID = "points.cli.flag-points"

	// Points mode's statuses.
	PointsFixedDistance          ID = "points.status.fixed-distance"
	PointsStepHidden             ID = "points.status.step-hidden"
	PointsStepNothingTriplet     ID = "points.status.step-nothing-triplet"
	PointsStepNothingContrastive ID = "points.status.step-nothing-contrastive"
	PointsStepRefused            ID = "points.status.step-refused" // the refusal
	PointsNoTyping               ID = "points.status.no-typing"

	// The key bar's short words for keys the full help explains at length.
	BarEdit        ID = "points.bar.edit"
	BarNotes       ID = "points.bar.notes"
	BarConventions ID = "points.bar.conventions"
	BarState       ID = "points.bar.state"
	BarFigure      ID = "points.bar.figure"
	BarSteps       ID = "points.bar.steps"
)

var pointsEN = map[ID]string{
	PointsFar:    "point %s is %s from the origin; the plane ends at %s",
	PointsOrigin: "point %s is at the origin, which gives cosine no direction",
	PointsApart:  "d(a,%s) = %s is above the playground's %s",
	PointsMetric: "points are read with euclidean or cosine distance only",

	StateReasonMetric:      "points mode's distance is e (euclidean) or c (cosine)",
	StateReasonCoordinate:  "not a coordinate: a plain decimal from -5 to 5 with at most twelve decimals",
	StateReasonNeedsPoints: "a coordinate needs points mode (pts) before it",
	StateReasonDerived:     "comes from the points (pts), so a state string leaves it out",
	StateReasonPoints:      "%s",

	ScenPointsDerived:   "%s comes from the points in a step that sets them: leave it out",
	ScenPointsType:      "points must be a string (\"euclidean\", \"cosine\" or \"off\"), not %s",
	ScenPointsValue:     "points is \"euclidean\", \"cosine\" or \"off\", not %q",
	ScenPointsOffCoords: "points = \"off\" leaves points mode: a coordinate cannot be set with it",
	ScenPointsNeeded:    "%s needs points mode: set points = \"euclidean\" or \"cosine\" first",
	ScenCoordinate:      "%s must be a number from -5 to 5 with at most twelve decimals",
	ScenPointsRefused:   "%s",

	PlacePlayground: "playground",
	PlacePoints:     "points",
	PlaceBatch:      "batch",
	PlaceTrain:      "training",
	PlaceCourse:     "course",
	KeyBack:         "back",

	PointsLegendTriplet:     "triplet %s",
	PointsLegendContrastive: "contrastive %s",
	PointsZeroHidden:        "hidden",
	PointsZeroHingeOff:      "0 · hinge off",
	PointsZeroOnAnchor:      "0 · on a",
	PointsZeroAligned:       "0 · aligned",
	PointsWhyAligned:        "Cosine: a point along the anchor's direction (or opposite it) is at the distance's minimum (or maximum), where its gradient is 0.",
	PointsZeroCancel:        "0 · cancels",
	PointsZeroBothOff:       "0 · pairs off",
	PointsWhyTripletOff:     "Triplet: d(a,n) ≥ d(a,p) + m, so the hinge is off (inactive) and no point gets a gradient.",
	PointsWhyPushOff:        "Contrastive: a pair labelled different is at least m apart, so its push is off (inactive hinge).",
	PointsWhyOnAnchor:       "A point on the anchor has no direction from it: the gradient through that distance is taken as 0.",
	PointsWhyCancel:         "On the anchor its two terms pull equally in opposite directions and cancel.",
	PointsWhyBothOff:        "Contrastive: neither pair moves the anchor (each is a pull at distance 0 or a push that is off).",
	PointsWhyHidden:         "Your teacher hid this loss: its arrows are not drawn.",

	PointsPanelTitle:        "points",
	PointsPanelDistance:     "%s %s",
	PointsPlaneTitle:        "plane · %s · %s",
	PointsPlaneTitleShort:   "plane · %s · t: %s",
	PointsEuclidean:         "euclidean (d: cosine)",
	PointsCosine:            "cosine: the points as directions (d: euclidean)",
	PointsFollowTriplet:     "t steps the triplet loss (o: contrastive)",
	PointsFollowContrastive: "t steps the contrastive loss (o: triplet)",
	PointsEuclideanShort:    "euclidean (d)",
	PointsCosineShort:       "cosine (d)",
	PointsTripletShort:      "triplet (o)",
	PointsContrastiveShort:  "contrastive (o)",
	PointsKeyEnter:          "points mode, and back",
	PointsKeySelect:         "select",
	PointsKeyMove:           "move 0.05",
	PointsKeyFine:           "move 0.01",
	PointsKeyStep:           "step",
	PointsKeyFollow:         "step's loss",
	PointsKeyMetric:         "euclidean/cosine",
	PointsKeyLeave:          "distances",
	PointsKeySelectHelp:     "select",
	PointsKeyMoveHelp:       "move",
	PointsKeyFineHelp:       "move 0.01",

	HelpPointsHead: "Points mode (x)",
	HelpPoints: `x: the anchor, the positive and the negative become the points A, P, N of a plane; d(a,p) and d(a,n) are their distances (euclidean, or with d cosine, the points read as directions) and every panel, chart and hint follows them. x or esc: back to the distance controls, which keep the distances on their 0.01 grid.
1 2 3 select a point (underlined, ▸ in the points panel); the arrows move it by 0.05, with ⇧ (shift) by 0.01; the mouse picks a point and drags it.
→ ↖ …  −∂L/∂x of the triplet loss at each point, the way descent moves it; ⇒ ⇖ … the contrastive loss's. The legend gives each length |∂L/∂x|, or why it is 0.
t takes one gradient step: every point moves by −0.1·∂L/∂x of the loss the plane's title names (o switches it); hold t to play.
The braille ring around A has radius d(a,p) + m: a negative inside it has an active triplet hinge. The dotted ring has radius m: a different-labelled point inside it is pushed by the contrastive loss. Under cosine: the unit circle, and the directions at those cosine distances from A's.`,
	CLIErrHideLesson:   "a lesson shows and explains the losses and notes --hide would hide: give --lesson or hide only the chart and controls",
	HeaderPresets:      "press ] for the presets",
	HeaderPresetsShort: "] presets",
	HideNoCourse:       "Your teacher hid values that the course's lessons show and explain, so the course stays closed here.",
	CLIFlagPoints:      "open in points mode: the anchor, the positive and the negative as points you move (x in the playground)",

	PointsFixedDistance:          "Your teacher fixed a distance, which moving the points would change: points mode is off.",
	PointsStepHidden:             "Your teacher hid this loss: a step along it would show its gradient. o follows the other loss.",
	PointsStepNothingTriplet:     "The triplet loss is 0 here (its hinge is off): a step moves nothing. o follows the contrastive loss.",
	PointsStepNothingContrastive: "The contrastive loss gives no gradient here: a step moves nothing. o follows the triplet loss.",
	PointsStepRefused:            "No step: %s.",
	PointsNoTyping:               "Points mode moves the points with the arrows and the mouse; x goes back to typing distances.",

	BarEdit:        "edit",
	BarNotes:       "notes",
	BarConventions: "conventions",
	BarState:       "state",
	BarFigure:      "svg",
	BarSteps:       "steps",
}
