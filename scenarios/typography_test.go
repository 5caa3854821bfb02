package scenarios

import (
	"testing"

	"losslab/internal/zhtypo"
)

// Every Chinese text of every preset and lesson follows the punctuation
// rule of docs/glossary-zh.md (internal/zhtypo).
func TestChineseTypography(t *testing.T) {
	for _, s := range append(Presets(), Lessons()...) {
		for _, tx := range textsOf(s) {
			for _, p := range zhtypo.Check(tx.zh) {
				t.Errorf("%s %s: %s\n  %s", s.Name, tx.where, p, tx.zh)
			}
		}
	}
}
