package cli

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"losslab/core/batch"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
)

// Every registered loss reaches eval's text and JSON with core's numbers,
// without this package naming it.
func TestEvalShowsEveryRegisteredLoss(t *testing.T) {
	code, text, _ := run(t, "eval", "--dap", "0.3", "--dan", "0.45", "--margin", "0.25")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	code, js, _ := run(t, "eval", "--dap", "0.3", "--dan", "0.45", "--margin", "0.25", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var rep struct {
		Losses map[string]struct {
			Value  float64
			Terms  []json.RawMessage
			Equals *struct{ Loss string }
		}
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	ev, err := loss.Evaluate(loss.Setting{DAP: 0.3, DAN: 0.45, Margin: 0.25, YAP: loss.Same, YAN: loss.Different})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Losses) != len(loss.Registry()) {
		t.Errorf("JSON has %d losses, the registry %d", len(rep.Losses), len(loss.Registry()))
	}
	var p i18n.Printer
	for _, r := range ev.Results {
		got, ok := rep.Losses[string(r.Loss.ID)]
		if !ok || got.Value != r.Value || len(got.Terms) != len(r.Terms) {
			t.Errorf("%s in JSON: %+v, core %v", r.Loss.ID, got, r.Value)
		}
		if (got.Equals != nil) != (r.Loss.Equals.ID != "") {
			t.Errorf("%s: equivalence missing", r.Loss.ID)
		}
		if r.Loss.Classic() {
			continue
		}
		line := lineWith(text, p.LossName(string(r.Loss.ID), r.Loss.Name))
		if !strings.Contains(line, r.Loss.Formula) || !strings.HasSuffix(line, "= "+numfmt.Loss(r.Value)) {
			t.Errorf("%s in text: %q", r.Loss.ID, line)
		}
	}
	// The teaching point: InfoNCE at τ = 1 is the soft-margin triplet.
	if !strings.Contains(text, "at τ = 1.00 this is the soft-margin triplet") {
		t.Errorf("text lacks the equivalence:\n%s", text)
	}
}

func lineWith(text, s string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return strings.TrimRight(l, " ")
		}
	}
	return ""
}

// Every registered loss and strategy reaches batch's text and JSON.
func TestBatchShowsEveryRegisteredLoss(t *testing.T) {
	code, text, _ := run(t, "batch", "--demo", "iris", "--plain")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	code, js, _ := run(t, "batch", "--demo", "iris", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var rep struct {
		ByLoss []batch.LossValue `json:"by_loss"`
		Losses batch.Losses
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, l := range loss.Registry() {
		want += len(batch.Strategies(l))
		if !strings.Contains(text, "\n  "+l.Name) {
			t.Errorf("text lacks %s", l.ID)
		}
	}
	if len(rep.ByLoss) != want {
		t.Errorf("by_loss has %d values, want %d", len(rep.ByLoss), want)
	}
	var p i18n.Printer
	for _, v := range rep.ByLoss {
		s := p.T(i18n.LossStrategy, p.MinerName(string(v.Miner)), p.ReducerName(string(v.Reducer)))
		if !strings.Contains(text, s+"  ") || !strings.Contains(text, numfmt.Loss(v.Value.Value)) {
			t.Errorf("text lacks %s %s = %s", v.Loss, s, numfmt.Loss(v.Value.Value))
		}
	}
	// The named keys scripts read agree with the registry's values.
	tv, _ := batch.Find(rep.ByLoss, loss.TripletID, batch.Strategy{Miner: batch.BatchHard, Reducer: batch.Mean})
	if math.Abs(tv.Value.Value-rep.Losses.BatchHard) > 0 || rep.Losses.BatchHard == 0 {
		t.Errorf("losses.batch_hard %v, by_loss %v", rep.Losses.BatchHard, tv.Value.Value)
	}
}

// --temperature sets τ for the losses that use one: at 1 InfoNCE is the
// soft-margin triplet (the teaching point, checked through the command);
// a τ that is not a positive finite number, or so small that the loss
// overflows, is a usage error naming the flag.
func TestTemperatureFlag(t *testing.T) {
	code, js, errOut := run(t, "eval", "--temperature", "1", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Losses map[string]struct {
			Value       float64
			Temperature *float64
		}
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	nce, soft := rep.Losses[string(loss.InfoNCEID)], rep.Losses[string(loss.SoftMarginID)]
	if nce.Temperature == nil || *nce.Temperature != 1 || math.Abs(nce.Value-soft.Value) > 1e-15 || soft.Value == 0 {
		t.Errorf("at τ = 1: infonce %+v, soft-margin %+v", nce, soft)
	}
	for _, bad := range []string{"0", "-1", "abc", "NaN", "Inf", "1e999"} {
		usageFails(t, []string{"eval", "--temperature", bad}, "--temperature")
		usageFails(t, []string{"batch", "--demo", "iris", "--temperature", bad}, "--temperature")
	}
	usageFails(t, []string{"eval", "--temperature", "5e-324", "--dap", "3", "--dan", "0"}, "--temperature")
	usageFails(t, []string{"eval", "--temperature", "5e-324"}, "--temperature")

	code, js, errOut = run(t, "batch", "--demo", "iris", "--temperature", "0.5", "--json")
	if code != 0 {
		t.Fatalf("batch: exit %d: %s", code, errOut)
	}
	var br struct {
		ByLoss []batch.LossValue `json:"by_loss"`
	}
	if err := json.Unmarshal([]byte(js), &br); err != nil {
		t.Fatal(err)
	}
	v, ok := batch.Find(br.ByLoss, loss.InfoNCEID, batch.Strategy{Miner: batch.AllPositives, Reducer: batch.Mean})
	if !ok || v.Temperature == nil || *v.Temperature != 0.5 {
		t.Errorf("batch --temperature 0.5: %+v", v)
	}
}
