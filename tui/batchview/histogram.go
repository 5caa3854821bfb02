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
	var tp, tn int64
	for i := range h.Positive {
		tp += h.Positive[i]
		tn += h.Negative[i]
	}
	type bin struct {
		lo, hi float64
		p, n   int64
	}
	var bins []bin
	for i := 0; i < k; i += group {
		j := min(i+group, k)
		b := bin{lo: h.Edges[i], hi: h.Edges[j]}
		for t := i; t < j; t++ {
			b.p += h.Positive[t]
			b.n += h.Negative[t]
		}
		bins = append(bins, b)
	}
	var top float64
	for _, b := range bins {
		top = max(top, share(b.p, tp), share(b.n, tn))
	}
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
