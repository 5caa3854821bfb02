package i18n

// The loss sections in Chinese. Loss IDs, miner and reducer IDs stay as
// they are in JSON; these are their display names.
var lossZH = map[ID]string{
	LossVariantsHeading: "变体",
	LossVariantsLine:    "变体：%s",
	LossWithParams:      "%[1]s，%[2]s",
	LossTemperature:     "τ = %s",
	LossPairMean:        "%s，均值",
	LossEquals:          "%[1]s 时即为%[2]s",
	LossBatchHeading:    "损失（挖掘器选出各项，归约器把它们合成一个数）",
	LossStrategy:        "%[1]s，%[2]s",
	LossActiveShare:     "激活 %[1]s（共 %[2]s 项）",
	LossListSeparator:   " · ",
	LossStrategyShort:   "%[1]s，%[2]s",
	LossValue:           "%[1]s %[2]s",
	LossBatchLabel:      "损失",
	LossEqualsShort:     "%[1]s 在 %[2]s 时即为%[3]s",
	LossFlagTemperature: "带温度的损失（InfoNCE）所用的温度 τ > 0（默认 0.1；τ = 1 时即为软间隔三元组损失）",
	LossErrNotPositive:  "%s 必须 > 0",
	LossValueNoted:      "%[1]s：%[2]s；%[3]s",

	"loss.miner-short.all-pairs":        "所有对",
	"loss.miner-short.all-triplets":     "全部",
	"loss.miner-short.batch-hard":       "batch-hard",
	"loss.miner-short.semi-hard":        "semi-hard",
	"loss.miner-short.hardest-negative": "最难",
	"loss.miner-short.random-negative":  "随机",
	"loss.miner-short.all-positives":    "softmax",

	"loss.reducer-short.mean-non-zero":   "非零均值",
	"loss.reducer-short.per-anchor-mean": "按锚点",
	"loss.reducer-short.sum":             "求和",

	"loss.miner.all-pairs":        "所有样本对",
	"loss.miner.all-triplets":     "所有三元组",
	"loss.miner.batch-hard":       "batch-hard（Hermans 2017）",
	"loss.miner.semi-hard":        "semi-hard（TF Addons 规则）",
	"loss.miner.hardest-negative": "最难负样本",
	"loss.miner.random-negative":  "随机负样本",
	"loss.miner.all-positives":    "正样本对，在批次上做 softmax",

	"loss.reducer.mean":            "均值",
	"loss.reducer.mean-non-zero":   "非零项的均值",
	"loss.reducer.per-anchor-mean": "各锚点均值的均值",
	"loss.reducer.sum":             "求和",

	"metric.euclidean":   "欧氏距离",
	"metric.sqeuclidean": "平方欧氏距离",
	"metric.manhattan":   "曼哈顿距离",
	"metric.cosine":      "余弦距离",

	// Names of the registered losses (core/loss carries the English).
	"loss.name.contrastive":          "对比损失",
	"loss.short.contrastive":         "对比",
	"loss.name.hinge-contrastive":    "铰链对比损失",
	"loss.short.hinge-contrastive":   "铰链对比",
	"loss.name.triplet":              "三元组损失",
	"loss.short.triplet":             "三元组",
	"loss.name.squared-triplet":      "平方三元组损失",
	"loss.short.squared-triplet":     "平方",
	"loss.name.soft-margin-triplet":  "软间隔三元组损失",
	"loss.short.soft-margin-triplet": "软间隔",
	"loss.name.infonce":              "InfoNCE",
	"loss.short.infonce":             "InfoNCE",
	"loss.name.multi-similarity":     "多相似度损失",
	"loss.short.multi-similarity":    "多相似度",
}
