package i18n

import (
	"strings"
	"testing"
)

func TestFromLocale(t *testing.T) {
	for _, c := range []struct {
		env  string // space-separated KEY=value pairs
		want Lang
	}{
		{"", English},
		{"LANG=zh_CN.UTF-8", Chinese},
		{"LANG=zh_TW.Big5", Chinese},
		{"LANG=zh", Chinese},
		{"LANG=ZH_cn.utf8", Chinese},
		{"LANG=en_US.UTF-8", English},
		{"LANG=C.UTF-8", English},
		{"LANG=zu_ZA.UTF-8", English}, // Zulu: not a zh prefix
		{"LANG=zha_CN", English},      // Zhuang (ISO 639-3 zha), not Chinese
		{"LC_MESSAGES=zh_CN.UTF-8 LANG=en_US.UTF-8", Chinese},
		{"LC_MESSAGES=en_GB.UTF-8 LANG=zh_CN.UTF-8", English},
		{"LC_ALL=zh_CN.UTF-8 LC_MESSAGES=en_US LANG=en_US", Chinese},
		{"LC_ALL=C LANG=zh_CN.UTF-8", English}, // LC_ALL wins, even as C
		{"LC_ALL= LANG=zh_CN.UTF-8", Chinese},  // empty means unset
		{"LC_ALL=   LC_MESSAGES=zh_SG", Chinese},
		{"LC_CTYPE=zh_CN.UTF-8", English}, // the character type is not the messages' language
		// LANGUAGE, GNU's list by preference, wins unless the locale is C.
		{"LANGUAGE=zh_CN LANG=en_US.UTF-8", Chinese},
		{"LANGUAGE=fr:zh_TW:en LANG=en_US.UTF-8", Chinese}, // French is skipped: losslab has none
		{"LANGUAGE=en:zh LANG=zh_CN.UTF-8", English},
		{"LANGUAGE=fr LANG=zh_CN.UTF-8", Chinese}, // nothing usable: the locale decides
		{"LANGUAGE= LANG=zh_CN.UTF-8", Chinese},
		{"LANGUAGE=zh_CN", English},                     // unset is the C locale
		{"LANGUAGE=zh_CN LC_ALL=C LANG=en_US", English}, // C ignores LANGUAGE
		{"LANGUAGE=zh_CN LANG=C.UTF-8", English},        // so does C.UTF-8
		{"LANGUAGE=zh_CN LC_MESSAGES=POSIX", English},
	} {
		env := map[string]string{}
		for _, kv := range strings.Fields(c.env) {
			k, v, _ := strings.Cut(kv, "=")
			env[k] = v
		}
		if got := FromLocale(func(k string) string { return env[k] }); got != c.want {
			t.Errorf("FromLocale(%s) = %v, want %v", c.env, got.Code(), c.want.Code())
		}
		if got := FromEnviron(strings.Fields(c.env)); got != c.want {
			t.Errorf("FromEnviron(%s) = %v, want %v", c.env, got.Code(), c.want.Code())
		}
	}
}

func TestFromEnvironLastWins(t *testing.T) {
	if got := FromEnviron([]string{"LANG=en_US", "TERM=xterm", "LANG=zh_CN.UTF-8"}); got != Chinese {
		t.Errorf("last LANG should win, got %s", got.Code())
	}
	if got := FromEnviron([]string{"LANG", "=zh", "LANG=zh=CN"}); got != Chinese {
		t.Errorf("malformed pairs are skipped, got %s", got.Code())
	}
}

// The character set is the codeset LC_ALL, LC_CTYPE or LANG names; only one
// that is not UTF-8 is reported.
func TestLocaleCharset(t *testing.T) {
	for _, c := range []struct{ env, want string }{
		{"", ""},
		{"LANG=zh_CN.UTF-8", ""},
		{"LANG=zh_CN.utf8", ""},
		{"LANG=zh_CN", ""}, // no codeset named
		{"LANG=zh_CN.GB18030", "GB18030"},
		{"LANG=zh_CN.gbk", "gbk"},
		{"LANG=zh_TW.Big5", "Big5"},
		{"LANG=en_US.ISO-8859-1", "ISO-8859-1"},
		{"LANG=de_DE.UTF-8@euro", ""},
		{"LC_CTYPE=zh_CN.GB18030 LANG=zh_CN.UTF-8", "GB18030"},
		{"LC_ALL=C.UTF-8 LC_CTYPE=zh_CN.GB18030", ""},
		{"LC_MESSAGES=zh_CN.GB18030 LANG=en_US.UTF-8", ""}, // messages are not the character set
	} {
		loc := LocaleFromEnviron(strings.Fields(c.env))
		if got := loc.Charset; got != c.want {
			t.Errorf("%s: charset %q, want %q", c.env, got, c.want)
		}
		if c.want != "" && !strings.HasSuffix(loc.UTF8Locale(), ".UTF-8") || c.want == "" && loc.CharsetLocale != "" {
			t.Errorf("%s: locale %q, UTF-8 one %q", c.env, loc.CharsetLocale, loc.UTF8Locale())
		}
	}
}

func TestUTF8Locale(t *testing.T) {
	if got := LocaleFromEnviron([]string{"LANG=zh_CN.GB18030@stroke"}).UTF8Locale(); got != "zh_CN.UTF-8" {
		t.Errorf("UTF8Locale = %q", got)
	}
}
