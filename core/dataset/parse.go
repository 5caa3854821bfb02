package dataset

import (
	"errors"
	"io"
	"strconv"
	"strings"
)

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
		return nil, &Error{File: file, Line: recs[0].line, Reason: oneColumn(recs[0].fields[0], f)}
	}
	header, label, err := columns(recs, file, labelCol)
	if err != nil {
		return nil, err
	}
	if header != nil {
		recs = recs[1:]
	}
	colName := func(j int) string {
		if header != nil {
			return strings.TrimSpace(header[j])
		}
		return ""
	}
	b := newBuilder(file, width-1, lim)
	add := func(rec record) error {
		if len(rec.fields) != width {
			return &Error{File: file, Line: rec.line, Reason: FieldCount, Count: int64(len(rec.fields)), Limit: int64(width)}
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
			if row[k], err = number(field, file, rec.line, j+1, colName(j)); err != nil {
				return err
			}
			k++
		}
		return b.label(rec.fields[label], rec.line, file)
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
		return nil, &Error{File: file, Reason: NoDataRows}
	}
	return b.done()
}

// columns finds the header (nil when the first record is data) and the
// label column: labelCol (which needs a header), else one named "label",
// else the last.
func columns(recs []record, file, labelCol string) (header []string, label int, err error) {
	first := recs[0].fields
	// The label column is the last unless a header names it; a first guess
	// serves to tell a header from data.
	label = len(first) - 1
	if i := indexOf(first, labelCol); labelCol != "" && i >= 0 {
		label = i
	} else if i := indexOf(first, "label"); i >= 0 {
		label = i
	}
	isHeader, err := headerOf(recs, file, label)
	if err != nil {
		return nil, 0, err
	}
	if isHeader {
		header = first
	}
	if err := uniqueLabelColumn(header, labelCol, file, recs[0].line); err != nil {
		return nil, 0, err
	}
	switch {
	case labelCol != "" && header == nil:
		return nil, 0, &Error{File: file, Reason: NoHeader, Name: labelCol}
	case labelCol != "":
		if label = indexOf(header, labelCol); label < 0 {
			return nil, 0, &Error{File: file, Reason: NoSuchColumn, Name: labelCol, Names: trimmed(header)}
		}
	case header != nil && indexOf(header, "label") >= 0:
		label = indexOf(header, "label")
	default:
		label = len(first) - 1
	}
	return header, label, nil
}

// oneColumn explains a file read as a single column, with a hint when the
// other separator would split it.
func oneColumn(field string, f Format) Reason {
	switch {
	case f == CSV && strings.Contains(field, "\t"):
		return LooksTabSeparated
	case f == TSV && strings.Contains(field, ","):
		return LooksCommaSeparated
	}
	return TooFewColumns
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
		return false, &Error{File: file, Line: first.line, Reason: HeaderTypo, Column: j + 1, Value: first.fields[j], Count: int64(numbers)}
	}
	return true, nil
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
		return &Error{File: file, Line: line, Reason: DuplicateColumn, Name: strings.TrimSpace(header[first]), Column: first + 1, OtherColumn: first + second + 2}
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

// trimmed is names without surrounding spaces, copied from the row they
// were read with.
func trimmed(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strings.Clone(strings.TrimSpace(n))
	}
	return out
}
