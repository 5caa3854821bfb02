// Defects a demanding new user reported on the command line, each pinned
// by the test that failed before its fix.
package cli

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The help prints a flag's real default: the temperature's zero value means
// "each loss's own default", which the description states, so no
// "(default 0)" contradicts it.
func TestTemperatureHelpHasNoFalseDefault(t *testing.T) {
	for _, cmd := range []string{"eval", "batch"} {
		code, out, _ := run(t, "help", cmd)
		if code != 0 || !strings.Contains(out, "--temperature") {
			t.Fatalf("help %s: exit %d\n%s", cmd, code, out)
		}
		i := strings.Index(out, "--temperature")
		j := strings.Index(out[i+1:], "\n  --")
		if block := out[i : i+1+j]; strings.Contains(block, "(default 0)") {
			t.Errorf("help %s: the temperature says (default 0):\n%s", cmd, block)
		}
	}
}

// Each number flag names its own bound and reason: a temperature must be
// above 0 (not ≥ 0) and has no upper bound, since the losses divide by it.
func TestTemperatureBounds(t *testing.T) {
	usageFails(t, []string{"eval", "--temperature", "-1"}, "--temperature: -1 must be > 0")
	usageFails(t, []string{"eval", "--temperature", "0"}, "--temperature: 0 must be > 0")
	usageFails(t, []string{"eval", "--temperature", "-0"}, "--temperature: -0 must be > 0")
	if code, out, errOut := run(t, "eval", "--temperature", "1e300", "--json"); code != 0 || errOut != "" || !strings.Contains(out, `"temperature": 1e+300`) {
		t.Errorf("--temperature 1e300: exit %d, stderr %q", code, errOut)
	}
	usageFails(t, []string{"eval", "--dap", "1e300"}, "--dap: 1e300 is too large: at most 1e+150, since the losses square it")
}

// -0 is read as 0 by every number flag, so no output shows a signed zero.
func TestNegativeZeroNowhere(t *testing.T) {
	signedZero := regexp.MustCompile(`(^|[^0-9.a-z])-0([^.0-9e]|$)`) // not "dap-0" in a state string
	for _, args := range [][]string{
		{"eval", "--dap", "-0", "--margin", "-0", "--json"},
		{"eval", "--dan", "-0", "--margin", "-0"},
		{"eval", "--anchor", "-0,-0", "--positive", "-0,1", "--negative", "1,-0", "--json"},
	} {
		code, out, errOut := run(t, args...)
		if code != 0 || errOut != "" {
			t.Fatalf("%q: exit %d, stderr %q", args, code, errOut)
		}
		for _, line := range strings.Split(out, "\n") {
			if signedZero.MatchString(line) {
				t.Errorf("%q prints a signed zero: %q", args, line)
			}
		}
	}
}

// A label flag, a scenario file and the playground refuse a label with the
// one parser's words, in the language of the command line.
func TestLabelRefusalIsLocalized(t *testing.T) {
	usageFails(t, []string{"--lang", "zh", "eval", "--y-ap", "maybe"}, `--y-ap："maybe" 不是标签：应为 same, s, 1 或 different, diff, d, 0`)
}

// A message that counts things says "1 component", "1 step", "1 field".
func TestCountsOfOne(t *testing.T) {
	usageFails(t, []string{"eval", "--anchor", "1,2", "--positive", "1", "--negative", "1,2"}, "--positive: 1 component, but --anchor has 2")
	code, out, errOut := run(t, "train", "--steps", "1", "--plain")
	if code != 0 || !strings.Contains(out, "after 1 step\n") {
		t.Errorf("train --steps 1: exit %d, stderr %q\n%s", code, errOut, out)
	}
	file := t.TempDir() + "/one.csv"
	if err := os.WriteFile(file, []byte("1,x,c\n2,3,d\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	usageFails(t, []string{"batch", "--in", file}, "(it has 1 numeric field)")
}

// `losslab help help` is help's own help: the usage.
func TestHelpHelp(t *testing.T) {
	_, root, _ := run(t, "help")
	code, out, errOut := run(t, "help", "help")
	if code != 0 || errOut != "" || out != root {
		t.Errorf("help help: exit %d, stderr %q\n%s", code, errOut, out)
	}
}

// `losslab learn ID` opens a lesson of the course; an argument that is
// neither a file nor an ID says so in one line; off a terminal the last line
// names the command to run, argument and all.
func TestLearnLessonID(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	code, out, errOut := run(t, "learn", "regimes")
	if code != 0 || errOut != "" || !strings.HasSuffix(out, "Run 'losslab learn regimes' on a terminal to take the lessons.\n") {
		t.Errorf("learn regimes off a terminal: exit %d, stderr %q\n%s", code, errOut, out)
	}
	usageFails(t, []string{"learn", "regimes2"}, "losslab learn: regimes2 is neither a lesson file nor a lesson ID ('losslab lessons' lists the IDs)")
	file := t.TempDir() + "/l1.toml"
	if err := os.WriteFile(file, []byte("name = \"mine\"\ntitle = \"Mine\"\n[start]\ndap = 0.1\ndan = 0.2\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n[[step]]\nquestion = \"?\"\nanswer = 0.1\nexplain = \"e\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "learn", file)
	if code != 0 || !strings.HasSuffix(out, "Run 'losslab learn "+file+"' on a terminal to take the lessons.\n") {
		t.Errorf("learn FILE off a terminal: exit %d\n%s", code, out)
	}
}

// A bidi override in a scenario's title cannot reorder the printed line.
func TestReplayDropsBidiControls(t *testing.T) {
	file := t.TempDir() + "/s2.toml"
	text := "name = \"s2\"\ntitle = \"abc \u202e def \u2067x\u2069\u200f\"\n[start]\ndap = 0.7\ndan = 0.5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "replay", file)
	if code != 0 || errOut != "" || !strings.Contains(out, "abc  def x") {
		t.Fatalf("replay: exit %d, stderr %q\n%s", code, errOut, out)
	}
	if strings.ContainsAny(out, "\u202e\u2067\u2069\u200f") {
		t.Errorf("a bidi control reaches the output:\n%q", out)
	}
}

// Usage errors name the flag at fault: --demo and --state too.
func TestDemoAndStateErrorsNameTheFlag(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"batch", "--demo", "nope", "--plain"}, "losslab batch: --demo: unknown demo"},
		{[]string{"--state", "ll1_p_bogus_000000"}, "losslab: --state: "},
	} {
		code, out, errOut := run(t, c.args...)
		if code != ExitUsage || out != "" || !strings.HasPrefix(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", c.args, code, out, errOut)
		}
	}
}
