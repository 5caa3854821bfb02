package tui

import (
	"encoding/base64"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"losslab/i18n"
	"losslab/statestr"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// The whole app through a program: s shows the string of what is on
// screen and sends it to the clipboard writer; the string reopens it.
func TestShareFlow(t *testing.T) {
	clip := &tuitest.LockedBuffer{}
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
