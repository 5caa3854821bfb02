package cli

import (
	"errors"
	"io"

	"losslab/core/dataset"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/internal/numfmt"
	"losslab/internal/regfile"
	"losslab/internal/termsafe"
)

// loadDataset reads the data set of batch's flags (train's --in reads with
// it too) and makes its labels and name printable.
func loadDataset(f batchFlags, stdin io.Reader) (*dataset.Dataset, error) {
	d, err := readDataset(f, stdin)
	if err != nil {
		return nil, err
	}
	// Labels and the file name reach every output from here: the screen,
	// the figures, the JSON.
	for i, c := range d.Classes {
		d.Classes[i] = termsafe.String(c)
	}
	d.Source = termsafe.String(d.Source)
	return d, nil
}

// readDataset reads the data set of --in (and --labels) or --demo within
// the limits of --max-rows and --max-memory.
func readDataset(f batchFlags, stdin io.Reader) (*dataset.Dataset, error) {
	lim := dataset.Limits{MaxRows: f.maxRows, MaxMemory: f.maxMemory / dataDivisor}
	switch {
	case f.demo != "" && (f.in != "" || f.labels != ""):
		return nil, usagef(i18n.CLIErrDemoConflict)
	case f.demo != "":
		if f.format != "" || f.labelCol != "" {
			return nil, usagef(i18n.CLIErrDemoFormat)
		}
		d, err := dataset.DemoLimited(f.demo, lim)
		// Only an unknown name is --demo's fault: a limit that refuses a
		// demo is --max-rows' or --max-memory's.
		if e := (*dataset.Error)(nil); errors.As(err, &e) && e.Reason == dataset.UnknownDemo {
			return nil, usagef(i18n.CLIErrFlagProblem, "--demo", err)
		}
		return d, raisable(err, f)
	case f.in == "":
		return nil, usagef(i18n.CLIErrNoInput)
	case f.labels != "":
		if f.format != "" && f.format != "tsv" {
			return nil, usagef(i18n.CLIErrProjectorTSV)
		}
		if f.in == "-" && f.labels == "-" {
			return nil, usagef(i18n.CLIErrStdinTwice)
		}
		vf, err := openInput("--in", f.in, stdin)
		if err != nil {
			return nil, err
		}
		defer vf.Close()
		mf, err := openInput("--labels", f.labels, stdin)
		if err != nil {
			return nil, err
		}
		defer mf.Close()
		d, err := dataset.ParseProjectorLimited(vf, f.in, mf, f.labels, f.labelCol, lim)
		return d, raisable(err, f)
	}
	format, err := formatOf(f)
	if err != nil {
		return nil, err
	}
	file, err := openInput("--in", f.in, stdin)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	d, err := dataset.ParseLimited(file, f.in, format, f.labelCol, lim)
	return d, raisable(err, f)
}

// The data read may take --max-memory / dataDivisor (a quarter): the rest
// is for the computation, and for the garbage a reader leaves beside what
// it keeps (dataset.Limits).
const dataDivisor = 4

// raisable says which flag raises a limit that refused the input, when the
// command has one (batch has --max-rows and --max-memory; train has
// neither).
func raisable(err error, f batchFlags) error {
	var e *dataset.Error
	if errors.As(err, &e) && f.limitFlags && (e.Reason == dataset.TooManyRows || e.Reason == dataset.TooMuchData) {
		return limitError{e, byteSize{&f.maxMemory}.String()}
	}
	return err
}

// limitError is --max-rows or --max-memory refusing the input.
type limitError struct {
	at     *dataset.Error
	budget string // --max-memory
}

func (e limitError) Error() string { return e.Text(i18n.New(i18n.English)) }

func (e limitError) Text(p i18n.Printer) string {
	if e.at.Reason == dataset.TooManyRows {
		return errtext.Place(p, e.at, p.T(i18n.CLIErrTooManyRows, numfmt.Count(e.at.Limit)))
	}
	return errtext.Place(p, e.at, p.T(i18n.CLIErrTooMuchData, errtext.Size(p, e.at.Limit), e.budget))
}

// openInput opens a file flag's value through dataset.Open; "-" is stdin.
func openInput(flag, path string, stdin io.Reader) (io.ReadCloser, error) {
	if path == "-" {
		if stdin == nil {
			return nil, usagef(i18n.CLIErrNoStdin, flag)
		}
		r, err := dataset.Decompress(path, stdin) // "-", as every later error names it
		if err != nil {
			return nil, usagef(i18n.CLIErrFlagProblem, flag, err)
		}
		return io.NopCloser(r), nil
	}
	r, err := dataset.Open(path)
	if err != nil {
		return nil, usagef(i18n.CLIErrFlagProblem, flag, err)
	}
	return r, nil
}

func formatOf(f batchFlags) (dataset.Format, error) {
	if f.format != "" {
		format, err := dataset.ParseFormat(f.format)
		if err != nil {
			return 0, usagef(i18n.CLIErrFlagProblem, "--format", err)
		}
		return format, nil
	}
	if f.in == "-" {
		return 0, usagef(i18n.CLIErrStdinFormat)
	}
	format, err := dataset.FormatOf(f.in)
	if err == nil {
		return format, nil
	}
	file, _, openErr := regfile.Open(f.in) // a directory or a missing file is that, whatever its name
	if openErr != nil {
		return 0, usagef(i18n.CLIErrFlagProblem, "--in", openErr)
	}
	file.Close()
	return 0, err
}
