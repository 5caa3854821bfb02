package playground

import (
	"strings"
	"unicode/utf8"

	"losslab/explain"
	"losslab/i18n"
	"losslab/internal/termsafe"
	"losslab/internal/textwrap"
	"losslab/tui/common"
)

// notesView is the notes panel's state: it takes the chart's place and shows
// the scenario's description and current note in full, a page at a time.
// text is what page counts in: when a step changes the text, paging starts
// over instead of landing in the middle of the new text.
type notesView struct {
	open bool
	page int
	text string
}

// pageOf is the page to show of text.
func (n notesView) pageOf(text string) int {
	if n.text != text {
		return 0
	}
	return n.page
}

// next is the notes key: open at the first page, then page on, and close
// after the last page.
func (n notesView) next(text string, pages int) notesView {
	switch p := n.pageOf(text); {
	case !n.open:
		return notesView{open: true, text: text}
	case p+1 >= pages:
		return notesView{}
	default:
		return notesView{open: true, page: p + 1, text: text}
	}
}

// hasNote reports whether the note line shows the scenario's words: its
// description at the start, a step's note after, and neither once the user
// has changed the state by hand (the note would no longer describe it).
func (m Model) hasNote() bool {
	return m.scenario != nil && !m.owned && m.scenario.NoteAt(m.step) != ""
}

// noteText is the current note, made safe to print.
func (m Model) noteText() string { return termsafe.Multiline(m.scenario.NoteAt(m.step)) }

// notesText is everything the notes panel shows.
func (m Model) notesText() string {
	p := m.printer()
	x := explain.Explain(m.eval)
	var parts []string
	switch {
	case m.notesHidden():
		parts = []string{p.T(i18n.ShareHidden)}
	case m.scenario == nil:
		parts = []string{p.T(i18n.NotesNoScenario)}
	default:
		s := m.scenario
		parts = []string{p.T(i18n.ScenReplayTitle, termsafe.String(s.Name), termsafe.String(s.Title))}
		if strings.TrimSpace(s.Description) != "" { // a lesson's playground state has none: no empty label
			parts = append(parts, afterLabel(p.T(i18n.NotesDescription), termsafe.Multiline(s.Description)))
		}
		if m.step > 0 && !m.owned && s.NoteAt(m.step) != "" {
			parts = append(parts, afterLabel(p.T(i18n.NotesStep, m.step, s.Len()-1), termsafe.Multiline(s.NoteAt(m.step))))
		}
	}
	if !m.notesHidden() {
		parts = append(parts, p.T(i18n.HintPrefix, explain.HintText(p, m.eval, x.Hint)))
		if x.MarginMeaning.Long != "" { // true only where contrastive pushes a-n
			parts = append(parts, p.T(x.MarginMeaning.Long))
		}
	}
	// The variants in full: at 80×24 the panels have room for their values only.
	if variants := m.variantNotes(); len(variants) > 0 {
		parts = append(parts, p.T(i18n.NotesVariants)+"\n"+strings.Join(variants, "\n"))
	}
	return strings.Join(parts, "\n\n")
}

// afterLabel writes text after its label: after a space, unless the label
// ends in full-width punctuation (Chinese "：" carries its own space).
func afterLabel(label, text string) string {
	if r, _ := utf8.DecodeLastRuneInString(label); textwrap.IsCJK(r) {
		return label + text
	}
	return label + " " + text
}

// notesPages is the notes text wrapped to w cells in pages of h lines.
func (m Model) notesPages(w, h int) [][]string {
	lines := textwrap.Wrap(m.notesText(), w)
	h = max(h, 1)
	var pages [][]string
	for len(lines) > h {
		cut := h
		if lines[cut-1] == "" { // do not end a page on a blank line
			cut--
		}
		pages = append(pages, lines[:cut])
		lines = lines[cut:]
		for len(lines) > 0 && lines[0] == "" {
			lines = lines[1:]
		}
	}
	return append(pages, lines)
}

// notesPageCount is the number of pages at the current size.
func (m Model) notesPageCount() int {
	l := m.layout()
	return len(m.notesPages(m.width-common.PanelFrameW, l.chartH-common.PanelFrameH))
}

func (m Model) notesPanel(w, h int) string {
	p := m.printer()
	pages := m.notesPages(w-common.PanelFrameW, h-common.PanelFrameH)
	page := min(m.notes.pageOf(m.notesText()), len(pages)-1)
	title := common.FitFirst(w-6, p.T(i18n.NotesTitle, page+1, len(pages)))
	return m.textPanel(title, strings.Join(pages[page], "\n"), w, h)
}
