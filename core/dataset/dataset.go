// Package dataset reads labelled embeddings: CSV or TSV files with one row
// per sample (numeric columns are the embedding, one column the label), the
// Embedding Projector's pair of vectors.tsv and metadata.tsv, and the demo
// sets shipped with losslab. Every error names the file and line.
package dataset

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Dataset is a labelled set of embeddings.
type Dataset struct {
	X       *mat.Dense
	Labels  []int    // class index of each row
	Classes []string // class names by index, in order of first appearance
	Lines   []int    // source line of each row, for messages
	Source  string
}

// Format is a file's field separator.
type Format int

const (
	CSV Format = iota
	TSV
)

func (f Format) String() string { return [...]string{"csv", "tsv"}[f] }

// ParseFormat accepts "csv" and "tsv".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "csv":
		return CSV, nil
	case "tsv":
		return TSV, nil
	}
	return 0, fmt.Errorf("unknown format %q (want csv or tsv)", s)
}

// FormatOf guesses the format from a file name's extension.
func FormatOf(path string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(path, ".gz")))
	switch ext {
	case ".csv":
		return CSV, nil
	case ".tsv", ".tab":
		return TSV, nil
	}
	return 0, fmt.Errorf("%s: cannot tell the format from the extension %q: use --format csv|tsv", path, ext)
}

// LineError is a problem at a line of an input file.
type LineError struct {
	File string
	Line int
	Msg  string
}

func (e *LineError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ErrLabelColumn marks a --label-col that names no column.
var ErrLabelColumn = errors.New("no such label column")

// record is one row of a delimited file with its line number.
type record struct {
	fields []string
	line   int
}

func readRecords(r io.Reader, file string, f Format) ([]record, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // ragged rows are reported below, with their line
	if f == TSV {
		cr.Comma = '\t'
		cr.LazyQuotes = true
	}
	var out []record
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &LineError{File: file, Line: pe.Line, Msg: pe.Err.Error()}
			}
			return nil, &LineError{File: file, Msg: err.Error()}
		}
		line, _ := cr.FieldPos(0)
		out = append(out, record{fields, line})
	}
	if len(out) == 0 {
		return nil, &LineError{File: file, Msg: "the file is empty"}
	}
	return out, nil
}

// isNumber tells numbers (even out of range) from text, for header detection.
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return err == nil || errors.Is(err, strconv.ErrRange)
}

func countNonNumeric(fields []string) int {
	k := 0
	for _, f := range fields {
		if !isNumber(f) {
			k++
		}
	}
	return k
}

// hasHeader: the first row is a header when it has more non-numeric fields
// than the second (data rows differ at most in a text label).
func hasHeader(recs []record) bool {
	first := countNonNumeric(recs[0].fields)
	if len(recs) == 1 {
		return first > 1
	}
	return first > countNonNumeric(recs[1].fields)
}

// Parse reads a CSV or TSV file of embeddings with a label column: labelCol
// if given (it needs a header), else a column named "label", else the last.
func Parse(r io.Reader, file string, f Format, labelCol string) (*Dataset, error) {
	recs, err := readRecords(r, file, f)
	if err != nil {
		return nil, err
	}
	width := len(recs[0].fields)
	var header []string
	if hasHeader(recs) {
		header, recs = recs[0].fields, recs[1:]
	}
	label := width - 1
	switch {
	case labelCol != "" && header == nil:
		return nil, fmt.Errorf("%w %q: %s has no header row to name columns", ErrLabelColumn, labelCol, file)
	case labelCol != "":
		label = indexOf(header, labelCol)
		if label < 0 {
			return nil, fmt.Errorf("%w %q in %s (columns: %s)", ErrLabelColumn, labelCol, file, strings.Join(header, ", "))
		}
	case header != nil && indexOf(header, "label") >= 0:
		label = indexOf(header, "label")
	}
	if width < 2 {
		return nil, &LineError{File: file, Line: firstLine(recs), Msg: "need at least one embedding column and a label column"}
	}
	if len(recs) == 0 {
		return nil, &LineError{File: file, Msg: "no data rows after the header"}
	}
	colName := func(j int) string {
		if header != nil {
			return header[j]
		}
		return strconv.Itoa(j + 1)
	}
	b := newBuilder(file, len(recs), width-1)
	for _, rec := range recs {
		if len(rec.fields) != width {
			return nil, &LineError{File: file, Line: rec.line, Msg: fmt.Sprintf("%d fields, expected %d like the first row", len(rec.fields), width)}
		}
		row := b.row()
		k := 0
		for j, field := range rec.fields {
			if j == label {
				continue
			}
			v, err := ParseNumber(field)
			if err != nil {
				return nil, &LineError{File: file, Line: rec.line, Msg: fmt.Sprintf("column %s: %v", colName(j), err)}
			}
			row[k] = v
			k++
		}
		if err := b.labelAt(rec.fields[label], rec.line, file); err != nil {
			return nil, err
		}
	}
	return b.done()
}

// ParseProjector reads the Embedding Projector's pair: vectors (TSV, one
// embedding per line, no header) and metadata (one label per line; with
// several columns, a header row and labelCol, "label" or the first column).
func ParseProjector(vectors io.Reader, vectorsFile string, metadata io.Reader, metadataFile, labelCol string) (*Dataset, error) {
	vrecs, err := readRecords(vectors, vectorsFile, TSV)
	if err != nil {
		return nil, err
	}
	mrecs, err := readRecords(metadata, metadataFile, TSV)
	if err != nil {
		return nil, err
	}
	label := 0
	if len(mrecs[0].fields) > 1 { // TensorBoard writes a header only with several columns
		header := mrecs[0].fields
		mrecs = mrecs[1:]
		switch {
		case labelCol != "":
			if label = indexOf(header, labelCol); label < 0 {
				return nil, fmt.Errorf("%w %q in %s (columns: %s)", ErrLabelColumn, labelCol, metadataFile, strings.Join(header, ", "))
			}
		case indexOf(header, "label") >= 0:
			label = indexOf(header, "label")
		}
	} else if labelCol != "" {
		return nil, fmt.Errorf("%w %q: %s has a single column and no header", ErrLabelColumn, labelCol, metadataFile)
	}
	if len(mrecs) != len(vrecs) {
		return nil, &LineError{File: metadataFile, Msg: fmt.Sprintf("%d labels for %d vectors in %s", len(mrecs), len(vrecs), vectorsFile)}
	}
	width := len(vrecs[0].fields)
	b := newBuilder(vectorsFile, len(vrecs), width)
	for i, rec := range vrecs {
		if len(rec.fields) != width {
			return nil, &LineError{File: vectorsFile, Line: rec.line, Msg: fmt.Sprintf("%d fields, expected %d like the first row", len(rec.fields), width)}
		}
		row := b.row()
		for j, field := range rec.fields {
			v, err := ParseNumber(field)
			if err != nil {
				return nil, &LineError{File: vectorsFile, Line: rec.line, Msg: fmt.Sprintf("column %d: %v", j+1, err)}
			}
			row[j] = v
		}
		m := mrecs[i]
		if label >= len(m.fields) {
			return nil, &LineError{File: metadataFile, Line: m.line, Msg: fmt.Sprintf("%d fields, no label column %d", len(m.fields), label+1)}
		}
		if err := b.labelAt(m.fields[label], m.line, metadataFile); err != nil {
			return nil, err
		}
	}
	return b.done()
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if strings.EqualFold(strings.TrimSpace(n), name) {
			return i
		}
	}
	return -1
}

func firstLine(recs []record) int {
	if len(recs) == 0 {
		return 0
	}
	return recs[0].line
}

// ParseNumber parses a finite number (surrounding spaces allowed), with
// messages a user can act on. Flags and files share it.
func ParseNumber(field string) (float64, error) {
	s := strings.TrimSpace(field)
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return 0, fmt.Errorf("%q is out of range", field)
	case err != nil:
		return 0, fmt.Errorf("%q is not a number", field)
	case math.IsNaN(v) || math.IsInf(v, 0):
		return 0, fmt.Errorf("%s is not a finite number", s)
	}
	return v, nil
}

// builder accumulates rows and labels.
type builder struct {
	file    string
	data    []float64
	dim     int
	labels  []int
	lines   []int
	classes []string
	index   map[string]int
	first   []int    // line of each class's first sample
	files   []string // and its file (metadata for the Projector pair)
}

func newBuilder(file string, rows, dim int) *builder {
	return &builder{file: file, dim: dim, data: make([]float64, 0, rows*dim), index: map[string]int{}}
}

func (b *builder) row() []float64 {
	b.data = append(b.data, make([]float64, b.dim)...)
	return b.data[len(b.data)-b.dim:]
}

func (b *builder) labelAt(name string, line int, file string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return &LineError{File: file, Line: line, Msg: "empty label"}
	}
	c, ok := b.index[name]
	if !ok {
		c = len(b.classes)
		b.index[name] = c
		b.classes = append(b.classes, name)
		b.first = append(b.first, line)
		b.files = append(b.files, file)
	}
	b.labels = append(b.labels, c)
	b.lines = append(b.lines, line)
	return nil
}

// done checks that every class can form a positive pair and that there are
// at least two classes, and returns the dataset.
func (b *builder) done() (*Dataset, error) {
	count := make([]int, len(b.classes))
	for _, c := range b.labels {
		count[c]++
	}
	if len(b.classes) < 2 {
		msg := "no labels"
		if len(b.classes) == 1 {
			msg = fmt.Sprintf("only one class (%q): need at least 2 classes for negative pairs", b.classes[0])
		}
		return nil, &LineError{File: b.file, Msg: msg}
	}
	for c, k := range count {
		if k == 1 {
			return nil, &LineError{File: b.files[c], Line: b.first[c], Msg: fmt.Sprintf("label %q has a single sample: no positive pair", b.classes[c])}
		}
	}
	return &Dataset{
		X:       mat.NewDense(len(b.labels), b.dim, b.data),
		Labels:  b.labels,
		Classes: b.classes,
		Lines:   b.lines,
		Source:  b.file,
	}, nil
}
