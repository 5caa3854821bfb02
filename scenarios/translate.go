package scenarios

import (
	"slices"
	"strconv"

	"losslab/i18n"
)

// Every text a screen shows may carry its translations beside it, under its
// key with each language's code: title_zh, note_zh, choices_zh… The keys
// follow from i18n's table of languages, so a new language needs no change
// in this package.

// translatable are the keys whose texts may be translated, by section.
var translatable = map[string][]string{
	sectionTop:  {"title", "description"},
	sectionStep: {"note", "question", "choices", "explain", "diagnoses"},
}

// translationKey is key's translation into l: title_zh.
func translationKey(key string, l i18n.Lang) string { return key + "_" + l.Code() }

// withTranslations lists keys in order, each translatable one of section
// followed by its translation keys.
func withTranslations(section string, keys ...string) []string {
	var out []string
	for _, k := range keys {
		out = append(out, k)
		if isTranslatable(section, k) {
			for _, l := range i18n.Targets() {
				out = append(out, translationKey(k, l))
			}
		}
	}
	return out
}

func isTranslatable(section, key string) bool { return slices.Contains(translatable[section], key) }

// translated reads a text and its translations from a table, each
// sanitised with clean.
func (p *parser) translated(table map[string]any, section string, index int, key string, required bool, clean func(string) string) (string, i18n.Translations, error) {
	text, err := p.text(table[key], section, index, key, required)
	if err != nil {
		return "", nil, err
	}
	var tr i18n.Translations
	for _, l := range i18n.Targets() {
		k := translationKey(key, l)
		t, err := p.text(table[k], section, index, k, false)
		if err != nil {
			return "", nil, err
		}
		if t != "" {
			if tr == nil {
				tr = i18n.Translations{}
			}
			tr[l] = clean(t)
		}
	}
	return clean(text), tr, nil
}

// In returns s with its title, description, notes and questions (text,
// choices, explanation) in language l: the translation stored beside each
// English text where the file has one, the English text where it has not.
// s itself is left as it is (presets and lessons are shared); In of nil is
// nil, and in English s itself.
func (s *Scenario) In(l i18n.Lang) *Scenario {
	if s == nil || l == i18n.English {
		return s
	}
	out := *s
	out.Title = s.TitleTranslations.In(l, s.Title)
	out.Description = s.DescriptionTranslations.In(l, s.Description)
	out.Steps = make([]Step, len(s.Steps))
	for i, st := range s.Steps {
		st.Note = st.NoteTranslations.In(l, st.Note)
		if st.Question != nil {
			st.Question = st.Question.in(l)
		}
		out.Steps[i] = st
	}
	return &out
}

// in returns q with its texts in l where it has them; q itself is left as
// it is. Choices are translated together or not at all, so that the index
// that names a choice names its text in every language.
func (q *Question) in(l i18n.Lang) *Question {
	out := *q
	out.Text = q.TextTranslations.In(l, q.Text)
	out.Explain = q.ExplainTranslations.In(l, q.Explain)
	if c, ok := q.ChoicesTranslations[l]; ok {
		out.Choices = c
	}
	out.Mistakes = slices.Clone(q.Mistakes)
	for k, m := range out.Mistakes {
		out.Mistakes[k].Diagnosis = m.DiagnosisTranslations.In(l, m.Diagnosis)
	}
	return &out
}

// Text is one text a screen shows: where it is, its English and its
// translations.
type Text struct {
	Where        string // "title", "step 3 note", "step 2 choice 1"
	English      string
	Translations i18n.Translations
}

// Texts lists every text of s that a screen shows, with its translations
// (nil where the file has none): what a translator's check walks.
func (s *Scenario) Texts() []Text {
	out := []Text{{"title", s.Title, s.TitleTranslations}, {"description", s.Description, s.DescriptionTranslations}}
	for i, st := range s.Steps {
		where := "step " + strconv.Itoa(i+1)
		out = append(out, Text{where + " note", st.Note, st.NoteTranslations})
		q := st.Question
		if q == nil {
			continue
		}
		out = append(out, Text{where + " question", q.Text, q.TextTranslations}, Text{where + " explain", q.Explain, q.ExplainTranslations})
		for j, c := range q.Choices {
			var tr i18n.Translations
			for l, cs := range q.ChoicesTranslations {
				if tr == nil {
					tr = i18n.Translations{}
				}
				tr[l] = cs[j]
			}
			out = append(out, Text{where + " choice " + strconv.Itoa(j+1), c, tr})
		}
		for j, m := range q.Mistakes {
			out = append(out, Text{where + " diagnosis " + strconv.Itoa(j+1), m.Diagnosis, m.DiagnosisTranslations})
		}
	}
	return out
}
