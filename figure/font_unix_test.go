//go:build unix

package figure

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"losslab/internal/regfile"
)

// --font reads like every file a user names (internal/regfile). Before,
// /dev/zero was read until memory ran out and a FIFO blocked for ever; now
// both are refused before a byte is read, and so is a file over the limit.
func TestLoadFontRefusals(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "font.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for path, kind := range map[string]regfile.Kind{"/dev/zero": regfile.Device, fifo: regfile.FIFO, dir: regfile.Directory} {
		var re *regfile.Error
		if _, err := LoadFont(path); !errors.As(err, &re) || re.Reason != regfile.NotRegular || re.Kind != kind {
			t.Errorf("LoadFont(%s) = %v, want it refused as %v", path, err, kind)
		}
	}
	big := filepath.Join(dir, "big.ttf")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxFontBytes+1); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFont(big); !errors.Is(err, regfile.ErrTooLarge) {
		t.Errorf("LoadFont(a file over the limit) = %v", err)
	}
}
