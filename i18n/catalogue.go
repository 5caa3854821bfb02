package i18n

// Each area of the interface keeps its messages in a file of its own
// (messages_AREA.go: the IDs, then the English texts); catalogue.go joins
// them. Adding an area is one file plus one line in each list below.

var englishAreas = []map[ID]string{
	commonEN,
	lossEN,
	playgroundEN,
	scenariosEN,
	cliEN,
	tuiEN,
	langEN,
	trainEN,
	trainModeEN,
	trainKeysEN,
	lessonsEN,
	lessonFileEN,
	lessonMistakesEN,
	courseEN,
	batchEN,
	dataEN,
	shareEN,
	sharePanelEN,
	shareFigEN,
	shareCLIEN,
	shareServeEN,
	shareServeCLIEN,
	shareTrainFigEN,
	trainSlowEN,
	lessonTrainEN,
	trainHeldEN,
	trainNoiseEN,
	trainPickEN,
	pointsEN,
}

var english = join(englishAreas...)

// chineseAreas are the Chinese texts, one file per area
// (messages_AREA_zh.go); TestEveryLanguageIsComplete keeps them complete. A
// lookup still falls back to English, so an ID added without its Chinese
// text shows in English rather than as nothing.
var chineseAreas = []map[ID]string{
	commonZH,
	lossZH,
	playgroundZH,
	scenariosZH,
	cliZH,
	tuiZH,
	langZH,
	trainZH,
	lessonsZH,
	lessonFileZH,
	lessonMistakesZH,
	courseZH,
	batchZH,
	dataZH,
	shareZH,
	sharePanelZH,
	shareFigZH,
	shareCLIZH,
	shareServeZH,
	shareServeCLIZH,
	shareTrainFigZH,
	trainSlowZH,
	lessonTrainZH,
	trainHeldZH,
	trainNoiseZH,
	trainPickZH,
	pointsZH,
}

var chinese = join(chineseAreas...)

// join merges the per-area tables; an ID defined twice is a programming
// error caught by TestNoDuplicateIDs (join keeps the last).
func join(parts ...map[ID]string) map[ID]string {
	out := make(map[ID]string)
	for _, p := range parts {
		for id, s := range p {
			out[id] = s
		}
	}
	return out
}

// duplicateIDs returns IDs that more than one area table defines.
func duplicateIDs(parts ...map[ID]string) []ID {
	seen := make(map[ID]bool)
	var dup []ID
	for _, p := range parts {
		for id := range p {
			if seen[id] {
				dup = append(dup, id)
			}
			seen[id] = true
		}
	}
	return dup
}
