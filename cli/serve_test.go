package cli

import (
	"strings"
	"testing"
)

// The lists an error offers are joined as the language joins a list.
func TestServeListsInChinese(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--hide", "bogus"}, "triplet、contrastive、chart、notes"},
		{[]string{"serve", "--lesson", "bogus"}, "article-cases、"},
	} {
		_, _, errOut := run(t, append([]string{"--lang", "zh"}, c.args...)...)
		if !strings.Contains(errOut, c.want) {
			t.Errorf("%v: %q does not list %q", c.args, errOut, c.want)
		}
	}
}
