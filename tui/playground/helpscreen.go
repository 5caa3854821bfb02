package playground

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"losslab/i18n"
	"losslab/internal/textwrap"
	"losslab/tui/common"
)

// The help screen ('?') takes the whole window: every key, every glyph and
// every term the playground shows, in pages that fit the window (←/→ or
// space turn them; esc or ? close it).

// helpEntries is the help's content wrapped to w cells: each entry (a
// heading, a key, a glyph, a term, or a blank separator) is one group of
// lines that a page keeps together.
func helpEntries(p i18n.Printer, keys [][]key.Binding, w int) [][]string {
	var out [][]string
	section := func(head string) {
		if len(out) > 0 {
			out = append(out, []string{""})
		}
		out = append(out, []string{head})
	}
	// column writes label padded to labelW, then text wrapped beside it.
	column := func(label, text string, labelW int) {
		lines := textwrap.Wrap(text, w-labelW-2)
		for i := range lines {
			l := ""
			if i == 0 {
				l = label
			}
			lines[i] = textwrap.PadRight(l, labelW+2) + lines[i]
		}
		out = append(out, lines)
	}
	section(p.T(i18n.HelpKeysHead))
	var bindings []key.Binding
	for _, group := range keys {
		for _, b := range group {
			if b.Enabled() { // a disabled key does nothing here: do not offer it
				bindings = append(bindings, b)
			}
		}
	}
	keyW := 0
	for _, b := range bindings {
		keyW = max(keyW, ansi.StringWidth(b.Help().Key))
	}
	for _, b := range bindings {
		column(b.Help().Key, b.Help().Desc, keyW)
	}
	section(p.T(i18n.HelpGlyphsHead))
	glyphs := strings.Split(p.T(i18n.HelpGlyphs), "\n")
	glyphW := 0
	for _, l := range glyphs {
		if g, _, ok := strings.Cut(l, "  "); ok {
			glyphW = max(glyphW, ansi.StringWidth(g))
		}
	}
	for _, l := range glyphs {
		if g, text, ok := strings.Cut(l, "  "); ok {
			column(g, strings.TrimSpace(text), glyphW)
		} else { // a sentence rather than a glyph: no column
			out = append(out, textwrap.Wrap(l, w))
		}
	}
	// paragraphs writes text's lines, each wrapped with a hanging indent.
	paragraphs := func(text string) {
		for _, l := range strings.Split(text, "\n") {
			lines := textwrap.Wrap(l, w-2)
			for i := 1; i < len(lines); i++ {
				lines[i] = "  " + lines[i]
			}
			out = append(out, lines)
		}
	}
	section(p.T(i18n.HelpTermsHead))
	paragraphs(p.T(i18n.HelpTerms))
	section(p.T(i18n.HelpPointsHead))
	paragraphs(p.T(i18n.HelpPoints))
	return out
}

// helpPages packs whole entries into pages of h lines (an entry taller than
// a page is split); a page never starts with a blank line, and a heading
// never ends a page.
func helpPages(p i18n.Printer, keys [][]key.Binding, w, h int) [][]string {
	h = max(h, 1)
	entries := helpEntries(p, keys, w)
	var pages [][]string
	var page []string
	for i, e := range entries {
		if len(page) == 0 && len(e) == 1 && e[0] == "" {
			continue
		}
		heading := i+1 < len(entries) && len(e) == 1 && e[0] != "" && !strings.HasPrefix(e[0], " ") && i > 0 && entries[i-1][0] == ""
		need := len(e)
		if heading {
			need += len(entries[i+1]) // keep a heading with its first entry
		}
		if len(page)+need > h && len(page) > 0 {
			pages = append(pages, page)
			page = nil
			if len(e) == 1 && e[0] == "" {
				continue
			}
		}
		for len(e) > h { // an entry taller than a page
			pages = append(pages, e[:h])
			e = e[h:]
		}
		page = append(page, e...)
	}
	if len(page) > 0 {
		pages = append(pages, page)
	}
	return pages
}

// helpBodyH is the number of content lines per help page at height h: the
// frame and the footer line take the rest.
func helpBodyH(h int) int { return h - common.PanelFrameH - 1 }

// helpPageCount is how many pages the help has at w×h.
func helpPageCount(p i18n.Printer, keys [][]key.Binding, w, h int) int {
	return len(helpPages(p, keys, w-common.PanelFrameW, helpBodyH(h)))
}

// helpScreen renders page of the help as the whole w×h screen.
func helpScreen(p i18n.Printer, keys [][]key.Binding, w, h, page int, st common.Styles) string {
	iw := w - common.PanelFrameW
	pages := helpPages(p, keys, iw, helpBodyH(h))
	page = min(max(page, 0), len(pages)-1)
	body := common.PadLines(strings.Join(pages[page], "\n"), iw, helpBodyH(h)) + "\n" +
		common.PadLines(st.Dim.Render(common.FitFirst(iw, p.T(i18n.HelpFooter))), iw, 1)
	return st.Panel(p.T(i18n.HelpTitle, page+1, len(pages)), body, w)
}
