package course

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// The course's screens docs/course.md and README.zh.md show (their golden
// markers name these files): lesson 4 at 80×24, its first question answered
// wrong in English, its second answered wrong in Chinese.
func TestGoldenDocsRegimes(t *testing.T) {
	for _, c := range []struct {
		name    string
		ctx     *common.Context
		keys    []string
		verdict string
	}{
		{"first-wrong", tuitest.Context(), []string{"right", "3", "enter", "2", "enter"}, "✗ You said semi-hard; the answer is hard."},
		{"second-wrong-zh", tuitest.ChineseContext(), []string{"right", "tab", "right", "1", "enter", "3", "enter"}, "✗ 你的答案是“简单”；正确答案是“半困难”。"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newLearnIn(t, c.ctx, Config{OpenLesson: "regimes"}, 80, 24)
			m = pressLearn(t, m, c.keys...)
			v := m.View()
			if !strings.Contains(v, c.verdict) {
				t.Fatalf("no verdict %q:\n%s", c.verdict, v)
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}
