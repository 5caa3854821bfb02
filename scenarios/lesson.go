package scenarios

import (
	"errors"
	"math"
	"slices"
	"strings"

	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
)

// A lesson is a scenario file whose steps may ask a question before they
// show their state, or open another mode on it; its covers name the
// teaching points it covers. The step keys below are what the format adds;
// each text may carry its translations beside it (translate.go).
var (
	questionKeys   = append(withTranslations(sectionStep, "question", "answer", "tolerance", "choices", "explain", "mistakes", "diagnoses"), "show_state")
	lessonStepKeys = slices.Concat(questionKeys, []string{"mode", "demo"}, trainStepKeys)
)

// DefaultTolerance is how far a typed answer may be from the right one: half
// a unit in the fourth decimal would be too strict for a learner who rounds
// to 0.28 what is 0.28125, so half a unit in the second.
const DefaultTolerance = 0.005

// MaxChoices bounds a question's choices: each is picked with a digit key.
const MaxChoices = 9

// Question is asked before a step's state is revealed: the learner types a
// number (Choices empty) or picks one of Choices. A choice is identified by
// its index, never by its text, so a translation changes only what is shown.
type Question struct {
	Text      string
	Answer    float64 // the right number when Choices is empty
	Tolerance float64
	Choices   []string
	Correct   int // index of the right choice
	Explain   string
	// The translations stored beside the English texts (question_zh,
	// explain_zh, choices_zh: as many as Choices, in their order), by
	// language. Front ends read them through Scenario.In.
	TextTranslations, ExplainTranslations i18n.Translations
	ChoicesTranslations                   map[i18n.Lang][]string
	// Mistakes are typical wrong answers with their diagnoses (mistakes.go).
	Mistakes []Mistake
	// NoState is show_state = false: the question is about ideas, not the
	// step's triplet, so no state is shown with it (a triplet above a
	// question on Recall@1 would say nothing true about it).
	NoState bool
}

// ErrNotANumber is the answer to a number question that is not a number.
var ErrNotANumber = errors.New("not a number")

// CheckNumber reports whether typed, a decimal number (numfmt.ParseDecimal:
// the minus sign − too; not NaN, 0x1p-1 or 1e-1), is within the tolerance
// of the answer.
func (q *Question) CheckNumber(typed string) (bool, error) {
	x, err := ParseNumber(typed)
	if err != nil {
		return false, err
	}
	return q.near(x, q.Answer), nil
}

// Retries reports whether a first wrong answer to q earns a second try. A
// question of two choices gives none: after a wrong pick the other one is
// a sure hit, and would count as right.
func (q *Question) Retries() bool { return len(q.Choices) != 2 }

// RightAnswer is the right answer as the learner would write it.
func (q *Question) RightAnswer() string {
	if len(q.Choices) > 0 {
		return q.Choices[q.Correct]
	}
	return numfmt.Shortest(q.Answer) // as the explanation beside it writes it
}

// ModeKind names the mode a step opens. Values are file identifiers.
type ModeKind string

const (
	ModeNone       ModeKind = ""
	ModePlayground ModeKind = "playground" // explore the step's state freely
	ModeBatch      ModeKind = "batch"      // a demo data set at the step's margin
)

// Mode is a step's request to open a mode on its state.
type Mode struct {
	Kind  ModeKind
	Demo  string        // the batch demo: "iris" or "digits"
	Train TrainSettings // the training mode's settings (lessontrain.go)
}

// Demos are the data sets a batch step may name; the first is the default.
var demos = []string{"iris", "digits"}

// covers reads a lesson's teaching points: an array of slugs.
func (p *parser) covers(v any) ([]string, error) {
	if v == nil {
		return nil, nil
	}
	items, ok := v.([]any)
	if !ok {
		return nil, p.errAt(sectionTop, 0, "covers", i18n.LessonArrayStrings, "covers")
	}
	var out []string
	for _, it := range items {
		s, ok := it.(string)
		if !ok {
			return nil, p.errAt(sectionTop, 0, "covers", i18n.LessonArrayStrings, "covers")
		}
		if !slugPattern.MatchString(s) {
			return nil, p.errAt(sectionTop, 0, "covers", i18n.LessonCoverNotSlug, termsafe.String(s))
		}
		out = append(out, s)
	}
	return out, nil
}

// lessonStep reads a step's question or mode, if it has one.
func (p *parser) lessonStep(step map[string]any, i int) (*Question, Mode, error) {
	has := func(k string) bool { _, ok := step[k]; return ok }
	var mode Mode
	if has("mode") {
		m, err := p.text(step["mode"], sectionStep, i, "mode", true)
		if err != nil {
			return nil, mode, err
		}
		mode.Kind = ModeKind(m)
		if mode.Kind != ModePlayground && mode.Kind != ModeBatch && mode.Kind != ModeTrain {
			return nil, mode, p.errAt(sectionStep, i, "mode", i18n.LessonUnknownMode, termsafe.String(m))
		}
	}
	if has("demo") {
		if mode.Kind != ModeBatch {
			return nil, mode, p.errAt(sectionStep, i, "demo", i18n.LessonDemoWithoutBatch)
		}
		d, err := p.text(step["demo"], sectionStep, i, "demo", true)
		if err != nil {
			return nil, mode, err
		}
		if !slices.Contains(demos, d) {
			return nil, mode, p.errAt(sectionStep, i, "demo", i18n.LessonUnknownDemo, termsafe.String(d), strings.Join(demos, ", "))
		}
		mode.Demo = d
	} else if mode.Kind == ModeBatch {
		mode.Demo = demos[0]
	}
	if err := p.trainSettings(step, i, &mode); err != nil {
		return nil, mode, err
	}
	if !has("question") {
		for _, k := range questionKeys[1:] {
			if has(k) {
				return nil, mode, p.errAt(sectionStep, i, k, i18n.LessonNeedsQuestion, k)
			}
		}
		return nil, mode, nil
	}
	if mode.Kind != ModeNone {
		return nil, mode, p.errAt(sectionStep, i, "mode", i18n.LessonQuestionAndMode)
	}
	q := &Question{Tolerance: DefaultTolerance}
	var err error
	if q.Text, q.TextTranslations, err = p.translated(step, sectionStep, i, "question", true, termsafe.Multiline); err != nil {
		return nil, mode, err
	}
	if !has("explain") {
		return nil, mode, p.errAt(sectionStep, i, "question", i18n.LessonNeedsExplain)
	}
	if q.Explain, q.ExplainTranslations, err = p.translated(step, sectionStep, i, "explain", true, termsafe.Multiline); err != nil {
		return nil, mode, err
	}
	if err := p.answer(q, step, i); err != nil {
		return nil, mode, err
	}
	if err := p.choiceTranslations(q, step, i); err != nil {
		return nil, mode, err
	}
	if err := p.mistakes(q, step, i); err != nil {
		return nil, mode, err
	}
	if v, ok := step["show_state"]; ok {
		b, ok := v.(bool)
		if !ok {
			return nil, mode, p.errAt(sectionStep, i, "show_state", i18n.LessonBool, "show_state", tomlType(v))
		}
		q.NoState = !b
	}
	return q, mode, nil
}

// answer reads a question's answer: a number, or a string that is one of
// its choices.
func (p *parser) answer(q *Question, step map[string]any, i int) error {
	if _, ok := step["choices"]; ok {
		items, ok := step["choices"].([]any)
		if !ok || len(items) < 2 || len(items) > MaxChoices {
			return p.errAt(sectionStep, i, "choices", i18n.LessonChoicesCount, MaxChoices)
		}
		var err error
		if q.Choices, err = p.choiceTexts(items, i, "choices"); err != nil {
			return err
		}
	}
	v, ok := step["answer"]
	if !ok {
		return p.errAt(sectionStep, i, "question", i18n.LessonNeedsAnswer)
	}
	if _, ok := step["tolerance"]; ok && len(q.Choices) > 0 {
		return p.errAt(sectionStep, i, "tolerance", i18n.LessonToleranceChoice)
	}
	if len(q.Choices) > 0 {
		a, ok := v.(string)
		if !ok {
			return p.errAt(sectionStep, i, "answer", i18n.LessonAnswerChoice, strings.Join(q.Choices, ", "))
		}
		q.Correct = slices.Index(q.Choices, a)
		if q.Correct < 0 {
			return p.errAt(sectionStep, i, "answer", i18n.LessonAnswerChoice, strings.Join(q.Choices, ", "))
		}
		return nil
	}
	x, ok := number(v)
	if !ok {
		return p.errAt(sectionStep, i, "answer", i18n.LessonAnswerNumber)
	}
	q.Answer = x
	if t, ok := step["tolerance"]; ok {
		tol, ok := number(t)
		if !ok || tol <= 0 || tol > 1 {
			return p.errAt(sectionStep, i, "tolerance", i18n.LessonBadTolerance)
		}
		q.Tolerance = tol
	}
	return nil
}

// choiceTranslations reads a question's choices_zh …: one text per choice,
// in the choices' order, so that a choice's index names it in every
// language.
func (p *parser) choiceTranslations(q *Question, step map[string]any, i int) error {
	for _, l := range i18n.Targets() {
		key := translationKey("choices", l)
		v, ok := step[key]
		if !ok {
			continue
		}
		if len(q.Choices) == 0 {
			return p.errAt(sectionStep, i, key, i18n.LessonChoicesTranslationWithout, key)
		}
		items, ok := v.([]any)
		if !ok {
			return p.errAt(sectionStep, i, key, i18n.LessonArrayStrings, key)
		}
		if len(items) != len(q.Choices) {
			return p.errAt(sectionStep, i, key, i18n.LessonChoicesTranslationCount, key, len(q.Choices))
		}
		texts, err := p.choiceTexts(items, i, key)
		if err != nil {
			return err
		}
		if q.ChoicesTranslations == nil {
			q.ChoicesTranslations = map[i18n.Lang][]string{}
		}
		q.ChoicesTranslations[l] = texts
	}
	return nil
}

// choiceTexts reads the texts of choices or their translation: non-blank strings,
// sanitised, none twice (two equal texts could not be told apart on screen).
func (p *parser) choiceTexts(items []any, i int, key string) ([]string, error) {
	var out []string
	for _, it := range items {
		c, ok := it.(string)
		if !ok || strings.TrimSpace(c) == "" {
			return nil, p.errAt(sectionStep, i, key, i18n.LessonArrayStrings, key)
		}
		c = termsafe.String(c)
		if slices.Contains(out, c) {
			return nil, p.errAt(sectionStep, i, key, i18n.LessonChoiceTwice, c)
		}
		out = append(out, c)
	}
	return out, nil
}

// number is a decoded TOML number as a finite float64; -0 reads as 0, so
// that no answer shows a sign on zero.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		if n == 0 {
			return 0, true
		}
		return n, !math.IsNaN(n) && !math.IsInf(n, 0)
	case int64:
		return float64(n), true
	}
	return 0, false
}

// StepsShown is a lesson's number of steps as the learner goes through
// them: the start (the description) and each [[step]]. The lesson header
// ("step i/n") and `losslab lessons` (text and JSON) both count this.
func (s *Scenario) StepsShown() int { return s.Len() }

// Questions counts the steps that ask a question.
func (s *Scenario) Questions() int {
	n := 0
	for _, st := range s.Steps {
		if st.Question != nil {
			n++
		}
	}
	return n
}

// ShowsStateAt reports whether state i is shown with its step: not for a
// question about ideas rather than the triplet (show_state = false).
func (s *Scenario) ShowsStateAt(i int) bool {
	return i < 1 || i > len(s.Steps) || s.Steps[i-1].Question == nil || !s.Steps[i-1].Question.NoState
}
