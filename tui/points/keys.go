package points

import (
	"github.com/charmbracelet/bubbles/key"

	"losslab/core/grid"
	"losslab/i18n"
	"losslab/tui/common"
)

// KeyMap is what points mode adds to the playground's keys: selecting a
// point, moving it, the gradient step and its loss, the distance, leaving.
// p and n keep their playground meanings (play, notes), so the points are
// selected with 1, 2 and 3.
type KeyMap struct {
	Select                         [grid.NumPoints]key.Binding
	Left, Right, Up, Down          key.Binding
	FineLeft, FineRight            key.Binding
	FineUp, FineDown               key.Binding
	Step, Follow, Metric, Leave    key.Binding
	SelectHelp, MoveHelp, FineHelp key.Binding // help entries for the groups above
}

// NewKeyMap is points mode's keys on ctx.
func NewKeyMap(ctx *common.Context) KeyMap {
	b := common.Binder(ctx.Printer)
	return KeyMap{
		Select:     [grid.NumPoints]key.Binding{b("1", i18n.PointsKeySelect, "1"), b("2", i18n.PointsKeySelect, "2"), b("3", i18n.PointsKeySelect, "3")},
		Left:       b("←/h", i18n.PointsKeyMove, "left", "h"),
		Right:      b("→/l", i18n.PointsKeyMove, "right", "l"),
		Up:         b("↑/k", i18n.PointsKeyMove, "up", "k"),
		Down:       b("↓/j", i18n.PointsKeyMove, "down", "j"),
		FineLeft:   b("⇧←/H", i18n.PointsKeyFine, "shift+left", "H"),
		FineRight:  b("⇧→/L", i18n.PointsKeyFine, "shift+right", "L"),
		FineUp:     b("⇧↑/K", i18n.PointsKeyFine, "shift+up", "K"),
		FineDown:   b("⇧↓/J", i18n.PointsKeyFine, "shift+down", "J"),
		Step:       b("t", i18n.PointsKeyStep, "t"),
		Follow:     b("o", i18n.PointsKeyFollow, "o"),
		Metric:     b("d", i18n.PointsKeyMetric, "d"),
		Leave:      b("x", i18n.PointsKeyLeave, "x"),
		SelectHelp: b("1/2/3", i18n.PointsKeySelectHelp, "1", "2", "3"),
		MoveHelp:   b("←↑↓→", i18n.PointsKeyMoveHelp, "left", "right", "up", "down"),
		FineHelp:   b("⇧+←↑↓→", i18n.PointsKeyFineHelp, "shift+left", "shift+right", "shift+up", "shift+down"),
	}
}

// Moves are the moving keys with the step each takes, in hundredths.
func (k KeyMap) Moves() []struct {
	Key    key.Binding
	DX, DY int
} {
	return []struct {
		Key    key.Binding
		DX, DY int
	}{
		{k.Left, -5, 0}, {k.Right, 5, 0}, {k.Up, 0, 5}, {k.Down, 0, -5},
		{k.FineLeft, -1, 0}, {k.FineRight, 1, 0}, {k.FineUp, 0, 1}, {k.FineDown, 0, -1},
	}
}

// Short is what the key bar lists in points mode before the playground's
// own keys; the plane's title names d and o, the mode bar x.
func (k KeyMap) Short() []key.Binding { return []key.Binding{k.SelectHelp, k.MoveHelp, k.Step} }

// Full is points mode's column of the full help (x, which enters and
// leaves points mode, is the playground's).
func (k KeyMap) Full() []key.Binding {
	return []key.Binding{k.SelectHelp, k.MoveHelp, k.FineHelp, k.Step, k.Follow, k.Metric}
}
