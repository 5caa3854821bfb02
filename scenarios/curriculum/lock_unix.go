//go:build unix

package curriculum

import (
	"errors"
	"os"
	"syscall"
)

// lockDir takes an exclusive lock on dir, waiting for another holder (a
// second losslab saving its progress) to let go; unlock releases it. The
// lock is flock(2)'s, on the directory itself: no lock file is left behind,
// and the kernel releases it if the process dies.
func lockDir(dir string) (unlock func(), err error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(d.Fd()), syscall.LOCK_EX)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		d.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(d.Fd()), syscall.LOCK_UN)
		d.Close()
	}, nil
}
