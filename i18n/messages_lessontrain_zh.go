package i18n

// Chinese texts of messages_lessontrain.go.
var lessonTrainZH = map[ID]string{
	LessonTrainWithoutTrain:  "只有 mode = \"train\" 时才读取 %s",
	LessonTrainUnknown:       "%s = %q：应为 %s 之一",
	LessonTrainInteger:       "%s 必须是整数",
	LessonBool:               "%s 必须是 true 或 false，而不是%s",
	LessonTrainCompareMargin: "train_compare_margin 需要在同一步中给出 train_compare = \"LOSS\"",
	LessonTrainInvalid:       "训练设置无效：%s",
	LearnExploreTrain:        "按 e 以这些设置打开训练模式，再按空格开始播放；在那里按 esc 回到这里。",
}
