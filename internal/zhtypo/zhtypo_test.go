package zhtypo

import (
	"strings"
	"testing"
)

// The examples each break one rule; their corrected forms break none.
func TestCheck(t *testing.T) {
	for _, c := range []struct{ text, rule string }{
		{"blog-case-1: 弱网络：负样本比正样本更近", "half-width ':'"},
		{"4 个类别（setosa, versicolor, virginica）", "half-width ','"},
		{"间隔 m（原文称“阈值”） (默认 0.2)", "half-width '('"},
		{"InfoNCE (NT-Xent) 的温度", "half-width '('"},
		{"原文的例子。 三元组损失为 0.4", "space after full-width punctuation"},
		{"InfoNCE（NT-Xent） 在 τ = 0.10 时", "space after full-width punctuation"},
		{"三元组损失 ，为 0.4", "space before full-width punctuation"},
		{"max(0.7 - 0.5 + 0.2, 0) 为 0.4", "ASCII hyphen as a minus sign"},
		{"不是 -0.5", "ASCII hyphen as a minus sign"},
		{"对 d(a,n) 为 -1", "ASCII hyphen as a minus sign"},
		{"原文“如何设计loss使得两个分布的差异更大”的例子", "the article's title is always in 《》"},
		{"「d < t 判为同类」的 AUC", "quotes are “” in Simplified Chinese"},
		{"间隔m为0.2", "no space between Chinese and a Latin word"},
		{"三元组损失 推开它", "space between two Chinese characters"},
		{"你确定吗?", "half-width '?'"},
		{"请用 \"同类\" 或 \"异类\"", "ASCII quotes around Chinese"},
		{"请用\"同类\"", "ASCII quotes around Chinese"},
	} {
		ps := Check(c.text)
		found := false
		for _, p := range ps {
			found = found || strings.Contains(p.Rule, strings.Trim(c.rule, "\""))
		}
		if !found {
			t.Errorf("Check(%q) = %v: want a problem %q", c.text, ps, c.rule)
		}
	}
	for _, ok := range []string{
		"blog-case-1：弱网络：负样本比正样本更近",
		"4 个类别（setosa、versicolor、virginica）",
		"InfoNCE（NT-Xent）的温度 τ > 0（默认 0.1）",
		"原文中 max(0.1 − 0.6, 0) = −0.5 应为 0。三元组损失为 0.4。",
		"原文《如何设计loss使得两个分布的差异更大》的例子",
		"样本对 (a,p) 的标签：same|different；这条带是 (0.5, 0.8)",
		"%[1]s：%[2]s × %[3]s，间隔 %[7]s",
		"用法：losslab batch (--in FILE [--labels METADATA] | --demo NAME) [flags]",
		"%s 是写在一行上的字符串数组：[\"a\", \"b\"]",
		"已是最后一步：按 , 后退，按 r 从头开始",
		"batch-hard、semi-hard 与 blog-case-1 都是标识，--margin 是选项",
		"错误指出 file:line",
		"三元组       简单 %[1]s（%[2]s）   半困难 %[3]s",
		"平方 0.4400（困难） · 软间隔 0.7981",
		"多行文本请用 \"\"\"",
		"--in - 与 --labels - 不能都从标准输入读取",
		`引号（"）位置不对：其中的引号写两遍（"a ""b"" c"）`,
		"English only, no Chinese: (a, b) - c",
	} {
		if ps := Check(ok); len(ps) > 0 {
			t.Errorf("Check(%q) = %v, want none", ok, ps)
		}
	}
}
