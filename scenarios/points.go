package scenarios

import (
	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/internal/termsafe"
)

// Points mode in a scenario file: `points = "euclidean"` (or "cosine")
// turns it on with that distance, `points = "off"` off; `ax`, `ay`, `px`,
// `py`, `nx`, `ny` set coordinates (a start in points mode needs no dap or
// dan: the points give them). A step that sets no coordinate keeps the
// points; a step that sets dap or dan moves the positive or the negative
// to that distance from the anchor, and cannot also set points.
const keyPoints = "points"

// pointsOff turns points mode off in a file.
const pointsOff = "off"

// coordKeys are the coordinates' keys, the points in order a, p, n.
var coordKeys = []string{"ax", "ay", "px", "py", "nx", "ny"}

// pointsKeys are the keys of points mode.
func pointsKeys() []string { return append([]string{keyPoints}, coordKeys...) }

var metricNames = map[string]dist.Metric{"euclidean": dist.Euclidean, "cosine": dist.Cosine}

// setsPoints reports whether table names a key of points mode.
func setsPoints(table map[string]any) bool {
	for _, k := range pointsKeys() {
		if _, ok := table[k]; ok {
			return true
		}
	}
	return false
}

// applyPoints sets on cur what table says of points mode, after its other
// fields. It reports whether anything of it was set.
func (p *parser) applyPoints(cur grid.State, table map[string]any, section string, index int) (grid.State, bool, error) {
	if !setsPoints(table) {
		return cur, false, nil
	}
	if table[keyPoints] != pointsOff {
		for _, k := range []string{grid.DAP.Key(), grid.DAN.Key()} {
			if _, ok := table[k]; ok {
				return cur, false, p.errAt(section, index, k, i18n.ScenPointsDerived, k)
			}
		}
	}
	ps := cur.Points
	if v, ok := table[keyPoints]; ok {
		s, ok := v.(string)
		if !ok {
			return cur, false, p.errAt(section, index, keyPoints, i18n.ScenPointsType, tomlType(v))
		}
		m, known := metricNames[s]
		switch {
		case s == pointsOff:
			if p.setsCoordinate(table) {
				return cur, false, p.errAt(section, index, keyPoints, i18n.ScenPointsOffCoords)
			}
			return cur.WithoutPoints(), true, nil
		case !known:
			return cur, false, p.errAt(section, index, keyPoints, i18n.ScenPointsValue, termsafe.Echo(s))
		case !ps.On:
			ps = cur.WithPointsFrom(grid.Points{}).Points
		}
		ps.Metric = m
	}
	for i, k := range coordKeys {
		v, ok := table[k]
		if !ok {
			continue
		}
		if !ps.On {
			return cur, false, p.errAt(section, index, k, i18n.ScenPointsNeeded, k)
		}
		x, err := p.numeric(v, section, index, k)
		if err != nil {
			return cur, false, err
		}
		if !(x >= -grid.MaxNorm && x <= grid.MaxNorm) || grid.Snap(x) != x {
			return cur, false, p.errAt(section, index, k, i18n.ScenCoordinate, k)
		}
		if i%2 == 0 {
			ps.At[i/2].X = x
		} else {
			ps.At[i/2].Y = x
		}
	}
	out, err := cur.WithPoints(ps)
	if err != nil {
		return cur, false, p.errAt(section, index, keyPoints, i18n.ScenPointsRefused, &errtext.PointsError{Err: err})
	}
	return out, true, nil
}

func (p *parser) setsCoordinate(table map[string]any) bool {
	for _, k := range coordKeys {
		if _, ok := table[k]; ok {
			return true
		}
	}
	return false
}

// points lists how a step or start writes points mode: its distance and
// all six coordinates, so that loading reproduces the points exactly.
func pointsTable(ps grid.Points) table {
	if !ps.On {
		return table{{keyPoints, pointsOff}}
	}
	t := table{{keyPoints, ps.Metric.String()}}
	for i, k := range coordKeys {
		pt := ps.At[i/2]
		if i%2 == 0 {
			t = append(t, keyValue{k, pt.X})
		} else {
			t = append(t, keyValue{k, pt.Y})
		}
	}
	return t
}
