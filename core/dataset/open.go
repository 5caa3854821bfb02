package dataset

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"

	"losslab/internal/regfile"
)

// Open opens a data file by path with internal/regfile: a regular file only
// (a FIFO, device or directory is refused with a *regfile.Error, as reading
// one could block or never end), gzip data decompressed. A missing or
// unreadable file is the *fs.PathError of the system. The caller closes it.
func Open(path string) (io.ReadCloser, error) {
	f, _, err := regfile.Open(path)
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

type readCloser struct {
	io.Reader
	c io.Closer
}

func (r readCloser) Close() error { return r.c.Close() }

var gzipMagic = []byte{0x1f, 0x8b}

// Decompress returns r's data, gunzipped when it starts with the gzip magic
// bytes: the one path for --in, --labels, stdin and the demos. A name ending
// in .gz must hold gzip data (anything else there is a wrong or damaged
// file, and reading it as text would only give a puzzling parse error).
// name is for messages. Reading truncated or corrupt gzip data, or gzip
// data followed by other bytes, gives an error that says so (an *Error once
// the parser places it). Several gzip streams one after the other (as
// `cat a.gz b.gz` makes) read as one.
func Decompress(name string, r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(len(gzipMagic))
	if !bytes.Equal(magic, gzipMagic) {
		if strings.HasSuffix(strings.ToLower(name), ".gz") {
			return nil, &Error{File: name, Reason: NotGzip}
		}
		return br, nil
	}
	z, err := gzip.NewReader(br)
	if err != nil {
		return nil, newGzipError(err).at(name, 0)
	}
	z.Multistream(false)
	return &gzipReader{z: z, br: br}, nil
}

// gzipReader reads gzip streams one after the other, and turns the gzip and
// flate errors of a read into a *gzipError.
type gzipReader struct {
	z  *gzip.Reader
	br *bufio.Reader
}

func (g *gzipReader) Read(p []byte) (int, error) {
	n, err := g.z.Read(p)
	// Empty streams give no data: go on to the next one within this call,
	// since callers such as bufio give up after many empty reads.
	for err == io.EOF {
		if err = g.nextStream(); err != nil || n > 0 || len(p) == 0 {
			break
		}
		n, err = g.z.Read(p)
	}
	if err != nil && err != io.EOF {
		err = newGzipError(err)
	}
	return n, err
}

// nextStream starts the stream after the one that ended, if any: io.EOF
// when the data ends there, an error when other bytes follow.
func (g *gzipReader) nextStream() error {
	head, _ := g.br.Peek(len(gzipMagic))
	switch {
	case len(head) == 0:
		return io.EOF
	case !bytes.Equal(head, gzipMagic):
		return errTrailing
	}
	if err := g.z.Reset(g.br); err != nil {
		return err
	}
	g.z.Multistream(false)
	return nil
}

// errTrailing is data after the gzip streams that is not gzip.
var errTrailing = errors.New("data after the gzip stream")

// gzipError is truncated, corrupt or trailed gzip data.
type gzipError struct{ cause error }

func newGzipError(err error) *gzipError { return &gzipError{cause: err} }

func (e *gzipError) Error() string { return "gzip: " + e.cause.Error() }
func (e *gzipError) Unwrap() error { return e.cause }

// at places the error in file, after lines complete lines.
func (e *gzipError) at(file string, lines int) *Error {
	reason := GzipCorrupt
	switch {
	case errors.Is(e.cause, errTrailing):
		reason = GzipTrailing
	case errors.Is(e.cause, io.ErrUnexpectedEOF), errors.Is(e.cause, io.EOF):
		reason = GzipTruncated
	}
	return &Error{File: file, Line: lines + 1, Reason: reason}
}
