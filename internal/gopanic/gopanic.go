// Package gopanic carries a panic out of a worker goroutine into the
// goroutine that waits for the workers, with the worker's own stack. A
// panic nobody recovers kills the process at once, with the terminal raw;
// re-raised in the caller, it meets the same recovery as every other panic
// (the TUI restores the terminal and names the stack file; see tui.Run).
package gopanic

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// Value is a panic caught in a worker: the value it panicked with and the
// worker's stack at that moment.
type Value struct {
	V     any
	Stack []byte
}

func (v *Value) Error() string { return fmt.Sprint(v.V) }

// Capture, deferred first thing in a worker goroutine, stores the worker's
// panic in *dst instead of letting it kill the process.
func Capture(dst **Value) {
	if v := recover(); v != nil {
		*dst = &Value{V: v, Stack: debug.Stack()}
	}
}

// Repanic re-raises the first captured panic, if any, in the calling
// goroutine. Call it after the workers are joined.
func Repanic(captured []*Value) {
	for _, v := range captured {
		if v != nil {
			panic(v)
		}
	}
}

// Unwrap returns the value and stack of a recovered panic r: a worker's
// own for a *Value, else r and the given stack.
func Unwrap(r any, stack []byte) (any, []byte) {
	if v, ok := r.(*Value); ok {
		return v.V, v.Stack
	}
	return r, stack
}

// Record writes a crash's value and stack where the user can find them: to
// w when debug is set (LOSSLAB_DEBUG=1), returning "", else to a new file in
// the temporary directory, returning its name ("" if it cannot be made).
func Record(v any, stack []byte, debug bool, w io.Writer) string {
	if debug && w != nil {
		fmt.Fprintf(w, "panic: %v\n\n%s\n", v, stack)
		return ""
	}
	f, err := os.CreateTemp("", "losslab-crash-*.txt")
	if err != nil {
		return ""
	}
	defer f.Close()
	fmt.Fprintf(f, "panic: %v\n\n%s", v, stack)
	return f.Name()
}
