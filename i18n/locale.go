package i18n

import "strings"

// The interface's language comes from --lang when given, else from the
// locale, else English, in GNU gettext's order: LANGUAGE, a colon-separated
// list of languages by preference ("fr:zh_CN:en"), wins unless the locale
// is C or POSIX; then the first of LC_ALL, LC_MESSAGES and LANG that is set
// and not empty decides (LC_ALL=C with LANG=zh_CN.UTF-8 is the C locale, so
// English). The Chinese text is Simplified: zh_TW and zh_HK get it too, and
// the help says so.
var localeVars = [...]string{"LC_ALL", "LC_MESSAGES", "LANG"}

// charsetVars decide the character set: LC_CTYPE's, not the messages'.
var charsetVars = [...]string{"LC_ALL", "LC_CTYPE", "LANG"}

// Locale is what the environment asks of the interface.
type Locale struct {
	Lang Lang
	// Charset is the codeset the locale names when it is not UTF-8
	// ("GB18030", "Big5"): UTF-8 text would show there as mojibake. It is
	// empty for UTF-8 and for a locale that names no codeset.
	Charset string
	// CharsetLocale is the locale that names Charset (zh_CN.GB18030).
	CharsetLocale string
}

// UTF8Locale is CharsetLocale with UTF-8 for its codeset (zh_CN.UTF-8):
// what to run under instead.
func (l Locale) UTF8Locale() string {
	name, _, _ := strings.Cut(l.CharsetLocale, ".")
	return name + ".UTF-8"
}

// ReadLocale reads the locale through getenv: os.Getenv, or a session's
// environment (see LocaleFromEnviron).
func ReadLocale(getenv func(string) string) Locale {
	messages, ctype := firstSet(getenv, localeVars[:]), firstSet(getenv, charsetVars[:])
	loc := Locale{Lang: English, Charset: nonUTF8Codeset(ctype)}
	if loc.Charset != "" {
		loc.CharsetLocale = ctype
	}
	if messages != "" {
		loc.Lang = localeLang(messages)
	}
	if !isCLocale(messages) {
		if l, ok := preferred(getenv("LANGUAGE")); ok {
			loc.Lang = l
		}
	}
	return loc
}

// FromLocale is the language ReadLocale finds.
func FromLocale(getenv func(string) string) Lang { return ReadLocale(getenv).Lang }

// LocaleFromEnviron is ReadLocale over "KEY=value" pairs, as os.Environ
// returns them and as an SSH session reports the client's environment
// (ssh.Session.Environ): a server reads each client's locale with it. A key
// given twice counts with its last value, as in a shell.
func LocaleFromEnviron(environ []string) Locale {
	return ReadLocale(func(name string) string {
		value := ""
		for _, kv := range environ {
			if k, v, ok := strings.Cut(kv, "="); ok && k == name {
				value = v
			}
		}
		return value
	})
}

// FromEnviron is the language LocaleFromEnviron finds.
func FromEnviron(environ []string) Lang { return LocaleFromEnviron(environ).Lang }

func firstSet(getenv func(string) string, names []string) string {
	for _, name := range names {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			return v
		}
	}
	return ""
}

// isCLocale reports whether a messages locale is C or POSIX (C.UTF-8
// included, and unset, which is C), where GNU ignores LANGUAGE.
func isCLocale(v string) bool {
	return v == "" || v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.")
}

// preferred is the first language of a LANGUAGE list that losslab has.
func preferred(list string) (Lang, bool) {
	for _, entry := range strings.Split(list, ":") {
		entry = strings.TrimSpace(entry)
		if l := localeLang(entry); l != English {
			return l, true
		}
		if entry == "en" || strings.HasPrefix(entry, "en_") || strings.HasPrefix(entry, "en.") {
			return English, true
		}
	}
	return English, false
}

// nonUTF8Codeset is the codeset a locale name such as zh_CN.GB18030@x
// gives, or "" when it gives none or UTF-8.
func nonUTF8Codeset(locale string) string {
	_, codeset, ok := strings.Cut(locale, ".")
	if !ok {
		return ""
	}
	codeset, _, _ = strings.Cut(codeset, "@")
	if norm := strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(codeset)); norm == "utf8" || codeset == "" {
		return ""
	}
	return codeset
}

// localeLang reads a locale name such as zh_CN.UTF-8, en_US or C: the
// language whose code it starts with, else English.
func localeLang(locale string) Lang {
	for _, l := range Languages() {
		if c := l.Code(); len(locale) >= len(c) && strings.EqualFold(locale[:len(c)], c) && (len(locale) == len(c) || !isLetter(locale[len(c)])) {
			return l
		}
	}
	return English
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
