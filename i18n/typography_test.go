package i18n

import (
	"slices"
	"strings"
	"testing"

	"losslab/internal/zhtypo"
)

// Every Chinese message follows the punctuation rule of
// docs/glossary-zh.md (internal/zhtypo).
func TestChineseTypography(t *testing.T) {
	ids := make([]ID, 0, len(chinese))
	for id := range chinese {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		for _, p := range zhtypo.Check(chinese[id]) {
			t.Errorf("%s: %s\n  %s", id, p, chinese[id])
		}
	}
}

// A Chinese word put where a message spaces a Latin one takes no space;
// a Latin word keeps it, and a column gap stays.
func TestChineseArgumentsTakeNoSpace(t *testing.T) {
	zh := New(Chinese)
	for _, c := range []struct {
		args []any
		want string
	}{
		{[]any{"对比损失", "59", "0.0000", "0.0000"}, "对比损失在第 59 步坍缩"},
		{[]any{"InfoNCE", "59", "0.0000", "0.0000"}, "InfoNCE 在第 59 步坍缩"},
		{[]any{"a", "7", "0.0000", "0.0000"}, "a 在第 7 步坍缩"},
	} {
		if got := zh.T(TrainCollapseMargin, c.args...); !strings.HasPrefix(got, c.want) {
			t.Errorf("T = %q, want it to start with %q", got, c.want)
		}
	}
	if got := zh.T(LossWithParams, "InfoNCE（NT-Xent）", "τ = 0.10"); got != "InfoNCE（NT-Xent），τ = 0.10" {
		t.Errorf("LossWithParams = %q", got)
	}
	if got := zh.T(LossWithParams, "InfoNCE（NT-Xent）", "τ = 0.10") + " 在"; closeChineseGaps(got) != "InfoNCE（NT-Xent），τ = 0.10 在" {
		t.Errorf("a Latin word lost its space: %q", closeChineseGaps(got))
	}
	if got := closeChineseGaps("InfoNCE（NT-Xent） 在 τ = 0.10 时"); got != "InfoNCE（NT-Xent）在 τ = 0.10 时" {
		t.Errorf("a space after a full-width bracket: %q", got)
	}
	if got := zh.T(VariantValueRegime, "平方", "0.4400", "困难") + " · " + "软间隔"; got != "平方 0.4400（困难） · 软间隔" {
		t.Errorf("a list's separator lost its spaces: %q", got)
	}
	if got := zh.T(EvalDistances, "0.70", "0.50"); got != "距离         d(a,p) = 0.70   d(a,n) = 0.50" {
		t.Errorf("a column gap changed: %q", got)
	}
	if got := New(English).T(TrainPaneMargin, "对比", "0.20"); got != "对比, margin 0.20" {
		t.Errorf("English changed: %q", got)
	}
}

func TestSentences(t *testing.T) {
	if got := New(Chinese).Sentences("a 在第 7 步坍缩。", "按空格继续。"); got != "a 在第 7 步坍缩。按空格继续。" {
		t.Errorf("Chinese: %q", got)
	}
	if got := New(English).Sentences("a collapsed.", "Press space."); got != "a collapsed. Press space." {
		t.Errorf("English: %q", got)
	}
}
