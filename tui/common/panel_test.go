package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The frame constants are the border's cells plus a cell of padding each side.
func TestPanelFrameIsTheBorder(t *testing.T) {
	if w := ansi.StringWidth(border.Left) + ansi.StringWidth(border.Right) + 2; PanelFrameW != w {
		t.Errorf("PanelFrameW %d, the border and padding take %d", PanelFrameW, w)
	}
	lines := strings.Split(DefaultStyles().TextPanel("title", "body", 20, 5), "\n")
	if len(lines) != 5 {
		t.Fatalf("a 5-row panel has %d lines", len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != 20 {
			t.Errorf("line %d is %d cells wide, want 20: %q", i+1, w, l)
		}
	}
	if len(lines)-PanelFrameH != 3 || !strings.Contains(lines[1], "body") {
		t.Errorf("the body is not inside the frame:\n%s", strings.Join(lines, "\n"))
	}
}
