package curriculum

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestProgressRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "losslab", "progress.json")
	p, err := LoadProgress(path)
	if err != nil || p.Done("regimes") || p.Lesson != "" {
		t.Fatalf("no file: %+v, %v", p, err)
	}
	p.Complete("article-cases")
	p.Complete("article-cases")
	p.Lesson, p.Step = "regimes", 3
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	back, err := LoadProgress(path)
	if err != nil || !back.Done("article-cases") || len(back.Completed) != 1 || back.Lesson != "regimes" || back.Step != 3 {
		t.Fatalf("loaded %+v, %v", back, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := ResetProgress(path); err != nil {
		t.Fatal(err)
	}
	if err := ResetProgress(path); err != nil {
		t.Errorf("resetting twice: %v", err)
	}
	if p, _ := LoadProgress(path); p.Done("article-cases") {
		t.Error("reset kept the progress")
	}
}

func TestProgressBadFile(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"garbage": "{not json", "negative": `{"step": -4}`, "huge": string(make([]byte, maxProgressBytes+2))} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadProgress(path); !errors.Is(err, ErrBadProgress) {
			t.Errorf("%s: %v, want ErrBadProgress", name, err)
		}
	}
}

func TestProgressPath(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/x/state")
	if p, _ := ProgressPath(); p != "/x/state/losslab/progress.json" {
		t.Errorf("with XDG_STATE_HOME: %s", p)
	}
	t.Setenv("XDG_STATE_HOME", "relative")
	t.Setenv("HOME", "/home/l")
	if p, _ := ProgressPath(); p != "/home/l/.local/state/losslab/progress.json" {
		t.Errorf("relative XDG_STATE_HOME is ignored: %s", p)
	}
}

// Two learners' processes (two `learn`s at once) each load the progress,
// finish a lesson and save: neither completion is lost, and the last
// position saved is the one kept.
func TestProgressSavesMerge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	a, _ := LoadProgress(path)
	b, _ := LoadProgress(path)
	a.Complete("article-cases")
	if err := a.Save(path); err != nil {
		t.Fatal(err)
	}
	b.Complete("regimes")
	b.Lesson, b.Step = "why-margin", 2
	if err := b.Save(path); err != nil {
		t.Fatal(err)
	}
	got, err := LoadProgress(path)
	if err != nil || !got.Done("article-cases") || !got.Done("regimes") || got.Lesson != "why-margin" || got.Step != 2 {
		t.Errorf("after both saves: %+v, %v; want both lessons done, at why-margin step 2", got, err)
	}
}

// Many savers at once, each with its own completion: every one is in the
// file at the end (each save reads, merges and writes under one lock).
func TestProgressConcurrentSavesLoseNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	const savers = 16
	var wg sync.WaitGroup
	errs := make(chan error, savers)
	for i := range savers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := LoadProgress(path)
			if err != nil {
				errs <- err
				return
			}
			p.Complete(fmt.Sprintf("lesson-%d", i))
			errs <- p.Save(path)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := LoadProgress(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range savers {
		if name := fmt.Sprintf("lesson-%d", i); !got.Done(name) {
			t.Errorf("%s was lost: %v", name, got.Completed)
		}
	}
}

// The file says its version. One from before versions loads as version 1;
// one from a later losslab is neither read nor overwritten.
func TestProgressVersions(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, file string
		loads      bool
	}{
		{"unversioned", `{"completed": ["regimes"], "lesson": "batches", "step": 2}`, true},
		{"version 1", `{"version": 1, "completed": ["regimes"], "lesson": "batches", "step": 2}`, true},
		{"version 2", `{"version": 2, "completed": ["regimes"], "lesson": "batches", "step": 2, "answers": {"regimes": ["right", "wrong"]}}`, true},
		{"version 3", `{"version": 3, "completed": ["regimes"], "scores": {"regimes": [1, 0]}}`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".json")
			if err := os.WriteFile(path, []byte(c.file), 0o600); err != nil {
				t.Fatal(err)
			}
			p, err := LoadProgress(path)
			if c.loads {
				if err != nil || !p.Done("regimes") || p.Lesson != "batches" || p.Version != progressVersion {
					t.Errorf("loaded %+v, %v", p, err)
				}
				return
			}
			if !errors.Is(err, ErrNewerProgress) {
				t.Errorf("loading a later version: %v, want ErrNewerProgress", err)
			}
			if err := (Progress{Completed: []string{"batches"}}).Save(path); !errors.Is(err, ErrNewerProgress) {
				t.Errorf("saving over a later version: %v, want ErrNewerProgress", err)
			}
			if b, _ := os.ReadFile(path); string(b) != c.file {
				t.Errorf("the later version's file was changed: %s", b)
			}
		})
	}
}

// A file that cannot be read as progress is replaced by the next save, as
// the learner was told ("starting afresh"); what is saved says its version.
func TestProgressSaveReplacesAnUnreadableFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := (Progress{Completed: []string{"regimes"}}).Save(path); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if p, err := LoadProgress(path); err != nil || !p.Done("regimes") || !strings.Contains(string(b), `"version": 2`) {
		t.Errorf("after saving: %s (%+v, %v)", b, p, err)
	}
}

// Answers are saved per lesson and question; mastery needs every question
// right (first try or retry) and the lesson finished; a file with an
// outcome this losslab does not know is not half believed.
func TestProgressAnswersAndMastery(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	var p Progress
	p.Record("regimes", 0, Right)
	p.Record("regimes", 2, RightRetry)
	p.Record("regimes", 3, Skipped)
	p.Complete("regimes")
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	got, err := LoadProgress(path)
	if err != nil {
		t.Fatal(err)
	}
	if c := got.Correct("regimes", 4); c != 2 {
		t.Errorf("correct = %d, want 2", c)
	}
	if m := got.Missed("regimes", 4); !slices.Equal(m, []int{1, 3}) {
		t.Errorf("missed = %v, want [1 3]", m)
	}
	if got.Mastered("regimes", 4) {
		t.Error("mastered with a skipped and an unanswered question")
	}
	got.Record("regimes", 1, RightRetry)
	got.Record("regimes", 3, Right)
	if !got.Mastered("regimes", 4) || got.Mastered("batches", 2) {
		t.Errorf("mastery wrong after retrying: %+v", got)
	}
	if err := os.WriteFile(path, []byte(`{"version": 2, "completed": [], "answers": {"regimes": ["perfect"]}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadProgress(path); !errors.Is(err, ErrBadProgress) {
		t.Errorf("an unknown outcome: %v, want ErrBadProgress", err)
	}
}

// Two processes answering different questions lose neither's answers; an
// answer given since loading wins over the file's older one.
func TestProgressMergesAnswers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	var first Progress
	first.Record("regimes", 0, Wrong)
	if err := first.Save(path); err != nil {
		t.Fatal(err)
	}
	a, _ := LoadProgress(path)
	b, _ := LoadProgress(path)
	a.Record("regimes", 0, RightRetry) // a retries the question it missed
	if err := a.Save(path); err != nil {
		t.Fatal(err)
	}
	b.Record("batches", 1, Right) // b, loaded before a saved, answers elsewhere
	if err := b.Save(path); err != nil {
		t.Fatal(err)
	}
	got, err := LoadProgress(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Outcome("regimes", 0) != RightRetry || got.Outcome("batches", 1) != Right {
		t.Errorf("merged answers %v", got.Answers)
	}
}
