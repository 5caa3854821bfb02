package cli

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"losslab/core/loss"
	"losslab/i18n"
)

// runIn is run with the language the locale chose (IO.Lang).
func runIn(t testing.TB, lang i18n.Lang, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, IO{In: strings.NewReader(""), Out: &out, Err: &errb, Lang: lang})
	return code, out.String(), errb.String()
}

func TestTakeLang(t *testing.T) {
	for _, c := range []struct {
		args, rest []string
		lang       i18n.Lang
		given      bool
	}{
		{nil, []string{}, i18n.English, false},
		{[]string{"eval", "--lang", "zh", "--dap", "1"}, []string{"eval", "--dap", "1"}, i18n.Chinese, true},
		{[]string{"--lang=zh", "replay", "collapse"}, []string{"replay", "collapse"}, i18n.Chinese, true},
		{[]string{"replay", "collapse", "--lang", "en"}, []string{"replay", "collapse"}, i18n.English, true},
		{[]string{"--lang", "zh", "--lang", "en"}, []string{}, i18n.English, true}, // the last one counts
		{[]string{"replay", "--", "--lang", "zh"}, []string{"replay", "--", "--lang", "zh"}, i18n.English, false},
		{[]string{"--language", "zh"}, []string{"--language", "zh"}, i18n.English, false},
	} {
		rest, lang, given, err := takeLang(c.args)
		if err != nil || !slices.Equal(rest, c.rest) || lang != c.lang || given != c.given {
			t.Errorf("takeLang(%q) = %q, %s, %v, %v", c.args, rest, lang.Code(), given, err)
		}
	}
}

func TestLangErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"eval", "--lang"}, "losslab: --lang needs a value\n"},
		{[]string{"--lang="}, "losslab: --lang needs a value\n"},
		{[]string{"--lang", "fr", "eval"}, "losslab: --lang: \"fr\" is not a language: want en or zh\n"},
	} {
		code, out, errOut := run(t, c.args...)
		if code != ExitUsage || out != "" || errOut != c.want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %q", c.args, code, out, errOut, c.want)
		}
	}
	// The locale chose Chinese: the error about --lang is Chinese too.
	if _, _, errOut := runIn(t, i18n.Chinese, "--lang", "fr"); errOut != "losslab：--lang：\"fr\" 不是可用的语言：应为 en 或 zh\n" {
		t.Errorf("Chinese --lang error: %q", errOut)
	}
}

// --lang wins over the locale, in either direction, wherever it stands.
func TestLangOverridesLocale(t *testing.T) {
	_, zh, _ := runIn(t, i18n.English, "scenarios", "--lang", "zh")
	_, en, _ := runIn(t, i18n.Chinese, "--lang", "en", "scenarios")
	_, locale, _ := runIn(t, i18n.Chinese, "scenarios")
	if !strings.HasPrefix(zh, "名称") || !strings.HasPrefix(en, "NAME") || locale != zh {
		t.Errorf("--lang zh:\n%s\n--lang en:\n%s\nlocale zh:\n%s", zh, en, locale)
	}
}

// Usage errors come in Chinese, naming the flag as typed, still one line.
func TestChineseErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"eval", "--dap", "x"}, "losslab eval：--dap：\"x\" 不是有限数\n"},
		{[]string{"eval", "--bogus"}, "losslab eval：未知的选项 --bogus（运行 'losslab eval --help' 查看选项）\n"},
		{[]string{"frobnicate"}, "losslab：未知的命令 \"frobnicate\"（运行 'losslab help' 查看命令列表）\n"},
		{[]string{"replay"}, "losslab replay：缺少场景：请给出预设名或 .toml 文件（'losslab scenarios' 会列出预设）\n"},
		{[]string{"replay", "colapse"}, "losslab replay：未知的场景 \"colapse\"（最接近的是 collapse）：运行 'losslab scenarios' 可列出所有场景，也可以给出一个 .toml 文件\n"},
	} {
		code, out, errOut := runIn(t, i18n.Chinese, c.args...)
		if code != ExitUsage || out != "" || errOut != c.want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %q", c.args, code, out, errOut, c.want)
		}
	}
}

// Every help in Chinese fits 80 cells, lists --lang, and keeps its
// identifiers (flag names and values) as they are.
func TestChineseHelp(t *testing.T) {
	helps := [][]string{{"help"}, {"--help"}}
	for _, c := range commands() {
		helps = append(helps, []string{"help", c.name}, []string{c.name, "--help"})
	}
	for _, args := range helps {
		code, out, _ := runIn(t, i18n.Chinese, args...)
		if code != 0 || out == "" {
			t.Fatalf("%q: exit %d, no output", args, code)
		}
		for _, l := range strings.Split(out, "\n") {
			if lipgloss.Width(l) > 80 {
				t.Errorf("%q: line wider than 80 cells: %q", args, l)
			}
		}
		if !strings.Contains(out, "--lang") {
			t.Errorf("%q: --lang is not mentioned:\n%s", args, out)
		}
	}
	_, out, _ := runIn(t, i18n.Chinese, "help", "eval")
	for _, want := range []string{"用法：losslab eval [flags]", "--y-an 标签", "--margin 数值", "same|different", "（默认 different）", "选项："} {
		if !strings.Contains(out, want) {
			t.Errorf("eval help lacks %q:\n%s", want, out)
		}
	}
}

func TestChineseGoldens(t *testing.T) {
	for name, args := range map[string][]string{
		"zh-help.golden":                {"help"},
		"zh-scenarios.golden":           {"scenarios"},
		"zh-replay-blog-case-3b.golden": {"replay", "blog-case-3b"},
		"zh-eval.golden":                {"eval"},
		"zh-eval-vectors.golden":        {"eval", "--anchor", "0,0", "--positive", "0.7,0", "--negative", "0.5,0", "--y-an", "same"},
	} {
		code, out, errOut := runIn(t, i18n.Chinese, args...)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errOut)
		}
		checkGolden(t, name, out)
	}
	// JSON stays in the identifiers' language whatever the interface's.
	_, zh, _ := runIn(t, i18n.Chinese, "scenarios", "--json")
	_, en, _ := run(t, "scenarios", "--json")
	if zh != en {
		t.Error("scenarios --json differs in Chinese")
	}
	_, zh, _ = runIn(t, i18n.Chinese, "replay", "--json", "collapse")
	_, en, _ = run(t, "replay", "--json", "collapse")
	if zh != en {
		t.Error("replay --json differs in Chinese")
	}
}

// The replay table lines up in cells although its headings are Chinese.
func TestChineseReplayTableAligned(t *testing.T) {
	_, out, _ := runIn(t, i18n.Chinese, "replay", "margin-sweep")
	lines := strings.Split(out, "\n")
	table := lines[2 : 2+12] // the heading and states 0 to 10
	for _, l := range table[1:] {
		if lipgloss.Width(l) != lipgloss.Width(table[0]) {
			t.Errorf("row %q is %d cells, heading %d", l, lipgloss.Width(l), lipgloss.Width(table[0]))
		}
	}
}

// Every registered loss has its name and short name in Chinese.
func TestEveryLossHasAChineseName(t *testing.T) {
	for _, l := range loss.Registry() {
		for _, id := range []string{"loss.name.", "loss.short."} {
			if !i18n.Has(i18n.Chinese, i18n.ID(id+string(l.ID))) {
				t.Errorf("%s%s has no Chinese text", id, l.ID)
			}
		}
	}
}

// batch's text report in Chinese: its columns line up in cells, its numbers
// are the English report's.
func TestChineseBatchReport(t *testing.T) {
	_, zh, _ := runIn(t, i18n.Chinese, "batch", "--demo", "iris", "--plain")
	_, en, _ := run(t, "batch", "--demo", "iris", "--plain")
	col := func(out, prefix, value string) int {
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, prefix) {
				return lipgloss.Width(l[:strings.Index(l, value)])
			}
		}
		t.Fatalf("no line starts with %q:\n%s", prefix, out)
		return 0
	}
	if a, b := col(zh, "  “d < t", "0.9397"), col(zh, "  最佳阈值", "d ≤"); a != b || a != col(en, "  ROC AUC", "0.9397") {
		t.Errorf("AUC value at cell %d, threshold at %d:\n%s", a, b, zh)
	}
	for _, n := range []string{"665,932", "18,927", "50,141", "0.9397", "1.3748", "86.0%", "5.4%", "0.1998", "8.2844"} {
		if !strings.Contains(zh, n) || !strings.Contains(en, n) {
			t.Errorf("%s missing from one report", n)
		}
	}
	checkGolden(t, "zh-batch-iris.golden", zh)
}
