package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"losslab/core/dataset"
	"losslab/core/dist"
	"losslab/core/loss"
)

// ParseVector parses comma-separated finite numbers such as "0.7,0,-1e-3".
func ParseVector(s string) ([]float64, error) {
	if strings.TrimSpace(s) == "" {
		return nil, errors.New("empty vector: want comma-separated numbers such as 0.7,0")
	}
	parts := strings.Split(s, ",")
	v := make([]float64, len(parts))
	for i, p := range parts {
		x, err := dataset.ParseNumber(p)
		if err != nil {
			return nil, fmt.Errorf("component %d: %w", i+1, err)
		}
		v[i] = x
	}
	return v, nil
}

// nonNegative is a flag value holding a finite number ≥ 0 (a distance or a margin).
type nonNegative struct{ v *float64 }

func (f nonNegative) String() string {
	if f.v == nil {
		return ""
	}
	return strconv.FormatFloat(*f.v, 'g', -1, 64)
}

func (f nonNegative) Set(s string) error {
	v, err := dataset.ParseNumber(s)
	if err != nil {
		return err
	}
	if v < 0 {
		return errors.New("must be ≥ 0")
	}
	*f.v = v
	return nil
}

// labelValue is a flag value holding same|different.
type labelValue struct{ y *loss.Label }

func (f labelValue) String() string {
	if f.y == nil {
		return ""
	}
	return f.y.String()
}

func (f labelValue) Set(s string) error {
	y, err := loss.ParseLabel(s)
	if err != nil {
		return fmt.Errorf("%q is not a label: want same or different", s)
	}
	*f.y = y
	return nil
}

// vectorValue is a flag value holding a vector.
type vectorValue struct{ v *[]float64 }

func (f vectorValue) String() string {
	if f.v == nil || *f.v == nil {
		return ""
	}
	parts := make([]string, len(*f.v))
	for i, x := range *f.v {
		parts[i] = strconv.FormatFloat(x, 'g', -1, 64)
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

func (f metricValue) String() string {
	if f.m == nil {
		return ""
	}
	return f.m.String()
}

func (f metricValue) Set(s string) error {
	m, err := dist.Parse(s)
	if err != nil {
		return err
	}
	*f.m = m
	return nil
}
