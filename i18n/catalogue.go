package i18n

// Each area of the interface keeps its messages in a file of its own
// (messages_AREA.go: the IDs, then the English texts); catalogue.go joins
// them. Adding an area is one file plus one line in each list below.

var englishAreas = []map[ID]string{
	commonEN,
	lossEN,
	truthEN,
	scenEN,
	cliEN,
	tuiEN,
	batchEN,
}

var english = join(englishAreas...)

// chinese is empty until the Chinese interface lands; lookups fall back to
// English.
var chinese = join()

func tables(l Lang) map[ID]string {
	if l == Chinese {
		return chinese
	}
	return english
}

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
