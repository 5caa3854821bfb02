package i18n

import "strings"

// The interface's language comes from --lang when given, else from the
// locale, else English. POSIX decides the locale of messages by the first
// of LC_ALL, LC_MESSAGES and LANG that is set and not empty: LC_ALL=C with
// LANG=zh_CN.UTF-8 is the C locale, so English.
var localeVars = [...]string{"LC_ALL", "LC_MESSAGES", "LANG"}

// FromLocale returns the language the locale asks for: Chinese when the
// deciding variable starts with "zh" (zh_CN.UTF-8, zh_TW, zh), else English.
// getenv is os.Getenv, or a session's environment (see FromEnviron).
func FromLocale(getenv func(string) string) Lang {
	for _, name := range localeVars {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			return localeLang(v)
		}
	}
	return English
}

// FromEnviron is FromLocale over "KEY=value" pairs, as os.Environ returns
// them and as an SSH session reports the client's environment
// (ssh.Session.Environ): a server picks each client's language with it.
// A key given twice counts with its last value, as in a shell.
func FromEnviron(environ []string) Lang {
	return FromLocale(func(name string) string {
		value := ""
		for _, kv := range environ {
			if k, v, ok := strings.Cut(kv, "="); ok && k == name {
				value = v
			}
		}
		return value
	})
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
