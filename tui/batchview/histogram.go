package batchview

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"losslab/core/batch"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/textwrap"
	"losslab/tui/common"
)

// Mark is a distance marked on the histogram by a letter in the row of the
// bin that holds it, as the figure marks it with a line: the margin m, the
// best threshold t.
type Mark struct {
	At     float64
	Letter string // one cell
}

// HistogramLines draws both distance distributions as pairs of bars per bin,
// each scaled to its own total (negative pairs usually outnumber positive
// pairs by far): "same" with █, "different" with ░, readable without colour.
// Each mark's letter stands before the bar of the bin that holds it. It
// returns at most maxBins·2 lines of width w.
func HistogramLines(p i18n.Printer, h batch.Histogram, w, maxBins int, marks ...Mark) []string {
	k := len(h.Positive)
	if k == 0 || w < 30 {
		return nil
	}
	group := HistogramGroup(k, maxBins)
	bins, tp, tn, top := mergeBins(h, group)
	label := func(b bin) string { return fmt.Sprintf("%6s–%-6s", numfmt.Fixed(b.lo, 2), numfmt.Fixed(b.hi, 2)) }
	kindW := common.Widest(p.T(i18n.HistSame), p.T(i18n.HistDiff))
	same, diff := textwrap.PadRight(p.T(i18n.HistSame), kindW), textwrap.PadRight(p.T(i18n.HistDiff), kindW)
	barW := w - ansi.StringWidth(label(bins[0])) - 2 - 14 - kindW - len(marks)
	var out []string
	for i, b := range bins {
		ps, ns := share(b.p, tp), share(b.n, tn)
		letters := ""
		for _, mk := range marks {
			if binOf(h, mk.At) >= 0 && binOf(h, mk.At)/group == i {
				letters += mk.Letter
			} else {
				letters += " "
			}
		}
		out = append(out,
			fmt.Sprintf("%s %s│%s %6s %s", label(b), letters, bar(ps/top, barW, '█'), numfmt.Percent(b.p, tp), same),
			fmt.Sprintf("%s %s│%s %6s %s", strings.Repeat(" ", ansi.StringWidth(label(b))), strings.Repeat(" ", len(marks)), bar(ns/top, barW, '░'), numfmt.Percent(b.n, tn), diff))
	}
	return out
}

// bin is one or more neighbouring bins of a histogram, merged.
type bin struct {
	lo, hi float64
	p, n   int64
}

// mergeBins merges h's bins group at a time; tp and tn are the totals of
// each kind, top the largest share of its kind that any merged bin holds,
// the common scale of both kinds' bars.
func mergeBins(h batch.Histogram, group int) (bins []bin, tp, tn int64, top float64) {
	k := len(h.Positive)
	for i := range h.Positive {
		tp += h.Positive[i]
		tn += h.Negative[i]
	}
	for i := 0; i < k; i += group {
		j := min(i+group, k)
		b := bin{lo: h.Edges[i], hi: h.Edges[j]}
		for t := i; t < j; t++ {
			b.p += h.Positive[t]
			b.n += h.Negative[t]
		}
		bins = append(bins, b)
	}
	for _, b := range bins {
		top = max(top, share(b.p, tp), share(b.n, tn))
	}
	return bins, tp, tn, top
}

// columnLevels are a cell's eighths, lowest first.
var columnLevels = []rune("▁▂▃▄▅▆▇█")

// MinColumns is the fewest columns HistogramColumns draws.
const MinColumns = 10

// ColumnCount is how many columns (bins, merged or not) HistogramColumns has
// room for in width w.
func ColumnCount(p i18n.Printer, h batch.Histogram, w int) int {
	kindW := common.Widest(p.T(i18n.HistSame), p.T(i18n.HistDiff))
	return w - kindW - 2 - ansi.StringWidth(columnRange(h))
}

func columnRange(h batch.Histogram) string {
	return numfmt.Fixed(h.Edges[0], 2) + "–" + numfmt.Fixed(h.Edges[len(h.Edges)-1], 2)
}

// HistogramColumns draws both distributions sideways in three lines, for a
// screen with too few rows for HistogramLines' bars: a column per bin
// (neighbours merged to fit w, HistogramGroup(k, ColumnCount)), its height
// in eighths of a cell its share of its kind on the bars' common scale, an
// empty bin blank and a non-empty one never; the third line puts each
// mark's letter under its bin's column (marks in one bin side by side from
// there) and gives the range. Nil when fewer than MinColumns fit.
func HistogramColumns(p i18n.Printer, h batch.Histogram, w int, marks ...Mark) []string {
	k := len(h.Positive)
	cols := 0
	if k > 0 {
		cols = ColumnCount(p, h, w)
	}
	if cols < MinColumns {
		return nil
	}
	group := HistogramGroup(k, cols)
	bins, tp, tn, top := mergeBins(h, group)
	kindW := common.Widest(p.T(i18n.HistSame), p.T(i18n.HistDiff))
	row := func(kind string, count func(bin) int64, total int64) string {
		var b strings.Builder
		b.WriteString(textwrap.PadRight(kind, kindW) + " ")
		for _, x := range bins {
			c := count(x)
			if c == 0 {
				b.WriteByte(' ')
				continue
			}
			level := int(share(c, total)/top*float64(len(columnLevels)) + 0.5)
			b.WriteRune(columnLevels[min(max(level, 1), len(columnLevels))-1])
		}
		return b.String()
	}
	axis := []rune(strings.Repeat(" ", len(bins)))
	for _, mk := range marks {
		i := binOf(h, mk.At)
		if i < 0 {
			continue
		}
		for i /= group; i < len(axis) && axis[i] != ' '; i++ {
		}
		if i < len(axis) {
			axis[i] = []rune(mk.Letter)[0]
		}
	}
	return []string{
		row(p.T(i18n.HistSame), func(b bin) int64 { return b.p }, tp),
		row(p.T(i18n.HistDiff), func(b bin) int64 { return b.n }, tn),
		strings.Repeat(" ", kindW+1) + string(axis) + " " + columnRange(h),
	}
}

// binOf is the index of the bin that holds d (bin i is [Edges[i],
// Edges[i+1]), the last one closed), or -1 beyond the bins.
func binOf(h batch.Histogram, d float64) int {
	k := len(h.Positive)
	if k == 0 || d < h.Edges[0] || d > h.Edges[k] {
		return -1
	}
	i := sort.SearchFloat64s(h.Edges, d) // the first edge ≥ d
	if i < len(h.Edges) && h.Edges[i] == d && i < k {
		return i
	}
	return i - 1
}

// Farthest is the upper edge of the last bin that holds a pair: no pair
// is farther, and the farthest is within one bin of it.
func Farthest(h batch.Histogram) float64 {
	for i := len(h.Positive) - 1; i >= 0; i-- {
		if h.Positive[i]+h.Negative[i] > 0 {
			return h.Edges[i+1]
		}
	}
	return 0
}

// HistogramGroup is how many neighbouring bins HistogramLines merges into one
// so that k bins fit in maxBins.
func HistogramGroup(k, maxBins int) int {
	return max(1, (k+maxBins-1)/max(maxBins, 1))
}

// HistogramHeading is the heading above HistogramLines(…, maxBins): one
// line, and a second that says so when bins are merged, so that a --bins
// value never silently shows fewer.
func HistogramHeading(p i18n.Printer, h batch.Histogram, maxBins int) []string {
	out := []string{p.T(i18n.BatchDistributions)}
	k := len(h.Positive)
	if g := HistogramGroup(k, maxBins); g > 1 {
		out = append(out, p.T(i18n.BatchBinsMerged, numfmt.Count(int64(k)), numfmt.Count(int64(g))))
	}
	return out
}

func share(k, total int64) float64 {
	if total == 0 {
		return 0
	}
	return float64(k) / float64(total)
}

func bar(frac float64, w int, r rune) string {
	if w <= 0 {
		return ""
	}
	n := int(frac*float64(w) + 0.5)
	if frac > 0 && n == 0 {
		n = 1 // a non-empty bin is never drawn empty
	}
	return strings.Repeat(string(r), n) + strings.Repeat(" ", w-n)
}
