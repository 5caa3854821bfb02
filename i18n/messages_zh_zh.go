package i18n

var zhZH = map[ID]string{
	LangFlag:    "文本的语言：en 或 zh（默认：LC_ALL、LC_MESSAGES、LANG 中第一个有值的变量以 zh 开头时为 zh，否则为 en）",
	LangUsage:   "每个命令都接受 --lang en|zh，指定输出文本的语言；不给出时，以 zh 开头的区域设置（LC_ALL、LC_MESSAGES、LANG）表示中文。",
	LangUnknown: "%q 不是可用的语言：应为 en 或 zh",
	FieldMargin: "间隔",
	HistSame:    "同类",
	HistDiff:    "异类",

	EvalInputs:      "输入         间隔 m = %[1]s   y(a,p) = %[2]s   y(a,n) = %[3]s",
	EvalDistances:   "距离         d(a,p) = %[1]s   d(a,n) = %[2]s",
	EvalDistancesAP: "距离         d(a,p) = %[1]s(锚点, 正样本) = %[2]s",
	EvalDistancesAN: "             d(a,n) = %[1]s(锚点, 负样本) = %[2]s",
	EvalTriplet:     "三元组损失   %s",
	EvalContinued:   "             %s",
	EvalContrastive: "对比损失     每一对 %s，对各对取均值",
	EvalMean:        "             均值 = %s",
}
