package batchview

import (
	"github.com/charmbracelet/bubbles/key"

	"losslab/i18n"
	"losslab/tui/common"
)

// KeyMap is every key the batch view answers to.
type KeyMap struct {
	MarginDown, MarginUp, FineDown, FineUp key.Binding
	Distance                               key.Binding
	Normalize                              key.Binding // the rows L2-normalised, or as read
	BinsMore, BinsFewer                    key.Binding
	Open                                   key.Binding // another demo or file
	Figure                                 key.Binding // the distributions as an SVG
	Mode                                   key.Binding // tab, to the next mode
	Help, Quit                             key.Binding
	// CloseHelp is esc while the full help is open; esc never quits, so
	// that leaving a help screen cannot end the app and lose the others'
	// state (q quits, as in every mode).
	CloseHelp key.Binding
}

// newKeyMap is the batch view's key map on ctx.
func newKeyMap(ctx *common.Context) KeyMap {
	b := common.Binder(ctx.Printer)
	k := KeyMap{
		MarginDown: b("←/h", i18n.KeyMarginDown, "left", "h"),
		MarginUp:   b("→/l", i18n.KeyMarginUp, "right", "l"),
		FineDown:   b("⇧←/H", i18n.KeyMarginDownFine, "shift+left", "H"),
		FineUp:     b("⇧→/L", i18n.KeyMarginUpFine, "shift+right", "L"),
		Distance:   b("d", i18n.KeyDistance, "d"),
		Normalize:  b("o", i18n.KeyNormalize, "o"),
		BinsMore:   b("b", i18n.KeyBinsMore, "b"),
		BinsFewer:  b("B", i18n.KeyBinsFewer, "B"),
		Open:       b("i", i18n.KeyOpen, "i"),
		Figure:     b("f", i18n.KeyBatchFigure, "f"),
		Mode:       ctx.TabKey(common.ModeBatch),
		Help:       b("?", i18n.KeyHelp, "?"),
		Quit:       b("q", i18n.KeyQuit, "q", "ctrl+c"),
		CloseHelp:  b("esc", i18n.KeyCloseHelp, "esc"),
	}
	k.Open.SetEnabled(!ctx.InLesson) // a lesson's step names its data set
	return k
}

// ShortHelp is the batch view's help line.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.MarginDown, k.MarginUp, k.Distance, k.Mode, k.Help, k.Quit}
}

// FullHelp is shown by '?' in the batch view.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.MarginDown, k.MarginUp, k.FineDown, k.FineUp, k.Distance}, {k.Normalize, k.BinsMore, k.BinsFewer, k.Open, k.Figure}, {k.Mode, k.Help, k.CloseHelp, k.Quit}}
}
