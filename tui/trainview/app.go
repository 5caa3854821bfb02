package trainview

import (
	"errors"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/train"
	"losslab/internal/errtext"
	"losslab/tui/common"
)

// Config is what the training mode opens on in the app: a trainer (nil:
// blobs with the defaults) and the user's data set, if one was given, to
// offer among the data sets.
type Config struct {
	Trainer *train.Trainer
	File    *train.Data
	// Step, beyond the trainer's, is the step to train to when the mode
	// opens (a state string's), off the event loop with its progress shown.
	Step int
}

// AppMode is the training mode as the app hosts it: the component (Model)
// with tab to the next mode, S for the state string, and training paused
// while another mode is on screen.
type AppMode struct {
	view  Model
	ctx   *common.Context
	tab   key.Binding
	share sharing
}

// Open is the training mode for the app on ctx.
func Open(ctx *common.Context, cfg Config) common.Mode {
	tr := cfg.Trainer
	if tr == nil {
		c := train.NewConfig()
		data, err := train.Generate(c.Data, c.Seed)
		if err == nil {
			tr, err = train.New(c, data)
		}
		if err != nil {
			return &errorMode{errors.New(errtext.Message(ctx.Printer, err))} // said in the user's language
		}
	}
	tab := ctx.TabKey(common.ModeTrain)
	view := New(tr, Options{Base: ctx.Styles.Base, Color: ctx.Color, File: cfg.File, Printer: ctx.Printer, Hosted: true, Tab: tab, Budget: ctx.Share.Budget})
	return &AppMode{ctx: ctx, view: view.RunTo(cfg.Step), tab: tab}
}

// Trainer is the trainer on screen.
func (m AppMode) Trainer() *train.Trainer { return m.view.Trainer() }

// Busy says whether training is under way off the event loop.
func (m AppMode) Busy() bool { return m.view.Busy() }

// Init starts nothing: training waits for the play key.
func (m AppMode) Init() tea.Cmd { return m.view.Init() }

// SetSize lays the mode and its state-string screen out for w×h cells.
func (m *AppMode) SetSize(w, h int) {
	m.share.width, m.share.height = w, h
	m.view.SetSize(w, h)
}

// ShortHelp is the component's help line.
func (m AppMode) ShortHelp() []key.Binding { return m.view.ShortHelp() }

// FullHelp is every key, as '?' shows them.
func (m AppMode) FullHelp() [][]key.Binding { return m.view.keys.FullHelp() }

// Update handles tab, S and hiding, and hands the rest to the component;
// it returns the mode changed (see common.Mode).
func (m AppMode) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.HiddenMsg:
		return m.forward(PauseMsg{})
	case tea.KeyMsg:
		if m.share.shown { // any key closes the state string; S and esc only close it
			m.share.shown = false
			if msg.String() == "esc" || key.Matches(msg, m.view.keys.State) {
				return &m, nil
			}
		}
		if key.Matches(msg, m.tab) && !m.view.pick.open { // in the picker tab is its own
			return &m, common.Tab(common.ModeTrain) // the HiddenMsg that follows pauses training
		}
		if key.Matches(msg, m.view.keys.State) && !m.view.pick.open {
			if m.view.DeferKey(msg) { // the string reads the trainer: after the job
				return &m, nil
			}
			return m.openShare()
		}
	case tea.WindowSizeMsg:
		m.share.width, m.share.height = msg.Width, msg.Height
	}
	return m.forward(msg)
}

func (m AppMode) forward(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.view.Update(msg)
	m.view = next.(Model)
	return &m, cmd
}

// View is the component, or the state string while it is shown.
func (m AppMode) View() string {
	if m.share.shown {
		return m.shareView()
	}
	return m.view.View()
}

var _ common.Mode = (*AppMode)(nil)

// errorMode shows an error that kept the mode from opening; any key quits.
type errorMode struct{ err error }

func (v errorMode) Init() tea.Cmd { return nil }

func (v errorMode) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		return &v, tea.Quit
	}
	return &v, nil
}

func (v errorMode) View() string { return "✗ " + v.err.Error() }

func (v *errorMode) SetSize(w, h int)         {}
func (v errorMode) ShortHelp() []key.Binding  { return nil }
func (v errorMode) FullHelp() [][]key.Binding { return nil }
