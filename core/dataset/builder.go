package dataset

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// builder accumulates rows and labels within Limits' MaxRows and MaxMemory.
// Rows are kept in blocks, so that the kept data never grows by copying:
// the one copy is into the matrix, once every row is in.
type builder struct {
	file    string
	lim     Limits
	dim     int
	blocks  [][]float64 // rows, blockRows of them to a block
	rows    int
	kept    int64 // bytes of data kept, as counted against lim.MaxMemory
	labels  []int
	lines   []int
	classes []string
	index   map[string]int // class by label
	first   []int          // line of each class's first sample
	files   []string       // and its file (metadata for the Projector pair)
}

// blockBytes is the size of a block of rows.
const blockBytes = 1 << 20

// perRow is what a row keeps besides its values: its label and its line.
const perRow = 16

// perClass is what a class keeps besides its name: an index entry, its
// first line and file.
const perClass = 64

func newBuilder(file string, dim int, lim Limits) *builder {
	return &builder{file: file, dim: dim, lim: lim.withDefaults(), index: map[string]int{}}
}

// row appends a row read at line and returns it to fill.
func (b *builder) row(line int) ([]float64, error) {
	if b.rows >= b.lim.MaxRows {
		return nil, &Error{File: b.file, Line: line, Reason: TooManyRows, Limit: int64(b.lim.MaxRows)}
	}
	if err := b.keep(int64(b.dim)*8+perRow, line); err != nil {
		return nil, err
	}
	blockRows := max(1, blockBytes/8/max(b.dim, 1))
	if b.rows%blockRows == 0 {
		b.blocks = append(b.blocks, make([]float64, 0, blockRows*b.dim))
	}
	last := &b.blocks[len(b.blocks)-1]
	*last = append(*last, make([]float64, b.dim)...)
	b.rows++
	b.lines = append(b.lines, line)
	return (*last)[len(*last)-b.dim:], nil
}

// keep counts n more bytes of kept data read by line.
func (b *builder) keep(n int64, line int) error {
	b.kept += n
	if b.kept > b.lim.MaxMemory {
		return &Error{File: b.file, Line: line, Reason: TooMuchData, Limit: b.lim.MaxMemory}
	}
	return nil
}

// label records the class of the last row: name as read in file at line.
func (b *builder) label(name string, line int, file string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return &Error{File: file, Line: line, Reason: EmptyLabel}
	}
	c, ok := b.index[name]
	if !ok {
		if err := b.keep(int64(len(name))+perClass, line); err != nil {
			return err
		}
		name = strings.Clone(name) // not the row it was read with
		c = len(b.classes)
		b.index[name] = c
		b.classes = append(b.classes, name)
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
	switch len(b.classes) {
	case 0:
		return nil, &Error{File: b.file, Reason: NoLabels}
	case 1:
		return nil, &Error{File: b.file, Reason: OneClass, Value: b.classes[0]}
	}
	for c, k := range count {
		if k == 1 {
			return nil, &Error{File: b.files[c], Line: b.first[c], Reason: SingleSample, Value: b.classes[c]}
		}
	}
	data := make([]float64, 0, b.rows*b.dim)
	for i, block := range b.blocks {
		data = append(data, block...)
		b.blocks[i] = nil // the collector may take it while the rest is copied
	}
	return &Dataset{
		X:       mat.NewDense(b.rows, b.dim, data),
		Labels:  b.labels,
		Classes: b.classes,
		Lines:   b.lines,
		File:    b.file,
		Source:  b.file,
	}, nil
}

// ParseNumber parses a finite number (surrounding spaces allowed); -0 reads
// as 0. Its errors are ErrNotNumber, ErrOutOfRange and ErrNotFinite. Flags
// and files share it.
func ParseNumber(field string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(field), 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return 0, ErrOutOfRange
	case err != nil:
		return 0, ErrNotNumber
	case math.IsNaN(v) || math.IsInf(v, 0):
		return 0, ErrNotFinite
	case v == 0:
		return 0, nil // -0 is 0: no output may show a sign on it
	}
	return v, nil
}

// number parses field, the value of column col (1-based; name from the
// header, or "") at file:line.
func number(field, file string, line, col int, name string) (float64, error) {
	v, err := ParseNumber(field)
	if err != nil {
		return 0, &Error{File: file, Line: line, Reason: numberReason(err), Column: col, Name: name, Value: field}
	}
	return v, nil
}
