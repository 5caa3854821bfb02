package i18n

var commonZH = map[ID]string{
	TooSmall: "终端太小：至少需要 %d×%d（当前 %d×%d）· 按 q 退出",

	InputOutOfRange:    "%s 超出范围 [0, %s]",
	InputOffGrid:       "%s 的小数超过两位（losslab 以 0.01 为步长）",
	InputOffGridShort:  "%s：最多两位小数",
	InputNotLabel:      "%q 不是标签：应为 %s 或 %s",
	InputNotLabelShort: "%q 不是标签：应为 same 或 different",
}
