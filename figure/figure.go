// Package figure draws losslab's charts as figures for slides and papers
// with gonum.org/v1/plot (pure Go): SVG, PNG or PDF by the file's
// extension. Every curve and value comes from the core packages (a
// triplet curve is loss.TripletLoss at each d(a,n), a histogram is
// batch.Result's); this package only places them. Text comes from the
// i18n catalogue; SVG keeps it as text, PNG and PDF draw it with a font
// (Liberation by default, a --font file for scripts Liberation lacks).
package figure

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"io"
	"path/filepath"
	"strings"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"

	"losslab/i18n"
	"losslab/internal/regfile"
)

// Size of every figure: a 16:10 slide's half, readable when scaled.
const (
	Width  = 16 * vg.Centimeter
	Height = 10 * vg.Centimeter
)

// Formats are the extensions Render writes.
var formats = map[string]string{".svg": "svg", ".png": "png", ".pdf": "pdf"}

// ErrFormat is returned for a file name whose extension is not .svg, .png or .pdf.
var ErrFormat = errors.New("unknown figure format")

// FormatOf is the format a file name asks for by its extension.
func FormatOf(path string) (string, error) {
	f, ok := formats[strings.ToLower(filepath.Ext(path))]
	if !ok {
		return "", fmt.Errorf("%w %q (want .svg, .png or .pdf)", ErrFormat, filepath.Ext(path))
	}
	return f, nil
}

// Style is how a figure's text is drawn: the printer for its words and the
// font for PNG and PDF (nil: Liberation, which has Latin, Greek and
// Cyrillic only).
type Style struct {
	Printer i18n.Printer
	Font    *Font
}

// Font is a TrueType or OpenType font read from a file.
type Font struct {
	cache *font.Cache
	name  font.Font
}

// MaxFontBytes bounds a font file: the largest CJK collections (Noto
// Sans CJK, Source Han) are about 30 MiB.
const MaxFontBytes = 64 << 20

// ErrNotFont marks a file that is neither a TrueType nor an OpenType font
// (nor a collection of them).
var ErrNotFont = errors.New("not a TrueType or OpenType font")

// LoadFont reads a .ttf, .otf, .ttc or .otc file (the first face of a
// collection) with internal/regfile: a regular file of at most
// MaxFontBytes, whose typed errors say otherwise. Its tables are aligned
// first where they are not (standalone).
func LoadFont(path string) (*Font, error) {
	data, err := regfile.ReadFile(path, MaxFontBytes)
	if err != nil {
		return nil, err
	}
	single, err := standalone(data, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f, err := opentype.Parse(single)
	if err != nil {
		return nil, fmt.Errorf("%s: %w (%v)", path, ErrNotFont, err)
	}
	name := font.Font{Typeface: "losslab-user"}
	coll := append(font.Collection{{Font: name, Face: f}}, liberation.Collection()...)
	return &Font{cache: font.NewCache(coll), name: name}, nil
}

// newPlot is a plot whose text follows st.
func (st Style) newPlot(title, x, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text, p.X.Label.Text, p.Y.Label.Text = title, x, y
	p.Title.TextStyle.Font.Size = 11
	p.Legend.Top = true
	for _, ts := range []*text.Style{&p.Title.TextStyle, &p.X.Label.TextStyle, &p.Y.Label.TextStyle,
		&p.X.Tick.Label, &p.Y.Tick.Label, &p.Legend.TextStyle} {
		st.apply(ts)
	}
	return p
}

// apply sets the user's font on ts, keeping its size.
func (st Style) apply(ts *text.Style) {
	if st.Font == nil {
		return
	}
	size := ts.Font.Size
	ts.Font = st.Font.name
	ts.Font.Size = size
	ts.Handler = text.Plain{Fonts: st.Font.cache}
}

// Render writes p in format ("svg", "png" or "pdf") at the figure size.
func Render(p *plot.Plot, format string) ([]byte, error) {
	return RenderRow([]*plot.Plot{p}, format, Style{})
}

// PDFImageDPI is the resolution of a PDF drawn as an image (RenderRow).
const PDFImageDPI = 300

// RenderRow writes plots side by side, each the figure's size, in format.
// A PDF of plots drawn with the user's font (st.Font) holds them as one
// image of PDFImageDPI: the PDF canvas writes text through a code page of
// 256 glyphs (gonum/plot#347), which has no Chinese.
func RenderRow(plots []*plot.Plot, format string, st Style) ([]byte, error) {
	w := Width * vg.Length(len(plots))
	if format == "pdf" && st.Font != nil {
		img := vgimg.NewWith(vgimg.UseWH(w, Height), vgimg.UseDPI(PDFImageDPI))
		drawRow(plots, draw.New(img))
		c := vgpdf.New(w, Height)
		c.Translate(vg.Point{Y: Height}) // the PDF canvas draws an image upside down
		c.Scale(1, -1)
		c.DrawImage(vg.Rectangle{Max: vg.Point{X: w, Y: Height}}, img.Image())
		return writeCanvas(c)
	}
	c, err := draw.NewFormattedCanvas(w, Height, format)
	if err != nil {
		return nil, err
	}
	drawRow(plots, draw.New(c))
	return writeCanvas(c)
}

// drawRow draws plots side by side on dc.
func drawRow(plots []*plot.Plot, dc draw.Canvas) {
	tiles := draw.Tiles{Rows: 1, Cols: len(plots), PadX: vg.Millimeter * 4}
	for i, cell := range plot.Align([][]*plot.Plot{plots}, tiles, dc)[0] {
		plots[i].Draw(cell)
	}
}

func writeCanvas(c io.WriterTo) ([]byte, error) {
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Colours, told apart without colour too: each series also has its own
// dash pattern or fill.
var (
	colorSame      = color.RGBA{0x00, 0x57, 0xB8, 0xff}
	colorDifferent = color.RGBA{0xC2, 0x41, 0x0C, 0xff}
	colorAccent    = color.RGBA{0x5A, 0x3F, 0xC0, 0xff}
	colorMark      = color.RGBA{0x30, 0x30, 0x30, 0xff}
	zoneColors     = [3]color.Color{ // hard, semi-hard, easy
		color.NRGBA{0xFF, 0x6B, 0x6B, 0x50},
		color.NRGBA{0xFF, 0xC8, 0x57, 0x70},
		color.NRGBA{0x6B, 0xD6, 0x8A, 0x50},
	}
	dashed = []vg.Length{vg.Points(4), vg.Points(3)}
	dotted = []vg.Length{vg.Points(1), vg.Points(2)}
)

// line is a polyline through pts in c with an optional dash pattern.
func line(pts plotter.XYs, c color.Color, width vg.Length, dashes []vg.Length) (*plotter.Line, error) {
	l, err := plotter.NewLine(pts)
	if err != nil {
		return nil, err
	}
	l.Color, l.Width, l.Dashes = c, width, dashes
	return l, nil
}

// vline is a vertical line at x from y0 to y1.
func vline(x, y0, y1 float64, c color.Color, dashes []vg.Length) (*plotter.Line, error) {
	return line(plotter.XYs{{X: x, Y: y0}, {X: x, Y: y1}}, c, vg.Points(1), dashes)
}

// marker is one point drawn with shape and a text label beside it.
func (st Style) marker(x, y float64, label string, shape draw.GlyphDrawer, c color.Color) ([]plot.Plotter, error) {
	s, err := plotter.NewScatter(plotter.XYs{{X: x, Y: y}})
	if err != nil {
		return nil, err
	}
	s.GlyphStyle = draw.GlyphStyle{Color: c, Radius: vg.Points(4), Shape: shape}
	l, err := st.labels(plotter.XYLabels{XYs: plotter.XYs{{X: x, Y: y}}, Labels: []string{label}}, vg.Points(6), vg.Points(4))
	if err != nil {
		return nil, err
	}
	return []plot.Plotter{s, l}, nil
}

// labels are texts at data points, offset by (dx, dy).
func (st Style) labels(xyl plotter.XYLabels, dx, dy vg.Length) (*plotter.Labels, error) {
	l, err := plotter.NewLabels(xyl)
	if err != nil {
		return nil, err
	}
	for i := range l.TextStyle {
		st.apply(&l.TextStyle[i])
		l.TextStyle[i].Font.Size = vg.Points(9)
	}
	l.Offset = vg.Point{X: dx, Y: dy}
	return l, nil
}

// zone is a translucent band over [x0, x1] × [0, top].
func zone(x0, x1, top float64, c color.Color) (*plotter.Polygon, error) {
	z, err := plotter.NewPolygon(plotter.XYs{{X: x0, Y: 0}, {X: x1, Y: 0}, {X: x1, Y: top}, {X: x0, Y: top}})
	if err != nil {
		return nil, err
	}
	z.Color, z.LineStyle.Width = c, 0
	return z, nil
}
