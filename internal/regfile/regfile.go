// Package regfile opens and reads the files a user names (data, scenarios,
// fonts, host keys, key lists, progress): regular files only, opened without
// waiting for a writer, read up to a stated size. A FIFO would block, a
// device could never end, and reading either whole could exhaust memory, so
// both are refused before a byte is read.
//
// Errors are typed (*Error with a Reason) so that front ends can say what is
// wrong in the user's language; Error's own text is English for logs.
package regfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Reason says why a file was refused.
type Reason int

// The reasons.
const (
	NotRegular Reason = iota + 1 // a directory, FIFO, socket or device: see Kind
	TooLarge                     // bigger than the caller's limit: see Limit
)

// Kind is the type of a file that is not regular.
type Kind int

// The kinds.
const (
	Directory Kind = iota + 1
	FIFO
	Socket
	Device
	Special // any other non-regular type
)

// String is the kind in English, for logs ("a FIFO").
func (k Kind) String() string {
	switch k {
	case Directory:
		return "a directory"
	case FIFO:
		return "a FIFO"
	case Socket:
		return "a socket"
	case Device:
		return "a device"
	}
	return "a special file"
}

// KindOf names m's type; it is meaningful only when m is not regular.
func KindOf(m fs.FileMode) Kind {
	switch {
	case m.IsDir():
		return Directory
	case m&fs.ModeNamedPipe != 0:
		return FIFO
	case m&fs.ModeSocket != 0:
		return Socket
	case m&fs.ModeDevice != 0:
		return Device
	}
	return Special
}

// Error is a file refused for Reason.
type Error struct {
	Path   string
	Reason Reason
	Kind   Kind  // for NotRegular
	Limit  int64 // for TooLarge, in bytes
}

func (e *Error) Error() string {
	if e.Reason == TooLarge {
		return fmt.Sprintf("%s: larger than %d bytes (the limit)", e.Path, e.Limit)
	}
	return fmt.Sprintf("%s: not a regular file (%s)", e.Path, e.Kind)
}

// Is lets errors.Is(err, ErrNotRegular) and errors.Is(err, ErrTooLarge) tell
// the reasons apart without a type assertion.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotRegular:
		return e.Reason == NotRegular
	case ErrTooLarge:
		return e.Reason == TooLarge
	}
	return false
}

// Sentinels for errors.Is.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file too large")
)

// Open opens path for reading if it is a regular file, without blocking on
// a FIFO. The caller closes the file. Errors from the system (a missing
// file, a permission) come back as the *fs.PathError os.Open gives.
func Open(path string) (*os.File, fs.FileInfo, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, &Error{Path: path, Reason: NotRegular, Kind: KindOf(info.Mode())}
	}
	return f, info, nil
}

// ReadFile reads the regular file at path whole, refusing it when it holds
// more than limit bytes. It never reads more than limit+1 bytes, so a file
// that grows while it is read is refused too.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, info, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() > limit {
		return nil, &Error{Path: path, Reason: TooLarge, Limit: limit}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &Error{Path: path, Reason: TooLarge, Limit: limit}
	}
	return data, nil
}
