package tuitest

import (
	"reflect"

	tea "github.com/charmbracelet/bubbletea"
)

// Settle feeds m the messages cmd and the commands that follow send, as
// the program would (a batch's or a sequence's in order), while busy(m)
// says that work runs off the event loop (the training mode's jobs); it
// returns the model once none runs. The commands left over (a playing
// mode's next frame) are dropped.
func Settle(m tea.Model, cmd tea.Cmd, busy func(tea.Model) bool) tea.Model {
	queue := []tea.Cmd{cmd}
	for n := 0; busy(m) && len(queue) > 0; n++ {
		if n > 100_000 {
			panic("tuitest.Settle: the work never ends")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if cmds, ok := commands(msg); ok {
			queue = append(cmds, queue...)
			continue
		}
		var next tea.Cmd
		m, next = m.Update(msg)
		queue = append(queue, next)
	}
	return m
}

// commands are the commands of a batch or a sequence (a slice of
// tea.Cmd, whatever its name).
func commands(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}
