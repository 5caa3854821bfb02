//go:build !unix

package atomicfile

// linkUnsupported: any link failure but an existing file falls back to an
// exclusive create, which reports a real failure itself.
func linkUnsupported(error) bool { return true }

// syncDir: directories cannot be synced here.
func syncDir(string) error { return nil }
