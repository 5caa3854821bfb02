package playground

// chartKey is everything a chart's base picture depends on. Inputs that only
// move a marker are not in it, so moving the marker reuses the picture.
type chartKey struct {
	pane          string // the chart's ID, or a pane of it (the contrastive chart has two)
	w, h          int
	color         bool
	a, b, c       float64
	historyLength int
}

type cacheEntry struct {
	key  chartKey
	pic  picture
	plot *plot // for placing markers in data coordinates
}

// chartCache keeps the last base picture of each chart pane.
type chartCache struct {
	entries map[string]cacheEntry
	looks   map[cellLook]string // rendered cells, shared by every picture
	builds  int                 // how many pictures were drawn (tests check reuse)
}

// maxLooks bounds the rendered-cell memo (braille runes × styles stay far below).
const maxLooks = 1 << 14

func newChartCache() *chartCache {
	return &chartCache{entries: map[string]cacheEntry{}, looks: map[cellLook]string{}}
}

// get returns the chart for key, drawing it with draw on a plot of ranges
// v when the cached one was drawn for other inputs.
func (c *chartCache) get(key chartKey, v view, draw func(p *plot)) cacheEntry {
	old, ok := c.entries[key.pane]
	if ok && old.key == key {
		return old
	}
	c.builds++
	var p *plot
	if ok && old.key.w == key.w && old.key.h == key.h {
		p = old.plot
		p.reset(v)
	} else {
		p = newPlot(key.w, key.h, v)
	}
	draw(p)
	if len(c.looks) > maxLooks {
		clear(c.looks)
	}
	e := cacheEntry{key: key, pic: p.picture(c.looks), plot: p}
	c.entries[key.pane] = e
	return e
}
