package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A user's lesson with a train step: read when its settings are valid; a
// setting core/train refuses is one stderr line naming its line, exit 2,
// nothing on stdout.
func TestLearnTrainStepFile(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	head := "name = \"mine\"\ntitle = \"Mine\"\n[start]\ndap = 0.1\ndan = 0.2\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n[[step]]\nmode = \"train\"\ntrain_data = \"overlap\"\n"
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	os.WriteFile(good, []byte(head+"train_margin = 0\n"), 0o644)
	if code, out, errOut := run(t, "learn", good); code != 0 || !strings.Contains(out, "mine") || errOut != "" {
		t.Errorf("good: exit %d, out %q, err %q", code, out, errOut)
	}
	for _, c := range []struct{ key, want string }{
		{"train_margin = -1", "bad.toml:12: train_margin = -1 is out of range: want 0 to 100"},
		{"train_loss = \"triplet\"", "bad.toml:12: train_loss = \"triplet\": want one of contrastive, batch-all"},
		{"train_steps = 1e3", "bad.toml:12: train_steps must be a whole number"},
	} {
		bad := filepath.Join(dir, "bad.toml")
		os.WriteFile(bad, []byte(head+c.key+"\n"), 0o644)
		code, out, errOut := run(t, "learn", bad)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, out %q, err %q, want %q", c.key, code, out, errOut, c.want)
		}
	}
}
