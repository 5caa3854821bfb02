package cli

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"losslab/core/loss"
	"losslab/explain"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
	"losslab/scenarios"
)

// ReplayState is one line of `replay --json`.
type ReplayState struct {
	Step int    `json:"step"`
	Note string `json:"note"`
	EvalReport
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
		return fail(io, "losslab replay", usagef(i18n.CLIErrOneScenario, termsafe.Echo(names[1])))
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
			rep, err := withConventions(withState(NewReport(in, ev), scenarioState(s, i)), ev.Setting)
			if err != nil {
				return fail(io, "losslab replay", err)
			}
			if err := encodeJSON(&out, ReplayState{Step: i, Note: s.NoteAt(i), EvalReport: rep}, false); err != nil {
				return fail(io, "losslab replay", err)
			}
		}
	} else if err := writeReplayTable(&out, s.In(io.Lang), io.printer()); err != nil {
		return fail(io, "losslab replay", err)
	}
	return write(io, "replay", out.Bytes())
}

// writeReplayTable prints every state of s with both losses, numbers by
// internal/numfmt as eval prints them, then the notes.
func writeReplayTable(out *bytes.Buffer, s *scenarios.Scenario, p i18n.Printer) error {
	fmt.Fprintln(out, p.T(i18n.ScenReplayTitle, s.Name, s.Title))
	fmt.Fprintln(out)
	rows := [][]string{strings.Split(p.T(i18n.ScenReplayHeader), "\t")}
	for i := range s.Len() {
		st := s.StateAt(i)
		ev, err := loss.Evaluate(st.Setting())
		if err != nil { // a validated scenario is always in range
			return err
		}
		triplet, contrastive := resultOf(ev, loss.TripletID), resultOf(ev, loss.ContrastiveID)
		rows = append(rows, []string{numfmt.Count(int64(i)),
			numfmt.Input(ev.DAP), numfmt.Input(ev.DAN), numfmt.Input(ev.Margin), // in points mode the points' exact distances
			p.T(explain.LabelID(st.YAP)), p.T(explain.LabelID(st.YAN)), numfmt.Loss(triplet.Value),
			p.T(explain.RegimeID(triplet.Terms[0].Regime)), numfmt.Loss(contrastive.Value)})
	}
	out.WriteString(alignRight(rows) + "\n")
	width := max(len(strconv.Itoa(s.Len()-1)), 2)
	// Continuation lines of a note line up under its first.
	indent := "\n" + strings.Repeat(" ", width+2)
	for i := range s.Len() {
		if note := s.NoteAt(i); note != "" {
			fmt.Fprintf(out, "%*d  %s\n", width, i, strings.ReplaceAll(note, "\n", indent))
		}
	}
	return nil
}

// resultOf finds a loss of the registry in an evaluation; the classic
// losses are always registered.
func resultOf(ev loss.Evaluation, id loss.ID) loss.Result {
	for _, r := range ev.Results {
		if r.Loss.ID == id {
			return r
		}
	}
	panic(fmt.Sprintf("loss %s is not registered", id))
}
