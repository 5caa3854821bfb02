package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Hostile scenario files give one line naming file:line and exit 2; text
// from a file reaches the output without escape sequences.
func TestReplayHostileFiles(t *testing.T) {
	dir := t.TempDir()
	head := "name = \"x\"\ntitle = \"t\"\n"
	start := "[start]\ndap = 0.7\ndan = 0.5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n"
	for _, c := range []struct {
		name, text, want string
	}{
		{"dotted.toml", head + strings.Repeat("a.", 20000) + "a = 1\n", ":3: a key longer than 64 bytes"},
		{"nested.toml", head + "[start]\ndap = " + strings.Repeat("{a = ", 5000) + "1" + strings.Repeat("}", 5000) + "\n", ":4: dap is an inline table"},
		{"subtable.toml", head + start + "[start.x]\n", ":9: sub-tables are not part of the scenario format"},
		{"inline.toml", head + "start = {dap = 0.7}\n", ":3: start must be a table"},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := run(t, "replay", path)
		if code != ExitUsage || out != "" || !strings.HasPrefix(errOut, "losslab replay: "+path+c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: exit %d, stdout %q, stderr %.200q; want %s%s", c.name, code, out, errOut, path, c.want)
		}
	}
}

func TestReplaySanitisesTextFromFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "esc.toml")
	text := "name = \"esc\"\ntitle = \"\\u001b]0;owned\\u0007Title\"\ndescription = \"clear\\u001b[2J\"\n" +
		"[start]\ndap = 0.7\ndan = 0.5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n" +
		"[[step]]\ndap = 0.6\nnote = \"\"\"first line\nsecond \\u009b31m line\"\"\"\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"replay", path}, {"replay", "--json", path}} {
		code, out, errOut := run(t, args...)
		if code != 0 || strings.ContainsAny(out, "\x1b\x07\u009b") {
			t.Errorf("%v: exit %d (%s), output %q", args, code, errOut, out)
		}
	}
	_, out, _ := run(t, "replay", path)
	if !strings.Contains(out, "esc: ?]0;owned?Title\n") || !strings.Contains(out, " 1  first line\n    second ?31m line\n") {
		t.Errorf("replay output:\n%s", out)
	}
}

// A scenario in points mode replays with the distances its points give,
// the same the losses beside them are computed from.
func TestReplayPointsScenario(t *testing.T) {
	path := filepath.Join(t.TempDir(), "moving.toml")
	file := "name = \"moving\"\ntitle = \"t\"\n[start]\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\npoints = \"euclidean\"\nax = 1\npx = 1.7\nnx = 0.7\nny = 0.4\n[[step]]\npx = 1.5\npy = 0.5\n"
	if err := os.WriteFile(path, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "replay", path)
	// d(a,p) = |(0.5, 0.5)| = 0.707107, triplet 0.707107 − 0.5 + 0.2.
	if code != 0 || !regexp.MustCompile(`1\s+0\.707107\s+0\.50\s+0\.20\s+same\s+different\s+0\.4071`).MatchString(out) {
		t.Errorf("exit %d, stderr %q:\n%s", code, errOut, out)
	}
}
