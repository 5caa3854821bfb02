package trainview

import (
	"strings"
	"testing"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/statestr"
)

// The share panel says the real reason a run has no state string, for each
// kind of error statestr gives: data from a file, or a field it cannot
// spell (a step past its bound, a value out of range), in both languages;
// "data from a file" only for a file (it was said of every error).
func TestNoStringReason(t *testing.T) {
	file := train.NewConfig()
	file.Data = train.File
	steady := train.NewConfig()
	lr := train.NewConfig()
	lr.LR = train.MaxLR * 2
	for _, tc := range []struct {
		name string
		cfg  train.Config
		step int
		want func(p i18n.Printer) string
	}{
		{"file", file, 3, func(p i18n.Printer) string { return p.T(i18n.ShareTrainFile) }},
		{"step", steady, statestr.MaxTrainStep + 1, func(p i18n.Printer) string { return p.T(i18n.StateReasonTrainStep, statestr.MaxTrainStep) }},
		{"lr", lr, 3, func(p i18n.Printer) string { return "lr" }},
	} {
		for _, lang := range []i18n.Lang{i18n.English, i18n.Chinese} {
			p := i18n.New(lang)
			_, err := statestr.EncodeTraining(statestr.Training{Config: tc.cfg, Step: tc.step})
			if err == nil {
				t.Fatalf("%s: statestr spelled it", tc.name)
			}
			got := noStringReason(p, tc.cfg, err)
			if !strings.Contains(got, tc.want(p)) {
				t.Errorf("%s %v: %q, want it to say %q", tc.name, lang, got, tc.want(p))
			}
			if fileSaid := strings.Contains(got, p.T(i18n.ShareTrainFile)); fileSaid != (tc.cfg.Data == train.File) {
				t.Errorf("%s %v: %q speaks of a file: %v", tc.name, lang, got, fileSaid)
			}
		}
	}
}
