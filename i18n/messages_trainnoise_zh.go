package i18n

var trainNoiseZH = map[ID]string{
	TrainFlagLabelNoise:      "训练点中标签被弄错的比例，0 到 0.5：损失和小批次看到错误的标签（每个点换成另一个类，带种子）；所有指标和颜色都用真实标签",
	TrainLabelNoise:          "训练标签错 %s",
	TrainLabelNoiseLine:      "标签噪声：%[2]s 个训练标签中错了 %[1]s 个（%[3]s）；指标用真实标签",
	TrainNoteLabelNoise:      "%[2]s 个训练标签中有 %[1]s 个是错的（%[3]s）：损失和批次看到的是错误的标签，而指标、直方图和颜色用的是真实标签。",
	TrainNoteLabelNoiseShort: "训练标签错 %s；指标用真实标签。",
}
