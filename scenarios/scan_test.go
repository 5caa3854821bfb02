package scenarios

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

const hostileHead = "name = \"x\"\ntitle = \"t\"\n"

// hostileShapes are the files that cost the TOML decoder seconds and
// gigabytes (nesting, long dotted keys) or that it reported without a line,
// at the size given. Each must be refused at the line named.
func hostileShapes(size int) []struct {
	name string
	data string
	line int
	want string
} {
	n := size / 8
	return []struct {
		name string
		data string
		line int
		want string
	}{
		{"nested inline tables", hostileHead + "[start]\ndap = " + strings.Repeat("{a = ", n) + "1" + strings.Repeat("}", n) + "\n", 4, "dap is an inline table"},
		{"nested arrays", hostileHead + "[start]\ndap = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n", 4, "dap is an array"},
		{"long dotted key", hostileHead + strings.Repeat("a.", n) + "a = 1\n", 3, "a key longer than 64 bytes"},
		{"long dotted header", hostileHead + "[" + strings.Repeat("a.", n) + "a]\n", 3, "a key longer than 64 bytes"},
		{"long bare key", hostileHead + strings.Repeat("k", size) + " = 1\n", 3, "a key longer than 64 bytes"},
		{"long bare value", hostileHead + "[start]\ndap = " + strings.Repeat("1", size) + "\n", 4, "longer than 64 characters"},
		{"unknown inline table", hostileHead + "x = " + strings.Repeat("{a = ", n) + "1" + strings.Repeat("}", n) + "\n", 3, "unknown key x"},
		{"too many steps", hostileHead + "[start]\ndap = 0.1\n" + strings.Repeat("[[step]]\n", MaxSteps+1), 10005, "more than 10,000 steps"},
		{"unclosed text", hostileHead + "description = \"\"\"" + strings.Repeat("x\n", n), 3, "not closed before the end of the file"},
	}
}

func TestHostileFilesAreRefusedWithTheirLine(t *testing.T) {
	for _, c := range hostileShapes(40 << 10) {
		_, err := Parse("h.toml", []byte(c.data))
		var fe *FileError
		if !errors.As(err, &fe) || fe.Line != c.line || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %.200v, want line %d and %q", c.name, err, c.line, c.want)
			continue
		}
		if len(err.Error()) > 300 {
			t.Errorf("%s: a %d-byte error message", c.name, len(err.Error()))
		}
	}
}

// Shapes that valid TOML allows but the scenario format does not use, and
// type mismatches, each at its line (they gave "toml: line 3 (last key …)"
// or no line at all).
func TestShapesOutsideTheFormat(t *testing.T) {
	start := "[start]\ndap = 0.7\ndan = 0.5\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n"
	for _, c := range []struct {
		name, text string
		line       int
		want       string
	}{
		{"sub-table", hostileHead + start + "[start.extra]\nx = 1\n", 9, "sub-tables are not part"},
		{"dotted key", hostileHead + "start.dap = 0.7\n", 3, "dotted keys are not part"},
		{"dotted key in a table", hostileHead + start + "[[step]]\nnote.x = \"a\"\n", 10, "dotted keys"},
		{"inline start", hostileHead + "start = {dap = 0.7}\n", 3, "start must be a table"},
		{"step as a value", hostileHead + start + "step = 3\n", 9, "unknown key start.step"},
		{"top-level step value", hostileHead + "step = 3\n" + start, 3, "step must be a table"},
		{"single-bracket step", hostileHead + start + "[step]\ndap = 0.1\n", 9, "write [[step]], not [step]"},
		{"array start", hostileHead + "[[start]]\n", 3, "write [start], not [[start]]"},
		{"unknown table", hostileHead + "[colours]\n", 3, "unknown table colours"},
		{"start twice", hostileHead + start + start, 9, "[start] appears twice (first at line 3)"},
		{"key twice", hostileHead + "title = \"u\"\n", 3, "title is given twice (first at line 2)"},
		{"array value", hostileHead + start + "[[step]]\nnote = [\"a\"]\n", 10, "note is an array"},
		{"date value", hostileHead + strings.Replace(start, "dap = 0.7", "dap = 1979-05-27", 1), 4, "dap must be a number, not a date or time"},
		{"bool label", hostileHead + strings.Replace(start, "y_ap = \"same\"", "y_ap = true", 1), 7, "y_ap must be \"same\" or \"different\", not a boolean"},
		{"two values on a line", hostileHead + "title2 = 1 x = 2\n", 3, "unknown key title2"},
		{"text after value", hostileHead + start + "[[step]]\ndap = 0.1 dan = 0.2\n", 10, "unexpected \"dan = 0.2\" after the value"},
		{"string over lines", hostileHead + "description = \"a\nb\"\n", 3, "not closed on its line"},
		{"escaped key", hostileHead + "\"d\\u0061p\" = 1\n", 3, "escapes in keys"},
		{"bad escape", hostileHead + "description = \"\\q\"\n", 3, "TOML syntax"},
		{"unclosed header", hostileHead + "[start\n", 3, "not closed with ]"},
		{"no value", hostileHead + "description =\n", 3, "description has no value"},
		{"no equals", hostileHead + "description \"x\"\n", 3, "expected = after the key description"},
		{"after multi-line text", hostileHead + "description = \"\"\"a\nb\nc\"\"\"\n[start]\ndap = [1]\n", 7, "dap is an array"},
	} {
		_, err := Parse("f.toml", []byte(c.text))
		var fe *FileError
		if !errors.As(err, &fe) || fe.Line != c.line || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "f.toml:") {
			t.Errorf("%s: %v, want f.toml:%d: …%q", c.name, err, c.line, c.want)
		}
	}
}

// What the format does use still parses, in every spelling TOML allows.
func TestScanAcceptsTheFormat(t *testing.T) {
	text := "\uFEFF# a comment\r\nname = 'quoted-name' # comment\r\n\"title\" = \"\"\"a \"\"quoted\"\" \\\n   title\"\"\"\n" +
		"description = '''two\nlines'''\n\n  [ start ]  # the start\n\tdap = 0.7\ndan = 5e-1\nmargin = 0.2\ny_ap = \"same\"\ny_an = \"different\"\n" +
		"[[ step ]]\nnote = \"\"\"ends with a quote\"\"\"\"\ndap = 0.6\n"
	text = strings.Replace(text, "'quoted-name'", "\"my-case\"", 1)
	s, err := Parse("ok.toml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != `a ""quoted"" title` || s.Description != "two\nlines" || s.NoteAt(1) != `ends with a quote"` || s.StateAt(1).DAP != 60 {
		t.Errorf("parsed %+v", s)
	}
}

// Titles, descriptions and notes cannot carry escape sequences to a terminal.
func TestTextsAreSanitised(t *testing.T) {
	text := strings.Replace(valid, `title = "T"`, `title = "\u001b]0;pwned\u0007T\u001b[2J"`, 1)
	text = strings.Replace(text, `note = "closer"`, "note = \"\"\"one\u0085\nline\\u009b31m two\\r\\n\"\"\"", 1)
	text = strings.Replace(text, "[start]", "description = \"tab\\there\\u001b[H\"\n[start]", 1)
	s, err := Parse("esc.toml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range []string{s.Title, s.Description, s.NoteAt(1)} {
		for _, r := range got {
			if r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f {
				t.Errorf("%q keeps control character %U", got, r)
			}
		}
	}
	if s.Title != "?]0;pwned?T?[2J" || s.Description != "tab here?[H" {
		t.Errorf("title %q, description %q", s.Title, s.Description)
	}
}

// checkLayoutMatchesDecoder fails when the scan and the decoder disagree on
// a file's structure: the scan must see every key the decoder sees, where
// the decoder sees it, or hostile structure could slip past it.
func checkLayoutMatchesDecoder(t *testing.T, data []byte) {
	lay, err := scan("f.toml", data)
	if err != nil {
		return
	}
	var raw map[string]any
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return
	}
	if steps, _ := raw[sectionStep].([]map[string]any); len(steps) != lay.steps {
		t.Fatalf("decoder sees %d steps, scan %d", len(steps), lay.steps)
	}
	step := -1 // the decoder lists each [[step]] header, then its keys
	for _, k := range md.Keys() {
		section, index, key := sectionTop, 0, k[0]
		switch {
		case len(k) == 1 && k[0] == sectionStep:
			step++
			continue
		case len(k) == 1 && k[0] == sectionStart:
			continue
		case len(k) == 2:
			section, key = k[0], k[1]
		case len(k) != 1:
			t.Fatalf("decoder sees nested key %v", k)
		}
		if section == sectionStep {
			index = step
		}
		if !slices.Contains(knownKeys(section), key) {
			t.Fatalf("scan passed %v, a key the format lacks", k)
		}
		if _, ok := lay.lines[position{section, index, key}]; !ok {
			t.Fatalf("decoder sees %v (step %d), the scan does not", k, index)
		}
	}
	if step+1 != lay.steps {
		t.Fatalf("decoder lists %d step headers, scan %d", step+1, lay.steps)
	}
}

func FuzzScanAgreesWithDecoder(f *testing.F) {
	for _, c := range hostileShapes(256) {
		f.Add([]byte(c.data))
	}
	f.Add([]byte(valid))
	f.Add([]byte("name = \"a\"\ntitle = \"\"\"x\"\"\"\"\"\n[start]\ndap = 1\n"))
	f.Add([]byte("title = '''a\n'''\n[start]\ndap = \"\\\"\"\n"))
	f.Add([]byte(lessonHead + trainStep))
	f.Fuzz(func(t *testing.T, data []byte) { checkLayoutMatchesDecoder(t, data) })
}

// Target: any file up to MaxFileBytes is accepted or refused in well under
// a second (the decoder alone took 19 s and 5 GB on a 40 KB dotted key).
func BenchmarkParseHostile1MiB(b *testing.B) {
	for _, c := range hostileShapes(MaxFileBytes - 1024) {
		if len(c.data) > MaxFileBytes {
			continue
		}
		b.Run(strings.ReplaceAll(c.name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if _, err := Parse("h.toml", []byte(c.data)); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}

// Target: the largest valid file (10,000 steps with notes, about 1 MiB)
// parses in well under a second.
func BenchmarkParseLargestValid(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(valid)
	for i := range MaxSteps - 1 {
		fmt.Fprintf(&sb, "[[step]]\ndap = %d.%02d\nnote = \"%s\"\n", i%3, i%100, strings.Repeat("n", 64))
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("big.toml", data); err != nil {
			b.Fatal(err)
		}
	}
}
