package i18n

// Chinese texts of messages_lessonfile.go.
var lessonFileZH = map[ID]string{
	LessonChoicesTranslationWithout: "%s 是 choices 的翻译：请在同一步中给出 choices = [\"…\", …]",
	LessonChoicesTranslationCount:   "%[1]s 的项数必须与 choices 相同（%[2]d 个），顺序一致",
}
