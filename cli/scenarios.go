package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/scenarios"
)

func runScenarios(args []string, io IO) int {
	fs := newFlagSet("scenarios")
	asJSON := fs.Bool("json", false, io.T(i18n.CLIFlagScenariosJSON))
	if done, status := parseFlags(fs, args, i18n.CLISynopsisScenarios, io); done {
		return status
	}
	var out bytes.Buffer
	if *asJSON {
		type entry struct {
			Name        string `json:"name"`
			Title       string `json:"title"`
			Description string `json:"description"`
			Steps       int    `json:"steps"`
		}
		list := []entry{}
		for _, s := range scenarios.Presets() {
			list = append(list, entry{s.Name, s.Title, s.Description, len(s.Steps)})
		}
		if err := encodeJSON(&out, list, true); err != nil {
			return fail(io, "losslab scenarios", err)
		}
	} else {
		rows := [][]string{strings.Split(io.T(i18n.ScenListHeader), "\t")}
		for _, s := range scenarios.Presets() {
			rows = append(rows, []string{s.Name, numfmt.Count(int64(len(s.Steps))), s.In(io.Lang).Title})
		}
		out.WriteString(alignLeft(rows))
	}
	return write(io, "scenarios", out.Bytes())
}

// write copies a finished output to stdout.
func write(io IO, cmd string, out []byte) int {
	if _, err := io.Out.Write(out); err != nil {
		return failRun(io, strings.TrimSpace("losslab "+cmd), usagef(i18n.CLIErrWrite, err))
	}
	return ExitOK
}

// newJSONEncoder writes JSON as people read it: no \u003e for '>', and
// indented unless it is JSON Lines.
func newJSONEncoder(w io.Writer, indent bool) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc
}

// encodeJSON appends v to out as JSON (indented, or one line for JSON Lines).
// A value JSON cannot hold (NaN, ±Inf) is an error naming --json, so that
// --json never prints nothing, or half an answer, with exit status 0.
func encodeJSON(out *bytes.Buffer, v any, indent bool) error {
	var b bytes.Buffer
	if err := newJSONEncoder(&b, indent).Encode(v); err != nil {
		if path, x, ok := firstNonFinite(v); ok {
			return usagef(i18n.CLIErrJSONNotFinite, path, strconv.FormatFloat(x, 'g', -1, 64))
		}
		return usagef(i18n.CLIErrJSONEncode, err.Error())
	}
	out.Write(b.Bytes())
	return nil
}
