// Package dataset reads labelled embeddings: CSV or TSV files with one row
// per sample (numeric columns are the embedding, one column the label), the
// Embedding Projector's pair of vectors.tsv and metadata.tsv, and the demo
// sets shipped with losslab.
//
// Every error is an *Error: a Reason with the file, the line and the values
// the reason needs, never display text, so that each front end says it in
// its user's language. Readers stay within Limits (rows, bytes, line length,
// columns, and the memory of what they keep), whatever the input.
//
// Labels and file names are kept as written: a front end makes them
// printable before it shows them.
package dataset

import (
	"errors"
	"path/filepath"
	"strings"

	"gonum.org/v1/gonum/mat"

	"losslab/core/dist"
)

// Dataset is a labelled set of embeddings.
type Dataset struct {
	X       *mat.Dense
	Labels  []int    // class index of each row
	Classes []string // class names by index, in order of first appearance, as written
	Lines   []int    // source line of each row, for messages
	File    string   // the file the rows came from, for messages
	Source  string   // the file as the user named it, for the screen; "" for a demo
	Demo    string   // the demo's ID ("iris") when the data is a demo: a front end names it
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
	return 0, &Error{Reason: UnknownFormat, Value: s}
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
	return 0, &Error{File: path, Reason: UnknownExtension, Value: ext}
}

// Locate turns an error about a row of d.X (a *dist.RowError from the
// distance or batch code) into an *Error naming the file and line, with the
// row's problem as its cause.
func (d *Dataset) Locate(err error) error {
	var re *dist.RowError
	if !errors.As(err, &re) || re.Row < 0 || re.Row >= len(d.Lines) {
		return err
	}
	return &Error{File: d.File, Demo: d.Demo, Line: d.Lines[re.Row], Reason: RowProblem, Column: re.Index + 1, Err: re.Err}
}
