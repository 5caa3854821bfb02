package i18n

// Messages of the lessons' Chinese texts in lesson files (question_zh,
// explain_zh, choices_zh).
const (
	LessonChoicesZHWithout ID = "lessonfile.choices-zh-without" //
	LessonChoicesZHCount   ID = "lessonfile.choices-zh-count"   // %d: the number of choices
)

var lessonFileEN = map[ID]string{
	LessonChoicesZHWithout: "choices_zh translates choices: give choices = [\"…\", …] in the same step",
	LessonChoicesZHCount:   "choices_zh must list as many choices as choices (%d), in the same order",
}
