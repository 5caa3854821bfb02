package dataset

import (
	"bufio"
	"bytes"
	"io"
)

// Limits bound what a reader accepts and keeps, so that endless input
// (/dev/zero, a pipe from yes) or a runaway file stops with one error
// instead of eating memory. The zero value of a field means its default.
//
// A reader keeps the embeddings (8 bytes a value), the labels and a line
// number per row; everything else it holds is one row at a time, at most
// MaxLine bytes and MaxColumns fields. So its peak memory is about twice
// MaxMemory at most (the kept data, and the garbage the collector lets grow
// beside it) plus a few MiB.
type Limits struct {
	MaxRows    int   // data rows; default 1,000,000
	MaxBytes   int64 // bytes after decompression; default 1 GiB
	MaxLine    int   // bytes in one line, and in one row quoted over several; default 1 MiB
	MaxColumns int   // fields in one row; default 65,536
	MaxMemory  int64 // bytes of data kept; default 256 MiB
}

// Default limits (see Limits).
const (
	DefaultMaxRows    = 1_000_000
	DefaultMaxBytes   = 1 << 30
	DefaultMaxLine    = 1 << 20
	DefaultMaxColumns = 1 << 16
	DefaultMaxMemory  = 256 << 20
)

func (l Limits) withDefaults() Limits {
	if l.MaxRows <= 0 {
		l.MaxRows = DefaultMaxRows
	}
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxLine <= 0 {
		l.MaxLine = DefaultMaxLine
	}
	if l.MaxColumns <= 0 {
		l.MaxColumns = DefaultMaxColumns
	}
	if l.MaxMemory <= 0 {
		l.MaxMemory = DefaultMaxMemory
	}
	return l
}

// limitError is a limit reached while reading: the reader's Read returns it
// and the record reader places it.
type limitError struct{ err *Error }

func (e *limitError) Error() string { return e.err.Error() }

// limitedReader enforces Limits' byte and line-length bounds, strips a
// UTF-8 byte order mark at the start, and counts lines for messages.
//
// Each Read ends at a line feed at the latest, so that when the CSV reader
// above it returns a row it has consumed every byte read so far: the bytes
// since the last row (endRow) are then exactly the row being read, and a
// row quoted over many lines is bounded like a single line (line feeds
// aside).
type limitedReader struct {
	br      *bufio.Reader
	lim     Limits
	file    string
	total   int64 // bytes returned
	lineLen int   // bytes of the current physical line, line feeds not counted
	rowLen  int   // bytes since the last complete row, line feeds not counted
	lines   int   // line feeds returned
	rowLine int   // the line after the last complete row
	started bool
}

var bom = []byte("\ufeff")

func newLimitedReader(r io.Reader, file string, lim Limits) *limitedReader {
	return &limitedReader{br: bufio.NewReaderSize(r, 64<<10), lim: lim, file: file, rowLine: 1}
}

// endRow marks the end of a complete row.
func (l *limitedReader) endRow() { l.rowLen, l.rowLine = 0, l.lines+1 }

func (l *limitedReader) Read(p []byte) (int, error) {
	if !l.started {
		l.started = true
		if head, _ := l.br.Peek(len(bom)); bytes.Equal(head, bom) {
			l.br.Discard(len(bom))
		}
	}
	if len(p) == 0 {
		return 0, nil
	}
	if l.br.Buffered() == 0 {
		if _, err := l.br.Peek(1); err != nil {
			return 0, err
		}
	}
	buf, _ := l.br.Peek(min(l.br.Buffered(), len(p)))
	if i := bytes.IndexByte(buf, '\n'); i >= 0 {
		buf = buf[:i+1]
	}
	n := copy(p, buf)
	l.br.Discard(n)
	if l.total+int64(n) > l.lim.MaxBytes { // p holds one line at most
		return 0, l.refuse(TooManyBytes, l.lines+1, l.lim.MaxBytes)
	}
	for _, c := range p[:n] {
		if c == '\n' {
			l.lines++
			l.lineLen = 0
			continue
		}
		l.lineLen++
		l.rowLen++
		switch {
		case l.lineLen > l.lim.MaxLine:
			return 0, l.refuse(LineTooLong, l.lines+1, int64(l.lim.MaxLine))
		case l.rowLen > l.lim.MaxLine:
			return 0, l.refuse(RowTooLong, l.rowLine, int64(l.lim.MaxLine))
		}
	}
	l.total += int64(n)
	return n, nil
}

func (l *limitedReader) refuse(r Reason, line int, limit int64) error {
	return &limitError{&Error{File: l.file, Line: line, Reason: r, Limit: limit}}
}
