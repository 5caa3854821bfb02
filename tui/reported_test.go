// Defects a demanding new user reported in the playground, the course and
// the plain output, each pinned by the test that failed before its fix.
package tui

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// With no terminal to read keys from but stdout an 80-column terminal
// (setsid -w losslab </dev/null), the plain frame is 80 columns wide.
func TestNoTerminalPlainTakesTerminalWidth(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	r := startOnPty(t, null, false)
	if got := r.wait(t); got != 0 {
		t.Errorf("exit %d", got)
	}
	r.out.waitFor(t, "since d(a,n) ≥ m.")
	frame := false
	for _, l := range strings.Split(r.out.String(), "\n") {
		l = strings.TrimRight(l, "\r")
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("a line of %d cells on an 80-column terminal: %q", w, l)
		}
		if strings.HasPrefix(l, "╭─ controls") {
			frame = true
		}
	}
	if !frame {
		t.Errorf("no frame:\n%s", r.out.String())
	}
}
