package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/scenarios"
)

// msgs renders the scenarios and replay commands' text; English until the
// CLI takes a language.
var msgs = i18n.New(i18n.English)

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
		return fail(io, "losslab replay", errors.New(msgs.T(i18n.ScenMissingArg)))
	case len(names) > 1:
		return fail(io, "losslab replay", errors.New(msgs.T(i18n.ScenExtraArg, names[1])))
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
			if err := enc.Encode(ReplayState{Step: i, Note: s.NoteAt(i), Report: NewReport(in, ev)}); err != nil {
				return fail(io, "losslab replay", err)
			}
		}
		return write(io, "replay", out.Bytes())
	}
	if err := writeReplayTable(&out, s); err != nil {
		return fail(io, "losslab replay", err)
	}
	return write(io, "replay", out.Bytes())
}

// writeReplayTable prints every state of s with both losses, numbers by
// internal/numfmt as eval prints them, then the notes.
func writeReplayTable(out *bytes.Buffer, s *scenarios.Scenario) error {
	fmt.Fprintln(out, msgs.T(i18n.ScenReplayTitle, s.Name, s.Title))
	fmt.Fprintln(out)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, msgs.T(i18n.ScenReplayHeader)+"\t")
	for i := range s.Len() {
		st := s.StateAt(i)
		ev, err := loss.Evaluate(st.Setting())
		if err != nil { // a validated scenario is always in range
			return err
		}
		triplet, contrastive := resultOf(ev, loss.TripletID), resultOf(ev, loss.ContrastiveID)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", numfmt.Count(int64(i)),
			numfmt.Input(st.DAP.Float()), numfmt.Input(st.DAN.Float()), numfmt.Input(st.Margin.Float()),
			st.YAP, st.YAN, numfmt.Loss(triplet.Value), triplet.Terms[0].Regime, numfmt.Loss(contrastive.Value))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	out.WriteString("\n")
	width := len(strconv.Itoa(s.Len() - 1))
	for i := range s.Len() {
		note := s.NoteAt(i)
		if note == "" {
			continue
		}
		// Continuation lines of a note line up under its first.
		indent := "\n" + strings.Repeat(" ", max(width, 2)+2)
		fmt.Fprintf(out, "%*d  %s\n", max(width, 2), i, strings.ReplaceAll(note, "\n", indent))
	}
	return nil
}

// resultOf finds a loss of the registry in an evaluation; the classic
// losses are always there.
func resultOf(ev loss.Evaluation, id loss.ID) loss.Result {
	for _, r := range ev.Results {
		if r.Loss.ID == id {
			return r
		}
	}
	panic(fmt.Sprintf("loss %s is not registered", id))
}
