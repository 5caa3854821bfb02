package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/scenarios"
)

const scenariosSynopsis = `Usage: losslab scenarios [--json]

Lists the preset scenarios. Open one with 'losslab --scenario NAME' or replay it
with 'losslab replay NAME'.`

func runScenarios(args []string, io IO) int {
	fs := newFlagSet("scenarios")
	asJSON := fs.Bool("json", false, "print a JSON array instead of a table")
	if done, status := parseFlags(fs, args, scenariosSynopsis, io); done {
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
		enc := newJSONEncoder(&out, true)
		if err := enc.Encode(list); err != nil {
			return fail(io, "losslab scenarios", err)
		}
	} else {
		tw := tabwriter.NewWriter(&out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, msgs.T(i18n.ScenListHeader))
		for _, s := range scenarios.Presets() {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Name, numfmt.Count(int64(len(s.Steps))), s.Title)
		}
		if err := tw.Flush(); err != nil {
			return fail(io, "losslab scenarios", err)
		}
	}
	return write(io, "scenarios", out.Bytes())
}

// write copies a finished output to stdout.
func write(io IO, cmd string, out []byte) int {
	if _, err := io.Out.Write(out); err != nil {
		fmt.Fprintf(io.Err, "%s: %v\n", strings.TrimSpace("losslab "+cmd), err)
		return ExitError
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
