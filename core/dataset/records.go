package dataset

import (
	"encoding/csv"
	"errors"
	"io"
)

// record is one row of a delimited file with its line number.
type record struct {
	fields []string
	line   int
}

// recordReader streams the records of a CSV or TSV file within Limits.
type recordReader struct {
	cr         *csv.Reader
	lim        *limitedReader
	file       string
	rows       int
	maxRecords int // data rows and a header
}

func newRecordReader(r io.Reader, file string, f Format, lim Limits) *recordReader {
	lr := newLimitedReader(r, file, lim.withDefaults())
	cr := csv.NewReader(lr)
	cr.FieldsPerRecord = -1 // ragged rows are reported by the caller, with their line
	if f == TSV {
		cr.Comma = '\t'
		cr.LazyQuotes = true
	}
	return &recordReader{cr: cr, lim: lr, file: file, maxRecords: lr.lim.MaxRows + 1}
}

// noHeader makes the limit on records that on data rows: the file has no
// header.
func (rr *recordReader) noHeader() { rr.maxRecords = rr.lim.lim.MaxRows }

// next returns the next record, io.EOF at the end, or an *Error.
func (rr *recordReader) next() (record, error) {
	fields, err := rr.cr.Read()
	if err == io.EOF {
		return record{}, io.EOF
	}
	if err != nil {
		return record{}, rr.placed(err)
	}
	rr.lim.endRow()
	line, _ := rr.cr.FieldPos(0)
	if len(fields) > rr.lim.lim.MaxColumns {
		return record{}, &Error{File: rr.file, Line: line, Reason: TooManyColumns, Count: int64(len(fields)), Limit: int64(rr.lim.lim.MaxColumns)}
	}
	rr.rows++
	if rr.rows > rr.maxRecords {
		return record{}, &Error{File: rr.file, Line: line, Reason: TooManyRows, Limit: int64(rr.lim.lim.MaxRows)}
	}
	return record{fields, line}, nil
}

// placed turns an error of the CSV reader, or of the readers beneath it
// (limits, gzip), into an *Error at its line.
func (rr *recordReader) placed(err error) error {
	var le *limitError
	var pe *csv.ParseError
	var ge *gzipError
	switch {
	case errors.As(err, &le):
		return le.err
	case errors.As(err, &ge):
		return ge.at(rr.file, rr.lim.lines)
	case errors.As(err, &pe) && (errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote)):
		return &Error{File: rr.file, Line: pe.Line, Reason: BadQuote}
	}
	return &Error{File: rr.file, Line: rr.lim.lines + 1, Reason: ReadFailed, Err: err}
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
		return nil, &Error{File: rr.file, Reason: Empty}
	}
	return out, nil
}
