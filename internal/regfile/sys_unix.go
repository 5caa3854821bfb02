//go:build unix

package regfile

import (
	"os"
	"syscall"
)

// openNonBlocking opens path for reading without waiting for a writer: a
// FIFO opens at once (and is then refused as not a regular file). On a
// regular file O_NONBLOCK changes nothing.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
