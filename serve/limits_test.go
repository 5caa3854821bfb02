package serve

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// docs/limits.md states every bound of a client; this keeps its figures
// the ones the server enforces.
func TestLimitsPageStatesTheBounds(t *testing.T) {
	page, err := os.ReadFile("../docs/limits.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(page), "## Serving")
	if !ok {
		t.Fatal("docs/limits.md has no Serving section")
	}
	seconds := func(d time.Duration) string { return fmt.Sprintf("%d s", int(d/time.Second)) }
	d := DefaultLimits
	for _, want := range []string{
		fmt.Sprintf("clamped to %d×%d", MaxWidth, MaxHeight),
		fmt.Sprintf("at most %d variables, each value (and the pty request's `TERM`) at most %d bytes", MaxEnv, MaxEnvValue),
		seconds(d.Handshake) + " from a connection's first byte",
		fmt.Sprintf("at most %d at once, %d from one address", d.Waiting, d.PerSource),
		"closed " + seconds(d.Linger) + " after its session ended",
		"each wrong passphrase followed by a " + seconds(d.AuthFailureDelay) + " wait",
		fmt.Sprintf("all sessions together %s the server's cores, one session at most %s a core", half(TrainingShare), half(SessionCores)),
	} {
		if !strings.Contains(section, want) {
			t.Errorf("docs/limits.md's Serving section does not say %q", want)
		}
	}
}

// half writes the fraction the page uses.
func half(f float64) string {
	if f == 0.5 {
		return "half"
	}
	return fmt.Sprint(f)
}
