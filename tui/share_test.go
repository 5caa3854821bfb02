package tui

import (
	"bytes"
	"encoding/base64"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/statestr"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// The whole app through a program: s shows the string of what is on
// screen and sends it to the clipboard writer; the string reopens it.
func TestShareFlow(t *testing.T) {
	clip := &lockedBuffer{}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	app := NewAppOn(r, i18n.New(i18n.English), common.ShareContext{Clipboard: clip}, Config{})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24))
	tm.Send(tuitest.Key("right"))
	tm.Send(tuitest.Key("c"))
	tm.Send(tuitest.Key("s"))
	const want = "ll1_p_dap-0.75_c-contrastive_"
	tuitest.WaitText(t, tm, want)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(clip.String(), "\x1b]52;c;") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	seq := clip.String()
	b64 := strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b]52;c;"), "\x07")
	sent, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || !strings.HasPrefix(string(sent), want) {
		t.Fatalf("the clipboard got %q (%q, %v)", seq, sent, err)
	}
	d, err := statestr.Decode(string(sent))
	if err != nil || d.Playground.Values.DAP != 75 || d.Playground.Chart != statestr.ChartContrastive {
		t.Errorf("%q decodes to %+v, %v", sent, d.Playground, err)
	}
	tm.Send(tuitest.Key("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// lockedBuffer is a buffer the program's command goroutine and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// S in the training mode shows the string of the trainer on screen, which
// decodes to its configuration and step; any key closes it.
func TestTrainStateKey(t *testing.T) {
	clip := &lockedBuffer{}
	ctx := tuitest.Context()
	ctx.Share = common.ShareContext{Clipboard: clip}
	var m tea.Model = NewApp(ctx, Config{Start: common.ModeTrain})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, k := range []string{"n", "n", "n"} {
		m, _ = m.Update(tuitest.Key(k))
	}
	m, cmd := m.Update(tuitest.Key("S"))
	if cmd == nil {
		t.Fatal("S with a clipboard sent nothing")
	}
	cmd()
	v := m.View()
	s := latinToken(v, "ll1_t")
	d, err := statestr.Decode(s)
	if err != nil || d.Mode != statestr.ModeTrain || d.Training.Step != 3 || d.Training.Config != trainerOf(t, m).Config() {
		t.Fatalf("%q decodes to %+v, %v; the trainer is at step %d with %+v", s, d.Training, err, trainerOf(t, m).StepCount(), trainerOf(t, m).Config())
	}
	if !strings.Contains(clip.String(), base64.StdEncoding.EncodeToString([]byte(s))) {
		t.Errorf("the clipboard did not get %q", s)
	}
	if !strings.Contains(v, "losslab train --state STRING") {
		t.Errorf("the screen does not say how to reopen it:\n%s", v)
	}
	m, _ = m.Update(tuitest.Key("x"))
	if strings.Contains(m.View(), s) {
		t.Errorf("a key did not close the state string")
	}
}

// latinToken is the first whitespace-separated word of v that starts with prefix.
func latinToken(v, prefix string) string {
	for _, w := range strings.Fields(v) {
		if strings.HasPrefix(w, prefix) {
			return w
		}
	}
	return ""
}

func trainerOf(t *testing.T, m tea.Model) *train.Trainer {
	t.Helper()
	app, ok := m.(App)
	if !ok {
		t.Fatalf("%T is not the app", m)
	}
	tm, ok := app.modes[common.ModeTrain].(trainMode)
	if !ok {
		t.Fatalf("the training mode is %T", app.modes[common.ModeTrain])
	}
	return tm.view.Trainer()
}
