package i18n

// Chinese texts of messages_lessonfile.go.
var lessonFileZH = map[ID]string{
	LessonChoicesTranslationWithout: "%s 是 choices 的翻译：请在同一步中给出 choices = [\"…\", …]",
	LessonChoicesTranslationCount:   "%[1]s 的项数必须与 choices 相同（%[2]d 个），顺序一致",
}

// Chinese texts of the mistakes' messages.
var lessonMistakesZH = map[ID]string{
	LessonDiagnosesWithout: "mistakes 与 diagnoses 须同时给出：请在同一步中写出两者（%s 缺少与之对应的键）",
	LessonDiagnosesCount:   "%[1]s 的项数必须与 mistakes 相同（%[2]d 个），顺序一致",
	LessonMistakeChoice:    "mistakes 中的 %q 不是错误选项之一",
	LessonMistakeNumber:    "mistakes 中的 %q 不是数字：数值题的 mistakes 是写成文本的数字，例如 \"0.245\"",
	LessonMistakeRight:     "mistakes 中的 %q 与答案之差在容差之内：它会被判为正确",
	LessonMistakeTwice:     "mistakes 中的 %q 出现了两次（或与另一项之差在容差之内）",
}
