package cli

import (
	"bytes"
	"fmt"
	"text/tabwriter"

	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/scenarios"
)

// ReplayState is one line of `replay --json`.
type ReplayState struct {
	Step int    `json:"step"`
	Note string `json:"note"`
	Report
}

func runReplay(args []string, io IO) int {
	fs := newFlagSet("replay")
	asJSON := fs.Bool("json", false, io.T(i18n.CLIFlagReplayJSON))
	if done, status := parseFlagsAllowArgs(fs, args, i18n.CLISynopsisReplay, io); done {
		return status
	}
	names := fs.Args()
	switch {
	case len(names) == 0:
		return fail(io, "losslab replay", usagef(i18n.CLIErrMissingScenario))
	case len(names) > 1:
		return fail(io, "losslab replay", usagef(i18n.CLIErrOneScenario, names[1]))
	}
	s, err := scenarios.Resolve(names[0])
	if err != nil {
		return fail(io, "losslab replay", err)
	}
	var out bytes.Buffer
	if *asJSON {
		for i := range s.Len() {
			in := Input{Setting: s.StateAt(i).Setting()}
			ev, err := loss.Evaluate(in.Setting)
			if err != nil { // a validated scenario is always in range
				return fail(io, "losslab replay", err)
			}
			if err := encodeJSON(&out, ReplayState{Step: i, Note: s.NoteAt(i), Report: NewReport(in, ev)}, false); err != nil {
				return fail(io, "losslab replay", err)
			}
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
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", i, st.DAP, st.DAN, st.Margin, st.YAP, st.YAN, numfmt.Loss(ev.Triplet.Loss), ev.Triplet.Regime, numfmt.Loss(ev.Contrastive))
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
