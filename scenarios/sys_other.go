//go:build !unix

package scenarios

import "os"

// openNonBlocking opens path for reading; systems without FIFOs that block
// on open need nothing more.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }

// linkUnsupported: any link failure but an existing file falls back to an
// exclusive create, which reports a real failure itself.
func linkUnsupported(error) bool { return true }

// syncDir: directories cannot be synced here.
func syncDir(string) error { return nil }
