package i18n

var trainSlowZH = map[ID]string{
	TrainKeySlow:        "慢速模式：看一个锚点",
	TrainKeyShortSlow:   "慢速",
	TrainKeyAnchor:      "下一个锚点",
	TrainModeSlowPlay:   "▶ 每秒 1 步",
	TrainModeSlowPause:  "⏸ 慢速模式",
	TrainHintSlow:       "慢速模式：A 是下一步训练所用批次中的一个锚点，P 和 N 是它的损失选出的正样本和负样本；从各点引出的短线沿 −∂ℓ/∂x 方向，即这一项在这一步中对该点的推力。按 a 换下一个锚点，n 走一步，w 关闭。",
	TrainSlowTriplet:    "A 锚点 %s/%s · ℓ(A,P,N) %s",
	TrainSlowPairs:      "A 锚点 %s/%s · ℓ(A,P) %s + ℓ(A,N) %s",
	TrainSlowInfoNCE:    "A 锚点 %s/%s · ℓ(A,P) %s",
	TrainSlowAnchor:     "A 锚点 %s/%s · ℓ(A) %s",
	TrainSlowNoPick:     "A 锚点 %s/%s：这个批次中没有可选的正样本或负样本",
	TrainSlowGrad:       "|∂ℓ/∂x| A %s · P %s · N %s",
	TrainSlowGradAnchor: "|∂ℓ/∂x| A %s",
}
