//go:build unix

package atomicfile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestModes(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	for _, c := range []struct {
		name  string
		write func(path string) error
		want  os.FileMode
	}{
		{"WriteNew", func(p string) error { return WriteNew(p, []byte("data")) }, 0o640},
		{"Replace", func(p string) error { return Replace(p, []byte("data"), 0o600) }, 0o600},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name)
			if err := c.write(path); err != nil {
				t.Fatal(err)
			}
			if info, err := os.Stat(path); err != nil || info.Mode().Perm() != c.want {
				t.Errorf("mode %v (%v), want %v under umask 027", info.Mode().Perm(), err, c.want)
			}
		})
	}
}
