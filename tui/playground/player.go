package playground

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/grid"
	"losslab/scenarios"
	"losslab/tui/common"
)

// Replay speeds: a step lasts baseStepTime divided by the multiplier.
var speeds = []float64{0.25, 0.5, 1, 2, 4}

const (
	baseStepTime = 3 * time.Second
	defaultSpeed = 2 // ×1
)

// player replays a scenario: where it is, whether it plays, how fast, and
// whether the user has changed the state by hand since the last step.
type player struct {
	scenario *scenarios.Scenario // nil: the article's example, nothing to replay
	start    grid.State          // what 'r' returns to
	step     int
	playing  bool
	owned    bool
	speed    int    // index into speeds
	tick     uint64 // identifies the live replay timer (common.NewID)
}

// tickMsg advances a replay; id discards ticks of a stopped timer.
type tickMsg struct{ id uint64 }

// load starts over at s (nil: the article's example), keeping the speed.
func (p *player) load(s *scenarios.Scenario) {
	p.scenario, p.step, p.playing, p.owned = s, 0, false, false
	p.start = grid.Article()
	if s != nil {
		p.start = s.Start
	}
}

// has reports whether step i exists.
func (p *player) has(i int) bool { return p.scenario != nil && i >= 0 && i < p.scenario.Len() }

// scheduleTick starts a new timer; older timers' ticks are ignored.
func (p *player) scheduleTick() tea.Cmd {
	p.tick = common.NewID()
	id := p.tick
	d := time.Duration(float64(baseStepTime) / speeds[p.speed])
	return tea.Tick(d, func(time.Time) tea.Msg { return tickMsg{id} })
}

func (p *player) faster() { p.speed = min(p.speed+1, len(speeds)-1) }
func (p *player) slower() { p.speed = max(p.speed-1, 0) }

// presetAfter returns the preset dir steps away from the current scenario
// (the first or last one when the current scenario is not a preset).
func (p *player) presetAfter(dir int) *scenarios.Scenario {
	ps := scenarios.Presets()
	i := -1
	for j, s := range ps {
		if p.scenario != nil && s.Name == p.scenario.Name && p.scenario.Source == "preset" {
			i = j
		}
	}
	switch {
	case i < 0 && dir > 0:
		i = 0
	case i < 0:
		i = len(ps) - 1
	default:
		i = (i + dir + len(ps)) % len(ps)
	}
	return ps[i]
}
