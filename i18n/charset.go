package i18n

import (
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// NotUTF8Notice is what losslab writes, instead of its interface, to a
// terminal whose locale names a character set other than UTF-8, where
// every glyph past ASCII (the Chinese text, and −, ½, ╭─ in English) would
// show as mojibake: one line in English, which is ASCII there, and for lang
// Chinese under a set of the GB family the same line in Chinese, encoded
// in that set. Each line ends in "\n".
func (l Locale) NotUTF8Notice(lang Lang) []byte {
	out := New(English).T(LangNotUTF8, l.Charset, l.UTF8Locale()) + "\n"
	if enc := gbEncoding(l.Charset); enc != nil && lang == Chinese {
		if line, err := enc.NewEncoder().String(New(Chinese).T(LangNotUTF8, l.Charset, l.UTF8Locale())); err == nil {
			out += line + "\n"
		}
	}
	return []byte(out)
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
