package statestr

import (
	"math"
	"strconv"
	"strings"

	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/i18n"
	"losslab/internal/errtext"
)

// Points mode in a string: "pts-e" (Euclidean) or "pts-c" (cosine) after
// the labels, then the six coordinates ax, ay, px, py, nx, ny, each written
// when it is not 0, in its shortest decimal spelling (a minus sign is part
// of the value: "nx--0.3"). d(a,p) and d(a,n) are the points' own then, so
// dap and dan are left out.
const keyPoints = "pts"

var metricLetters = map[dist.Metric]string{dist.Euclidean: "e", dist.Cosine: "c"}

// coordKeys are the coordinates' keys in the order they are written.
var coordKeys = []string{"ax", "ay", "px", "py", "nx", "ny"}

// coordinates are the points' six coordinates in coordKeys' order.
func coordinates(ps grid.Points) []float64 {
	var out []float64
	for _, pt := range ps.At {
		out = append(out, pt.X, pt.Y)
	}
	return out
}

// withCoordinate is ps with coordinate i (coordKeys' order) set to x.
func withCoordinate(ps grid.Points, i int, x float64) grid.Points {
	if i%2 == 0 {
		ps.At[i/2].X = x
	} else {
		ps.At[i/2].Y = x
	}
	return ps
}

// pointsTokens spells ps.
func pointsTokens(ps grid.Points) []string {
	tokens := []string{keyPoints + "-" + metricLetters[ps.Metric]}
	for i, x := range coordinates(ps) {
		if x != 0 {
			tokens = append(tokens, coordKeys[i]+"-"+coordinate(x))
		}
	}
	return tokens
}

// coordinate is the shortest decimal spelling of x.
func coordinate(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// parseMetric reads pts' value.
func parseMetric(value string) (dist.Metric, error) {
	for m, letter := range metricLetters {
		if letter == value {
			return m, nil
		}
	}
	return 0, fieldErr(keyPoints, value, i18n.StateReasonMetric)
}

// parseCoordinate reads a coordinate in its canonical spelling on the
// points' lattice.
func parseCoordinate(key, value string) (float64, error) {
	digits := strings.TrimPrefix(value, "-")
	x, err := strconv.ParseFloat(value, 64)
	if err != nil || strings.Trim(digits, "0123456789.") != "" || math.Abs(x) > grid.MaxNorm || grid.Snap(x) != x {
		return 0, fieldErr(key, value, i18n.StateReasonCoordinate)
	}
	switch {
	case x == 0:
		return 0, fieldErr(key, value, i18n.StateReasonDefault)
	case coordinate(x) != value:
		return 0, fieldErr(key, value, i18n.StateReasonSpelling, coordinate(x))
	}
	return x, nil
}

// pointsErr is a refusal of the points a string spells.
func pointsErr(err error) error {
	return fieldErr(keyPoints, "", i18n.StateReasonPoints, &errtext.PointsError{Err: err})
}
