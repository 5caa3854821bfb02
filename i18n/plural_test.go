package i18n

import (
	"regexp"
	"testing"
)

// countedNoun matches a count argument followed by a plural noun
// ("%s steps", "of %[2]s terms").
var countedNoun = regexp.MustCompile(`%(\[\d+\])?[sd] (components|steps|fields|lessons|terms|classes|states|seconds|minutes|hours|rows|anchors|items|bytes|characters|strings|bins|pages|pairs)\b`)

// limitMessages count a fixed limit or sample of many things, never one,
// or classes (a data set has at least two), or bins only when they are
// merged (two or more), or name a miner ("%s pairs").
var limitMessages = map[ID]bool{
	BatchErrSampleSmall: true, BatchBinsMerged: true,
	ScenKeyTooLong: true, StateReasonTooLong: true, StateReasonVersion: true, BatchSource: true, BatchTextHeader: true, BatchTextHeaderNorm: true, TrainCollapseHard: true,
	ScenTooManySteps: true, ScenSessionFull: true, ScenTooLarge: true,
	ScenValueTooLong: true, LessonArrayTooLong: true, LessonChoicesCount: true,
	CLIErrBins: true, BatchErrMaxRows: true,
	BatchSampled: true, BatchViewSampled: true, BatchSlowAutoSample: true, BatchSlowAll: true,
	BatchExact: true, BatchBinned: true, BatchBinnedSample: true, BatchSampleTooLarge: true,
	DataLineTooLong: true, DataRowTooLong: true, DataTooManyBytes: true, DataTooManyRows: true, DataTooManyColumns: true,
	CLIErrTooManyRows: true, SizeBytes: true, TrainPickDataShape: true,
}

func TestCountMessagesHaveSingular(t *testing.T) {
	for id, en := range english {
		if countedNoun.MatchString(en) && !limitMessages[id] {
			if _, ok := englishOne[id]; !ok {
				t.Errorf("%s counts things (%q) but has no singular text in englishOne", id, en)
			}
		}
	}
	for id, one := range englishOne {
		en, ok := english[id]
		if !ok {
			t.Errorf("%s has a singular text but no English one", id)
			continue
		}
		if a, b := verbsByArg(en), verbsByArg(one); a != b {
			t.Errorf("%s: plural takes %s, singular %s", id, a, b)
		}
	}
}

func TestPrinterN(t *testing.T) {
	en, zh := New(English), New(Chinese)
	if got := en.N(ScenSessionWrote, 1, "a.toml", "1"); got != "wrote a.toml (1 step)" {
		t.Errorf("one: %q", got)
	}
	if got := en.N(ScenSessionWrote, 2, "a.toml", "2"); got != "wrote a.toml (2 steps)" {
		t.Errorf("two: %q", got)
	}
	if got := en.N(ScenSessionWrote, 0, "a.toml", "0"); got != "wrote a.toml (0 steps)" {
		t.Errorf("zero: %q", got)
	}
	if got, want := zh.N(ScenSessionWrote, 1, "a.toml", "1"), zh.T(ScenSessionWrote, "a.toml", "1"); got != want {
		t.Errorf("Chinese one: %q, want %q", got, want)
	}
}
