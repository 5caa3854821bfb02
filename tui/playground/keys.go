package playground

import (
	"github.com/charmbracelet/bubbles/key"

	"losslab/core/grid"
	"losslab/i18n"
	"losslab/tui/common"
)

// KeyMap is every key the playground answers to.
type KeyMap struct {
	Up, Down                key.Binding
	Dec, Inc                key.Binding
	DecFine, IncFine        key.Binding
	Toggle                  key.Binding
	Edit, Cancel, Confirm   key.Binding
	Chart, Undo, Reset      key.Binding
	Play, Next, Prev        key.Binding
	Faster, Slower          key.Binding
	PrevScenario, NextScene key.Binding
	Record                  key.Binding
	Notes                   key.Binding
	Conventions, Learn      key.Binding // the conventions panel; the guided course
	State, Figure           key.Binding // share: the state string; the chart as a figure
	Mode                    key.Binding // to the next mode (the batch view)
	Help, Quit, Interrupt   key.Binding
	// IncLabel is Inc's help entry on a label, which the arrows toggle.
	IncLabel key.Binding
	// replay is set while a scenario is loaded: the short help then lists
	// the replay keys.
	replay bool
	// label is set while a label is selected: the short help then says
	// what the arrows do to it.
	label bool
}

// newKeyMap is the playground's key map on ctx: help texts in its
// language, no key that leaves for another mode when a lesson hosts it.
func newKeyMap(ctx *common.Context) KeyMap {
	b := common.Binder(ctx.Printer)
	k := KeyMap{
		Up:           b("↑/k", i18n.KeyUp, "up", "k"),
		Down:         b("↓/j", i18n.KeyDown, "down", "j"),
		Dec:          b("←/h", i18n.KeyDec, "left", "h"),
		Inc:          b("→/l", i18n.KeyInc, "right", "l"),
		IncLabel:     b("→/l", i18n.KeyToggleLabel, "right", "l"),
		DecFine:      b("⇧←/H", i18n.KeyDecFine, "shift+left", "H"),
		IncFine:      b("⇧→/L", i18n.KeyIncFine, "shift+right", "L"),
		Toggle:       b("space", i18n.KeyToggle, " "),
		Edit:         b("e", i18n.KeyEdit, "e", "enter"),
		Confirm:      b("enter", i18n.KeyConfirm, "enter"),
		Cancel:       b("esc", i18n.KeyCancel, "esc"),
		Chart:        b("c", i18n.KeyChart, "c"),
		Undo:         b("u", i18n.KeyUndo, "u"),
		Reset:        b("r", i18n.KeyReset, "r"),
		Play:         b("p", i18n.KeyPlay, "p"),
		Next:         b(".", i18n.KeyNext, "."),
		Prev:         b(",", i18n.KeyPrev, ","),
		Faster:       b("+", i18n.KeyFaster, "+", "="),
		Slower:       b("-", i18n.KeySlower, "-"),
		PrevScenario: b("[", i18n.KeyPrevPreset, "["),
		NextScene:    b("]", i18n.KeyNextPreset, "]"),
		Record:       b("w", i18n.KeyRecord, "w"),
		Notes:        b("n", i18n.KeyNotes, "n"),
		State:        b("s", i18n.KeyState, "s"),
		Figure:       b("f", i18n.KeyFigure, "f"),
		Mode:         ctx.TabKey(common.ModePlayground),
		Conventions:  b("v", i18n.KeyConventions, "v"),
		Learn:        b("g", i18n.KeyLearn, "g"),
		Help:         b("?", i18n.KeyHelp, "?"),
		Quit:         b("q", i18n.KeyQuit, "q", "ctrl+c"),
		Interrupt:    b("ctrl+c", i18n.KeyInterrupt, "ctrl+c"),
	}
	k.Learn.SetEnabled(!ctx.InLesson)
	return k
}

// DefaultKeyMap is the playground's key map in English.
func DefaultKeyMap() KeyMap { return newKeyMap(common.DefaultContext()) }

// ShortHelp is the always-visible help line. It fits 80 columns, so it
// shows the keys that matter now: the replay keys while a scenario is
// loaded, the value keys otherwise; '?' shows them all.
func (k KeyMap) ShortHelp() []key.Binding {
	if k.replay {
		return []key.Binding{k.Play, k.Next, k.Prev, k.NextScene, k.Help, k.Quit}
	}
	inc := k.Inc
	if k.label {
		inc = k.IncLabel
	}
	return []key.Binding{k.Down, inc, k.Edit, k.Chart, k.Learn, k.Mode, k.Help, k.Quit}
}

// forSelection is k with the short help for field f selected.
// TypingHelp is the help line while a value is typed: every other key is
// text then, so only these act.
func (k KeyMap) TypingHelp() []key.Binding { return []key.Binding{k.Confirm, k.Cancel, k.Interrupt} }

func (k KeyMap) forSelection(f grid.Field) KeyMap {
	k.label = f.IsLabel()
	return k
}

// FullHelp is shown by '?': columns of six, so that it fits the six rows
// the chart panel has at 80×24. ctrl+c (Interrupt, which also quits while
// typing) is left out: it is the terminal's convention.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Dec, k.Inc, k.DecFine, k.IncFine},
		{k.Toggle, k.Edit, k.Confirm, k.Cancel, k.Undo, k.Reset},
		{k.Chart, k.Play, k.Next, k.Prev, k.Faster, k.Slower},
		{k.PrevScenario, k.NextScene, k.Notes, k.Record, k.Mode, k.Help, k.Quit},
		{k.Conventions, k.Learn},
		{k.State, k.Figure},
	}
}
