package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"losslab/tui/common"
)

// The shell's two bars, the same in every mode. The mode bar on the top
// line says where the user is and how to get elsewhere: the places, each
// with the key that leads there from here, and on the right the keys every
// place shares (esc back, ? the full help, q quit). The key bar on the
// bottom line lists the mode's keys that act now (its ShortHelp, what
// matters first). The mode on screen gets the rows between them.
const (
	modeBarH = 1
	keyBarH  = common.BarRows - modeBarH
)

// barSep separates the bars' entries: two spaces, as terminal key bars do
// (bold keys in colour, readable without).
const barSep = "  "

// sharedKeys are the keys the mode bar lists for every place, not the key
// bar.
var sharedKeys = []string{"?", "q"}

// modeBar is the top line: the places, the current one marked with ▸
// (which reads without colour) and in the accent colour, the others dim
// with the key that leads there; the shared keys on the right.
func (a App) modeBar() string {
	st, p := a.ctx.Styles, a.ctx.Printer
	here := a.Place()
	keys := a.placeKeys()
	var places []string
	for pl := range common.NumPlaces {
		name := p.T(pl.Name())
		switch {
		case pl == here:
			places = append(places, st.Selected.Render("▸ "+name))
		case keys[pl] != "":
			places = append(places, st.Dim.Bold(true).Render(keys[pl])+" "+st.Dim.Render(name))
		default:
			places = append(places, st.Dim.Render(name))
		}
	}
	var shared []string
	if a.escGoesBack() {
		shared = append(shared, keyItem(a.keys.Back, st))
	}
	for _, b := range a.bindings() {
		if isShared(b) {
			shared = append(shared, keyItem(b, st))
		}
	}
	left, right := strings.Join(places, barSep), strings.Join(shared, barSep)
	if gap := a.ctx.Width - lipgloss.Width(left) - lipgloss.Width(right); gap >= 2 {
		return left + strings.Repeat(" ", gap) + right
	}
	return common.PadLines(fitLine(append(places, shared...), barSep, a.ctx.Width, len(shared)), a.ctx.Width, 1)
}

// keyBar is the bottom line: the mode's keys that act now, in its order,
// as many as the width holds.
func (a App) keyBar() string {
	st := a.ctx.Styles
	var items []string
	for _, b := range a.modes[a.current].ShortHelp() {
		if b.Enabled() && !isShared(b) {
			items = append(items, keyItem(b, st))
		}
	}
	return common.PadLines(fitLine(items, barSep, a.ctx.Width, 0), a.ctx.Width, 1)
}

// escGoesBack reports whether esc takes the user back to the place before.
func (a App) escGoesBack() bool { return len(a.back) > 0 && !takesEsc(a.modes[a.current]) }

// placeKeys are the keys that lead from the mode on screen to other
// places: those the mode names (common.PlaceKeyer: x to points mode, g to
// the course), and tab to the next mode where the mode's tab key (the one
// common.Context.TabKey makes) is one of its keys now: a mode may give tab
// another meaning for a while (the course's skip, a picker's list), and
// then tab leads nowhere else.
func (a App) placeKeys() map[common.Place]string {
	out := map[common.Place]string{}
	if k, ok := a.modes[a.current].(common.PlaceKeyer); ok {
		for pl, key := range k.PlaceKeys() {
			out[pl] = key
		}
	}
	tab := a.ctx.TabKey(a.current).Help()
	for _, b := range a.bindings() {
		if slices.Contains(b.Keys(), "tab") && b.Help() == tab {
			out[common.PlaceOf(common.NextMode(a.current), nil)] = "tab"
		}
	}
	return out
}

// bindings are the enabled keys of the mode on screen (its full help).
func (a App) bindings() []key.Binding {
	var out []key.Binding
	seen := map[string]bool{}
	for _, col := range a.modes[a.current].FullHelp() {
		for _, b := range col {
			if id := strings.Join(b.Keys(), " "); b.Enabled() && !seen[id] {
				seen[id] = true
				out = append(out, b)
			}
		}
	}
	return out
}

func isShared(b key.Binding) bool {
	for _, k := range b.Keys() {
		if slices.Contains(sharedKeys, k) {
			return true
		}
	}
	return false
}

func keyItem(b key.Binding, st common.Styles) string {
	h := b.Help()
	return st.Dim.Bold(true).Render(h.Key) + " " + st.Dim.Render(h.Desc)
}

// fitLine joins items with sep in width w, dropping items before the last
// keep ones from the end until the line fits.
func fitLine(items []string, sep string, w, keep int) string {
	for len(items) > 0 {
		line := strings.Join(items, sep)
		if lipgloss.Width(line) <= w {
			return line
		}
		drop := max(len(items)-keep-1, 0)
		items = append(items[:drop:drop], items[drop+1:]...)
	}
	return ""
}
