package i18n

// Chinese texts of messages_lessonfile.go.
var lessonFileZH = map[ID]string{
	LessonChoicesZHWithout: "choices_zh 是 choices 的翻译：请在同一步中给出 choices = [\"…\", …]",
	LessonChoicesZHCount:   "choices_zh 的项数必须与 choices 相同（%d 个），顺序一致",
}
