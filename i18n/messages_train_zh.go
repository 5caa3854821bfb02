package i18n

var trainZH = map[ID]string{
	TrainSummary: "训练二维嵌入，观察两种距离分布如何分开",
	TrainSynopsis: `用法：losslab train [flags]

用度量学习损失训练一个模型，把带标签的输入映射为二维嵌入，观察
同类样本对与异类样本对的距离分布如何分开（或坍缩）。在终端中打开
训练模式；给出 --json 或 --plain（或标准输出不是终端）时不打开
界面：训练 --steps 步，每 --every 步打印一次指标，最后打印每次
运行的汇总。

数据：--data blobs（4 个分得很开的高斯类）、overlap（3 个相互
重叠的类）、rings（3 个同心环）、moons（2 个半圆），各 300 个点，
由种子生成；iris 与 digits（演示数据集）；或 --in FILE（CSV/TSV，
读法与 'losslab batch' 相同）。输入按列标准化。

模型：free（每个嵌入都是参数，从噪声开始）、linear（一个 D×2
矩阵）、mlp（D→16→2，tanh）。--normalize 投影到单位圆上。

损失：contrastive（对比损失，批次内所有样本对的
½[y·d² + (1−y)·max(m−d, 0)²]）、batch-all、batch-hard、
semi-hard（采用相应挖掘方式的三元组损失）、batch-hard-soft
（在 batch-hard 选出的三元组上取 softplus）、infonce（core/loss
中的 InfoNCE：每个正样本与批次内其余所有样本比较；默认采用 SupCon
的形式，在 L2 归一化嵌入的余弦相似度上计算，τ = 0.1；见 --similarity
与 --temperature）；'losslab eval' 中的其余每种损失都以自己的 ID 训练，采用
'losslab batch' 为它报告的第一种批次形式（--loss 列出全部）。
小批次按类均衡：P 个类 × 每类 K 个样本。

指标：下一个小批次上的损失与激活比例；AUC（距离 < t 判为同类）；
在最多 400 个点的所有样本对上计算的同类与异类平均距离；平均成对
距离低于第 0 步的百分之一时判为坍缩。某个参数超过 1e+100 或某个
数值不再有限时，训练即发散：每一步都会检查，发散时只输出一行，
写明发散的步数（退出状态 2）。各行完全相同的 --in 文件会被拒绝。

示例：
  losslab train --steps 500 --json
  losslab train --data overlap --model linear --margin 0 --steps 1000 --plain
  losslab train --loss batch-hard --compare contrastive --steps 300 --plain`,
	TrainFlagData:                     "数据集：blobs|overlap|rings|moons|iris|digits",
	TrainFlagIn:                       "从 CSV 或 TSV 文件 `FILE` 读取带标签的输入，代替 --data",
	TrainFlagFormat:                   "`csv|tsv`（默认：按 --in 的扩展名）",
	TrainFlagLabelCol:                 "--in 的标签列的列名 `NAME`（默认：\"label\"，否则取最后一列）",
	TrainFlagModel:                    "free|linear|mlp",
	TrainFlagLoss:                     "训练用的损失：%s",
	TrainFlagCompare:                  "用此损失再训练一次，数据、起点与批次都相同",
	TrainFlagMargin:                   "间隔 m，0 到 100",
	TrainFlagCompareMargin:            "--compare 那次运行的间隔（默认：--margin）",
	TrainFlagLR:                       "学习率，大于 0 且不超过 100（free 模型每步移动 lr × 批大小）",
	TrainFlagBatch:                    "每个小批次的样本数，4 到 1024（P 个类 × K 个样本）",
	TrainFlagSeed:                     "数据、初始模型与批次的种子",
	TrainFlagSteps:                    "不打开界面时训练的步数",
	TrainFlagEvery:                    "每隔多少步打印一次指标",
	TrainFlagNormalize:                "把嵌入投影到单位圆上",
	TrainFlagJSON:                     "不打开界面训练，输出 JSON Lines",
	TrainFlagPlain:                    "不打开界面训练，输出表格",
	TrainErrUnknownID:                 "未知的值 %q（可用：%s）",
	TrainErrBetween:                   "%s 超出范围：应为 %s 到 %s",
	TrainErrAbove:                     "%s 超出范围：应大于 %s 且不超过 %s",
	TrainErrCount:                     "%s 超出范围：应为 %s 到 %s",
	TrainErrNeedsIn:                   "--format 与 --label-col 只用于 --in",
	TrainErrIdenticalRows:             "--in %s：每一行的值都相同：linear 与 mlp 模型从第 0 步起就把所有点放在同一处，没有可学的东西，而 free 模型不读取这些值；请提供各行不同的数据",
	TrainErrNeedsCompare:              "--compare-margin 需要同时给出 --compare LOSS",
	TrainErrCompareSame:               "%s 不读取间隔，再训练一次它只会得到同一次训练：请与另一种损失比较",
	TrainErrCompareSameMargin:         "%s 两次都用间隔 %s 只会把同一次训练做两遍：请给两次训练不同的间隔",
	TrainErrCompareSameMarginFlag:     "%s 两次都用间隔 %s 只会把同一次训练做两遍：请用 --compare-margin 给第二次训练另一个间隔",
	TrainNoMarginKeys:                 "%s 不读取间隔：%s 不起作用",
	TrainErrNoTemperature:             "只有 infonce 读取它，而没有一次运行训练 infonce",
	TrainErrNoMargin:                  "%s 不读取间隔：这个参数不会改变任何东西",
	TrainRun:                          "运行",
	TrainStep:                         "步",
	TrainCollapsed:                    "坍缩",
	TrainSummaryHead:                  "%s（%s，间隔 %s）训练 %s 步后",
	TrainSummaryHeadNoMargin:          "%s（%s）训练 %s 步后",
	TrainSummaryHeadLoss:              "%s（间隔 %s）训练 %s 步后",
	TrainSummaryHeadLossNoMargin:      "%s 训练 %s 步后",
	"train.loss-name.contrastive":     "对比损失",
	"train.loss-name.batch-all":       "batch-all 三元组损失",
	"train.loss-name.batch-hard":      "batch-hard 三元组损失",
	"train.loss-name.semi-hard":       "semi-hard 三元组损失",
	"train.loss-name.batch-hard-soft": "batch-hard 软间隔三元组损失",
	"train.loss-name.infonce":         "InfoNCE",
	TrainSummaryRow:                   "%s：%s → %s",
	TrainCollapsedAt:                  "  最晚在第 %s 步已经坍缩：在打印出的各步中，这是平均成对距离首次低于起始值 1%% 的一步",
	TrainNotCollapse:                  "  打印出的各步中没有坍缩",
	TrainYes:                          "是",
	TrainNo:                           "否",
	TrainLoss:                         "损失",
	TrainAUC:                          "AUC",
	TrainActive:                       "激活",
	TrainMeanPos:                      "同类平均 d",
	TrainMeanNeg:                      "异类平均 d",
	TrainMeanDist:                     "平均成对距离",
	TrainGradNorm:                     "梯度范数 |∂L/∂θ|",
	TrainDiverged:                     "嵌入在第 %s 步发散（某个参数超过 %s 或不再是有限数）：请改用小于 %s 的 --lr",

	TrainModeHeader:          "%s · 模型 %s · lr %s · 批大小 %s · 种子 %s",
	TrainModeHeaderNorm:      "%s · 模型 %s（单位圆上）· lr %s · 批大小 %s · 种子 %s",
	TrainModeHeaderShort:     "%s · %s · lr %s · 批 %s · 种子 %s",
	TrainModeHeaderNormShort: "%s · %s（单位圆）· lr %s · 批 %s · 种子 %s",
	TrainHelpTitle:           "按键 · ? 关闭",
	TrainModePlaying:         "▶ 每帧 %s 步",
	TrainModePaused:          "⏸ 已暂停",
	TrainPaneMargin:          "%s，间隔 %s",
	TrainPaneNoMargin:        "%s，无间隔",
	TrainPaneFixedBase:       "%s，固定 λ = %s",
	TrainPaneRun:             "%s：%s",
	TrainPaneStep:            "第 %s 步 · 损失 %s",
	TrainPaneAUC:             "AUC %s · 激活 %s",
	TrainPaneMeans:           "平均 d：同类 %s · 异类 %s",
	TrainLegendMargin:        "█ 同类 ░ 异类 ▓ 两者 · m 间隔",
	TrainLegend:              "█ 同类 ░ 异类 ▓ 两者",
	TrainLossCaption:         "损失（最高 %s）· |∂L/∂θ| %s",
	TrainHintStart:           "按空格开始训练。直方图显示同类样本对（█）与异类样本对（░）的距离。",
	TrainHintPaused:          "暂停在第 %s 步。按空格继续，n 走一步，r 回到起点。",
	TrainHintPlaying:         "训练中。按空格暂停。",
	TrainCollapseInSlow:      "%s 在第 %s 步坍缩：按 w 离开慢速模式即可看到原因。",
	TrainCollapseMargin:      "%s 在第 %s 步坍缩：间隔为 0 时，把所有距离一起缩小就会降低损失，把所有点放到同一处不花任何代价（损失现为 %s），所以梯度下降缩小嵌入，而不是把各类推开（|∂L/∂θ|=%s）。大于 0 的间隔会让这个位置有代价。",
	TrainCollapseHard:        "%s 在第 %s 步坍缩：%s 为每个锚点配上最近的负样本；所有点共用一个映射时，早期代价最小的一步是把所有距离一起缩小（平均距离现为 %s）。损失为 %s（|∂L/∂θ|=%s）。半困难挖掘或 free 模型可以避免这种情况。",
	TrainCollapseOther:       "%s 在第 %s 步坍缩：平均成对距离降到 %s，低于起始值（%s）的 1%%；损失 %s（|∂L/∂θ|=%s）。",
	TrainCollapsePaused:      "播放在坍缩处停止。按空格继续，r 回到起点。",
	TrainErrorLine:           "✗ %s",
	TrainModeDiverged:        "✗ 训练在第 %s 步发散：某个参数超过 %s 或不再是有限数。按 ↓ 把学习率（现为 %s）减半，训练将从第 0 步重新开始。",

	TrainKeyPlay:            "播放/暂停",
	TrainKeyStep:            "走一步",
	TrainKeyFaster:          "每帧更多步",
	TrainKeySlower:          "每帧更少步",
	TrainKeyReset:           "回到第 0 步",
	TrainKeyReseed:          "换种子",
	TrainKeyLoss:            "下一个损失",
	TrainKeyCompare:         "比较：下一个/关",
	TrainKeyModel:           "下一个模型",
	TrainKeyData:            "下一个数据集",
	TrainKeyNormalize:       "单位圆",
	TrainKeyMarginDown:      "间隔 −0.1",
	TrainKeyMarginUp:        "间隔 +0.1",
	TrainKeyLeftMarginDown:  "左侧间隔 −0.1",
	TrainKeyLeftMarginUp:    "左侧间隔 +0.1",
	TrainKeyRightMarginDown: "右侧间隔 −0.1",
	TrainKeyRightMarginUp:   "右侧间隔 +0.1",
	TrainKeyLRDown:          "lr ÷2",
	TrainKeyLRUp:            "lr ×2",
	TrainKeyMode:            "演练场",
	TrainKeyHelp:            "按键",
	TrainKeyQuit:            "退出",
	TrainKeyShortPlay:       "播放",
	TrainKeyShortStep:       "一步",
	TrainKeyShortReset:      "重置",
	TrainKeyShortLoss:       "损失",
	TrainKeyShortCompare:    "比较",
	TrainKeyShortHelp:       "按键",
	TrainKeyShortQuit:       "退出",
}
