package cli

import (
	"errors"
	"fmt"
	"losslab/internal/atomicfile"
	"losslab/internal/errtext"
	"path/filepath"
	"slices"

	"github.com/spf13/pflag"
	"gonum.org/v1/plot"

	"losslab/core/batch"
	"losslab/core/dataset"
	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/core/train"
	"losslab/figure"
	"losslab/i18n"
	"losslab/internal/termsafe"
	"losslab/scenarios"
	"losslab/statestr"
)

// plotFlags are --plot FILE and --font FILE, shared by the commands that
// draw a figure.
type plotFlags struct {
	path, font string
	loaded     *figure.Font // the --font file, once style read it
}

func addPlotFlags(fs *pflag.FlagSet, io IO) *plotFlags {
	f := &plotFlags{}
	fs.StringVar(&f.path, "plot", "", io.T(i18n.CLIFlagPlot))
	fs.StringVar(&f.font, "font", "", io.T(i18n.CLIFlagFont))
	return f
}

// style checks the flags before any work is done and returns the figure
// style; its errors name the flag.
func (f *plotFlags) style(io IO) (figure.Style, error) {
	st := figure.Style{Printer: io.printer()}
	if f.path == "" {
		if f.font != "" {
			return st, usagef(i18n.CLIErrFontWithoutPlot)
		}
		return st, nil
	}
	format, err := figure.FormatOf(f.path)
	if err != nil {
		return st, usagef(i18n.CLIErrBadValue, "plot", usagef(i18n.CLIErrFigureFormat, termsafe.Echo(filepath.Ext(f.path))))
	}
	if f.font == "" && format != "svg" && io.Lang != i18n.English {
		// Liberation has no Chinese glyphs: English labels, and a note.
		st.Printer = i18n.New(i18n.English)
	}
	if f.font != "" {
		fnt, err := figure.LoadFont(f.font)
		if errors.Is(err, figure.ErrNotFont) {
			err = usagef(i18n.CLIErrNotFont, termsafe.String(f.font))
		}
		if err != nil {
			return st, usagef(i18n.CLIErrBadValue, "font", err)
		}
		st.Font, f.loaded = fnt, fnt
	}
	return st, nil
}

// write renders p into the --plot file: complete or not at all, never over
// an existing file. A Chinese interface without --font gets a note that
// PNG and PDF have English labels (style chose them).
func (f *plotFlags) write(io IO, p *plot.Plot) error { return f.writeRow(io, []*plot.Plot{p}) }

// writeRow is write for plots side by side.
func (f *plotFlags) writeRow(io IO, plots []*plot.Plot) error {
	format, _ := figure.FormatOf(f.path)
	data, err := figure.RenderRow(plots, format, figure.Style{Font: f.loaded})
	if err != nil {
		return usagef(i18n.CLIErrBadValue, "plot", err)
	}
	if err := atomicfile.WriteNew(f.path, data); err != nil {
		if errors.Is(err, atomicfile.ErrExists) {
			return usagef(i18n.CLIErrPlotExists, f.path)
		}
		return usagef(i18n.CLIErrBadValue, "plot", err)
	}
	if io.Lang != i18n.English && format != "svg" && f.font == "" {
		fmt.Fprintln(io.Err, io.T(i18n.FigNoFontNote))
	}
	return nil
}

// decodeStateFlag reads a playground's --state; its error names the field
// at fault.
func decodeStateFlag(s string) (*statestr.Playground, error) {
	d, err := statestr.Decode(s)
	if err != nil {
		return nil, usagef(i18n.CLIErrFlagProblem, "--state", err)
	}
	if d.Mode != statestr.ModePlayground {
		return nil, usagef(i18n.CLIErrPlaygroundStateMode)
	}
	return &d.Playground, nil
}

// evalState is the state string of eval's inputs, or "" when they are not
// a playground state: vectors, or values off the 0.01 grid or its ranges.
func evalState(in Input) string {
	if in.Anchor != nil {
		return ""
	}
	v := grid.State{YAP: in.YAP, YAN: in.YAN}
	var err error
	for f, x := range map[grid.Field]float64{grid.DAP: in.DAP, grid.DAN: in.DAN, grid.Margin: in.Margin} {
		var h grid.Hundredths
		if h, err = f.Value(x); err != nil {
			return ""
		}
		v = v.WithValue(f, h)
	}
	s, err := statestr.Encode(statestr.Playground{Values: v})
	if err != nil {
		return ""
	}
	return s
}

// writeEvalFigure draws the triplet loss against d(a,n) with eval's state
// marked (distances from the vectors when vectors were given).
func writeEvalFigure(io IO, pf *plotFlags, st figure.Style, in Input, ev loss.Evaluation) error {
	s := in.Setting
	s.DAP, s.DAN = ev.DAP, ev.DAN
	p, err := figure.Triplet(s, st)
	if err != nil {
		return err
	}
	return pf.write(io, p)
}

// writeBatchFigure draws both distance distributions of the batch.
func writeBatchFigure(io IO, pf *plotFlags, st figure.Style, d *dataset.Dataset, res *batch.Result) error {
	p, err := figure.Batch(res, errtext.Source(st.Printer, d.Source, d.Demo), st)
	if err != nil {
		return err
	}
	return pf.write(io, p)
}

func withState(r Report, state string) Report {
	r.State = state
	return r
}

// scenarioState is the state string of step i of s: the preset and step
// when s is a preset, else the step's values alone (a file cannot be named).
func scenarioState(s *scenarios.Scenario, i int) string {
	p := statestr.Playground{Values: s.StateAt(i)}
	if s.Source == "preset" {
		p.Scenario, p.Step = s.Name, i
	}
	str, err := statestr.Encode(p)
	if err != nil {
		return ""
	}
	return str
}

// trainFigure gathers what train's figure shows while the headless run
// records: each run's loss at every recorded step, its distances at the
// first and the last record, and its embeddings at the last.
type trainFigure struct {
	tr   *train.Trainer
	runs []figure.TrainRun
}

func newTrainFigure(tr *train.Trainer) *trainFigure {
	f := &trainFigure{tr: tr}
	labels := make([]int, len(tr.EvalPoints()))
	for i, p := range tr.EvalPoints() {
		labels[i] = tr.Data().Labels[p]
	}
	classes := make([]string, len(tr.Data().Classes))
	for i, c := range tr.Data().Classes {
		classes[i] = termsafe.String(c) // a file's labels, printable
	}
	for _, r := range tr.Runs() {
		f.runs = append(f.runs, figure.TrainRun{Name: r.Name, Labels: labels, Classes: classes})
	}
	return f
}

// observe records one step; the runs' buffers change with the next
// measurement, so they are copied.
func (f *trainFigure) observe(ms []train.Metrics) {
	for i, r := range f.tr.Runs() {
		fr := &f.runs[i]
		fr.Steps = append(fr.Steps, ms[i].Step)
		fr.Loss = append(fr.Loss, ms[i].Loss)
		pos, neg := r.Distances()
		if len(fr.Steps) == 1 {
			fr.StartPos, fr.StartNeg, fr.StartAUC = slices.Clone(pos), slices.Clone(neg), ms[i].AUC
		}
		fr.EndPos, fr.EndNeg, fr.EndAUC = slices.Clone(pos), slices.Clone(neg), ms[i].AUC
		hpos, hneg := r.HeldOutDistances()
		fr.HeldOutPos, fr.HeldOutNeg, fr.HeldOutAUC = slices.Clone(hpos), slices.Clone(hneg), ms[i].HeldOut.AUC
		fr.HeldOutClasses = f.tr.Config().HoldoutClasses > 0
		fr.Embeddings = slices.Clone(r.Embeddings())
	}
}

func (f *trainFigure) write(io IO, pf *plotFlags, st figure.Style) error {
	runs := slices.Clone(f.runs)
	for i, r := range f.tr.Runs() {
		if r.Name == string(r.Spec.Loss) { // a run named by its loss: by the loss's name
			runs[i].Name = st.Printer.TrainLossName(r.Name)
		}
	}
	plots, err := figure.Train(runs, termsafe.String(f.tr.Data().Source), st)
	if err != nil {
		return err
	}
	return pf.writeRow(io, plots)
}

// trainStateFlags are the flags a training state string sets; --state
// refuses them, as it says all of them.
var trainStateFlags = []string{"data", "in", "model", "loss", "compare", "margin", "compare-margin", "lr", "batch", "seed", "normalize",
	"temperature", "similarity", "holdout", "holdout-classes", "label-noise"}

// applyTrainState reads train's --state into f's configuration and returns
// the step to advance to. It runs after f.given is filled.
func applyTrainState(f *trainFlags, s string) (int, error) {
	if !f.given["state"] {
		return 0, nil
	}
	for _, name := range trainStateFlags {
		if f.given[name] {
			return 0, usagef(i18n.CLIErrConflict, "--state", "--"+name)
		}
	}
	d, err := statestr.Decode(s)
	if err != nil {
		return 0, usagef(i18n.CLIErrFlagProblem, "--state", err)
	}
	if d.Mode != statestr.ModeTrain {
		return 0, usagef(i18n.CLIErrTrainStateMode)
	}
	f.cfg = d.Training.Config
	return d.Training.Step, nil
}

// trainState is the state string of tr's configuration at step, or ""
// when it cannot be spelled (data from a file).
func trainState(cfg train.Config, step int) string {
	s, err := statestr.EncodeTraining(statestr.Training{Config: cfg, Step: step})
	if err != nil {
		return ""
	}
	return s
}
