package common

import "github.com/charmbracelet/lipgloss"

// The palette: every colour the interface draws text in, each a pair that
// lipgloss picks from by the terminal's background. Each pair is chosen for
// contrast on its background: the Light colour is dark enough to read on a
// light terminal, the Dark colour light enough on a dark one (the dim grey
// is #6C6C6C on white, 5.3:1, and #8A8A8A on black, 6.0:1; the other way
// round it was 3.5:1 and 4.0:1, under WCAG's 4.5:1 for text). Every state
// is also written in glyphs and words, so NO_COLOR loses nothing but colour.
var (
	colorAccent   = lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#B59CFF"} // titles, selection, messages
	colorDim      = lipgloss.AdaptiveColor{Light: "#6C6C6C", Dark: "#8A8A8A"} // secondary text, help
	colorError    = lipgloss.AdaptiveColor{Light: "#B00020", Dark: "#FF6B6B"} // errors; the hard regime
	colorSemiHard = lipgloss.AdaptiveColor{Light: "#8A5A00", Dark: "#FFC857"}
	colorEasy     = lipgloss.AdaptiveColor{Light: "#1B7F3B", Dark: "#6BD68A"}
	colorPositive = lipgloss.AdaptiveColor{Light: "#0057B8", Dark: "#6CB6FF"} // the a-p pair; curves
	colorNegative = lipgloss.AdaptiveColor{Light: "#C2410C", Dark: "#FF9E64"} // the a-n pair
	colorBorder   = lipgloss.AdaptiveColor{Light: "#9A9AB0", Dark: "#5C5C78"} // panel frames, drawn faint on purpose
	colorStrong   = lipgloss.AdaptiveColor{Light: "#000000", Dark: "#FFFFFF"} // the text colour itself, apart from every class colour
)

// classColors colour a data set's classes, one each (the digits have 10):
// the pair colours first, then others as far apart as the pairs allow.
var classColors = []lipgloss.AdaptiveColor{colorPositive, colorNegative, colorEasy,
	{Light: "#8E24AA", Dark: "#D18CFF"}, colorSemiHard, {Light: "#00838F", Dark: "#5FE0E0"}, colorError,
	{Light: "#5D4037", Dark: "#C8A27A"}, {Light: "#37474F", Dark: "#B0BEC5"}, {Light: "#AD1457", Dark: "#FF8AC4"}}

// heatColors shade the heatmap from its lowest value to its highest; they
// are backgrounds, with a character ramp in their place under NO_COLOR.
var heatColors = []lipgloss.Color{"#0b1a3a", "#1f2f6b", "#3b3f99", "#6a3fa8", "#9c3f9f", "#c8478a", "#e8606b", "#f8864b", "#fbb73e", "#f5e663"}

// heatLine draws the regime lines over the heatmap's dark-to-bright shades.
const heatLine = lipgloss.Color("#FFFFFF")

// progressColor fills the batch view's progress bar.
const progressColor = "#7D56F4"
