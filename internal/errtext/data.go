package errtext

import (
	"errors"
	"fmt"
	"strings"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/dist"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
)

// Data says a reader's error: "file:line: reason", or "file: reason" when
// the reason is about the file as a whole or names the line itself.
func Data(p i18n.Printer, e *dataset.Error) string {
	return Place(p, e, dataReason(p, e))
}

// Place puts msg, a reason in words, after e's file (or demo) and line.
// A limit that refuses a demo is said without the line where the reader
// stopped: it is about the demo's size, not a place a user could look at.
func Place(p i18n.Printer, e *dataset.Error, msg string) string {
	name := Source(p, e.File, e.Demo)
	switch {
	case name == "":
		return msg
	case e.Line > 0 && !lineInMessage[e.Reason] && (e.Demo == "" || !limitReasons[e.Reason]):
		return fmt.Sprintf("%s:%d: %s", name, e.Line, msg)
	case e.Demo != "":
		return p.T(i18n.DataInDemo, e.Demo, msg)
	}
	return name + ": " + msg
}

// limitReasons are the refusals by dataset.Limits.
var limitReasons = map[dataset.Reason]bool{dataset.TooManyRows: true, dataset.TooMuchData: true}

// Source names data read: the demo, else the file as the user named it,
// printable.
func Source(p i18n.Printer, file, demo string) string {
	if demo != "" {
		return p.T(i18n.DataDemo, demo)
	}
	return termsafe.String(file)
}

// lineInMessage are the reasons whose message says the line itself.
var lineInMessage = map[dataset.Reason]bool{
	dataset.LineTooLong: true, dataset.RowTooLong: true, dataset.TooManyBytes: true,
	dataset.GzipTruncated: true, dataset.GzipCorrupt: true, dataset.GzipTrailing: true,
}

// dataMessages are the reasons said by a message without arguments.
var dataMessages = map[dataset.Reason]i18n.ID{
	dataset.GzipCorrupt: i18n.DataGzipCorrupt, dataset.NotGzip: i18n.DataNotGzip,
	dataset.BadQuote: i18n.DataBadQuote, dataset.Empty: i18n.DataEmpty, dataset.NoDataRows: i18n.DataNoDataRows,
	dataset.LooksTabSeparated: i18n.DataLooksTSV, dataset.LooksCommaSeparated: i18n.DataLooksCSV,
	dataset.TooFewColumns: i18n.DataTooFewColumns, dataset.EmptyLabel: i18n.DataEmptyLabel, dataset.NoLabels: i18n.DataNoLabels,
}

func dataReason(p i18n.Printer, e *dataset.Error) string {
	if id, ok := dataMessages[e.Reason]; ok {
		return p.T(id)
	}
	count := func(n int64) string { return numfmt.Count(n) }
	line := count(int64(e.Line))
	switch e.Reason {
	case dataset.LineTooLong:
		return p.T(i18n.DataLineTooLong, line, count(e.Limit))
	case dataset.RowTooLong:
		return p.T(i18n.DataRowTooLong, line, count(e.Limit))
	case dataset.TooManyBytes:
		return p.T(i18n.DataTooManyBytes, count(e.Limit), line)
	case dataset.TooManyRows:
		return p.T(i18n.DataTooManyRows, count(e.Limit))
	case dataset.TooManyColumns:
		return p.T(i18n.DataTooManyColumns, count(e.Count), count(e.Limit))
	case dataset.TooMuchData:
		return p.T(i18n.DataTooMuchData, Size(p, e.Limit))
	case dataset.ReadFailed:
		return p.T(i18n.DataReadFailed, termsafe.String(errors.Unwrap(e).Error()))
	case dataset.GzipTruncated:
		return p.T(i18n.DataGzipTruncated, line)
	case dataset.GzipTrailing:
		return p.T(i18n.DataGzipTrailing, line)
	case dataset.UnknownFormat:
		return p.T(i18n.DataUnknownFormat, termsafe.Echo(e.Value))
	case dataset.UnknownExtension:
		return p.T(i18n.DataUnknownExt, termsafe.Echo(e.Value))
	case dataset.UnknownDemo:
		return p.T(i18n.DataUnknownDemo, termsafe.Echo(e.Value), List(p, e.Names))
	case dataset.FieldCount:
		return p.N(i18n.DataFieldCount, e.Count, e.Count, e.Limit)
	case dataset.HeaderTypo:
		return p.N(i18n.DataHeaderTypo, e.Count, e.Column, termsafe.Echo(e.Value), e.Count)
	case dataset.DuplicateColumn:
		return p.T(i18n.DataDuplicateCol, termsafe.Echo(e.Name), e.Column, e.OtherColumn)
	case dataset.NoHeader:
		return p.T(i18n.DataNoHeader, termsafe.Echo(e.Name))
	case dataset.NoSuchColumn:
		return p.T(i18n.DataNoSuchColumn, termsafe.Echo(e.Name), List(p, e.Names))
	case dataset.SingleColumnMetadata:
		return p.T(i18n.DataOneColumnMeta, termsafe.Echo(e.Name))
	case dataset.MissingLabel:
		return p.N(i18n.DataMissingLabel, e.Count, e.Count, e.Column)
	case dataset.NotNumber, dataset.OutOfRange, dataset.NotFinite:
		return column(p, e, number(p, e.Reason, e.Value))
	case dataset.OneClass:
		return p.T(i18n.DataOneClass, termsafe.Echo(e.Value))
	case dataset.SingleSample:
		return p.T(i18n.DataSingleSample, termsafe.Echo(e.Value))
	case dataset.LabelCount:
		return p.N(i18n.DataLabelCount, e.Count, e.Count, e.Limit, termsafe.String(e.Other))
	case dataset.RowProblem:
		if e.Column > 0 {
			return column(p, e, rowProblem(p, e.Err))
		}
		return rowProblem(p, e.Err)
	}
	return e.Error()
}

func number(p i18n.Printer, r dataset.Reason, text string) string {
	switch r {
	case dataset.OutOfRange:
		return p.T(i18n.DataOutOfRange, termsafe.Echo(text))
	case dataset.NotFinite:
		return p.T(i18n.DataNotFinite, termsafe.Echo(strings.TrimSpace(text)))
	}
	return p.T(i18n.DataNotNumber, termsafe.Echo(text))
}

// column says msg about e's column, named by the header, else by its
// number.
func column(p i18n.Printer, e *dataset.Error, msg string) string {
	if e.Name != "" {
		return p.T(i18n.DataColumnNamed, termsafe.Echo(e.Name), msg)
	}
	return p.T(i18n.DataColumn, e.Column, msg)
}

// rowProblem says what a computation found wrong with a row.
func rowProblem(p i18n.Printer, err error) string {
	switch {
	case errors.Is(err, dist.ErrZeroVector):
		return p.T(i18n.DataZeroRow)
	case errors.Is(err, dist.ErrZeroRow):
		return p.T(i18n.DataNormalize, p.T(i18n.DataZeroRowNorm))
	case errors.Is(err, dist.ErrNotFinite):
		return p.T(i18n.DataNotFiniteRow)
	case errors.Is(err, batch.ErrNotFinite):
		return p.T(i18n.DataOverflow, termsafe.String(err.Error())) // core/batch's overflows, in its words
	}
	return p.T(i18n.DataRowFailed, termsafe.String(err.Error()))
}

// listShown is how many names List shows.
const listShown = 8

// List joins names a user gave (a header's columns), each a short printable
// prefix, the first few of a long list and how many more.
func List(p i18n.Printer, names []string) string {
	shown := make([]string, 0, min(len(names), listShown))
	for _, n := range names[:min(len(names), listShown)] {
		shown = append(shown, termsafe.Echo(n))
	}
	list := strings.Join(shown, p.T(i18n.DataListSep))
	if len(names) > listShown {
		return p.T(i18n.DataListMore, list, numfmt.Count(int64(len(names)-listShown)))
	}
	return list
}
