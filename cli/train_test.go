package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"losslab/core/train"
)

func trainJSON(t *testing.T, args ...string) []map[string]any {
	t.Helper()
	code, out, errOut := run(t, append([]string{"train", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var lines []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("not JSON: %q: %v", sc.Text(), err)
		}
		lines = append(lines, m)
	}
	return lines
}

func TestTrainJSONLines(t *testing.T) {
	lines := trainJSON(t, "--steps", "25", "--every", "10", "--compare", "batch-hard")
	// Steps 0, 10, 20 and the last, 25, for two runs; then two summaries.
	if len(lines) != 10 {
		t.Fatalf("%d lines, want 10", len(lines))
	}
	wantSteps := []float64{0, 0, 10, 10, 20, 20, 25, 25}
	for i, l := range lines[:8] {
		for _, k := range []string{"run", "step", "loss", "auc", "active_fraction", "mean_positive", "mean_negative", "collapsed"} {
			if _, ok := l[k]; !ok {
				t.Errorf("line %d lacks %q: %v", i+1, k, l)
			}
		}
		if l["step"] != wantSteps[i] {
			t.Errorf("line %d: step %v, want %v", i+1, l["step"], wantSteps[i])
		}
		if want := []string{"contrastive", "batch-hard"}[i%2]; l["run"] != want {
			t.Errorf("line %d: run %v, want %v", i+1, l["run"], want)
		}
	}
	for i, s := range lines[8:] {
		if s["summary"] != true || s["steps"] != 25.0 || s["run"] != []string{"contrastive", "batch-hard"}[i] {
			t.Errorf("summary %d: %v", i+1, s)
		}
		initial, final := s["initial"].(map[string]any), s["final"].(map[string]any)
		if initial["step"] != 0.0 || final["step"] != 25.0 {
			t.Errorf("summary %d: initial %v, final %v", i+1, initial, final)
		}
		// The summary repeats the printed lines' values.
		if final["auc"] != lines[6+i]["auc"] || initial["loss"] != lines[i]["loss"] {
			t.Errorf("summary %d disagrees with the lines", i+1)
		}
	}
	same := trainJSON(t, "--steps", "5", "--compare", "contrastive", "--compare-margin", "0")
	if same[0]["run"] != "a" || same[1]["run"] != "b" {
		t.Errorf("one loss twice: runs %v and %v, want a and b", same[0]["run"], same[1]["run"])
	}
}

func TestTrainIsByteIdentical(t *testing.T) {
	args := []string{"train", "--json", "--steps", "40", "--model", "mlp", "--loss", "semi-hard", "--compare", "infonce", "--seed", "7"}
	_, a, _ := run(t, args...)
	_, b, _ := run(t, args...)
	if a != b || a == "" {
		t.Fatal("two runs with the same flags printed different output")
	}
	_, c, _ := run(t, append(args[:len(args)-1], "8")...)
	if c == a {
		t.Fatal("another seed printed the same output")
	}
}

// The collapse outcome, through the command.
func TestTrainReportsCollapse(t *testing.T) {
	for _, tc := range []struct {
		margin    string
		collapsed bool
	}{{"0", true}, {"1", false}} {
		lines := trainJSON(t, "--data", "overlap", "--model", "linear", "--margin", tc.margin, "--steps", "1000", "--every", "50")
		s := lines[len(lines)-1]
		final := s["final"].(map[string]any)
		if final["collapsed"] != tc.collapsed || (s["collapsed_at"] != nil) != tc.collapsed {
			t.Errorf("--margin %s: final collapsed %v, collapsed_at %v; want %v", tc.margin, final["collapsed"], s["collapsed_at"], tc.collapsed)
		}
	}
}

func TestTrainPlainGolden(t *testing.T) {
	code, out, errOut := run(t, "train", "--plain", "--steps", "40", "--loss", "batch-hard", "--compare", "contrastive")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(out, "%!") || strings.Contains(out, "⟨") {
		t.Errorf("a catalogue text and its arguments disagree:\n%s", out)
	}
	checkGolden(t, "train-plain.golden", out)
}

func TestTrainBadFlags(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.csv", "x,y,label\n0,0,a\n1,oops,a\n2,2,b\n3,3,b\n")
	// Every embedding at one point from step 0: refused, not "no collapse".
	same := writeFile(t, dir, "const.csv", "x,y,label\n1,1,a\n1,1,a\n1,1,b\n1,1,b\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--data", "spiral"}, "--data"},
		{[]string{"--model", "cnn"}, "--model"},
		{[]string{"--loss", "hinge"}, "--loss"},
		{[]string{"--compare", "x"}, "--compare"},
		{[]string{"--margin", "-1"}, "--margin"},
		{[]string{"--margin", "NaN"}, "--margin"},
		{[]string{"--margin", "1000"}, "--margin"},
		{[]string{"--lr", "0"}, "--lr"},
		{[]string{"--lr", "abc"}, "--lr"},
		{[]string{"--batch", "2"}, "--batch"},
		{[]string{"--seed", "-3"}, "--seed"},
		{[]string{"--steps", "0"}, "--steps"},
		{[]string{"--every", "0"}, "--every"},
		{[]string{"--json", "--plain"}, "--json"},
		{[]string{"--compare-margin", "0.5"}, "--compare-margin"},
		// A flag for a parameter no run reads, as --compare-margin without --compare.
		{[]string{"--temperature", "0.5"}, "--temperature: only infonce reads it"},
		{[]string{"--similarity", "neg-distance", "--compare", "batch-hard"}, "--similarity"},
		{[]string{"--loss", "infonce", "--margin", "0.5"}, "--margin: infonce reads no margin"},
		{[]string{"--loss", "infonce", "--compare", "contrastive", "--margin", "0.5", "--compare-margin", "2"}, "--margin"},
		{[]string{"--compare", "multi-similarity", "--compare-margin", "2"}, "--compare-margin: multi-similarity reads no margin"},
		// A loss without a margin compared with itself: two identical runs.
		{[]string{"--loss", "infonce", "--compare", "infonce"}, "--compare: infonce reads no margin"},
		{[]string{"--loss", "batch-hard-soft", "--compare", "batch-hard-soft", "--compare-margin", "2"}, "--compare"},
		// A loss with one compared with itself at its own margin: the same.
		{[]string{"--loss", "batch-hard", "--compare", "batch-hard"}, "--compare: batch-hard twice at margin 1.00 would be the same run twice: give the second another margin with --compare-margin"},
		{[]string{"--loss", "batch-hard", "--compare", "batch-hard", "--margin", "0.5", "--compare-margin", "0.5"}, "--compare-margin: batch-hard twice at margin 0.50"},
		{[]string{"--in", bad, "--data", "moons"}, "--in"},
		{[]string{"--format", "csv"}, "--format"},
		{[]string{"--in", bad}, "bad.csv:3:"},
		{[]string{"--in", dir + "/none.csv"}, "--in"},
		{[]string{"--in", same, "--model", "linear"}, "--in " + same + ": every row has the same values"},
		{[]string{"--in", same}, "--in " + same + ": every row has the same values"},
		{[]string{"--lr", "100", "--model", "linear", "--data", "overlap", "--steps", "200"}, "--lr"},
		{[]string{"extra"}, "unexpected argument"},
		// The file asked for, not the temporary file it is first written to.
		{[]string{"--out", dir + "/none/x.csv", "--steps", "1"}, "--out: " + dir + "/none/x.csv: no such file"},
	} {
		code, out, errOut := run(t, append([]string{"train", "--json"}, tc.args...)...)
		if code != ExitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stdout %.80q, stderr %q; want exit 2, nothing on stdout, one line naming %s", tc.args, code, out, errOut, tc.want)
		}
	}
}

// A run that diverges says so in one line naming --lr and the same step for
// every --every and output, prints nothing on stdout and exits 2: never a
// row or a summary with +Inf, never a raw JSON error.
func TestTrainDivergenceIsOneLine(t *testing.T) {
	var first string
	for _, every := range []string{"1", "10", "50", "500"} {
		for _, output := range []string{"--plain", "--json"} {
			steps := map[string]string{"--plain": "200", "--json": "400"}[output] // the report's runs
			code, out, errOut := run(t, "train", "--lr", "100", "--margin", "100", "--steps", steps, "--every", every, output)
			if code != ExitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "--lr") || !strings.Contains(errOut, "diverged at step") {
				t.Errorf("--every %s %s: exit %d, stdout %.80q, stderr %q; want exit 2, nothing on stdout, one line naming --lr", every, output, code, out, errOut)
			}
			if first == "" {
				first = errOut
			} else if errOut != first {
				t.Errorf("--every %s %s: %q; --every 1 --plain said %q", every, output, errOut, first)
			}
		}
	}
	// The steps before the divergence print finite figures.
	var at int
	if _, err := fmt.Sscanf(first[strings.Index(first, "diverged at step"):], "diverged at step %d", &at); err != nil || at < 2 {
		t.Fatalf("no step in %q", first)
	}
	code, out, errOut := run(t, "train", "--lr", "100", "--margin", "100", "--steps", strconv.Itoa(at-1), "--every", "1", "--plain")
	if code != ExitOK || strings.Contains(out, "Inf") || strings.Contains(out, "NaN") {
		t.Errorf("%d steps: exit %d, stderr %q, output with a non-finite figure:\n%s", at-1, code, errOut, out)
	}
}

func TestTrainReadsAFile(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("x,y,kind\n")
	for i := range 20 {
		b.WriteString([]string{"0.1,0.2,a\n", "3.1,2.9,b\n", "0.3,0.1,a\n", "2.8,3.2,b\n"}[i%4])
	}
	path := writeFile(t, dir, "e.csv", b.String())
	lines := trainJSON(t, "--in", path, "--label-col", "kind", "--steps", "20", "--model", "linear")
	if s := lines[len(lines)-1]; s["summary"] != true {
		t.Fatalf("no summary: %v", s)
	}
}

// FuzzTrainArgs: any train command line (a few steps, no files) either
// prints JSON Lines with a summary per run or keeps the exit-2 contract.
func FuzzTrainArgs(f *testing.F) {
	for _, s := range []string{"", "--loss batch-hard --compare infonce", "--margin -1", "--lr 1e-9", "--model mlp --normalize",
		"--data digits --loss semi-hard", "--compare-margin 0.5", "--seed 18446744073709551615", "--lr 100 --model linear",
		"--plain", "--data iris --model linear --loss batch-hard-soft", "--margin 1e400", "extra", "--format tsv"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		for _, a := range args {
			// Only a few cheap steps, and never a file the fuzzer names.
			if strings.Contains(a, "steps") || strings.Contains(a, "every") || strings.Contains(a, "batch=") ||
				a == "--batch" || strings.Contains(a, "in") && strings.HasPrefix(a, "--in") {
				return
			}
		}
		code, out, errOut := run(t, append([]string{"train", "--steps", "2", "--json"}, args...)...)
		switch code {
		case ExitOK:
			if errOut != "" || !strings.Contains(out, `{"summary":true`) && !strings.HasPrefix(out, "Usage: losslab train") {
				t.Fatalf("%q: exit 0 with stdout %q, stderr %q", args, out, errOut)
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

// Data at any scale float64 holds trains as it does at scale 1: the
// columns are standardised scale-safely (core/train). Before, 1e160 and
// 1e-300 gave AUC 0.5 and all distances 0 with exit 0, and a column near
// 1e308 became NaN, reported as a divergence that no --lr fixes.
func TestTrainScaledData(t *testing.T) {
	dir := t.TempDir()
	points := [][3]float64{{0.1, 0.2, 0}, {3.1, 2.9, 1}, {0.3, 0.1, 0}, {2.8, 3.2, 1}, {0.2, 0.4, 0}, {3.3, 3.0, 1}}
	file := func(name string, sx, sy float64) string {
		var b strings.Builder
		b.WriteString("x,y,label\n")
		for i := range 30 {
			p := points[i%len(points)]
			fmt.Fprintf(&b, "%s,%s,%c\n", strconv.FormatFloat(p[0]*sx, 'g', -1, 64), strconv.FormatFloat(p[1]*sy, 'g', -1, 64), 'a'+rune(p[2]))
		}
		return writeFile(t, dir, name, b.String())
	}
	finalAUC := func(t *testing.T, path string) float64 {
		t.Helper()
		lines := trainJSON(t, "--in", path, "--steps", "30", "--model", "linear")
		return lines[len(lines)-1]["final"].(map[string]any)["auc"].(float64)
	}
	want := finalAUC(t, file("plain.csv", 1, 1))
	if want < 0.9 {
		t.Fatalf("unscaled: AUC %v", want)
	}
	for _, c := range []struct {
		name   string
		sx, sy float64
	}{{"huge.csv", 1e160, 1e160}, {"tiny.csv", 1e-300, 1e-300}, {"near-max.csv", 5e307, 1}} {
		t.Run(c.name, func(t *testing.T) {
			if got := finalAUC(t, file(c.name, c.sx, c.sy)); math.Abs(got-want) > 1e-6 {
				t.Errorf("AUC %v, want %v as unscaled", got, want)
			}
		})
	}
}

// TestTrainHelpStatesInfoNCEDefaults: the help's loss paragraph gives
// InfoNCE's default τ and similarity as core/train has them (it said
// s = −d, τ = 0.5 after the defaults became SupCon's cosine and 0.1).
func TestTrainHelpStatesInfoNCEDefaults(t *testing.T) {
	for _, tc := range []struct{ lang, cosine string }{{"en", "cosine similarity"}, {"zh", "余弦相似度"}} {
		_, out, errOut := run(t, "train", "--help", "--lang", tc.lang)
		help := out + errOut
		para := help[strings.Index(help, "infonce"):]
		para = para[:strings.Index(para, "'losslab eval'")]
		wantTau := "τ = " + strconv.FormatFloat(train.DefaultTemperature, 'g', -1, 64)
		if !strings.Contains(para, wantTau) || strings.Contains(para, "τ = 0.5") {
			t.Errorf("%s: InfoNCE's paragraph %q does not say %s", tc.lang, para, wantTau)
		}
		if train.NewConfig().Similarity != train.Cosine || !strings.Contains(para, tc.cosine) {
			t.Errorf("%s: InfoNCE's paragraph %q does not name the default similarity, cosine", tc.lang, para)
		}
	}
}

// The summary names InfoNCE's τ and similarity as its pane does (it named
// the loss alone, and the JSON carried a margin InfoNCE does not read and no
// τ); a loss without a temperature has neither. The margin is null for a
// loss that reads none.
func TestTrainSummaryNamesTemperature(t *testing.T) {
	_, out, _ := run(t, "train", "--plain", "--loss", "contrastive", "--compare", "infonce", "--temperature", "0.2", "--similarity", "neg-distance", "--steps", "5")
	for _, want := range []string{"\ncontrastive (margin 1.00) after 5 steps\n", "\ninfonce, τ 0.20, s = −d after 5 steps\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("the table's summaries lack %q:\n%s", want, out)
		}
	}
	_, out, _ = run(t, "train", "--plain", "--lang", "zh", "--loss", "infonce", "--steps", "5")
	if want := "InfoNCE，τ 0.10，余弦（SupCon）训练 5 步后"; !strings.Contains(out, want) {
		t.Errorf("the Chinese summary lacks %q:\n%s", want, out)
	}
	lines := trainJSON(t, "--loss", "contrastive", "--compare", "infonce", "--temperature", "0.2", "--steps", "5")
	for _, l := range lines {
		if l["summary"] != true {
			continue
		}
		tau, sim := l["temperature"], l["similarity"]
		margin, hasMargin := l["margin"]
		switch l["loss"] {
		case "infonce":
			if tau != 0.2 || sim != "cosine" || !hasMargin || margin != nil {
				t.Errorf("infonce summary: temperature %v, similarity %v, margin %v; want 0.2, cosine, null", tau, sim, margin)
			}
		default:
			if tau != nil || sim != nil || margin != 1.0 {
				t.Errorf("%v summary: temperature %v, similarity %v, margin %v; want neither, margin 1", l["loss"], tau, sim, margin)
			}
		}
	}
}

// A flag some run reads is taken: --margin for the compare run when the
// first run's loss has none, τ when only the compare run is InfoNCE.
func TestTrainFlagsSomeRunReads(t *testing.T) {
	for _, args := range [][]string{
		{"--loss", "infonce", "--compare", "contrastive", "--margin", "0.5"},
		{"--compare", "infonce", "--temperature", "0.5", "--similarity", "neg-distance"},
		{"--loss", "infonce", "--compare", "batch-hard", "--compare-margin", "0.5"},
	} {
		if code, _, errOut := run(t, append([]string{"train", "--plain", "--steps", "1"}, args...)...); code != 0 {
			t.Errorf("%v: exit %d, %s", args, code, errOut)
		}
	}
}
