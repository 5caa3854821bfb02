// Package atomicfile writes files whole or not at all: what a reader or a
// crash sees is the old content or the new, never half of one. Recordings
// and figures are written with WriteNew, which never replaces a file; the
// course's progress with Replace.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// ErrExists is returned by WriteNew when the file is already there.
var ErrExists = errors.New("file exists")

// WriteNew writes data to a new file at path, complete or not at all, and
// never overwrites: a temporary file in the same directory (mode 0644 less
// the umask), synced, then hard-linked into place and the directory synced.
// Where the file system has no hard links it creates path exclusively
// instead (removed again if writing fails).
func WriteNew(path string, data []byte) error {
	return writer{link: os.Link}.writeNew(path, data)
}

// Replace writes data to path whole, replacing what is there: a temporary
// file in the same directory with mode perm (less the umask), synced, renamed
// over path, the directory synced.
func Replace(path string, data []byte, perm fs.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, perm)
	if err != nil {
		return named(path, err)
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing left to remove
	if err := writeSyncClose(tmp, data); err != nil {
		return named(path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// writer lets tests stand in for a file system without hard links.
type writer struct {
	link func(oldname, newname string) error
}

func (w writer) writeNew(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, 0o644)
	if err != nil {
		return named(path, err)
	}
	defer os.Remove(tmp.Name())
	if err := writeSyncClose(tmp, data); err != nil {
		return named(path, err)
	}
	// A link fails if path exists, unlike a rename, which would replace it.
	switch err := w.link(tmp.Name(), path); {
	case err == nil:
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s: %w", path, ErrExists)
	case linkUnsupported(err):
		if err := writeExclusive(path, data); err != nil {
			return err
		}
	default:
		return err
	}
	return syncDir(dir)
}

// named says a failure to create or write the temporary file about path, the file
// asked for, still as the *fs.PathError callers translate: the temporary
// name means nothing to them ("x.csv: no such file or directory", not
// ".losslab-123.tmp: ...").
func named(path string, err error) error {
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return &fs.PathError{Op: pe.Op, Path: path, Err: pe.Err}
	}
	return fmt.Errorf("%s: %w", path, err)
}

// createTemp is os.CreateTemp with mode perm instead of 0600: the link or
// the rename makes this very inode the written file.
func createTemp(dir string, perm fs.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".losslab-%d.tmp", rand.Uint64()))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("%s: could not create a temporary file", dir)
}

// writeExclusive creates path (failing if it exists) and writes data; a
// failed write leaves no file behind.
func writeExclusive(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %w", path, ErrExists)
	}
	if err != nil {
		return err
	}
	if err := writeSyncClose(f, data); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

func writeSyncClose(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
