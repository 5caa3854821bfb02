package cli

import (
	"fmt"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"

	"losslab/i18n"
)

// refuseCharset refuses to write to a terminal whose locale names a
// character set other than UTF-8: every glyph past ASCII (the Chinese text,
// and −, ½, ╭─ in English) would show as mojibake. It says so in English,
// which is ASCII here, and in Chinese transcoded to the terminal's set where
// that is one of the GB family. Output to pipes and files is UTF-8 as
// always. ok is false when there is nothing to refuse.
func refuseCharset(io IO) (status int, ok bool) {
	loc := io.Locale
	if loc.Charset == "" || !io.OutIsTTY && !io.ErrIsTTY {
		return 0, false
	}
	fmt.Fprintln(io.Err, i18n.New(i18n.English).T(i18n.LangNotUTF8, loc.Charset, loc.UTF8Locale()))
	if enc := gbEncoding(loc.Charset); enc != nil && io.Lang == i18n.Chinese {
		if line, err := enc.NewEncoder().String(io.T(i18n.LangNotUTF8, loc.Charset, loc.UTF8Locale())); err == nil {
			fmt.Fprintln(io.Err, line)
		}
	}
	return ExitUsage, true
}

// gbEncoding is the encoding of a Simplified-Chinese character set, or nil.
func gbEncoding(charset string) encoding.Encoding {
	switch strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(charset)) {
	case "gb18030":
		return simplifiedchinese.GB18030
	case "gbk", "gb2312", "euccn", "cp936":
		return simplifiedchinese.GBK
	}
	return nil
}
