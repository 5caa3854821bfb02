package i18n

// Messages about reading the files a user names (core/dataset's reasons,
// internal/regfile's refusals and the system's errors), said in words
// rather than as a library's error. Each is the part after "file:line: "
// or "file: " (internal/errtext places them); quoted values are short,
// printable prefixes of what was read.
const (
	DataGzipTruncated ID = "data.gzip-truncated" // the line where the data stops
	DataGzipCorrupt   ID = "data.gzip-corrupt"
	DataGzipTrailing  ID = "data.gzip-trailing" // the last line of the gzip data
	DataNotGzip       ID = "data.not-gzip"
	DataDuplicateCol  ID = "data.duplicate-column" // name, first column, second column (1-based)

	DataLineTooLong    ID = "data.line-too-long"    // line, limit in bytes
	DataRowTooLong     ID = "data.row-too-long"     // the line the row starts on, limit in bytes
	DataTooManyBytes   ID = "data.too-many-bytes"   // limit in bytes, line
	DataTooManyRows    ID = "data.too-many-rows"    // limit
	DataTooManyColumns ID = "data.too-many-columns" // fields, limit
	DataTooMuchData    ID = "data.too-much-data"    // limit (a size)
	DataBadQuote       ID = "data.bad-quote"
	DataReadFailed     ID = "data.read-failed"       // the system's words
	DataUnknownFormat  ID = "data.unknown-format"    // %q what was given
	DataUnknownExt     ID = "data.unknown-extension" // %q the extension
	DataUnknownDemo    ID = "data.unknown-demo"      // %q what was given, the demos
	DataEmpty          ID = "data.empty"
	DataNoDataRows     ID = "data.no-data-rows"
	DataLooksTSV       ID = "data.looks-tsv"
	DataLooksCSV       ID = "data.looks-csv"
	DataTooFewColumns  ID = "data.too-few-columns"
	DataFieldCount     ID = "data.field-count"     // fields, fields of the first row
	DataHeaderTypo     ID = "data.header-typo"     // column, %q field, numeric fields
	DataNoHeader       ID = "data.no-header"       // %q --label-col
	DataNoSuchColumn   ID = "data.no-such-column"  // %q --label-col, the header's columns
	DataOneColumnMeta  ID = "data.one-column-meta" // %q --label-col
	DataMissingLabel   ID = "data.missing-label"   // fields, label column
	DataColumn         ID = "data.column"          // column number, what is wrong there
	DataColumnNamed    ID = "data.column-named"    // column name, what is wrong there
	DataNotNumber      ID = "data.not-number"      // %q field
	DataOutOfRange     ID = "data.out-of-range"    // %q field
	DataNotFinite      ID = "data.not-finite"      // field
	DataEmptyLabel     ID = "data.empty-label"
	DataNoLabels       ID = "data.no-labels"
	DataOneClass       ID = "data.one-class"     // %q the class
	DataSingleSample   ID = "data.single-sample" // %q the label
	DataLabelCount     ID = "data.label-count"   // labels, vectors, the vectors file
	DataZeroRow        ID = "data.zero-row"
	DataNotFiniteRow   ID = "data.not-finite-row"
	DataOverflow       ID = "data.overflow"   // core's own words, naming the loss or distance
	DataRowFailed      ID = "data.row-failed" // any other computation's error, in its words
	DataDemo           ID = "data.demo"       // a demo data set named on screen: its ID
	DataInDemo         ID = "data.in-demo"    // the demo's ID, what is wrong
	DataNormalize      ID = "data.normalize"  // what went wrong
	DataZeroRowNorm    ID = "data.zero-row-normalize"
	DataListMore       ID = "data.list-more"      // a list, cut, and how many more
	DataListSep        ID = "data.list-separator" // between the items of any list of names (setosa、versicolor)

	// The refusals of internal/regfile and the system's errors: file, then
	// what the message says.
	FileNotRegular  ID = "file.not-regular" // file, its kind
	FileTooLarge    ID = "file.too-large"   // file, limit (a size)
	FileKindDir     ID = "file.kind.directory"
	FileKindFIFO    ID = "file.kind.fifo"
	FileKindSocket  ID = "file.kind.socket"
	FileKindDevice  ID = "file.kind.device"
	FileKindSpecial ID = "file.kind.special"
	FileNotFound    ID = "file.not-found"     // file
	FilePermission  ID = "file.permission"    // file
	FileNotDir      ID = "file.not-directory" // file
	FileIsDir       ID = "file.is-directory"  // file
	FileNameLong    ID = "file.name-too-long" // file
	FileLoop        ID = "file.loop"          // file
	FileNoSpace     ID = "file.no-space"      // file
	FileReadOnly    ID = "file.read-only"     // file
	FileOther       ID = "file.other"         // file, the system's words
	SizeBytes       ID = "size.bytes"         // a count of bytes
	SizeKiB         ID = "size.kib"           // a number of KiB
	SizeMiB         ID = "size.mib"           // a number of MiB
	SizeGiB         ID = "size.gib"           // a number of GiB
)

var dataEN = map[ID]string{
	DataGzipTruncated:  "the gzip data ends early, in line %[1]s: the file is truncated (an interrupted download or copy?)",
	DataGzipCorrupt:    "the gzip data is corrupt (it fails gzip's own check): the file is damaged",
	DataGzipTrailing:   "after the gzip data (line %[1]s) come bytes that are not gzip data: something was appended to the file; compress the text again",
	DataNotGzip:        "not gzip data although the name ends in .gz: compress it with gzip, or drop .gz from the name if it is plain text",
	DataDuplicateCol:   "the header names column %[1]q twice (columns %[2]d and %[3]d), so it cannot tell which holds the labels: rename one",
	DataLineTooLong:    "line %[1]s is longer than %[2]s bytes (the limit): is this a text file of embeddings?",
	DataRowTooLong:     "the row that starts on line %[1]s runs on over several lines for more than %[2]s bytes (the limit): is a closing quote missing?",
	DataTooManyBytes:   "more than %[1]s bytes (the limit) by line %[2]s",
	DataTooManyRows:    "more than %[1]s rows (the limit)",
	DataTooManyColumns: "%[1]s fields, more than the %[2]s a row may have (the limit): is this a text file of embeddings?",
	DataTooMuchData:    "the embeddings and labels read so far take more than %[1]s (the limit)",
	DataBadQuote:       `a quote (") out of place or never closed: a field with quotes in it must be quoted whole, each quote inside doubled ("a ""b"" c")`,
	DataReadFailed:     "cannot be read: %[1]s",
	DataUnknownFormat:  "unknown format %[1]q (want csv or tsv)",
	DataUnknownExt:     "cannot tell the format from the extension %[1]q: use --format csv|tsv",
	DataUnknownDemo:    "unknown demo %[1]q (known: %[2]s)",
	DataEmpty:          "the file is empty",
	DataNoDataRows:     "no data rows after the header",
	DataLooksTSV:       "one column: the file looks tab-separated: use --format tsv",
	DataLooksCSV:       "one column: the file looks comma-separated: use --format csv",
	DataTooFewColumns:  "need at least one embedding column and a label column",
	DataFieldCount:     "%[1]d fields, expected %[2]d like the first row",
	DataHeaderTypo:     "column %[1]d: %[2]q is not a number, but the row is not a header either (it has %[3]d numeric fields): fix the value, or name every column in a header",
	DataNoHeader:       "no such label column %[1]q: the file has no header row to name columns",
	DataNoSuchColumn:   "no such label column %[1]q (columns: %[2]s)",
	DataOneColumnMeta:  "no such label column %[1]q: the file has a single column and no header",
	DataMissingLabel:   "%[1]d fields, no label column %[2]d",
	DataColumn:         "column %[1]d: %[2]s",
	DataColumnNamed:    "column %[1]s: %[2]s",
	DataNotNumber:      "%[1]q is not a number",
	DataOutOfRange:     "%[1]q is out of range",
	DataNotFinite:      "%[1]s is not a finite number",
	DataEmptyLabel:     "empty label",
	DataNoLabels:       "no labels",
	DataOneClass:       "only one class (%[1]q): need at least 2 classes for negative pairs",
	DataSingleSample:   "label %[1]q has a single sample: no positive pair",
	DataLabelCount:     "%[1]d labels for %[2]d vectors in %[3]s",
	DataZeroRow:        "cosine distance is undefined for a zero vector",
	DataNotFiniteRow:   "component is not finite",
	DataOverflow:       "%[1]s",
	DataRowFailed:      "%[1]s",
	DataDemo:           "demo %[1]s",
	DataInDemo:         "demo %[1]s: %[2]s",
	DataNormalize:      "--normalize: %[1]s",
	DataZeroRowNorm:    "the row is a zero vector",
	DataListMore:       "%[1]s and %[2]s more",
	DataListSep:        ", ",

	FileNotRegular:  "%[1]s: not a regular file (%[2]s): give a file",
	FileTooLarge:    "%[1]s: larger than %[2]s (the limit)",
	FileKindDir:     "a directory",
	FileKindFIFO:    "a FIFO",
	FileKindSocket:  "a socket",
	FileKindDevice:  "a device",
	FileKindSpecial: "a special file",
	FileNotFound:    "%[1]s: no such file or directory",
	FilePermission:  "%[1]s: permission denied",
	FileNotDir:      "%[1]s: a part of the path is not a directory",
	FileIsDir:       "%[1]s: is a directory",
	FileNameLong:    "%[1]s: file name too long",
	FileLoop:        "%[1]s: too many levels of symbolic links",
	FileNoSpace:     "%[1]s: no space left on the device",
	FileReadOnly:    "%[1]s: the file system is read-only",
	FileOther:       "%[1]s: %[2]s",
	SizeBytes:       "%[1]s bytes",
	SizeKiB:         "%[1]s KiB",
	SizeMiB:         "%[1]s MiB",
	SizeGiB:         "%[1]s GiB",
}
