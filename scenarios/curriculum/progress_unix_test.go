//go:build unix

package curriculum

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"losslab/internal/regfile"
)

// A FIFO where the progress file should be is refused at once: opening it
// used to wait for a writer for ever, and `learn` with it.
func TestProgressFIFOIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := LoadProgress(path); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrBadProgress) || !errors.Is(err, regfile.ErrNotRegular) {
			t.Errorf("LoadProgress of a FIFO: %v, want ErrBadProgress for a file that is not regular", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("LoadProgress is still waiting on the FIFO")
	}
}

// Saving where a FIFO is replaces it with the progress, without waiting on it.
func TestProgressSaveOverAFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { done <- (Progress{Completed: []string{"regimes"}}).Save(path) }()
	select {
	case err := <-done:
		if p, lerr := LoadProgress(path); err != nil || lerr != nil || !p.Done("regimes") {
			t.Errorf("save: %v; then %+v, %v", err, p, lerr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Save is still waiting on the FIFO")
	}
}
