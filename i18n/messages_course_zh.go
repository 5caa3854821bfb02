package i18n

// Chinese texts of messages_course.go.
var courseZH = map[ID]string{
	LearnRetry:                   "✗ 不是 %s。",
	LearnRetryChoice:             "✗ 不是“%s”。",
	LearnRetryHint:               "再试一次：输入另一个答案后按 enter，或按 tab 查看答案。",
	LearnRetryHintChoice:         "再试一次：选另一个选项后按 enter，或按 tab 查看答案。",
	LearnRightRetry:              "✓ 第二次答对：%s。",
	LearnRightRetryChoice:        "✓ 第二次答对：“%s”。",
	LearnListScore:               "答对 %d/%d",
	LearnReopenTitle:             "你已学完《%s》。从哪里打开：",
	LearnReopenStart:             "从头开始",
	LearnReopenResume:            "第 %d/%d 步，即你离开的地方",
	LearnReopenMissed:            "你没答对的题（%d 道），重新作答",
	LearnReopenHint:              "↑/↓ 或数字键选择，enter 打开，esc 返回课程列表。",
	LearnReviewing:               "重答 %d/%d",
	LearnLessonScore:             "本课：%[2]d 道题中答对 %[1]d 道。",
	LearnLessonMissed:            "按 r 重答你没答对的题。",
	LearnTrainRun:                "训练 · %s",
	LearnTrainRuns:               "%s | %s",
	LearnTrainHoldout:            "每类留出比例 %s",
	LearnTrainHeldClasses:        "留出 %d 个完整的类",
	LearnTrainHoldNone:           "不留出",
	LearnTrainOpensAt:            "打开时在第 %d 步",
	LearnKeyRetryMissed:          "重答错题",
	CLILessonsProgressUnreadable: "无法读取你的进度（%v）：每一课都按尚未开始报告",
}
