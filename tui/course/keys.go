package course

import (
	"github.com/charmbracelet/bubbles/key"

	"losslab/i18n"
	"losslab/scenarios"
	"losslab/tui/common"
)

// KeyMap is every key the course answers to. Which ones act depends on
// the screen (list, step, question, exploring); the help line shows those.
type KeyMap struct {
	Up, Down, Open       key.Binding // the list
	Next, Prev, Explore  key.Binding // a lesson's steps
	NextLesson, ToList   key.Binding // enter at a lesson's end: the next one, or after the last the list
	Answer, Skip         key.Binding // a question
	RetryMissed          key.Binding // at a lesson's end: retry the questions missed
	Back                 key.Binding // to the list, or from exploring to the lesson
	Return, Scroll, Pick key.Binding // help entries only: esc while exploring, ↑/↓ in long text and in choices
	Playground           key.Binding
	Quit, Interrupt      key.Binding
}

func newKeyMap(ctx *common.Context) KeyMap {
	b := common.Binder(ctx.Printer)
	return KeyMap{
		Up:          b("↑/k", i18n.KeyUp, "up", "k"),
		Down:        b("↓/j", i18n.KeyDown, "down", "j"),
		Open:        b("enter", i18n.LearnKeyOpen, "enter"),
		Next:        b("→/space", i18n.LearnKeyNext, "right", "l", " ", "enter"),
		Prev:        b("←", i18n.LearnKeyPrev, "left", "h"),
		Explore:     b("e", i18n.LearnKeyExplore, "e"),
		NextLesson:  b("enter", i18n.LearnKeyNextLesson, "enter"),
		ToList:      b("enter", i18n.LearnKeyBack, "enter"),
		Answer:      b("enter", i18n.LearnKeyAnswer, "enter"),
		Skip:        b("tab", i18n.LearnKeySkip, "tab"),
		RetryMissed: b("r", i18n.LearnKeyRetryMissed, "r"),
		Back:        b("esc", i18n.LearnKeyBack, "esc"),
		Return:      b("esc", i18n.LearnKeyReturn, "esc"),
		Scroll:      b("↑/↓", i18n.LearnKeyScroll, "up", "down"),
		Pick:        b("↑/↓/1-9", i18n.LearnKeyPick, "up", "down"),
		Playground:  ctx.TabKey(common.ModeLearn),
		Quit:        b("q", i18n.KeyQuit, "q", "ctrl+c"),
		Interrupt:   b("ctrl+c", i18n.KeyQuit, "ctrl+c"),
	}
}

// listKeys are the keys that act on the list of lessons.
func (m Model) listKeys() []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Open, m.keys.Playground, m.keys.Quit}
}

// stepKeys are the keys that act on the step on screen.
func (m Model) stepKeys(scrolls bool) []key.Binding {
	k := m.keys
	if m.asking() {
		// A number's input takes q as a letter: ctrl+c quits there.
		pick, quit := []key.Binding{}, k.Interrupt
		if len(m.currentStep().Question.Choices) > 0 {
			pick, quit = []key.Binding{k.Pick}, k.Quit
		}
		keys := append(pick, k.Answer, k.Skip)
		if m.backKey() { // on a number, only while nothing is typed
			keys = append(keys, k.Prev)
		}
		return append(keys, k.Back, quit)
	}
	var keys []key.Binding
	switch {
	case m.atEnd() && m.hasNextLesson():
		keys = append(keys, k.NextLesson)
	case m.atEnd(): // after the last lesson enter goes to the list
		keys = append(keys, k.ToList)
	default:
		keys = append(keys, k.Next)
	}
	if m.atEnd() && m.review == nil && len(m.missedSteps()) > 0 { // what the end's "press r" offers
		keys = append(keys, k.RetryMissed)
	}
	if m.step > 0 {
		keys = append(keys, k.Prev)
	}
	if st := m.currentStep(); st != nil && st.Mode.Kind != scenarios.ModeNone {
		keys = append(keys, k.Explore)
	}
	if scrolls {
		keys = append(keys, k.Scroll)
	}
	return append(keys, k.Back, k.Quit)
}
