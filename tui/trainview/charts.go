package trainview

import (
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// viewBox is the region of the embedding plane a scatter shows. It grows to
// keep every point in view and never shrinks, so that a collapse is seen as
// the cloud shrinking, not as a zoom.
type viewBox struct {
	minX, maxX, minY, maxY float64
	set                    bool
}

// include grows the box to hold the points (x, y pairs), with 10% room.
func (b *viewBox) include(emb []float64) {
	lo := [2]float64{math.Inf(1), math.Inf(1)}
	hi := [2]float64{math.Inf(-1), math.Inf(-1)}
	for i := 0; i+1 < len(emb); i += 2 {
		for k := range 2 {
			if v := emb[i+k]; !math.IsNaN(v) && !math.IsInf(v, 0) {
				lo[k], hi[k] = math.Min(lo[k], v), math.Max(hi[k], v)
			}
		}
	}
	if math.IsInf(lo[0], 1) {
		return
	}
	if b.set && lo[0] >= b.minX && hi[0] <= b.maxX && lo[1] >= b.minY && hi[1] <= b.maxY {
		return
	}
	if b.set {
		lo[0], lo[1] = math.Min(lo[0], b.minX), math.Min(lo[1], b.minY)
		hi[0], hi[1] = math.Max(hi[0], b.maxX), math.Max(hi[1], b.maxY)
	}
	pad := 0.1 * math.Max(math.Max(hi[0]-lo[0], hi[1]-lo[1]), 1e-9)
	b.minX, b.maxX, b.minY, b.maxY, b.set = lo[0]-pad, hi[0]+pad, lo[1]-pad, hi[1]+pad, true
}

// scatter draws the points (x, y pairs) with their classes into w×h cells,
// at one scale on both axes (a braille dot is about square).
func scatter(emb []float64, labels []int, classes int, box viewBox, w, h int, styles []lipgloss.Style, glyphs []string) []string {
	c, _ := scatterCanvas(emb, labels, classes, box, w, h)
	return c.render(styles, glyphs)
}

// scatterCanvas is scatter before rendering, with the plane's mapping, so
// that slow mode can draw over it.
func scatterCanvas(emb []float64, labels []int, classes int, box viewBox, w, h int) (*dotCanvas, plane) {
	c := newDotCanvas(w, h, classes)
	pl := newPlane(box, w, h)
	for i, k := range labels {
		if x, y, ok := pl.dot(emb[2*i], emb[2*i+1]); ok {
			c.set(x, y, k)
		}
	}
	return c, pl
}

// plane maps the embedding plane onto the dots of a w×h-cell canvas.
type plane struct {
	box               viewBox
	scale, offX, offY float64
}

func newPlane(box viewBox, w, h int) plane {
	dx, dy := box.maxX-box.minX, box.maxY-box.minY
	scale := math.Min(float64(2*w-1)/math.Max(dx, 1e-12), float64(4*h-1)/math.Max(dy, 1e-12))
	return plane{box: box, scale: scale, offX: (float64(2*w-1) - dx*scale) / 2, offY: (float64(4*h-1) - dy*scale) / 2}
}

// dot is the dot of point (x, y); a diverged point has no place (ok false).
func (p plane) dot(x, y float64) (int, int, bool) {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.IsNaN(y) || math.IsInf(y, 0) {
		return 0, 0, false
	}
	return int(math.Round(p.offX + (x-p.box.minX)*p.scale)), int(math.Round(p.offY + (p.box.maxY-y)*p.scale)), true
}

// histogramCells is the overlay of both distributions: each column a bin of
// [0, top], each kind scaled to its own total (there are far more different-
// class pairs), then both to the taller bar.
type histogramCells struct {
	top   float64 // the right end of the last bin
	lines []string
	mcol  int // column of the margin, −1 when not shown
}

// Glyphs of the overlay; they read without colour.
const (
	glyphSame   = "█"
	glyphDiff   = "░"
	glyphBoth   = "▓"
	glyphMargin = "┊"
)

// histogram draws the overlay over [0, top]: top from the data (and the
// margin), or fixed (fixedTop > 0), where larger distances fall in the
// last bin.
func histogram(pos, neg []float64, margin float64, showMargin bool, fixedTop float64, w, h int) histogramCells {
	// Sorted, so the finite values come first; a run that diverged leaves
	// infinite ones, which have no bin.
	pos, neg = finitePrefix(pos), finitePrefix(neg)
	top := fixedTop
	if top <= 0 {
		top = distanceTop(pos, neg, margin, showMargin)
	}
	share := func(sorted []float64) []float64 {
		s := make([]float64, w)
		for _, v := range sorted {
			s[min(int(v/top*float64(w)), w-1)]++
		}
		for i := range s {
			s[i] /= math.Max(float64(len(sorted)), 1)
		}
		return s
	}
	sp, sn := share(pos), share(neg)
	tallest := 0.0
	for i := range w {
		tallest = math.Max(tallest, math.Max(sp[i], sn[i]))
	}
	height := func(v float64) int {
		if v <= 0 || tallest == 0 {
			return 0
		}
		return max(1, int(math.Round(v/tallest*float64(h)))) // a non-empty bin is never drawn empty
	}
	mcol := -1
	if showMargin {
		mcol = min(int(margin/top*float64(w)), w-1)
		if margin > top { // off the fixed axis
			mcol = -1
		}
	}
	hc := histogramCells{top: top, mcol: mcol}
	var b strings.Builder
	for r := h - 1; r >= 0; r-- {
		b.Reset()
		for col := range w {
			p, n := r < height(sp[col]), r < height(sn[col])
			switch {
			case p && n:
				b.WriteString(glyphBoth)
			case p:
				b.WriteString(glyphSame)
			case n:
				b.WriteString(glyphDiff)
			case col == mcol:
				b.WriteString(glyphMargin)
			default:
				b.WriteByte(' ')
			}
		}
		hc.lines = append(hc.lines, b.String())
	}
	return hc
}

// axisTop is the right end of run r's distance axis now, as histogram
// chooses it, for fixing the axis there.
func axisTop(r interface{ Distances() (pos, neg []float64) }) float64 {
	pos, neg := r.Distances()
	return distanceTop(pos, neg, 0, false)
}

// distanceTop is the right end of a distance axis for sorted distances:
// the largest finite one (and past the margin where it is shown).
func distanceTop(pos, neg []float64, margin float64, showMargin bool) float64 {
	pos, neg = finitePrefix(pos), finitePrefix(neg)
	top := 0.0
	if len(pos) > 0 {
		top = pos[len(pos)-1]
	}
	if len(neg) > 0 {
		top = math.Max(top, neg[len(neg)-1])
	}
	if showMargin {
		top = math.Max(top, margin*1.05)
	}
	return math.Max(top, 1e-9)
}

// finitePrefix is the part of sorted values before the first that is not
// finite (NaN and +Inf sort last in losslab's distance sort).
func finitePrefix(sorted []float64) []float64 {
	for i, v := range sorted {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return sorted[:i]
		}
	}
	return sorted
}

// curve draws the values (at increasing steps) as a braille line over w×h
// cells, x from 0 to the last step, y from 0 to top.
func curve(steps []int, values []float64, top float64, w, h int, style lipgloss.Style) []string {
	c := newDotCanvas(w, h, 1)
	if len(steps) == 0 {
		return c.render([]lipgloss.Style{style}, nil)
	}
	last := math.Max(float64(steps[len(steps)-1]), 1)
	if math.IsNaN(top) || math.IsInf(top, 0) {
		return c.render([]lipgloss.Style{style}, nil)
	}
	top = math.Max(top, 1e-12)
	px, py := -1, -1
	for i, s := range steps {
		if math.IsNaN(values[i]) || math.IsInf(values[i], 0) {
			continue
		}
		x := int(math.Round(float64(s) / last * float64(2*w-1)))
		y := int(math.Round((1 - math.Min(math.Max(values[i]/top, 0), 1)) * float64(4*h-1)))
		if px < 0 {
			c.set(x, y, 0)
		} else {
			c.line(px, py, x, y, 0)
		}
		px, py = x, y
	}
	return c.render([]lipgloss.Style{style}, nil)
}
