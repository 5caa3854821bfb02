package i18n

var langZH = map[ID]string{
	LangFlag:    "文本的语言：en 或 zh（默认取区域设置，按 GNU gettext 的方式读取 LANGUAGE、LC_ALL、LC_MESSAGES 和 LANG；以 zh 开头时为 zh，否则为 en）",
	LangUsage:   "每个命令都接受 --lang en|zh，指定输出文本的语言；不给出时，按 GNU gettext 的规则由区域设置决定（先看 LANGUAGE，区域设置为 C 时除外；再看 LC_ALL、LC_MESSAGES、LANG）：以 zh 开头即为中文。中文界面使用简体中文，zh_TW、zh_HK 下也是如此。输出一律为 UTF-8：区域设置的字符集不是 UTF-8（如 GB18030、Big5）时，losslab 拒绝向终端输出。",
	LangNotUTF8: "losslab：区域设置的字符集是 %[1]s，而 losslab 只输出 UTF-8：请在 UTF-8 区域设置下运行，例如 LANG=%[2]s",
	LangUnknown: "%q 不是可用的语言：应为 en 或 zh",
	FieldMargin: "间隔",
	HistSame:    "同类",
	HistDiff:    "异类",

	EvalInputs:      "输入         间隔 m = %[1]s   y(a,p) = %[2]s   y(a,n) = %[3]s",
	EvalDistances:   "距离         d(a,p) = %[1]s   d(a,n) = %[2]s",
	EvalDistancesAP: "距离         d(a,p) = 锚点与正样本的%[1]s = %[2]s",
	EvalDistancesAN: "             d(a,n) = 锚点与负样本的%[1]s = %[2]s",
	EvalTriplet:     "三元组损失   %s",
	EvalContinued:   "             %s",
	EvalContrastive: "对比损失     每对样本 %s，再对各对取均值",
	EvalMean:        "             均值 = %s",

	BatchTextHeader:     "%[1]s：%[2]s × %[3]s，%[4]s 个类别（%[5]s），%[6]s，间隔 %[7]s",
	BatchTextHeaderNorm: "%[1]s：%[2]s × %[3]s，%[4]s 个类别（%[5]s），%[6]s，间隔 %[7]s，各行已做 L2 归一化",
	BatchTextTriplets:   "三元组       简单 %[1]s（%[2]s）   半困难 %[3]s（%[4]s）   困难 %[5]s（%[6]s）",
	BatchTextSeparation: "同类样本对与异类样本对距离的可分性",
	BatchTextAUC:        "  “d < t 判为同类”的 ROC AUC      %[1]s   （同类样本对 %[2]s 个，异类样本对 %[3]s 个）",
	BatchTextThreshold:  "  最佳阈值                        d ≤ %[1]s 判为同类：准确率 %[2]s",
	BatchTextInside:     "  比正样本距离中位数 + m（%[1]s + %[2]s）更近的负样本：%[3]s",
	BatchTextProgress:   "已完成 %s 的锚点",
}
