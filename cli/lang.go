package cli

import (
	"losslab/i18n"
	"losslab/internal/termsafe"
)

// --lang is the one flag every command takes. Run takes it out of the
// command line before anything else reads it, so that usage, help and
// errors, even those about other flags, come in the language it names.

// takeLang removes every --lang VALUE and --lang=VALUE before "--" from
// args and returns the last value given (given reports whether there was
// one). args itself is not modified.
func takeLang(args []string) (rest []string, lang i18n.Lang, given bool, err error) {
	rest = make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i:]...), lang, given, nil
		}
		var value string
		switch {
		case a == "--lang":
			if i+1 >= len(args) {
				return nil, lang, given, usagef(i18n.CLIErrNeedsValue, "lang")
			}
			i++
			value = args[i]
		case len(a) > len("--lang=") && a[:len("--lang=")] == "--lang=":
			value = a[len("--lang="):]
		case a == "--lang=":
			return nil, lang, given, usagef(i18n.CLIErrNeedsValue, "lang")
		default:
			rest = append(rest, a)
			continue
		}
		if lang, err = i18n.ParseLang(value); err != nil {
			return nil, lang, given, usagef(i18n.CLIErrBadValue, "lang", usagef(i18n.LangUnknown, termsafe.Echo(value)))
		}
		given = true
	}
	return rest, lang, given, nil
}
