package scenarios

import (
	"errors"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
)

var recordedAt = time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)

// roundTrip encodes s's scenario, parses it back and checks every state and
// note; it returns the encoded file.
func roundTrip(t testing.TB, s *Session) []byte {
	t.Helper()
	sc := s.Scenario(i18n.Printer{}, recordedAt)
	data := Encode(sc)
	back, err := Parse("session.toml", data)
	if err != nil {
		t.Fatalf("a recorded session does not load: %v", err)
	}
	if back.Len() != s.Len() || back.Title != sc.Title || back.Description != sc.Description {
		t.Fatalf("round trip: %d states %q, want %d %q", back.Len(), back.Title, s.Len(), sc.Title)
	}
	for i := range back.Len() {
		if back.StateAt(i) != sc.StateAt(i) || back.NoteAt(i) != sc.NoteAt(i) {
			t.Fatalf("state %d: %+v %q, want %+v %q", i, back.StateAt(i), back.NoteAt(i), sc.StateAt(i), sc.NoteAt(i))
		}
	}
	return data
}

func TestSessionRecordsChangesAndPresetSwitches(t *testing.T) {
	s := NewSession(grid.Article(), "blog-case-1")
	a := grid.Article()
	if err := s.Record(a, "no change"); err != nil || s.Len() != 1 {
		t.Fatalf("an unchanged state was recorded: %v, %d", err, s.Len())
	}
	b := a.WithValue(grid.DAP, 60)
	if err := s.Record(b, "closer"); err != nil {
		t.Fatal(err)
	}
	c := Preset("collapse").Start
	if err := s.RecordPresetSwitch("collapse", c); err != nil {
		t.Fatal(err)
	}
	// A switch to a preset whose start is the current state still records.
	if err := s.RecordPresetSwitch("collapse", c); err != nil || s.Len() != 4 {
		t.Fatalf("repeated switch: %v, %d states", err, s.Len())
	}
	roundTrip(t, s)
	sc := s.Scenario(i18n.Printer{}, recordedAt)
	if sc.Name != "session-20260314-150926" || sc.Title != "Recorded session (started from the preset blog-case-1)" {
		t.Errorf("name %q title %q", sc.Name, sc.Title)
	}
	if got := sc.NoteAt(2); got != "Switched to the preset collapse: every value set to its start." || sc.StateAt(2) != c || len(sc.Steps[1].Set) != int(grid.NumFields) {
		t.Errorf("switch step: %q %+v", got, sc.Steps[1])
	}
	if sc.NoteAt(1) != "closer" || len(sc.Steps[0].Set) != 1 {
		t.Errorf("first step %+v", sc.Steps[0])
	}
	if NewSession(a, "").Scenario(i18n.Printer{}, recordedAt).Title != "Recorded session" {
		t.Error("a session without a preset names one")
	}
}

// Notes with characters TOML has no short escape for (\a, \v; strconv.Quote
// wrote those) or must not hold raw (ESC, C1, DEL) load back, sanitised as a
// loaded note is.
func TestSessionNotesWithControlCharacters(t *testing.T) {
	s := NewSession(grid.Article(), "")
	note := "bell\a vtab\v esc\x1b]0;title\x07 c1\u009b2J del\x7f quote\" back\\ tab\tline\r\nnext"
	if err := s.Record(grid.Article().WithValue(grid.DAN, 90), note); err != nil {
		t.Fatal(err)
	}
	data := roundTrip(t, s)
	if strings.Contains(string(data), `\a`) || strings.Contains(string(data), `\v`) {
		t.Errorf("file uses escapes TOML lacks:\n%s", data)
	}
	got := s.Scenario(i18n.Printer{}, recordedAt).NoteAt(1)
	if want := "bell? vtab? esc?]0;title? c1?2J del? quote\" back\\ tab line\nnext"; got != want {
		t.Errorf("note %q, want %q", got, want)
	}
}

// 10,000 changes fill a session; the next is refused and the file loads
// (writing more made a file replay refused).
func TestSessionFullAtStepLimit(t *testing.T) {
	s := NewSession(grid.Article(), "training")
	var err error
	for i := 0; err == nil; i++ {
		err = s.Record(grid.Article().WithValue(grid.DAP, grid.Hundredths(i%300+1)), "")
	}
	if !errors.Is(err, ErrSessionFull) || s.Len() != MaxSteps+1 || !s.Full() {
		t.Fatalf("after %d states: %v", s.Len(), err)
	}
	if err := s.Record(grid.Article(), ""); !errors.Is(err, ErrSessionFull) {
		t.Errorf("a full session recorded more: %v", err)
	}
	if err := s.RecordPresetSwitch("collapse", grid.Article()); !errors.Is(err, ErrSessionFull) {
		t.Errorf("a full session recorded a switch: %v", err)
	}
	roundTrip(t, s)
}

// Long notes fill a session before 10,000 steps; the file stays under the
// loader's 1 MiB.
func TestSessionFullAtByteLimit(t *testing.T) {
	s := NewSession(grid.Article(), strings.Repeat("p", 200))
	note := strings.Repeat("a \"quoted\" back\\slash\nline ", 40)
	var err error
	for i := 0; err == nil; i++ {
		if i%7 == 0 {
			err = s.RecordPresetSwitch(strings.Repeat("q", 300), grid.Article())
			continue
		}
		err = s.Record(grid.Article().WithValue(grid.DAN, grid.Hundredths(i%300)), note)
	}
	if s.Len() >= MaxSteps {
		t.Fatalf("%d states: the byte limit never applied", s.Len())
	}
	if data := roundTrip(t, s); len(data) > MaxFileBytes || len(data) < MaxFileBytes*9/10 {
		t.Errorf("a full session encodes to %d bytes, want close to but within %d", len(data), MaxFileBytes)
	}
}

// randomNote mixes the characters that trouble encoders: quotes,
// backslashes, controls, C1, invalid UTF-8, wide runes.
func randomNote(r *rand.Rand) string {
	alphabet := []string{"a", " ", "\"", "\\", "\n", "\r", "\t", "\a", "\v", "\x1b", "\x00", "\x7f", "\u0085", "\u009b", "\xff", "½", "²", "中", "'''", `"""`, "#", "=", "[[step]]"}
	var b strings.Builder
	for range r.IntN(40) {
		b.WriteString(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

func randomState(r *rand.Rand) grid.State {
	return grid.State{
		DAP: grid.Hundredths(r.IntN(301)), DAN: grid.Hundredths(r.IntN(301)), Margin: grid.Hundredths(r.IntN(201)),
		YAP: loss.Label(r.IntN(2)), YAN: loss.Label(r.IntN(2)),
	}
}

// Property: for random sessions, Encode then Parse gives the same states
// and notes.
func TestSessionRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		s := NewSession(randomState(r), []string{"", "blog-case-1", "collapse"}[r.IntN(3)])
		for range r.IntN(30) {
			var err error
			if r.IntN(10) == 0 {
				err = s.RecordPresetSwitch("semi-hard-band", randomState(r))
			} else {
				err = s.Record(randomState(r), randomNote(r))
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		roundTrip(t, s)
	}
}

func FuzzSessionRoundTrip(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6}, "note")
	f.Add([]byte{0, 0, 0, 0, 0, 255, 7}, "bell\a vtab\v esc\x1b[2J")
	f.Add([]byte{9, 200, 100, 1, 0}, "\"\"\"'''\\\n\r\t\xff\u0085")
	f.Fuzz(func(t *testing.T, ops []byte, note string) {
		s := NewSession(grid.Article(), "blog-case-1")
		for i := 0; i+5 <= len(ops); i += 5 {
			st := grid.State{DAP: grid.Hundredths(ops[i]) % 301, DAN: grid.Hundredths(ops[i+1]) % 301,
				Margin: grid.Hundredths(ops[i+2]) % 201, YAP: loss.Label(ops[i+3] % 2), YAN: loss.Label(ops[i+4] % 2)}
			var err error
			if ops[i]%16 == 0 {
				err = s.RecordPresetSwitch("collapse", st)
			} else {
				err = s.Record(st, note)
			}
			if err != nil && !errors.Is(err, ErrSessionFull) {
				t.Fatal(err)
			}
		}
		roundTrip(t, s)
	})
}

func TestSaveNewPicksAFreeName(t *testing.T) {
	dir := t.TempDir()
	sc := NewSession(grid.Article(), "").Scenario(i18n.Printer{}, recordedAt)
	for _, want := range []string{"session-20260314-150926.toml", "session-20260314-150926-2.toml"} {
		path, err := SaveNew(dir, sc)
		if err != nil || filepath.Base(path) != want {
			t.Fatalf("SaveNew = %s, %v; want %s", path, err, want)
		}
		if _, err := LoadFile(path); err != nil {
			t.Error(err)
		}
	}
}
