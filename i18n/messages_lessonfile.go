package i18n

// Messages of the translations in lesson files (question_zh, explain_zh,
// choices_zh …).
const (
	LessonChoicesTranslationWithout ID = "lessonfile.choices-translation-without" // %s: the key (choices_zh)
	LessonChoicesTranslationCount   ID = "lessonfile.choices-translation-count"   // %[1]s: the key, %[2]d: the number of choices
)

var lessonFileEN = map[ID]string{
	LessonChoicesTranslationWithout: "%s translates choices: give choices = [\"…\", …] in the same step",
	LessonChoicesTranslationCount:   "%[1]s must list as many choices as choices (%[2]d), in the same order",
}

// Messages of a question's mistakes and diagnoses.
const (
	LessonDiagnosesWithout ID = "lessonfile.diagnoses-without" // %s: the key missing its partner
	LessonDiagnosesCount   ID = "lessonfile.diagnoses-count"   // %[1]s: the key, %[2]d: the number of mistakes
	LessonMistakeChoice    ID = "lessonfile.mistake-choice"    // %q: the value
	LessonMistakeNumber    ID = "lessonfile.mistake-number"    // %q: the value
	LessonMistakeRight     ID = "lessonfile.mistake-right"     // %q: the value
	LessonMistakeTwice     ID = "lessonfile.mistake-twice"     // %q: the value
)

var lessonMistakesEN = map[ID]string{
	LessonDiagnosesWithout: "mistakes and diagnoses go together: give both in the same step (%s is missing its partner)",
	LessonDiagnosesCount:   "%[1]s must list as many texts as mistakes (%[2]d), in the same order",
	LessonMistakeChoice:    "mistakes %q is not one of the wrong choices",
	LessonMistakeNumber:    "mistakes %q is not a number: a number question's mistakes are numbers written as text, e.g. \"0.245\"",
	LessonMistakeRight:     "mistakes %q is within the tolerance of the answer: it would be right",
	LessonMistakeTwice:     "mistakes %q is given twice (or within the tolerance of another)",
}
