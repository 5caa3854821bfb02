package playground

import (
	"slices"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"losslab/statestr"
	"losslab/tui/internal/tuitest"
)

// benchKeystroke measures one keystroke's Update + View at 120×40 with the
// given chart showing, alternating → and ← on the selected control.
func benchKeystroke(b *testing.B, chart int, selectKeys ...string) {
	m := newModel(b, Options{})
	m = press(b, m, selectKeys...)
	m.chart = chart
	_ = m.View()
	keys := []tea.KeyMsg{tuitest.Key("right"), tuitest.Key("left")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		next, _ := m.Update(keys[i&1])
		m = next.(*Model)
		_ = m.View()
	}
}

// The heaviest chart, moving only its marker (d(a,n)): the common keystroke.
func BenchmarkKeystrokeHeatmapMarker(b *testing.B) {
	benchKeystroke(b, chartNamed(b, statestr.ChartHeatmap), "down")
}

// Changing the margin rebuilds the heatmap: the worst keystroke.
func BenchmarkKeystrokeHeatmapRebuild(b *testing.B) {
	benchKeystroke(b, chartNamed(b, statestr.ChartHeatmap), "down", "down")
}

func BenchmarkKeystrokeTripletChart(b *testing.B) {
	benchKeystroke(b, chartNamed(b, statestr.ChartTriplet))
}
func BenchmarkKeystrokeContrastiveChart(b *testing.B) {
	benchKeystroke(b, chartNamed(b, statestr.ChartContrastive))
}
func BenchmarkKeystrokeGeometryChart(b *testing.B) {
	benchKeystroke(b, chartNamed(b, statestr.ChartGeometry))
}
func BenchmarkKeystrokeHistoryChart(b *testing.B) {
	benchKeystroke(b, chartNamed(b, statestr.ChartHistory))
}

// BenchmarkFirstFrame is start-up: New, the first size and the first View.
func BenchmarkFirstFrame(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m, _ := standalone(Options{}).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}

// BenchmarkKeystrokeMedianHeatmap reports the median Update + View time of a
// session that presses → (and ←) on each of the five controls in turn with
// the heatmap showing: only margin changes redraw it.
func BenchmarkKeystrokeMedianHeatmap(b *testing.B) {
	m := newModel(b, Options{})
	m.chart = chartNamed(b, statestr.ChartHeatmap)
	_ = m.View()
	var times []time.Duration
	keys := []tea.KeyMsg{tuitest.Key("right"), tuitest.Key("left")}
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 && i > 0 {
			next, _ := m.Update(tuitest.Key("down")) // the next control
			m = next.(*Model)
		}
		var took time.Duration
		m, took = timeKeystroke(m, keys[i&1])
		times = append(times, took)
	}
	reportMedian(b, times)
}

// timeKeystroke is m after key k's Update and View, and how long they took.
func timeKeystroke(m *Model, k tea.KeyMsg) (*Model, time.Duration) {
	start := time.Now()
	next, _ := m.Update(k)
	_ = next.View()
	return next.(*Model), time.Since(start)
}

// reportMedian reports the median of a run's keystroke times: a shared
// machine's mean carries other processes' time.
func reportMedian(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "median-ns/key")
}
