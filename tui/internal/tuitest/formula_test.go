package tuitest

import "testing"

// The check finds the breaks issue 21 saw on screen, and passes the same
// formulas kept whole.
func TestBrokenFormulas(t *testing.T) {
	for _, c := range []struct {
		screen string
		broken bool
	}{
		{"│ 三元组损失为 max(0.7 - 0.5 + 0.2, │\n│ 0) = 0.4：负样本离锚点比正样本更近 │", true},
		{"│ 三元组损失为                       │\n│ max(0.7 - 0.5 + 0.2, 0) = 0.4：负  │", false},
		{"│ 原文的三个例子：0.7/0.5/0.2 →      │\n│ 0.4；0.1/0.6/0.2 → 0               │", true},
		{"A 锚点 3/64 · ℓ(A,P) 0.78 + ℓ(A,N) │ x\n0.4463                             │ y", true},
		{"A 锚点 3/64 ·                      │ x\nℓ(A,P) 0.78 + ℓ(A,N) 0.4463        │ y", false},
		{"│ 所以这条带是 (0.5,                 │\n│ 0.8)。                             │", true},
		{"│ moves faster (the a-p term alone,  │\n│ as the panel shows it)             │", false},
		{"│ d(a,p)  0.70 ━━───── │ L = max(0.70 − 0.50 + 0.20, 0) = 0.4000 │", false},
	} {
		if got := BrokenFormulas(c.screen); (len(got) > 0) != c.broken {
			t.Errorf("BrokenFormulas(%q) = %q, want broken %v", c.screen, got, c.broken)
		}
	}
}
