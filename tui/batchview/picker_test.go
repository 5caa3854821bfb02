package batchview

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"losslab/core/batch"
	"losslab/core/dist"
	"losslab/tui/common"
	"losslab/tui/internal/tuitest"
)

// typeText sends text to a test program key by key.
func typeText(tm *teatest.TestModel, text string) {
	for _, r := range text {
		tm.Send(tuitest.Key(string(r)))
	}
}

// i opens another data set without restarting, as a user meets it: a demo,
// then a path that is wrong in each of the usual ways (one line each, the
// picker staying open, the view alive), then a file that loads.
func TestBatchOpenFlow(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir) // short paths to type
	good := "four.csv"
	if err := os.WriteFile(good, []byte("x,label\n0,a\n1,a\n5,b\n6,b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	single := "single.csv"
	if err := os.WriteFile(single, []byte("0,a\n1,a\n5,b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("folder.csv", 0o755); err != nil {
		t.Fatal(err)
	}
	m := New(common.DefaultContext(), spread(), batch.Options{Metric: dist.Euclidean, Margin: 0.2})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 34))
	tuitest.WaitText(t, tm, "spread.csv · 4 × 1 · 2 classes")

	tm.Send(tuitest.Key("i"))
	tuitest.WaitAll(t, tm, "open a data set", "demo digits", "demo iris", "a file:")
	tm.Send(tuitest.Key("down")) // digits, then iris
	tm.Send(tuitest.Key("enter"))
	tuitest.WaitAll(t, tm, "demo iris · 150 × 4 · 3 classes", "AUC 0.9397") // one wait: the two may come in one read

	tm.Send(tuitest.Key("i"))
	tm.Send(tuitest.Key("down")) // from iris, the row last chosen, to the file row
	for _, c := range []struct{ path, want string }{
		{"nope.csv", "nope.csv: no such file"},
		{"notes.txt", "notes.txt: not a .csv, .tsv or .tab file"},
		{"folder.csv", "folder.csv: not a regular file (a directory)"},
		{single, `single.csv:3: label "b" has a single sample`},
	} {
		tm.Send(tuitest.Key("ctrl+u"))
		typeText(tm, c.path)
		tm.Send(tuitest.Key("enter"))
		tuitest.WaitText(t, tm, "✗ "+c.want) // the picker stays open, the view on iris
	}
	tm.Send(tuitest.Key("ctrl+u"))
	typeText(tm, good)
	tm.Send(tuitest.Key("enter"))
	tuitest.WaitText(t, tm, "AUC 1.0000")
	tm.Send(tuitest.Key("q"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if fm.picker.open || fm.InputError() != nil || fm.data.Source != good || !strings.Contains(fm.View(), "four.csv · 4 × 1 · 2 classes") {
		t.Errorf("after opening %s: picker %v, error %v, source %q", good, fm.picker.open, fm.InputError(), fm.data.Source)
	}
}

// In a served session the picker offers the demos only (the files are the
// server's); in a lesson the step names its data set and i is off; esc
// closes the picker.
func TestBatchOpenWhereFilesAreNotOurs(t *testing.T) {
	ctx := common.DefaultContext()
	ctx.Share.NoFiles = true
	m := pressAll(t, view(t, tuitest.Iris(t), 0.2, 100, 34), "i")
	if !strings.Contains(m.View(), "a file:") {
		t.Fatal("a local view has no file row")
	}
	if m = pressAll(t, m, "esc"); m.picker.open {
		t.Error("esc left the picker open")
	}
	next, _ := New(ctx, tuitest.Iris(t), batch.Options{Margin: 0.2}).Update(tea.WindowSizeMsg{Width: 100, Height: 34})
	served := pressAll(t, next.(*Model), "i")
	if v := served.View(); !strings.Contains(v, "demo iris") || strings.Contains(v, "a file:") {
		t.Errorf("served picker:\n%s", v)
	}
	lesson := New(common.DefaultContext().ForLesson(), tuitest.Iris(t), batch.Options{Margin: 0.2})
	if lesson = pressAll(t, lesson, "i"); lesson.picker.open {
		t.Error("i opened the picker in a lesson")
	}
}
