package errtext

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
	"unicode"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/dist"
	"losslab/i18n"
	"losslab/internal/regfile"
)

var en, zh = i18n.New(i18n.English), i18n.New(i18n.Chinese)

// hasHan reports whether s has a Chinese character: a Chinese text was
// found, not the English one it falls back to.
func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// Every reason of core/dataset is said in both languages, with its place.
func TestData(t *testing.T) {
	long := strings.Repeat("x", 10_000)
	for _, c := range []struct {
		err  dataset.Error
		want string
	}{
		{dataset.Error{File: "f.csv", Line: 3, Reason: dataset.LineTooLong, Limit: 1 << 20}, "f.csv: line 3 is longer than 1,048,576 bytes (the limit): is this a text file of embeddings?"},
		{dataset.Error{File: "f.csv", Line: 2, Reason: dataset.RowTooLong, Limit: 1000}, "f.csv: the row that starts on line 2 runs on over several lines for more than 1,000 bytes (the limit): is a closing quote missing?"},
		{dataset.Error{File: "f.csv", Line: 9, Reason: dataset.TooManyBytes, Limit: 64}, "f.csv: more than 64 bytes (the limit) by line 9"},
		{dataset.Error{File: "f.csv", Line: 11, Reason: dataset.TooManyRows, Limit: 10}, "f.csv:11: more than 10 rows (the limit)"},
		{dataset.Error{File: "f.csv", Line: 1, Reason: dataset.TooManyColumns, Count: 70000, Limit: 65536}, "f.csv:1: 70,000 fields, more than the 65,536 a row may have (the limit): is this a text file of embeddings?"},
		{dataset.Error{File: "f.csv", Line: 5, Reason: dataset.TooMuchData, Limit: 256 << 20}, "f.csv:5: the embeddings and labels read so far take more than 256 MiB (the limit)"},
		{dataset.Error{File: "f.csv", Line: 2, Reason: dataset.BadQuote}, `f.csv:2: a quote (") out of place or never closed`},
		{dataset.Error{File: "f.csv", Line: 2, Reason: dataset.ReadFailed, Err: syscall.EIO}, "f.csv:2: cannot be read: input/output error"},
		{dataset.Error{File: "f.gz", Line: 6, Reason: dataset.GzipTruncated}, "f.gz: the gzip data ends early, in line 6"},
		{dataset.Error{File: "f.gz", Line: 6, Reason: dataset.GzipCorrupt}, "f.gz: the gzip data is corrupt"},
		{dataset.Error{File: "f.gz", Line: 6, Reason: dataset.GzipTrailing}, "f.gz: after the gzip data (line 6) come bytes that are not gzip data"},
		{dataset.Error{File: "f.gz", Reason: dataset.NotGzip}, "f.gz: not gzip data although the name ends in .gz"},
		{dataset.Error{Reason: dataset.UnknownFormat, Value: "json"}, `unknown format "json" (want csv or tsv)`},
		{dataset.Error{File: "f.txt", Reason: dataset.UnknownExtension, Value: ".txt"}, `f.txt: cannot tell the format from the extension ".txt": use --format csv|tsv`},
		{dataset.Error{Reason: dataset.UnknownDemo, Value: "foo", Names: []string{"digits", "iris"}}, `unknown demo "foo" (known: digits, iris)`},
		{dataset.Error{File: "f.csv", Reason: dataset.Empty}, "f.csv: the file is empty"},
		{dataset.Error{File: "f.csv", Reason: dataset.NoDataRows}, "f.csv: no data rows after the header"},
		{dataset.Error{File: "f.csv", Line: 1, Reason: dataset.LooksTabSeparated}, "f.csv:1: one column: the file looks tab-separated: use --format tsv"},
		{dataset.Error{File: "f.tsv", Line: 1, Reason: dataset.LooksCommaSeparated}, "f.tsv:1: one column: the file looks comma-separated: use --format csv"},
		{dataset.Error{File: "f.csv", Line: 1, Reason: dataset.TooFewColumns}, "f.csv:1: need at least one embedding column and a label column"},
		{dataset.Error{File: "f.csv", Line: 3, Reason: dataset.FieldCount, Count: 2, Limit: 3}, "f.csv:3: 2 fields, expected 3 like the first row"},
		{dataset.Error{File: "f.csv", Line: 3, Reason: dataset.FieldCount, Count: 1, Limit: 3}, "f.csv:3: 1 field, expected 3 like the first row"},
		{dataset.Error{File: "f.csv", Line: 1, Reason: dataset.HeaderTypo, Column: 2, Value: "2.x", Count: 1}, `f.csv:1: column 2: "2.x" is not a number, but the row is not a header either (it has 1 numeric field)`},
		{dataset.Error{File: "f.csv", Line: 1, Reason: dataset.DuplicateColumn, Name: "label", Column: 2, OtherColumn: 3}, `f.csv:1: the header names column "label" twice (columns 2 and 3)`},
		{dataset.Error{File: "f.csv", Reason: dataset.NoHeader, Name: "kind"}, `f.csv: no such label column "kind": the file has no header row to name columns`},
		{dataset.Error{File: "f.csv", Reason: dataset.NoSuchColumn, Name: "kind", Names: []string{"a", "b"}}, `f.csv: no such label column "kind" (columns: a, b)`},
		{dataset.Error{File: "m.tsv", Reason: dataset.SingleColumnMetadata, Name: "kind"}, `m.tsv: no such label column "kind": the file has a single column and no header`},
		{dataset.Error{File: "m.tsv", Line: 4, Reason: dataset.MissingLabel, Count: 1, Column: 2}, "m.tsv:4: 1 field, no label column 2"},
		{dataset.Error{File: "f.csv", Line: 3, Reason: dataset.NotNumber, Column: 2, Name: "b", Value: "abc"}, `f.csv:3: column b: "abc" is not a number`},
		{dataset.Error{File: "f.csv", Line: 3, Reason: dataset.NotNumber, Column: 2, Value: "abc"}, `f.csv:3: column 2: "abc" is not a number`},
		{dataset.Error{File: "f.csv", Line: 1, Reason: dataset.OutOfRange, Column: 2, Value: "1e999"}, `f.csv:1: column 2: "1e999" is out of range`},
		{dataset.Error{File: "f.csv", Line: 3, Reason: dataset.NotFinite, Column: 2, Value: " NaN"}, "f.csv:3: column 2: NaN is not a finite number"},
		{dataset.Error{File: "f.csv", Line: 2, Reason: dataset.EmptyLabel}, "f.csv:2: empty label"},
		{dataset.Error{File: "f.csv", Reason: dataset.NoLabels}, "f.csv: no labels"},
		{dataset.Error{File: "f.csv", Reason: dataset.OneClass, Value: "x"}, `f.csv: only one class ("x"): need at least 2 classes for negative pairs`},
		{dataset.Error{File: "f.csv", Line: 3, Reason: dataset.SingleSample, Value: "y"}, `f.csv:3: label "y" has a single sample: no positive pair`},
		{dataset.Error{File: "m.tsv", Reason: dataset.LabelCount, Count: 3, Limit: 4, Other: "v.tsv"}, "m.tsv: 3 labels for 4 vectors in v.tsv"},
		{dataset.Error{File: "f.csv", Line: 4, Reason: dataset.RowProblem, Err: dist.ErrZeroVector}, "f.csv:4: cosine distance is undefined for a zero vector"},
		{dataset.Error{File: "f.csv", Line: 4, Reason: dataset.RowProblem, Err: dist.ErrZeroRow}, "f.csv:4: --normalize: the row is a zero vector"},
		{dataset.Error{File: "f.csv", Line: 6, Reason: dataset.RowProblem, Column: 2, Err: dist.ErrNotFinite}, "f.csv:6: column 2: component is not finite"},
		{dataset.Error{File: "f.csv", Line: 6, Reason: dataset.RowProblem, Err: fmt.Errorf("%w: the loss overflows", batch.ErrNotFinite)}, "f.csv:6: result is not finite: the loss overflows"},
		// Values are quoted as short printable prefixes, names included.
		{dataset.Error{File: "f.csv", Line: 3, Reason: dataset.NotNumber, Column: 2, Name: "b\x1b[2J", Value: long}, `f.csv:3: column b?[2J: "` + strings.Repeat("x", 39) + `…" is not a number`},
		{dataset.Error{File: "f.csv", Reason: dataset.OneClass, Value: "a\u2028b\u200b"}, `f.csv: only one class ("a?b"): need`},
		{dataset.Error{File: "f.csv", Reason: dataset.NoSuchColumn, Name: "kind", Names: strings.Split("a,b,c,d,e,f,g,h,i,j", ",")}, `(columns: a, b, c, d, e, f, g, h and 2 more)`},
	} {
		t.Run(fmt.Sprintf("%v", c.err.Reason), func(t *testing.T) {
			got, ok := Text(en, fmt.Errorf("wrapped: %w", &c.err))
			if !ok || !strings.Contains(got, c.want) {
				t.Errorf("English %q, want it to say %q", got, c.want)
			}
			if z, _ := Text(zh, &c.err); !hasHan(z) {
				t.Errorf("Chinese %q has no Chinese", z)
			}
		})
	}
}

// Only core/batch's overflow is called one: another error of a row is
// said in its own words, with no claim about float64.
func TestRowProblemOverflowOnlyWhenItIs(t *testing.T) {
	for _, c := range []struct {
		err      error
		overflow bool
	}{
		{fmt.Errorf("%w: the triplet loss overflows", batch.ErrNotFinite), true},
		{errors.New("the miner found no triplet"), false},
	} {
		t.Run(c.err.Error(), func(t *testing.T) {
			e := &dataset.Error{File: "f.csv", Line: 6, Reason: dataset.RowProblem, Err: c.err}
			got, _ := Text(zh, e)
			if says := strings.Contains(got, "float64"); says != c.overflow {
				t.Errorf("Chinese %q: mentions float64 %v, want %v", got, says, c.overflow)
			}
			if en, _ := Text(en, e); !strings.Contains(en, c.err.Error()) {
				t.Errorf("English %q does not say %q", en, c.err)
			}
		})
	}
}

// A demo is named in the reader's language; a limit that refuses it is not
// placed at a line of the embedded file.
func TestDemoPlaced(t *testing.T) {
	for _, c := range []struct {
		err    dataset.Error
		en, zh string
	}{
		{dataset.Error{Demo: "iris", Line: 2, Reason: dataset.RowProblem, Err: dist.ErrZeroVector}, "demo iris:2: cosine", "示例数据 iris:2: 零向量"},
		{dataset.Error{Demo: "digits", Line: 102, Reason: dataset.TooManyRows, Limit: 100}, "demo digits: ", "示例数据 digits："},
	} {
		t.Run(c.err.Reason.String(), func(t *testing.T) {
			if got, _ := Text(en, &c.err); !strings.HasPrefix(got, c.en) {
				t.Errorf("English %q, want it to start %q", got, c.en)
			}
			if got, _ := Text(zh, &c.err); !strings.HasPrefix(got, c.zh) {
				t.Errorf("Chinese %q, want it to start %q", got, c.zh)
			}
		})
	}
}

func TestFiles(t *testing.T) {
	for _, c := range []struct {
		err    error
		en, zh string
	}{
		{&regfile.Error{Path: "/dev/zero", Reason: regfile.NotRegular, Kind: regfile.Device}, "/dev/zero: not a regular file (a device): give a file", "/dev/zero 不是普通文件（而是设备文件）：请给出一个文件"},
		{&regfile.Error{Path: "d", Reason: regfile.NotRegular, Kind: regfile.Directory}, "d: not a regular file (a directory): give a file", "d 不是普通文件（而是目录）：请给出一个文件"},
		{&regfile.Error{Path: "p", Reason: regfile.NotRegular, Kind: regfile.FIFO}, "p: not a regular file (a FIFO): give a file", "p 不是普通文件（而是命名管道）：请给出一个文件"},
		{&regfile.Error{Path: "big.ttf", Reason: regfile.TooLarge, Limit: 64 << 20}, "big.ttf: larger than 64 MiB (the limit)", "big.ttf 大于 64 MiB（上限）"},
		{&fs.PathError{Op: "open", Path: "none.csv", Err: syscall.ENOENT}, "none.csv: no such file or directory", "找不到文件或目录 none.csv"},
		{&fs.PathError{Op: "open", Path: "secret.csv", Err: syscall.EACCES}, "secret.csv: permission denied", "没有访问 secret.csv 的权限"},
		{&fs.PathError{Op: "open", Path: "f.csv/x", Err: syscall.ENOTDIR}, "f.csv/x: a part of the path is not a directory", "路径 f.csv/x 中有一段不是目录"},
		{&fs.PathError{Op: "read", Path: "f.csv", Err: syscall.EIO}, "f.csv: input/output error", "无法访问 f.csv（系统信息：input/output error）"},
		{&fs.PathError{Op: "open", Path: "a\x1b]0;t\x07.csv", Err: syscall.ENOENT}, "a?]0;t?.csv: no such file or directory", "找不到文件或目录 a?]0;t?.csv"},
	} {
		if got, ok := Text(en, c.err); !ok || got != c.en {
			t.Errorf("%v: English %q, want %q", c.err, got, c.en)
		}
		if got, _ := Text(zh, c.err); got != c.zh {
			t.Errorf("%v: Chinese %q, want %q", c.err, got, c.zh)
		}
	}
	if _, ok := Text(en, errors.New("other")); ok {
		t.Error("Text claims an error it does not know")
	}
}

func TestSize(t *testing.T) {
	for b, want := range map[int64]string{512: "512 bytes", 256 << 10: "256 KiB", 1500: "1.5 KiB", 64 << 20: "64 MiB", 1536 << 10: "1.5 MiB", 1 << 30: "1 GiB", 3 << 29: "1.5 GiB"} {
		if got := Size(en, b); got != want {
			t.Errorf("Size(%d) = %q, want %q", b, got, want)
		}
	}
}
