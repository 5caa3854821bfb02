package cli

import (
	"bytes"
	"errors"
	"fmt"
	"text/tabwriter"

	"losslab/core/loss"
	"losslab/scenarios"
)

const replaySynopsis = `Usage: losslab replay [--json] NAME|FILE

Prints every state of a scenario, step 0 being its start, with the values and
both losses. NAME is a preset ('losslab scenarios' lists them); FILE is a
scenario file (.toml). --json prints JSON Lines: one object per state with the
keys of 'losslab eval --json' plus "step" and "note".`

// ReplayState is one line of `replay --json`.
type ReplayState struct {
	Step int    `json:"step"`
	Note string `json:"note"`
	Report
}

func runReplay(args []string, io IO) int {
	fs := newFlagSet("replay")
	asJSON := fs.Bool("json", false, "print JSON Lines, one object per state")
	// Flags may come before or after the scenario name.
	var names []string
	for {
		if done, status := parseFlagsAllowArgs(fs, args, replaySynopsis, io); done {
			return status
		}
		if fs.NArg() == 0 {
			break
		}
		names = append(names, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case len(names) == 0:
		return fail(io, "losslab replay", errors.New("missing scenario: give a preset name or a .toml file ('losslab scenarios' lists the presets)"))
	case len(names) > 1:
		return fail(io, "losslab replay", fmt.Errorf("unexpected argument %q: replay takes one scenario", names[1]))
	}
	s, err := scenarios.Resolve(names[0])
	if err != nil {
		return fail(io, "losslab replay", err)
	}
	var out bytes.Buffer
	if *asJSON {
		enc := newJSONEncoder(&out, false)
		for i := range s.Len() {
			in := Input{Setting: s.StateAt(i).Setting()}
			ev, err := loss.Evaluate(in.Setting)
			if err != nil { // a validated scenario is always in range
				return fail(io, "losslab replay", err)
			}
			_ = enc.Encode(ReplayState{Step: i, Note: s.NoteAt(i), Report: NewReport(in, ev)})
		}
	} else {
		fmt.Fprintf(&out, "%s: %s\n\n", s.Name, s.Title)
		tw := tabwriter.NewWriter(&out, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "step\td(a,p)\td(a,n)\tmargin\ty(a,p)\ty(a,n)\ttriplet\tregime\tcontrastive\t")
		for i := range s.Len() {
			st := s.StateAt(i)
			ev, err := loss.Evaluate(st.Setting())
			if err != nil {
				return fail(io, "losslab replay", err)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%.4f\t%s\t%.4f\t\n", i, st.DAP, st.DAN, st.Margin, st.YAP, st.YAN, ev.Triplet.Loss, ev.Triplet.Regime, ev.Contrastive)
		}
		tw.Flush()
		out.WriteString("\n")
		for i := range s.Len() {
			if note := s.NoteAt(i); note != "" {
				fmt.Fprintf(&out, "%2d  %s\n", i, note)
			}
		}
	}
	return write(io, "replay", out.Bytes())
}
