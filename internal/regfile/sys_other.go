//go:build !unix

package regfile

import "os"

// openNonBlocking opens path for reading; systems without FIFOs that block
// on open need nothing more.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
