package i18n

var commonZH = map[ID]string{
	TooSmall: "终端太小：至少需要 %d×%d（当前 %d×%d）",
}
