// Package statestr is the one-line state string: a versioned, checksummed
// spelling of what the playground shows (values, labels, chart, preset
// scenario and step) that a person can paste into a shell, a URL or an SSH
// command and reopen with `losslab --state STR`.
//
// The format, version 1:
//
//	ll1_p[_sc-NAME][_st-N][_dap-X][_dan-X][_m-X][_yap-s|d][_yan-s|d][_pts-e|c[_ax-X]…[_ny-X]][_c-CHART]_CHECK
//
// Tokens are separated by '_' and use only [A-Za-z0-9._-]. "ll1" is the
// version, "p" the playground (a training mode will add its own letter).
// Every field is optional and written only when it differs from its
// default: the scenario's state at the step when a preset is named, else
// the article's first example; the triplet chart. Numbers are on the 0.01
// grid in their shortest decimal spelling (0.7, not 0.70). CHECK is the low
// 24 bits of the CRC-32 (IEEE) of everything before the last '_', in six
// lower-case hex digits, so that a truncated or mistyped paste is caught.
// There is exactly one spelling of each state: Encode(Decode(s)) == s.
// Points mode (points.go) adds the points, from which d(a,p) and d(a,n)
// come.
//
// A training state (mode "t", train.go) carries core/train's Config
// (generated data only) and a step the same way.
package statestr

import (
	"fmt"
	"hash/crc32"
	"slices"
	"strconv"
	"strings"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/scenarios"
)

// Version is the first token of every state string this package writes.
const Version = "ll1"

// MaxLen bounds what Decode reads: the longest valid string is far shorter.
const MaxLen = 256

// ModePlayground is the letter of a playground state (ModeTrain, in
// train.go, that of a training state).
const ModePlayground = "p"

// The playground's charts as a string names them. The names are the
// format's vocabulary: once written they never change meaning, whatever the
// playground's chart table (tui/playground) does with its order.
const (
	ChartTriplet     = "triplet"
	ChartContrastive = "contrastive"
	ChartHeatmap     = "heatmap"
	ChartGeometry    = "geometry"
	ChartHistory     = "history"
)

// chartIDs are the chart names a string may carry; the first is the
// default, which a string leaves out.
var chartIDs = []string{ChartTriplet, ChartContrastive, ChartHeatmap, ChartGeometry, ChartHistory}

// Charts lists the chart names a string may carry, the default first.
func Charts() []string { return slices.Clone(chartIDs) }

// Playground is the state of the playground a string carries.
type Playground struct {
	Scenario string     // a preset's name; "" is none (a scenario from a file cannot be named)
	Step     int        // the replay's step; 0 without a scenario
	Values   grid.State // what the controls show
	Chart    string     // the chart's name (Charts); "" is the default chart
}

// Default is the playground as `losslab` opens it.
func Default() Playground { return Playground{Values: grid.Article(), Chart: ChartTriplet} }

// base is what the values default to: the scenario's state at the step,
// else the article's example.
func (p Playground) base() grid.State {
	if s := scenarios.Preset(p.Scenario); s != nil && p.Step >= 0 && p.Step < s.Len() {
		return s.StateAt(p.Step)
	}
	return grid.Article()
}

// field keys in the order they are written.
const (
	keyScenario = "sc"
	keyStep     = "st"
	keyDAP      = "dap"
	keyDAN      = "dan"
	keyMargin   = "m"
	keyYAP      = "yap"
	keyYAN      = "yan"
	keyChart    = "c"
)

var fieldOrder = append(append([]string{keyScenario, keyStep, keyDAP, keyDAN, keyMargin, keyYAP, keyYAN, keyPoints}, coordKeys...), keyChart)

// numericKeys maps the numeric keys to their grid fields.
var numericKeys = map[string]grid.Field{keyDAP: grid.DAP, keyDAN: grid.DAN, keyMargin: grid.Margin}

// Encode spells p. It fails when p cannot be reopened: an unknown preset, a
// step outside it, a value off the grid or out of range, an unknown chart.
func Encode(p Playground) (string, error) {
	if err := p.check(); err != nil {
		return "", err
	}
	tokens := []string{Version, ModePlayground}
	if p.Scenario != "" {
		tokens = append(tokens, keyScenario+"-"+p.Scenario)
	}
	if p.Step != 0 {
		tokens = append(tokens, keyStep+"-"+strconv.Itoa(p.Step))
	}
	base := p.base()
	for _, k := range []string{keyDAP, keyDAN, keyMargin} {
		if p.Values.Points.On && k != keyMargin {
			continue // the points' own
		}
		if v := p.Values.Value(numericKeys[k]); v != base.Value(numericKeys[k]) {
			tokens = append(tokens, k+"-"+number(v))
		}
	}
	if p.Values.YAP != base.YAP {
		tokens = append(tokens, keyYAP+"-"+label(p.Values.YAP))
	}
	if p.Values.YAN != base.YAN {
		tokens = append(tokens, keyYAN+"-"+label(p.Values.YAN))
	}
	if p.Values.Points.On {
		tokens = append(tokens, pointsTokens(p.Values.Points)...)
	}
	if p.Chart != "" && p.Chart != chartIDs[0] {
		tokens = append(tokens, keyChart+"-"+p.Chart)
	}
	body := strings.Join(tokens, "_")
	return body + "_" + checksum(body), nil
}

// check reports why p cannot be spelled, naming the field.
func (p Playground) check() error {
	if p.Scenario != "" {
		s := scenarios.Preset(p.Scenario)
		if s == nil {
			return fieldErr(keyScenario, p.Scenario, i18n.StateReasonUnknownPreset)
		}
		if p.Step < 0 || p.Step >= s.Len() {
			return fieldErr(keyStep, strconv.Itoa(p.Step), i18n.StateReasonStepRange, s.Len()-1)
		}
	} else if p.Step != 0 {
		return fieldErr(keyStep, strconv.Itoa(p.Step), i18n.StateReasonStepNoScenario)
	}
	for _, k := range []string{keyDAP, keyDAN, keyMargin} {
		f := numericKeys[k]
		if v := p.Values.Value(f); v < 0 || v > f.Max() {
			return fieldErr(k, number(v), i18n.StateReasonRange, number(f.Max()))
		}
	}
	for k, y := range map[string]loss.Label{keyYAP: p.Values.YAP, keyYAN: p.Values.YAN} {
		if y != loss.Same && y != loss.Different {
			return fieldErr(k, strconv.Itoa(int(y)), i18n.StateReasonLabel)
		}
	}
	if p.Chart != "" && !slices.Contains(chartIDs, p.Chart) {
		return fieldErr(keyChart, p.Chart, i18n.StateReasonChart, strings.Join(chartIDs, ", "))
	}
	if p.Values.Points.On {
		// The distances must be the points' own, as decoding makes them.
		if v, err := p.Values.WithPoints(p.Values.Points); err != nil {
			return pointsErr(err)
		} else if v != p.Values {
			return fieldErr(keyDAP, number(p.Values.DAP), i18n.StateReasonDerived)
		}
	}
	return nil
}

// number is the shortest decimal spelling of h: 0.7, 0.05, 3.
func number(h grid.Hundredths) string { return strconv.FormatFloat(h.Float(), 'f', -1, 64) }

func label(y loss.Label) string {
	if y == loss.Same {
		return "s"
	}
	return "d"
}

func checksum(body string) string {
	return fmt.Sprintf("%06x", crc32.ChecksumIEEE([]byte(body))&0xffffff)
}
