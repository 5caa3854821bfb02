package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWriteNewNeverOverwrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.toml")
	if err := WriteNew(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if err := WriteNew(path, []byte("second")); !errors.Is(err, ErrExists) {
		t.Errorf("second write: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("file now %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// Where hard links are not supported the file is created exclusively:
// written whole, never over an existing file, no temporary file left.
func TestWriteNewWithoutHardLinks(t *testing.T) {
	noLinks := writer{link: func(o, n string) error {
		return &os.LinkError{Op: "link", Old: o, New: n, Err: syscall.EPERM}
	}}
	dir := t.TempDir()
	path := filepath.Join(dir, "x.toml")
	if err := noLinks.writeNew(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if err := noLinks.writeNew(path, []byte("second")); !errors.Is(err, ErrExists) {
		t.Errorf("second write: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("file now %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
	failing := writer{link: func(o, n string) error { return &os.LinkError{Op: "link", Old: o, New: n, Err: syscall.EIO} }}
	if err := failing.writeNew(filepath.Join(dir, "y.toml"), []byte("x")); !errors.Is(err, syscall.EIO) {
		t.Errorf("a real link failure: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind after a failure: %v", entries)
	}
}

func TestReplace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "progress.json")
	for _, content := range []string{"old", "new, and longer"} {
		if err := Replace(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); string(b) != content {
			t.Errorf("file %q, want %q", b, content)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := Replace(filepath.Join(dir, "no", "such", "dir"), []byte("x"), 0o600); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}

// A file in a directory that does not exist: the error names the file
// asked for, not the temporary file it could not create, and still says
// why (fs.ErrNotExist).
func TestErrorNamesThePath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no-such-dir", "out.csv")
	for name, write := range map[string]func() error{
		"WriteNew": func() error { return WriteNew(path, []byte("x")) },
		"Replace":  func() error { return Replace(path, []byte("x"), 0o644) },
	} {
		err := write()
		var pe *fs.PathError
		if !errors.As(err, &pe) || pe.Path != path || strings.Contains(err.Error(), ".tmp") || !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: %v; want %s: and why", name, err, path)
		}
	}
}
