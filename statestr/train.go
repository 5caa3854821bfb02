package statestr

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"losslab/core/train"
	"losslab/i18n"
)

// ModeTrain is the letter of a training state:
//
//	ll1_t[_data-ID][_model-ID][_loss-ID][_cmp-ID][_m-X][_cm-X][_lr-X][_b-N][_seed-N][_norm-1][_tau-X][_sim-ID][_ho-X][_hc-N][_ln-X][_st-N]_CHECK
//
// with train.NewConfig's values as the defaults (the compare margin's is
// the margin, and it is written only with cmp). Numbers are in their
// shortest decimal spelling without an exponent (0.2, 0.00001, 100).
const ModeTrain = "t"

// MaxTrainStep bounds the step a training string may ask for: train.MaxSteps.
const MaxTrainStep = train.MaxSteps

// Training is the state of the training mode a string carries: the
// configuration (generated data only: a file cannot be named) and the step.
type Training struct {
	Config train.Config
	Step   int
}

const (
	keyData    = "data"
	keyModel   = "model"
	keyLoss    = "loss"
	keyCompare = "cmp"
	keyCMargin = "cm"
	keyLR      = "lr"
	keyBatch   = "b"
	keySeed    = "seed"
	keyNorm    = "norm"
	keyTau     = "tau"
	keySim     = "sim"
	keyHoldout = "ho"
	keyHClass  = "hc"
	keyNoise   = "ln" // label noise
)

var trainOrder = []string{keyData, keyModel, keyLoss, keyCompare, keyMargin, keyCMargin, keyLR, keyBatch, keySeed, keyNorm,
	keyTau, keySim, keyHoldout, keyHClass, keyNoise, keyStep}

// normal is t with the compare margin that means nothing dropped, so that
// equal states have equal strings.
func (t Training) normal() Training {
	if t.Config.Compare == "" {
		t.Config.CompareMargin = t.Config.Margin
	}
	return t
}

// EncodeTraining spells t; it fails (naming the field) when t cannot be
// reopened: data from a file, or a value out of range.
func EncodeTraining(t Training) (string, error) {
	t = t.normal()
	c, def := t.Config, train.NewConfig()
	if err := checkTraining(t); err != nil {
		return "", err
	}
	tokens := []string{Version, ModeTrain}
	add := func(key, value string) { tokens = append(tokens, key+"-"+value) }
	if c.Data != def.Data {
		add(keyData, string(c.Data))
	}
	if c.Model != def.Model {
		add(keyModel, string(c.Model))
	}
	if c.Loss != def.Loss {
		add(keyLoss, string(c.Loss))
	}
	if c.Compare != "" {
		add(keyCompare, string(c.Compare))
	}
	if c.Margin != def.Margin {
		add(keyMargin, decimal(c.Margin))
	}
	if c.Compare != "" && c.CompareMargin != c.Margin {
		add(keyCMargin, decimal(c.CompareMargin))
	}
	if c.LR != def.LR {
		add(keyLR, decimal(c.LR))
	}
	if c.Batch != def.Batch {
		add(keyBatch, strconv.Itoa(c.Batch))
	}
	if c.Seed != def.Seed {
		add(keySeed, strconv.FormatUint(c.Seed, 10))
	}
	if c.Normalize {
		add(keyNorm, "1")
	}
	if c.Temperature != def.Temperature {
		add(keyTau, decimal(c.Temperature))
	}
	if c.Similarity != def.Similarity {
		add(keySim, string(c.Similarity))
	}
	if c.Holdout != def.Holdout {
		add(keyHoldout, decimal(c.Holdout))
	}
	if c.HoldoutClasses != 0 {
		add(keyHClass, strconv.Itoa(c.HoldoutClasses))
	}
	if c.LabelNoise != 0 {
		add(keyNoise, decimal(c.LabelNoise))
	}
	if t.Step != 0 {
		add(keyStep, strconv.Itoa(t.Step))
	}
	body := strings.Join(tokens, "_")
	return body + "_" + checksum(body), nil
}

// checkTraining names the first field of t that cannot be spelled.
func checkTraining(t Training) error {
	c := t.Config
	switch {
	case !slices.Contains(train.DataIDs(), c.Data):
		return fieldErr(keyData, string(c.Data), i18n.StateReasonTrainData, idList(train.DataIDs()))
	case t.Step < 0 || t.Step > MaxTrainStep:
		return fieldErr(keyStep, strconv.Itoa(t.Step), i18n.StateReasonTrainStep, MaxTrainStep)
	}
	if err := configErr(c); err != nil {
		return err
	}
	return holdoutClassesErr(c)
}

// holdoutClassesErr checks the whole classes held out against the data
// set's classes: at least MinHoldoutClasses held out and as many training.
func holdoutClassesErr(c train.Config) error {
	if c.HoldoutClasses == 0 {
		return nil
	}
	classes := 0
	if d, err := train.Generate(c.Data, c.Seed); err == nil {
		classes = len(d.Classes)
	}
	if c.HoldoutClasses < train.MinHoldoutClasses || c.HoldoutClasses > classes-train.MinHoldoutClasses {
		return fieldErr(keyHClass, strconv.Itoa(c.HoldoutClasses), i18n.StateReasonTrainHoldoutClasses, classes)
	}
	return nil
}

// configErr is train.Config.Check's verdict with the field named as a
// state string names it.
func configErr(c train.Config) error {
	err := c.Check()
	if err == nil {
		return nil
	}
	pe, _ := err.(*train.ParamError)
	flag := ""
	if pe != nil {
		flag = pe.Flag
	}
	switch flag {
	case "margin":
		return fieldErr(keyMargin, decimal(c.Margin), i18n.StateReasonRange, decimal(train.MaxMargin))
	case "compare-margin":
		return fieldErr(keyCMargin, decimal(c.CompareMargin), i18n.StateReasonRange, decimal(train.MaxMargin))
	case "lr":
		return fieldErr(keyLR, decimal(c.LR), i18n.StateReasonTrainLR, decimal(train.MaxLR))
	case "batch":
		return fieldErr(keyBatch, strconv.Itoa(c.Batch), i18n.StateReasonTrainBatch, train.MinBatch, train.MaxBatch)
	case "model":
		return fieldErr(keyModel, string(c.Model), i18n.StateReasonTrainUnknown, idList(train.ModelIDs()))
	case "loss":
		return fieldErr(keyLoss, string(c.Loss), i18n.StateReasonTrainUnknown, idList(train.LossIDs()))
	case "compare":
		if errors.Is(err, train.ErrSameRun) && c.Compare.UsesMargin() {
			return fieldErr(keyCompare, string(c.Compare), i18n.TrainErrCompareSameMargin, string(c.Compare), decimal(c.Margin))
		}
		if errors.Is(err, train.ErrSameRun) {
			return fieldErr(keyCompare, string(c.Compare), i18n.TrainErrCompareSame, string(c.Compare))
		}
		return fieldErr(keyCompare, string(c.Compare), i18n.StateReasonTrainUnknown, idList(train.LossIDs()))
	case "temperature":
		return fieldErr(keyTau, decimal(c.Temperature), i18n.StateReasonTrainTemperature, decimal(train.MinTemperature), decimal(train.MaxTemperature))
	case "similarity":
		return fieldErr(keySim, string(c.Similarity), i18n.StateReasonTrainUnknown, idList(train.Similarities()))
	case "holdout":
		return fieldErr(keyHoldout, decimal(c.Holdout), i18n.StateReasonRange, decimal(train.MaxHoldout))
	case "holdout-classes":
		return fieldErr(keyHClass, strconv.Itoa(c.HoldoutClasses), i18n.StateReasonTrainHoldoutClasses, 0)
	case "label-noise":
		return fieldErr(keyNoise, decimal(c.LabelNoise), i18n.StateReasonRange, decimal(train.MaxLabelNoise))
	}
	return fieldErr(FieldString, "", i18n.StateReasonTrainCanonical) // core/train added a check this package does not know
}

// decimal is x's shortest spelling without an exponent.
func decimal(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func idList[T ~string](ids []T) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

// decodeTraining reads a training state's fields.
func decodeTraining(tokens []string) (Training, error) {
	fields, err := orderedFields(tokens, trainOrder)
	if err != nil {
		return Training{}, err
	}
	t := Training{Config: train.NewConfig()}
	c := &t.Config
	id := func(key string, known []string, set func(string)) error {
		v, ok := fields[key]
		if !ok {
			return nil
		}
		if !slices.Contains(known, v) {
			return fieldErr(key, v, i18n.StateReasonTrainUnknown, strings.Join(known, ", "))
		}
		set(v)
		return nil
	}
	num := func(key string, set func(float64)) error {
		v, ok := fields[key]
		if !ok {
			return nil
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || strings.Trim(v, "0123456789.") != "" || decimal(x) != v {
			return fieldErr(key, v, i18n.StateReasonTrainNumber)
		}
		set(x)
		return nil
	}
	integer := func(key string, set func(uint64)) error {
		v, ok := fields[key]
		if !ok {
			return nil
		}
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil || strconv.FormatUint(n, 10) != v {
			return fieldErr(key, v, i18n.StateReasonTrainNumber)
		}
		set(n)
		return nil
	}
	strs := func(ids any) []string {
		switch ids := ids.(type) {
		case []train.DataID:
			return strings.Split(idList(ids), ", ")
		case []train.ModelID:
			return strings.Split(idList(ids), ", ")
		case []train.LossID:
			return strings.Split(idList(ids), ", ")
		case []train.Similarity:
			return strings.Split(idList(ids), ", ")
		}
		return nil
	}
	margin, cmargin := c.Margin, -1.0
	var batch, step, hclasses uint64 = uint64(c.Batch), 0, 0
	for _, err := range []error{
		id(keyData, strs(train.DataIDs()), func(v string) { c.Data = train.DataID(v) }),
		id(keyModel, strs(train.ModelIDs()), func(v string) { c.Model = train.ModelID(v) }),
		id(keyLoss, strs(train.LossIDs()), func(v string) { c.Loss = train.LossID(v) }),
		id(keyCompare, strs(train.LossIDs()), func(v string) { c.Compare = train.LossID(v) }),
		num(keyMargin, func(x float64) { margin = x }),
		num(keyCMargin, func(x float64) { cmargin = x }),
		num(keyLR, func(x float64) { c.LR = x }),
		integer(keyBatch, func(n uint64) { batch = n }),
		integer(keySeed, func(n uint64) { c.Seed = n }),
		num(keyTau, func(x float64) { c.Temperature = x }),
		id(keySim, strs(train.Similarities()), func(v string) { c.Similarity = train.Similarity(v) }),
		num(keyHoldout, func(x float64) { c.Holdout = x }),
		integer(keyHClass, func(n uint64) { hclasses = n }),
		num(keyNoise, func(x float64) { c.LabelNoise = x }),
		integer(keyStep, func(n uint64) { step = n }),
	} {
		if err != nil {
			return t, err
		}
	}
	if v, ok := fields[keyNorm]; ok {
		if v != "1" {
			return t, fieldErr(keyNorm, v, i18n.StateReasonTrainNorm)
		}
		c.Normalize = true
	}
	c.Margin, c.CompareMargin = margin, margin
	switch {
	case cmargin >= 0 && c.Compare == "":
		return t, fieldErr(keyCMargin, fields[keyCMargin], i18n.StateReasonTrainNeedsCompare)
	case cmargin >= 0:
		c.CompareMargin = cmargin
	}
	if batch > train.MaxBatch {
		return t, fieldErr(keyBatch, fields[keyBatch], i18n.StateReasonTrainBatch, train.MinBatch, train.MaxBatch)
	}
	c.Batch = int(batch)
	if hclasses > 1000 {
		return t, fieldErr(keyHClass, fields[keyHClass], i18n.StateReasonTrainHoldoutClasses, 0)
	}
	c.HoldoutClasses = int(hclasses)
	if step > MaxTrainStep {
		return t, fieldErr(keyStep, fields[keyStep], i18n.StateReasonTrainStep, MaxTrainStep)
	}
	t.Step = int(step)
	if err := checkTraining(t); err != nil {
		return t, err
	}
	// Canonical: a field equal to its default was not to be written.
	if again, err := EncodeTraining(t); err != nil || again[:strings.LastIndex(again, "_")] != strings.Join(append([]string{Version, ModeTrain}, tokens...), "_") {
		return t, fieldErr(FieldString, "", i18n.StateReasonTrainCanonical)
	}
	return t, nil
}

// orderedFields reads key-value tokens whose keys come from order, each at
// most once and in that order.
func orderedFields(tokens, order []string) (map[string]string, error) {
	out := map[string]string{}
	next := 0
	for _, tok := range tokens {
		key, value, ok := strings.Cut(tok, "-")
		at := slices.Index(order, key)
		switch {
		case !ok || value == "":
			return nil, fieldErr(key, "", i18n.StateReasonNoValue)
		case at < 0:
			return nil, fieldErr(key, "", i18n.StateReasonUnknownField, strings.Join(order, ", "))
		case at < next:
			return nil, fieldErr(key, value, i18n.StateReasonOrder, strings.Join(order, ", "))
		}
		next = at + 1
		out[key] = value
	}
	return out, nil
}
