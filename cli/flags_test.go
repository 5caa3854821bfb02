package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/textwrap"
)

// usageFails checks the exit-2 contract: status 2, nothing on stdout, one
// line on stderr that contains every want.
func usageFails(t *testing.T, args []string, want ...string) {
	t.Helper()
	code, out, errOut := run(t, args...)
	if code != ExitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.HasSuffix(errOut, "\n") {
		t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2, nothing, one line", args, code, out, errOut)
		return
	}
	if strings.Contains(errOut, "%!") || strings.Contains(errOut, "⟨") {
		t.Errorf("%q: message with a formatting or catalogue error: %q", args, errOut)
	}
	for _, w := range want {
		if !strings.Contains(errOut, w) {
			t.Errorf("%q: stderr %q does not say %q", args, errOut, w)
		}
	}
}

func TestHelpCommand(t *testing.T) {
	code, root, _ := run(t, "help")
	if code != 0 || !strings.Contains(root, "Commands:") || !strings.Contains(root, "losslab help [COMMAND]") {
		t.Fatalf("help: %d\n%s", code, root)
	}
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help", "--help"}} {
		if code, out, _ := run(t, args...); code != 0 || out != root {
			t.Errorf("%q differs from 'losslab help' (exit %d)", args, code)
		}
	}
	for _, c := range commands() {
		if !strings.Contains(root, c.name) {
			t.Errorf("usage does not list %s", c.name)
		}
		code, out, errOut := run(t, "help", c.name)
		_, direct, _ := run(t, c.name, "--help")
		if code != 0 || errOut != "" || out != direct {
			t.Errorf("help %s: exit %d, stderr %q; output differs from %s --help", c.name, code, errOut, c.name)
		}
		if !strings.HasPrefix(out, "Usage: losslab "+c.name) || !strings.Contains(out, "Flags:") || !strings.Contains(out, "-h, --help") {
			t.Errorf("help %s is not the command's own help:\n%s", c.name, out)
		}
	}
	// Every text a help screen shows comes from the catalogue.
	for _, args := range [][]string{{"help"}, {"help", "eval"}, {"help", "batch"}, {"help", "replay"}, {"help", "scenarios"}} {
		if _, out, _ := run(t, args...); strings.Contains(out, "⟨") {
			t.Errorf("%q shows a message ID without text:\n%s", args, out)
		}
	}
	usageFails(t, []string{"help", "evl"}, `"evl"`, "not a command")
	usageFails(t, []string{"help", "eval", "batch"}, `"batch"`)
}

func TestEvalHelpListsLabelSpellings(t *testing.T) {
	_, out, _ := run(t, "help", "eval")
	for _, y := range []loss.Label{loss.Same, loss.Different} {
		for _, w := range loss.LabelSpellings(y) {
			if !strings.Contains(out, w) {
				t.Errorf("eval's help does not mention the label spelling %q", w)
			}
		}
	}
	for _, want := range []string{"--dap number", "(default 0.7)", "--y-ap label", "(default same)", "--anchor vector", "--distance name", "(default euclidean)", "--json"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval's help lacks %q:\n%s", want, out)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, errOut := run(t, "--version")
	if code != 0 || errOut != "" || !strings.HasPrefix(out, "losslab ") || strings.Count(out, "\n") != 1 || !strings.Contains(out, "built with go") {
		t.Errorf("--version: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	var o IO
	for _, c := range []struct {
		info *debug.BuildInfo
		want string
	}{
		{nil, "losslab (devel) (built with go"},
		{&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}}, "losslab (devel) (built with go1.26.0)"},
		{&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.3"}}, "losslab v1.2.3 (built with go1.26.0)"},
		{&debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.0.0-20261129050000-0123456789ab"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-11-29T05:00:00Z"}, {Key: "vcs.modified", Value: "true"},
		}}, "losslab v0.0.0-20261129050000-0123456789ab, commit 0123456789ab-dirty of 2026-11-29T05:00:00Z (built with go1.26.0)"},
		{&debug.BuildInfo{GoVersion: "go1.26.0", Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}}}, "losslab (devel), commit abc (built with go1.26.0)"},
	} {
		if got := formatVersion(o, c.info); !strings.HasPrefix(got, c.want) {
			t.Errorf("formatVersion = %q, want %q", got, c.want)
		}
	}
}

// Flags may follow arguments, and "--" ends the flags.
func TestFlagsAfterArguments(t *testing.T) {
	_, before, _ := run(t, "replay", "--json", "blog-case-2")
	code, after, errOut := run(t, "replay", "blog-case-2", "--json")
	if code != 0 || errOut != "" || after != before || !strings.HasPrefix(after, `{"step":0`) {
		t.Errorf("replay NAME --json: exit %d, stderr %q, same as before: %v", code, errOut, after == before)
	}
	usageFails(t, []string{"replay", "--", "--json"}, `unknown scenario "--json"`)
	usageFails(t, []string{"eval", "--json", "extra"}, `unexpected argument "extra"`)
	usageFails(t, []string{"scenarios", "x"}, `unexpected argument "x"`)
	usageFails(t, []string{"stray"}, `unknown command "stray"`)
	usageFails(t, []string{"--scenario", "collapse", "stray"}, `unexpected argument "stray"`)
}

func TestPlainJSONConflict(t *testing.T) {
	// Wherever both flags exist they are refused together (parseFlags does it
	// for every command); elsewhere the missing one is an unknown flag.
	for _, c := range append(commands(), command{name: ""}) {
		args := []string{"--plain", "--json"}
		if c.name != "" {
			args = append([]string{c.name}, args...)
		}
		usageFails(t, args)
	}
	usageFails(t, []string{"batch", "--demo", "iris", "--plain", "--json"}, "--plain conflicts with --json")
	usageFails(t, []string{"batch", "--json", "--demo", "iris", "--plain=true"}, "--plain conflicts with --json")
	// --plain=false with --json is no conflict.
	if code, out, _ := run(t, "batch", "--demo", "iris", "--plain=false", "--json"); code != 0 || !json.Valid([]byte(out)) {
		t.Errorf("--plain=false --json: exit %d", code)
	}
}

func TestFlagErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"eval", "-dap", "0.3"}, []string{"unknown flag -dap", "two dashes", "--dap"}},
		{[]string{"eval", "-x"}, []string{"unknown flag -x", "losslab eval --help"}},
		{[]string{"eval", "--nope"}, []string{"unknown flag --nope"}},
		{[]string{"eval", "--dap"}, []string{"--dap needs a value"}},
		{[]string{"eval", "---dap", "1"}, []string{`bad flag syntax "---dap"`}},
		{[]string{"eval", "--json=maybe"}, []string{"--json takes no value", `"maybe"`}},
		{[]string{"eval", "--dan", "abc"}, []string{`--dan: "abc" is not a finite number`}},
		{[]string{"eval", "--dan", "1e999"}, []string{`--dan: "1e999" is not a finite number`}},
		{[]string{"eval", "--dan", "-Inf"}, []string{"--dan", "not a finite number"}},
		{[]string{"eval", "--dap", "-0.1"}, []string{"--dap: -0.1 must be ≥ 0"}},
		{[]string{"eval", "--y-ap", "other"}, []string{`--y-ap: "other" is not a label: want same, s, 1 or different, diff, d, 0`}},
		{[]string{"eval", "--anchor", ""}, []string{"--anchor: empty vector"}},
		{[]string{"eval", "--anchor", "1,x"}, []string{`--anchor: component 2: "x" is not a finite number`}},
		{[]string{"eval", "--distance", "hamming"}, []string{`--distance: "hamming" is not a distance: want euclidean, sqeuclidean, manhattan, cosine`}},
		{[]string{"batch", "--demo", "iris", "--bins", "1.5"}, []string{`--bins: "1.5" is not a whole number`}},
		{[]string{"batch", "--demo", "iris", "--bins", "0"}, []string{"--bins 0: want 1 to 1000"}},
		{[]string{"--frobnicate"}, []string{"losslab: unknown flag --frobnicate", "losslab --help"}},
		{[]string{"frobnicate"}, []string{`losslab: unknown command "frobnicate"`}},
	} {
		usageFails(t, c.args, c.want...)
	}
}

// Every label spelling is accepted by the flags and means what ParseLabel says.
func TestLabelFlags(t *testing.T) {
	for _, y := range []loss.Label{loss.Same, loss.Different} {
		for _, w := range append(loss.LabelSpellings(y), strings.ToUpper(y.String())) {
			code, out, errOut := run(t, "eval", "--y-an", w, "--json")
			if code != 0 {
				t.Fatalf("--y-an %s: exit %d %s", w, code, errOut)
			}
			if got := lookup(t, decodeReport(t, out), "inputs.y_an"); got != y.String() {
				t.Errorf("--y-an %s reads as %v, want %s", w, got, y)
			}
		}
	}
}

// nonFinite finds Go's spelling of a non-finite number (not the "Inf" of InfoNCE).
var nonFinite = regexp.MustCompile(`\b[+-]?Inf\b|\bNaN\b`)

// Inputs whose losses would not be finite are refused, naming the input at
// fault; nothing is printed on stdout, with or without --json.
func TestEvalExtremeValues(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
		not  string
	}{
		{[]string{"--dap", "1e308"}, []string{"--dap: 1e308 is too large: at most 1e+150"}, ""},
		{[]string{"--dap", "1e308", "--json"}, []string{"--dap: 1e308 is too large"}, "json"},
		{[]string{"--dan", "1e151"}, []string{"--dan: 1e151 is too large"}, ""},
		{[]string{"--margin", "1e200"}, []string{"--margin: 1e200 is too large"}, ""},
		{[]string{"--anchor", "0,0", "--positive", "1e200,0", "--negative", "1,0"}, []string{"--anchor and --positive", "euclidean"}, "--dap"},
		{[]string{"--anchor", "0,0", "--positive", "1,0", "--negative", "1e200,0", "--json"}, []string{"--anchor and --negative"}, "--dan"},
		{[]string{"--anchor", "0,0", "--positive", "1e100,0", "--negative", "1,0", "--distance", "sqeuclidean"}, []string{"--anchor and --positive are too far apart: their sqeuclidean distance 1e+200 is above 1e+150"}, "--dap"},
		{[]string{"--anchor", "0,0", "--positive", "1e200,0", "--negative", "1,0", "--distance", "sqeuclidean"}, []string{"--anchor and --positive: their sqeuclidean distance overflows"}, "--dap"},
		{[]string{"--anchor", "0,0", "--positive", "1e300,1e300", "--negative", "1,0", "--distance", "manhattan"}, []string{"--anchor and --positive", "manhattan"}, "--dap"},
		{[]string{"--anchor", "-1e308", "--positive", "1e308", "--negative", "0", "--distance", "manhattan"}, []string{"--anchor and --positive: their manhattan distance overflows"}, "--dap"},
		{[]string{"--anchor", "0,0", "--positive", "1,0", "--negative", "1,0,0"}, []string{"--negative: 3 components, but --anchor has 2"}, ""},
		{[]string{"--anchor", "1,0", "--positive", "0,0", "--negative", "1,0", "--distance", "cosine"}, []string{"--positive: a zero vector"}, ""},
	} {
		usageFails(t, append([]string{"eval"}, c.args...), c.want...)
		if c.not != "" {
			if _, _, errOut := run(t, append([]string{"eval"}, c.args...)...); strings.Contains(errOut, c.not) {
				t.Errorf("%q blames %s, which was not at fault: %s", c.args, c.not, errOut)
			}
		}
	}
	// A tiny vector is not a zero vector: either its cosine distance is
	// computed (scaled first) or the message says its length underflows.
	code, out, errOut := run(t, "eval", "--anchor", "1e-310,0", "--positive", "1,0", "--negative", "0,1", "--distance", "cosine")
	if code == 0 && !strings.Contains(out, "d(a,p) = cosine(anchor, positive) = 0.00\n") ||
		code != 0 && (!strings.Contains(errOut, "--anchor: its length underflows") || out != "") {
		t.Errorf("tiny cosine vector: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// The largest accepted inputs still give finite figures, exit 0.
	for _, args := range [][]string{
		{"--dap", "1e150", "--dan", "1e150", "--margin", "1e150"},
		{"--dap", "1e150", "--dan", "0", "--margin", "0"},
		{"--anchor", "0", "--positive", "1e150", "--negative", "-1e150"},
	} {
		code, out, errOut := run(t, append([]string{"eval", "--json"}, args...)...)
		if code != 0 || errOut != "" || !json.Valid([]byte(out)) {
			t.Errorf("eval %q: exit %d, stderr %q", args, code, errOut)
		}
		code, out, _ = run(t, append([]string{"eval"}, args...)...)
		if code != 0 || nonFinite.MatchString(out) {
			t.Errorf("eval %q printed a non-finite figure:\n%s", args, out)
		}
	}
}

// The eval text writes numbers by numfmt: signed gradients as the TUI does,
// 4-decimal losses, and inputs from vectors with two decimals ("0.20").
func TestEvalTextNumbers(t *testing.T) {
	// cos((1,0),(0.8,0.6)) = 0.8, so d(a,p) = 1 − 0.8 = 0.19999999999999996.
	code, out, _ := run(t, "eval", "--anchor", "1,0", "--positive", "0.8,0.6", "--negative", "0,1", "--distance", "cosine")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"d(a,p) = cosine(anchor, positive) = 0.20\n", "d(a,n) = cosine(anchor, negative) = 1.00\n",
		"max(0.20 − 1.00 + 0.20, 0) = 0.0000", "∂L/∂d(a,p) = 0.00   ∂L/∂d(a,n) = 0.00",
		"½·0.20² = 0.0200 ", "● active    ∂L/∂d = +0.20",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// ½·0.75² = 0.28125 is a term shown in full (on the 0.01 grid a term
	// has at most five decimals), so that the mean of the terms printed is
	// the mean printed, and the mean rounds half away from zero.
	_, out, _ = run(t, "eval", "--dap", "0.75", "--dan", "0.5", "--margin", "0")
	if !strings.Contains(out, "½·0.75² = 0.28125 ") || !strings.Contains(out, "mean = 0.1406\n") {
		t.Errorf("0.28125 not shown in full, or its mean not 0.1406:\n%s", out)
	}
}

// Messages render in the IO's language; a usage error nested in another
// renders with the same printer.
func TestUsageErrorRendering(t *testing.T) {
	err := usagef(i18n.CLIErrBadValue, "dap", usagef(i18n.CLIErrNegative, "-1"))
	if got, want := err.Error(), "--dap: -1 must be ≥ 0"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	var o IO
	if got := err.(*usageError).render(o.printer()); got != "--dap: -1 must be ≥ 0" {
		t.Errorf("render = %q", got)
	}
}

// FuzzFlagValues: each flag value either accepts text and holds a value that
// its String form gives back, or refuses it with a usage error; nothing
// panics.
func FuzzFlagValues(f *testing.F) {
	for _, s := range []string{"0", "0.7", "-0", "-0.1", "1e150", "1e151", "1e308", "1e999", "NaN", "Inf", " 2 ", "0x1p-2", "1_000", "", "same", "D", "0,0", "1,,2", "euclidean", "Cosine", "\x1b[2J"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var x float64
		nn := nonNegative{&x}
		if err := nn.Set(s); err == nil {
			if !(x >= 0 && x <= maxInput) {
				t.Fatalf("nonNegative accepted %q as %v", s, x)
			}
			if back, err := strconv.ParseFloat(nn.String(), 64); err != nil || back != x {
				t.Fatalf("nonNegative %q: String %q does not give back %v", s, nn.String(), x)
			}
		} else if _, ok := err.(*usageError); !ok {
			t.Fatalf("nonNegative %q: error %v is not a usage error", s, err)
		}

		var y loss.Label
		if err := (labelValue{&y}).Set(s); err == nil {
			if back, err := loss.ParseLabel(s); err != nil || back != y {
				t.Fatalf("label flag and ParseLabel disagree on %q", s)
			}
		} else if _, err := loss.ParseLabel(s); err == nil {
			t.Fatalf("label flag refused %q, which ParseLabel accepts", s)
		}

		var v []float64
		vv := vectorValue{&v}
		if err := vv.Set(s); err == nil {
			var w []float64
			if err := (vectorValue{&w}).Set(vv.String()); err != nil || len(w) != len(v) {
				t.Fatalf("vector %q: String %q does not parse back", s, vv.String())
			}
			for i := range v {
				if w[i] != v[i] || math.IsInf(v[i], 0) || math.IsNaN(v[i]) {
					t.Fatalf("vector %q: component %d %v, back %v", s, i, v[i], w[i])
				}
			}
		}
	})
}

// FuzzCommandLine runs whole command lines (words separated by spaces) of
// every command but batch, which reads files: each either succeeds with
// output and a silent stderr, or keeps the exit-2 contract.
func FuzzCommandLine(f *testing.F) {
	for _, s := range []string{
		"eval", "eval --dap 1e308", "eval --dap 1e308 --json", "eval --anchor 0,0 --positive 1e200,0 --negative 1,0",
		"eval -dap 3", "eval --y-ap s --y-an 0", "help eval", "help nope", "--version", "replay blog-case-1 --json",
		"replay --json", "scenarios --json", "scenarios --plain", "eval --margin=0 --dap=0.1 --dan=0.6",
		"eval --anchor 1e-310,0 --positive 1,0 --negative 0,1 --distance cosine --json", "--scenario", "help",
		"eval --anchor 0 --positive 1e150 --negative -1e150 --distance sqeuclidean", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		if len(args) > 0 && (args[0] == "batch" || args[0] == "train") { // they read files or train; FuzzTrainArgs covers train
			return
		}
		for _, a := range args {
			if strings.HasPrefix(a, "--scenario") || (len(args) > 0 && args[0] == "replay" && !strings.HasPrefix(a, "-") && a != "replay") {
				if strings.ContainsAny(a, "/.") { // never open files the fuzzer names
					return
				}
			}
		}
		code, out, errOut := run(t, args...)
		switch code {
		case ExitOK:
			if out == "" || errOut != "" {
				t.Fatalf("%q: exit 0 with stdout %q, stderr %q", args, out, errOut)
			}
			if len(args) > 0 && args[0] == "eval" && nonFinite.MatchString(out) {
				t.Fatalf("%q: printed a non-finite figure:\n%s", args, out)
			}
		case ExitUsage:
			if out != "" || strings.Count(errOut, "\n") != 1 {
				t.Fatalf("%q: exit 2 with stdout %q, stderr %q", args, out, errOut)
			}
		default:
			t.Fatalf("%q: exit %d (%s)", args, code, errOut)
		}
	})
}

// Replay writes losses by numfmt (half away from zero: the contrastive mean
// of two ½·0.03² = 0.00045 shows 0.0005, where %.4f wrote 0.0004), and a
// scenario file takes the same label spellings as the flags.
func TestReplayNumbersAndFileLabels(t *testing.T) {
	path := filepath.Join(t.TempDir(), "halves.toml")
	text := "name = \"halves\"\ntitle = \"t\"\n[start]\ndap = 0.03\ndan = 0.03\nmargin = 0.2\ny_ap = \"S\"\ny_an = \"1\"\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "replay", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "same    same   0.2000    hard       0.0005") {
		t.Errorf("replay row:\n%s", out)
	}
}

// FuzzWrapUnits (the help's wrapping, textwrap.WrapUnits): lines keep every unit in order (a break between CJK
// characters adds no space), and only a unit wider than the width makes a
// line wider than the width.
func FuzzWrapUnits(f *testing.F) {
	f.Add("label of the pair (a,p): same|different (or s, 1 | diff, d, 0)", 20)
	f.Add("anchor vector, comma-separated (instead of --dap/--dan)", 10)
	f.Add("距离 d(a,p) 在锚点与正样本之间", 6)
	f.Add("", 5)
	f.Fuzz(func(t *testing.T, text string, width int) {
		if width < 1 || width > 200 {
			return
		}
		units := strings.Fields(text)
		lines := textwrap.WrapUnits(textwrap.Words(units...), width)
		noSpace := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if got, want := noSpace(strings.Join(lines, "")), noSpace(strings.ToValidUTF8(text, "\uFFFD")); got != want {
			t.Fatalf("lines %q lose or reorder units of %q", lines, text)
		}
		for _, l := range lines {
			if lipgloss.Width(l) > width && strings.Contains(l, " ") {
				t.Fatalf("line %q is %d cells wide, limit %d", l, lipgloss.Width(l), width)
			}
		}
	})
}

func TestHelpFitsEightyColumns(t *testing.T) {
	helps := [][]string{{"help"}}
	for _, c := range commands() {
		helps = append(helps, []string{"help", c.name})
	}
	for _, args := range helps {
		code, out, _ := run(t, args...)
		if code != 0 || out == "" {
			t.Fatalf("%q: exit %d, no output", args, code)
		}
		for _, l := range strings.Split(out, "\n") {
			if lipgloss.Width(l) > 80 {
				t.Errorf("%q: line wider than 80 cells: %q", args, l)
			}
		}
	}
	_, out, _ := run(t, "help", "eval")
	if !strings.Contains(out, "(default different)") {
		t.Errorf("a default is split across lines:\n%s", out)
	}
}

type brokenWriter struct{}

func (brokenWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// A failed write to stdout is not the user's fault: exit 1 with one line.
func TestWriteError(t *testing.T) {
	var errb bytes.Buffer
	code := Run([]string{"eval"}, IO{In: strings.NewReader(""), Out: brokenWriter{}, Err: &errb})
	if code != ExitError || errb.String() != "losslab eval: cannot write the output: broken pipe\n" {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

// BenchmarkEvalCommand is the whole `losslab eval --json` after start-up:
// flags, every loss, the report and its JSON. Target: under 100 µs.
func BenchmarkEvalCommand(b *testing.B) {
	args := []string{"eval", "--anchor", "0,0", "--positive", "0.7,0", "--negative", "0.5,0", "--y-ap", "s", "--json"}
	var out, errb bytes.Buffer
	io := IO{In: strings.NewReader(""), Out: &out, Err: &errb}
	for b.Loop() {
		out.Reset()
		if Run(args, io) != 0 {
			b.Fatal(errb.String())
		}
	}
}

// encodeJSON refuses what JSON cannot hold, naming --json and the field,
// and leaves the output as it was: --json never prints half an answer with
// exit 0.
func TestEncodeJSONRefusesNonFinite(t *testing.T) {
	var out bytes.Buffer
	out.WriteString("kept\n")
	err := encodeJSON(&out, map[string]float64{"loss": math.Inf(1)}, true)
	if err == nil || err.Error() != "--json: loss is +Inf, which JSON cannot hold" || out.String() != "kept\n" {
		t.Errorf("err %v, output %q", err, out.String())
	}
	type inner struct {
		Grad []float64 `json:"grad"`
	}
	type report struct {
		Name  string            `json:"name"`
		By    map[string]*inner `json:"by"`
		Plain float64
	}
	err = encodeJSON(&out, report{By: map[string]*inner{"b": {Grad: []float64{1, math.NaN()}}, "a": {Grad: []float64{2}}}}, true)
	if err == nil || err.Error() != "--json: by.b.grad[1] is NaN, which JSON cannot hold" {
		t.Errorf("nested: %v", err)
	}
	if err := encodeJSON(&out, map[string]float64{"loss": 0.4}, false); err != nil || out.String() != "kept\n{\"loss\":0.4}\n" {
		t.Errorf("err %v, output %q", err, out.String())
	}
}

// finite is the net under maxInput: any non-finite value, term or gradient.
func TestFinite(t *testing.T) {
	ok := loss.Result{Value: 0.4, Terms: []loss.Term{{Loss: 0.4, Grad: [2]float64{1, -1}}}}
	if !finite(ok) {
		t.Error("a finite result refused")
	}
	for _, bad := range []loss.Result{
		{Value: math.Inf(1)},
		{Value: 0.4, Terms: []loss.Term{{Loss: math.NaN()}}},
		{Value: 0.4, Terms: []loss.Term{{Loss: 0.4, Grad: [2]float64{1, math.Inf(-1)}}}},
	} {
		if finite(bad) {
			t.Errorf("%+v passed as finite", bad)
		}
	}
}
