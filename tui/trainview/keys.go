package trainview

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"losslab/i18n"
)

// KeyMap is every key the training mode answers to; help.Model renders it.
type KeyMap struct {
	Play, Step, Faster, Slower, Reset, Reseed key.Binding
	Loss, Compare, Model, Data, Normalize     key.Binding
	MarginDown, MarginUp                      key.Binding
	CompareMarginDown, CompareMarginUp        key.Binding
	LRDown, LRUp                              key.Binding
	// Slow toggles slow mode; Anchor, live only in it, picks the next anchor.
	Slow, Anchor key.Binding
	// Goto opens the prompt of a step to train to; FixAxis holds the
	// distance axis; Temperature, live only for InfoNCE, steps τ.
	Goto, FixAxis, Temperature key.Binding
	// Similarity, live only for InfoNCE, switches what it compares.
	Similarity key.Binding
	// Pick opens the picker (picker.go) on one list: D, M, L, C and I,
	// the capitals of the keys that cycle through it, and N, the label
	// noise (no key cycles it: n steps); Picks lists them
	// for the help. PickMove, PickList, PickTake and PickClose are the
	// picker's own keys, live only while it is open.
	Pick                                    [numLists]key.Binding
	Picks                                   key.Binding
	PickMove, PickList, PickTake, PickClose key.Binding
	// Mode leaves for another mode of the app: the host's tab
	// (Options.Tab); none when the mode runs on its own.
	Mode key.Binding
	// State shows the training state string; the host answers it, so it
	// is live only when hosted, like Mode.
	State      key.Binding
	Help, Quit key.Binding
	short      []key.Binding
}

// NewKeyMap returns the key map with help texts from p.
func NewKeyMap(p i18n.Printer) KeyMap {
	b := func(keys []string, help string, id i18n.ID) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, p.T(id)))
	}
	k := KeyMap{
		Play:              b([]string{" ", "p"}, "space", i18n.TrainKeyPlay),
		Step:              b([]string{"n", "."}, "n", i18n.TrainKeyStep),
		Faster:            b([]string{"+", "="}, "+", i18n.TrainKeyFaster),
		Slower:            b([]string{"-"}, "-", i18n.TrainKeySlower),
		Reset:             b([]string{"r"}, "r", i18n.TrainKeyReset),
		Reseed:            b([]string{"s"}, "s", i18n.TrainKeyReseed),
		Loss:              b([]string{"l"}, "l", i18n.TrainKeyLoss),
		Compare:           b([]string{"c"}, "c", i18n.TrainKeyCompare),
		Model:             b([]string{"m"}, "m", i18n.TrainKeyModel),
		Data:              b([]string{"d"}, "d", i18n.TrainKeyData),
		Normalize:         b([]string{"o"}, "o", i18n.TrainKeyNormalize),
		MarginDown:        b([]string{"left"}, "←", i18n.TrainKeyMarginDown),
		MarginUp:          b([]string{"right"}, "→", i18n.TrainKeyMarginUp),
		CompareMarginDown: b([]string{"shift+left", "<"}, "<", i18n.TrainKeyRightMarginDown),
		CompareMarginUp:   b([]string{"shift+right", ">"}, ">", i18n.TrainKeyRightMarginUp),
		LRDown:            b([]string{"down"}, "↓", i18n.TrainKeyLRDown),
		LRUp:              b([]string{"up"}, "↑", i18n.TrainKeyLRUp),
		Slow:              b([]string{"w"}, "w", i18n.TrainKeySlow),
		Anchor:            b([]string{"a"}, "a", i18n.TrainKeyAnchor),
		Goto:              b([]string{"g"}, "g", i18n.TrainKeyGoto),
		FixAxis:           b([]string{"x"}, "x", i18n.TrainKeyFixAxis),
		Temperature:       b([]string{"t"}, "t", i18n.TrainKeyTemperature),
		Similarity:        b([]string{"i"}, "i", i18n.TrainKeySimilarity),
		PickMove:          b([]string{"up", "down", "k", "j"}, "↑/↓", i18n.TrainKeyPickMove),
		PickList:          b([]string{"left", "right", "tab", "shift+tab", "h", "l"}, "←/→", i18n.TrainKeyPickList),
		PickTake:          b([]string{"enter"}, "enter", i18n.TrainKeyPickTake),
		PickClose:         b([]string{"esc"}, "esc", i18n.TrainKeyPickClose),
		Help:              b([]string{"?"}, "?", i18n.TrainKeyHelp),
		Quit:              b([]string{"q", "ctrl+c"}, "q", i18n.TrainKeyQuit),
	}
	for l := range numLists {
		k.Pick[l] = key.NewBinding(key.WithKeys(pickKeys[l]))
	}
	k.Picks = b(pickKeys[:], strings.Join(pickKeys[:], ""), i18n.TrainKeyPick)
	k.State = b([]string{"S"}, "S", i18n.KeyState)
	k.State.SetEnabled(false)
	k.Anchor.SetEnabled(false)
	short := func(b key.Binding, id i18n.ID) key.Binding {
		return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, p.T(id)))
	}
	k.short = []key.Binding{short(k.Play, i18n.TrainKeyShortPlay), short(k.Step, i18n.TrainKeyShortStep),
		short(k.Slow, i18n.TrainKeyShortSlow),
		short(k.Reset, i18n.TrainKeyShortReset), short(k.Loss, i18n.TrainKeyShortLoss),
		short(k.Compare, i18n.TrainKeyShortCompare), short(k.Picks, i18n.TrainKeyShortPick), short(k.Help, i18n.TrainKeyShortHelp), short(k.Quit, i18n.TrainKeyShortQuit)}
	return k
}

// pickKeys open the picker on each list (picker.go's order).
var pickKeys = [numLists]string{"D", "M", "L", "C", "N", "I"}

// PickerHelp is the key bar while the picker is open: its own keys.
func (k KeyMap) PickerHelp() []key.Binding {
	return []key.Binding{k.PickMove, k.PickList, k.PickTake, k.PickClose}
}

// ShortHelp is the always-visible line; it fits 80 columns.
func (k KeyMap) ShortHelp() []key.Binding { return k.short }

// FullHelp is shown by '?'.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Play, k.Step, k.Goto, k.Slow, k.Faster, k.Slower, k.Reset, k.Reseed, k.Picks, k.State},
		{k.Loss, k.Compare, k.Model, k.Data, k.Normalize, k.Temperature, k.Similarity, k.FixAxis, k.Anchor, k.Help, k.Mode},
		{k.MarginDown, k.MarginUp, k.CompareMarginDown, k.CompareMarginUp, k.LRDown, k.LRUp, k.Quit},
	}
}
