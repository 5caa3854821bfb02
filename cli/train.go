package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
	"losslab/tui/trainview"
)

const trainSynopsis = `Usage: losslab train [flags]

Trains a model that maps labelled inputs to 2-D embeddings with a
metric-learning loss, and shows the distance distributions of same-class and
different-class pairs pulling apart (or collapsing). On a terminal it opens
the training mode; with --json or --plain (or when stdout is not a terminal)
it trains --steps steps headless and prints the metrics every --every steps,
then a summary per run.

Data: --data blobs (4 separated Gaussian classes), overlap (3 overlapping),
rings (3 concentric), moons (2 half circles): 300 points each, seeded; iris
and digits (the demo sets); or --in FILE (CSV/TSV as 'losslab batch' reads
it). Inputs are standardised per column.

Models: free (every embedding a parameter, starting as noise), linear (one
D×2 matrix), mlp (D→16→2, tanh). --normalize projects onto the unit circle.

Losses: contrastive (½[y·d² + (1−y)·max(m−d, 0)²] over all pairs of the
batch), batch-all, batch-hard, semi-hard (triplet with that mining),
batch-hard-soft (softplus on the batch-hard selection), infonce (τ = 0.5,
logits −d/τ). Mini-batches are class-balanced: P classes × K samples.

Metrics: loss and active fraction on the next mini-batch; AUC (distance < t
means same class), mean same- and different-class distances over all pairs
of up to 400 points; collapsed when the mean pairwise distance is below 1% of
its value at step 0.

Examples:
  losslab train --steps 500 --json
  losslab train --data overlap --model linear --margin 0 --steps 1000 --plain
  losslab train --loss batch-hard --compare contrastive --steps 300 --plain`

// trainFlags is train's command line.
type trainFlags struct {
	cfg              train.Config
	data, in         string
	format, labelCol string
	steps, every     int
	asJSON, plain    bool
	compareMargin    float64
	given            map[string]bool // flags on the command line
}

// defineTrainFlags declares every flag of train in one place.
func defineTrainFlags(fs *flag.FlagSet, f *trainFlags) {
	fs.StringVar(&f.data, "data", string(train.Blobs), "blobs|overlap|rings|moons|iris|digits")
	fs.StringVar(&f.in, "in", "", "labelled inputs from a CSV or TSV file instead of --data")
	fs.StringVar(&f.format, "format", "", "csv|tsv (default: from the extension of --in)")
	fs.StringVar(&f.labelCol, "label-col", "", `label column of --in (default: "label", else the last column)`)
	fs.Var(idValue[train.ModelID]{&f.cfg.Model, train.ParseModel}, "model", "free|linear|mlp")
	fs.Var(idValue[train.LossID]{&f.cfg.Loss, func(s string) (train.LossID, error) { return train.ParseLoss("loss", s) }},
		"loss", "contrastive|batch-all|batch-hard|semi-hard|batch-hard-soft|infonce")
	fs.Var(idValue[train.LossID]{&f.cfg.Compare, func(s string) (train.LossID, error) { return train.ParseLoss("compare", s) }},
		"compare", "train a second run with this loss, same data, start and batches")
	fs.Var(nonNegative{&f.cfg.Margin}, "margin", "margin m ≥ 0")
	fs.Var(nonNegative{&f.compareMargin}, "compare-margin", "margin of the --compare run (default: --margin)")
	fs.Float64Var(&f.cfg.LR, "lr", train.DefaultLR, "learning rate (the free model steps lr × batch size per sample)")
	fs.IntVar(&f.cfg.Batch, "batch", train.DefaultBatch, "samples per mini-batch (P classes × K samples)")
	fs.Uint64Var(&f.cfg.Seed, "seed", train.DefaultSeed, "seed of the data, the initial model and the batches")
	fs.IntVar(&f.steps, "steps", defaultTrainSteps, "steps to train headless")
	fs.IntVar(&f.every, "every", 10, "print the metrics every this many steps")
	fs.BoolVar(&f.cfg.Normalize, "normalize", false, "project the embeddings onto the unit circle")
	fs.BoolVar(&f.asJSON, "json", false, "train headless and print JSON Lines")
	fs.BoolVar(&f.plain, "plain", false, "train headless and print a table")
}

const (
	defaultTrainSteps = 500
	maxTrainSteps     = 1_000_000
)

func runTrain(args []string, io IO) int {
	const cmd = "losslab train"
	f := trainFlags{cfg: train.NewConfig()}
	fs := newFlagSet("train")
	defineTrainFlags(fs, &f)
	if done, status := parseFlags(fs, args, trainSynopsis, io); done {
		return status
	}
	f.given = map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { f.given[fl.Name] = true })
	f.cfg.CompareMargin = f.cfg.Margin
	if f.given["compare-margin"] {
		f.cfg.CompareMargin = f.compareMargin
	}
	f.cfg.Data = train.DataID(f.data)
	if f.in != "" {
		f.cfg.Data = train.File
	}
	if err := checkTrainFlags(f); err != nil {
		return fail(io, cmd, err)
	}
	data, err := trainData(f)
	if err != nil {
		return fail(io, cmd, err)
	}
	tr, err := train.New(f.cfg, data)
	if err != nil {
		return fail(io, cmd, err)
	}
	headless := f.asJSON || f.plain || f.given["steps"] || f.given["every"] || !io.OutIsTTY
	if !headless {
		opts := trainview.Options{Color: !io.NoColor}
		if f.in != "" {
			opts.File = data
		}
		if err := trainview.Run(tr, opts, io.In, io.Out); err != nil {
			fmt.Fprintf(io.Err, "%s: %v\n", cmd, err)
			return ExitError
		}
		return ExitOK
	}
	var out bytes.Buffer
	if err := trainHeadless(&out, tr, f); err != nil {
		return fail(io, cmd, err)
	}
	return write(io, "train", out.Bytes())
}

func checkTrainFlags(f trainFlags) error {
	switch {
	case f.asJSON && f.plain:
		return errors.New("--json conflicts with --plain: choose one")
	case f.steps < 1 || f.steps > maxTrainSteps:
		return fmt.Errorf("--steps %d: want 1 to %s", f.steps, numfmt.Count(maxTrainSteps))
	case f.every < 1:
		return fmt.Errorf("--every %d: want at least 1", f.every)
	case f.in != "" && f.given["data"]:
		return errors.New("--in conflicts with --data: give one input")
	case f.in == "" && (f.format != "" || f.labelCol != ""):
		return errors.New("--format and --label-col apply to --in")
	case f.given["compare-margin"] && f.cfg.Compare == "":
		return errors.New("--compare-margin needs --compare LOSS")
	}
	if f.in == "" {
		if _, err := train.ParseData(f.data); err != nil {
			return err
		}
	}
	return f.cfg.Check()
}

// trainData reads --in with the batch command's readers, or generates --data.
func trainData(f trainFlags) (*train.Data, error) {
	if f.in == "" {
		return train.Generate(train.DataID(f.data), f.cfg.Seed)
	}
	ds, err := loadDataset(batchFlags{in: f.in, format: f.format, labelCol: f.labelCol})
	if err != nil {
		return nil, err
	}
	return train.FromDataset(ds, train.File)
}

// trainLine is one JSON line: a run's metrics at one step.
type trainLine struct {
	Run string `json:"run"`
	train.Metrics
}

// trainSummary is the last JSON line of each run.
type trainSummary struct {
	Summary     bool          `json:"summary"`
	Run         string        `json:"run"`
	Loss        train.LossID  `json:"loss"`
	Margin      float64       `json:"margin"`
	Steps       int           `json:"steps"`
	Initial     train.Metrics `json:"initial"`
	Final       train.Metrics `json:"final"`
	CollapsedAt *int          `json:"collapsed_at"` // first printed step with collapsed true, else null
}

// trainHeadless trains f.steps steps, recording every f.every steps, and
// writes JSON Lines or a table to w.
func trainHeadless(w io.Writer, tr *train.Trainer, f trainFlags) error {
	runs := tr.Runs()
	var lines []trainLine
	summaries := make([]trainSummary, len(runs))
	for i, r := range runs {
		summaries[i] = trainSummary{Summary: true, Run: r.Name, Loss: r.Spec.Loss, Margin: r.Spec.Margin, Steps: f.steps}
	}
	record := func() error {
		ms, err := tr.Metrics()
		if err != nil {
			return err
		}
		for i, m := range ms {
			lines = append(lines, trainLine{Run: runs[i].Name, Metrics: m})
			s := &summaries[i]
			if m.Step == 0 {
				s.Initial = m
			}
			s.Final = m
			if m.Collapsed && s.CollapsedAt == nil {
				step := m.Step
				s.CollapsedAt = &step
			}
		}
		return nil
	}
	for s := 0; ; s++ {
		if s%f.every == 0 || s == f.steps {
			if err := record(); err != nil {
				return divergedError(err, s, f.cfg.LR)
			}
		}
		if s == f.steps {
			break
		}
		if err := tr.Step(); err != nil {
			return divergedError(err, s+1, f.cfg.LR)
		}
	}
	if f.plain {
		writeTrainTable(w, lines, summaries)
		return nil
	}
	enc := newJSONEncoder(w, false)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	for _, s := range summaries {
		if err := enc.Encode(s); err != nil {
			return err
		}
	}
	return nil
}

func divergedError(err error, step int, lr float64) error {
	if errors.Is(err, train.ErrDiverged) {
		return errors.New(i18n.Printer{}.T(i18n.TrainDiverged, step, numfmt.Input(lr)))
	}
	return err
}

// writeTrainTable prints the recorded metrics as a table, then a summary
// per run, in the catalogue's words and the one number rule.
func writeTrainTable(w io.Writer, lines []trainLine, summaries []trainSummary) {
	p := i18n.Printer{}
	yesNo := func(b bool) string {
		if b {
			return p.T(i18n.TrainYes)
		}
		return p.T(i18n.TrainNo)
	}
	rows := [][]string{{p.T(i18n.TrainRun), p.T(i18n.TrainStep), p.T(i18n.TrainLoss), p.T(i18n.TrainAUC), p.T(i18n.TrainActive),
		p.T(i18n.TrainMeanPos), p.T(i18n.TrainMeanNeg), p.T(i18n.TrainCollapsed)}}
	for _, l := range lines {
		m := l.Metrics
		rows = append(rows, []string{termsafe.String(l.Run), numfmt.Count(int64(m.Step)), numfmt.Loss(m.Loss), numfmt.Loss(m.AUC),
			numfmt.Fixed(100*m.ActiveFraction, 1) + "%", numfmt.Loss(m.MeanPositive), numfmt.Loss(m.MeanNegative), yesNo(m.Collapsed)})
	}
	writeColumns(w, rows)
	for _, s := range summaries {
		fmt.Fprintf(w, "\n%s\n", p.T(i18n.TrainSummaryHead, s.Run, numfmt.Count(int64(s.Steps))))
		for _, row := range []struct {
			id         i18n.ID
			from, to   float64
			percentage bool
		}{
			{i18n.TrainLoss, s.Initial.Loss, s.Final.Loss, false},
			{i18n.TrainAUC, s.Initial.AUC, s.Final.AUC, false},
			{i18n.TrainActive, s.Initial.ActiveFraction, s.Final.ActiveFraction, true},
			{i18n.TrainMeanPos, s.Initial.MeanPositive, s.Final.MeanPositive, false},
			{i18n.TrainMeanNeg, s.Initial.MeanNegative, s.Final.MeanNegative, false},
			{i18n.TrainMeanDist, s.Initial.MeanDistance, s.Final.MeanDistance, false},
			{i18n.TrainGradNorm, s.Initial.GradNorm, s.Final.GradNorm, false},
		} {
			from, to := numfmt.Loss(row.from), numfmt.Loss(row.to)
			if row.percentage {
				from, to = numfmt.Fixed(100*row.from, 1)+"%", numfmt.Fixed(100*row.to, 1)+"%"
			}
			fmt.Fprintf(w, "  %s\n", p.T(i18n.TrainSummaryRow, p.T(row.id), from, to))
		}
		if s.CollapsedAt != nil {
			fmt.Fprintln(w, p.T(i18n.TrainCollapsedAt, numfmt.Count(int64(*s.CollapsedAt))))
		} else {
			fmt.Fprintln(w, p.T(i18n.TrainNotCollapse))
		}
	}
}

// writeColumns writes rows as columns: the first left-aligned, the others
// right-aligned, widths in terminal cells.
func writeColumns(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for j, c := range r {
			widths[j] = max(widths[j], lipgloss.Width(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for j, c := range r {
			pad := strings.Repeat(" ", widths[j]-lipgloss.Width(c))
			if j == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

// idValue is a flag value holding one of a set of identifiers.
type idValue[T ~string] struct {
	v     *T
	parse func(string) (T, error)
}

func (f idValue[T]) String() string {
	if f.v == nil {
		return ""
	}
	return string(*f.v)
}

func (f idValue[T]) Set(s string) error {
	v, err := f.parse(s)
	if err != nil {
		var pe *train.ParamError
		if errors.As(err, &pe) { // the flag package names the flag itself
			return pe.Err
		}
		return err
	}
	*f.v = v
	return nil
}

// Type names the value for pflag's help.
func (f idValue[T]) Type() string { return "string" }
