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
		{"LANGUAGE=zh_CN", English},       // GNU's list is not consulted
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
