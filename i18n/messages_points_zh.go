package i18n

var pointsZH = map[ID]string{
	PointsFar:    "点 %s 离原点 %s，平面只到 %s",
	PointsOrigin: "点 %s 在原点上，余弦距离读不出它的方向",
	PointsApart:  "d(a,%s) = %s，超过演练场的上限 %s",
	PointsMetric: "点只用欧氏距离或余弦距离来读",

	StateReasonMetric:      "点模式的距离写 e（欧氏）或 c（余弦）",
	StateReasonCoordinate:  "不是坐标：应为 -5 到 5 之间、至多十二位小数的普通小数",
	StateReasonNeedsPoints: "坐标前面要有点模式（pts）",
	StateReasonDerived:     "由点（pts）得出，状态串不写它",
	StateReasonPoints:      "%s",

	ScenPointsDerived:   "设置了点的步中，%s 由点得出：请删去它",
	ScenPointsType:      "points 必须是字符串（\"euclidean\"、\"cosine\" 或 \"off\"），而不是%s",
	ScenPointsValue:     "points 只能是 \"euclidean\"、\"cosine\" 或 \"off\"，不能是 %q",
	ScenPointsOffCoords: "points = \"off\" 表示离开点模式：同一步里不能再设坐标",
	ScenPointsNeeded:    "%s 需要点模式：请先设 points = \"euclidean\" 或 \"cosine\"",
	ScenCoordinate:      "%s 必须是 -5 到 5 之间、至多十二位小数的数",
	ScenPointsRefused:   "%s",
}
