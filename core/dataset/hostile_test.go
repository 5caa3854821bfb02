package dataset

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"losslab/core/dist"
	"losslab/internal/regfile"
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
	for _, c := range []struct {
		text string
		want Error
	}{
		{"1.0,2.x,a\n1,2,a\n3,4,b\n3,5,b\n", Error{File: "t.csv", Line: 1, Reason: HeaderTypo, Column: 2, Value: "2.x", Count: 1}}, // a typo among numbers
		{"1.x,a\n1,a\n3,b\n3,b\n", Error{File: "t.csv", Line: 1, Reason: HeaderTypo, Column: 1, Value: "1.x", Count: 0}},           // the only number, mistyped
	} {
		_, err := Parse(strings.NewReader(c.text), "t.csv", CSV, "")
		wantError(t, err, c.want)
	}
	// A real header is still a header.
	if d, err := Parse(strings.NewReader("x,y,label\n1,2,a\n1,3,a\n3,4,b\n3,5,b\n"), "t.csv", CSV, ""); err != nil || len(d.Labels) != 4 {
		t.Errorf("header: %v", err)
	}
}

func TestSeparatorHints(t *testing.T) {
	_, err := Parse(strings.NewReader("1\t2\tx\n1\t3\tx\n"), "t.csv", CSV, "")
	wantError(t, err, Error{File: "t.csv", Line: 1, Reason: LooksTabSeparated})
	_, err = Parse(strings.NewReader("1,2,x\n1,3,x\n"), "t.tsv", TSV, "")
	wantError(t, err, Error{File: "t.tsv", Line: 1, Reason: LooksCommaSeparated})
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
	if _, err := Open(filepath.Join(dir, "missing.csv")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	fifo := filepath.Join(dir, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for path, kind := range map[string]regfile.Kind{fifo: regfile.FIFO, dir: regfile.Directory, "/dev/zero": regfile.Device} {
		var re *regfile.Error
		if _, err := Open(path); !errors.As(err, &re) || re.Reason != regfile.NotRegular || re.Kind != kind {
			t.Errorf("%s: %v, want not regular (%v)", path, err, kind)
		}
	}
}

// endless repeats a line for ever, like `yes 1,2,x`.
type endless struct {
	line []byte
	pos  int // in line
}

func repeat(line string) *endless { return &endless{line: []byte(line)} }

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		k := copy(p[n:], e.line[e.pos:])
		n += k
		e.pos = (e.pos + k) % len(e.line)
	}
	return n, nil
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestLimits(t *testing.T) {
	wide := strings.Repeat("0,", 100) + "x\n"
	for _, c := range []struct {
		name string
		read func() error
		want Error
	}{
		{"endless rows", func() error {
			_, err := ParseLimited(repeat("1,2,x\n3,4,y\n"), "stdin", CSV, "", Limits{MaxRows: 1000})
			return err
		}, Error{File: "stdin", Line: 1001, Reason: TooManyRows, Limit: 1000}},
		{"endless line", func() error {
			_, err := Parse(zeros{}, "/dev/zero", CSV, "")
			return err
		}, Error{File: "/dev/zero", Line: 1, Reason: LineTooLong, Limit: DefaultMaxLine}},
		{"too many bytes", func() error {
			_, err := ParseLimited(repeat("1,2,x\n"), "big", CSV, "", Limits{MaxBytes: 1 << 16, MaxRows: 1 << 30})
			return err
		}, Error{File: "big", Line: 10923, Reason: TooManyBytes, Limit: 1 << 16}},
		{"endless vectors", func() error {
			_, err := ParseProjectorLimited(repeat("1\t2\n"), "v.tsv", strings.NewReader("a\na\nb\nb\n"), "m.tsv", "", Limits{MaxRows: 100})
			return err
		}, Error{File: "v.tsv", Line: 101, Reason: TooManyRows, Limit: 100}},
		{"endless labels", func() error {
			_, err := ParseProjectorLimited(strings.NewReader("1\t2\n1\t2\n"), "v.tsv", repeat("a\n"), "m.tsv", "", Limits{MaxRows: 100})
			return err
		}, Error{File: "m.tsv", Line: 101, Reason: TooManyRows, Limit: 100}},
		{"too many columns", func() error {
			_, err := ParseLimited(strings.NewReader(wide), "w.csv", CSV, "", Limits{MaxColumns: 100})
			return err
		}, Error{File: "w.csv", Line: 1, Reason: TooManyColumns, Count: 101, Limit: 100}},
		{"too many columns of metadata", func() error {
			_, err := ParseProjectorLimited(strings.NewReader("1\n"), "v.tsv", strings.NewReader(strings.Repeat("\t", 100)+"\n"), "m.tsv", "", Limits{MaxColumns: 100})
			return err
		}, Error{File: "m.tsv", Line: 1, Reason: TooManyColumns, Count: 101, Limit: 100}},
		{"too much data", func() error {
			// 100 values and a row's label and line: 816 bytes a row,
			// and 65 for the one class, "x".
			_, err := ParseLimited(repeat(wide), "w.csv", CSV, "", Limits{MaxMemory: 100*816 + 65})
			return err
		}, Error{File: "w.csv", Line: 101, Reason: TooMuchData, Limit: 100*816 + 65}},
		{"a quoted field over many lines", func() error {
			_, err := ParseLimited(io.MultiReader(strings.NewReader("a,b,label\n1,2,x\n1,\""), repeat("xxxxxxx\n")), "q.csv", CSV, "", Limits{MaxLine: 1000})
			return err
		}, Error{File: "q.csv", Line: 3, Reason: RowTooLong, Limit: 1000}},
	} {
		t.Run(c.name, func(t *testing.T) { wantError(t, c.read(), c.want) })
	}
	// A row over several lines within the limit is read.
	d, err := ParseLimited(strings.NewReader("a,b,label\n1,2,\"x\ny\"\n1,3,\"x\ny\"\n3,4,y\n3,5,y\n"), "q.csv", CSV, "", Limits{MaxLine: 9})
	if err != nil || d.Classes[0] != "x\ny" || d.Lines[2] != 6 {
		t.Errorf("a quoted label over two lines: %v", err)
	}
}

// liveMeter wraps a reader and measures, every so many bytes, the memory
// still in use after a collection: what the parser reading it keeps.
type liveMeter struct {
	r           io.Reader
	every, next int64
	read        int64
	base, peak  uint64
}

func newLiveMeter(r io.Reader, every int64) *liveMeter {
	m := &liveMeter{r: r, every: every, next: every}
	m.base = live()
	return m
}

func live() uint64 {
	runtime.GC()
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	return s.HeapAlloc
}

func (m *liveMeter) Read(p []byte) (int, error) {
	n, err := m.r.Read(p)
	m.read += int64(n)
	if m.read >= m.next {
		m.next += m.every
		if l := live(); l > m.base {
			m.peak = max(m.peak, l-m.base)
		}
	}
	return n, err
}

// The three hostile inputs of issue 17: what a reader holds stays within a
// small multiple of a line and of what it keeps by design (MaxMemory),
// however long the input. Before, Projector metadata kept every field of
// every row (17 bytes per byte of tab-only lines), wide rows kept 4 bytes
// of values per byte without bound, and a quoted field over many lines
// grew past the line limit.
func TestMemoryStaysBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 32 MiB per case")
	}
	const line = 64 << 10
	lim := Limits{MaxLine: line, MaxMemory: 1 << 20}
	tabs := strings.Repeat("\t", line-2) + "\n" // after a label
	const rows = 32 << 20 / line
	zerosRow := strings.Repeat("0,", line/2-1) + "x\n"
	for _, c := range []struct {
		name  string
		parse func(m *liveMeter) error
		want  Reason
	}{
		{"projector metadata of tabs", func(m *liveMeter) error {
			meta := io.MultiReader(strings.NewReader("a\tb\n"), io.LimitReader(repeat("x"+tabs+"y"+tabs), rows*line))
			_, err := ParseProjectorLimited(io.LimitReader(repeat("1\n"), 2*rows), "v.tsv", newMeterOn(m, meta), "m.tsv", "", Limits{MaxLine: line, MaxMemory: 1 << 20, MaxColumns: line})
			return err
		}, 0},
		{"wide rows of zeros", func(m *liveMeter) error {
			_, err := ParseLimited(newMeterOn(m, io.LimitReader(repeat(zerosRow), 32<<20)), "w.csv", CSV, "", lim)
			return err
		}, TooMuchData},
		{"a quoted field over many lines", func(m *liveMeter) error {
			r := io.MultiReader(strings.NewReader("a,b,label\n1,\""), io.LimitReader(repeat(strings.Repeat("x", 999)+"\n"), 32<<20))
			_, err := ParseLimited(newMeterOn(m, r), "q.csv", CSV, "", lim)
			return err
		}, RowTooLong},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newLiveMeter(nil, 1<<20)
			err := c.parse(m)
			var e *Error
			if c.want == 0 && err != nil || c.want != 0 && (!errors.As(err, &e) || e.Reason != c.want) {
				t.Fatalf("%v, want %v", err, c.want)
			}
			// A row being read (its text, and the CSV reader's index of its
			// fields: 24 bytes a field, that is at most 48 bytes a byte),
			// and what is kept.
			if bound := uint64(48*line) + uint64(lim.MaxMemory); m.peak > bound {
				t.Errorf("kept %d bytes while reading, want at most %d", m.peak, bound)
			}
		})
	}
}

// newMeterOn makes m measure while r is read.
func newMeterOn(m *liveMeter, r io.Reader) io.Reader { m.r = r; return m }

func TestLocate(t *testing.T) {
	d, err := Parse(strings.NewReader("a,b,label\n1,2,x\n\n1,3,x\n3,4,y\n3,5,y\n"), "t.csv", CSV, "")
	if err != nil {
		t.Fatal(err)
	}
	err = d.Locate(&dist.RowError{Row: 1, Index: -1, Err: dist.ErrZeroVector})
	wantError(t, err, Error{File: "t.csv", Line: 4, Reason: RowProblem})
	if !errors.Is(err, dist.ErrZeroVector) {
		t.Errorf("Locate lost the cause: %v", err)
	}
	err = d.Locate(&dist.RowError{Row: 3, Index: 1, Err: dist.ErrNotFinite})
	wantError(t, err, Error{File: "t.csv", Line: 6, Column: 2, Reason: RowProblem})
	other := errors.New("other")
	if d.Locate(other) != other {
		t.Error("Locate changed an unrelated error")
	}
}

func TestDecompressDemoPath(t *testing.T) {
	// The demos go through Decompress too: digits is gzipped.
	d, err := Demo("digits")
	if err != nil || d.Demo != "digits" || d.Source != "" {
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
			var e *Error
			if !errors.As(err, &e) || e.Reason == 0 || (e.File != "v" && e.File != "m") {
				t.Fatalf("%v (%T) is not an *Error about a file", err, err)
			}
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
	wantError(t, err, Error{File: "dup.csv", Line: 1, Reason: DuplicateColumn, Name: "label", Column: 2, OtherColumn: 3})
	_, err = ParseProjector(strings.NewReader("1\n2\n3\n4\n"), "v.tsv", strings.NewReader("kind\tkind\nx\tx\nx\tx\ny\ty\ny\ty\n"), "m.tsv", "kind")
	wantError(t, err, Error{File: "m.tsv", Line: 1, Reason: DuplicateColumn, Name: "kind", Column: 1, OtherColumn: 2})
}

// Gzip data that ends early, is damaged or is followed by other bytes, and
// a .gz name on other data, each have their reason; gzip streams one after
// another read as one file.
func TestGzipProblems(t *testing.T) {
	whole := string(gz(t, "a,label\n1,x\n2,x\n3,y\n4,y\n"))
	corrupt := []byte(whole)
	corrupt[len(corrupt)-5] ^= 0xff // the length in the trailer
	for _, c := range []struct {
		name, data string
		want       Error
	}{
		{"cut.csv.gz", whole[:len(whole)-10], Error{File: "cut.csv.gz", Line: 6, Reason: GzipTruncated}},
		{"head.csv.gz", whole[:5], Error{File: "head.csv.gz", Line: 1, Reason: GzipTruncated}},
		{"plain.csv.gz", "a,label\n1,x\n", Error{File: "plain.csv.gz", Reason: NotGzip}},
		{"corrupt.csv.gz", string(corrupt), Error{File: "corrupt.csv.gz", Line: 6, Reason: GzipCorrupt}},
		// Before: "the gzip data ends early", as if it were truncated.
		{"trailing.csv.gz", whole + "garbage after the stream", Error{File: "trailing.csv.gz", Line: 6, Reason: GzipTrailing}},
		{"short-trailing.csv.gz", whole + "xy", Error{File: "short-trailing.csv.gz", Line: 6, Reason: GzipTrailing}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Decompress(c.name, strings.NewReader(c.data))
			if err == nil {
				_, err = Parse(r, c.name, CSV, "")
			}
			wantError(t, err, c.want)
		})
	}
	two := string(gz(t, "a,label\n1,x\n2,x\n")) + string(gz(t, "3,y\n4,y\n"))
	r, err := Decompress("two.csv.gz", strings.NewReader(two))
	if err != nil {
		t.Fatal(err)
	}
	if d, err := Parse(r, "two.csv.gz", CSV, ""); err != nil || len(d.Labels) != 4 {
		t.Errorf("two gzip streams: %v", err)
	}
	// Empty members (as `cat` of empty .gz files makes) are skipped however
	// many there are: a read that returns nothing again and again would make
	// bufio give up with "multiple Read calls return no data or error".
	empties := strings.Repeat(string(gz(t, "")), 200) + string(gz(t, "a,label\n1,x\n2,x\n3,y\n4,y\n"))
	r, err = Decompress("empties.csv.gz", strings.NewReader(empties))
	if err != nil {
		t.Fatal(err)
	}
	if d, err := Parse(r, "empties.csv.gz", CSV, ""); err != nil || len(d.Labels) != 4 {
		t.Errorf("200 empty gzip members, then data: %v", err)
	}
}
