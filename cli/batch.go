package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/progress"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/dist"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/internal/numfmt"
	"losslab/tui"
	"losslab/tui/batchview"
)

type batchFlags struct {
	in, labels, format, labelCol, demo string
	limitFlags                         bool // --max-rows and --max-memory are the command's
	metric                             dist.Metric
	margin, temperature                float64
	normalize, asJSON, plain           bool
	bins                               int
	maxMemory                          int64
	sample                             int // sampleAuto, sampleAll or K
	seed                               uint64
	maxRows                            int
}

func runBatch(args []string, io IO) int {
	f := batchFlags{margin: 0.2, bins: 30, maxMemory: batch.DefaultMaxMemory, seed: 1, maxRows: dataset.DefaultMaxRows, limitFlags: true}
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
	fs.Var(byteSize{&f.maxMemory}, "max-memory", io.T(i18n.BatchFlagMaxMemory))
	fs.Var(anchorSample{&f.sample}, "sample-anchors", io.T(i18n.BatchFlagSample))
	fs.Uint64Var(&f.seed, "seed", 1, io.T(i18n.BatchFlagSeed))
	fs.IntVar(&f.maxRows, "max-rows", dataset.DefaultMaxRows, io.T(i18n.BatchFlagMaxRows))
	pf := addPlotFlags(fs, io)
	if done, status := parseFlags(fs, args, i18n.CLISynopsisBatch, io); done {
		return status
	}
	style, err := pf.style(io)
	if err != nil {
		return fail(io, "losslab batch", err)
	}
	if f.bins < 1 || f.bins > 1000 {
		return fail(io, "losslab batch", usagef(i18n.CLIErrBins, f.bins))
	}
	if f.maxRows < 4 {
		return fail(io, "losslab batch", usagef(i18n.BatchErrMaxRows, f.maxRows))
	}
	// The budget is also the garbage collector's soft limit, so that reading
	// a large file does not leave its garbage above it.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(f.maxMemory))
	d, err := loadDataset(f, io.In)
	if err != nil {
		return fail(io, "losslab batch", err)
	}
	opts := batch.Options{Metric: f.metric, Margin: f.margin, Temperature: f.temperature, Bins: f.bins, MaxMemory: f.maxMemory, Seed: f.seed}
	opts.SampleAnchors = chooseSample(f, d, opts, io.printer(), io.Err) // from the shape and labels only
	if io.OutIsTTY && !f.asJSON && !f.plain && pf.path == "" {          // a figure asks for the plain path
		// The view gets the rows as read: its o key turns normalising on and off.
		cfg := batchview.Config{Data: d, Normalize: f.normalize, Options: opts, Limits: dataset.Limits{MaxRows: f.maxRows}}
		status, fellBack := runApp(tui.Config{Start: tui.ModeBatch, Batch: cfg}, "losslab batch", io)
		if !fellBack {
			return status
		}
	}
	if f.normalize {
		if err := d.NormalizeRows(); err != nil {
			return fail(io, "losslab batch", err)
		}
	}
	if io.ErrIsTTY {
		opts.Progress = progressPrinter(io.Err, io.printer(), time.Now())
	}
	res, err := batch.Compute(context.Background(), d.X, d.Labels, len(d.Classes), opts)
	if opts.Progress != nil {
		fmt.Fprint(io.Err, "\r\x1b[K") // clear the progress line
	}
	if err != nil {
		return fail(io, "losslab batch", d.Locate(err))
	}
	if pf.path != "" {
		if err := writeBatchFigure(io, pf, style, d, res); err != nil {
			return fail(io, "losslab batch", err)
		}
	}
	var out bytes.Buffer
	if f.asJSON {
		if err := encodeJSON(&out, batchReport{Result: res, Source: jsonSource(d), Normalized: f.normalize, ClassNames: d.Classes}, true); err != nil {
			return fail(io, "losslab batch", err)
		}
	} else {
		writeBatchText(&out, io.printer(), d, res, f.normalize)
	}
	return write(io, "batch", out.Bytes())
}

// chooseSample turns --sample-anchors into Options.SampleAnchors, saying on
// w (stderr) when the work will be long, sampled or binned.
func chooseSample(f batchFlags, d *dataset.Dataset, opts batch.Options, p i18n.Printer, w io.Writer) int {
	n, dim := d.X.Dims()
	note := func(s string) { fmt.Fprintln(w, p.T(i18n.CLIErrorLine, "losslab batch", s)) }
	if f.sample > 0 {
		if f.sample >= n {
			note(p.T(i18n.BatchSampleTooLarge, numfmt.Count(int64(f.sample)), numfmt.Count(int64(n))))
			return 0
		}
		return f.sample
	}
	plan := batch.PlanFor(n, dim, d.Labels, len(d.Classes), opts)
	if plan.Method == batch.MethodBinned {
		note(p.T(i18n.BatchMemoryBinned, bytesText(plan.ExactBytes), byteSize{&f.maxMemory}.String()))
	}
	if plan.Seconds <= batch.AutoSampleSeconds || f.sample == sampleAll {
		if plan.Seconds > batch.SlowSeconds {
			note(p.T(i18n.BatchSlowAll, duration(p, plan.Seconds), numfmt.Count(int64(n))))
		}
		return 0
	}
	k := batch.SampleWithin(batch.AutoSampleTarget, n, dim, d.Labels, len(d.Classes), opts)
	note(p.T(i18n.BatchSlowAutoSample, duration(p, plan.Seconds), numfmt.Count(int64(n)), numfmt.Count(int64(k)), f.seed))
	return k
}

// duration writes an estimate in the unit a person would use.
func duration(p i18n.Printer, seconds float64) string {
	in := func(id i18n.ID, amount float64, decimals int) string {
		text := numfmt.Fixed(amount, decimals)
		n := int64(2) // any count but one
		if text == "1" {
			n = 1
		}
		return p.N(id, n, text)
	}
	switch {
	case seconds < 120:
		return in(i18n.BatchSeconds, seconds, 0)
	case seconds < 7200:
		return in(i18n.BatchMinutes, seconds/60, 0)
	}
	return in(i18n.BatchHours, seconds/3600, 1)
}

// bytesText writes a size in MiB or GiB.
func bytesText(b int64) string {
	switch {
	case b >= 100<<30:
		return numfmt.Count(b>>30) + " GiB"
	case b >= 1<<30:
		return numfmt.Fixed(float64(b)/(1<<30), 1) + " GiB"
	}
	return numfmt.Fixed(float64(b)/(1<<20), 1) + " MiB"
}

// batchReport is the JSON of `batch --json`: batch.Result plus the input.
type batchReport struct {
	Source     string   `json:"source"`
	Normalized bool     `json:"normalized"`
	ClassNames []string `json:"class_names"`
	*batch.Result
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

// jsonSource is the JSON's name of the data: the file, or "demo" and the
// demo's ID (an identifier, not the name on screen).
func jsonSource(d *dataset.Dataset) string {
	if d.Demo != "" {
		return "demo " + d.Demo
	}
	return d.Source
}

func writeBatchText(w io.Writer, p i18n.Printer, d *dataset.Dataset, r *batch.Result, normalized bool) {
	line := func(id i18n.ID, args ...any) { fmt.Fprintln(w, p.T(id, args...)) }
	header := i18n.BatchTextHeader
	if normalized {
		header = i18n.BatchTextHeaderNorm
	}
	line(header, errtext.Source(p, d.Source, d.Demo), numfmt.Count(int64(r.N)), numfmt.Count(int64(r.Dim)), numfmt.Count(int64(r.Classes)),
		classList(p, d.Classes), p.MetricName(r.Distance), num(r.Margin))
	fmt.Fprintln(w, batchMethod(p, r))
	if r.Sample != nil && len(r.NoInterval) > 0 {
		line(i18n.BatchNoIntervalNote)
	}
	fmt.Fprintln(w)
	// ci appends a sampled statistic's interval to the figure it qualifies,
	// or says that the sample cannot give it one.
	ci := func(key string, format func(float64) string) string {
		if r.Sample == nil {
			return ""
		}
		iv, ok := r.Intervals[key]
		if !ok {
			return " " + p.T(i18n.BatchNoInterval)
		}
		return " " + p.T(i18n.BatchInterval, format(iv.Low), format(iv.High))
	}
	bound := func(x float64) string { return numfmt.Fixed(100*x, 1) + "%" } // an interval's ends: 0.0% may be one
	writeBatchLosses(w, p, r.ByLoss, ci)
	fmt.Fprintln(w)
	t := r.Triplets
	line(i18n.BatchTextTriplets,
		numfmt.Count(t.Easy), numfmt.Percent(t.Easy, t.Total)+ci("triplets.easy_fraction", bound),
		numfmt.Count(t.SemiHard), numfmt.Percent(t.SemiHard, t.Total)+ci("triplets.semi_hard_fraction", bound),
		numfmt.Count(t.Hard), numfmt.Percent(t.Hard, t.Total)+ci("triplets.hard_fraction", bound))
	fmt.Fprintln(w)
	s := r.Separation
	line(i18n.BatchTextSeparation)
	line(i18n.BatchTextAUC, numfmt.Loss(s.AUC)+ci("separation.auc", numfmt.Loss), numfmt.Count(s.PositivePairs), numfmt.Count(s.NegativePairs))
	line(i18n.BatchTextThreshold, numfmt.Loss(s.Threshold), numfmt.Share(s.Accuracy)+ci("separation.accuracy", bound))
	line(i18n.BatchTextInside, num(s.MedianPositive)+ci("separation.median_positive", num), num(r.Margin),
		numfmt.Share(s.NegativesInsideMedianPlusMargin)+ci("separation.negatives_closer_than_median_positive_plus_margin", bound))
	if r.Method == batch.MethodSampled {
		line(i18n.BatchBinnedSample, numfmt.Count(int64(s.Bins)), boundText(s.AUCErrorBound), boundText(s.MedianErrorBound))
	}
	fmt.Fprintln(w)
	const rows = 15 // bins shown; more are merged in groups, and the heading says so
	for i, line := range batchview.HistogramHeading(p, r.Histogram, rows) {
		if i > 0 {
			line = "  " + line
		}
		fmt.Fprintln(w, line)
	}
	for _, line := range batchview.HistogramLines(p, r.Histogram, 100, rows) {
		fmt.Fprintln(w, "  "+strings.TrimRight(line, " "))
	}
}

// batchMethod says how the report's figures were computed: exactly, binned
// (every anchor, the AUC within a bound) or from a sample of anchors.
func batchMethod(p i18n.Printer, r *batch.Result) string {
	switch r.Method {
	case batch.MethodSampled:
		return p.T(i18n.BatchSampled, numfmt.Count(int64(r.Sample.Anchors)), numfmt.Count(int64(r.Sample.Of)), r.Sample.Seed)
	case batch.MethodBinned:
		s := r.Separation
		return p.T(i18n.BatchBinned, numfmt.Count(int64(r.N)), numfmt.Count(int64(s.Bins)), boundText(s.AUCErrorBound))
	}
	return p.T(i18n.BatchExact, numfmt.Count(int64(r.N)), numfmt.Count(r.Separation.PositivePairs+r.Separation.NegativePairs))
}

// boundText writes an error bound with two significant digits, so that a
// bound of 3e-7 does not print as 0.0000.
func boundText(x float64) string { return strconv.FormatFloat(x, 'g', 2, 64) }

func classList(p i18n.Printer, names []string) string {
	sep := p.T(i18n.DataListSep)
	if len(names) > 6 {
		return strings.Join(names[:6], sep) + sep + "…"
	}
	return strings.Join(names, sep)
}
