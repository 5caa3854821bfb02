package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// benchKeystroke measures one keystroke's Update + View at 120×40 with the
// given chart showing, alternating → and ← on the selected control.
func benchKeystroke(b *testing.B, chart chartKind, selectKeys ...string) {
	m := newModel(b, Options{})
	m = press(b, m, selectKeys...)
	m.chart = chart
	_ = m.View()
	keys := []tea.KeyMsg{keyMsg("right"), keyMsg("left")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		next, _ := m.Update(keys[i&1])
		m = next.(Model)
		_ = m.View()
	}
}

// The heaviest chart, moving only its marker (d(a,n)): the common keystroke.
func BenchmarkKeystrokeHeatmapMarker(b *testing.B) { benchKeystroke(b, chartHeatmap, "down") }

// Changing the margin rebuilds the heatmap: the worst keystroke.
func BenchmarkKeystrokeHeatmapRebuild(b *testing.B) {
	benchKeystroke(b, chartHeatmap, "down", "down")
}

func BenchmarkKeystrokeTripletChart(b *testing.B)     { benchKeystroke(b, chartTriplet) }
func BenchmarkKeystrokeContrastiveChart(b *testing.B) { benchKeystroke(b, chartContrastive) }
func BenchmarkKeystrokeGeometryChart(b *testing.B)    { benchKeystroke(b, chartGeometry) }
func BenchmarkKeystrokeHistoryChart(b *testing.B)     { benchKeystroke(b, chartHistory) }

// BenchmarkFirstFrame is start-up: New, the first size and the first View.
func BenchmarkFirstFrame(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m, _ := New(Options{}).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}
