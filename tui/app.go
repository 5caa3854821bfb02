// Package tui is losslab's interactive front end: one shell (App) hosting
// four modes, each a package of its own — the playground (tui/playground),
// where the keyboard changes d(a,p), d(a,n), the margin and the labels and
// core/loss evaluates every change; the batch view of a labelled data set
// (tui/batchview); training (tui/trainview); and the guided course
// (tui/course). The shell opens them (modes.go), routes keys and sizes to
// the one on screen, and switches between them; what they share (the
// Context with styles and palette, the Mode interface, the tab order, text
// fitting) is tui/common.
package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"losslab/i18n"
	"losslab/internal/textwrap"
	"losslab/tui/common"
)

// inputErrorer is a mode that can be showing an input error, which makes
// quitting exit with status 2 like the plain path (the batch view).
type inputErrorer interface{ InputError() error }

// App is the root model: it hosts the modes, owns the shared context,
// splits keys typed together, keeps every key from acting while the
// terminal is too small to show its effect, and switches modes.
type App struct {
	ctx     *common.Context
	keys    ShellKeyMap
	cfg     Config
	modes   []common.Mode // nil until first shown; each keeps its state while hidden
	current common.ModeID
	back    []common.ModeID // the modes esc goes back to, the last first; none twice
	mouse   bool            // the terminal reports the mouse (the mode on screen wants it)
}

// NewApp returns the app showing cfg.Start.
func NewApp(ctx *common.Context, cfg Config) App {
	a := App{ctx: ctx, keys: newShellKeyMap(ctx.Printer), cfg: cfg, modes: make([]common.Mode, len(registry)), current: cfg.Start}
	a.modes[cfg.Start] = registry[cfg.Start](ctx, cfg)
	return a
}

// Init starts the first mode, with the mouse if it wants it.
func (a App) Init() tea.Cmd {
	cmd := guard(a.modes[a.current].Init())
	if wantsMouse(a.modes[a.current]) {
		return tea.Batch(cmd, tea.EnableMouseCellMotion)
	}
	return cmd
}

// Current is the mode on screen.
func (a App) Current() common.ModeID { return a.current }

// InputError is the input error the mode on screen shows, if any.
func (a App) InputError() error {
	if m, ok := a.modes[a.current].(inputErrorer); ok {
		return m.InputError()
	}
	return nil
}

// Update routes a message: the size to the mode on screen (SetSize) and
// keys to it; a switch to the shell; anything else (results, ticks) to
// every open mode, since each mode's messages have types of their own and
// a hidden mode must still receive the results of work it started.
func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := a.update(msg)
	return next.withMouse(cmd)
}

func (a App) update(msg tea.Msg) (App, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.ctx.Width, a.ctx.Height = msg.Width, msg.Height
		a.modes[a.current].SetSize(a.modeSize())
		return a, nil
	case common.SwitchModeMsg:
		return a.show(msg.To, true)
	case tea.MouseMsg:
		if a.ctx.TooSmall() || msg.Y < modeBarH {
			return a, nil
		}
		msg.Y -= modeBarH // in the mode's own rows
		return a.toCurrent(msg)
	case panicMsg:
		panic(msg) // in the event loop, where Run restores the terminal
	case tea.KeyMsg:
		if a.ctx.TooSmall() {
			if key.Matches(msg, a.keys.Quit) {
				return a, tea.Quit
			}
			return a, nil // nothing may change where it cannot be seen
		}
		var cmds []tea.Cmd
		for _, k := range splitKeys(msg) {
			var cmd tea.Cmd
			if a, cmd = a.key(k); cmd != nil {
				cmds = append(cmds, cmd)
			}
		}
		return a, tea.Batch(cmds...)
	}
	var cmds []tea.Cmd
	for id, m := range a.modes {
		if m == nil {
			continue
		}
		next, cmd := m.Update(msg)
		a.modes[id] = next.(common.Mode)
		cmds = append(cmds, guard(cmd))
	}
	return a, tea.Batch(cmds...)
}

// key routes one key: esc goes back to the mode before when the mode on
// screen has no use for it; every other key is the mode's.
func (a App) key(k tea.KeyMsg) (App, tea.Cmd) {
	if key.Matches(k, a.keys.Back) && len(a.back) > 0 && !takesEsc(a.modes[a.current]) {
		to := a.back[len(a.back)-1]
		a.back = a.back[:len(a.back)-1]
		return a.show(to, false)
	}
	return a.toCurrent(k)
}

func (a App) toCurrent(msg tea.Msg) (App, tea.Cmd) {
	next, cmd := a.modes[a.current].Update(msg)
	a.modes[a.current] = next.(common.Mode)
	return a, guard(cmd)
}

// show makes mode id current, opening it the first time, and lays it out
// for the window. remember puts the mode left behind where esc goes back
// to (a mode already there is cut back to, so that going round the tab
// cycle leaves no trail).
func (a App) show(id common.ModeID, remember bool) (App, tea.Cmd) {
	if id < 0 || int(id) >= len(a.modes) {
		return a, nil
	}
	if id == a.current {
		return a, nil
	}
	if remember {
		a.back = append(a.back, a.current)
	}
	if i := slices.Index(a.back, id); i >= 0 {
		a.back = slices.Clone(a.back[:i])
	}
	// The mode left behind hears that it is hidden, so nothing it shows
	// (a replay) moves on where the user cannot see it.
	left, hideCmd := a.modes[a.current].Update(common.HiddenMsg{})
	a.modes[a.current] = left.(common.Mode)
	var initCmd tea.Cmd
	if a.modes[id] == nil {
		a.modes[id] = registry[id](a.ctx, a.cfg)
		initCmd = guard(a.modes[id].Init())
	}
	a.current = id
	a.modes[id].SetSize(a.modeSize())
	return a, tea.Batch(guard(hideCmd), initCmd)
}

// modeSize is the mode's share of the window: all of it but the bars.
func (a App) modeSize() (w, h int) { return a.ctx.Width, max(a.ctx.Height-modeBarH-keyBarH, 0) }

// withMouse turns the terminal's mouse reporting on or off when the mode
// on screen starts or stops wanting it.
func (a App) withMouse(cmd tea.Cmd) (App, tea.Cmd) {
	want := wantsMouse(a.modes[a.current])
	if want == a.mouse {
		return a, cmd
	}
	a.mouse = want
	if want {
		return a, tea.Batch(cmd, tea.EnableMouseCellMotion)
	}
	return a, tea.Batch(cmd, tea.DisableMouse)
}

func wantsMouse(m common.Mode) bool {
	u, ok := m.(common.MouseUser)
	return ok && u.WantsMouse()
}

func takesEsc(m common.Mode) bool {
	t, ok := m.(common.EscTaker)
	return ok && t.TakesEsc()
}

// View shows the mode bar, the mode on screen and the key bar, or one line
// when the terminal is too small.
func (a App) View() string {
	if a.ctx.Width == 0 || a.ctx.Height == 0 {
		return "" // no size yet: Bubble Tea sends one before the first real frame
	}
	if a.ctx.TooSmall() { // wrapped: at 50 columns the line lost "q quits"' last letter
		msg := a.ctx.Printer.T(i18n.TooSmall, common.MinWidth, common.MinHeight, a.ctx.Width, a.ctx.Height)
		return strings.Join(textwrap.Wrap(msg, a.ctx.Width), "\n")
	}
	return a.modeBar() + "\n" + a.modes[a.current].View() + "\n" + a.keyBar()
}

// Place is where the user is, as the mode bar says.
func (a App) Place() common.Place { return common.PlaceOf(a.current, a.modes[a.current]) }
