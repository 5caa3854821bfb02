//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO where the progress file should be: `losslab learn` lists the
// lessons at once, as having none finished, instead of waiting for a writer.
func TestLearnWithAFIFOForProgress(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	if err := os.MkdirAll(filepath.Join(state, "losslab"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(state, "losslab", "progress.json"), 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errOut := run(t, "learn")
		done <- result{code, out, errOut}
	}()
	select {
	case r := <-done:
		if r.code != 0 || !regexp.MustCompile(`· 1 +article-cases`).MatchString(r.out) || strings.Contains(r.out, "✓") {
			t.Errorf("learn: exit %d, stderr %q\n%s", r.code, r.err, r.out)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("losslab learn is still waiting on the FIFO")
	}
}
