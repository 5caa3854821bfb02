package trainview

// TakesEsc reports whether esc is the training mode's own: it closes the
// state string or the full help. Otherwise it is the shell's, back to the
// place before.
func (m AppMode) TakesEsc() bool { return m.share.shown || m.view.help.ShowAll }
