package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"losslab/core/train"
)

// The summary carries the held-out figures, null for the free model, and
// the scale ratio; every step line carries recall_at_1.
func TestTrainJSONHeldOut(t *testing.T) {
	for _, c := range []struct {
		args     []string
		measured bool
	}{
		{[]string{"--model", "linear"}, true},
		{[]string{"--model", "mlp", "--data", "digits", "--holdout-classes", "3"}, true},
		{[]string{"--model", "free"}, false},
		{[]string{"--model", "linear", "--holdout", "0"}, false},
	} {
		lines := trainJSON(t, append([]string{"--steps", "20"}, c.args...)...)
		for _, l := range lines[:len(lines)-1] {
			if _, ok := l["recall_at_1"].(float64); !ok {
				t.Errorf("%v: a step line without recall_at_1: %v", c.args, l)
			}
		}
		s := lines[len(lines)-1]
		final := s["final"].(map[string]any)
		if s["scale_ratio"] != final["scale_ratio"] || s["scale_ratio"].(float64) <= 0 {
			t.Errorf("%v: scale_ratio %v, final %v", c.args, s["scale_ratio"], final["scale_ratio"])
		}
		for _, k := range []string{"heldout_auc", "heldout_recall_at_1", "heldout_map_at_r"} {
			v, present := s[k]
			if !present {
				t.Errorf("%v: no %s", c.args, k)
			}
			if _, isNumber := v.(float64); isNumber != c.measured {
				t.Errorf("%v: %s = %v, want a number: %v", c.args, k, v, c.measured)
			}
		}
	}
}

// --out and --out-heldout write files `batch --in` reads, with the AUC the
// summary reports for the same points.
func TestTrainOutRoundTrip(t *testing.T) {
	dir := t.TempDir()
	tr, heldOut := filepath.Join(dir, "train.csv"), filepath.Join(dir, "held.csv")
	lines := trainJSON(t, "--model", "mlp", "--data", "moons", "--loss", "semi-hard", "--steps", "40", "--out", tr, "--out-heldout", heldOut)
	s := lines[len(lines)-1]
	for _, c := range []struct {
		path string
		want float64
	}{{tr, s["final"].(map[string]any)["auc"].(float64)}, {heldOut, s["heldout_auc"].(float64)}} {
		code, out, errOut := run(t, "batch", "--in", c.path, "--json")
		if code != 0 {
			t.Fatalf("batch --in %s: exit %d: %s", c.path, code, errOut)
		}
		var res struct {
			Separation struct{ AUC float64 } `json:"separation"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("batch JSON: %v", err)
		}
		if res.Separation.AUC != c.want {
			t.Errorf("%s: batch AUC %v, train reported %v", filepath.Base(c.path), res.Separation.AUC, c.want)
		}
	}
	// A second run never writes over the files.
	code, _, errOut := run(t, "train", "--steps", "1", "--json", "--model", "linear", "--out", tr)
	if code != ExitUsage || !strings.Contains(errOut, "--out") || !strings.Contains(errOut, "exists") {
		t.Errorf("over an existing file: exit %d, %q", code, errOut)
	}
	code, _, errOut = run(t, "train", "--steps", "1", "--json", "--out-heldout", filepath.Join(dir, "free.csv"))
	if _, err := os.Stat(filepath.Join(dir, "free.csv")); code != ExitUsage || err == nil || !strings.Contains(errOut, "free model") || strings.Contains(errOut, "--holdout 0") {
		t.Errorf("held-out points of the free model: exit %d, %q, file %v; want the free model's reason alone", code, errOut, err)
	}
	// With --holdout 0 the reason is that, not the free model (the line gave both).
	code, _, errOut = run(t, "train", "--steps", "1", "--json", "--model", "linear", "--holdout", "0", "--out-heldout", filepath.Join(dir, "none.csv"))
	if code != ExitUsage || !strings.Contains(errOut, "--holdout 0") || strings.Contains(errOut, "free model") {
		t.Errorf("held-out points with --holdout 0: exit %d, %q; want its reason alone", code, errOut)
	}
}

func TestTrainHeldOutFlagErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--holdout", "0.9"}, "--holdout"},
		{[]string{"--holdout", "0.3", "--holdout-classes", "2", "--data", "digits"}, "--holdout-classes"},
		{[]string{"--holdout-classes", "1", "--data", "digits"}, "--holdout-classes"},
		{[]string{"--holdout-classes", "2", "--data", "moons"}, "(it has 2)"},
		{[]string{"--label-noise", "0.6"}, "--label-noise"},
		{[]string{"--label-noise", "-0.1"}, "--label-noise"},
		{[]string{"--label-noise", "x"}, "--label-noise"},
		{[]string{"--temperature", "0"}, "--temperature"},
		{[]string{"--similarity", "dot"}, "--similarity"},
		{[]string{"--steps", "100001"}, "100,000"},
	} {
		code, out, errOut := run(t, append([]string{"train", "--json"}, c.args...)...)
		if code != ExitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %.60q, stderr %q; want one line naming %s", c.args, code, out, errOut, c.want)
		}
	}
	if train.MaxSteps != maxTrainSteps {
		t.Errorf("the headless cap %d is not core's %d", maxTrainSteps, train.MaxSteps)
	}
}

// --label-noise reaches the summary: the share and the number of training
// labels the loss saw wrong, and a line of the table.
func TestTrainLabelNoiseOutput(t *testing.T) {
	code, out, errOut := run(t, "train", "--model", "mlp", "--label-noise", "0.1", "--steps", "2", "--every", "2", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var s struct {
		LabelNoise  *float64 `json:"label_noise"`
		Mislabelled *int     `json:"mislabelled"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &s); err != nil {
		t.Fatal(err)
	}
	// blobs: 300 points, 228 training (⌊0.25 × 75⌋ = 18 of each class held out)
	if s.LabelNoise == nil || *s.LabelNoise != 0.1 || s.Mislabelled == nil || *s.Mislabelled != 22 {
		t.Errorf("summary label_noise %v, mislabelled %v; want 0.1 and 22 (⌊0.1 × 228⌋)", s.LabelNoise, s.Mislabelled)
	}
	_, out, _ = run(t, "train", "--model", "mlp", "--label-noise", "0.1", "--steps", "2", "--every", "2", "--plain")
	if !strings.Contains(out, "label noise: 22 of 228 training labels wrong (10.0%)") {
		t.Errorf("the table does not say the labels wrong:\n%s", out)
	}
	_, out, _ = run(t, "train", "--model", "mlp", "--steps", "2", "--every", "2", "--plain")
	if strings.Contains(out, "label noise") {
		t.Errorf("without --label-noise the table speaks of it:\n%s", out)
	}
}
