package cli

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
	"losslab/tui"
	"losslab/tui/trainview"
)

// trainFlags is train's command line.
type trainFlags struct {
	cfg              train.Config
	in               string
	format, labelCol string
	steps, every     int
	asJSON, plain    bool
	compareMargin    float64
	out, outHeldOut  string          // --out, --out-heldout: the embeddings as CSV
	given            map[string]bool // flags on the command line
}

// defineTrainFlags declares every flag of train in one place.
func defineTrainFlags(fs *pflag.FlagSet, f *trainFlags, io IO) {
	fs.Var(idValue[train.DataID]{&f.cfg.Data, train.DataIDs()}, "data", io.T(i18n.TrainFlagData))
	fs.StringVar(&f.in, "in", "", io.T(i18n.TrainFlagIn))
	fs.StringVar(&f.format, "format", "", io.T(i18n.TrainFlagFormat))
	fs.StringVar(&f.labelCol, "label-col", "", io.T(i18n.TrainFlagLabelCol))
	fs.Var(idValue[train.ModelID]{&f.cfg.Model, train.ModelIDs()}, "model", io.T(i18n.TrainFlagModel))
	fs.Var(idValue[train.LossID]{&f.cfg.Loss, train.LossIDs()}, "loss", io.T(i18n.TrainFlagLoss, nameList(idStrings(train.LossIDs())).Text(io.printer())))
	fs.Var(idValue[train.LossID]{&f.cfg.Compare, train.LossIDs()}, "compare", io.T(i18n.TrainFlagCompare))
	fs.Var(boundedNumber{&f.cfg.Margin, 0, train.MaxMargin, false}, "margin", io.T(i18n.TrainFlagMargin))
	fs.Var(boundedNumber{&f.compareMargin, 0, train.MaxMargin, false}, "compare-margin", io.T(i18n.TrainFlagCompareMargin))
	fs.Lookup("compare-margin").DefValue = "" // its default is --margin, which the description says
	fs.Var(boundedNumber{&f.cfg.LR, 0, train.MaxLR, true}, "lr", io.T(i18n.TrainFlagLR))
	fs.IntVar(&f.cfg.Batch, "batch", train.DefaultBatch, io.T(i18n.TrainFlagBatch))
	fs.Uint64Var(&f.cfg.Seed, "seed", train.DefaultSeed, io.T(i18n.TrainFlagSeed))
	fs.IntVar(&f.steps, "steps", defaultTrainSteps, io.T(i18n.TrainFlagSteps))
	fs.IntVar(&f.every, "every", 10, io.T(i18n.TrainFlagEvery))
	fs.BoolVar(&f.cfg.Normalize, "normalize", false, io.T(i18n.TrainFlagNormalize))
	fs.Var(boundedNumber{&f.cfg.Temperature, train.MinTemperature, train.MaxTemperature, false}, "temperature", io.T(i18n.TrainFlagTemperature))
	fs.Var(idValue[train.Similarity]{&f.cfg.Similarity, train.Similarities()}, "similarity", io.T(i18n.TrainFlagSimilarity))
	fs.Var(boundedNumber{&f.cfg.Holdout, 0, train.MaxHoldout, false}, "holdout", io.T(i18n.TrainFlagHoldout))
	fs.IntVar(&f.cfg.HoldoutClasses, "holdout-classes", 0, io.T(i18n.TrainFlagHoldoutClasses))
	fs.Var(boundedNumber{&f.cfg.LabelNoise, 0, train.MaxLabelNoise, false}, "label-noise", io.T(i18n.TrainFlagLabelNoise))
	fs.StringVar(&f.out, "out", "", io.T(i18n.TrainFlagOut))
	fs.StringVar(&f.outHeldOut, "out-heldout", "", io.T(i18n.TrainFlagOutHeldOut))
	fs.BoolVar(&f.asJSON, "json", false, io.T(i18n.TrainFlagJSON))
	fs.BoolVar(&f.plain, "plain", false, io.T(i18n.TrainFlagPlain))
}

const (
	defaultTrainSteps = 500
	maxTrainSteps     = train.MaxSteps
)

func runTrain(args []string, io IO) int {
	const cmd = "losslab train"
	f := trainFlags{cfg: train.NewConfig()}
	fs := newFlagSet("train")
	defineTrainFlags(fs, &f, io)
	pf := addPlotFlags(fs, io)
	stateStr := fs.String("state", "", io.T(i18n.CLIFlagTrainState))
	if done, status := parseFlags(fs, args, i18n.TrainSynopsis, io); done {
		return status
	}

	style, err := pf.style(io)
	if err != nil {
		return fail(io, cmd, err)
	}
	f.given = map[string]bool{}
	fs.Visit(func(fl *pflag.Flag) { f.given[fl.Name] = true })
	f.cfg.CompareMargin = f.cfg.Margin
	if f.given["compare-margin"] {
		f.cfg.CompareMargin = f.compareMargin
	}
	if f.in != "" {
		f.cfg.Data = train.File
	}
	startStep, err := applyTrainState(&f, *stateStr)
	if err != nil {
		return fail(io, cmd, err)
	}
	if err := checkTrainFlags(f); err != nil {
		return fail(io, cmd, err)
	}
	data, err := trainData(f, io.In)
	if err != nil {
		return fail(io, cmd, err)
	}
	tr, err := train.New(f.cfg, data)
	if pe := (*train.ParamError)(nil); errors.As(err, &pe) && pe.Flag == "holdout-classes" {
		err = usagef(i18n.CLIErrBadValue, "holdout-classes", usagef(i18n.TrainErrHoldoutClassesOf, numfmt.Count(int64(f.cfg.HoldoutClasses)), numfmt.Count(int64(len(data.Classes)))))
	}
	if err != nil {
		return fail(io, cmd, err)
	}
	headless := f.asJSON || f.plain || f.given["steps"] || f.given["every"] || !io.OutIsTTY || pf.path != "" || f.out != "" || f.outHeldOut != ""
	if !headless {
		// The mode trains to a state string's step itself, off its event
		// loop: the progress shows and q stops it.
		cfg := tui.Config{Start: tui.ModeTrain, Train: trainview.Config{Trainer: tr, Step: startStep}}
		if f.in != "" {
			cfg.Train.File = data
		}
		if status, fellBack := runApp(cfg, cmd, io); !fellBack {
			return status
		}
	}
	for range startStep { // a state string's step
		if err := tr.Step(); err != nil {
			return fail(io, cmd, divergedError(err, f.cfg.LR))
		}
	}
	var out bytes.Buffer
	fig := newTrainFigure(tr)
	if err := trainHeadless(&out, tr, f, io.printer(), fig.observe); err != nil {
		return fail(io, cmd, err)
	}
	if pf.path != "" {
		if err := fig.write(io, pf, style); err != nil {
			return fail(io, cmd, err)
		}
	}
	if err := writeEmbeddings(tr, f); err != nil {
		return fail(io, cmd, err)
	}
	return write(io, "train", out.Bytes())
}

func checkTrainFlags(f trainFlags) error {
	switch {
	case f.steps < 1 || f.steps > maxTrainSteps:
		return usagef(i18n.CLIErrBadValue, "steps", usagef(i18n.TrainErrCount, numfmt.Count(int64(f.steps)), "1", numfmt.Count(maxTrainSteps)))
	case f.every < 1 || f.every > maxTrainSteps:
		return usagef(i18n.CLIErrBadValue, "every", usagef(i18n.TrainErrCount, numfmt.Count(int64(f.every)), "1", numfmt.Count(maxTrainSteps)))
	case f.cfg.Batch < train.MinBatch || f.cfg.Batch > train.MaxBatch:
		return usagef(i18n.CLIErrBadValue, "batch", usagef(i18n.TrainErrCount, numfmt.Count(int64(f.cfg.Batch)), numfmt.Count(train.MinBatch), numfmt.Count(train.MaxBatch)))
	case f.in != "" && f.given["data"]:
		return usagef(i18n.CLIErrConflict, "--in", "--data")
	case f.in == "" && (f.format != "" || f.labelCol != ""):
		return usagef(i18n.TrainErrNeedsIn)
	case f.given["compare-margin"] && f.cfg.Compare == "":
		return usagef(i18n.TrainErrNeedsCompare)
	case f.cfg.Compare != "" && !f.cfg.Loss.ComparesWith(f.cfg.Compare): // two margins are all a run of one loss can compare
		return usagef(i18n.CLIErrBadValue, "compare", usagef(i18n.TrainErrCompareSame, string(f.cfg.Loss)))
	case f.cfg.ComparesOneRun(): // the same loss at the same margin
		flag := "compare"
		if f.given["compare-margin"] {
			flag = "compare-margin"
		}
		return usagef(i18n.CLIErrBadValue, flag, usagef(i18n.TrainErrCompareSameMarginFlag, string(f.cfg.Loss), numfmt.Input(f.cfg.Margin)))
	case f.given["holdout"] && f.given["holdout-classes"]:
		return usagef(i18n.CLIErrConflict, "--holdout", "--holdout-classes")
	case f.cfg.HoldoutClasses < 0 || f.cfg.HoldoutClasses == 1:
		return usagef(i18n.CLIErrBadValue, "holdout-classes", usagef(i18n.TrainErrHoldoutClasses, numfmt.Count(int64(f.cfg.HoldoutClasses))))
	case f.out != "" && f.out == f.outHeldOut:
		return usagef(i18n.CLIErrConflict, "--out", "--out-heldout")
	}
	if err := f.cfg.Check(); err != nil {
		return err
	}
	return unreadTrainFlag(f)
}

// unreadTrainFlag refuses a flag typed for a parameter no run reads, as
// --compare-margin without --compare is refused: τ and the similarity
// without an InfoNCE run, a margin whose runs' losses have none (--margin
// is also the compare run's unless --compare-margin is given).
func unreadTrainFlag(f trainFlags) error {
	c := f.cfg
	tau, compareReads := c.ReadsTemperature(), c.CompareReadsMargin()
	switch {
	case f.given["temperature"] && !tau:
		return usagef(i18n.CLIErrBadValue, "temperature", usagef(i18n.TrainErrNoTemperature))
	case f.given["similarity"] && !tau:
		return usagef(i18n.CLIErrBadValue, "similarity", usagef(i18n.TrainErrNoTemperature))
	case f.given["margin"] && !c.Loss.UsesMargin() && !(compareReads && !f.given["compare-margin"]):
		return usagef(i18n.CLIErrBadValue, "margin", usagef(i18n.TrainErrNoMargin, string(c.Loss)))
	case f.given["compare-margin"] && c.Compare != "" && !compareReads:
		return usagef(i18n.CLIErrBadValue, "compare-margin", usagef(i18n.TrainErrNoMargin, string(c.Compare)))
	}
	return nil
}

// trainData reads --in with the batch command's readers, or generates --data.
func trainData(f trainFlags, stdin io.Reader) (*train.Data, error) {
	if f.in == "" {
		return train.Generate(f.cfg.Data, f.cfg.Seed)
	}
	ds, err := loadDataset(batchFlags{in: f.in, format: f.format, labelCol: f.labelCol}, stdin)
	if err != nil {
		return nil, err
	}
	data, err := train.FromDataset(ds, train.File)
	if errors.Is(err, train.ErrIdenticalRows) {
		return nil, usagef(i18n.TrainErrIdenticalRows, ds.Source)
	}
	return data, err
}

// idValue is a flag value holding one of a set of identifiers.
type idValue[T ~string] struct {
	v     *T
	known []T
}

func (f idValue[T]) String() string {
	if f.v == nil {
		return ""
	}
	return string(*f.v)
}

func (f idValue[T]) Set(s string) error {
	if !slices.Contains(f.known, T(s)) {
		return usagef(i18n.TrainErrUnknownID, termsafe.Echo(s), nameList(idStrings(f.known)))
	}
	*f.v = T(s)
	return nil
}

func (f idValue[T]) Type() string { return "ID" }

// boundedNumber is a flag value holding a finite number in [lo, hi], or in
// (lo, hi] when openLow.
type boundedNumber struct {
	v       *float64
	lo, hi  float64
	openLow bool
}

func (f boundedNumber) Type() string { return "number" }

func (f boundedNumber) String() string {
	if f.v == nil {
		return ""
	}
	return formatNumber(*f.v)
}

func (f boundedNumber) Set(s string) error {
	v, err := parseNumber(s)
	switch {
	case err != nil:
		return err
	case f.openLow && v <= f.lo:
		return usagef(i18n.TrainErrAbove, termsafe.Echo(strings.TrimSpace(s)), formatNumber(f.lo), formatNumber(f.hi))
	case v < f.lo || v > f.hi:
		return usagef(i18n.TrainErrBetween, termsafe.Echo(strings.TrimSpace(s)), formatNumber(f.lo), formatNumber(f.hi))
	}
	*f.v = v
	return nil
}

func idStrings[T ~string](ids []T) []string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return s
}
