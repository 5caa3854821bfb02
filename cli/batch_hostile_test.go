package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"gonum.org/v1/gonum/mat"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/i18n"
)

// runStdin is run with stdin.
func runStdin(t *testing.T, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, IO{In: stdin, Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

// wantUsageError asserts exit 2, nothing on stdout and one line on stderr
// containing want.
func wantUsageError(t *testing.T, code int, out, errOut, want string) {
	t.Helper()
	if code != ExitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing, one line with %q", code, out, errOut, want)
	}
}

func gzipped(t *testing.T, text string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(text))
	w.Close()
	return b.String()
}

func TestBatchHostileFiles(t *testing.T) {
	dir := t.TempDir()
	huge := writeFile(t, dir, "huge.csv", "1e308,1e308,x\n-1e308,1e308,x\n1e308,-1e308,y\n-1e308,-1e308,y\n")
	big := writeFile(t, dir, "big.csv", "1e200,0,x\n2e200,0,x\n5e200,0,y\n6e200,0,y\n")
	typo := writeFile(t, dir, "typo.csv", "1.0,2.x,a\n1,2,a\n3,4,b\n3,5,b\n")
	tabs := writeFile(t, dir, "tabs.csv", "1\t2\tx\n1\t3\tx\n3\t4\ty\n3\t5\ty\n")
	zero := writeFile(t, dir, "zero.csv", "a,b,label\n1,1,x\n0,0,x\n3,4,y\n3,5,y\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		// Before: a panic in core/batch/index.go.
		{[]string{"--in", huge, "--json"}, huge + ":1: result is not finite: the euclidean distance to row 2 is beyond float64"},
		// Before: NaN losses reported as "easy 100%, AUC 1.0" with exit 0.
		{[]string{"--in", big, "--json"}, "the contrastive loss terms (all-pairs, mean) of this anchor overflow float64"},
		{[]string{"--in", big, "--plain"}, "the contrastive loss terms (all-pairs, mean) of this anchor overflow float64"},
		// Before: row 1 silently became a header.
		{[]string{"--in", typo}, typo + `:1: column 2: "2.x" is not a number`},
		{[]string{"--in", tabs}, tabs + ":1: one column: the file looks tab-separated: use --format tsv"},
		// Before: "row 2: cosine distance is undefined", naming neither file nor line.
		{[]string{"--in", zero, "--distance", "cosine"}, zero + ":3: cosine distance is undefined for a zero vector"},
		{[]string{"--in", "/dev/zero", "--format", "csv"}, "--in: /dev/zero: not a regular file (a device)"},
		{[]string{"--in", dir, "--format", "csv"}, "not a regular file (a directory)"},
		// Before: a directory without a .csv name was "cannot tell the format from the extension".
		{[]string{"--in", dir}, "--in: " + dir + ": not a regular file (a directory)"},
		{[]string{"--demo", "iris", "--max-memory", "lots"}, "--max-memory"},
		{[]string{"--demo", "iris", "--sample-anchors", "1"}, "--sample-anchors"},
		{[]string{"--demo", "iris", "--max-rows", "2"}, "--max-rows 2"},
		{[]string{"--in", "-"}, "give --format csv|tsv for standard input"},
	} {
		code, out, errOut := run(t, append([]string{"batch"}, c.args...)...)
		wantUsageError(t, code, out, errOut, c.want)
	}
	fifo := filepath.Join(dir, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		// Before: blocked for ever waiting for a writer.
		code, out, errOut := run(t, "batch", "--in", fifo)
		wantUsageError(t, code, out, errOut, "not a regular file (a FIFO)")
	}
}

// Cosine and --normalize scale each row first: components of 1e200 (whose
// squares overflow) and 1e-200 (whose squares vanish) give the directions'
// exact answer. Before, both were "zero vector" errors or NaN.
func TestBatchScaleSafeDirections(t *testing.T) {
	dir := t.TempDir()
	plain := writeFile(t, dir, "p.csv", "1,0,x\n2,0.1,x\n0,1,y\n0.1,2,y\n")
	var hugeRows, tinyRows strings.Builder
	for _, r := range [][3]string{{"1", "0", "x"}, {"2", "0.1", "x"}, {"0", "1", "y"}, {"0.1", "2", "y"}} {
		fmt.Fprintf(&hugeRows, "%se200,%se200,%s\n", r[0], r[1], r[2])
		fmt.Fprintf(&tinyRows, "%se-200,%se-200,%s\n", r[0], r[1], r[2])
	}
	huge := writeFile(t, dir, "h.csv", hugeRows.String())
	tiny := writeFile(t, dir, "t.csv", tinyRows.String())
	for _, flags := range [][]string{{"--distance", "cosine"}, {"--normalize"}} {
		var want map[string]any
		for i, path := range []string{plain, huge, tiny} {
			code, out, errOut := run(t, append([]string{"batch", "--in", path, "--json"}, flags...)...)
			if code != 0 {
				t.Fatalf("%v %s: exit %d %s", flags, path, code, errOut)
			}
			m := decodeReport(t, out)
			if i == 0 {
				want = m
				continue
			}
			for _, k := range []string{"losses.batch_hard", "losses.contrastive", "separation.auc", "separation.median_positive"} {
				g, w := lookup(t, m, k).(float64), lookup(t, want, k).(float64)
				if d := g - w; d > 1e-12 || d < -1e-12 {
					t.Errorf("%v %s: %s = %v, want %v", flags, filepath.Base(path), k, g, w)
				}
			}
		}
	}
}

func TestBatchFileFormats(t *testing.T) {
	dir := t.TempDir()
	// A BOM and no header: before, row 1 was lost (3 rows, a singleton class).
	bom := writeFile(t, dir, "bom.csv", "\ufeff0,0,x\n0,1,x\n3,3,y\n3,4,y\n")
	gz := writeFile(t, dir, "e.csv.gz", gzipped(t, "a,b,label\n0,0,x\n0,1,x\n3,3,y\n3,4,y\n"))
	vec := writeFile(t, dir, "vectors.tsv.gz", gzipped(t, "0\t0\n0\t1\n3\t3\n3\t4\n"))
	meta := writeFile(t, dir, "metadata.tsv.gz", gzipped(t, "x\nx\ny\ny\n"))
	for _, args := range [][]string{{"--in", bom}, {"--in", gz}, {"--in", vec, "--labels", meta}} {
		code, out, errOut := run(t, append([]string{"batch", "--json"}, args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d %s", args, code, errOut)
			continue
		}
		m := decodeReport(t, out)
		if lookup(t, m, "n") != 4.0 || lookup(t, m, "separation.auc") != 1.0 {
			t.Errorf("%v: n %v auc %v", args, m["n"], lookup(t, m, "separation.auc"))
		}
	}
	// Standard input, gzipped or not.
	for _, in := range []string{"0,0,x\n0,1,x\n3,3,y\n3,4,y\n", gzipped(t, "0,0,x\n0,1,x\n3,3,y\n3,4,y\n")} {
		code, out, errOut := runStdin(t, strings.NewReader(in), "batch", "--in", "-", "--format", "csv", "--json")
		if code != 0 || lookup(t, decodeReport(t, out), "n") != 4.0 {
			t.Errorf("stdin: exit %d %s", code, errOut)
		}
	}
}

// endlessLines is `yes LINE`.
type endlessLines struct{ line string }

func (e endlessLines) Read(p []byte) (int, error) {
	n := 0
	for n+len(e.line) <= len(p) {
		n += copy(p[n:], e.line)
	}
	return n, nil
}

type zeroBytes struct{}

func (zeroBytes) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestBatchEndlessInput(t *testing.T) {
	code, out, errOut := runStdin(t, endlessLines{"1,2,x\n3,4,y\n"}, "batch", "--in", "-", "--format", "csv", "--max-rows", "5000")
	wantUsageError(t, code, out, errOut, "losslab batch: -:5001: more than 5,000 rows (the limit; --max-rows to raise it)")
	code, out, errOut = runStdin(t, zeroBytes{}, "batch", "--in", "-", "--format", "csv")
	wantUsageError(t, code, out, errOut, "-: line 1 is longer than 1,048,576 bytes (the limit)")
	// A gzip header cut short is on "-" too, as the errors after it are.
	code, out, errOut = runStdin(t, strings.NewReader("\x1f\x8b\x00\x00"), "batch", "--in", "-", "--format", "csv")
	wantUsageError(t, code, out, errOut, "losslab batch: --in: -: the gzip data ends early, in line 1")
}

func TestBatchEscapesInLabels(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "e.csv", "0,0,\x1b]0;title\a\n0,1,\x1b]0;title\a\n3,3,\x1b[2J\n3,4,\x1b[2J\n")
	code, out, errOut := run(t, "batch", "--in", path, "--plain")
	if code != 0 {
		t.Fatalf("exit %d %s", code, errOut)
	}
	if strings.ContainsAny(out, "\x1b\a") || !strings.Contains(out, "(?]0;title?, ?[2J)") {
		t.Errorf("labels reach the terminal raw:\n%q", out[:min(len(out), 200)])
	}
}

func TestBatchSampledReport(t *testing.T) {
	code, out, errOut := run(t, "batch", "--demo", "iris", "--sample-anchors", "40", "--seed", "3", "--json")
	if code != 0 {
		t.Fatalf("exit %d %s", code, errOut)
	}
	m := decodeReport(t, out)
	if lookup(t, m, "sample.anchors") != 40.0 || lookup(t, m, "sample.of") != 150.0 || lookup(t, m, "sample.seed") != 3.0 {
		t.Errorf("sample %v", m["sample"])
	}
	for _, k := range []string{"losses.contrastive", "separation.auc", "separation.median_positive", "triplets.hard_fraction"} {
		iv := m["confidence_95"].(map[string]any)[k].(map[string]any)
		if !(iv["low"].(float64) <= iv["high"].(float64)) {
			t.Errorf("interval %s = %v", k, iv)
		}
	}
	code, out, _ = run(t, "batch", "--demo", "iris", "--sample-anchors", "40", "--plain")
	if code != 0 || !strings.Contains(out, "sampled: 40 of 150 anchors (seed 1)") || !strings.Contains(out, "the sampled pairs are binned") {
		t.Errorf("text report does not say it is sampled:\n%s", out)
	}
	// A sample as large as the data is the data.
	code, out, errOut = run(t, "batch", "--demo", "iris", "--sample-anchors", "150", "--json")
	if code != 0 || strings.Contains(out, `"sample"`) || !strings.Contains(errOut, "every anchor is evaluated") {
		t.Errorf("--sample-anchors 150: %d %s", code, errOut)
	}
}

func TestBatchMemoryBudget(t *testing.T) {
	code, out, errOut := run(t, "batch", "--demo", "iris", "--max-memory", "1MiB", "--json")
	if code != 0 || !strings.Contains(errOut, "more than --max-memory 1MiB: binning it instead") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	m := decodeReport(t, out)
	if lookup(t, m, "separation.method") != "binned" || lookup(t, m, "separation.auc_error_bound").(float64) > 1e-3 {
		t.Errorf("separation %v", m["separation"])
	}
	// The losses are exact either way.
	_, exact, _ := run(t, "batch", "--demo", "iris", "--json")
	if lookup(t, decodeReport(t, exact), "losses.batch_all") != lookup(t, m, "losses.batch_all") {
		t.Error("binning changed a loss")
	}
}

// 60,000 × 16 in 2 classes is within SlowSeconds: every anchor, the AUC
// binned (the note says so, and nothing about time). 100,000 rows are
// within AutoSampleSeconds but not SlowSeconds: every anchor, and the note
// says how long it takes. 250,000 rows are not: the command samples and
// says so, naming the option; --sample-anchors all insists.
func TestBatchAutoSample(t *testing.T) {
	data := func(n int) *dataset.Dataset {
		r := rand.New(rand.NewPCG(1, 1))
		x := mat.NewDense(n, 16, nil)
		labels := make([]int, n)
		for i := range n {
			labels[i] = i % 2
			x.Set(i, 0, r.NormFloat64())
		}
		return &dataset.Dataset{X: x, Labels: labels, Classes: []string{"a", "b"}}
	}
	var errb bytes.Buffer
	f := batchFlags{sample: sampleAuto, seed: 1, maxMemory: batch.DefaultMaxMemory}
	opts := batch.Options{MaxMemory: f.maxMemory}
	if k := chooseSample(f, data(60000), opts, i18n.New(i18n.English), &errb); k != 0 || !strings.Contains(errb.String(), "binning it instead") ||
		strings.Contains(errb.String(), "--sample-anchors") || strings.Contains(errb.String(), "sampling") {
		t.Errorf("60,000 rows: %d anchors, note %q", k, errb.String())
	}
	errb.Reset()
	if k := chooseSample(f, data(100000), opts, i18n.New(i18n.English), &errb); k != 0 ||
		!strings.Contains(errb.String(), "for all 100,000 anchors; --sample-anchors K would sample K anchors instead") || strings.Contains(errb.String(), "sampling") {
		t.Errorf("100,000 rows: %d anchors, note %q", k, errb.String())
	}
	errb.Reset()
	n := 250000
	d := data(n)
	k := chooseSample(f, d, opts, i18n.New(i18n.English), &errb)
	if k < 2 || k >= n || !strings.Contains(errb.String(), "sampling "+numfmtCount(k)+" anchors at random (seed 1)") || !strings.Contains(errb.String(), "--sample-anchors all") {
		t.Errorf("auto: %d anchors, note %q", k, errb.String())
	}
	errb.Reset()
	f.sample = sampleAll
	if k := chooseSample(f, d, opts, i18n.New(i18n.English), &errb); k != 0 || !strings.Contains(errb.String(), "--sample-anchors K would sample") {
		t.Errorf("all: %d, note %q", k, errb.String())
	}
}

func numfmtCount(k int) string {
	s := fmt.Sprint(k)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func TestBatchJSONAlwaysSaysSomething(t *testing.T) {
	// Every --json run that exits 0 prints one valid object.
	for _, args := range [][]string{{"--demo", "iris"}, {"--demo", "iris", "--max-memory", "1MiB"}, {"--demo", "iris", "--sample-anchors", "30"}} {
		code, out, _ := run(t, append([]string{"batch", "--json"}, args...)...)
		var v map[string]any
		if code != 0 || json.Unmarshal([]byte(out), &v) != nil {
			t.Errorf("%v: exit %d, output %q", args, code, out[:min(len(out), 100)])
		}
	}
}

// Each refusal says what is wrong with the value or the file, echoing it,
// rather than a generic hint or a library's error.
func TestBatchErrorsSayWhatIsWrong(t *testing.T) {
	dir := t.TempDir()
	whole := gzipped(t, "a,b,label\n1,2,x\n1,3,x\n4,5,y\n4,6,y\n")
	trunc := writeFile(t, dir, "trunc.csv.gz", whole[:len(whole)-12])
	junk := writeFile(t, dir, "junk.csv.gz", "a,\"b\n")
	dup := writeFile(t, dir, "dup.csv", "a,label,label\n1,x,q\n2,x,q\n3,y,r\n4,y,r\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--demo", "iris", "--max-memory", "1.5GiB"}, `--max-memory: "1.5GiB": a size is a whole number of its unit: write 1536MiB`},
		{[]string{"--demo", "iris", "--max-memory", "1PiB"}, `--max-memory: "1PiB": the unit "PiB" is not one losslab knows`},
		{[]string{"--demo", "iris", "--max-memory", "512KiB"}, `--max-memory: "512KiB" is less than the smallest budget, 1MiB`},
		{[]string{"--demo", "iris", "--sample-anchors", "-1"}, `--sample-anchors: "-1": a 95% confidence interval needs a sample of at least 30 anchors`},
		{[]string{"--demo", "iris", "--sample-anchors", "2"}, `--sample-anchors: "2": a 95% confidence interval needs a sample of at least 30 anchors`},
		{[]string{"--demo", "iris", "--sample-anchors", "abc"}, `--sample-anchors: "abc": want auto, all or a whole number of anchors`},
		// A limit is the limit's flag's to raise, not --demo's fault, and
		// the line in the embedded file where reading stopped means nothing.
		{[]string{"--demo", "iris", "--max-rows", "10"}, "batch: demo iris: more than 10 rows (the limit; --max-rows to raise it)"},
		{[]string{"--demo", "digits", "--max-memory", "1MiB"}, "batch: demo digits: the embeddings and labels read so far take more than 256 KiB (a quarter of --max-memory 1MiB)"},
		{[]string{"--in", trunc}, trunc + ": the gzip data ends early, in line 6: the file is truncated"},
		{[]string{"--in", junk}, junk + ": not gzip data although the name ends in .gz"},
		{[]string{"--in", dup}, dup + `:1: the header names column "label" twice (columns 2 and 3)`},
	} {
		code, out, errOut := run(t, append([]string{"batch", "--plain"}, c.args...)...)
		wantUsageError(t, code, out, errOut, c.want)
	}
	// In Chinese too: the file's problem comes from the catalogue.
	code, out, errOut := run(t, "--lang", "zh", "batch", "--plain", "--in", junk)
	wantUsageError(t, code, out, errOut, "内容不是 gzip 数据")
	// A budget in TiB is a size like any other.
	if code, _, errOut := run(t, "batch", "--demo", "iris", "--json", "--max-memory", "1TiB"); code != ExitOK {
		t.Errorf("--max-memory 1TiB: exit %d, %s", code, errOut)
	}
}

// A figure that the sampled anchors all agree on gets no interval rather
// than a point, and the report says why; the sample has at least 30 anchors.
func TestBatchSampleWithoutSpread(t *testing.T) {
	var b strings.Builder
	b.WriteString("x,label\n")
	for i := range 100 { // two classes far apart: every triplet easy
		fmt.Fprintf(&b, "%d.%02d,%c\n", (i%2)*100, i, 'a'+i%2)
	}
	far := writeFile(t, t.TempDir(), "far.csv", b.String())
	code, out, errOut := run(t, "batch", "--plain", "--in", far, "--sample-anchors", "30", "--margin", "0")
	if code != ExitOK || errOut != "" {
		t.Fatalf("exit %d, %s", code, errOut)
	}
	for _, want := range []string{"sampled: 30 of 100 anchors", "[no interval]: the figure does not vary across the sampled anchors",
		"easy 73,500 (100.0% [no interval])", "hard 0 (0.0% [no interval])"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "[100.0%, 100.0%]") || strings.Contains(out, "[0.0%, 0.0%]") {
		t.Errorf("a point interval in\n%s", out)
	}
}

// Binned for the memory budget, the report counts each pair once, as the
// exact method does; --bins gives that many bins, and the text says when it
// merges them to fit.
func TestBatchBinnedAndBins(t *testing.T) {
	for _, budget := range []string{"1GiB", "1MiB"} {
		code, out, _ := run(t, "batch", "--plain", "--demo", "iris", "--max-memory", budget)
		if code != ExitOK || !strings.Contains(out, "active 32.9% of 11,175 terms") || !strings.Contains(out, "(3,675 positive, 7,500 negative pairs)") {
			t.Errorf("--max-memory %s: exit %d\n%s", budget, code, out)
		}
	}
	for _, bins := range []int{16, 500, 1000} {
		code, out, _ := run(t, "batch", "--json", "--demo", "iris", "--bins", fmt.Sprint(bins))
		var r struct{ Histogram batch.Histogram }
		if err := json.Unmarshal([]byte(out), &r); code != ExitOK || err != nil || len(r.Histogram.Positive) != bins {
			t.Errorf("--bins %d: exit %d, %d bins, %v", bins, code, len(r.Histogram.Positive), err)
		}
	}
	for bins, note := range map[string]string{"15": "", "16": "(the 16 bins merged 2 at a time to fit)", "31": "(the 31 bins merged 3 at a time to fit)"} {
		_, out, _ := run(t, "batch", "--plain", "--demo", "iris", "--bins", bins)
		if note == "" && strings.Contains(out, "merged") || note != "" && !strings.Contains(out, note) {
			t.Errorf("--bins %s: want note %q in\n%s", bins, note, out)
		}
	}
}
