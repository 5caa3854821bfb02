//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"syscall"
)

// linkUnsupported tells a file system without hard links (vfat, exFAT, some
// network file systems) from a real failure.
func linkUnsupported(err error) bool {
	for _, e := range []syscall.Errno{syscall.EPERM, syscall.ENOTSUP, syscall.EOPNOTSUPP, syscall.ENOSYS, syscall.EXDEV} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// syncDir makes a new directory entry durable. File systems that cannot
// sync a directory (EINVAL, ENOTSUP) have nothing more to do.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return err
	}
	return nil
}
