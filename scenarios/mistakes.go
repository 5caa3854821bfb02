package scenarios

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
)

// A question may list the typical wrong answers with what each one says
// about the learner's reasoning:
//
//	mistakes = ["0.245", "0.49"]              # numbers, or wrong choices by their English text
//	diagnoses = ["You forgot the mean …", "You forgot the ½ …"]
//	diagnoses_zh = ["…", "…"]
//
// A number mistake matches a typed answer within the question's tolerance.

// Mistake is a typical wrong answer and its diagnosis.
type Mistake struct {
	Answer    float64 // a number question's wrong answer
	Choice    int     // a choice question's wrong choice, by index
	Diagnosis string
	// DiagnosisTranslations are the diagnoses_zh … texts, by language.
	DiagnosisTranslations i18n.Translations
}

// ParseNumber reads a typed answer: a decimal number (numfmt.ParseDecimal:
// the minus sign − too; not NaN, 0x1p-1 or 1e-1).
func ParseNumber(typed string) (float64, error) {
	x, err := numfmt.ParseDecimal(typed)
	if err != nil {
		return 0, ErrNotANumber
	}
	return x, nil
}

// near reports whether x is within the question's tolerance of want.
func (q *Question) near(x, want float64) bool { return math.Abs(x-want) <= q.Tolerance+1e-12 }

// DiagnoseNumber is the diagnosis of the wrong number x, "" when the
// lesson lists none for it.
func (q *Question) DiagnoseNumber(x float64) string {
	for _, m := range q.Mistakes {
		if q.near(x, m.Answer) {
			return m.Diagnosis
		}
	}
	return ""
}

// DiagnoseChoice is the diagnosis of the wrong choice i, "" when none.
func (q *Question) DiagnoseChoice(i int) string {
	for _, m := range q.Mistakes {
		if m.Choice == i {
			return m.Diagnosis
		}
	}
	return ""
}

// mistakes reads a question's mistakes and diagnoses (with their
// translations): as many diagnoses as mistakes, each mistake a wrong answer
// the question could receive, none matching another.
func (p *parser) mistakes(q *Question, step map[string]any, i int) error {
	raw, hasM := step["mistakes"]
	_, hasD := step["diagnoses"]
	if !hasM && !hasD {
		for _, l := range i18n.Targets() {
			if k := translationKey("diagnoses", l); step[k] != nil {
				return p.errAt(sectionStep, i, k, i18n.LessonDiagnosesWithout, k)
			}
		}
		return nil
	}
	if !hasM || !hasD {
		present := "mistakes"
		if !hasM {
			present = "diagnoses"
		}
		return p.errAt(sectionStep, i, present, i18n.LessonDiagnosesWithout, present)
	}
	items, ok := raw.([]any)
	if !ok {
		return p.errAt(sectionStep, i, "mistakes", i18n.LessonArrayStrings, "mistakes")
	}
	diags, err := p.stringList(step, i, "diagnoses", len(items))
	if err != nil {
		return err
	}
	for k, it := range items {
		s, ok := it.(string)
		if !ok {
			return p.errAt(sectionStep, i, "mistakes", i18n.LessonArrayStrings, "mistakes")
		}
		m := Mistake{Diagnosis: termsafe.Multiline(diags[k])}
		if len(q.Choices) > 0 {
			m.Choice = slices.Index(q.Choices, s)
			if m.Choice < 0 || m.Choice == q.Correct {
				return p.errAt(sectionStep, i, "mistakes", i18n.LessonMistakeChoice, termsafe.String(s))
			}
		} else {
			x, err := ParseNumber(s)
			if err != nil {
				return p.errAt(sectionStep, i, "mistakes", i18n.LessonMistakeNumber, termsafe.String(s))
			}
			m.Answer = x
			if q.near(x, q.Answer) {
				return p.errAt(sectionStep, i, "mistakes", i18n.LessonMistakeRight, termsafe.String(s))
			}
		}
		for _, prev := range q.Mistakes {
			if len(q.Choices) > 0 && prev.Choice == m.Choice || len(q.Choices) == 0 && q.near(m.Answer, prev.Answer) {
				return p.errAt(sectionStep, i, "mistakes", i18n.LessonMistakeTwice, termsafe.String(s))
			}
		}
		q.Mistakes = append(q.Mistakes, m)
	}
	for _, l := range i18n.Targets() {
		key := translationKey("diagnoses", l)
		if step[key] == nil {
			continue
		}
		tr, err := p.stringList(step, i, key, len(items))
		if err != nil {
			return err
		}
		for k := range q.Mistakes {
			if q.Mistakes[k].DiagnosisTranslations == nil {
				q.Mistakes[k].DiagnosisTranslations = i18n.Translations{}
			}
			q.Mistakes[k].DiagnosisTranslations[l] = termsafe.Multiline(tr[k])
		}
	}
	return nil
}

// stringList reads key as n non-blank strings.
func (p *parser) stringList(step map[string]any, i int, key string, n int) ([]string, error) {
	items, ok := step[key].([]any)
	if !ok {
		return nil, p.errAt(sectionStep, i, key, i18n.LessonArrayStrings, key)
	}
	if len(items) != n {
		return nil, p.errAt(sectionStep, i, key, i18n.LessonDiagnosesCount, key, n)
	}
	out := make([]string, n)
	for k, it := range items {
		s, ok := it.(string)
		if !ok || strings.TrimSpace(s) == "" {
			return nil, p.errAt(sectionStep, i, key, i18n.LessonArrayStrings, key)
		}
		out[k] = s
	}
	return out, nil
}

// encodeMistakes lists a question's mistakes for the encoder: the wrong
// answers as the file writes them, then the diagnoses and their translations.
func encodeMistakes(q *Question) table {
	if len(q.Mistakes) == 0 {
		return nil
	}
	var answers, diags []string
	tr := map[i18n.Lang][]string{}
	for _, m := range q.Mistakes {
		if len(q.Choices) > 0 {
			answers = append(answers, q.Choices[m.Choice])
		} else {
			answers = append(answers, strconv.FormatFloat(m.Answer, 'g', -1, 64))
		}
		diags = append(diags, m.Diagnosis)
		for _, l := range i18n.Targets() {
			if d, ok := m.DiagnosisTranslations[l]; ok {
				tr[l] = append(tr[l], d)
			}
		}
	}
	t := table{{"mistakes", answers}, {"diagnoses", diags}}
	for _, l := range i18n.Targets() {
		if len(tr[l]) == len(q.Mistakes) {
			t = append(t, keyValue{translationKey("diagnoses", l), tr[l]})
		}
	}
	return t
}

// numberToken is a number as a text writes it, with − or - as its sign.
var numberToken = regexp.MustCompile(`[−-]?\d+(?:\.\d+)?`)

// logToken is a natural logarithm as a text writes one, a closed form of
// a number: "ln 2", "−log ½", "log(4)"; not "ln(1 + e^−0.2)".
var logToken = regexp.MustCompile(`(?:^|[^\p{L}])([−-]?)\s?(?:ln|log)\s?(?:\(\s*(\d+(?:\.\d+)?|[½⅓¼⅔¾])\s*\)|(\d+(?:\.\d+)?|[½⅓¼⅔¾]))`)

// fractions are the vulgar fractions a logarithm's argument may be.
var fractions = map[string]float64{"½": 1.0 / 2, "⅓": 1.0 / 3, "¼": 1.0 / 4, "⅔": 2.0 / 3, "¾": 3.0 / 4}

// GivesAway reports whether text states the question's answer: a number
// within the tolerance of it, written out or as a logarithm ("ln 2" for
// 0.6931), or the right choice as a word of its own ("hard", not the hard
// of "semi-hard").
func (q *Question) GivesAway(text string) bool {
	if len(q.Choices) > 0 {
		word := regexp.MustCompile(`(?i)(?:^|[^\p{L}-])` + regexp.QuoteMeta(q.Choices[q.Correct]) + `(?:$|[^\p{L}-])`)
		return word.MatchString(text)
	}
	for _, tok := range numberToken.FindAllString(text, -1) {
		if x, err := ParseNumber(tok); err == nil && q.near(x, q.Answer) {
			return true
		}
	}
	for _, m := range logToken.FindAllStringSubmatch(text, -1) {
		arg := m[2] + m[3]
		x, ok := fractions[arg]
		if !ok {
			x, _ = strconv.ParseFloat(arg, 64)
		}
		v := math.Log(x)
		if m[1] != "" {
			v = -v
		}
		if x > 0 && q.near(v, q.Answer) {
			return true
		}
	}
	return false
}

// clauseEnd matches where a diagnosis's clause ends: the colon or
// semicolon before its worked answer ("0.125 leaves out the ½: …").
var clauseEnd = regexp.MustCompile(`[:;] |[：；]`)

// FirstTry is what a diagnosis says before the retry: all of it, or, when
// it would give the answer away, its longest run of clauses that does not,
// "" if none.
func (q *Question) FirstTry(diagnosis string) string {
	if !q.GivesAway(diagnosis) {
		return diagnosis
	}
	cuts := clauseEnd.FindAllStringIndex(diagnosis, -1)
	for i := len(cuts) - 1; i >= 0; i-- {
		head := diagnosis[:cuts[i][0]]
		if q.GivesAway(head) {
			continue
		}
		if strings.TrimSpace(diagnosis[cuts[i][0]:cuts[i][1]]) == ":" || strings.TrimSpace(diagnosis[cuts[i][0]:cuts[i][1]]) == ";" {
			return head + "."
		}
		return head + "。"
	}
	return ""
}
