package trainview

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// dotCanvas is a grid of terminal cells, each holding 2×4 braille dots and,
// per class, how many points fell in it, so that a cell can be drawn in the
// colour, or under NO_COLOR with the glyph, of the class most present there.
// (ntcharts' braille grid keeps one style per cell too; this one also knows
// which class owns the cell.)
type dotCanvas struct {
	w, h    int // cells
	classes int
	bits    []uint8
	counts  []int32 // w·h·classes
}

func newDotCanvas(w, h, classes int) *dotCanvas {
	return &dotCanvas{w: w, h: h, classes: max(classes, 1), bits: make([]uint8, w*h), counts: make([]int32, w*h*max(classes, 1))}
}

// brailleBit is the bit of dot (x mod 2, y mod 4) in a braille cell.
var brailleBit = [4][2]uint8{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}

// set lights dot (x, y) (dots from the top left) for class c; dots outside
// the canvas are ignored.
func (c *dotCanvas) set(x, y, class int) {
	if x < 0 || y < 0 || x >= 2*c.w || y >= 4*c.h {
		return
	}
	cell := (y/4)*c.w + x/2
	c.bits[cell] |= brailleBit[y%4][x%2]
	c.counts[cell*c.classes+min(max(class, 0), c.classes-1)]++
}

// owner is the class with the most points in a cell (the lower index on a
// tie), or −1 for an empty cell.
func (c *dotCanvas) owner(cell int) int {
	best, bestN := -1, int32(0)
	for k := range c.classes {
		if n := c.counts[cell*c.classes+k]; n > bestN {
			best, bestN = k, n
		}
	}
	return best
}

// render draws the canvas: braille dots in the owner's style, or with glyphs
// (one per class) when glyphs is set; empty cells are blank.
func (c *dotCanvas) render(styles []lipgloss.Style, glyphs []string) []string {
	lines := make([]string, c.h)
	var b strings.Builder
	for y := range c.h {
		b.Reset()
		for x := range c.w {
			b.WriteString(c.cell(y*c.w+x, styles, glyphs))
		}
		lines[y] = b.String()
	}
	return lines
}

// cell is one cell as render draws it.
func (c *dotCanvas) cell(cell int, styles []lipgloss.Style, glyphs []string) string {
	k := c.owner(cell)
	switch {
	case k < 0:
		return " "
	case glyphs != nil:
		return styles[k%len(styles)].Render(glyphs[k%len(glyphs)])
	}
	return styles[k%len(styles)].Render(string(rune(0x2800 + int(c.bits[cell]))))
}

// line lights the dots from (x0, y0) to (x1, y1) (Bresenham).
func (c *dotCanvas) line(x0, y0, x1, y1, class int) {
	dx, dy := abs(x1-x0), -abs(y1-y0)
	sx, sy := sign(x1-x0), sign(y1-y0)
	err := dx + dy
	for {
		c.set(x0, y0, class)
		if x0 == x1 && y0 == y1 {
			return
		}
		e2 := 2 * err
		if e2 >= dy {
			err += dy
			x0 += sx
		}
		if e2 <= dx {
			err += dx
			y0 += sy
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func sign(x int) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}
