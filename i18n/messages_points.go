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
}
