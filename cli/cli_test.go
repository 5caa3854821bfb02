package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"losslab/internal/gopanic"
	"losslab/tui/playground"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// run runs a command line and returns its exit status, stdout and stderr.
func run(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

// checkGolden compares got with testdata/name, or rewrites it under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cli -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestEvalTextGolden(t *testing.T) {
	code, out, errOut := run(t, "eval")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	checkGolden(t, "eval.golden", out)
	for _, want := range []string{"max(0.70 − 0.50 + 0.20, 0) = 0.4000", "mean = 0.1225", "hard negative", "∂L/∂d(a,p) = +1.00   ∂L/∂d(a,n) = -1.00", "∂L/∂d = +0.70"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func decodeReport(t *testing.T, out string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return m
}

// lookup follows a dotted path such as "triplet.grad_dap" through decoded JSON.
func lookup(t *testing.T, m map[string]any, path string) any {
	t.Helper()
	var cur any = m
	for _, k := range strings.Split(path, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			t.Fatalf("%s: %v is not an object", path, cur)
		}
		if cur, ok = obj[k]; !ok {
			t.Fatalf("key %s missing", path)
		}
	}
	return cur
}

func TestEvalJSON(t *testing.T) {
	code, out, _ := run(t, "eval", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	m := decodeReport(t, out)
	want := map[string]any{
		"inputs.margin": 0.2, "inputs.y_ap": "same", "inputs.y_an": "different", "inputs.distance": nil,
		"inputs.dap": 0.7, "inputs.dan": 0.5, "distances.ap": 0.7, "distances.an": 0.5,
		"triplet.regime": "hard", "triplet.active": true, "triplet.valid": true,
		"triplet.grad_dap": 1.0, "triplet.grad_dan": -1.0,
	}
	for k, v := range want {
		if got := lookup(t, m, k); got != v {
			t.Errorf("%s = %v, want %v", k, got, v)
		}
	}
	nums := map[string]float64{
		"contrastive.loss": 0.1225, "triplet.loss": 0.4, "variants.soft_margin_triplet": math.Log1p(math.Exp(0.2)),
		"variants.squared_triplet": 0.44, "variants.hinge_contrastive": 0.35,
	}
	for k, v := range nums {
		if got := lookup(t, m, k).(float64); math.Abs(got-v) > 1e-12 {
			t.Errorf("%s = %v, want %v", k, got, v)
		}
	}
	pairs := lookup(t, m, "contrastive.pairs").([]any)
	if len(pairs) != 2 {
		t.Fatalf("%d pairs", len(pairs))
	}
	for i, want := range []map[string]any{
		{"pair": "a-p", "y": 1.0, "d": 0.7, "active": true, "grad": 0.7},
		{"pair": "a-n", "y": 0.0, "d": 0.5, "active": false, "grad": 0.0},
	} {
		p := pairs[i].(map[string]any)
		for k, v := range want {
			if p[k] != v {
				t.Errorf("pair %d %s = %v, want %v", i, k, p[k], v)
			}
		}
		if _, ok := p["loss"].(float64); !ok {
			t.Errorf("pair %d has no loss", i)
		}
	}
}

func TestEvalVectorsAndLabels(t *testing.T) {
	code, out, errOut := run(t, "eval", "--anchor", "0,0", "--positive", "0.7,0", "--negative", "0.5,0", "--json", "--y-ap", "different")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	m := decodeReport(t, out)
	if lookup(t, m, "inputs.distance") != "euclidean" || lookup(t, m, "triplet.valid") != false ||
		lookup(t, m, "triplet.problem") != "positive-labelled-different" {
		t.Errorf("vector/label report wrong: %s", out)
	}
	if got := lookup(t, m, "triplet.loss").(float64); math.Abs(got-0.4) > 1e-12 {
		t.Errorf("triplet from vectors = %v, want 0.4", got)
	}
	// ∂L/∂anchor = (a−p)/d(a,p) − (a−n)/d(a,n) = (−1, 0) − (−1, 0) = (0, 0) on one line.
	ga := lookup(t, m, "triplet.grad_anchor").([]any)
	gp := lookup(t, m, "triplet.grad_positive").([]any)
	if ga[0].(float64) != 0 || gp[0].(float64) != 1 {
		t.Errorf("vector gradients %v %v", ga, gp)
	}
	if _, ok := m["inputs"].(map[string]any)["dap"]; ok {
		t.Error("vector input reports dap as given")
	}
}

func TestEvalBadInput(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--dap", "-0.1"}, "--dap"},
		{[]string{"--dan", "abc"}, "--dan"},
		{[]string{"--dap", "NaN"}, "--dap"},
		{[]string{"--margin", "-1"}, "--margin"},
		{[]string{"--margin", "Inf"}, "--margin"},
		{[]string{"--y-an", "other"}, "--y-an"},
		{[]string{"--anchor", "0,0", "--positive", "1,0", "--negative", "1,0,0"}, "--negative"},
		{[]string{"--anchor", "0,0", "--positive", "1,x", "--negative", "1,0"}, "--positive"},
		{[]string{"--anchor", "0,0", "--positive", "1,0"}, "--negative is missing"},
		{[]string{"--anchor", "0,0", "--positive", "1,0", "--negative", "1,0", "--distance", "cosine"}, "--anchor"},
		{[]string{"--anchor", "1,0", "--positive", "0,0", "--negative", "1,0", "--distance", "cosine"}, "--positive"},
		{[]string{"--anchor", "1,0", "--positive", "1,0", "--negative", "0,0", "--distance", "cosine"}, "--negative"},
		{[]string{"--distance", "hamming", "--anchor", "0", "--positive", "0", "--negative", "0"}, "--distance"},
		{[]string{"--dap", "0.3", "--anchor", "0,0"}, "--dap conflicts with --anchor"},
		{[]string{"--distance", "cosine"}, "--distance applies to vectors"},
		{[]string{"--nope"}, "--nope"},
		{[]string{"stray"}, "unexpected argument"},
		// Subnormal vectors: the cosine gradient passes float64. Before:
		// "json: unsupported value: +Inf", naming no field.
		{[]string{"--anchor", "1e-320,0", "--positive", "0,1e-320", "--negative", "1e-320,1e-321", "--distance", "cosine", "--json"},
			"--json: triplet.grad_anchor[0] is +Inf, which JSON cannot hold"},
	}
	for _, c := range cases {
		code, out, errOut := run(t, append([]string{"eval"}, c.args...)...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("eval %v: exit %d, stdout %q, stderr %q; want 2, nothing, one line naming %s", c.args, code, out, errOut, c.want)
		}
	}
}

func TestHelpAndUnknownCommand(t *testing.T) {
	if code, out, _ := run(t, "eval", "--help"); code != 0 || !strings.Contains(out, "--margin") || !strings.Contains(out, "(default 0.2)") {
		t.Errorf("eval --help: %d %q", code, out)
	}
	if code, out, _ := run(t, "--help"); code != 0 || !strings.Contains(out, "eval") {
		t.Errorf("--help: %d %q", code, out)
	}
	if code, out, errOut := run(t, "frobnicate"); code != ExitUsage || out != "" || !strings.Contains(errOut, "frobnicate") {
		t.Errorf("unknown command: %d %q %q", code, out, errOut)
	}
}

func TestParseVector(t *testing.T) {
	v, err := ParseVector(" 0.5, -1e-3 ,2")
	if err != nil || len(v) != 3 || v[0] != 0.5 || v[1] != -1e-3 || v[2] != 2 {
		t.Errorf("ParseVector = %v, %v", v, err)
	}
	for _, bad := range []string{"", " ", "1,,2", "1,NaN", "inf", "1;2", "0x"} {
		if _, err := ParseVector(bad); err == nil {
			t.Errorf("ParseVector(%q) accepted", bad)
		}
	}
}

func FuzzParseVector(f *testing.F) {
	for _, s := range []string{"0,0", "0.7,0", "1e308,1e308", ",", "NaN", "-0", "1,2,3,4,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseVector(s)
		if err != nil {
			return
		}
		if len(v) != strings.Count(s, ",")+1 {
			t.Fatalf("%q gave %d components", s, len(v))
		}
		for _, x := range v {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("%q gave non-finite %v", s, x)
			}
		}
	})
}

// FuzzEvalArgs feeds eval arbitrary flag values: it must never panic, must
// exit 0 with output or 2 with one stderr line and no output.
func FuzzEvalArgs(f *testing.F) {
	f.Add("--dap", "0.7", "--anchor", "0,0")
	f.Add("--margin", "-1", "--json", "")
	f.Add("--anchor", "0,0", "--positive", "1,1")
	f.Add("--distance", "cosine", "--y-ap", "same")
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		args := []string{"eval", a, b, c, d}
		if a == "--anchor" || c == "--anchor" {
			args = append(args, "--positive", "1,2", "--negative", "0,1")
		}
		code, out, errOut := run(t, args...)
		switch code {
		case ExitOK:
			if out == "" {
				t.Fatalf("%q: exit 0 without output", args)
			}
		case ExitUsage:
			if out != "" || strings.Count(errOut, "\n") != 1 {
				t.Fatalf("%q: exit 2 with stdout %q, stderr %q", args, out, errOut)
			}
		default:
			t.Fatalf("%q: exit %d", args, code)
		}
	})
}

func TestScenariosCommand(t *testing.T) {
	code, out, _ := run(t, "scenarios")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	checkGolden(t, "scenarios.golden", out)
	code, out, _ = run(t, "scenarios", "--json")
	var list []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) < 10 {
		t.Fatalf("scenarios --json: %d %s", code, out)
	}
	for _, k := range []string{"name", "title", "description", "steps"} {
		if _, ok := list[0][k]; !ok {
			t.Errorf("scenarios --json lacks %s", k)
		}
	}
}

func TestReplayCommand(t *testing.T) {
	code, out, _ := run(t, "replay", "blog-case-1")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	checkGolden(t, "replay-blog-case-1.golden", out)

	code, out, _ = run(t, "replay", "blog-case-1", "--json")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 4 {
		t.Fatalf("replay --json: exit %d, %d lines", code, len(lines))
	}
	_, evalOut, _ := run(t, "eval", "--json")
	evalKeys := decodeReport(t, evalOut)
	for i, line := range lines {
		m := decodeReport(t, line)
		if lookup(t, m, "step") != float64(i) {
			t.Errorf("line %d has step %v", i, m["step"])
		}
		if _, ok := m["note"].(string); !ok {
			t.Errorf("line %d has no note", i)
		}
		for k := range evalKeys {
			if _, ok := m[k]; !ok {
				t.Errorf("line %d lacks eval's key %s", i, k)
			}
		}
	}
	// Step 0 is the article's case 1, with eval's own numbers.
	if got := lookup(t, decodeReport(t, lines[0]), "triplet.loss").(float64); math.Abs(got-0.4) > 1e-12 {
		t.Errorf("step 0 triplet %v", got)
	}
}

func TestReplayErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("name = \"x\"\ntitle = \"t\"\n[start]\ndap = 0.7\ndan = 5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"blog-cse-1"}, `unknown scenario "blog-cse-1" (closest: blog-case-1`},
		{[]string{bad}, bad + ":5: dan = 5.00 is out of range [0, 3.00]"},
		{[]string{filepath.Join(dir, "none.toml")}, "no such file"},
		{[]string{}, "missing scenario"},
		{[]string{"collapse", "training"}, "unexpected argument"},
	} {
		code, out, errOut := run(t, append([]string{"replay"}, c.args...)...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("replay %v: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}

func TestPlaygroundNotATerminal(t *testing.T) {
	code, out, errOut := run(t)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if strings.Contains(out, "\x1b") || !strings.Contains(out, "0.4000") || !strings.Contains(out, "0.1225") {
		t.Errorf("plain render:\n%s", out)
	}
	code, out, _ = run(t, "--scenario", "blog-case-2")
	if code != 0 || !strings.Contains(out, "A good network: the triplet is satisfied") || !strings.Contains(out, "max(0.10 − 0.60 + 0.20, 0) = 0.0000") {
		t.Errorf("--scenario blog-case-2: %d\n%s", code, out)
	}
}

func TestPlaygroundOptions(t *testing.T) {
	var got playground.Options
	var out, errb bytes.Buffer
	io := IO{Out: &out, Err: &errb, OutIsTTY: true, NoColor: true, Interactive: func(o playground.Options) error { got = o; return nil }}
	if code := Run([]string{"--scenario", "collapse"}, io); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got.Scenario == nil || got.Scenario.Name != "collapse" {
		t.Errorf("options %+v", got)
	}
}

func TestPlaygroundBadScenario(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--scenario", "colapse"}, `--scenario: unknown scenario "colapse" (closest: collapse`},
		{[]string{"--scenario", "missing.toml"}, "missing.toml"},
		{[]string{"--scenario"}, "--scenario needs a value"},
		{[]string{"--frobnicate"}, "--frobnicate"},
	} {
		code, out, errOut := run(t, c.args...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", c.args, code, out, errOut)
		}
	}
}

// A panic anywhere below a command, a joined worker's included, is one line
// naming the stack file and exit status 2, never a runtime trace.
func TestCrashIsOneLine(t *testing.T) {
	var stderr strings.Builder
	status := withCrashReport(IO{Err: &stderr}, func() int {
		captured := make([]*gopanic.Value, 1)
		done := make(chan struct{})
		go func() {
			defer close(done)
			defer gopanic.Capture(&captured[0])
			panic("boom in a worker")
		}()
		<-done
		gopanic.Repanic(captured)
		return ExitOK
	})
	line := stderr.String()
	if status != ExitUsage || strings.Count(line, "\n") != 1 || !strings.Contains(line, "internal error: boom in a worker (the stack is in ") {
		t.Fatalf("status %d, stderr %q", status, line)
	}
	file := strings.TrimSuffix(strings.TrimSpace(line[strings.LastIndex(line, " ")+1:]), ")")
	defer os.Remove(file)
	if stack, err := os.ReadFile(file); err != nil || !strings.Contains(string(stack), "TestCrashIsOneLine") {
		t.Errorf("stack file %s: %v\n%s", file, err, stack)
	}
}
