package batchview

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/dataset"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/internal/termsafe"
	"losslab/tui/common"
)

// picker opens another data set without leaving the view: a demo, or a
// file by its path (not in a served session, whose files are the server's).
// Loading runs in the background; a bad path or file is one line in the
// picker, which stays open to try again.
type picker struct {
	open     bool
	choices  []string // the demos' names, then "" for a file
	selected int
	path     textinput.Model
	loading  string // what is being opened, "" when nothing is
	load     uint64 // the newest load (common.NewID); older ones' results are dropped
	err      string
}

// loadedMsg is a load's end: the data set or why there is none.
type loadedMsg struct {
	load uint64
	d    *dataset.Dataset
	err  error
}

func newPicker(ctx *common.Context) picker {
	in := ctx.Styles.NewTextInput()
	in.Prompt = "✎ "
	in.Placeholder = ctx.Printer.T(i18n.BatchOpenPathHint)
	in.CharLimit = 4096
	choices := dataset.DemoNames()
	if !ctx.Share.NoFiles {
		choices = append(choices, "")
	}
	return picker{choices: choices, path: in}
}

// show opens the picker on its first choice, the path kept from before.
func (p picker) show() picker {
	p.open, p.err = true, ""
	return p.focus()
}

// onFile reports whether the file row is selected: typed keys go to the path.
func (p picker) onFile() bool { return p.choices[p.selected] == "" }

func (p picker) focus() picker {
	if p.onFile() {
		p.path.Focus()
	} else {
		p.path.Blur()
	}
	return p
}

func (m Model) updatePicker(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, pk := m.keys, &m.picker
	switch {
	case msg.String() == "ctrl+c":
		return m, tea.Quit
	case key.Matches(msg, k.CloseHelp):
		pk.open, pk.loading = false, ""
		pk.load = 0 // a load still running is no longer wanted
	case msg.Type == tea.KeyUp || msg.Type == tea.KeyDown || msg.Type == tea.KeyTab:
		step := 1
		if msg.Type == tea.KeyUp {
			step = len(pk.choices) - 1
		}
		pk.selected = (pk.selected + step) % len(pk.choices)
		*pk = pk.focus()
	case msg.Type == tea.KeyEnter:
		return m.startLoad()
	case pk.onFile():
		var cmd tea.Cmd
		pk.path, cmd = pk.path.Update(msg)
		pk.err = ""
		return m, cmd
	}
	return m, nil
}

// startLoad opens the selected demo or file in the background.
func (m Model) startLoad() (Model, tea.Cmd) {
	pk, p := &m.picker, m.ctx.Printer
	pk.err = ""
	name, lim := pk.choices[pk.selected], m.limits
	if name == "" {
		path := strings.TrimSpace(pk.path.Value())
		if path == "" {
			pk.err = p.T(i18n.BatchOpenNoPath)
			return m, nil
		}
		if _, err := dataset.FormatOf(path); err != nil {
			pk.err = p.T(i18n.BatchOpenFormat, termsafe.String(path))
			return m, nil
		}
		pk.load = common.NewID()
		pk.loading = termsafe.String(path)
		load := pk.load
		return m, func() tea.Msg { d, err := loadFile(path, lim); return loadedMsg{load, d, err} }
	}
	pk.load = common.NewID()
	pk.loading = p.T(i18n.DataDemo, name)
	load := pk.load
	return m, func() tea.Msg { d, err := dataset.DemoLimited(name, lim); return loadedMsg{load, d, err} }
}

// loadFile reads a data file as `losslab batch --in FILE` does: the
// format from its name, the label column named "label" or the last one.
func loadFile(path string, lim dataset.Limits) (*dataset.Dataset, error) {
	format, err := dataset.FormatOf(path)
	if err != nil {
		return nil, err
	}
	r, err := dataset.Open(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return dataset.ParseLimited(r, path, format, "", lim)
}

// loaded shows a newly opened data set, normalised when the toggle is on,
// and computes it; an error stays in the picker.
func (m Model) loaded(msg loadedMsg) (Model, tea.Cmd) {
	pk := &m.picker
	if msg.load != pk.load || pk.loading == "" {
		return m, nil // cancelled, or superseded by a newer load
	}
	pk.loading = ""
	d, err := msg.d, msg.err
	data := d
	if err == nil && m.normalize {
		data, err = d.Normalized()
	}
	if err != nil {
		pk.err = errorText(m.ctx.Printer, err)
		return m, nil
	}
	pk.open = false
	m.raw, m.data, m.res, m.err = d, data, nil, nil
	return m, m.recompute()
}

// errorText is err in the printer's language (internal/errtext: a file's
// line, the system's refusal), made printable.
func errorText(p i18n.Printer, err error) string {
	return termsafe.String(errtext.Message(p, err))
}
