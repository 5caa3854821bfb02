package i18n

var trainPickZH = map[ID]string{
	TrainKeyPick:       "从列表中选择",
	TrainKeyShortPick:  "选择",
	TrainKeySimilarity: "InfoNCE：余弦 / −d",
	TrainKeyPickMove:   "移动",
	TrainKeyPickList:   "另一个列表",
	TrainKeyPickTake:   "选定",
	TrainKeyPickClose:  "关闭，不改动",

	TrainPickTitle:      "选择：↑/↓ ←/→ enter · esc 关闭",
	TrainPickData:       "数据集",
	TrainPickModel:      "模型",
	TrainPickLoss:       "损失",
	TrainPickCompare:    "比较对象",
	TrainPickSimilarity: "InfoNCE 相似度",
	TrainPickNow:        "● 当前",
	TrainPickOff:        "关：只训练一个",
	TrainPickSame:       "%s，再训练一个：比较两个间隔",
	TrainPickFile:       "文件 %s",
	TrainPickFewClasses: "类太少，不够留出 %s 个类并让 %s 个类参与训练",
	TrainNoOtherData:    "d：没有其他数据集的类多到能留出 %s 个类并让 %s 个类参与训练（按 D 查看列表）",
	TrainPickModelFree:  "%s：每个点一个嵌入，不读输入",
	TrainPickModelLin:   "%s：所有点共用一个线性映射",
	TrainPickModelMLP:   "%s：所有点共用一个映射，隐藏层宽 %s",
	TrainPickDataShape:  "%s：%s 个类，%s 个点，%s 维",
	TrainPickSimCosine:  "%s：单位长度的嵌入的余弦相似度",
	TrainPickSimNegDist: "%s：s = −d，原始嵌入的距离",

	"train.loss-name.hinge-contrastive": "铰链对比损失",
	"train.loss-name.squared-triplet":   "平方三元组损失",
	"train.loss-name.multi-similarity":  "多相似度损失",
}
