package i18n

// Chinese texts of messages_batch.go.
var batchZH = map[ID]string{
	BatchViewSampled:    "抽样：%[2]s 个锚点中的 %[1]s 个（种子 %[3]d）：以下数字都是估计值",
	BatchViewBinned:     "为不超出内存预算，AUC 按分箱计算：误差在 ±%[1]s 以内",
	BatchFlagMaxMemory:  "内存预算（`SIZE`，如 512MiB 或 2GiB）；超出时 AUC 与阈值改为分箱计算并给出误差上界，而非精确值",
	BatchFlagSample:     "`K`、auto 或 all：随机抽取 K 个锚点计算，每个数字附置信度为百分之九十五的置信区间；auto 在估计耗时超过 2 分钟时自动抽样",
	BatchFlagSeed:       "锚点抽样的随机种子 `SEED`",
	BatchFlagMaxRows:    "数据行多于 `N` 时拒绝读取",
	BatchErrMaxRows:     "--max-rows %[1]d：至少要 4",
	BatchErrSize:        "需要一个大小，如 512MiB 或 2GiB",
	BatchErrSizeSmall:   "至少要 1MiB",
	BatchErrSample:      "需要 auto、all 或至少为 2 的锚点个数",
	BatchSampled:        "抽样：%[2]s 个锚点中的 %[1]s 个（种子 %[3]d）；每个数字都是估计值，方括号内为其 95%% 置信区间",
	BatchBinned:         "  为不超出内存预算，按 %[1]s 个分箱计算：AUC 与精确值相差在 ±%[2]s 以内，中位数在 ±%[3]s 以内",
	BatchBinnedSample:   "  抽到的样本对按 %[1]s 个分箱计算：AUC 与这些样本对上的值相差在 ±%[2]s 以内，中位数在 ±%[3]s 以内",
	BatchInterval:       "[%[1]s, %[2]s]",
	BatchSlowAutoSample: "估计全部 %[2]s 个锚点需要 %[1]s：改为随机抽取 %[3]s 个锚点（种子 %[4]d）；用 --sample-anchors all 等待全部锚点，或用 --sample-anchors K 自选个数",
	BatchSlowAll:        "估计全部 %[2]s 个锚点需要 %[1]s；--sample-anchors K 可改为抽取 K 个锚点",
	BatchMemoryBinned:   "精确的 AUC 与阈值约需 %[1]s 内存，超过 --max-memory %[2]s：改为分箱计算",
	BatchSampleTooLarge: "--sample-anchors %[1]s：数据只有 %[2]s 行，因此计算全部锚点",
	BatchMinutes:        "%s 分钟",
	BatchSeconds:        "%s 秒",
	BatchHours:          "%s 小时",
}
