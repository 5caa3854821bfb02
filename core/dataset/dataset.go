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

	"losslab/core/dist"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
)

// Dataset is a labelled set of embeddings. Class names and Source are made
// printable (internal/termsafe) as they are read: a label cannot carry an
// escape sequence to the screen.
type Dataset struct {
	X       *mat.Dense
	Labels  []int    // class index of each row
	Classes []string // class names by index, in order of first appearance
	Lines   []int    // source line of each row, for messages
	File    string   // the file the rows came from, for messages
	Source  string   // what to call the data on screen (printable)
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
	// ID, when set, is the message as a catalogue entry with Args (Msg is
	// then unused), so that a front end shows it in its language with Text.
	ID   i18n.ID
	Args []any
}

func (e *LineError) Error() string { return e.Text(i18n.New(i18n.English)) }

// Text renders the error with p: "file:line: reason".
func (e *LineError) Text(p i18n.Printer) string {
	msg := e.Msg
	if e.ID != "" {
		msg = p.T(e.ID, e.Args...)
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", e.File, msg)
}

// ErrLabelColumn marks a --label-col that names no column.
var ErrLabelColumn = errors.New("no such label column")

// record is one row of a delimited file with its line number.
type record struct {
	fields []string
	line   int
}

// recordReader streams the records of a CSV or TSV file within Limits.
type recordReader struct {
	cr   *csv.Reader
	lim  *limitedReader
	file string
	rows int
}

func newRecordReader(r io.Reader, file string, f Format, lim Limits) *recordReader {
	lr := &limitedReader{r: r, lim: lim.withDefaults()}
	cr := csv.NewReader(lr)
	cr.FieldsPerRecord = -1 // ragged rows are reported by the caller, with their line
	cr.ReuseRecord = false
	if f == TSV {
		cr.Comma = '\t'
		cr.LazyQuotes = true
	}
	return &recordReader{cr: cr, lim: lr, file: file}
}

// next returns the next record, io.EOF at the end, or a *LineError.
func (rr *recordReader) next() (record, error) {
	fields, err := rr.cr.Read()
	if err == io.EOF {
		return record{}, io.EOF
	}
	if err != nil {
		var le *limitError
		var pe *csv.ParseError
		var ge *gzipError
		switch {
		case errors.As(err, &le):
			return record{}, &LineError{File: rr.file, Msg: le.msg}
		case errors.As(err, &ge):
			return record{}, ge.at(rr.file, rr.lim.lines)
		case errors.As(err, &pe) && pe.Err != nil && !isReadError(pe.Err):
			return record{}, &LineError{File: rr.file, Line: pe.Line, Msg: pe.Err.Error()}
		}
		return record{}, &LineError{File: rr.file, Line: rr.lim.lines + 1, Msg: err.Error()}
	}
	line, _ := rr.cr.FieldPos(0)
	rr.rows++
	if rr.rows > rr.lim.lim.MaxRows+1 { // +1: a header
		return record{}, tooManyRows(rr.file, line, rr.lim.lim.MaxRows)
	}
	return record{fields, line}, nil
}

func tooManyRows(file string, line, limit int) error {
	return &LineError{File: file, Line: line, Msg: fmt.Sprintf("more than %s rows (the limit; --max-rows to raise it)", numfmt.Count(int64(limit)))}
}

// isReadError tells the csv package's own syntax errors from errors of the
// reader beneath it (a corrupt gzip stream), which it wraps too.
func isReadError(err error) bool {
	return !errors.Is(err, csv.ErrQuote) && !errors.Is(err, csv.ErrBareQuote) && !errors.Is(err, csv.ErrFieldCount)
}

// first reads the first records: two, or one when the file has one.
func (rr *recordReader) first() ([]record, error) {
	var out []record
	for range 2 {
		rec, err := rr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	if len(out) == 0 {
		return nil, &LineError{File: rr.file, Msg: "the file is empty"}
	}
	return out, nil
}

// isNumber tells numbers (even out of range) from text, for header detection.
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return err == nil || errors.Is(err, strconv.ErrRange)
}

// looksNumeric is text that starts like a number: "2.x", "-0,5", "1e".
func looksNumeric(s string) bool {
	s = strings.TrimLeft(strings.TrimSpace(s), "+-.")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// headerOf decides whether the first record is a header, looking at the
// columns that are numeric in the second record (all but the last when there
// is none). Text in all of them is a header; numbers in all of them is data;
// a mix, or text that starts like a number, is a typo in a data row, and an
// error at its line rather than a row silently lost.
func headerOf(recs []record, file string, label int) (bool, error) {
	first := recs[0]
	numericCol := func(j int) bool { return j != label }
	if len(recs) > 1 {
		numericCol = func(j int) bool { return j < len(recs[1].fields) && j != label && isNumber(recs[1].fields[j]) }
	}
	var text []int
	numbers := 0
	for j, f := range first.fields {
		if !numericCol(j) {
			continue
		}
		if isNumber(f) {
			numbers++
		} else {
			text = append(text, j)
		}
	}
	if len(text) == 0 {
		return false, nil
	}
	j := text[0]
	if numbers > 0 || looksNumeric(first.fields[j]) {
		fields := "fields"
		if numbers == 1 {
			fields = "field"
		}
		return false, &LineError{File: file, Line: first.line, Msg: fmt.Sprintf(
			"column %d: %q is not a number, but the row is not a header either (it has %d numeric %s): fix the value, or name every column in a header",
			j+1, first.fields[j], numbers, fields)}
	}
	return true, nil
}

// Parse reads a CSV or TSV file of embeddings with a label column: labelCol
// if given (it needs a header), else a column named "label", else the last.
// It reads within the default Limits.
func Parse(r io.Reader, file string, f Format, labelCol string) (*Dataset, error) {
	return ParseLimited(r, file, f, labelCol, Limits{})
}

// ParseLimited is Parse within lim.
func ParseLimited(r io.Reader, file string, f Format, labelCol string, lim Limits) (*Dataset, error) {
	rr := newRecordReader(r, file, f, lim)
	recs, err := rr.first()
	if err != nil {
		return nil, err
	}
	width := len(recs[0].fields)
	if width < 2 {
		return nil, &LineError{File: file, Line: recs[0].line, Msg: oneColumnMessage(recs[0].fields[0], f)}
	}
	// The label column is the last unless a header names it; a first guess
	// serves to tell a header from data.
	label := width - 1
	if i := indexOf(recs[0].fields, labelCol); labelCol != "" && i >= 0 {
		label = i
	} else if i := indexOf(recs[0].fields, "label"); i >= 0 {
		label = i
	}
	isHeader, err := headerOf(recs, file, label)
	if err != nil {
		return nil, err
	}
	var header []string
	if isHeader {
		header, recs = recs[0].fields, recs[1:]
	}
	label = width - 1
	if err := uniqueLabelColumn(header, labelCol, file, 1); err != nil {
		return nil, err
	}
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
	colName := func(j int) string {
		if header != nil {
			return header[j]
		}
		return strconv.Itoa(j + 1)
	}
	b := newBuilder(file, width-1, lim)
	add := func(rec record) error {
		if len(rec.fields) != width {
			return &LineError{File: file, Line: rec.line, Msg: fmt.Sprintf("%d fields, expected %d like the first row", len(rec.fields), width)}
		}
		row, err := b.row(rec.line)
		if err != nil {
			return err
		}
		k := 0
		for j, field := range rec.fields {
			if j == label {
				continue
			}
			v, err := ParseNumber(field)
			if err != nil {
				return &LineError{File: file, Line: rec.line, Msg: fmt.Sprintf("column %s: %v", colName(j), err)}
			}
			row[k] = v
			k++
		}
		return b.labelAt(rec.fields[label], rec.line, file)
	}
	for _, rec := range recs {
		if err := add(rec); err != nil {
			return nil, err
		}
	}
	for {
		rec, err := rr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if err := add(rec); err != nil {
			return nil, err
		}
	}
	if len(b.labels) == 0 {
		return nil, &LineError{File: file, Msg: "no data rows after the header"}
	}
	return b.done()
}

// oneColumnMessage explains a file read as a single column, with a hint when
// the other separator would split it.
func oneColumnMessage(field string, f Format) string {
	switch {
	case f == CSV && strings.Contains(field, "\t"):
		return "one column: the file looks tab-separated: use --format tsv"
	case f == TSV && strings.Contains(field, ","):
		return "one column: the file looks comma-separated: use --format csv"
	}
	return "need at least one embedding column and a label column"
}

// ParseProjector reads the Embedding Projector's pair: vectors (TSV, one
// embedding per line, no header) and metadata (one label per line; with
// several columns, a header row and labelCol, "label" or the first column).
func ParseProjector(vectors io.Reader, vectorsFile string, metadata io.Reader, metadataFile, labelCol string) (*Dataset, error) {
	return ParseProjectorLimited(vectors, vectorsFile, metadata, metadataFile, labelCol, Limits{})
}

// ParseProjectorLimited is ParseProjector within lim (for each file).
func ParseProjectorLimited(vectors io.Reader, vectorsFile string, metadata io.Reader, metadataFile, labelCol string, lim Limits) (*Dataset, error) {
	mr := newRecordReader(metadata, metadataFile, TSV, lim)
	var mrecs []record
	for {
		rec, err := mr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		mrecs = append(mrecs, rec)
	}
	if len(mrecs) == 0 {
		return nil, &LineError{File: metadataFile, Msg: "the file is empty"}
	}
	label := 0
	if len(mrecs[0].fields) > 1 { // TensorBoard writes a header only with several columns
		header := mrecs[0].fields
		if err := uniqueLabelColumn(header, labelCol, metadataFile, mrecs[0].line); err != nil {
			return nil, err
		}
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
	vr := newRecordReader(vectors, vectorsFile, TSV, lim)
	width := -1
	var b *builder
	i := 0
	for ; ; i++ {
		rec, err := vr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if width < 0 {
			width = len(rec.fields)
			b = newBuilder(vectorsFile, width, lim)
		}
		if i >= len(mrecs) {
			continue // counted for the message below
		}
		if len(rec.fields) != width {
			return nil, &LineError{File: vectorsFile, Line: rec.line, Msg: fmt.Sprintf("%d fields, expected %d like the first row", len(rec.fields), width)}
		}
		row, err := b.row(rec.line)
		if err != nil {
			return nil, err
		}
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
	if b == nil {
		return nil, &LineError{File: vectorsFile, Msg: "the file is empty"}
	}
	if len(mrecs) != i {
		return nil, &LineError{File: metadataFile, Msg: fmt.Sprintf("%d labels for %d vectors in %s", len(mrecs), i, vectorsFile)}
	}
	return b.done()
}

// uniqueLabelColumn refuses a header that names the label column (labelCol,
// or "label" without it) twice: which one holds the labels is anyone's guess.
func uniqueLabelColumn(header []string, labelCol, file string, line int) error {
	name := labelCol
	if name == "" {
		name = "label"
	}
	first := indexOf(header, name)
	if first < 0 {
		return nil
	}
	if second := indexOf(header[first+1:], name); second >= 0 {
		return &LineError{File: file, Line: line, ID: i18n.DataDuplicateCol, Args: []any{strings.TrimSpace(header[first]), first + 1, first + second + 2}}
	}
	return nil
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if strings.EqualFold(strings.TrimSpace(n), name) {
			return i
		}
	}
	return -1
}

// ParseNumber parses a finite number (surrounding spaces allowed), with
// messages a user can act on; -0 reads as 0. Flags and files share it.
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
	case v == 0:
		return 0, nil // -0 is 0: no output may show a sign on it
	}
	return v, nil
}

// builder accumulates rows and labels.
type builder struct {
	file    string
	maxRows int
	data    []float64
	dim     int
	labels  []int
	lines   []int
	classes []string
	index   map[string]int // by the label as written; Classes hold it made printable
	first   []int          // line of each class's first sample
	files   []string       // and its file (metadata for the Projector pair)
}

func newBuilder(file string, dim int, lim Limits) *builder {
	return &builder{file: file, dim: dim, maxRows: lim.withDefaults().MaxRows, index: map[string]int{}}
}

// row appends a row read at line and returns it to fill.
func (b *builder) row(line int) ([]float64, error) {
	if len(b.lines) >= b.maxRows {
		return nil, tooManyRows(b.file, line, b.maxRows)
	}
	b.data = append(b.data, make([]float64, b.dim)...)
	b.lines = append(b.lines, line)
	return b.data[len(b.data)-b.dim:], nil
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
		b.classes = append(b.classes, termsafe.String(name))
		b.first = append(b.first, line)
		b.files = append(b.files, file)
	}
	b.labels = append(b.labels, c)
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
		File:    b.file,
		Source:  termsafe.String(b.file),
	}, nil
}

// Locate turns an error about a row of d.X (a *dist.RowError from the
// distance or batch code) into one naming the file and line.
func (d *Dataset) Locate(err error) error {
	var re *dist.RowError
	if !errors.As(err, &re) || re.Row < 0 || re.Row >= len(d.Lines) {
		return err
	}
	msg := re.Err.Error()
	if re.Index >= 0 {
		msg = fmt.Sprintf("column %d: %s", re.Index+1, msg)
	}
	return &LineError{File: d.File, Line: d.Lines[re.Row], Msg: msg}
}
