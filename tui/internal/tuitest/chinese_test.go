package tuitest

import (
	"slices"
	"testing"
)

// A Chinese screen is Chinese: this test fails on the first English word
// that is not a formula symbol, an identifier or a name.
func TestChineseScreenCheckCatchesEnglish(t *testing.T) {
	if got := EnglishWords("损失 = 0.4000 · hard negative", nil); !slices.Equal(got, []string{"hard", "negative"}) {
		t.Errorf("an English phrase passed as Chinese: %v", got)
	}
	if got := EnglishWords("三元组损失 max(d(a,p) − d(a,n) + m, 0) · FaceNet · batch-hard · ↑/k 上 · space", nil); got != nil {
		t.Errorf("formulas, keys and names flagged as English: %v", got)
	}
	if got := EnglishWords("原文中 max(0.1−0.6, 0) = −0.5 应为 0", nil); got != nil {
		t.Errorf("the erratum flagged: %v", got)
	}
	if got := EnglishWords("the margin matters", nil); !slices.Equal(got, []string{"the", "margin", "matters"}) {
		t.Errorf("English words found: %v", got)
	}
}
