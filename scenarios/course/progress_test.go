package course

import (
	"errors"
	"os"
	"path/filepath"
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
