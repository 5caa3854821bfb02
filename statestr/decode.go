package statestr

import (
	"errors"
	"strconv"
	"strings"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/scenarios"
)

// Decoded is what a state string reopens: Playground when Mode is
// ModePlayground, Training when it is ModeTrain.
type Decoded struct {
	Mode       string
	Playground Playground
	Training   Training
}

// Decode reads a state string. Its errors are *Error values naming the
// field at fault; only the canonical spelling of a state is accepted, so
// Encode(Decode(s)) == s for every s it accepts.
func Decode(s string) (Decoded, error) {
	if len(s) > MaxLen {
		return Decoded{}, fieldErr(FieldString, "", i18n.StateReasonTooLong, MaxLen)
	}
	for i := 0; i < len(s); i++ {
		if !allowed(s[i]) {
			return Decoded{}, fieldErr(FieldString, "", i18n.StateReasonCharacter, i+1)
		}
	}
	tokens := strings.Split(s, "_")
	if tokens[0] != Version {
		if strings.HasPrefix(tokens[0], "ll") && len(tokens[0]) > 2 {
			return Decoded{}, fieldErr(FieldVersion, tokens[0], i18n.StateReasonVersion, Version)
		}
		return Decoded{}, fieldErr(FieldVersion, "", i18n.StateReasonNotState)
	}
	if len(tokens) < 3 {
		return Decoded{}, fieldErr(FieldChecksum, "", i18n.StateReasonTruncated)
	}
	sum := tokens[len(tokens)-1]
	body := s[:len(s)-len(sum)-1]
	if !isChecksum(sum) {
		return Decoded{}, fieldErr(FieldChecksum, "", i18n.StateReasonTruncated)
	}
	if sum != checksum(body) {
		return Decoded{}, fieldErr(FieldChecksum, sum, i18n.StateReasonChecksum)
	}
	fields := tokens[2 : len(tokens)-1]
	if tokens[1] == ModeTrain {
		t, err := decodeTraining(fields)
		if err != nil {
			return Decoded{}, err
		}
		return Decoded{Mode: ModeTrain, Training: t}, nil
	}
	if tokens[1] != ModePlayground {
		return Decoded{}, fieldErr(FieldMode, tokens[1], i18n.StateReasonMode)
	}
	p, err := decodePlayground(fields)
	if err != nil {
		return Decoded{}, err
	}
	return Decoded{Mode: ModePlayground, Playground: p}, nil
}

// isChecksum reports whether s has a checksum's shape: six lower-case hex digits.
func isChecksum(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(s[i] >= '0' && s[i] <= '9' || s[i] >= 'a' && s[i] <= 'f') {
			return false
		}
	}
	return true
}

func allowed(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
}

// decodePlayground reads the playground's fields, in order, each once.
func decodePlayground(tokens []string) (Playground, error) {
	p := Default()
	next := 0 // index into fieldOrder of the first key still allowed
	var preset *scenarios.Scenario
	valuesStarted := false
	var pts grid.Points // points mode's, applied once every coordinate is read
	distanceGiven := ""
	for _, tok := range tokens {
		key, value, ok := strings.Cut(tok, "-")
		at := indexOf(fieldOrder, key)
		switch {
		case !ok || value == "":
			return p, fieldErr(key, "", i18n.StateReasonNoValue)
		case at < 0:
			return p, fieldErr(key, "", i18n.StateReasonUnknownField, strings.Join(fieldOrder, ", "))
		case at < next:
			return p, fieldErr(key, value, i18n.StateReasonOrder, strings.Join(fieldOrder, ", "))
		}
		next = at + 1
		if at >= indexOf(fieldOrder, keyDAP) && !valuesStarted {
			valuesStarted = true
			p.Values = p.base()
		}
		switch key {
		case keyScenario:
			if preset = scenarios.Preset(value); preset == nil {
				return p, fieldErr(key, value, i18n.StateReasonUnknownPreset)
			}
			p.Scenario = value
		case keyStep:
			n, err := strconv.Atoi(value)
			switch {
			case preset == nil:
				return p, fieldErr(key, value, i18n.StateReasonStepNoScenario)
			case err != nil || strconv.Itoa(n) != value:
				return p, fieldErr(key, value, i18n.StateReasonStepRange, preset.Len()-1)
			case n < 1 || n >= preset.Len():
				return p, fieldErr(key, value, i18n.StateReasonStepRange, preset.Len()-1)
			}
			p.Step = n
		case keyDAP, keyDAN, keyMargin:
			v, err := parseNumber(key, value)
			if err != nil {
				return p, err
			}
			if key != keyMargin {
				distanceGiven = key
			}
			if v == p.base().Value(numericKeys[key]) {
				return p, fieldErr(key, value, i18n.StateReasonDefault)
			}
			p.Values = p.Values.WithValue(numericKeys[key], v)
		case keyYAP, keyYAN:
			y, err := parseLabel(key, value)
			if err != nil {
				return p, err
			}
			f := grid.YAP
			if key == keyYAN {
				f = grid.YAN
			}
			if y == p.base().Label(f) {
				return p, fieldErr(key, value, i18n.StateReasonDefault)
			}
			p.Values = p.Values.WithLabel(f, y)
		case keyChart:
			i := indexOf(chartIDs, value)
			switch {
			case i < 0:
				return p, fieldErr(key, value, i18n.StateReasonChart, strings.Join(chartIDs, ", "))
			case i == 0:
				return p, fieldErr(key, value, i18n.StateReasonDefault)
			}
			p.Chart = value
		case keyPoints:
			m, err := parseMetric(value)
			if err != nil {
				return p, err
			}
			if distanceGiven != "" {
				return p, fieldErr(distanceGiven, "", i18n.StateReasonDerived)
			}
			pts = grid.Points{On: true, Metric: m}
		default: // a coordinate
			if !pts.On {
				return p, fieldErr(key, value, i18n.StateReasonNeedsPoints)
			}
			x, err := parseCoordinate(key, value)
			if err != nil {
				return p, err
			}
			pts = withCoordinate(pts, indexOf(coordKeys, key), x)
		}
	}
	if !valuesStarted {
		p.Values = p.base()
	}
	if pts.On {
		v, err := p.Values.WithPoints(pts)
		if err != nil {
			return p, pointsErr(err)
		}
		p.Values = v
	}
	return p, nil
}

// parseNumber reads a value in its canonical spelling on the 0.01 grid.
func parseNumber(key, value string) (grid.Hundredths, error) {
	f := numericKeys[key]
	plain := strings.Trim(value, "0123456789.") == ""
	x, err := strconv.ParseFloat(value, 64)
	if err != nil || !plain { // no exponents, signs, Inf, NaN or hex
		return 0, fieldErr(key, value, i18n.StateReasonNumber)
	}
	v, err := f.Value(x)
	switch {
	case errors.Is(err, grid.ErrOffGrid):
		return 0, fieldErr(key, value, i18n.StateReasonGrid)
	case err != nil:
		return 0, fieldErr(key, value, i18n.StateReasonRange, number(f.Max()))
	}
	if number(v) != value {
		return 0, fieldErr(key, value, i18n.StateReasonSpelling, number(v))
	}
	return v, nil
}

func parseLabel(key, value string) (loss.Label, error) {
	switch value {
	case "s":
		return loss.Same, nil
	case "d":
		return loss.Different, nil
	}
	return 0, fieldErr(key, value, i18n.StateReasonLabel)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// Error is a state string that cannot be read or a state that cannot be
// written, naming the field at fault.
type Error struct {
	Field  string // a field key (dap, sc, …) or one of the Field… names
	Value  string // the field's text, "" when there is none to quote
	Reason i18n.ID
	Args   []any
}

// Names of the parts of a string that are not fields.
const (
	FieldString   = "string"
	FieldVersion  = "version"
	FieldChecksum = "checksum"
	FieldMode     = "mode"
)

func fieldErr(field, value string, reason i18n.ID, args ...any) *Error {
	return &Error{Field: field, Value: value, Reason: reason, Args: args}
}

func (e *Error) Error() string { return e.Text(i18n.New(i18n.English)) }

// partNames name the parts of a string that are not fields.
var partNames = map[string]i18n.ID{
	FieldString:   i18n.StatePartString,
	FieldVersion:  i18n.StatePartVersion,
	FieldChecksum: i18n.StatePartChecksum,
	FieldMode:     i18n.StatePartMode,
}

// Text renders the error with p: the field, then the reason (an argument
// that renders itself, a refusal of points, in p's language).
func (e *Error) Text(p i18n.Printer) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if l, ok := a.(interface{ Text(i18n.Printer) string }); ok {
			a = l.Text(p)
		}
		args[i] = a
	}
	reason := p.T(e.Reason, args...)
	field := p.T(i18n.StatePartField, e.Field) // a key stays as the string writes it
	if id, ok := partNames[e.Field]; ok {
		field = p.T(id)
	}
	if e.Value == "" {
		return p.T(i18n.StateErrField, field, reason)
	}
	return p.T(i18n.StateErrFieldValue, field, e.Value, reason)
}
