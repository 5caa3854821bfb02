package cli

import (
	"strconv"
	"strings"

	"losslab/core/dataset"
	"losslab/core/dist"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/internal/termsafe"
)

// The flag values below parse and check a flag's text; their errors are
// usage errors, which parseFlags prefixes with the flag's name. Type() is the
// placeholder the help shows after the flag.

// maxInput bounds distances and margins: the losses square them, and the
// square of anything above 1e150 (a float64 reaches 1.8e308) is not finite.
// A temperature has no such bound: the losses divide by it.
const maxInput = 1e150

// parseNumber reads one finite number with the readers' own rule
// (dataset.ParseNumber), with a message from the catalogue.
func parseNumber(s string) (float64, error) {
	v, err := dataset.ParseNumber(s)
	if err != nil {
		return 0, usagef(i18n.CLIErrNotFinite, termsafe.Echo(s))
	}
	return v, nil
}

// ParseVector parses comma-separated finite numbers such as "0.7,0,-1e-3".
func ParseVector(s string) ([]float64, error) {
	if strings.TrimSpace(s) == "" {
		return nil, usagef(i18n.CLIErrEmptyVector)
	}
	parts := strings.Split(s, ",")
	v := make([]float64, len(parts))
	for i, p := range parts {
		x, err := parseNumber(p)
		if err != nil {
			return nil, usagef(i18n.CLIErrComponent, i+1, err)
		}
		v[i] = x
	}
	return v, nil
}

// formatNumber writes a flag value back so that it parses to the same number.
func formatNumber(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// nonNegative is a flag value holding a distance or a margin: a finite number
// from 0 to maxInput.
type nonNegative struct{ v *float64 }

func (f nonNegative) Type() string { return "number" }

func (f nonNegative) String() string {
	if f.v == nil {
		return ""
	}
	return formatNumber(*f.v)
}

func (f nonNegative) Set(s string) error {
	v, err := parseNumber(s)
	switch {
	case err != nil:
		return err
	case v < 0:
		return usagef(i18n.CLIErrNegative, termsafe.Echo(strings.TrimSpace(s)))
	case v > maxInput:
		return usagef(i18n.CLIErrTooLarge, termsafe.Echo(strings.TrimSpace(s)), formatNumber(maxInput))
	}
	*f.v = v
	return nil
}

// positive is a flag value holding a temperature: a finite number above 0.
// Its zero value means "the loss's own default", which the flag's
// description states, so String shows no default for it.
type positive struct{ v *float64 }

func (f positive) Type() string { return "number" }

func (f positive) String() string {
	if f.v == nil || *f.v == 0 {
		return ""
	}
	return formatNumber(*f.v)
}

func (f positive) Set(s string) error {
	v, err := parseNumber(s)
	switch {
	case err != nil:
		return err
	case v <= 0:
		return usagef(i18n.LossErrNotPositive, termsafe.Echo(strings.TrimSpace(s)))
	}
	*f.v = v
	return nil
}

// labelValue is a flag value holding a label, read by loss.ParseLabel like
// labels in scenario files and typed in the playground.
type labelValue struct{ y *loss.Label }

func (f labelValue) Type() string { return "label" }

func (f labelValue) String() string {
	if f.y == nil {
		return ""
	}
	return f.y.String()
}

func (f labelValue) Set(s string) error {
	y, err := loss.ParseLabel(s)
	if err != nil {
		return errtext.NewInputError(err, s)
	}
	*f.y = y
	return nil
}

// vectorValue is a flag value holding a vector.
type vectorValue struct{ v *[]float64 }

func (f vectorValue) Type() string { return "vector" }

func (f vectorValue) String() string {
	if f.v == nil || *f.v == nil {
		return ""
	}
	parts := make([]string, len(*f.v))
	for i, x := range *f.v {
		parts[i] = formatNumber(x)
	}
	return strings.Join(parts, ",")
}

func (f vectorValue) Set(s string) error {
	v, err := ParseVector(s)
	if err != nil {
		return err
	}
	*f.v = v
	return nil
}

// metricValue is a flag value holding a distance name.
type metricValue struct{ m *dist.Metric }

func (f metricValue) Type() string { return "name" }

func (f metricValue) String() string {
	if f.m == nil {
		return ""
	}
	return f.m.String()
}

func (f metricValue) Set(s string) error {
	m, err := dist.Parse(s)
	if err != nil {
		return usagef(i18n.CLIErrUnknownMetricVal, termsafe.Echo(s), nameList(dist.Names()))
	}
	*f.m = m
	return nil
}
