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
