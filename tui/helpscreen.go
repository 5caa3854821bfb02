package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"losslab/i18n"
)

// The help screen ('?') takes the whole window: every key, every glyph and
// every term the playground shows, in pages that fit the window (←/→ or
// space turn them; esc or ? close it).

// helpLines is the help's content wrapped to w cells, with hanging indents.
func helpLines(p i18n.Printer, keys KeyMap, w int) []string {
	var out []string
	section := func(head string) {
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, head)
	}
	entry := func(text string, indent int) {
		lines := wrapWords(text, w-indent)
		for i := range lines {
			if i > 0 {
				lines[i] = strings.Repeat(" ", indent) + lines[i]
			}
		}
		out = append(out, lines...)
	}
	section(p.T(i18n.HelpKeysHead))
	var bindings []key.Binding
	for _, group := range keys.FullHelp() {
		bindings = append(bindings, group...)
	}
	keyW := 0
	for _, b := range bindings {
		keyW = max(keyW, ansi.StringWidth(b.Help().Key))
	}
	for _, b := range bindings {
		// The key column is padded here: wrapping would fold the padding.
		lines := wrapWords(b.Help().Desc, w-keyW-2)
		for i := range lines {
			k := ""
			if i == 0 {
				k = b.Help().Key
			}
			lines[i] = k + strings.Repeat(" ", keyW+2-ansi.StringWidth(k)) + lines[i]
		}
		out = append(out, lines...)
	}
	section(p.T(i18n.HelpGlyphsHead))
	for _, l := range strings.Split(p.T(i18n.HelpGlyphs), "\n") {
		entry(l, 3)
	}
	section(p.T(i18n.HelpTermsHead))
	for _, l := range strings.Split(p.T(i18n.HelpTerms), "\n") {
		entry(l, 2)
	}
	return out
}

// helpPages splits the help into pages of h lines; a page never starts
// with a blank line.
func helpPages(p i18n.Printer, keys KeyMap, w, h int) [][]string {
	lines := helpLines(p, keys, w)
	h = max(h, 1)
	var pages [][]string
	for len(lines) > 0 {
		for len(lines) > 0 && lines[0] == "" {
			lines = lines[1:]
		}
		n := min(h, len(lines))
		pages = append(pages, lines[:n])
		lines = lines[n:]
	}
	return pages
}

// helpBodyH is the number of content lines per help page at height h: the
// frame and the footer line take the rest.
func helpBodyH(h int) int { return h - panelFrameH - 1 }

// helpPageCount is how many pages the help has at w×h.
func helpPageCount(p i18n.Printer, keys KeyMap, w, h int) int {
	return len(helpPages(p, keys, w-panelFrameW, helpBodyH(h)))
}

// helpScreen renders page of the help as the whole w×h screen.
func helpScreen(p i18n.Printer, keys KeyMap, w, h, page int, st Styles) string {
	iw := w - panelFrameW
	pages := helpPages(p, keys, iw, helpBodyH(h))
	page = min(max(page, 0), len(pages)-1)
	body := padLines(strings.Join(pages[page], "\n"), iw, helpBodyH(h)) + "\n" +
		padLines(st.Dim.Render(fitFirst(iw, p.T(i18n.HelpFooter))), iw, 1)
	return framePanel(st, p.T(i18n.HelpTitle, page+1, len(pages)), body, w)
}
