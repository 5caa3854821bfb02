package tui

import (
	"io"
	"strings"

	osc52 "github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"losslab/i18n"
	"losslab/statestr"
	"losslab/tui/common"
	"losslab/tui/trainview"
)

// trainSharing is the training mode's state-string screen.
type trainSharing struct {
	shown, copied bool
	width, height int
}

// trainStateString is the state string of the trainer on screen; named is
// false when its data came from a file, which a string cannot carry.
func (m trainMode) trainStateString() (s string, named bool) {
	tr := m.view.Trainer()
	s, err := statestr.EncodeTraining(statestr.Training{Config: tr.Config(), Step: tr.StepCount()})
	return s, err == nil
}

// openShare pauses training (so the string stays the state shown), shows
// the string and sends it to the clipboard where there is one.
func (m trainMode) openShare() (tea.Model, tea.Cmd) {
	next, _ := m.forward(trainview.PauseMsg{})
	m = next.(trainMode)
	m.share.shown, m.share.copied = true, false
	s, named := m.trainStateString()
	w := m.ctx.Share.Clipboard
	if w == nil || !named {
		return m, nil
	}
	m.share.copied = true
	return m, func() tea.Msg {
		_, _ = io.WriteString(w, osc52.New(s).String())
		return nil
	}
}

// shareView is the whole screen while the string is shown.
func (m trainMode) shareView() string {
	p, st := m.ctx.Printer, m.ctx.Styles
	w, h := max(m.share.width, common.MinWidth), max(m.share.height, common.MinHeight)
	iw := w - common.PanelFrameW
	s, named := m.trainStateString()
	var lines []string
	if named {
		lines = strings.Split(ansi.Hardwrap(st.Bold.Render(s), iw, false), "\n")
		if m.share.copied {
			lines = append(lines, common.WrapWords(p.T(i18n.ShareCopied), iw)...)
		} else {
			lines = append(lines, common.WrapWords(p.T(i18n.ShareSelect), iw)...)
		}
		lines = append(lines, common.WrapWords(p.T(i18n.ShareTrainReopen), iw)...)
		lines = append(lines, common.WrapWords(p.T(i18n.ShareTrainCarried), iw)...)
	} else {
		lines = common.WrapWords(p.T(i18n.ShareTrainFile), iw)
	}
	return st.Panel(p.T(i18n.ShareTitle), common.PadLines(strings.Join(lines, "\n"), iw, h-common.PanelFrameH), w)
}
