//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A FIFO is refused at once instead of blocking until a writer appears.
func TestReplayRefusesAFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		code, _, errOut := run(t, "replay", fifo)
		if code != ExitUsage || !strings.Contains(errOut, "is a FIFO (named pipe), not a regular file") {
			t.Errorf("FIFO: exit %d, %q", code, errOut)
		}
	}
}
