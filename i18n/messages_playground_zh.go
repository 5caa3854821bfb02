package i18n

// The playground's explanations in Chinese. Each sentence claims exactly
// what its English text claims, so the condition table in explain/explain.go
// that makes the English true makes these true too.
var playgroundZH = map[ID]string{
	ExplainHingeActive:   "● 铰链激活",
	ExplainHingeInactive: "○ 铰链未激活",
	ExplainRegimeHard:    "困难负样本",
	ExplainRegimeSemi:    "半困难负样本",
	ExplainRegimeEasy:    "简单负样本",
	ExplainInvalidMark:   "（无效）",

	ExplainHardStrict:       "负样本比正样本更近，所以 L > m；推力与其他激活的三元组相同，都是 ±1",
	ExplainHardStrictShort:  "比正样本更近：L > m，推力同为 ±1",
	ExplainCollapse:         "坍缩，a = p = n：L 恰好等于 m，但对嵌入的梯度为 0",
	ExplainCollapseShort:    "坍缩：L = m，但 ∂L/∂a = ∂L/∂p = ∂L/∂n = 0",
	ExplainTieActive:        "与正样本一样近（持平）：L 恰好等于 m，推力同为 ±1",
	ExplainTieActiveShort:   "持平，d(a,n) = d(a,p)：L 恰好等于 m",
	ExplainTieInactive:      "与正样本一样近（持平）且 m = 0：L = 0，没有任何推力",
	ExplainTieInactiveShort: "持平且 m = 0：L = 0，没有推力",
	ExplainSemiHard:         "比正样本远，但仍在间隔之内：0 < L < m，推力同为 ±1",
	ExplainSemiHardShort:    "在间隔之内：0 < L < m，推力同为 ±1",
	ExplainEasyEdge:         "恰好在间隔边界上，d(a,n) = d(a,p) + m：L = 0，没有梯度",
	ExplainEasyEdgeShort:    "在边界 d(a,n) = d(a,p) + m 上：L = 0",
	ExplainEasyBeyond:       "在间隔之外，d(a,n) > d(a,p) + m：L = 0，没有梯度",
	ExplainEasyBeyondShort:  "在间隔之外：L = 0，没有梯度",
	ExplainInvalidBoth:      "✗ 不是三元组：正样本标为异类，负样本标为同类",
	ExplainInvalidPositive:  "✗ 不是三元组：正样本标为异类",
	ExplainInvalidNegative:  "✗ 不是三元组：负样本标为同类",
	ExplainInvalidBothShort: "✗ 不是三元组：p 异类，n 同类",
	ExplainInvalidPosShort:  "✗ 不是三元组：正样本标为异类",
	ExplainTripletGrads:     "∂L/∂d(a,p) = %s   ∂L/∂d(a,n) = %s",

	ExplainPull:          "拉近",
	ExplainPush:          "推开",
	ExplainPairActive:    "● 激活",
	ExplainPairInactive:  "○ 未激活",
	ExplainPairGrad:      "∂L/∂d = %s",
	ExplainLabelSame:     "同类",
	ExplainLabelDiff:     "异类",
	ExplainContrastMean:  "均值 = (%s + %s) / 2 = %s",
	ExplainMarginMeaning: "同一个间隔，两种含义：对比损失要求 d(a,n) ≥ m，间隔是围绕锚点的绝对半径；三元组损失要求 d(a,n) ≥ d(a,p) + m，间隔是相对于正样本的差距。",

	VariantValue:       "%s %s",
	VariantValueRegime: "%s %s（%s）",
	VariantFull:        "%s：%s = %s",
	VariantFullRegime:  "%s：%s = %s（%s）",

	HintInvalidBoth:      "正样本标为异类、负样本标为同类：挖掘器永远不会组成这样的三元组，但对比损失仍按标签计算每一对的损失。",
	HintInvalidPositive:  "正样本标为异类：挖掘器永远不会组成这样的三元组，但对比损失仍把 (a,p) 当作应至少相距 m 的一对来计算损失。",
	HintInvalidNegative:  "负样本标为同类：挖掘器永远不会组成这样的三元组，但对比损失仍把 (a,n) 当作应拉近的一对来计算损失。",
	HintCollapseNoMargin: "没有间隔时的坍缩：a、p、n 位于同一点，代价为零。这正是需要间隔的原因。",
	HintCollapse:         "坍缩：a、p、n 位于同一点。三元组损失恰好等于 m（与所有持平的情况一样）；在 d = 0 处取次梯度 0，对嵌入的梯度为 0（%s）。这是驻点而不是极小点：把 n 移开，损失就会下降。",
	HintCollapseGrad:     "∂L/∂a = %s，∂L/∂p = %s，∂L/∂n = %s",
	HintTieActive:        "持平：d(a,n) = d(a,p)，所以三元组损失恰好等于 m。批次损失停在 m，提示模型可能没有把正样本和负样本分开。",
	HintTieInactive:      "没有间隔的持平：三元组损失为 0，没有任何力量把负样本推开。",
	HintNoMarginEasy:     "没有间隔：只要 d(a,n) ≥ d(a,p)，无论差距多小，三元组约束就已满足；坍缩的状态也没有任何代价。",
	HintHardOnlyTriplet:  "负样本比正样本更近：三元组损失推开它；对比损失不推，因为 d(a,n) ≥ m。",
	HintHardBoth:         "负样本比正样本更近，并且在半径 m 之内：两种损失都把它推开。",
	HintSemiOnlyTriplet:  "负样本在三元组的间隔之内，但在半径 m 之外：只有三元组损失推开它。",
	HintSemiBoth:         "负样本在三元组的间隔之内，也在半径 m 之内：两种损失都把它推开。",
	HintEasyPulling:      "简单三元组：三元组损失为 0，也没有梯度。对比损失仍在把正样本拉近（½d²，∂L/∂d = d）。",
	HintEasyNothing:      "简单三元组，且正样本与锚点重合：两种损失都已无事可做。",
	HintPrefix:           "提示：%s",

	PanelControls:     "控制",
	PanelTriplet:      "三元组损失",
	PanelContrastive:  "对比损失",
	HeaderPaused:      "⏸ 已暂停",
	HeaderPlaying:     "▶ 播放中",
	HeaderReplay:      "%s · 第 %d/%d 步 · 速度 ×%s",
	HeaderReplayShort: "%s %d/%d ×%s",
	HeaderEdited:      " · 已修改",
	NoteTypeError:     "✗ %s · enter 重试，esc 取消",
	NoteTyping:        "输入 %s 的值后按 enter · esc 取消",
	HeaderArticle:     "原文的第一个例子",
	HeaderStartLesson: "按 g 进入课程，按 ] 浏览预设",
	HeaderStartShort:  "g 课程 · ] 预设",
	NotesMore:         "n：阅读全文",
	NotesVariants:     "这个状态下的其他损失：",
	VariantsMore:      "n：更多",
	VariantNoted:      "%[1]s；%[2]s",
	NotesTitle:        "说明 %d/%d · n 下一页，最后一页后关闭",
	NotesNoScenario:   "没有载入场景。按 ] 打开下一个预设场景，按 [ 打开上一个。",
	NotesStep:         "第 %d 步（共 %d 步）：",
	NotesStart:        "初始状态：",
	NotesDescription:  "关于这个场景：",

	HelpTitle:      "帮助 %d/%d",
	HelpFooter:     "←/→ 或 space：翻页 · esc 或 ?：关闭",
	HelpKeysHead:   "按键",
	HelpGlyphsHead: "符号",
	HelpTermsHead:  "术语",
	HelpNotesKey:   "说明：阅读完整的说明与简介",
	HelpGlyphs: `▸  当前选中的控制项
✎  正在输入数值；在说明行中表示场景的说明
●  激活：该项非零且有梯度；在图表 1 中表示当前状态
○  未激活：该项为 0，没有梯度
┊  图表上的边界：d(a,p)、d(a,p) + m 或 m
A P N  图表上的锚点、正样本、负样本
⣿ •  曲线：一条盲文点阵线，第二条曲线用 •，没有颜色也能区分
·  锚点周围半径为 m 的虚线圆（对比损失的间隔）
◆  热力图上的当前状态
/  热力图上的直线 d(a,n) = d(a,p) 与 d(a,n) = d(a,p) + m
热力图颜色：深蓝表示损失为 0，黄色表示最大损失
无颜色时，热力图用字符表示深浅：" .:-=+*#%@"，空白为 0，@ 为最大值
━─  控制项的值在其范围中的位置`,
	HelpTerms: `锚点 a、正样本 p（与锚点同类）、负样本 n（与锚点异类）；d(·,·) 是两者之间的距离。
铰链激活：d(a,p) − d(a,n) + m > 0，所以损失及其 ±1 梯度非零。
困难负样本：d(a,n) ≤ d(a,p)；损失至少为 m，推力仍是 ±1。
半困难负样本：d(a,p) < d(a,n) < d(a,p) + m；损失介于 0 与 m 之间。
简单负样本：d(a,n) ≥ d(a,p) + m；损失为 0，没有梯度。
在整个数据集上挖掘困难负样本会带来噪声很大的梯度（FaceNet）；单个三元组没有噪声。
间隔 m（原文称“阈值”）：对对比损失是围绕锚点的绝对半径；对三元组损失是在 d(a,p) 之外的差距。
软间隔三元组损失：softplus(d(a,p) − d(a,n))，没有 m（Hermans 等人，2017）；永远不会恰好为 0。
平方三元组损失（FaceNet）：max(d(a,p)² − d(a,n)² + m, 0)，在平方距离上有自己的难度划分。
铰链对比损失：y·d + (1−y)·max(m − d, 0)，即不取平方的对比损失。
对比损失：½d² 把同类的一对拉近；½max(m − d, 0)² 把异类的一对推到 m 之外。
原文《如何设计loss使得两个分布的差异更大》的三个例子：0.7/0.5/0.2 → 0.4；0.1/0.6/0.2 → 0；没有间隔时 0.7/0.5 → 0.2。
原文中 max(0.1−0.6, 0) = −0.5 应为 0：max 取两者中较大的一个。`,

	ChartTitleTriplet:     "三元组损失随 d(a,n) 的变化",
	ChartTitleContrastive: "单个样本对的对比损失随 d 的变化",
	ChartTitleHeatmap:     "三元组损失热力图（横轴 d(a,p)，纵轴 d(a,n)）",
	ChartTitleGeometry:    "锚点周围的几何关系",
	ChartTitleHistory:     "两种损失的变化历史",
	ChartPanelTitle:       "图表 %d/%d：%s · c 下一个",
	ChartZoneHard:         "困难",
	ChartZoneSemi:         "半困难",
	ChartZoneSemiShort:    "半困难",
	ChartZoneEasy:         "简单",
	ChartSameLegend:       "⣿ 同类：½d²",
	ChartDiffLegend:       "• 异类：½max(m − d, 0)²，在 d = 0 处取最大值 %s",
	ChartDiffLegendShort:  "• 异类：½max(m − d, 0)²",
	ChartHeatColour:       "颜色：深色 = 0 … 黄色 = %s · / 分区线 · ◆ 当前",
	ChartHeatRamp:         "字符 \"%s\"：空白 = 0 … @ = %s · / 分区线 · ◆ 当前",
	ChartHeatRampShort:    "\"%s\" 0 … %s · ◆ 当前",
	ChartHeatTooShort:     "行数太少，热力图无法看清：终端再增加 %[1]d 行，热力图就有 %[2]d 行。按 f 可把它存为矢量图（SVG）。",
	ChartGeomLegend:       "圆 d(a,p) = %s · 环 d(a,p) + m = %s（三元组，相对）· 虚线半径 m = %s（对比，绝对）",
	ChartGeomLegendShort:  "d(a,p) %s · 环 d(a,p)+m %s（三元组）· 半径 m %s（对比）",
	ChartGeomLegendTiny:   "d(a,p) %s · 环 %s · 半径 m %s",
	ChartGeomNoMargin:     "圆 d(a,p) = %s · m = 0 时没有环 d(a,p) + m，也没有半径 m 可画",
	ChartGeomNoMarginTiny: "圆 d(a,p) = %s · m = 0：没有环，没有半径",
	ChartHistoryStates:    "%s 个状态",
	ChartHistoryLegend:    "⣿ 三元组 · • 对比 · %s",

	"variant.name.contrastive":            "对比损失",
	"variant.short.contrastive":           "对比",
	"variant.formula.contrastive":         "½[y·d² + (1−y)·max(m − d, 0)²]，各对的均值",
	"variant.name.hinge-contrastive":      "铰链对比损失",
	"variant.short.hinge-contrastive":     "铰链对比",
	"variant.formula.hinge-contrastive":   "y·d + (1−y)·max(m − d, 0)，各对的均值",
	"variant.name.triplet":                "三元组损失",
	"variant.short.triplet":               "三元组",
	"variant.formula.triplet":             "max(d(a,p) − d(a,n) + m, 0)",
	"variant.name.squared-triplet":        "平方三元组损失（FaceNet）",
	"variant.short.squared-triplet":       "平方",
	"variant.formula.squared-triplet":     "max(d(a,p)² − d(a,n)² + m, 0)",
	"variant.name.soft-margin-triplet":    "软间隔三元组损失",
	"variant.short.soft-margin-triplet":   "软间隔",
	"variant.formula.soft-margin-triplet": "softplus(d(a,p) − d(a,n))（不含 m）",
}
