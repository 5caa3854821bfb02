package dataset

import (
	"io"
	"strings"
)

// ParseProjector reads the Embedding Projector's pair: vectors (TSV, one
// embedding per line, no header) and metadata (one label per line; with
// several columns, a header row and labelCol, "label" or the first column).
func ParseProjector(vectors io.Reader, vectorsFile string, metadata io.Reader, metadataFile, labelCol string) (*Dataset, error) {
	return ParseProjectorLimited(vectors, vectorsFile, metadata, metadataFile, labelCol, Limits{})
}

// ParseProjectorLimited is ParseProjector within lim (for each file). The
// two files are read side by side, a row of each at a time, so that only
// the labels are kept of the metadata.
func ParseProjectorLimited(vectors io.Reader, vectorsFile string, metadata io.Reader, metadataFile, labelCol string, lim Limits) (*Dataset, error) {
	mr := newRecordReader(metadata, metadataFile, TSV, lim)
	meta, err := mr.next()
	if err == io.EOF {
		return nil, &Error{File: metadataFile, Reason: Empty}
	}
	if err != nil {
		return nil, err
	}
	label, hasHeader, err := metadataLabel(meta, metadataFile, labelCol)
	if err != nil {
		return nil, err
	}
	// pending is the label of the next vector, when there is one: only
	// that is kept of a metadata row.
	var pending *metaLabel
	take := func(rec record) {
		pending = &metaLabel{line: rec.line, fields: len(rec.fields)}
		if label < len(rec.fields) {
			pending.name = strings.Clone(rec.fields[label])
		}
	}
	take(meta)
	labels := 1
	nextLabel := func() error {
		rec, err := mr.next()
		switch {
		case err == io.EOF:
			pending = nil
			return nil
		case err != nil:
			return err
		}
		take(rec)
		labels++
		return nil
	}
	if !hasHeader {
		mr.noHeader()
	}
	if hasHeader {
		labels--
		if err := nextLabel(); err != nil {
			return nil, err
		}
	}
	vr := newRecordReader(vectors, vectorsFile, TSV, lim)
	vr.noHeader()
	var b *builder
	width, rows := -1, 0
	for ; ; rows++ {
		vec, err := vr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if width < 0 {
			width = len(vec.fields)
			b = newBuilder(vectorsFile, width, lim)
		}
		if pending == nil {
			continue // counted for the message below
		}
		if len(vec.fields) != width {
			return nil, &Error{File: vectorsFile, Line: vec.line, Reason: FieldCount, Count: int64(len(vec.fields)), Limit: int64(width)}
		}
		row, err := b.row(vec.line)
		if err != nil {
			return nil, err
		}
		for j, field := range vec.fields {
			if row[j], err = number(field, vectorsFile, vec.line, j+1, ""); err != nil {
				return nil, err
			}
		}
		if label >= pending.fields {
			return nil, &Error{File: metadataFile, Line: pending.line, Reason: MissingLabel, Count: int64(pending.fields), Column: label + 1}
		}
		if err := b.label(pending.name, pending.line, metadataFile); err != nil {
			return nil, err
		}
		if err := nextLabel(); err != nil {
			return nil, err
		}
	}
	if b == nil {
		return nil, &Error{File: vectorsFile, Reason: Empty}
	}
	for pending != nil { // count the labels left over
		if err := nextLabel(); err != nil {
			return nil, err
		}
	}
	if labels != rows {
		return nil, &Error{File: metadataFile, Reason: LabelCount, Count: int64(labels), Limit: int64(rows), Other: vectorsFile}
	}
	return b.done()
}

// metaLabel is what is kept of a row of Projector metadata.
type metaLabel struct {
	name         string
	line, fields int
}

// metadataLabel finds the label column of Projector metadata from its first
// row: TensorBoard writes a header only with several columns, and then the
// label is labelCol, "label" or the first.
func metadataLabel(first record, file, labelCol string) (label int, hasHeader bool, err error) {
	if len(first.fields) == 1 {
		if labelCol != "" {
			return 0, false, &Error{File: file, Reason: SingleColumnMetadata, Name: labelCol}
		}
		return 0, false, nil
	}
	header := first.fields
	if err := uniqueLabelColumn(header, labelCol, file, first.line); err != nil {
		return 0, false, err
	}
	switch {
	case labelCol != "":
		if label = indexOf(header, labelCol); label < 0 {
			return 0, false, &Error{File: file, Reason: NoSuchColumn, Name: labelCol, Names: trimmed(header)}
		}
	case indexOf(header, "label") >= 0:
		label = indexOf(header, "label")
	}
	return label, true, nil
}
