package trainview

import (
	"slices"
	"strings"
	"testing"

	"losslab/core/train"
)

// grants is a budget that grants the next of its figures at each Take and
// records what was asked and whether each grant was charged.
type grants struct {
	next    []int
	asked   []int
	charged int
}

func (g *grants) Take(steps int) (int, func()) {
	g.asked = append(g.asked, steps)
	n := min(g.next[0], steps)
	g.next = g.next[1:]
	return n, func() { g.charged++ }
}

// Playing asks the budget before each frame and trains what it grants:
// none skips the frame (the screen stays at its step), fewer than a frame's
// steps train fewer, and every grant is charged once drawn. (Chunk −1: a
// loaded machine's job would stop at its time limit with steps left.)
func TestPlayingTrainsWhatTheBudgetGrants(t *testing.T) {
	g := &grants{next: []int{0, 3, 50, 0}}
	m := New(newTrainer(t, train.NewConfig()), Options{Budget: g, Chunk: -1})
	m.SetSize(100, 30)
	m, _ = press(m, " ", "+", "+") // 5 steps a frame
	var steps []int
	for range 4 {
		next, _ := frameOf(m)
		m = next.(Model)
		steps = append(steps, m.Trainer().StepCount())
	}
	if want := []int{0, 3, 8, 8}; !slices.Equal(steps, want) {
		t.Errorf("steps after each frame %v, want %v", steps, want)
	}
	if want := []int{5, 5, 5, 5}; !slices.Equal(g.asked, want) {
		t.Errorf("asked %v, want a frame's 5 each time", g.asked)
	}
	if g.charged != 4 {
		t.Errorf("%d grants charged, want 4", g.charged)
	}
	if !m.Playing() {
		t.Error("a frame without steps stopped playing")
	}
}

// While the budget holds training back, and for a second after, the note
// says so instead of the plain playing hint.
func TestNoteSaysWhenTrainingIsPaced(t *testing.T) {
	const paced = "Training at this session's share of the server's processors"
	g := &grants{next: []int{5, 0}}
	for range pacedFor + 1 {
		g.next = append(g.next, 5)
	}
	m := New(newTrainer(t, train.NewConfig()), Options{Budget: g, Chunk: -1})
	m.SetSize(100, 30)
	m, _ = press(m, " ", "+", "+") // 5 steps a frame
	frame := func() {
		next, _ := frameOf(m)
		m = next.(Model)
	}
	frame()
	if strings.Contains(m.View(), paced) || !strings.Contains(m.View(), "Training. Press space to pause.") {
		t.Errorf("every step granted, yet:\n%s", m.View())
	}
	frame()
	if !strings.Contains(m.View(), paced) || !strings.Contains(m.View(), "fewer steps a frame than set.") {
		t.Errorf("no step granted, and the note does not say why:\n%s", m.View())
	}
	for range pacedFor - 1 {
		frame()
	}
	if !strings.Contains(m.View(), paced) {
		t.Errorf("the note forgot the pacing before a second had passed:\n%s", m.View())
	}
	frame()
	if strings.Contains(m.View(), paced) {
		t.Errorf("a second of full frames, and the note still says paced:\n%s", m.View())
	}
}
