package trainview

import (
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"losslab/core/train"
	"losslab/i18n"
	"losslab/internal/textwrap"
	"losslab/statestr"
	"losslab/tui/common"
)

// sharing is the state-string screen: whether it is shown, whether the
// string went to the clipboard, and the window it fills.
type sharing struct {
	shown, copied bool
	width, height int
}

// stateString is the state string of the trainer on screen, or the error
// saying why there is none.
func (m AppMode) stateString() (string, error) {
	tr := m.view.Trainer()
	return statestr.EncodeTraining(statestr.Training{Config: tr.Config(), Step: tr.StepCount()})
}

// noStringReason says why a run has no state string: its data came from a
// file, which a string cannot carry, or (statestr's own words) the field a
// string cannot spell, such as a step past statestr.MaxTrainStep.
func noStringReason(p i18n.Printer, cfg train.Config, err error) string {
	if cfg.Data == train.File {
		return p.T(i18n.ShareTrainFile)
	}
	reason := err.Error()
	if se := (*statestr.Error)(nil); errors.As(err, &se) {
		reason = se.Text(p)
	}
	return p.T(i18n.ShareTrainNoString, reason)
}

// openShare pauses training (so the string stays the state shown), shows
// the string and sends it to the clipboard where there is one.
func (m AppMode) openShare() (tea.Model, tea.Cmd) {
	next, _ := m.forward(PauseMsg{})
	m = *next.(*AppMode)
	m.share.shown, m.share.copied = true, false
	s, err := m.stateString()
	w := m.ctx.Share.Clipboard
	if w == nil || err != nil {
		return &m, nil
	}
	m.share.copied = true
	return &m, common.CopyToClipboard(w, s)
}

// shareView is the whole screen while the string is shown.
func (m AppMode) shareView() string {
	p, st := m.ctx.Printer, m.ctx.Styles
	w, h := max(m.share.width, common.MinWidth), max(m.share.height, common.MinHeight)
	iw := w - common.PanelFrameW
	s, err := m.stateString()
	var lines []string
	if err == nil {
		lines = strings.Split(ansi.Hardwrap(st.Bold.Render(s), iw, false), "\n")
		if m.share.copied {
			lines = append(lines, textwrap.Wrap(p.T(i18n.ShareCopied), iw)...)
		} else {
			lines = append(lines, textwrap.Wrap(p.T(i18n.ShareSelect), iw)...)
		}
		lines = append(lines, textwrap.Wrap(p.T(i18n.ShareTrainReopen), iw)...)
		lines = append(lines, textwrap.Wrap(p.T(i18n.ShareTrainCarried), iw)...)
	} else {
		lines = textwrap.Wrap(noStringReason(p, m.view.Trainer().Config(), err), iw)
	}
	// As tall as its text, over the bottom of the training screen, which
	// stays in view above it (it filled the screen with empty rows).
	box := st.Panel(p.T(i18n.ShareTitle), common.PadLines(strings.Join(lines, "\n"), iw, min(len(lines), h-common.PanelFrameH)), w)
	return overlay(m.view.View(), box, 0)
}
