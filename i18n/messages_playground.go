package i18n

// Messages of the playground's explanations, notes panel, help screen and
// chart legends. Each explanatory sentence is shown only under the condition
// its table in explain/explain.go pairs it with; its grid test checks that the
// sentence is true there. Where a panel may be narrow, a sentence has a
// short form (…Short) that says less rather than being cut.
const (
	// Triplet panel: the hinge and the regime.
	ExplainHingeActive   ID = "explain.hinge.active"
	ExplainHingeInactive ID = "explain.hinge.inactive"
	ExplainRegimeHard    ID = "explain.regime.hard"
	ExplainRegimeSemi    ID = "explain.regime.semi-hard"
	ExplainRegimeEasy    ID = "explain.regime.easy"
	ExplainInvalidMark   ID = "explain.invalid-mark" // appended to the dimmed value of an invalid triplet

	// Triplet panel: what the regime means in this state.
	ExplainHardStrict       ID = "explain.meaning.hard-strict"
	ExplainHardStrictShort  ID = "explain.meaning.hard-strict.short"
	ExplainCollapse         ID = "explain.meaning.collapse"
	ExplainCollapseShort    ID = "explain.meaning.collapse.short"
	ExplainTieActive        ID = "explain.meaning.tie-active"
	ExplainTieActiveShort   ID = "explain.meaning.tie-active.short"
	ExplainTieInactive      ID = "explain.meaning.tie-inactive"
	ExplainTieInactiveShort ID = "explain.meaning.tie-inactive.short"
	ExplainSemiHard         ID = "explain.meaning.semi-hard"
	ExplainSemiHardShort    ID = "explain.meaning.semi-hard.short"
	ExplainEasyEdge         ID = "explain.meaning.easy-edge"
	ExplainEasyEdgeShort    ID = "explain.meaning.easy-edge.short"
	ExplainEasyBeyond       ID = "explain.meaning.easy-beyond"
	ExplainEasyBeyondShort  ID = "explain.meaning.easy-beyond.short"
	ExplainInvalidBoth      ID = "explain.meaning.invalid-both"
	ExplainInvalidPositive  ID = "explain.meaning.invalid-positive"
	ExplainInvalidBothShort ID = "explain.meaning.invalid-both.short"
	ExplainInvalidPosShort  ID = "explain.meaning.invalid-positive.short"
	ExplainInvalidNegative  ID = "explain.meaning.invalid-negative"
	ExplainTripletGrads     ID = "explain.triplet-grads" // %s ∂L/∂d(a,p), %s ∂L/∂d(a,n)

	// Contrastive panel.
	ExplainPull          ID = "explain.pair.pull"
	ExplainPush          ID = "explain.pair.push"
	ExplainPairActive    ID = "explain.pair.active"
	ExplainPairInactive  ID = "explain.pair.inactive"
	ExplainPairGrad      ID = "explain.pair.grad" // %s ∂L/∂d
	ExplainLabelSame     ID = "explain.label.same"
	ExplainLabelDiff     ID = "explain.label.different"
	ExplainContrastMean  ID = "explain.contrastive-mean" // %s a-p, %s a-n, %s mean
	ExplainMarginMeaning ID = "explain.margin-meaning"

	// Variants: "family name: value" with the regime where the loss has one.
	VariantValue       ID = "variant.value"        // %s name, %s value
	VariantValueRegime ID = "variant.value-regime" // %s name, %s value, %s regime
	VariantFull        ID = "variant.full"         // %s name, %s formula, %s value
	VariantFullRegime  ID = "variant.full-regime"  // %s name, %s formula, %s value, %s regime

	// The hint under the chart when no scenario note is showing.
	HintInvalidBoth      ID = "hint.invalid-both"
	HintInvalidPositive  ID = "hint.invalid-positive"
	HintInvalidNegative  ID = "hint.invalid-negative"
	HintCollapseNoMargin ID = "hint.collapse-no-margin"
	HintCollapse         ID = "hint.collapse"      // %s the embedding gradient
	HintCollapseGrad     ID = "hint.collapse-grad" // %s ∂L/∂a, ∂L/∂p, ∂L/∂n
	HintTieActive        ID = "hint.tie-active"
	HintTieInactive      ID = "hint.tie-inactive"
	HintNoMarginEasy     ID = "hint.no-margin-easy"
	HintHardOnlyTriplet  ID = "hint.hard-only-triplet"
	HintHardBoth         ID = "hint.hard-both"
	HintSemiOnlyTriplet  ID = "hint.semi-only-triplet"
	HintSemiBoth         ID = "hint.semi-both"
	HintEasyPulling      ID = "hint.easy-pulling"
	HintEasyNothing      ID = "hint.easy-nothing"
	HintPrefix           ID = "hint.prefix" // %s the hint

	// Panel titles, the header's replay state, the note line while typing.
	PanelControls     ID = "panel.controls"
	PanelTriplet      ID = "panel.triplet"
	PanelContrastive  ID = "panel.contrastive"
	HeaderPaused      ID = "header.paused"
	HeaderPlaying     ID = "header.playing"
	HeaderReplay      ID = "header.replay"       // %s paused/playing, %d step, %d last step, %s speed
	HeaderReplayShort ID = "header.replay-short" // %s ⏸ or ▶, %d step, %d last step, %s speed: HeaderReplay where room is short
	HeaderEdited      ID = "header.edited"       // after the name of what is shown, once its values were changed
	NoteTypeError     ID = "note.type-error"     // %s what is wrong
	NoteTyping        ID = "note.typing"         // %s the control

	// Header and notes.
	HeaderArticle     ID = "header.article"
	HeaderStartLesson ID = "header.start-lessons"
	HeaderStartShort  ID = "header.start-lessons.short"
	NotesMore         ID = "notes.more"
	NotesVariants     ID = "notes.variants" // heads the list of every other loss in full
	VariantsMore      ID = "variant.more"   // ends a variants line that shows only some: the notes show all
	VariantNoted      ID = "variant.noted"  // %[1]s the full line, %[2]s what it equals under other parameters
	NotesTitle        ID = "notes.title"    // %d page, %d pages
	NotesNoScenario   ID = "notes.no-scenario"
	NotesStep         ID = "notes.step" // %d step, %d last step
	NotesStart        ID = "notes.start"
	NotesDescription  ID = "notes.description"

	// Help screen.
	HelpTitle      ID = "helpscreen.title"  // %d page, %d pages
	HelpFooter     ID = "helpscreen.footer" // paging and closing keys
	HelpKeysHead   ID = "helpscreen.keys"
	HelpGlyphsHead ID = "helpscreen.glyphs"
	HelpTermsHead  ID = "helpscreen.terms"
	HelpNotesKey   ID = "helpscreen.key.notes"
	HelpGlyphs     ID = "helpscreen.glyph-lines"
	HelpTerms      ID = "helpscreen.term-lines"

	// Chart legends and titles.
	ChartTitleTriplet     ID = "chart.title.triplet"
	ChartTitleContrastive ID = "chart.title.contrastive"
	ChartTitleHeatmap     ID = "chart.title.heatmap"
	ChartTitleGeometry    ID = "chart.title.geometry"
	ChartTitleHistory     ID = "chart.title.history"
	ChartPanelTitle       ID = "chart.panel-title" // %d, %d, %s title
	ChartZoneHard         ID = "chart.zone.hard"
	ChartZoneSemi         ID = "chart.zone.semi-hard"
	ChartZoneSemiShort    ID = "chart.zone.semi-hard.short"
	ChartZoneEasy         ID = "chart.zone.easy"
	ChartSameLegend       ID = "chart.contrastive.same"
	ChartDiffLegend       ID = "chart.contrastive.different" // %s peak ½m²
	ChartDiffLegendShort  ID = "chart.contrastive.different.short"
	ChartHeatColour       ID = "chart.heat.colour"           // %s top value
	ChartHeatRamp         ID = "chart.heat.ramp"             // %s ramp, %s top value
	ChartHeatRampShort    ID = "chart.heat.ramp.short"       // %s ramp, %s top value
	ChartHeatTooShort     ID = "chart.heat.too-short"        // %[1]d more terminal rows from which it is readable, %[2]d heatmap rows it then has
	ChartGeomLegend       ID = "chart.geometry.legend"       // %s d(a,p), %s d(a,p)+m, %s m
	ChartGeomLegendShort  ID = "chart.geometry.legend.short" // %s d(a,p), %s d(a,p)+m, %s m
	ChartGeomLegendTiny   ID = "chart.geometry.legend.tiny"  // %s d(a,p), %s d(a,p)+m, %s m
	ChartGeomNoMargin     ID = "chart.geometry.no-margin"    // %s d(a,p)
	ChartGeomNoMarginTiny ID = "chart.geometry.no-margin.tiny"
	ChartHistoryStates    ID = "chart.history.states" // %s states (a count: see plural.go)
	ChartHistoryLegend    ID = "chart.history.legend" // %s the state count
)

// Display names and formulas of the registered losses, by loss ID: the view
// looks up VariantName(id) and friends, so a loss added to the registry
// shows with its own words once its texts are here (and with its ID before).
func VariantName(id string) ID    { return ID("variant.name." + id) }
func VariantShort(id string) ID   { return ID("variant.short." + id) }
func VariantFormula(id string) ID { return ID("variant.formula." + id) }

var playgroundEN = map[ID]string{
	ExplainHingeActive:   "● hinge active",
	ExplainHingeInactive: "○ hinge inactive",
	ExplainRegimeHard:    "hard negative",
	ExplainRegimeSemi:    "semi-hard negative",
	ExplainRegimeEasy:    "easy negative",
	ExplainInvalidMark:   "(invalid)",

	ExplainHardStrict:       "nearer than the positive, so L > m; the push is the same ±1 as for any active triplet",
	ExplainHardStrictShort:  "nearer than the positive: L > m, same ±1 push",
	ExplainCollapse:         "collapse, a = p = n: L = m exactly, yet the gradient with respect to the embeddings is 0",
	ExplainCollapseShort:    "collapse: L = m, but ∂L/∂a = ∂L/∂p = ∂L/∂n = 0",
	ExplainTieActive:        "as near as the positive (a tie): L = m exactly, the same ±1 push",
	ExplainTieActiveShort:   "a tie, d(a,n) = d(a,p): L = m exactly",
	ExplainTieInactive:      "as near as the positive (a tie) with m = 0: L = 0 and nothing pushes",
	ExplainTieInactiveShort: "a tie with m = 0: L = 0, nothing pushes",
	ExplainSemiHard:         "farther than the positive but inside the margin: 0 < L < m, the same ±1 push",
	ExplainSemiHardShort:    "inside the margin: 0 < L < m, same ±1 push",
	ExplainEasyEdge:         "exactly on the margin's edge, d(a,n) = d(a,p) + m: L = 0, no gradient",
	ExplainEasyEdgeShort:    "on the edge d(a,n) = d(a,p) + m: L = 0",
	ExplainEasyBeyond:       "beyond the margin, d(a,n) > d(a,p) + m: L = 0, no gradient",
	ExplainEasyBeyondShort:  "beyond the margin: L = 0, no gradient",
	ExplainInvalidBoth:      "✗ not a triplet: positive labelled different, negative same",
	ExplainInvalidPositive:  "✗ not a triplet: the positive is labelled different",
	ExplainInvalidNegative:  "✗ not a triplet: the negative is labelled same",
	ExplainInvalidBothShort: "✗ not a triplet: p is different, n same",
	ExplainInvalidPosShort:  "✗ not a triplet: positive labelled different",
	ExplainTripletGrads:     "∂L/∂d(a,p) = %s   ∂L/∂d(a,n) = %s",

	ExplainPull:          "pull",
	ExplainPush:          "push",
	ExplainPairActive:    "● active",
	ExplainPairInactive:  "○ inactive",
	ExplainPairGrad:      "∂L/∂d = %s",
	ExplainLabelSame:     "same",
	ExplainLabelDiff:     "different",
	ExplainContrastMean:  "mean = (%s + %s) / 2 = %s",
	ExplainMarginMeaning: "one margin, two meanings: contrastive wants d(a,n) ≥ m, an absolute radius around the anchor; triplet wants d(a,n) ≥ d(a,p) + m, a gap relative to the positive.",

	VariantValue:       "%s %s",
	VariantValueRegime: "%s %s (%s)",
	VariantFull:        "%s %s: %s",
	VariantFullRegime:  "%s %s: %s, %s",

	HintInvalidBoth:      "the positive is labelled different and the negative same: a miner would never form this triplet, yet contrastive still scores each pair by its label.",
	HintInvalidPositive:  "the positive is labelled different: a miner would never form this triplet, yet contrastive still scores (a,p) as a pair to keep m apart.",
	HintInvalidNegative:  "the negative is labelled same: a miner would never form this triplet, yet contrastive still scores (a,n) as a pair to pull together.",
	HintCollapseNoMargin: "collapse with no margin: a, p and n at one point cost nothing. This is why the margin matters.",
	HintCollapse:         "collapse: a, p and n at one point. The triplet loss is exactly m, as at every tie; with the subgradient 0 where d = 0, the gradient with respect to the embeddings is 0 (%s). A stationary point, not a minimum: moving n away lowers the loss.",
	HintCollapseGrad:     "∂L/∂a = %s, ∂L/∂p = %s, ∂L/∂n = %s",
	HintTieActive:        "a tie: d(a,n) = d(a,p), so the triplet loss is exactly m. A batch loss pinned at m suggests that the model does not separate positives from negatives.",
	HintTieInactive:      "a tie with no margin: the triplet loss is 0 and nothing pushes the negative away.",
	HintNoMarginEasy:     "no margin: the triplet loss is satisfied as soon as d(a,n) ≥ d(a,p), by any amount; the collapsed state would cost nothing.",
	HintHardOnlyTriplet:  "the negative is nearer than the positive: the triplet loss pushes it; contrastive does not, since d(a,n) ≥ m.",
	HintHardBoth:         "the negative is nearer than the positive and within the radius m: both losses push it away.",
	HintSemiOnlyTriplet:  "the negative is inside the triplet margin but beyond the radius m: only the triplet loss pushes it.",
	HintSemiBoth:         "the negative is inside the triplet margin and within the radius m: both losses push it away.",
	HintEasyPulling:      "an easy triplet: no triplet loss, no gradient. Contrastive still pulls the positive in (½d², ∂L/∂d = d).",
	HintEasyNothing:      "an easy triplet with the positive on the anchor: neither loss has anything left to do.",
	HintPrefix:           "hint: %s",

	PanelControls:     "controls",
	PanelTriplet:      "triplet",
	PanelContrastive:  "contrastive",
	HeaderPaused:      "⏸ paused",
	HeaderPlaying:     "▶ playing",
	HeaderReplay:      "%s · step %d/%d · speed ×%s",
	HeaderReplayShort: "%s %d/%d ×%s",
	HeaderEdited:      " · edited",
	NoteTypeError:     "✗ %s · enter to retry, esc to cancel",
	NoteTyping:        "type a value for %s and press enter · esc cancels",
	HeaderArticle:     "the article's first example",
	HeaderStartLesson: "press g for the guided course, ] for the presets",
	HeaderStartShort:  "g course · ] presets",
	NotesMore:         "n: read all",
	NotesVariants:     "The other losses on this state:",
	VariantsMore:      "n: more",
	VariantNoted:      "%[1]s; %[2]s",
	NotesTitle:        "notes %d/%d · n next page, closes after the last",
	NotesNoScenario:   "No scenario is loaded. Press ] for the next preset lesson, [ for the previous one.",
	NotesStep:         "Step %d of %d:",
	NotesStart:        "Start:",
	NotesDescription:  "About this scenario:",

	HelpTitle:      "help %d/%d",
	HelpFooter:     "←/→ or space: page · esc or ?: close",
	HelpKeysHead:   "Keys",
	HelpGlyphsHead: "Glyphs",
	HelpTermsHead:  "Terms",
	HelpNotesKey:   "notes: read the whole note and description",
	HelpGlyphs: `▸  the selected control
✎  typing a value; on the note line, a scenario's note
●  active: the term is non-zero and has a gradient; on chart 1, the current state
○  inactive: the term is 0 and has no gradient
┊  a boundary on a chart: d(a,p), d(a,p) + m, or m
A P N  the anchor, the positive, the negative on a chart
⣿ •  curves: a braille line, and • for the second curve, so they read apart without colour
·  the dotted circle of radius m around the anchor (contrastive margin)
◆  the current state on the heatmap
/  heatmap lines d(a,n) = d(a,p) and d(a,n) = d(a,p) + m
heatmap colour: dark blue is loss 0, yellow the largest loss
heatmap without colour: the ramp " .:-=+*#%@", blank is 0, @ the largest
━─  a control's value against its range`,
	HelpTerms: `hinge active: d(a,p) − d(a,n) + m > 0, so the loss and its ±1 gradient are non-zero.
hard negative: d(a,n) ≤ d(a,p); its loss is at least m. The push is still ±1.
semi-hard negative: d(a,p) < d(a,n) < d(a,p) + m; loss between 0 and m.
easy negative: d(a,n) ≥ d(a,p) + m; loss 0, no gradient.
Mining hard negatives over a data set gives noisy gradients (FaceNet); one triplet is not noisy.
margin m: for contrastive an absolute radius around the anchor; for triplet a gap beyond d(a,p).
soft-margin triplet: softplus(d(a,p) − d(a,n)), no m (Hermans et al. 2017); never exactly 0.
squared triplet (FaceNet): max(d(a,p)² − d(a,n)² + m, 0), with its own regime on squared distances.
hinge contrastive: y·d + (1−y)·max(m − d, 0), contrastive without the squares.
contrastive: ½d² pulls a same pair in; ½max(m − d, 0)² pushes a different pair out to m.`,

	ChartTitleTriplet:     "triplet loss against d(a,n)",
	ChartTitleContrastive: "contrastive loss of one pair against d",
	ChartTitleHeatmap:     "triplet loss over d(a,p) (x) and d(a,n) (y)",
	ChartTitleGeometry:    "geometry around the anchor",
	ChartTitleHistory:     "history of both losses",
	ChartPanelTitle:       "chart %d/%d: %s · c next",
	ChartZoneHard:         "hard",
	ChartZoneSemi:         "semi-hard",
	ChartZoneSemiShort:    "semi",
	ChartZoneEasy:         "easy",
	ChartSameLegend:       "⣿ same: ½d²",
	ChartDiffLegend:       "• different: ½max(m − d, 0)², peak %s at d = 0",
	ChartDiffLegendShort:  "• different: ½max(m − d, 0)²",
	ChartHeatColour:       "colour: dark = 0 … yellow = %s · / zone lines · ◆ now",
	ChartHeatRamp:         "shade \"%s\": blank = 0 … @ = %s · / zone lines · ◆ now",
	ChartHeatRampShort:    "\"%s\" 0 … %s · ◆ now",
	ChartHeatTooShort:     "Too few rows here to read the heatmap: %[1]d more rows of terminal give it %[2]d. f writes it as a figure (SVG).",
	ChartGeomLegend:       "circle d(a,p) = %s · ring d(a,p) + m = %s (triplet, relative) · dotted radius m = %s (contrastive, absolute)",
	ChartGeomLegendShort:  "d(a,p) %s · ring d(a,p)+m %s (triplet) · radius m %s (contrastive)",
	ChartGeomLegendTiny:   "d(a,p) %s · ring %s · radius m %s",
	ChartGeomNoMargin:     "circle d(a,p) = %s · with m = 0 there is no ring d(a,p) + m and no radius m to draw",
	ChartGeomNoMarginTiny: "circle d(a,p) = %s · m = 0: no ring, no radius",
	ChartHistoryStates:    "%s states",
	ChartHistoryLegend:    "⣿ triplet · • contrastive · %s",

	"variant.name.contrastive":            "contrastive",
	"variant.short.contrastive":           "contrastive",
	"variant.formula.contrastive":         "½[y·d² + (1−y)·max(m − d, 0)²], mean of the pairs",
	"variant.name.hinge-contrastive":      "hinge contrastive",
	"variant.short.hinge-contrastive":     "hinge contrastive",
	"variant.formula.hinge-contrastive":   "y·d + (1−y)·max(m − d, 0), mean of the pairs",
	"variant.name.triplet":                "triplet",
	"variant.short.triplet":               "triplet",
	"variant.formula.triplet":             "max(d(a,p) − d(a,n) + m, 0)",
	"variant.name.squared-triplet":        "squared triplet (FaceNet)",
	"variant.short.squared-triplet":       "squared",
	"variant.formula.squared-triplet":     "max(d(a,p)² − d(a,n)² + m, 0)",
	"variant.name.soft-margin-triplet":    "soft-margin triplet",
	"variant.short.soft-margin-triplet":   "soft-margin",
	"variant.formula.soft-margin-triplet": "softplus(d(a,p) − d(a,n)) (no m)",
}
