package figure

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"losslab/core/batch"
	"losslab/core/dist"
	"losslab/core/loss"
	"losslab/i18n"
)

// -figures DIR writes every figure as PNG and SVG into DIR to look at.
var figuresDir = flag.String("figures", "", "write the test figures into this directory")

var article = loss.Setting{DAP: 0.7, DAN: 0.5, Margin: 0.2, YAP: loss.Same, YAN: loss.Different}

func english() Style { return Style{Printer: i18n.New(i18n.English)} }

// svgText parses an SVG and returns its text content and element names:
// it fails the test when the SVG is not well-formed XML.
func svgText(t *testing.T, data []byte) (string, map[string]int) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var text strings.Builder
	elems := map[string]int{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			elems[tok.Name.Local]++
		case xml.CharData:
			text.Write(tok)
			text.WriteString("\n")
		}
	}
	return text.String(), elems
}

func render(t *testing.T, name string, p *plot.Plot) []byte {
	t.Helper()
	svg, err := Render(p, "svg")
	if err != nil {
		t.Fatalf("%s as SVG: %v", name, err)
	}
	for _, format := range []string{"png", "pdf"} {
		out, err := Render(p, format)
		if err != nil || len(out) == 0 {
			t.Fatalf("%s as %s: %v (%d bytes)", name, format, err, len(out))
		}
		if *figuresDir != "" {
			os.WriteFile(filepath.Join(*figuresDir, name+"."+format), out, 0o644)
		}
	}
	if *figuresDir != "" {
		os.WriteFile(filepath.Join(*figuresDir, name+".svg"), svg, 0o644)
	}
	return svg
}

func wantTexts(t *testing.T, name, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s: the SVG lacks %q; its text is:\n%s", name, w, text)
		}
	}
}

func TestTripletFigure(t *testing.T) {
	p, err := Triplet(article, english())
	if err != nil {
		t.Fatal(err)
	}
	text, elems := svgText(t, render(t, "triplet", p))
	// The state's loss is the article's 0.4, computed by core/loss.
	wantTexts(t, "triplet", text, "Triplet loss against d(a,n) at d(a,p) = 0.70, m = 0.20",
		"d(a,n) = 0.50, L = 0.4000", "hard", "semi-hard", "easy", "triplet loss", loss.TripletFormula)
	if elems["path"] < 5 || elems["text"] < 10 {
		t.Errorf("triplet: %d paths and %d texts, want the zones, the curve, the marker and labelled axes", elems["path"], elems["text"])
	}
}

func TestTripletFigureWithoutMargin(t *testing.T) {
	s := article
	s.Margin = 0
	p, err := Triplet(s, english())
	if err != nil {
		t.Fatal(err)
	}
	text, _ := svgText(t, render(t, "triplet-no-margin", p))
	if strings.Contains(text, "semi-hard") {
		t.Errorf("without a margin there is no semi-hard band, yet the figure names one")
	}
}

func TestContrastiveFigure(t *testing.T) {
	p, err := Contrastive(article, english())
	if err != nil {
		t.Fatal(err)
	}
	text, _ := svgText(t, render(t, "contrastive", p))
	// ½·0.7² = 0.245 and ½·max(0.2 − 0.5, 0)² = 0, the article's numbers.
	wantTexts(t, "contrastive", text, "a-p: d = 0.70, L = 0.2450", "a-n: d = 0.50, L = 0.0000", "same class: ½d²", "m = 0.20")
}

func TestHeatmapFigure(t *testing.T) {
	p, err := Heatmap(article, english())
	if err != nil {
		t.Fatal(err)
	}
	text, elems := svgText(t, render(t, "heatmap", p))
	wantTexts(t, "heatmap", text, "(0.70, 0.50), L = 0.4000", "d(a,n) = d(a,p): hard below")
	if elems["image"] != 1 {
		t.Errorf("heatmap: %d images, want the cells as one", elems["image"])
	}
}

func TestGeometryFigure(t *testing.T) {
	p, err := Geometry(article, english())
	if err != nil {
		t.Fatal(err)
	}
	text, _ := svgText(t, render(t, "geometry", p))
	wantTexts(t, "geometry", text, "d(a,p) = 0.70, d(a,p) + m = 0.90", "A", "P", "N")
}

func TestHistoryFigure(t *testing.T) {
	p, err := History([]HistoryPoint{{0.4, 0.1225}, {0.3, 0.09}, {0.1, 0.09}}, english())
	if err != nil {
		t.Fatal(err)
	}
	text, _ := svgText(t, render(t, "history", p))
	wantTexts(t, "history", text, "at each state shown (3 states)", "triplet", "contrastive")
}

// One state is state 1 in the middle of its axis, as the playground's chart
// draws it: the figure read "over the last 1 state" on an axis from −1 to 1.
func TestHistoryFigureOfOneState(t *testing.T) {
	p, err := History([]HistoryPoint{{0.4, 0.1225}}, english())
	if err != nil {
		t.Fatal(err)
	}
	text, _ := svgText(t, render(t, "history-one", p))
	wantTexts(t, "history-one", text, "Both losses at each state shown (1 state)")
	if p.X.Min != 0.5 || p.X.Max != 1.5 {
		t.Errorf("x axis [%v, %v], want [0.5, 1.5]", p.X.Min, p.X.Max)
	}
	var labels []string
	for _, tk := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	if strings.Join(labels, " ") != "1" {
		t.Errorf("x tick labels %q, want the one state, 1", labels)
	}
	long := make([]HistoryPoint, 40)
	p, _ = History(long, english())
	for _, tk := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		if tk.Label != "" && strings.ContainsAny(tk.Label, ".-") {
			t.Errorf("a state's tick %q is not a whole number", tk.Label)
		}
	}
}

// The training figure's scatter draws every glyph whole (points at the
// data's edge were cut in half) and names every class in a legend, on a
// band of its own.
func TestTrainScatterWholeAndNamed(t *testing.T) {
	r := TrainRun{Name: "contrastive", Labels: []int{0, 0, 1, 2}, Classes: []string{"setosa", "versicolor", "virginica"},
		Embeddings: []float64{-1, -1, 1, 0.5, 0.2, 1, 0.9, -0.3}}
	p, err := classScatter(english(), "scatter", r)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := svgText(t, render(t, "train-scatter", p))
	wantTexts(t, "train-scatter", text, "setosa", "versicolor", "virginica")
	c := draw.New(vgimg.New(Width, Height))
	da := p.DataCanvas(c)
	xf, yf := p.Transforms(&da)
	glyph := vg.Points(2) // the scatter's radius
	for i := range r.Labels {
		x, y := xf(r.Embeddings[2*i]), yf(r.Embeddings[2*i+1])
		if x-glyph < da.Min.X || x+glyph > da.Max.X || y-glyph < da.Min.Y || y+glyph > da.Max.Y {
			t.Errorf("point %d at (%v, %v) is cut by the data area %v", i, x, y, da.Rectangle)
		}
		if x > da.Min.X+(da.Max.X-da.Min.X)*0.8 {
			t.Errorf("point %d lies in the legend's band", i)
		}
	}
}

// Four points on a line, two classes: every number below can be checked by
// hand. Pairs: same (0,1) d=1, (2,3) d=1; different (0,2) 10, (0,3) 11,
// (1,2) 9, (1,3) 10. AUC 1, threshold 1, median positive 1.
func TestBatchFigure(t *testing.T) {
	x := mat.NewDense(4, 1, []float64{0, 1, 10, 11})
	res, err := batch.Compute(context.Background(), x, []int{0, 0, 1, 1}, 2, batch.Options{Metric: dist.Euclidean, Margin: 0.5, Bins: 10})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Batch(res, "four points", english())
	if err != nil {
		t.Fatal(err)
	}
	text, elems := svgText(t, render(t, "batch", p))
	wantTexts(t, "batch", text, "four points: pair distances (euclidean), m = 0.50, AUC 1.0000",
		"same class (2 pairs)", "different class (4 pairs)", "margin m = 0.50",
		"best threshold 1.0000 (accuracy 100.0%)", "median same-class distance 1.00")
	if elems["path"] < 10 {
		t.Errorf("batch: %d paths, want bars and marks", elems["path"])
	}
}

func TestFormatOf(t *testing.T) {
	for in, want := range map[string]string{"a.svg": "svg", "b.PNG": "png", "c/d.pdf": "pdf"} {
		if got, err := FormatOf(in); err != nil || got != want {
			t.Errorf("FormatOf(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"a.jpg", "noext", "x.svg.txt"} {
		if _, err := FormatOf(in); err == nil {
			t.Errorf("FormatOf(%q) accepted", in)
		}
	}
}

// Target: a figure key answers within a frame or two (under 50 ms) for the
// playground's charts; the batch figure's cost does not grow with N.
func BenchmarkTripletSVG(b *testing.B) {
	for b.Loop() {
		p, err := Triplet(article, english())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(p, "svg"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHeatmapSVG(b *testing.B) {
	for b.Loop() {
		p, err := Heatmap(article, english())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(p, "svg"); err != nil {
			b.Fatal(err)
		}
	}
}

// A font file given with --font draws the PNG and PDF text; anything that
// is not a font is refused with the file's name.
func TestLoadFont(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sans.ttf")
	if err := os.WriteFile(path, liberationsansregular.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	fnt, err := LoadFont(path)
	if err != nil {
		t.Fatal(err)
	}
	st := english()
	st.Font = fnt
	p, err := Triplet(article, st)
	if err != nil {
		t.Fatal(err)
	}
	if p.Title.TextStyle.Font.Typeface != "losslab-user" || p.X.Tick.Label.Font.Typeface != "losslab-user" {
		t.Errorf("the title or the ticks do not use the font: %v, %v", p.Title.TextStyle.Font, p.X.Tick.Label.Font)
	}
	for _, format := range []string{"png", "pdf", "svg"} {
		if out, err := Render(p, format); err != nil || len(out) == 0 {
			t.Errorf("%s with the font: %v", format, err)
		}
	}
	bad := filepath.Join(dir, "notes.txt")
	os.WriteFile(bad, []byte("not a font"), 0o644)
	if _, err := LoadFont(bad); !errors.Is(err, ErrNotFont) || !strings.Contains(err.Error(), bad) {
		t.Errorf("LoadFont(a text file) = %v", err)
	}
}

// With held-out distances the training figure has a fourth panel before
// the embeddings, titled for held-out points or classes, on the very
// distance axis of the training points' panel, which reaches the largest
// distance of either; without them, three.
func TestTrainHeldOutPanel(t *testing.T) {
	base := TrainRun{Name: "semi-hard", Steps: []int{0, 10}, Loss: []float64{1, 0.5},
		StartPos: []float64{0.5}, StartNeg: []float64{1}, EndPos: []float64{0.2}, EndNeg: []float64{2},
		Labels: []int{0, 1}, Embeddings: []float64{0, 0, 1, 1}}
	plots, err := Train([]TrainRun{base}, "blobs", english())
	if err != nil || len(plots) != 3 {
		t.Fatalf("without held-out points: %d plots, %v", len(plots), err)
	}
	for _, classes := range []bool{false, true} {
		r := base
		r.HeldOutPos, r.HeldOutNeg, r.HeldOutAUC, r.HeldOutClasses = []float64{0.4, 3}, []float64{0.1, 1.5}, 0.625, classes
		plots, err := Train([]TrainRun{r}, "blobs", english())
		if err != nil || len(plots) != 4 {
			t.Fatalf("with held-out points: %d plots, %v", len(plots), err)
		}
		want := "semi-hard: held-out points' pair distances at the end, AUC 0.6250, same axis"
		if classes {
			want = "semi-hard: held-out classes' pair distances at the end, AUC 0.6250, same axis"
		}
		if got := plots[2].Title.Text; got != want {
			t.Errorf("title %q, want %q", got, want)
		}
		for _, p := range plots[1:3] {
			if p.X.Min != 0 || p.X.Max != 3 {
				t.Errorf("%q: distance axis %v…%v, want 0…3 (the largest distance, held out)", p.Title.Text, p.X.Min, p.X.Max)
			}
		}
		text, _ := svgText(t, render(t, "train-heldout", plots[2]))
		wantTexts(t, "train-heldout", text, "same class, held out", "different class, held out")
	}
}
