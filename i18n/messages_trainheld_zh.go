package i18n

var trainHeldZH = map[ID]string{
	TrainFlagTemperature:     "InfoNCE 的温度 τ，0.01 到 10",
	TrainFlagSimilarity:      "InfoNCE 比较什么：cosine（L2 归一化嵌入的余弦相似度，SupCon 的形式）或 neg-distance（s = −d，原始嵌入的欧氏距离）",
	TrainFlagHoldout:         "每类中模型从不训练的点所占比例，0 到 0.75；留出集的指标在这些点上测量",
	TrainFlagHoldoutClasses:  "改为留出这么多个完整的类（开放集的情形）：至少 2 个，且至少 2 个类参与训练",
	TrainFlagOut:             "把指标所测训练点的嵌入以 CSV（x,y,label）写入新文件 `FILE`，'losslab batch --in' 可以读取",
	TrainFlagOutHeldOut:      "同上，写留出点，写入新文件 `FILE`",
	TrainErrHoldoutClasses:   "%s：应为 0（不留出）或至少 2 个完整的类",
	TrainErrHoldoutClassesOf: "数据集的类中留出 %s 个（共 %s 个）：应至少留出 2 个、至少 2 个参与训练",
	TrainErrOutExists:        "--%s %s：文件已存在；请给一个新文件名",
	TrainErrOutNone:          "--%s：没有这样的点可写（free 模型对留出点没有嵌入；--holdout 0 不留出任何点）",

	TrainRecall1:     "Recall@1",
	TrainScale:       "尺度",
	TrainScaleRatio:  "尺度（平均成对距离 ÷ 第 0 步）",
	TrainHeldOutLine: "留出集（%s 个点）：AUC %s · Recall@1 %s · MAP@R %s",
	TrainHeldOutFree: "留出集：— free 模型对从未训练过的点没有嵌入",
	TrainHeldOutNone: "留出集：— 没有留出任何点",

	TrainScaleShrinkMargin: "%s 正在收缩：平均成对距离为起始值的 %s。间隔为 0 时，每一项都随距离缩放（所有距离乘以 c 时，项乘以 c 或 c²），所以把一切一起缩小就能降低损失，却什么也没有分开；间隔大于 0 时，缩小的嵌入要付出间隔的代价。",
	TrainScaleShrinkHard:   "%s 正在收缩：平均成对距离为起始值的 %s。%s 为每个锚点配上最近的负样本；所有点共用一个映射时，最省力的做法是把所有距离一起缩小。",
	TrainScaleShrinkOther:  "%s 正在收缩：平均成对距离为起始值的 %s，不到十分之一。",
	TrainScaleGrowGap:      "%s 正在膨胀：平均成对距离为起始值的 %s 倍。它的各项随 d(a,n) − d(a,p) 增大而减小，且没有一项随整体尺度增大，所以拉伸所有距离会不断降低损失；单位圆（--normalize）能限制它。",
	TrainScaleGrowOther:    "%s 正在膨胀：平均成对距离为起始值的 %s 倍，超过十倍。",
	TrainScaleAUCNote:      "AUC 与 Recall@1 只取决于距离的先后顺序，所以收缩后的嵌入仍保持它们；尺度比显示收缩（带间隔的三元组损失停在 m 则显示坍缩）。",

	StateReasonTrainTemperature:    "温度必须在 %s 到 %s 之间",
	StateReasonTrainHoldoutClasses: "留出的类数必须为 0，或至少 2 个，且数据集的 %d 个类中至少 2 个参与训练",

	TrainKeyGoto:     "训练到第 N 步",
	TrainPromptStep:  "训练到第几步：%s▏ 回车开始，esc 关闭。",
	TrainPromptRange: "请输入 %s 到 %s 之间的步数。",
	TrainModeRunning: "▶ 训练到第 %s 步",
	TrainModeRate:    "每秒 %s 步",
	TrainHintRunning: "正在训练到第 %s 步，现在第 %s 步，训练与界面分开进行：按键照常响应。按空格停止，q 退出。",
}
