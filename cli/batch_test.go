package cli

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestBatchIrisJSONGolden(t *testing.T) {
	code, out, errOut := run(t, "batch", "--demo", "iris", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	checkGolden(t, "batch-iris.json.golden", out)
	m := decodeReport(t, out)
	for _, k := range []string{"n", "dim", "classes", "distance", "margin", "losses.contrastive", "losses.batch_all",
		"losses.batch_all_nonzero", "losses.fraction_active", "losses.batch_hard", "losses.batch_hard_soft", "losses.semi_hard",
		"triplets.easy", "triplets.semi_hard", "triplets.hard", "separation.auc", "separation.threshold", "separation.accuracy",
		"histogram.edges", "histogram.positive", "histogram.negative"} {
		lookup(t, m, k)
	}
	// 150 flowers, 3 classes of 50: 150·49·100 valid triplets.
	if lookup(t, m, "n") != 150.0 || lookup(t, m, "classes") != 3.0 || lookup(t, m, "triplets.total") != 735000.0 {
		t.Errorf("iris shape wrong: %v %v %v", m["n"], m["classes"], lookup(t, m, "triplets.total"))
	}
}

func TestBatchTextReport(t *testing.T) {
	code, out, _ := run(t, "batch", "--demo", "iris", "--distance", "cosine", "--margin", "0.1")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"demo iris: 150 × 4, 3 classes", "cosine distance, margin 0.10", "batch-hard", "ROC AUC", "% same", "% diff"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// Every loss line has its share of active terms, the soft-margin and
// InfoNCE lines too (all their terms are active: a column missing there
// left the reader to guess why), and a share of a few terms among
// hundreds of thousands is not written as none: digits' squared semi-hard
// triplet has 144 active terms of 321,192.
func TestBatchTextActiveColumn(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"--demo", "iris"}, []string{"batch-hard (Hermans 2017), mean               1.2987   active 100.0% of 150 terms"}},
		{[]string{"--demo", "digits"}, []string{"semi-hard (TF Addons rule), mean              0.0836      active <0.1% of 321,192 terms"}},
	} {
		t.Run(c.args[1], func(t *testing.T) {
			code, out, _ := run(t, append([]string{"batch", "--plain"}, c.args...)...)
			if code != 0 {
				t.Fatalf("exit %d", code)
			}
			section := out[strings.Index(out, "losses ("):strings.Index(out, "\ntriplets ")]
			lines := strings.Split(strings.TrimSpace(section), "\n")[1:]
			for _, l := range lines {
				if !regexp.MustCompile(`   active (<0\.1|>99\.9|\d+\.\d)% of [\d,]+ terms$`).MatchString(l) {
					t.Errorf("a loss line without its active column: %q", l)
				}
			}
			for _, w := range c.want {
				if !strings.Contains(section, w) {
					t.Errorf("losses lack %q:\n%s", w, section)
				}
			}
		})
	}
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBatchInputs(t *testing.T) {
	dir := t.TempDir()
	csv := writeFile(t, dir, "e.csv", "a,b,species\n0,0,x\n0,1,x\n3,3,y\n3,4,y\n")
	code, out, errOut := run(t, "batch", "--in", csv, "--label-col", "species", "--json")
	if code != 0 {
		t.Fatalf("csv: %d %s", code, errOut)
	}
	// Pairs: same (0,0)-(0,1) 1 and (3,3)-(3,4) 1; four different pairs, all > 1: perfect separation.
	m := decodeReport(t, out)
	if lookup(t, m, "separation.auc") != 1.0 || lookup(t, m, "separation.accuracy") != 1.0 || lookup(t, m, "separation.threshold") != 1.0 {
		t.Errorf("separation %v", m["separation"])
	}
	vec := writeFile(t, dir, "vectors.tsv", "1\t0\n2\t0\n0\t1\n0\t2\n")
	meta := writeFile(t, dir, "metadata.tsv", "a\na\nb\nb\n")
	code, out, errOut = run(t, "batch", "--in", vec, "--labels", meta, "--normalize", "--json")
	if code != 0 {
		t.Fatalf("projector: %d %s", code, errOut)
	}
	// After --normalize the two classes collapse to (1,0) and (0,1): positives at 0, negatives at √2.
	m = decodeReport(t, out)
	if got := lookup(t, m, "separation.median_positive").(float64); got != 0 || lookup(t, m, "normalized") != true {
		t.Errorf("normalized median positive %v", got)
	}
	if got := lookup(t, m, "losses.batch_hard").(float64); math.Abs(got-math.Max(0-math.Sqrt2+0.2, 0)) > 1e-12 {
		t.Errorf("batch_hard %v", got)
	}
}

func TestBatchErrors(t *testing.T) {
	dir := t.TempDir()
	ragged := writeFile(t, dir, "r.csv", "a,b,label\n1,2,x\n1,2\n")
	nan := writeFile(t, dir, "n.csv", "a,b,label\n1,2,x\n1,NaN,x\n3,4,y\n3,4,y\n")
	single := writeFile(t, dir, "s.csv", "1,2,x\n1,2,x\n3,4,y\n")
	empty := writeFile(t, dir, "e.csv", "")
	oneClass := writeFile(t, dir, "o.csv", "1,2,x\n1,3,x\n")
	txt := writeFile(t, dir, "e.txt", "1,2,x\n")
	zero := writeFile(t, dir, "z.csv", "0,0,x\n1,2,x\n3,4,y\n3,4,y\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--in", ragged}, ragged + ":3: 2 fields, expected 3"},
		{[]string{"--in", nan}, nan + ":3: column b: NaN is not a finite number"},
		{[]string{"--in", single}, single + `:3: label "y" has a single sample`},
		{[]string{"--in", empty}, empty + ": the file is empty"},
		{[]string{"--in", oneClass}, "only one class"},
		{[]string{"--in", txt}, "--format csv|tsv"},
		{[]string{"--in", zero, "--normalize"}, zero + ":1: --normalize: the row is a zero vector"},
		{[]string{"--in", zero, "--distance", "cosine"}, zero + ":1: cosine distance is undefined for a zero vector"},
		{[]string{"--in", filepath.Join(dir, "none.csv")}, "--in: " + filepath.Join(dir, "none.csv") + ": no such file or directory"},
		{[]string{"--in", ragged, "--label-col", "kind"}, ragged + `: no such label column "kind" (columns: a, b, label)`},
		{[]string{"--demo", "mnist"}, `unknown demo "mnist"`},
		{[]string{"--demo", "iris", "--in", ragged}, "--demo conflicts with --in"},
		{[]string{}, "no input"},
		{[]string{"--demo", "iris", "--margin", "-1"}, "--margin"},
		{[]string{"--demo", "iris", "--bins", "0"}, "--bins 0"},
		{[]string{"--demo", "iris", "--format", "xml"}, "--format and --label-col apply to --in"},
		// Before: "-: the file is empty", the first reader having taken it all.
		{[]string{"--in", "-", "--labels", "-"}, "--in - and --labels - cannot both read standard input: give one of them as a file"},
		// Before: called truncated.
		{[]string{"--in", writeFile(t, dir, "trail.csv.gz", gzipped(t, "a,label\n1,x\n2,x\n3,y\n4,y\n")+"junk")}, "after the gzip data (line 6) come bytes that are not gzip data"},
	} {
		code, out, errOut := run(t, append([]string{"batch"}, c.args...)...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("batch %v: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}

func TestBatchJSONIsValid(t *testing.T) {
	_, out, _ := run(t, "batch", "--demo", "digits", "--json", "--distance", "cosine", "--bins", "10")
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if len(v["histogram"].(map[string]any)["positive"].([]any)) > 10 {
		t.Error("--bins 10 gave more bins")
	}
}
