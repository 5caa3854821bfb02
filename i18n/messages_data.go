package i18n

// Messages about reading data files (core/dataset): what is wrong with a
// file, said in words rather than as a library's error.
const (
	DataGzipTruncated ID = "data.gzip-truncated" // the line where the data stops
	DataGzipCorrupt   ID = "data.gzip-corrupt"
	DataNotGzip       ID = "data.not-gzip"
	DataDuplicateCol  ID = "data.duplicate-column" // name, first column, second column (1-based)
)

var dataEN = map[ID]string{
	DataGzipTruncated: "the gzip data ends early, in line %[1]s: the file is truncated (an interrupted download or copy?)",
	DataGzipCorrupt:   "the gzip data is corrupt (it fails gzip's own check): the file is damaged",
	DataNotGzip:       "not gzip data although the name ends in .gz: compress it with gzip, or drop .gz from the name if it is plain text",
	DataDuplicateCol:  "the header names column %[1]q twice (columns %[2]d and %[3]d), so it cannot tell which holds the labels: rename one",
}
