package tuitest

import (
	"losslab/scenarios/curriculum"
	"regexp"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"losslab/scenarios"
)

// ChartGlyphs matches runs of heatmap shades, zone lines and markers: chart
// drawing, not words.
var ChartGlyphs = regexp.MustCompile(`^[.:\-=+*#%@/APN◆]+$`)

// allowedLatin are the words a Chinese screen may show in Latin letters:
// formula functions, key names, the program's name, the names of methods
// and papers, and the batch statistics' standard names. Single letters
// (d, a, p, n, m, L, y, keys) are symbols and always allowed, and so are
// the geometry chart's markers run together (AP, NAP).
var allowedLatin = map[string]bool{
	"max": true, "softplus": true, "losslab": true,
	"space": true, "enter": true, "esc": true, "tab": true, "ctrl": true, "q/esc": true,
	"a-p": true, "a-n": true, "FaceNet": true, "Hermans": true,
	"SVG": true, // the format a figure key writes
	"AUC": true, "batch-all": true, "batch-hard": true, "semi-hard": true, "InfoNCE": true, "NT-Xent": true, "softmax": true,
	"torch.nn.TripletMarginLoss": true, "pytorch-metric-learning": true, "TripletMarginLoss": true, "L2": true,
	"core/loss": true,
	// Libraries, papers and their APIs the lesson on conventions names.
	"PyTorch": true, "HingeEmbeddingLoss": true, "TensorFlow": true, "Addons": true, "contrastive_loss": true,
	"Hadsell": true, "ContrastiveLoss": true,
}

var latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_./-]*[A-Za-z0-9]|[A-Za-z]`)

// quotedNames are texts quoted whole, English words and all: the preset
// names and the course's teaching points (identifiers), the course's
// command and the article's title as it was published.
func quotedNames() []string {
	var names []string
	for _, s := range scenarios.Presets() {
		names = append(names, s.Name)
	}
	names = append(names, curriculum.TeachingPoints()...)
	return append(names, "losslab learn", "如何设计loss使得两个分布的差异更大")
}

// EnglishWords returns the Latin words of screen text v that are neither
// allowed nor in extra: on a Chinese screen, the English that should not
// be there.
func EnglishWords(v string, extra []string) []string {
	text := ansi.Strip(v)
	for _, n := range quotedNames() {
		text = strings.ReplaceAll(text, n, " ")
	}
	var out []string
	for _, word := range latinWord.FindAllString(text, -1) {
		if len(word) == 1 || allowedLatin[word] || slices.Contains(extra, word) || ChartGlyphs.MatchString(word) {
			continue
		}
		out = append(out, word)
	}
	return out
}
