package cli

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/statestr"
)

// eval --json carries the state string of its inputs, which reopens them.
func TestEvalJSONState(t *testing.T) {
	code, out, _ := run(t, "eval", "--dap", "0.3", "--y-an", "s", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	s, _ := decodeReport(t, out)["state"].(string)
	d, err := statestr.Decode(s)
	if err != nil {
		t.Fatalf("state %q: %v", s, err)
	}
	if v := d.Playground.Values; v.DAP != 30 || v.DAN != 50 || v.Margin != 20 || v.YAN.String() != "same" {
		t.Errorf("state %q decodes to %+v", s, v)
	}
	// Off the grid, or vectors: no state, since no string could reopen it.
	for _, args := range [][]string{{"--dap", "0.333"}, {"--margin", "2.5"}, {"--anchor", "0,0", "--positive", "1,0", "--negative", "0,1"}} {
		_, out, _ := run(t, append([]string{"eval", "--json"}, args...)...)
		if _, ok := decodeReport(t, out)["state"]; ok {
			t.Errorf("eval %v has a state", args)
		}
	}
}

// losslab --state STR off a terminal prints the plain render of that state;
// a bad string exits 2 naming the field, with nothing on stdout.
func TestStateFlag(t *testing.T) {
	_, out, _ := run(t, "eval", "--dap", "0.3", "--json")
	s, _ := decodeReport(t, out)["state"].(string)
	code, out, errOut := run(t, "--state", s)
	if code != 0 || !strings.Contains(out, "max(0.30 − 0.50 + 0.20, 0) = 0.0000") {
		t.Errorf("exit %d, stderr %q, render:\n%s", code, errOut, out)
	}
	code, out, _ = run(t, "--state", "ll1_p_sc-blog-case-1_st-2_d3b0d7")
	if code != 0 || !strings.Contains(out, "max(0.60 − 0.70 + 0.20, 0) = 0.1000") || !strings.Contains(out, "step 2/3") {
		t.Errorf("preset state: exit %d, render:\n%s", code, out)
	}
	for _, tc := range []struct{ arg, want string }{
		{s[:len(s)-2], "checksum"},
		{"ll1_p_dap-0.70_" + "000000", "checksum"},
		{"hello", "version"},
	} {
		code, out, errOut := run(t, "--state", tc.arg)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("--state %q: exit %d, stdout %q, stderr %q; want 2 and one line naming %s", tc.arg, code, out, errOut, tc.want)
		}
	}
	if code, _, errOut := run(t, "--state", s, "--scenario", "blog-case-1"); code != 2 || !strings.Contains(errOut, "--state conflicts with --scenario") {
		t.Errorf("--state with --scenario: exit %d, %q", code, errOut)
	}
}

// --plot writes a figure that parses, never over a file, and a bad name or
// font fails before anything is written.
func TestPlotFlag(t *testing.T) {
	dir := t.TempDir()
	svg := filepath.Join(dir, "t.svg")
	code, out, errOut := run(t, "eval", "--plot", svg)
	if code != 0 || !strings.Contains(out, "0.4000") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	data, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("d(a,n) = 0.50, L = 0.4000")) {
		t.Errorf("the eval figure lacks the state's mark")
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not XML: %v", err)
		}
	}
	code, out, errOut = run(t, "eval", "--plot", svg)
	if code != 2 || out != "" || !strings.Contains(errOut, "exists") {
		t.Errorf("over an existing file: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, args := range [][]string{
		{"eval", "--plot", filepath.Join(dir, "x.jpg")},
		{"eval", "--font", "f.ttf"},
		{"eval", "--plot", filepath.Join(dir, "y.png"), "--font", filepath.Join(dir, "missing.ttf")},
		{"batch", "--demo", "iris", "--plot", filepath.Join(dir, "z.gif")},
	} {
		code, out, errOut := run(t, args...)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "--") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if files, _ := os.ReadDir(dir); len(files) != 1 {
		t.Errorf("files after the failures: %v", files)
	}
	png := filepath.Join(dir, "iris.png")
	code, out, _ = run(t, "batch", "--demo", "iris", "--plain", "--plot", png)
	if fi, err := os.Stat(png); code != 0 || err != nil || fi.Size() < 1000 || !strings.Contains(out, "ROC AUC") {
		t.Errorf("batch --plot: exit %d, %v", code, err)
	}
}

// serve refuses bad flags with one line naming the flag, before listening.
func TestServeFlagErrors(t *testing.T) {
	key := filepath.Join(t.TempDir(), "key")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--max-sessions", "0"}, "--max-sessions"},
		{[]string{"--idle", "-1s"}, "--idle"},
		{[]string{"--idle", "soon"}, "--idle"},
		{[]string{"--hide", "triplet,legs"}, "--hide"},
		{[]string{"--scenario", "nope"}, "nope"},
		{[]string{"--state", "ll1_p_000000"}, "checksum"},
		{[]string{"--state", "ll1_p_9f9aea", "--scenario", "blog-case-1"}, "--state conflicts with --scenario"},
		{[]string{"--listen", "256.0.0.1:1"}, "--listen"},
		{[]string{"--lesson", "nope"}, "--lesson: no lesson is called \"nope\""},
		{[]string{"--lesson", "regimes", "--state", "ll1_p_9f9aea"}, "--lesson conflicts with --state"},
		{[]string{"--lesson", "regimes", "--hide", "chart,triplet"}, "--hide: a lesson shows and explains"},
	} {
		code, out, errOut := run(t, append([]string{"serve", "--host-key", key}, tc.args...)...)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tc.want) {
			t.Errorf("serve %v: exit %d, stdout %q, stderr %q; want one line naming %s", tc.args, code, out, errOut, tc.want)
		}
	}
}

// The host key is created 0600 once and read back the next time.
func TestHostKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "key")
	a, created, err := hostKey(path)
	if err != nil || !created {
		t.Fatalf("first: %v, created %v", err, created)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	b, created, err := hostKey(path)
	if err != nil || created || gossh.FingerprintSHA256(a.PublicKey()) != gossh.FingerprintSHA256(b.PublicKey()) {
		t.Errorf("second: %v, created %v, same key %v", err, created, gossh.FingerprintSHA256(a.PublicKey()) == gossh.FingerprintSHA256(b.PublicKey()))
	}
	os.WriteFile(path, []byte("not a key"), 0o600)
	if _, _, err := hostKey(path); err == nil {
		t.Errorf("a broken key was accepted")
	}
}

// A Chinese interface without --font gets English PNG labels and one line
// saying so; SVG needs no font and gets no line.
func TestPlotFontNote(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		file string
		note bool
	}{{"a.png", true}, {"b.pdf", true}, {"c.svg", false}} {
		var out, errb bytes.Buffer
		code := Run([]string{"eval", "--plot", filepath.Join(dir, tc.file)}, IO{In: strings.NewReader(""), Out: &out, Err: &errb, Lang: i18n.Chinese})
		hasNote := strings.Contains(errb.String(), "--font FILE")
		if code != 0 || hasNote != tc.note || strings.Count(errb.String(), "\n") > 1 {
			t.Errorf("%s: exit %d, stderr %q; want a note: %v", tc.file, code, errb.String(), tc.note)
		}
	}
}

// In Chinese, an SVG figure has Chinese labels; a PNG or PDF without
// --font gets English ones (Liberation has no Chinese glyphs), as the note
// says; with --font, Chinese.
func TestPlotLanguage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "zh.svg")
	var out, errb bytes.Buffer
	if code := Run([]string{"eval", "--plot", path}, IO{In: strings.NewReader(""), Out: &out, Err: &errb, Lang: i18n.Chinese}); code != 0 {
		t.Fatalf("exit %d, %s", code, errb.String())
	}
	if data, _ := os.ReadFile(path); !bytes.Contains(data, []byte("三元组损失随 d(a,n) 的变化")) || bytes.Contains(data, []byte("Triplet loss against")) {
		t.Errorf("the Chinese SVG has not its Chinese title")
	}
	zh := IO{Lang: i18n.Chinese}
	for _, tc := range []struct {
		pf   plotFlags
		want i18n.Lang
	}{
		{plotFlags{path: "a.svg"}, i18n.Chinese},
		{plotFlags{path: "a.png"}, i18n.English},
		{plotFlags{path: "a.pdf"}, i18n.English},
	} {
		st, err := tc.pf.style(zh)
		if err != nil || st.Printer.Lang() != tc.want {
			t.Errorf("%s: labels in %v, %v; want %v", tc.pf.path, st.Printer.Lang(), err, tc.want)
		}
	}
}

// train --plot draws the runs the JSON reports: the AUCs in the figure are
// the summary's, first and last; every run has its curve.
func TestTrainPlot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "train.svg")
	code, out, errOut := run(t, "train", "--data", "blobs", "--loss", "batch-hard", "--compare", "contrastive", "--steps", "40", "--every", "10", "--json", "--plot", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var first map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		m := decodeReport(t, line)
		if m["summary"] == true {
			first = m
			break
		}
	}
	if first == nil {
		t.Fatalf("no summary line in:\n%s", out)
	}
	auc := func(key string) string {
		return numfmt.Loss(first[key].(map[string]any)["auc"].(float64))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "batch-hard: pair distances, AUC " + auc("initial") + " at the start, " + auc("final") + " at the end"
	for _, w := range []string{want, "Training on blobs: the loss of each run", "batch-hard", "contrastive", "the embeddings at the end, by class"} {
		if !bytes.Contains(data, []byte(w)) {
			t.Errorf("the training figure lacks %q", w)
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not XML: %v", err)
		}
	}
}

// A training state string reopens the run exactly: from its step, the
// metrics are those of one uninterrupted run (same data, seed, batches,
// wrong labels).
func TestTrainStateReopens(t *testing.T) {
	base := []string{"train", "--loss", "batch-hard", "--compare", "contrastive", "--margin", "0.5", "--seed", "7", "--label-noise", "0.2", "--json"}
	_, out, _ := run(t, append(base, "--steps", "60")...)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	s, _ := decodeReport(t, lines[len(lines)-1])["state"].(string)
	if !strings.HasPrefix(s, "ll1_t_loss-batch-hard_cmp-contrastive_m-0.5_seed-7_ln-0.2_st-60_") {
		t.Fatalf("summary state %q", s)
	}
	_, whole, _ := run(t, append(base, "--steps", "90", "--every", "30")...)
	code, resumed, errOut := run(t, "train", "--state", s, "--steps", "30", "--every", "30", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	records := func(out string) []string {
		var keep []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if strings.Contains(l, `"step":60,`) || strings.Contains(l, `"step":90,`) {
				if !strings.Contains(l, `"summary"`) {
					keep = append(keep, l)
				}
			}
		}
		return keep
	}
	a, b := records(whole), records(resumed)
	if len(a) != 4 || strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("steps 60 and 90 differ:\nwhole run:\n%s\nfrom the state string:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
	// The summary's initial figures are the string's step's (they were
	// all 0), and the table's scale starts from its ratio, not from 1.
	for _, l := range strings.Split(strings.TrimSpace(resumed), "\n") {
		r := decodeReport(t, l)
		if r["summary"] != true {
			continue
		}
		initial, _ := r["initial"].(map[string]any)
		if step, loss := initial["step"], initial["loss"]; step != 60.0 || loss == 0.0 || !strings.Contains(a[0]+a[1], fmt.Sprintf(`"loss":%v,`, loss)) {
			t.Errorf("%v: initial step %v, loss %v; want step 60's:\n%s", r["run"], step, loss, strings.Join(a, "\n"))
		}
	}
	_, table, _ := run(t, "train", "--state", s, "--steps", "30", "--plain")
	if strings.Contains(table, "÷ step 0): 1.0000 →") {
		t.Errorf("the table's scale starts from 1 at step 60:\n%s", table)
	}
	for _, tc := range []struct{ args []string }{
		{[]string{"train", "--state", s, "--seed", "3"}},
		// The string carries these too: the flag would be dropped without a word.
		{[]string{"train", "--state", s, "--temperature", "0.5"}},
		{[]string{"train", "--state", s, "--similarity", "neg-distance"}},
		{[]string{"train", "--state", s, "--holdout", "0.5"}},
		{[]string{"train", "--state", s, "--holdout-classes", "2"}},
		{[]string{"train", "--state", s, "--label-noise", "0.1"}},
		{[]string{"train", "--state", "ll1_p_9f9aea"}},
		{[]string{"train", "--state", s[:len(s)-1]}},
		{[]string{"--state", s}},
	} {
		code, out, errOut := run(t, tc.args...)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "state") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", tc.args, code, out, errOut)
		}
	}
}

// A held-out run's figure shows the held-out classes' distances, with the
// AUC the summary reports.
func TestTrainPlotHeldOut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "train.svg")
	code, out, errOut := run(t, "train", "--data", "digits", "--model", "mlp", "--loss", "semi-hard", "--holdout-classes", "3", "--steps", "20", "--every", "20", "--json", "--plot", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var auc float64
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if m := decodeReport(t, line); m["summary"] == true {
			auc = m["heldout_auc"].(float64)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "semi-hard: held-out classes' pair distances at the end, AUC " + numfmt.Loss(auc) + ", same axis"
	if !strings.Contains(html.UnescapeString(string(data)), want) {
		t.Errorf("the figure lacks %q", want)
	}
}
