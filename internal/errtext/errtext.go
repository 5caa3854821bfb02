// Package errtext says the typed errors of losslab's core and file readers
// in the user's language: core/dataset's reasons, internal/regfile's
// refusals, the system's file errors, a refused value of one of the
// playground's controls (InputError) and a refused set of points mode's
// points (PointsError). Core returns reasons and values;
// this is where the front ends (cli, tui, scenarios) turn them into
// catalogue messages.
//
// Every value a user gave that a message quotes (a field, a label, a name)
// is a short printable prefix (termsafe.Echo); file names are made
// printable whole, as the user needs them to find the file.
package errtext

import (
	"errors"
	"io/fs"
	"syscall"

	"losslab/core/dataset"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/regfile"
	"losslab/internal/termsafe"
)

// Localized is an error that says itself in a language.
type Localized interface {
	error
	Text(i18n.Printer) string
}

// Text says err with p if err, or an error it wraps, is one errtext
// knows, and reports whether it was. A Localized error says itself.
func Text(p i18n.Printer, err error) (string, bool) {
	var (
		localized Localized
		data      *dataset.Error
		refused   *regfile.Error
		path      *fs.PathError
	)
	switch {
	case errors.As(err, &localized):
		return localized.Text(p), true
	case errors.As(err, &data):
		return Data(p, data), true
	case errors.As(err, &refused):
		return File(p, refused), true
	case errors.As(err, &path):
		return Path(p, path), true
	}
	return "", false
}

// Message is Text, or err's own words for an error errtext does not know.
func Message(p i18n.Printer, err error) string {
	if text, ok := Text(p, err); ok {
		return text
	}
	return err.Error()
}

// File says why internal/regfile refused a file.
func File(p i18n.Printer, e *regfile.Error) string {
	name := termsafe.String(e.Path)
	if e.Reason == regfile.TooLarge {
		return p.T(i18n.FileTooLarge, name, Size(p, e.Limit))
	}
	kinds := map[regfile.Kind]i18n.ID{regfile.Directory: i18n.FileKindDir, regfile.FIFO: i18n.FileKindFIFO,
		regfile.Socket: i18n.FileKindSocket, regfile.Device: i18n.FileKindDevice}
	kind, ok := kinds[e.Kind]
	if !ok {
		kind = i18n.FileKindSpecial
	}
	return p.T(i18n.FileNotRegular, name, p.T(kind))
}

// Path says a file error of the system: the file and the reason in p's
// language, the system's own words only for a reason it does not know.
func Path(p i18n.Printer, e *fs.PathError) string {
	name := termsafe.String(e.Path)
	for _, r := range []struct {
		err error
		id  i18n.ID
	}{
		{fs.ErrNotExist, i18n.FileNotFound},
		{fs.ErrPermission, i18n.FilePermission},
		{syscall.ENOTDIR, i18n.FileNotDir},
		{syscall.EISDIR, i18n.FileIsDir},
		{syscall.ENAMETOOLONG, i18n.FileNameLong},
		{syscall.ELOOP, i18n.FileLoop},
		{syscall.ENOSPC, i18n.FileNoSpace},
		{syscall.EROFS, i18n.FileReadOnly},
	} {
		if errors.Is(e.Err, r.err) {
			return p.T(r.id, name)
		}
	}
	return p.T(i18n.FileOther, name, termsafe.String(e.Err.Error()))
}

// Size writes a number of bytes as a person would: in the largest of GiB,
// MiB and KiB it reaches, else in bytes.
func Size(p i18n.Printer, b int64) string {
	switch {
	case b >= 1<<30 && b%(1<<30) == 0:
		return p.T(i18n.SizeGiB, numfmt.Count(b>>30))
	case b >= 1<<30:
		return p.T(i18n.SizeGiB, numfmt.Fixed(float64(b)/(1<<30), 1))
	case b >= 1<<20 && b%(1<<20) == 0:
		return p.T(i18n.SizeMiB, numfmt.Count(b>>20))
	case b >= 1<<20:
		return p.T(i18n.SizeMiB, numfmt.Fixed(float64(b)/(1<<20), 1))
	case b >= 1<<10 && b%(1<<10) == 0:
		return p.T(i18n.SizeKiB, numfmt.Count(b>>10))
	case b >= 1<<10:
		return p.T(i18n.SizeKiB, numfmt.Fixed(float64(b)/(1<<10), 1))
	}
	return p.T(i18n.SizeBytes, numfmt.Count(b))
}
