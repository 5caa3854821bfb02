package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/dist"
)

func irisData(t *testing.T) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Demo("iris")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func irisView(t *testing.T) BatchModel {
	t.Helper()
	m := NewBatch(irisData(t), batch.Options{Metric: dist.Euclidean, Margin: 0.2})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 34})
	return next.(BatchModel)
}

// results runs cmd (a computation and its progress listener) and returns
// the result message among what it produced.
func results(t *testing.T, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil {
		t.Fatal("no computation started")
	}
	var out []tea.Msg
	var run func(c tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
		case nil:
		default:
			out = append(out, msg)
		}
	}
	run(cmd)
	return out
}

// finish runs a pending computation and delivers its messages.
func finish(t *testing.T, m BatchModel, cmd tea.Cmd) BatchModel {
	t.Helper()
	for _, msg := range results(t, cmd) {
		next, _ := m.Update(msg)
		m = next.(BatchModel)
	}
	return m
}

func TestBatchViewComputesAndReacts(t *testing.T) {
	m := irisView(t)
	if !strings.Contains(m.View(), "computing") {
		t.Error("no computing indicator")
	}
	m = finish(t, m, m.Init())
	if m.computing || m.res == nil || !strings.Contains(m.View(), "AUC 0.9397") {
		t.Fatalf("first result not shown:\n%s", m.View())
	}
	next, cmd := m.Update(keyMsg("right"))
	m = next.(BatchModel)
	if m.opts.Margin != 0.25 || !m.computing {
		t.Fatalf("→: margin %v computing %v", m.opts.Margin, m.computing)
	}
	stale, staleReq := cmd, m.req
	next, cmd = m.Update(keyMsg("d"))
	m = next.(BatchModel)
	if m.opts.Metric != dist.SqEuclidean {
		t.Fatalf("d: metric %v", m.opts.Metric)
	}
	if staleReq.ctx.Err() == nil {
		t.Error("a new request did not cancel the one before")
	}
	m = finish(t, m, stale) // the margin-only computation was cancelled; its end is dropped
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
	if m.opts.Margin != 0 || !strings.Contains(m.View(), "margin is at its minimum 0.00") {
		t.Errorf("margin went to %v, or the limit went unsaid", m.opts.Margin)
	}
	if _, cmd := m.Update(keyMsg("q")); cmd == nil || cmd() != tea.Quit() {
		t.Error("q does not quit")
	}
}

// The adapter refuses to start work for a request already superseded.
func TestComputeBatchCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := computeBatch(ctx, irisData(t), batch.Options{Margin: 0.2}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled request: %v", err)
	}
}

// Progress reports become messages of the newest request only.
func TestBatchProgressMessages(t *testing.T) {
	m := irisView(t)
	m.req.progress <- 0.5
	msgs := results(t, m.req.listen())
	if len(msgs) != 1 || msgs[0] != (batchProgressMsg{seq: 1, done: 0.5}) {
		t.Fatalf("listen gave %v", msgs)
	}
	next, cmd := m.Update(msgs[0])
	m = next.(BatchModel)
	if m.done != 0.5 || cmd == nil || !strings.Contains(m.View(), "50%") {
		t.Errorf("progress not shown or not listened on: done %v\n%s", m.done, m.View())
	}
	if _, cmd := m.Update(batchProgressMsg{seq: 0, done: 0.9}); cmd != nil {
		t.Error("a stale request's progress is still listened to")
	}
}

// An input error on screen makes quitting an input error, as in plain output.
func TestBatchViewInputError(t *testing.T) {
	d := irisData(t)
	for i := range 4 {
		d.X.Set(0, i, 0) // a zero row: cosine distance is undefined
	}
	m := NewBatch(d, batch.Options{Metric: dist.Cosine, Margin: 0.2})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 34})
	m = finish(t, next.(BatchModel), m.Init())
	if m.InputError() == nil || !strings.Contains(m.View(), "exit status 2") {
		t.Errorf("input error not shown: %v\n%s", m.InputError(), m.View())
	}
	// The reader's reason in words, at its file and line.
	if !strings.Contains(m.View(), "demo iris:2: cosine distance is undefined for a zero vector") {
		t.Errorf("the error is not said in words:\n%s", m.View())
	}
}

// The first result appears with no key pressed (Init's value receiver once
// lost the request it started).
func TestBatchFirstResultFlow(t *testing.T) {
	tm := teatest.NewTestModel(t, NewBatch(irisData(t), batch.Options{Metric: dist.Euclidean, Margin: 0.2}), teatest.WithInitialTermSize(100, 34))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "AUC 0.9397") },
		teatest.WithDuration(10*time.Second))
	tm.Send(keyMsg("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

func TestBatchViewGolden(t *testing.T) {
	m := irisView(t)
	m = finish(t, m, m.Init())
	golden.RequireEqual(t, []byte(m.View()))
}

// esc in the batch view closes its help and otherwise does nothing: it
// never quits the app (and loses the playground's state); q quits.
func TestBatchEscNeverQuits(t *testing.T) {
	a := newApp(t, ModeBatch, 100, 34)
	a = send(t, a, keyMsg("?"))
	if !strings.Contains(a.View(), "close the keys") {
		t.Fatalf("the full help does not offer esc:\n%s", a.View())
	}
	for i := 0; i < 2; i++ {
		next, cmd := a.Update(keyMsg("esc"))
		a = next.(App)
		if cmd != nil {
			if _, quit := cmd().(tea.QuitMsg); quit {
				t.Fatalf("esc %d quit the app", i+1)
			}
		}
	}
	if strings.Contains(a.View(), "close the keys") || a.Current() != ModeBatch {
		t.Errorf("esc did not close the help:\n%s", a.View())
	}
	if _, cmd := a.Update(keyMsg("q")); cmd == nil {
		t.Error("q no longer quits")
	} else if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Error("q no longer quits")
	}
}
