package trainview

import (
	"encoding/base64"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"losslab/core/train"
	"losslab/statestr"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// S in the training mode shows the string of the trainer on screen, which
// decodes to its configuration and step; any key closes it.
func TestTrainStateKey(t *testing.T) {
	clip := &tuitest.LockedBuffer{}
	ctx := tuitest.Context()
	ctx.Share = common.ShareContext{Clipboard: clip}
	var m tea.Model = Open(ctx, Config{})
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
	am, ok := m.(*AppMode)
	if !ok {
		t.Fatalf("%T is not the training mode as the app hosts it", m)
	}
	return am.Trainer()
}
