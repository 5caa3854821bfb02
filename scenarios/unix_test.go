//go:build unix

package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestLoadFileRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	// Without a writer, opening the FIFO used to block for ever.
	done := make(chan error, 1)
	go func() { _, err := LoadFile(fifo); done <- err }()
	err := <-done
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "pipe.toml: is a FIFO (named pipe), not a regular file") {
		t.Errorf("FIFO: %v", err)
	}
	if _, err := LoadFile("/dev/null"); err == nil || !strings.Contains(err.Error(), "character device") {
		t.Errorf("/dev/null: %v", err)
	}
	if _, err := LoadFile(dir); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: %v", err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, make([]byte, MaxFileBytes+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(big); err == nil || !strings.Contains(err.Error(), "larger than 1,048,576 bytes") {
		t.Errorf("oversized: %v", err)
	}
}
