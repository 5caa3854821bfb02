package trainview

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"losslab/i18n"
	"losslab/tui/common"
)

// pickerBox is the open picker in a panel at most maxW×maxH cells: the
// lists by name (the open one in brackets), the open list's rows (▸ on the
// cursor's, ● on the one in use, ✗ and why on one that cannot be taken),
// and the legend. Rows that do not fit scroll with the cursor.
func (m *Model) pickerBox(maxW, maxH int) string {
	st, p, pk := m.styles, m.p, m.pick
	innerW := maxW - common.PanelFrameW
	var names []string
	for l := range numLists {
		if !m.live(l) {
			continue
		}
		name := p.T(listNames[l])
		if l == pk.list {
			name = st.app.Selected.Render("[" + name + "]")
		}
		names = append(names, name)
	}
	head := wrap(strings.Join(names, " · "), innerW)
	var rows [][]string // each option's lines
	for i, o := range m.options(pk.list) {
		mark := "○ "
		switch {
		case o.why != "":
			mark = "✗ "
		case o.value == m.current(pk.list):
			mark = "● "
		}
		digit := "  "
		if i < 10 {
			digit = strconv.Itoa((i+1)%10) + " "
		}
		text := o.label
		if o.why != "" {
			text += " · " + o.why
		}
		prefix := st.app.Cursor(i == pk.cursor) + digit + mark
		indent := strings.Repeat(" ", lipgloss.Width(prefix))
		lines := wrap(text, max(10, innerW-len(indent)))
		for k, l := range lines {
			if o.why != "" {
				l = st.dim.Render(l)
			}
			if k == 0 {
				lines[k] = prefix + l
			} else {
				lines[k] = indent + l
			}
		}
		rows = append(rows, lines)
	}
	foot := wrap(p.T(i18n.TrainPickNow), innerW)
	room := maxH - common.PanelFrameH - len(head) - len(foot) - 1
	body := append(append([]string{}, head...), "")
	body = append(body, visibleRows(rows, pk.cursor, room)...)
	body = append(body, "")
	for _, l := range foot {
		body = append(body, st.dim.Render(l))
	}
	w := 0
	for _, l := range body {
		w = max(w, lipgloss.Width(l))
	}
	title := p.T(i18n.TrainPickTitle)
	w = min(maxW, max(w+common.PanelFrameW, lipgloss.Width(title)+common.PanelFrameW+2))
	box := st.app.TextPanel(title, strings.Join(body, "\n"), w, len(body)+common.PanelFrameH)
	if w < maxW { // a blank column between the box and the panes it covers
		box = strings.ReplaceAll(box, "\n", " \n") + " "
	}
	return box
}

// visibleRows are the rows that fit in room lines, scrolled so that the
// cursor's row shows; ⋮ marks rows above or below the window.
func visibleRows(rows [][]string, cursor, room int) []string {
	total := 0
	for _, r := range rows {
		total += len(r)
	}
	if total <= room {
		var out []string
		for _, r := range rows {
			out = append(out, r...)
		}
		return out
	}
	room = max(room-2, 1) // the ⋮ lines
	first, used := cursor, len(rows[cursor])
	for first > 0 && used+len(rows[first-1]) <= room {
		first--
		used += len(rows[first])
	}
	last := cursor
	for last+1 < len(rows) && used+len(rows[last+1]) <= room {
		last++
		used += len(rows[last])
	}
	above, below := "", ""
	if first > 0 {
		above = "  ⋮"
	}
	if last+1 < len(rows) {
		below = "  ⋮"
	}
	out := []string{above}
	for _, r := range rows[first : last+1] {
		out = append(out, r...)
	}
	return append(out, below)
}
