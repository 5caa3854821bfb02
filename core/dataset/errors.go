package dataset

import (
	"errors"
	"fmt"
	"strings"
)

// Reason says why input was refused. Front ends say it in the user's
// language from the Reason and the fields of Error it names; core returns
// no display text.
type Reason int

// The reasons, with the fields of Error each one sets besides File and Line.
const (
	_ Reason = iota

	// Reading.
	LineTooLong      // a physical line over Limit bytes
	RowTooLong       // a row quoted over several lines, over Limit bytes since Line
	TooManyBytes     // more than Limit bytes (after decompression)
	TooManyRows      // more than Limit data rows
	TooManyColumns   // a row of more than Limit fields
	TooMuchData      // the embeddings and labels kept would pass Limit bytes
	BadQuote         // a quote out of place in a CSV row
	ReadFailed       // the reader beneath failed (Err)
	GzipTruncated    // the gzip data stops early
	GzipCorrupt      // the gzip data fails its own check
	GzipTrailing     // bytes after the gzip data that are not gzip data
	NotGzip          // a name ending in .gz on data that is not gzip
	UnknownFormat    // --format's Value is neither csv nor tsv (no File)
	UnknownExtension // File's extension Value tells no format
	UnknownDemo      // Value names no demo; Names are the demos

	// The shape of the file.
	Empty                // no rows at all
	NoDataRows           // a header and nothing else
	LooksTabSeparated    // one column, with tabs in it: a TSV read as CSV
	LooksCommaSeparated  // one column, with commas in it: a CSV read as TSV
	TooFewColumns        // one column: no room for an embedding and a label
	FieldCount           // Count fields where the first row has Limit
	HeaderTypo           // Column's Value is not a number, but Count other fields are
	DuplicateColumn      // the header names Name in columns Column and OtherColumn
	NoHeader             // --label-col Name, but the file has no header row
	NoSuchColumn         // --label-col Name is none of the header's Names
	SingleColumnMetadata // --label-col Name, but the metadata is one column without a header
	MissingLabel         // a metadata row of Count fields has no label column Column

	// Values.
	NotNumber  // Column (Name if the header names it) holds Value
	OutOfRange // Value is beyond float64
	NotFinite  // Value is NaN or ±Inf
	EmptyLabel
	NoLabels     // no rows, so no classes
	OneClass     // every row has the label Value
	SingleSample // the label Value has one row: no positive pair
	LabelCount   // Count labels in File for Limit vectors in Other
	RowProblem   // a computation refused row Line (Column if one component): Err
)

var reasonNames = [...]string{
	LineTooLong: "line too long", RowTooLong: "quoted row too long", TooManyBytes: "too many bytes",
	TooManyRows: "too many rows", TooManyColumns: "too many columns", TooMuchData: "too much data",
	BadQuote: "misplaced quote", ReadFailed: "read failed", GzipTruncated: "gzip data truncated",
	GzipCorrupt: "gzip data corrupt", GzipTrailing: "trailing data after gzip", NotGzip: "not gzip data",
	UnknownFormat: "unknown format", UnknownExtension: "unknown extension", UnknownDemo: "unknown demo",
	Empty: "empty file", NoDataRows: "no data rows", LooksTabSeparated: "one column, tab-separated",
	LooksCommaSeparated: "one column, comma-separated", TooFewColumns: "too few columns",
	FieldCount: "wrong number of fields", HeaderTypo: "not a number in the first row",
	DuplicateColumn: "label column named twice", NoHeader: "no header", NoSuchColumn: "no such column",
	SingleColumnMetadata: "single-column metadata", MissingLabel: "no label field",
	NotNumber: "not a number", OutOfRange: "out of range", NotFinite: "not finite", EmptyLabel: "empty label",
	NoLabels: "no labels", OneClass: "one class", SingleSample: "single sample", LabelCount: "label count",
	RowProblem: "row refused",
}

// String is the reason in a few English words, for logs.
func (r Reason) String() string {
	if r > 0 && int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return fmt.Sprintf("reason %d", int(r))
}

// Error is input refused for Reason. Only the fields the Reason names are
// set. Value holds the text at fault as it was read, whatever its length: a
// front end quotes a short, printable prefix of it.
type Error struct {
	File        string // as the user named it ("-" for stdin); "" for a demo
	Demo        string // the demo's ID, when the error is in a demo
	Line        int    // 1-based; 0 when the error is about the file as a whole
	Reason      Reason
	Column      int      // 1-based
	OtherColumn int      // 1-based, for DuplicateColumn
	Name        string   // a column's name in the header, or the --label-col asked for
	Value       string   // the field, label, extension or name at fault
	Count       int64    // what was found
	Limit       int64    // the bound passed, or what was expected
	Names       []string // the header's columns, or the demos
	Other       string   // the vectors file of a Projector pair
	Err         error    // the cause, for ReadFailed and RowProblem
}

// Error is the reason in English with its place, for logs and tests; front
// ends say it in words of their own.
func (e *Error) Error() string {
	var b strings.Builder
	switch {
	case e.File != "" && e.Line > 0:
		fmt.Fprintf(&b, "%s:%d: ", e.File, e.Line)
	case e.File != "":
		fmt.Fprintf(&b, "%s: ", e.File)
	}
	if e.Column > 0 {
		fmt.Fprintf(&b, "column %d: ", e.Column)
	}
	b.WriteString(e.Reason.String())
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

// Unwrap is the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errors of ParseNumber.
var (
	ErrNotNumber  = errors.New("not a number")
	ErrOutOfRange = errors.New("out of range")
	ErrNotFinite  = errors.New("not a finite number")
)

// numberReason is the Reason of a ParseNumber error.
func numberReason(err error) Reason {
	switch {
	case errors.Is(err, ErrOutOfRange):
		return OutOfRange
	case errors.Is(err, ErrNotFinite):
		return NotFinite
	}
	return NotNumber
}
