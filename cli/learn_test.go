package cli

import (
	"encoding/json"
	"losslab/scenarios/curriculum"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"losslab/scenarios"
	"losslab/tui/course"
)

// eval --json carries the five conventions with core/loss's values.
func TestEvalConventionsJSON(t *testing.T) {
	code, out, _ := run(t, "eval", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	m := decodeReport(t, out)
	want := map[string]float64{"article": 0.1225, "hadsell": 0.245, "tfa": 0.245, "pml": 0.7, "torch_hinge": 0.35}
	convs := lookup(t, m, "conventions").(map[string]any)
	if len(convs) != len(want) {
		t.Errorf("conventions %v", convs)
	}
	for id, w := range want {
		if got := lookup(t, m, "conventions."+id+".loss").(float64); math.Abs(got-w) > 1e-12 {
			t.Errorf("%s = %v, want %v", id, got, w)
		}
		for _, k := range []string{"formula", "label_meaning"} {
			if s, _ := lookup(t, m, "conventions."+id+"."+k).(string); s == "" {
				t.Errorf("%s has no %s", id, k)
			}
		}
	}
	// From vectors the conventions use the computed distances.
	_, out, _ = run(t, "eval", "--anchor", "0,0", "--positive", "0.7,0", "--negative", "0.5,0", "--json")
	if got := lookup(t, decodeReport(t, out), "conventions.torch_hinge.loss").(float64); math.Abs(got-0.35) > 1e-12 {
		t.Errorf("from vectors torch_hinge = %v", got)
	}
	_, text, _ := run(t, "eval")
	for _, id := range []string{"article", "hadsell", "tfa", "pml", "torch_hinge"} {
		if !strings.Contains(text, "  "+id+" ") {
			t.Errorf("the text table lacks %s", id)
		}
	}
}

func TestLessonsCommand(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	code, out, _ := run(t, "lessons", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var list []LessonEntry
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	questions := 0
	// One count everywhere: article-cases is its description and three
	// [[step]]s, and its header says "step 1/4".
	if list[0].ID != "article-cases" || list[0].Steps != 4 {
		t.Errorf("article-cases has %d steps, the lesson header counts 4", list[0].Steps)
	}
	for _, l := range list {
		if l.ID == "" || l.Title == "" || l.Steps < 1 {
			t.Errorf("entry %+v", l)
		}
		for _, c := range l.Covers {
			covered[c] = true
		}
		questions += l.Questions
	}
	for _, p := range curriculum.TeachingPoints() {
		if !covered[p] {
			t.Errorf("no lesson covers %s", p)
		}
	}
	if len(list) != len(curriculum.Lessons()) || questions < 10 {
		t.Errorf("%d lessons, %d questions", len(list), questions)
	}
	code, text, _ := run(t, "lessons")
	if code != 0 || !strings.Contains(text, "article-cases       4      2") || !strings.Contains(text, "why-margin, collapse") {
		t.Errorf("text: exit %d\n%s", code, text)
	}
}

func TestLearnCommand(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	path := filepath.Join(state, "losslab", "progress.json")
	p := curriculum.Progress{Completed: []string{"regimes"}}
	for q := range curriculum.Lesson("regimes").Questions() {
		p.Record("regimes", q, curriculum.Right)
	}
	p.Record("two-losses", 0, curriculum.Wrong)
	if err := p.Save(path); err != nil {
		t.Fatal(err)
	}
	// Off a terminal: the list, with the mastered lesson marked and each
	// answered lesson's score, as the course's list shows them.
	code, out, _ := run(t, "learn")
	if code != 0 || !regexp.MustCompile(`✓ 4 +regimes +4 +4/4 `).MatchString(out) || !regexp.MustCompile(`· 1 +article-cases +2 +The`).MatchString(out) || !regexp.MustCompile(`· 3 +two-losses +2 +0/2 `).MatchString(out) {
		t.Errorf("learn off a terminal: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "learn", "--reset")
	if code != 0 || !strings.Contains(out, path) {
		t.Errorf("--reset: exit %d %q", code, out)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("--reset left the progress: %v", err)
	}
	// A user's lesson file: errors name file:line and exit 2, stdout empty.
	bad := filepath.Join(t.TempDir(), "mine.toml")
	os.WriteFile(bad, []byte("name = \"mine\"\ntitle = \"Mine\"\n[start]\ndap = 0.1\ndan = 0.2\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n[[step]]\nquestion = \"?\"\nanswer = 1\n"), 0o644)
	code, out, errOut := run(t, "learn", bad)
	if code != 2 || out != "" || !strings.Contains(errOut, "mine.toml:10:") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("bad lesson: exit %d, out %q, err %q", code, out, errOut)
	}
	for _, args := range [][]string{{"learn", "a.toml", "b.toml"}, {"learn", "--reset", "a.toml"}, {"learn", "--nope"}, {"lessons", "extra"}} {
		code, out, errOut := run(t, args...)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, out %q, err %q", args, code, out, errOut)
		}
	}
	good := filepath.Join(t.TempDir(), "good.toml")
	os.WriteFile(good, []byte("name = \"mine\"\ntitle = \"Mine\"\n[start]\ndap = 0.1\ndan = 0.2\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n[[step]]\nquestion = \"?\"\nanswer = 0.1\nexplain = \"e\"\n"), 0o644)
	code, out, _ = run(t, "learn", good)
	if code != 0 || !strings.Contains(out, "mine") || strings.Contains(out, "article-cases") {
		t.Errorf("own lesson off a terminal: exit %d\n%s", code, out)
	}
	if !slices.Contains(commandNames(), "learn") || !slices.Contains(commandNames(), "lessons") {
		t.Errorf("commands: %v", commandNames())
	}
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

// The course reached with g from the playground (or from any mode) keeps
// its progress in the same file as `losslab learn`; a user's own lesson
// file keeps none.
func TestCourseProgressFromEveryMode(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	want := filepath.Join(state, "losslab", "progress.json")
	if got := withCourseProgress(course.Config{}).ProgressPath; got != want {
		t.Errorf("the playground's course keeps progress at %q, want %q", got, want)
	}
	own := course.Config{Lessons: []*scenarios.Scenario{curriculum.Lessons()[0]}, Open: true}
	if got := withCourseProgress(own).ProgressPath; got != "" {
		t.Errorf("a user's lesson file keeps progress at %q", got)
	}
}

// lessons --json reports each lesson's state from the progress saved under
// the current $XDG_STATE_HOME: finished or not, mastered (finished with
// every question right, the list's ✓) or not, and how many questions were
// answered right; a progress file it cannot read is one line on stderr.
func TestLessonsJSONReportsSavedProgress(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	path := filepath.Join(state, "losslab", "progress.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	file := `{"version": 2, "completed": ["article-cases", "regimes"], "lesson": "regimes", "step": 6,
	  "answers": {"article-cases": ["right", "retry"], "regimes": ["right", "wrong", "skipped", "retry"], "two-losses": ["right"]}}`
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "lessons", "--json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var list []LessonEntry
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		completed, mastered bool
		correct             int
	}{"article-cases": {true, true, 2}, "regimes": {true, false, 2}, "two-losses": {false, false, 1}, "batches": {false, false, 0}}
	for _, l := range list {
		if w, ok := want[l.ID]; ok && (l.Completed != w.completed || l.Mastered != w.mastered || l.Correct != w.correct) {
			t.Errorf("%s: completed %v mastered %v correct %d, want %v %v %d", l.ID, l.Completed, l.Mastered, l.Correct, w.completed, w.mastered, w.correct)
		}
		if l.Correct > l.Questions {
			t.Errorf("%s: %d of %d right", l.ID, l.Correct, l.Questions)
		}
	}
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = run(t, "lessons", "--json")
	if code != 0 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "not started") || !strings.Contains(out, `"completed": false`) {
		t.Errorf("an unreadable progress file: exit %d, stderr %q", code, errOut)
	}
}
