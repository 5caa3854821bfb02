package tui

import (
	"strings"
	"testing"

	"losslab/core/batch"
	"losslab/i18n"
)

// The view says when its figures are a sample's estimates or binned, and
// says nothing of the kind when they are exact.
func TestBatchMethodNotes(t *testing.T) {
	exact := &batch.Result{Separation: batch.Separation{Method: batch.MethodExact}}
	if notes := methodNotes(i18n.New(i18n.English), exact); len(notes) != 0 {
		t.Errorf("exact result: %q", notes)
	}
	binned := &batch.Result{Separation: batch.Separation{Method: batch.MethodBinned, AUCErrorBound: 2e-6}}
	if notes := methodNotes(i18n.New(i18n.English), binned); len(notes) != 1 || !strings.Contains(notes[0], "within ±2e-06") {
		t.Errorf("binned result: %q", notes)
	}
	sampled := &batch.Result{Separation: batch.Separation{Method: batch.MethodBinned}, Sample: &batch.Sample{Anchors: 1000, Of: 60000, Seed: 1}}
	notes := methodNotes(i18n.New(i18n.English), sampled)
	if len(notes) != 1 || !strings.Contains(notes[0], "sampled: 1,000 of 60,000 anchors (seed 1)") {
		t.Errorf("sampled result: %q", notes)
	}
}
