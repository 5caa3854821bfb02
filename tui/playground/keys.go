package playground

import (
	"github.com/charmbracelet/bubbles/key"

	"losslab/i18n"
	"losslab/tui/common"
	"losslab/tui/points"
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
	Points                  key.Binding // points mode (x)
	State, Figure           key.Binding // share: the state string; the chart as a figure
	Mode                    key.Binding // to the next mode (the batch view)
	Help, Quit, Interrupt   key.Binding
	// bar are the key bar's short entries for keys whose full help says more.
	bar barKeys
	// points are points mode's own keys, for the help.
	points points.KeyMap
	// replay is set while a scenario is loaded: the short help then lists
	// the replay keys.
	replay bool
	// undo is set while u has something to undo: the short help lists it.
	undo bool
}

// barKeys are entries of the shell's key bar, which has one line for what
// matters now: short words for keys the full help explains at length.
type barKeys struct {
	Edit, Notes, Conventions, State, Figure, Steps key.Binding
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
		Points:       b("x", i18n.PointsKeyEnter, "x"),
		Help:         b("?", i18n.KeyHelp, "?"),
		Quit:         b("q", i18n.KeyQuit, "q", "ctrl+c"),
		Interrupt:    b("ctrl+c", i18n.KeyInterrupt, "ctrl+c"),
	}
	k.Learn.SetEnabled(!ctx.InLesson && !ValuesHidden(ctx.Share.Hide))
	k.bar = barKeys{
		Edit:        b("↑↓←→", i18n.BarEdit, "up", "down", "left", "right"),
		Notes:       b("n", i18n.BarNotes, "n"),
		Conventions: b("v", i18n.BarConventions, "v"),
		State:       b("s", i18n.BarState, "s"),
		Figure:      b("f", i18n.BarFigure, "f"),
		Steps:       b(". ,", i18n.BarSteps, ".", ","),
	}
	k.points = points.NewKeyMap(ctx)
	return k
}

// DefaultKeyMap is the playground's key map in English.
func DefaultKeyMap() KeyMap { return newKeyMap(common.DefaultContext()) }

// ShortHelp is the key bar's list, what matters first (the shell shows as
// many as the width holds, and always the last two): the replay keys while
// a scenario is loaded, else the values' keys; undo when there is
// something to undo; the panels (notes, conventions), sharing (the state
// string, the figure); then typing and the chart, which the chart's title
// names too. The keys to other places are on the mode bar; '?' shows all.
func (k KeyMap) ShortHelp() []key.Binding {
	first := []key.Binding{k.bar.Edit}
	if k.replay {
		first = []key.Binding{k.Play, k.bar.Steps, k.NextScene}
	}
	return append(first, k.common(k.Edit, k.Chart)...)
}

// common is the key bar's entries after the place's own: undo, the panels,
// sharing, then more, then the full help and quit.
func (k KeyMap) common(more ...key.Binding) []key.Binding {
	var out []key.Binding
	if k.undo {
		out = append(out, k.Undo)
	}
	out = append(out, k.bar.Notes, k.bar.Conventions, k.bar.State, k.bar.Figure)
	return append(append(out, more...), k.Help, k.Quit)
}

// pointsHelp is the key bar in points mode: the plane's keys first.
func (k KeyMap) pointsHelp(undo bool) []key.Binding {
	k.undo = undo
	return append(k.points.Short(), k.common()...)
}

// withUndo is k with u in the key bar when undo is true.
func (k KeyMap) withUndo(undo bool) KeyMap {
	k.undo = undo
	return k
}

// TypingHelp is the help line while a value is typed: every other key is
// text then, so only these act.
func (k KeyMap) TypingHelp() []key.Binding { return []key.Binding{k.Confirm, k.Cancel, k.Interrupt} }

// FullHelp is shown by '?': columns of six, so that it fits the six rows
// the chart panel has at 80×24. ctrl+c (Interrupt, which also quits while
// typing) is left out: it is the terminal's convention.
// PointsHelp is the full help in points mode: its keys first; the
// controls' arrows and typing are the points' moves there, so they are not
// listed as the controls'.
func (k KeyMap) PointsHelp() [][]key.Binding {
	all := k.FullHelp()
	return append([][]key.Binding{k.points.Full(), {k.Undo, k.Reset}}, all[2:len(all)-1]...)
}

func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Dec, k.Inc, k.DecFine, k.IncFine},
		{k.Toggle, k.Edit, k.Confirm, k.Cancel, k.Undo, k.Reset},
		{k.Chart, k.Play, k.Next, k.Prev, k.Faster, k.Slower},
		{k.PrevScenario, k.NextScene, k.Notes, k.Record, k.Mode, k.Help, k.Quit},
		{k.Conventions, k.Learn, k.Points},
		{k.State, k.Figure},
		k.points.Full(),
	}
}
