package regfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f")
	if err := os.WriteFile(path, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("within the limit", func(t *testing.T) {
		got, err := ReadFile(path, 5)
		if err != nil || string(got) != "hello" {
			t.Fatalf("ReadFile = %q, %v; want hello, nil", got, err)
		}
	})
	t.Run("over the limit", func(t *testing.T) {
		_, err := ReadFile(path, 4)
		var e *Error
		if !errors.As(err, &e) || e.Reason != TooLarge || e.Limit != 4 || !errors.Is(err, ErrTooLarge) {
			t.Fatalf("ReadFile over the limit: %v; want a TooLarge *Error with limit 4", err)
		}
	})
	t.Run("missing", func(t *testing.T) {
		_, err := ReadFile(filepath.Join(dir, "nothing"), 10)
		if !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("ReadFile of a missing file: %v; want fs.ErrNotExist", err)
		}
	})
	t.Run("directory", func(t *testing.T) {
		_, err := ReadFile(dir, 10)
		var e *Error
		if !errors.As(err, &e) || e.Reason != NotRegular || e.Kind != Directory || !errors.Is(err, ErrNotRegular) {
			t.Fatalf("ReadFile of a directory: %v; want NotRegular, Directory", err)
		}
	})
	t.Run("device", func(t *testing.T) {
		_, err := ReadFile("/dev/zero", 10)
		var e *Error
		if !errors.As(err, &e) || e.Kind != Device {
			t.Fatalf("ReadFile(/dev/zero): %v; want NotRegular, Device", err)
		}
	})
}
