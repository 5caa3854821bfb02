package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/progress"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/dist"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/tui"
)

type batchFlags struct {
	in, labels, format, labelCol, demo string
	metric                             dist.Metric
	margin, temperature                float64
	normalize, asJSON, plain           bool
	bins                               int
}

func runBatch(args []string, io IO) int {
	f := batchFlags{margin: 0.2, bins: 30}
	fs := newFlagSet("batch")
	fs.StringVar(&f.in, "in", "", io.T(i18n.CLIFlagBatchIn))
	fs.StringVar(&f.labels, "labels", "", io.T(i18n.CLIFlagBatchLabels))
	fs.StringVar(&f.format, "format", "", io.T(i18n.CLIFlagBatchFormat))
	fs.StringVar(&f.labelCol, "label-col", "", io.T(i18n.CLIFlagBatchLabelCol))
	fs.StringVar(&f.demo, "demo", "", io.T(i18n.CLIFlagBatchDemo))
	fs.Var(metricValue{&f.metric}, "distance", io.T(i18n.CLIFlagBatchDistance))
	fs.Var(nonNegative{&f.margin}, "margin", io.T(i18n.CLIFlagBatchMargin))
	fs.Var(positive{&f.temperature}, "temperature", io.T(i18n.LossFlagTemperature))
	fs.BoolVar(&f.normalize, "normalize", false, io.T(i18n.CLIFlagBatchNorm))
	fs.BoolVar(&f.asJSON, "json", false, io.T(i18n.CLIFlagBatchJSON))
	fs.BoolVar(&f.plain, "plain", false, io.T(i18n.CLIFlagBatchPlain))
	fs.IntVar(&f.bins, "bins", 30, io.T(i18n.CLIFlagBatchBins))
	if done, status := parseFlags(fs, args, i18n.CLISynopsisBatch, io); done {
		return status
	}
	if f.bins < 1 || f.bins > 1000 {
		return fail(io, "losslab batch", usagef(i18n.CLIErrBins, f.bins))
	}
	d, err := loadDataset(f)
	if err != nil {
		return fail(io, "losslab batch", err)
	}
	if f.normalize {
		if err := normalizeRows(d); err != nil {
			return fail(io, "losslab batch", err)
		}
	}
	opts := batch.Options{Metric: f.metric, Margin: f.margin, Temperature: f.temperature, Bins: f.bins}
	if io.OutIsTTY && !f.asJSON && !f.plain {
		status, fellBack := runApp(tui.Config{Start: tui.ModeBatch, Batch: tui.BatchConfig{Data: d, Options: opts}}, "losslab batch", io)
		if !fellBack {
			return status
		}
	}
	if io.ErrIsTTY {
		opts.Progress = progressPrinter(io.Err, io.printer(), time.Now())
	}
	res, err := batch.Compute(d.X, d.Labels, len(d.Classes), opts)
	if opts.Progress != nil {
		fmt.Fprint(io.Err, "\r\x1b[K") // clear the progress line
	}
	if err != nil {
		return fail(io, "losslab batch", err)
	}
	var out bytes.Buffer
	if f.asJSON {
		if err := encodeJSON(&out, batchReport{Result: res, Source: d.Source, Normalized: f.normalize, ClassNames: d.Classes}, true); err != nil {
			return fail(io, "losslab batch", err)
		}
	} else {
		writeBatchText(&out, io.printer(), d, res, f.normalize)
	}
	return write(io, "batch", out.Bytes())
}

// batchReport is the JSON of `batch --json`: batch.Result plus the input.
type batchReport struct {
	Source     string   `json:"source"`
	Normalized bool     `json:"normalized"`
	ClassNames []string `json:"class_names"`
	*batch.Result
}

func loadDataset(f batchFlags) (*dataset.Dataset, error) {
	switch {
	case f.demo != "" && (f.in != "" || f.labels != ""):
		return nil, errors.New("--demo conflicts with --in and --labels: give one input")
	case f.demo != "":
		if f.format != "" || f.labelCol != "" {
			return nil, errors.New("--format and --label-col apply to --in, not --demo")
		}
		return dataset.Demo(f.demo)
	case f.in == "":
		return nil, errors.New("no input: give --in FILE or --demo iris|digits")
	case f.labels != "":
		if f.format != "" && f.format != "tsv" {
			return nil, errors.New("--format: the Embedding Projector pair is TSV")
		}
		vf, err := os.Open(f.in)
		if err != nil {
			return nil, fmt.Errorf("--in: %w", err)
		}
		defer vf.Close()
		mf, err := os.Open(f.labels)
		if err != nil {
			return nil, fmt.Errorf("--labels: %w", err)
		}
		defer mf.Close()
		return dataset.ParseProjector(vf, f.in, mf, f.labels, f.labelCol)
	}
	format, err := formatOf(f)
	if err != nil {
		return nil, err
	}
	file, err := os.Open(f.in)
	if err != nil {
		return nil, fmt.Errorf("--in: %w", err)
	}
	defer file.Close()
	return dataset.Parse(file, f.in, format, f.labelCol)
}

func formatOf(f batchFlags) (dataset.Format, error) {
	if f.format != "" {
		format, err := dataset.ParseFormat(f.format)
		if err != nil {
			return 0, fmt.Errorf("--format: %w", err)
		}
		return format, nil
	}
	return dataset.FormatOf(f.in)
}

// normalizeRows scales every row to unit L2 norm; a zero row cannot be.
func normalizeRows(d *dataset.Dataset) error {
	n, _ := d.X.Dims()
	for i := range n {
		row := d.X.RawRowView(i)
		var s float64
		for _, v := range row {
			s += v * v
		}
		if s == 0 {
			return fmt.Errorf("%s:%d: --normalize: the row is a zero vector", d.Source, d.Lines[i])
		}
		s = math.Sqrt(s)
		for j := range row {
			row[j] /= s
		}
	}
	return nil
}

// progressPrinter draws a bubbles progress bar on stderr once the work has
// taken more than a second.
func progressPrinter(w io.Writer, p i18n.Printer, start time.Time) func(done, total int) {
	bar := progress.New(progress.WithWidth(40), progress.WithoutPercentage())
	return func(done, total int) {
		if time.Since(start) < time.Second || done == total {
			return
		}
		fmt.Fprintf(w, "\r%s %s", bar.ViewAs(float64(done)/float64(total)), p.T(i18n.BatchTextProgress, numfmt.Percent(int64(done), int64(total))))
	}
}

func writeBatchText(w io.Writer, p i18n.Printer, d *dataset.Dataset, r *batch.Result, normalized bool) {
	line := func(id i18n.ID, args ...any) { fmt.Fprintln(w, p.T(id, args...)) }
	header := i18n.BatchTextHeader
	if normalized {
		header = i18n.BatchTextHeaderNorm
	}
	line(header, d.Source, numfmt.Count(int64(r.N)), numfmt.Count(int64(r.Dim)), numfmt.Count(int64(r.Classes)),
		classList(d.Classes), r.Distance, num(r.Margin))
	fmt.Fprintln(w)
	writeBatchLosses(w, p, r.ByLoss)
	fmt.Fprintln(w)
	t := r.Triplets
	line(i18n.BatchTextTriplets, numfmt.Count(t.Easy), numfmt.Percent(t.Easy, t.Total), numfmt.Count(t.SemiHard), numfmt.Percent(t.SemiHard, t.Total),
		numfmt.Count(t.Hard), numfmt.Percent(t.Hard, t.Total))
	fmt.Fprintln(w)
	s := r.Separation
	line(i18n.BatchTextSeparation)
	line(i18n.BatchTextAUC, numfmt.Loss(s.AUC), numfmt.Count(s.PositivePairs), numfmt.Count(s.NegativePairs))
	line(i18n.BatchTextThreshold, num(s.Threshold), numfmt.Fixed(100*s.Accuracy, 1)+"%")
	line(i18n.BatchTextInside, num(s.MedianPositive), num(r.Margin), numfmt.Fixed(100*s.NegativesInsideMedianPlusMargin, 1)+"%")
	fmt.Fprintln(w)
	line(i18n.BatchDistributions)
	for _, line := range tui.HistogramLines(p, r.Histogram, 100, 15) {
		fmt.Fprintln(w, "  "+strings.TrimRight(line, " "))
	}
}

func classList(names []string) string {
	if len(names) > 6 {
		return strings.Join(names[:6], ", ") + ", …"
	}
	return strings.Join(names, ", ")
}
