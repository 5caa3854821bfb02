package dataset

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"losslab/i18n"
	"losslab/internal/numfmt"
)

// Limits bound what a reader accepts, so that endless input (/dev/zero, a
// pipe from yes) or a runaway file stops with one line instead of eating
// memory. The zero value of a field means its default.
type Limits struct {
	MaxRows  int   // data rows; default 1,000,000
	MaxBytes int64 // bytes after decompression; default 1 GiB
	MaxLine  int   // bytes in one line; default 1 MiB
}

// Default limits (see Limits).
const (
	DefaultMaxRows  = 1_000_000
	DefaultMaxBytes = 1 << 30
	DefaultMaxLine  = 1 << 20
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
	return l
}

// ErrNotRegular marks a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// Open opens a data file by path: a regular file only (a FIFO, device or
// directory is refused, as reading one could block or never end), gzip data
// decompressed. The caller closes it.
func Open(path string) (io.ReadCloser, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w (%s): give a file", path, ErrNotRegular, kind(info.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r, err := Decompress(path, f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return readCloser{r, f}, nil
}

func kind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

type readCloser struct {
	io.Reader
	c io.Closer
}

func (r readCloser) Close() error { return r.c.Close() }

// Decompress returns r's data, gunzipped when it starts with the gzip magic
// bytes: the one path for --in, --labels, stdin and the demos. A name ending
// in .gz must hold gzip data (anything else there is a wrong or damaged
// file, and reading it as text would only give a puzzling parse error).
// name is for messages. Reading truncated or corrupt gzip data gives an
// error that says so (a *LineError once the parser places it).
func Decompress(name string, r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(2)
	if !bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		if strings.HasSuffix(strings.ToLower(name), ".gz") {
			return nil, &LineError{File: name, ID: i18n.DataNotGzip}
		}
		return br, nil
	}
	z, err := gzip.NewReader(br)
	if err != nil {
		return nil, newGzipError(err).at(name, 0)
	}
	return gzipReader{z}, nil
}

// gzipReader turns the gzip and flate errors of a read into a *gzipError.
type gzipReader struct{ z *gzip.Reader }

func (g gzipReader) Read(p []byte) (int, error) {
	n, err := g.z.Read(p)
	if err != nil && err != io.EOF {
		err = newGzipError(err)
	}
	return n, err
}

// gzipError is truncated or corrupt gzip data.
type gzipError struct {
	truncated bool
	cause     error
}

func newGzipError(err error) *gzipError {
	return &gzipError{truncated: errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF), cause: err}
}

func (e *gzipError) Error() string { return "gzip: " + e.cause.Error() }
func (e *gzipError) Unwrap() error { return e.cause }

// at places the error in file, after lines complete lines.
func (e *gzipError) at(file string, lines int) *LineError {
	if e.truncated {
		return &LineError{File: file, ID: i18n.DataGzipTruncated, Args: []any{numfmt.Count(int64(lines + 1))}}
	}
	return &LineError{File: file, ID: i18n.DataGzipCorrupt}
}

// limitError is a limit reached while reading.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// limitedReader enforces Limits' byte and line-length bounds, strips a
// UTF-8 byte order mark at the start, and counts lines for messages.
type limitedReader struct {
	r       io.Reader
	lim     Limits
	total   int64
	lineLen int
	lines   int // newlines seen
	started bool
}

var bom = []byte("\ufeff")

func (l *limitedReader) Read(p []byte) (int, error) {
	if !l.started {
		l.started = true
		br := bufio.NewReader(l.r)
		if head, _ := br.Peek(len(bom)); bytes.Equal(head, bom) {
			br.Discard(len(bom))
		}
		l.r = br
	}
	n, err := l.r.Read(p)
	for _, c := range p[:n] {
		if c == '\n' {
			l.lines++
			l.lineLen = 0
			continue
		}
		l.lineLen++
		if l.lineLen > l.lim.MaxLine {
			return 0, &limitError{fmt.Sprintf("line %d is longer than %s bytes (the limit): is this a text file of embeddings?", l.lines+1, numfmt.Count(int64(l.lim.MaxLine)))}
		}
	}
	l.total += int64(n)
	if l.total > l.lim.MaxBytes {
		return 0, &limitError{fmt.Sprintf("more than %s bytes (the limit) by line %d", numfmt.Count(l.lim.MaxBytes), l.lines+1)}
	}
	return n, err
}
