package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/dist"
)

func irisView(t *testing.T) BatchModel {
	t.Helper()
	d, err := dataset.Demo("iris")
	if err != nil {
		t.Fatal(err)
	}
	m := NewBatch(d, batch.Options{Metric: dist.Euclidean, Margin: 0.2})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 34})
	return next.(BatchModel)
}

// finish runs a pending computation and delivers its result.
func finish(t *testing.T, m BatchModel, cmd tea.Cmd) BatchModel {
	t.Helper()
	if cmd == nil {
		t.Fatal("no computation started")
	}
	next, _ := m.Update(cmd())
	return next.(BatchModel)
}

func TestBatchViewComputesAndReacts(t *testing.T) {
	m := irisView(t)
	cmd := m.Init()
	m.seq, m.computing = 1, true // Init's value receiver cannot keep these
	if !strings.Contains(m.View(), "computing") {
		t.Error("no computing indicator")
	}
	m = finish(t, m, cmd)
	if m.computing || m.res == nil || !strings.Contains(m.View(), "AUC 0.9397") {
		t.Fatalf("first result not shown:\n%s", m.View())
	}
	next, cmd := m.Update(keyMsg("right"))
	m = next.(BatchModel)
	if m.opts.Margin != 0.25 || !m.computing {
		t.Fatalf("→: margin %v computing %v", m.opts.Margin, m.computing)
	}
	stale := cmd
	next, cmd = m.Update(keyMsg("d"))
	m = next.(BatchModel)
	if m.opts.Metric != dist.SqEuclidean {
		t.Fatalf("d: metric %v", m.opts.Metric)
	}
	m = finish(t, m, stale) // the margin-only result arrives late and is dropped
	if !m.computing || m.res.Distance != "euclidean" {
		t.Errorf("a stale result was shown: %v", m.res.Distance)
	}
	m = finish(t, m, cmd)
	if m.computing || m.res.Distance != "sqeuclidean" || m.res.Margin != 0.25 || !strings.Contains(m.View(), "sqeuclidean") {
		t.Errorf("newest result not shown: %v %v", m.res.Distance, m.res.Margin)
	}
	for range 100 {
		next, _ = m.Update(keyMsg("left"))
		m = next.(BatchModel)
	}
	if m.opts.Margin != 0 {
		t.Errorf("margin went to %v", m.opts.Margin)
	}
	if _, cmd := m.Update(keyMsg("q")); cmd == nil || cmd() != tea.Quit() {
		t.Error("q does not quit")
	}
}

func TestBatchViewGolden(t *testing.T) {
	m := irisView(t)
	m = finish(t, m, m.compute())
	golden.RequireEqual(t, []byte(m.View()))
	next, _ := m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	if v := next.(BatchModel).View(); !strings.HasPrefix(v, "terminal too small") {
		t.Errorf("too small: %q", v)
	}
}
