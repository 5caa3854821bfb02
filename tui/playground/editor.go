package playground

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/i18n"
	"losslab/internal/errtext"
	"losslab/internal/numfmt"
	"losslab/tui/common"
)

// maxHistory bounds the history chart and the undo stack.
const maxHistory = 5000

// editor holds the playground's values: the current state and what core/loss
// made of it, the selected control, the typing field, the history the chart
// draws and the undo stack.
type editor struct {
	state    grid.State
	eval     loss.Evaluation
	selected grid.Field
	history  []historyPoint
	undo     []snapshot

	editing  bool
	input    textinput.Model
	inputErr *typingError
}

type historyPoint struct{ triplet, contrastive float64 }

// snapshot is everything the screen shows about where the user is, so that
// undo after a scenario step or a preset switch restores values, scenario,
// step, header and note together.
type snapshot struct {
	state  grid.State
	replay player
}

func newEditor(st common.Styles) editor {
	in := st.NewTextInput()
	in.Prompt = "✎ "
	in.CharLimit = 12
	// The rest of the controls' line after "▸ ", the label, a space, the
	// prompt and the cursor: room for the placeholder "different" whole.
	in.Width = controlsW - common.PanelFrameW - controlPrefixW - ansi.StringWidth(in.Prompt) - 1
	return editor{input: in}
}

// evaluate makes s current; it reports false (and keeps the old state) if
// core/loss rejects it, which the grid should make impossible.
func (e *editor) evaluate(s grid.State) error {
	ev, err := loss.Evaluate(s.Setting())
	if err != nil {
		return err
	}
	e.state, e.eval = s, ev
	e.history = appendBounded(e.history, historyPoint{ev.Triplet.Loss, ev.Contrastive})
	return nil
}

func (e *editor) pushUndo(s snapshot) { e.undo = appendBounded(e.undo, s) }

func (e *editor) popUndo() (snapshot, bool) {
	if len(e.undo) == 0 {
		return snapshot{}, false
	}
	s := e.undo[len(e.undo)-1]
	e.undo = e.undo[:len(e.undo)-1]
	return s, true
}

// nudged returns the state with the selected numeric value moved by delta,
// or a sentence saying the value is already at the limit it would cross.
func (e *editor) nudged(delta grid.Hundredths, p i18n.Printer) (grid.State, string) {
	f := e.selected
	v := e.state.Value(f)
	switch {
	case delta > 0 && v == f.Max():
		return e.state, p.T(i18n.AtMaximum, common.FieldLabel(p, f), f.Max())
	case delta < 0 && v == 0:
		return e.state, p.T(i18n.AtMinimum, common.FieldLabel(p, f), grid.Hundredths(0))
	}
	return e.state.WithValue(f, v+delta), ""
}

// toggled returns the state with the selected label flipped.
func (e *editor) toggled() grid.State {
	y := loss.Same
	if e.state.Label(e.selected) == loss.Same {
		y = loss.Different
	}
	return e.state.WithLabel(e.selected, y)
}

// startTyping opens the typing field empty, with the current value as its
// placeholder: what the user types replaces the value.
func (e *editor) startTyping() {
	e.editing, e.inputErr = true, nil
	e.input.Reset()
	if e.selected.IsLabel() {
		e.input.Placeholder = e.state.Label(e.selected).String()
	} else {
		e.input.Placeholder = e.state.Value(e.selected).String()
	}
	e.input.Focus()
}

func (e *editor) stopTyping() {
	e.editing, e.inputErr = false, nil
	e.input.Blur()
}

// typingError is what is wrong with typed text, in full and in fewer words
// for a note too narrow for the full text (a note says less rather than cut).
type typingError struct{ long, short string }

func (e typingError) Error() string { return e.long }

func refusal(e *errtext.InputError, p i18n.Printer) typingError {
	return typingError{e.Text(p), e.Short(p)}
}

// errKeepValue is parseInput's answer to an empty field: keep the value.
var errKeepValue = errors.New("keep the current value")

// parseInput turns typed text into a new state, or says what is wrong.
func (e *editor) parseInput(text string, p i18n.Printer) (grid.State, error) {
	text = strings.TrimSpace(text)
	f := e.selected
	if text == "" {
		return e.state, errKeepValue
	}
	if f.IsLabel() {
		y, err := loss.ParseLabel(text) // the aliases flags and files accept too
		if err != nil {
			return e.state, refusal(errtext.NewInputError(err, text), p)
		}
		return e.state.WithLabel(f, y), nil
	}
	x, err := numfmt.ParseDecimal(text)
	if err != nil {
		return e.state, typingError{p.T(i18n.NotADecimal, text), p.T(i18n.NotANumber, text)}
	}
	h, err := f.Value(x)
	if err != nil {
		return e.state, refusal(errtext.NewInputError(err, ""), p)
	}
	return e.state.WithValue(f, h), nil
}

func appendBounded[T any](xs []T, x T) []T {
	if len(xs) >= maxHistory {
		xs = xs[1:]
	}
	return append(xs, x)
}
