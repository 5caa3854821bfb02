package batchview

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/core/batch"
	"losslab/core/dist"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

func TestMain(m *testing.M) {
	tuitest.Setup()
	os.Exit(m.Run())
}

func irisView(t *testing.T) *Model {
	t.Helper()
	m := New(common.DefaultContext(), tuitest.Iris(t), batch.Options{Metric: dist.Euclidean, Margin: 0.2})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 34})
	return next.(*Model)
}

// results runs cmd (a computation and its progress listener) and returns
// what it produced.
func results(t *testing.T, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil {
		t.Fatal("no computation started")
	}
	return tuitest.Drain(cmd)
}

// finish runs a pending computation and delivers its messages.
func finish(t *testing.T, m *Model, cmd tea.Cmd) *Model {
	t.Helper()
	for _, msg := range results(t, cmd) {
		next, _ := m.Update(msg)
		m = next.(*Model)
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
	next, cmd := m.Update(tuitest.Key("right"))
	m = next.(*Model)
	if m.opts.Margin != 0.25 || !m.computing {
		t.Fatalf("→: margin %v computing %v", m.opts.Margin, m.computing)
	}
	stale, staleReq := cmd, m.req
	next, cmd = m.Update(tuitest.Key("d"))
	m = next.(*Model)
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
		next, _ = m.Update(tuitest.Key("left"))
		m = next.(*Model)
	}
	if m.opts.Margin != 0 || !strings.Contains(m.View(), "margin is at its minimum 0.00") {
		t.Errorf("margin went to %v, or the limit went unsaid", m.opts.Margin)
	}
	if _, cmd := m.Update(tuitest.Key("q")); cmd == nil || cmd() != tea.Quit() {
		t.Error("q does not quit")
	}
}

// The adapter refuses to start work for a request already superseded.
func TestComputeBatchCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := computeBatch(ctx, tuitest.Iris(t), batch.Options{Margin: 0.2}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled request: %v", err)
	}
}

// Progress reports become messages of the newest request only.
func TestBatchProgressMessages(t *testing.T) {
	m := irisView(t)
	m.req.progress <- 0.5
	msgs := results(t, m.req.listen())
	if len(msgs) != 1 || msgs[0] != (batchProgressMsg{id: m.req.id, done: 0.5}) {
		t.Fatalf("listen gave %v", msgs)
	}
	next, cmd := m.Update(msgs[0])
	m = next.(*Model)
	if m.done != 0.5 || cmd == nil || !strings.Contains(m.View(), "50%") {
		t.Errorf("progress not shown or not listened on: done %v\n%s", m.done, m.View())
	}
	if _, cmd := m.Update(batchProgressMsg{id: m.req.id - 1, done: 0.9}); cmd != nil {
		t.Error("a stale request's progress is still listened to")
	}
}

// An input error on screen makes quitting an input error, as in plain output.
func TestBatchViewInputError(t *testing.T) {
	d := tuitest.Iris(t)
	for i := range 4 {
		d.X.Set(0, i, 0) // a zero row: cosine distance is undefined
	}
	m := New(common.DefaultContext(), d, batch.Options{Metric: dist.Cosine, Margin: 0.2})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 34})
	m = finish(t, next.(*Model), m.Init())
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
	tm := teatest.NewTestModel(t, New(common.DefaultContext(), tuitest.Iris(t), batch.Options{Metric: dist.Euclidean, Margin: 0.2}), teatest.WithInitialTermSize(100, 34))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "AUC 0.9397") },
		teatest.WithDuration(10*time.Second))
	tm.Send(tuitest.Key("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

func TestBatchViewGolden(t *testing.T) {
	m := irisView(t)
	m = finish(t, m, m.Init())
	golden.RequireEqual(t, []byte(m.View()))
}

// An input error in the batch view is wrapped inside the view at 80×24,
// never cut.
func TestBatchViewInputErrorWraps(t *testing.T) {
	d := tuitest.Iris(t)
	for i := range 4 {
		d.X.Set(0, i, 1e200) // squared distances overflow: a long message
	}
	m := New(common.DefaultContext(), d, batch.Options{Metric: dist.Euclidean, Margin: 0.2})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = finish(t, next.(*Model), m.Init())
	if m.InputError() == nil {
		t.Fatal("no input error")
	}
	v := m.View()
	words := strings.Fields("✗ " + errtext.Message(i18n.New(i18n.English), m.InputError()))
	if got := strings.Fields(v); !containsRun(got, words) {
		t.Errorf("the error is not whole on screen:\n%s\nwant the words %q", v, words)
	}
	for _, l := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line of %d cells: %q", w, l)
		}
	}
}

// containsRun reports whether want appears in words as a contiguous run.
func containsRun(words, want []string) bool {
	for i := 0; i+len(want) <= len(words); i++ {
		ok := true
		for j := range want {
			if words[i+j] != want[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func TestEveryBatchHelpKeyActs(t *testing.T) {
	base := irisView(t)
	base = finish(t, base, base.Init())
	withHelp, _ := base.Update(tuitest.Key("?"))
	for _, column := range base.keys.FullHelp() {
		for _, b := range column {
			t.Run(b.Help().Key, func(t *testing.T) {
				from := base
				if b.Help().Desc == base.keys.CloseHelp.Help().Desc { // it acts where it is listed: in the open help
					from = withHelp.(*Model)
				}
				before := from.View()
				next, cmd := from.Update(tuitest.FirstKey(b))
				if next.(*Model).View() == before && cmd == nil {
					t.Errorf("%s (%s) changed nothing and started nothing", b.Help().Key, b.Help().Desc)
				}
			})
		}
	}
}

// f in the batch view writes both distributions as a new SVG once the
// result is shown, and names the file; before that it says to wait.
func TestBatchFigureKey(t *testing.T) {
	m := irisView(t)
	dir := t.TempDir()
	m.ctx.Dir = dir
	next, cmd := m.Update(tuitest.Key("f"))
	if cmd != nil || !strings.Contains(next.(*Model).View(), "wait until the computation ends") {
		t.Errorf("f before the result: cmd %v, view:\n%s", cmd != nil, next.(*Model).View())
	}
	m = finish(t, m, m.Init())
	next, cmd = m.Update(tuitest.Key("f"))
	if cmd == nil {
		t.Fatal("f after the result started nothing")
	}
	next, _ = next.Update(cmd())
	files, _ := filepath.Glob(filepath.Join(dir, "losslab-batch-*.svg"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	if v := next.(*Model).View(); !strings.Contains(v, "wrote the figure "+files[0]) {
		t.Errorf("the note does not name %s:\n%s", files[0], v)
	}
	data, _ := os.ReadFile(files[0])
	if !bytes.Contains(data, []byte("AUC 0.9397")) || !bytes.Contains(data, []byte("best threshold 1.3748 (accuracy 86.0%)")) {
		t.Errorf("the figure lacks the iris numbers the text output shows")
	}
}
