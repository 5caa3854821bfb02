package dataset

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"losslab/core/dist"
)

func TestByteOrderMark(t *testing.T) {
	// Without a header: before, the BOM made row 1 non-numeric, so it was
	// taken as a header and silently lost.
	d, err := Parse(strings.NewReader("\ufeff1,2,x\n1,3,x\n3,4,y\n3,5,y\n"), "b.csv", CSV, "")
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := d.X.Dims(); r != 4 || d.X.At(0, 0) != 1 {
		t.Errorf("BOM file without header: %d rows, first %v", r, d.X.RawRowView(0))
	}
	// With a header: the label column was named "\ufefflabel" and not found.
	d, err = Parse(strings.NewReader("\ufefflabel,a\nx,1\nx,2\ny,3\ny,4\n"), "b.csv", CSV, "label")
	if err != nil || d.Classes[0] != "x" || d.X.At(3, 0) != 4 {
		t.Errorf("BOM before a header: %v", err)
	}
}

func TestFirstRowTypo(t *testing.T) {
	for _, text := range []string{
		"1.0,2.x,a\n1,2,a\n3,4,b\n3,5,b\n", // a typo among numbers
		"1.x,a\n1,a\n3,b\n3,b\n",           // the only number, mistyped
	} {
		_, err := Parse(strings.NewReader(text), "t.csv", CSV, "")
		var le *LineError
		if !errors.As(err, &le) || le.Line != 1 || !strings.Contains(err.Error(), "is not a number") {
			t.Errorf("%q: %v, want an error at line 1", text, err)
		}
	}
	// A real header is still a header.
	if d, err := Parse(strings.NewReader("x,y,label\n1,2,a\n1,3,a\n3,4,b\n3,5,b\n"), "t.csv", CSV, ""); err != nil || len(d.Labels) != 4 {
		t.Errorf("header: %v", err)
	}
}

func TestSeparatorHints(t *testing.T) {
	_, err := Parse(strings.NewReader("1\t2\tx\n1\t3\tx\n"), "t.csv", CSV, "")
	if err == nil || !strings.Contains(err.Error(), "t.csv:1: one column: the file looks tab-separated: use --format tsv") {
		t.Errorf("tabs in a .csv: %v", err)
	}
	_, err = Parse(strings.NewReader("1,2,x\n1,3,x\n"), "t.tsv", TSV, "")
	if err == nil || !strings.Contains(err.Error(), "looks comma-separated: use --format csv") {
		t.Errorf("commas in a .tsv: %v", err)
	}
}

func gz(t *testing.T, text string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(text))
	w.Close()
	return b.Bytes()
}

func TestOpenGzipAndRefusals(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "e.csv.gz")
	if err := os.WriteFile(path, gz(t, "1,2,x\n1,3,x\n3,4,y\n3,5,y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := Parse(f, path, CSV, "")
	if err != nil || len(d.Labels) != 4 {
		t.Fatalf(".csv.gz: %v", err)
	}
	// A corrupt stream names the file.
	bad := filepath.Join(dir, "bad.csv.gz")
	os.WriteFile(bad, gz(t, strings.Repeat("1,2,x\n", 1000))[:60], 0o644)
	f2, err := Open(bad)
	if err == nil {
		_, err = Parse(f2, bad, CSV, "")
		f2.Close()
	}
	if err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("truncated gzip: %v", err)
	}
	fifo := filepath.Join(dir, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if _, err := Open(fifo); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "a FIFO") {
		t.Errorf("FIFO: %v", err)
	}
	if _, err := Open(dir); !errors.Is(err, ErrNotRegular) {
		t.Errorf("directory: %v", err)
	}
	if _, err := Open("/dev/zero"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("/dev/zero: %v", err)
	}
}

// endless repeats a line for ever, like `yes 1,2,x`.
type endless struct{ line []byte }

func (e endless) Read(p []byte) (int, error) {
	n := 0
	for n+len(e.line) <= len(p) {
		n += copy(p[n:], e.line)
	}
	if n == 0 {
		n = copy(p, e.line)
	}
	return n, nil
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestLimits(t *testing.T) {
	_, err := ParseLimited(endless{[]byte("1,2,x\n3,4,y\n")}, "stdin", CSV, "", Limits{MaxRows: 1000})
	if err == nil || !strings.Contains(err.Error(), "stdin:1001: more than 1,000 rows (the limit; --max-rows to raise it)") {
		t.Errorf("endless rows: %v", err)
	}
	_, err = Parse(zeros{}, "/dev/zero", CSV, "")
	if err == nil || !strings.Contains(err.Error(), "line 1 is longer than 1,048,576 bytes") {
		t.Errorf("endless line: %v", err)
	}
	_, err = ParseLimited(endless{[]byte("1,2,x\n")}, "big", CSV, "", Limits{MaxBytes: 1 << 16, MaxRows: 1 << 30})
	if err == nil || !strings.Contains(err.Error(), "more than 65,536 bytes (the limit)") {
		t.Errorf("too many bytes: %v", err)
	}
	_, err = ParseProjectorLimited(endless{[]byte("1\t2\n")}, "v.tsv", strings.NewReader("a\na\nb\nb\n"), "m.tsv", "", Limits{MaxRows: 100})
	if err == nil || !strings.Contains(err.Error(), "more than 100 rows") {
		t.Errorf("endless vectors: %v", err)
	}
}

func TestLabelsMadePrintable(t *testing.T) {
	d, err := Parse(strings.NewReader("1,2,\x1b]0;pwned\a\n1,3,\x1b]0;pwned\a\n3,4,y\n3,5,y\n"), "t.csv", CSV, "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(d.Classes[0], "\x1b\a") || d.Classes[0] != "?]0;pwned?" {
		t.Errorf("class name %q", d.Classes[0])
	}
	d.File, d.Source = "t\x1b.csv", "t?.csv"
	if strings.ContainsRune(d.Source, 0x1b) {
		t.Error("source not printable")
	}
}

func TestLocate(t *testing.T) {
	d, err := Parse(strings.NewReader("a,b,label\n1,2,x\n\n1,3,x\n3,4,y\n3,5,y\n"), "t.csv", CSV, "")
	if err != nil {
		t.Fatal(err)
	}
	err = d.Locate(&dist.RowError{Row: 1, Index: -1, Err: dist.ErrZeroVector})
	if err.Error() != "t.csv:4: cosine distance is undefined for a zero vector" {
		t.Errorf("Locate: %v", err)
	}
	err = d.Locate(&dist.RowError{Row: 3, Index: 1, Err: dist.ErrNotFinite})
	if err.Error() != "t.csv:6: column 2: component is not finite" {
		t.Errorf("Locate with a column: %v", err)
	}
	other := errors.New("other")
	if d.Locate(other) != other {
		t.Error("Locate changed an unrelated error")
	}
}

func TestDecompressDemoPath(t *testing.T) {
	// The demos go through Decompress too: digits is gzipped.
	d, err := Demo("digits")
	if err != nil || d.File != "demo digits" {
		t.Fatalf("digits: %v", err)
	}
	r, err := Decompress("x", bytes.NewReader(gz(t, "hello")))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(r); string(b) != "hello" {
		t.Errorf("Decompress gave %q", b)
	}
}

func FuzzParseProjector(f *testing.F) {
	f.Add([]byte("0.1\t0.2\n0.1\t0.3\n0.9\t0.8\n0.8\t0.9\n"), []byte("cat\ncat\ndog\ndog\n"))
	f.Add([]byte("\ufeff1\t2\n1\t3\n"), []byte("name\tkind\na\tx\nb\tx\n"))
	f.Add([]byte("1,2\n"), []byte("a\n"))
	f.Fuzz(func(t *testing.T, vectors, metadata []byte) {
		d, err := ParseProjectorLimited(bytes.NewReader(vectors), "v", bytes.NewReader(metadata), "m", "", Limits{MaxLine: 4096, MaxRows: 1000})
		if err != nil {
			return
		}
		r, _ := d.X.Dims()
		if r != len(d.Labels) || r != len(d.Lines) || len(d.Classes) < 2 {
			t.Fatalf("%d rows, %d labels, %d lines, %d classes", r, len(d.Labels), len(d.Lines), len(d.Classes))
		}
	})
}

// A header that names the label column twice is refused, naming both
// columns, in a CSV file and in Projector metadata alike.
func TestDuplicateLabelColumn(t *testing.T) {
	_, err := Parse(strings.NewReader("a,label,label\n1,x,q\n2,x,q\n3,y,r\n4,y,r\n"), "dup.csv", CSV, "")
	if err == nil || err.Error() != `dup.csv:1: the header names column "label" twice (columns 2 and 3), so it cannot tell which holds the labels: rename one` {
		t.Errorf("CSV: %v", err)
	}
	_, err = ParseProjector(strings.NewReader("1\n2\n3\n4\n"), "v.tsv", strings.NewReader("kind\tkind\nx\tx\nx\tx\ny\ty\ny\ty\n"), "m.tsv", "kind")
	if err == nil || !strings.Contains(err.Error(), `m.tsv:1: the header names column "kind" twice (columns 1 and 2)`) {
		t.Errorf("Projector: %v", err)
	}
}

// Gzip data that ends early or a .gz name on other data is said in words.
func TestGzipProblemsInWords(t *testing.T) {
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	z.Write([]byte("a,label\n1,x\n2,x\n3,y\n4,y\n"))
	z.Close()
	for _, c := range []struct {
		name, data, want string
	}{
		{"cut.csv.gz", b.String()[:b.Len()-10], "cut.csv.gz: the gzip data ends early, in line 6"},
		{"head.csv.gz", b.String()[:5], "head.csv.gz: the gzip data ends early, in line 1"},
		{"plain.csv.gz", "a,label\n1,x\n", "plain.csv.gz: not gzip data although the name ends in .gz"},
	} {
		r, err := Decompress(c.name, strings.NewReader(c.data))
		if err == nil {
			_, err = ParseLimited(r, c.name, CSV, "", Limits{})
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}
