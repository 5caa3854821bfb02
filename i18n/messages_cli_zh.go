package i18n

// Command names, flag names and flag values stay as they are: they are what
// the user types.
var cliZH = map[ID]string{
	CLIUsage: `losslab：对比损失与三元组损失的演练场

用法：
  losslab [--scenario NAME|FILE | --state STR] [--points]
      打开交互式演练场（不在终端中时输出纯文本）；--points 以点模式打开：
      锚点、正样本和负样本是可以移动的点
  losslab COMMAND [flags] [arguments]
      选项可以写在参数之前或之后
  losslab help [COMMAND]
      显示本说明，或某个命令的选项
  losslab --version
      显示版本

命令：`,
	CLICommandLine: "  %s  %s",
	CLIUsageTail:   "运行 'losslab help COMMAND' 查看命令的选项。",

	CLISummaryEval:      "计算一个三元组的所有损失（给出距离或向量）",
	CLISummaryScenarios: "列出预设场景",
	CLISummaryReplay:    "逐一打印场景的每个状态及两种损失",
	CLISummaryBatch:     "一批带标签嵌入的损失、挖掘与距离分布",

	CLISynopsisEval: `用法：losslab eval [flags]

为一个锚点、正样本和负样本计算对比损失、三元组损失、它们的变体和梯度；
输入可以是两个距离（--dap、--dan），也可以是三个向量（--anchor、--positive、
--negative），向量之间的距离由 --distance 决定。

距离和间隔是 0 到 1e150 之间的有限数（损失要对它们取平方，再大的数平方后就
超出了浮点数的范围）。标签为 same（同类）或 different（异类）；s 和 1 也表示
same，diff、d 和 0 也表示 different。

示例：
  losslab eval                                  # 原文的 0.7 / 0.5 / 0.2
  losslab eval --dap 0.1 --dan 0.6 --margin 0
  losslab eval --anchor 0,0 --positive 0.7,0 --negative 0.5,0 --json`,
	CLISynopsisScenarios: `用法：losslab scenarios [--json]

列出预设场景。用 'losslab --scenario NAME' 打开，或用 'losslab replay NAME'
回放。`,
	CLISynopsisReplay: `用法：losslab replay [--json] NAME|FILE

逐一打印场景的每个状态（第 0 步是初始状态），包括各个值和两种损失。NAME 是
预设名（'losslab scenarios' 会列出它们）；FILE 是场景文件（.toml）。--json
输出 JSON Lines：每个状态一个对象，键与 'losslab eval --json' 相同，另加
"step" 和 "note"。`,
	CLISynopsisBatch: `用法：losslab batch (--in FILE [--labels METADATA] | --demo NAME) [flags]

读入一批带标签的嵌入，报告每种批次损失（所有样本对上的对比损失、batch-all、
batch-hard 及其软间隔形式、TF Addons 的 semi-hard），简单 / 半困难 / 困难
三元组的统计，以及同类样本对与异类样本对的距离分得有多开（ROC AUC、最佳阈值、
两组直方图）。在终端中会打开交互视图；--json 或 --plain 改为直接输出（二者只能
选一个）。

输入：CSV 或 TSV 文件（按扩展名或 --format 判断），数值列是嵌入，标签列由
--label-col 指定，否则取名为 "label" 的列，再否则取最后一列；会自动识别表头。
也可以是 Embedding Projector 的一对文件：--in vectors.tsv --labels
metadata.tsv。或者使用示例数据：--demo iris（Fisher 1936，150 × 4）或
--demo digits（UCI，1797 × 64）。

示例：
  losslab batch --demo iris --plain
  losslab batch --in embeddings.csv --distance cosine --margin 0.5 --json
  losslab batch --in vectors.tsv --labels metadata.tsv --normalize`,

	CLIFlagsHeading: "选项：",
	CLIFlagDefault:  "（默认 %s）",
	CLIMetaNumber:   "数值",
	CLIMetaInt:      "整数",
	CLIMetaUint:     "整数",
	CLIMetaString:   "文本",
	CLIMetaName:     "名称",
	CLIMetaLabel:    "标签",
	CLIMetaVector:   "向量",

	CLIVersion:         "losslab %[1]s（由 %[2]s 构建）",
	CLIVersionCommit:   "losslab %[1]s，提交 %[3]s，时间 %[4]s（由 %[2]s 构建）",
	CLIVersionRevision: "losslab %[1]s，提交 %[3]s（由 %[2]s 构建）",

	CLIFlagHelp:          "显示本帮助",
	CLIFlagVersion:       "显示版本后退出",
	CLIFlagScenario:      "打开时载入这个预设或场景 `NAME|FILE`",
	CLIFlagDAP:           "锚点与正样本之间的距离 d(a,p)",
	CLIFlagDAN:           "锚点与负样本之间的距离 d(a,n)",
	CLIFlagMargin:        "间隔 m ≥ 0",
	CLIFlagYAP:           "样本对 (a,p) 的标签：same|different（或 s、1 | diff、d、0）",
	CLIFlagYAN:           "样本对 (a,n) 的标签：same|different（或 s、1 | diff、d、0）",
	CLIFlagAnchor:        "锚点向量，各分量用逗号分隔（代替 --dap/--dan）",
	CLIFlagPositive:      "正样本向量，各分量用逗号分隔",
	CLIFlagNegative:      "负样本向量，各分量用逗号分隔",
	CLIFlagDistance:      "向量之间的距离：euclidean|sqeuclidean|manhattan|cosine",
	CLIFlagEvalJSON:      "输出一个 JSON 对象而不是文本",
	CLIFlagScenariosJSON: "输出 JSON 数组而不是表格",
	CLIFlagReplayJSON:    "输出 JSON Lines，每个状态一个对象",
	CLIFlagBatchIn:       "嵌入文件 `FILE`（CSV 或 TSV，可以用 gzip 压缩；- 表示标准输入；与 --labels 一起使用时为 vectors.tsv）",
	CLIFlagBatchLabels:   "Embedding Projector 的 `METADATA` 文件（metadata.tsv），含 --in 的标签",
	CLIFlagBatchFormat:   "`csv|tsv`（默认：按 --in 的扩展名）",
	CLIFlagBatchLabelCol: "标签列的列名 `NAME`（默认：\"label\"，否则取最后一列）",
	CLIFlagBatchDemo:     "使用自带的数据集代替 --in：`iris|digits`",
	CLIFlagBatchDistance: "距离：euclidean|sqeuclidean|manhattan|cosine",
	CLIFlagBatchMargin:   "间隔 m ≥ 0",
	CLIFlagBatchNorm:     "先把每一行做 L2 归一化（FaceNet 和 pytorch-metric-learning 都这样做）",
	CLIFlagBatchJSON:     "输出一个 JSON 对象",
	CLIFlagBatchPlain:    "即使在终端中也输出文本报告",
	CLIFlagBatchBins:     "直方图的区间数（1 到 1000），区间等宽、从 0 开始；文本报告最多显示 15 个区间，合并相邻区间时会注明",

	CLIEvalInvalidAnyway: "（上面的三元组损失值仍按距离算出）",

	CLIErrorLine:           "%s：%s",
	CLIErrUnknownCommand:   "未知的命令 %q（运行 'losslab help' 查看命令列表）",
	CLIErrUnknownFlag:      "未知的选项 %s（运行 '%s --help' 查看选项）",
	CLIErrSingleDash:       "未知的选项 %s：选项要用两个短横线，例如 %s",
	CLIErrNeedsValue:       "--%s 需要一个值",
	CLIErrBadValue:         "--%s：%s",
	CLIErrBadSyntax:        "选项 %q 的写法不对",
	CLIErrNoValueWanted:    "--%s 不接受值（收到 %q）",
	CLIErrUnexpectedArg:    "多余的参数 %q",
	CLIErrConflict:         "%s 与 %s 冲突：只能给出其中一个",
	CLIErrDistancesVectors: "%s 与 %s 冲突：请给出距离或向量，不要同时给出",
	CLIErrVectorMissing:    "缺少 %s：使用向量时需要 --anchor、--positive 和 --negative",
	CLIErrDistanceNoVecs:   "--distance 只作用于向量：请给出 --anchor、--positive 和 --negative",
	CLIErrNotInteger:       "%q 不是范围内的整数",
	CLIErrNotFinite:        "%q 不是有限数",
	CLIErrNegative:         "%s 必须 ≥ 0",
	CLIErrTooLarge:         "%s 太大：最多为 %s，因为损失会对它取平方",
	CLIErrEmptyVector:      "空向量：请给出用逗号分隔的数字，例如 0.7,0",
	CLIErrComponent:        "第 %d 个分量：%s",
	CLIErrFlagProblem:      "%s：%s",
	CLIErrZeroVector:       "零向量没有方向，所以它的余弦距离没有定义",
	CLIErrVectorUnderflow:  "它的长度在 float64 中下溢为 0，所以无法计算余弦距离",
	CLIErrLengths:          "有 %d 个分量，但 %s 有 %d 个",
	CLIErrPairTooFar:       "%s 与 %s 相距太远：它们的%s %s 超过了 %s，而损失要对它取平方",
	CLIErrPairOverflow:     "%s 与 %s：它们的%s超出了 float64 的范围，无法计算",
	CLIErrLossNotFinite:    "%s：对于这些输入不是有限数",
	CLIErrWrite:            "无法写出结果：%v",
	CLIErrJSONEncode:       "--json：无法写出结果：%s",
	CLIErrMissingScenario:  "缺少场景：请给出预设名或 .toml 文件（'losslab scenarios' 会列出预设）",
	CLIErrOneScenario:      "多余的参数 %q：replay 只接受一个场景",
	CLIErrScenarioFlag:     "--scenario：%s",
	CLIErrListen:           "无法在 %[1]s 上监听（系统信息：%[2]s）",
	CLIErrBins:             "--bins %d：应为 1 到 1000",
	CLIErrHelpTakesOne:     "多余的参数 %q：help 只接受一个命令",
	CLIErrUnknownMetricVal: "%q 不是距离：应为 %s",
	CLIErrUnknownHelpTopic: "没有 %q 的帮助：它不是命令（运行 'losslab help' 查看命令列表）",
	CLIErrDemoConflict:     "--demo 与 --in、--labels 冲突：只能给出一种输入",
	CLIErrDemoFormat:       "--format 和 --label-col 只用于 --in，不用于 --demo",
	CLIErrNoInput:          "没有输入：请给出 --in FILE 或 --demo iris|digits",
	CLIErrProjectorTSV:     "--format：Embedding Projector 的两个文件都是 TSV 格式",
	CLIErrStdinTwice:       "--in - 与 --labels - 不能都从标准输入读取：请把其中一个作为文件给出",
	CLIErrNoStdin:          "%s -：没有标准输入",
	CLIErrStdinFormat:      "--in -：从标准输入读取时，请用 --format csv|tsv 指明格式",
	CLIErrTooManyRows:      "超过 %[1]s 行（上限；可用 --max-rows 提高）",
	CLIErrTooMuchData:      "已读取的嵌入和标签超过了 %[1]s（--max-memory %[2]s 的四分之一）：要读取更多数据，请提高 --max-memory",
	CLIErrNotFont:          "%s 不是 TrueType 或 OpenType 字体文件",
	CLIErrFigureFormat:     "%q 不是图片格式：应为 .svg、.png 或 .pdf",
	CLIErrJSONNotFinite:    "--json：%[1]s 的值为 %[2]s，JSON 无法表示",
}
