package scenarios

import (
	"errors"
	"strconv"
	"strings"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/termsafe"
)

// ModeTrain opens the training mode (core/train) with the step's train_*
// settings; the step's playground state is not read by it.
const ModeTrain ModeKind = "train"

// MaxTrainSteps bounds train_steps: the steps trained when the learner opens
// the step, before handing over, so that opening stays quick.
const MaxTrainSteps = 2000

// TrainSettings are a train step's settings: a core/train configuration
// (core/train's defaults for every key the step does not give) and the steps
// trained before the learner takes over.
type TrainSettings struct {
	Config train.Config
	Steps  int
}

// trainStepKeys are the keys of a train step, each named after the
// `losslab train` flag it mirrors.
var trainStepKeys = []string{"train_data", "train_model", "train_loss", "train_margin", "train_compare",
	"train_compare_margin", "train_lr", "train_batch", "train_seed", "train_normalize", "train_steps",
	"train_temperature", "train_similarity", "train_holdout", "train_holdout_classes", "train_label_noise"}

// trainSettings reads a train step's settings into mode; a train_* key on any
// other step is an error.
func (p *parser) trainSettings(step map[string]any, i int, mode *Mode) error {
	if mode.Kind != ModeTrain {
		for _, k := range trainStepKeys {
			if _, ok := step[k]; ok {
				return p.errAt(sectionStep, i, k, i18n.LessonTrainWithoutTrain, k)
			}
		}
		return nil
	}
	cfg := train.NewConfig()
	ids := []struct {
		key  string
		dst  *string
		from []string
	}{
		{"train_data", (*string)(&cfg.Data), idStrings(train.DataIDs())},
		{"train_model", (*string)(&cfg.Model), idStrings(train.ModelIDs())},
		{"train_loss", (*string)(&cfg.Loss), idStrings(train.LossIDs())},
		{"train_compare", (*string)(&cfg.Compare), idStrings(train.LossIDs())},
		{"train_similarity", (*string)(&cfg.Similarity), idStrings(train.Similarities())},
	}
	for _, id := range ids {
		v, ok := step[id.key]
		if !ok {
			continue
		}
		s, err := p.text(v, sectionStep, i, id.key, true)
		if err != nil {
			return err
		}
		*id.dst = s // checked below, by core/train where it checks it
	}
	if _, err := train.ParseData(string(cfg.Data)); err != nil { // Check takes the data as given
		return p.errAt(sectionStep, i, "train_data", i18n.LessonTrainUnknown, "train_data", termsafe.String(string(cfg.Data)), strings.Join(ids[0].from, ", "))
	}
	for _, f := range []struct {
		key string
		dst *float64
	}{{"train_margin", &cfg.Margin}, {"train_compare_margin", &cfg.CompareMargin}, {"train_lr", &cfg.LR},
		{"train_temperature", &cfg.Temperature}, {"train_holdout", &cfg.Holdout}, {"train_label_noise", &cfg.LabelNoise}} {
		if v, ok := step[f.key]; ok {
			x, ok := number(v)
			if !ok {
				return p.errAt(sectionStep, i, f.key, i18n.ScenNumberType, f.key, tomlType(v))
			}
			*f.dst = x
		}
	}
	if _, ok := step["train_compare_margin"]; ok && cfg.Compare == "" {
		return p.errAt(sectionStep, i, "train_compare_margin", i18n.LessonTrainCompareMargin)
	}
	var seed, batch, steps, heldClasses int64 = int64(cfg.Seed), int64(cfg.Batch), 0, 0
	for _, f := range []struct {
		key     string
		dst     *int64
		lo, hi  int64
		checked bool // core/train's Check bounds it
	}{{"train_batch", &batch, 0, 0, true}, {"train_seed", &seed, 0, 1<<63 - 1, false}, {"train_steps", &steps, 0, MaxTrainSteps, false},
		{"train_holdout_classes", &heldClasses, 0, 1 << 20, false}} {
		v, ok := step[f.key]
		if !ok {
			continue
		}
		n, ok := v.(int64)
		if !ok {
			return p.errAt(sectionStep, i, f.key, i18n.LessonTrainInteger, f.key)
		}
		if !f.checked && (n < f.lo || n > f.hi) {
			return p.errAt(sectionStep, i, f.key, i18n.TrainErrCount, f.key+" = "+strconv.FormatInt(n, 10), strconv.FormatInt(f.lo, 10), strconv.FormatInt(f.hi, 10))
		}
		*f.dst = n
	}
	// Clamped to one past a bound so that no int conversion wraps a wrong
	// value into range; the message quotes the file's value.
	cfg.Seed, cfg.Batch, cfg.HoldoutClasses = uint64(seed), int(max(min(batch, train.MaxBatch+1), train.MinBatch-1)), int(heldClasses)
	if v, ok := step["train_normalize"]; ok {
		b, ok := v.(bool)
		if !ok {
			return p.errAt(sectionStep, i, "train_normalize", i18n.LessonBool, "train_normalize", tomlType(v))
		}
		cfg.Normalize = b
	}
	if err := cfg.Check(); err != nil {
		return p.trainConfigErr(i, cfg, batch, err)
	}
	mode.Train = TrainSettings{Config: cfg, Steps: int(steps)}
	return nil
}

// trainConfigErr is core/train's verdict on a step's configuration, at the
// line of the key it names, in the catalogue's words.
func (p *parser) trainConfigErr(i int, cfg train.Config, batch int64, err error) error {
	var pe *train.ParamError
	if !errors.As(err, &pe) { // core/train gave a reason this package does not know
		return p.errAt(sectionStep, i, "mode", i18n.LessonTrainInvalid, termsafe.String(err.Error()))
	}
	key := "train_" + strings.ReplaceAll(pe.Flag, "-", "_")
	num := func(x float64) string { return key + " = " + strconv.FormatFloat(x, 'f', -1, 64) }
	switch pe.Flag {
	case "model":
		return p.errAt(sectionStep, i, key, i18n.LessonTrainUnknown, key, termsafe.String(string(cfg.Model)), strings.Join(idStrings(train.ModelIDs()), ", "))
	case "compare":
		if errors.Is(err, train.ErrSameRun) && cfg.Compare.UsesMargin() {
			return p.errAt(sectionStep, i, key, i18n.TrainErrCompareSameMargin, termsafe.String(string(cfg.Compare)), strconv.FormatFloat(cfg.Margin, 'f', -1, 64))
		}
		if errors.Is(err, train.ErrSameRun) {
			return p.errAt(sectionStep, i, key, i18n.TrainErrCompareSame, termsafe.String(string(cfg.Compare)))
		}
		return p.errAt(sectionStep, i, key, i18n.LessonTrainUnknown, key, termsafe.String(string(cfg.Compare)), strings.Join(idStrings(train.LossIDs()), ", "))
	case "loss":
		return p.errAt(sectionStep, i, key, i18n.LessonTrainUnknown, key, termsafe.String(string(cfg.Loss)), strings.Join(idStrings(train.LossIDs()), ", "))
	case "margin":
		return p.errAt(sectionStep, i, key, i18n.TrainErrBetween, num(cfg.Margin), "0", strconv.FormatFloat(train.MaxMargin, 'f', -1, 64))
	case "compare-margin":
		return p.errAt(sectionStep, i, key, i18n.TrainErrBetween, num(cfg.CompareMargin), "0", strconv.FormatFloat(train.MaxMargin, 'f', -1, 64))
	case "lr":
		return p.errAt(sectionStep, i, key, i18n.TrainErrAbove, num(cfg.LR), "0", strconv.FormatFloat(train.MaxLR, 'f', -1, 64))
	case "temperature":
		return p.errAt(sectionStep, i, key, i18n.TrainErrBetween, num(cfg.Temperature), strconv.FormatFloat(train.MinTemperature, 'f', -1, 64), strconv.FormatFloat(train.MaxTemperature, 'f', -1, 64))
	case "holdout":
		return p.errAt(sectionStep, i, key, i18n.TrainErrBetween, num(cfg.Holdout), "0", strconv.FormatFloat(train.MaxHoldout, 'f', -1, 64))
	case "label-noise":
		return p.errAt(sectionStep, i, key, i18n.TrainErrBetween, num(cfg.LabelNoise), "0", strconv.FormatFloat(train.MaxLabelNoise, 'f', -1, 64))
	case "similarity":
		return p.errAt(sectionStep, i, key, i18n.LessonTrainUnknown, key, termsafe.String(string(cfg.Similarity)), strings.Join(idStrings(train.Similarities()), ", "))
	case "batch":
		return p.errAt(sectionStep, i, key, i18n.TrainErrCount, key+" = "+strconv.FormatInt(batch, 10), strconv.Itoa(train.MinBatch), strconv.Itoa(train.MaxBatch))
	}
	return p.errAt(sectionStep, i, "mode", i18n.LessonTrainInvalid, termsafe.String(err.Error()))
}

func idStrings[T ~string](ids []T) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// encodeTrainStep lists a train step's settings for the encoder: every
// setting is written, so that a default that changes in core/train does not
// change a recorded lesson.
func encodeTrainStep(m Mode) table {
	if m.Kind != ModeTrain {
		return nil
	}
	c := m.Train.Config
	t := table{{"train_data", string(c.Data)}, {"train_model", string(c.Model)}, {"train_loss", string(c.Loss)}, {"train_margin", c.Margin}}
	if c.Compare != "" {
		t = append(t, keyValue{"train_compare", string(c.Compare)}, keyValue{"train_compare_margin", c.CompareMargin})
	}
	return append(t, keyValue{"train_lr", c.LR}, keyValue{"train_batch", int64(c.Batch)}, keyValue{"train_seed", int64(c.Seed)},
		keyValue{"train_normalize", c.Normalize}, keyValue{"train_steps", int64(m.Train.Steps)},
		keyValue{"train_temperature", c.Temperature}, keyValue{"train_similarity", string(c.Similarity)},
		keyValue{"train_holdout", c.Holdout}, keyValue{"train_holdout_classes", int64(c.HoldoutClasses)},
		keyValue{"train_label_noise", c.LabelNoise})
}

// TrainingAt is the training run that the texts of state i speak of: a
// train step's own settings, or, for a question asked just before a train
// step (predict, then play), that step's; nil for any other state. Such
// texts are about a run of core/train, not about the state's losses.
func (s *Scenario) TrainingAt(i int) *TrainSettings {
	if i < 1 || i > len(s.Steps) {
		return nil
	}
	if st := s.Steps[i-1]; st.Mode.Kind == ModeTrain {
		return &st.Mode.Train
	} else if st.Question != nil && i < len(s.Steps) && s.Steps[i].Mode.Kind == ModeTrain {
		return &s.Steps[i].Mode.Train
	}
	return nil
}
