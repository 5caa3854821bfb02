package cli

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"losslab/i18n"
)

// Under a locale whose character set is not UTF-8 losslab refuses to write
// to a terminal, in ASCII English and, for the GB family under Chinese, in
// Chinese the terminal can show; to a pipe it writes UTF-8 as always.
func TestRefusesNonUTF8Terminal(t *testing.T) {
	for _, c := range []struct {
		env      string
		tty      bool
		refused  bool
		chinese  bool // a second line, transcoded
		suggests string
	}{
		{"LANG=zh_CN.GB18030", true, true, true, "LANG=zh_CN.UTF-8"},
		{"LANG=zh_CN.GBK", true, true, true, "LANG=zh_CN.UTF-8"},
		{"LANG=zh_TW.Big5", true, true, false, "LANG=zh_TW.UTF-8"},
		{"LANG=en_US.ISO-8859-1", true, true, false, "LANG=en_US.UTF-8"},
		{"LANG=zh_CN.GB18030", false, false, false, ""}, // a pipe: UTF-8 for the program reading it
		{"LANG=zh_CN.UTF-8", true, false, false, ""},
	} {
		loc := i18n.LocaleFromEnviron([]string{c.env})
		var out, errb bytes.Buffer
		status := Run([]string{"eval"}, IO{Out: &out, Err: &errb, OutIsTTY: c.tty, ErrIsTTY: c.tty, Lang: loc.Lang, Locale: loc})
		if refused := status == ExitUsage && out.Len() == 0 && !strings.Contains(errb.String(), "eval"); refused != c.refused {
			t.Errorf("%s tty=%v: status %d, stdout %q, stderr %q", c.env, c.tty, status, out.String(), errb.String())
			continue
		}
		if !c.refused {
			continue
		}
		lines := strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n")
		if !strings.Contains(lines[0], c.suggests) || strings.ContainsFunc(lines[0], func(r rune) bool { return r > 0x7f }) {
			t.Errorf("%s: the first line is not ASCII naming %s: %q", c.env, c.suggests, lines[0])
		}
		if c.chinese != (len(lines) == 2) {
			t.Fatalf("%s: %d lines: %q", c.env, len(lines), lines)
		}
		if c.chinese {
			decoded, err := simplifiedchinese.GB18030.NewDecoder().String(lines[1])
			if err != nil || !strings.Contains(decoded, "只输出 UTF-8") || strings.Contains(lines[1], "只输出") {
				t.Errorf("%s: the Chinese line is not in the terminal's set: %q (decoded %q, %v)", c.env, lines[1], decoded, err)
			}
		}
	}
}
