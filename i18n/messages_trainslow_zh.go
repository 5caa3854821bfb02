package i18n

var trainSlowZH = map[ID]string{
	TrainKeySlow:        "慢速模式：看一个锚点",
	TrainKeyShortSlow:   "慢速",
	TrainKeyAnchor:      "下一个锚点",
	TrainModeSlowPlay:   "▶ 每秒 1 步",
	TrainModeSlowPause:  "⏸ 慢速模式",
	TrainHintSlow:       "慢速模式：A 是下一步所用批次中的一个锚点，P 和 N 是它的损失选出的正样本和负样本；短线沿 −∂ℓ/∂x，即这一项对各点的推力。%s按 a 换下一个锚点，n 走一步，w 关闭。",
	TrainSlowTriplet:    "A 锚点 %s/%s · ℓ(A,P,N) %s",
	TrainSlowPairs:      "A 锚点 %s/%s · ℓ(A,P) %s + ℓ(A,N) %s",
	TrainSlowInfoNCE:    "A 锚点 %s/%s · ℓ(A,P) %s",
	TrainSlowAnchor:     "A 锚点 %s/%s · ℓ(A) %s",
	TrainSlowNoPick:     "A 锚点 %s/%s：这个批次中没有可选的正样本或负样本",
	TrainSlowGrad:       "|∂ℓ/∂x| A %s · P %s · N %s",
	TrainSlowGradAnchor: "|∂ℓ/∂x| A %s",

	TrainSlowMoved:         "|Δx| A %s · P %s · N %s",
	TrainSlowMovedAnchor:   "|Δx| A %s",
	TrainSlowAngle:         "∠(Δx, −∂ℓ/∂x) A %s · P %s · N %s",
	TrainSlowAngleAnchor:   "∠(Δx, −∂ℓ/∂x) A %s",
	TrainSlowDegrees:       "%s°",
	TrainSlowWhyShared:     "Δx 是这一步的位移：这一步移动的是共享的权重，权重带动每一个点，所以即使一个点自身的推力为 0 它也会移动，而且不一定沿推力的方向。",
	TrainSlowWhyFree:       "Δx 是这一步的位移：free 模型只按一个点自身的梯度移动它，即 −lr × 批大小 × ∂L/∂x，对它的所有项求和（短线只画其中一项）。",
	TrainSlowWhyFreeCircle: "Δx 是这一步的位移：free 模型只按一个点自身的梯度移动它，即 −lr × 批大小 × ∂L/∂x，对它的所有项求和（短线只画其中一项）；若该次运行在单位圆上，再投影回单位圆。",
}
