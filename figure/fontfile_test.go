package figure

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot"

	"losslab/i18n"
)

// misaligned lays font's tables out again one byte apart, inside a
// collection (as WenQuanYi's .ttc files are) or as a single font.
func misaligned(t testing.TB, font []byte, collection bool) []byte {
	t.Helper()
	numTables := int(binary.BigEndian.Uint16(font[4:]))
	base := 0
	var out []byte
	if collection {
		out = append([]byte("ttcf"), 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 16)
		base = 16
	}
	dir := append([]byte(nil), font[:12+16*numTables]...)
	var tables []byte
	for i := range numTables {
		rec := dir[12+16*i:]
		off, n := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		tables = append(tables, 0) // one byte off the boundary
		binary.BigEndian.PutUint32(rec[8:], uint32(base+len(dir)+len(tables)))
		tables = append(tables, font[off:off+n]...)
	}
	return append(append(out, dir...), tables...)
}

// sfnt refuses tables off a four-byte boundary (golang/go#46384); LoadFont
// realigns them, in a collection and in a single font, and the glyphs are
// the font's own.
func TestLoadFontUnalignedTables(t *testing.T) {
	orig, err := sfnt.Parse(liberationsansregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	want, _ := orig.GlyphIndex(&buf, 'A')
	for _, collection := range []bool{true, false} {
		data := misaligned(t, liberationsansregular.TTF, collection)
		if collection {
			if c, err := sfnt.ParseCollection(data); err == nil {
				if _, err := c.Font(0); err == nil {
					t.Error("sfnt reads unaligned tables now: the workaround may go")
				}
			}
		}
		single, err := standalone(data, 0)
		if err != nil {
			t.Fatalf("collection %v: %v", collection, err)
		}
		f, err := sfnt.Parse(single)
		if err != nil {
			t.Fatalf("collection %v: the realigned font: %v", collection, err)
		}
		if got, _ := f.GlyphIndex(&buf, 'A'); got != want || f.NumGlyphs() != orig.NumGlyphs() {
			t.Errorf("collection %v: glyph of A %d (want %d), %d glyphs (want %d)", collection, got, want, f.NumGlyphs(), orig.NumGlyphs())
		}
		path := filepath.Join(t.TempDir(), "font.ttc")
		os.WriteFile(path, data, 0o644)
		if _, err := LoadFont(path); err != nil {
			t.Errorf("LoadFont(collection %v): %v", collection, err)
		}
	}
	for _, bad := range [][]byte{nil, []byte("ttcf"), []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x05\x00\x00\x00\x10"), liberationsansregular.TTF[:40]} {
		if _, err := standalone(bad, 0); err == nil {
			t.Errorf("standalone(%q…) accepted a broken file", bad[:min(len(bad), 8)])
		}
	}
}

func FuzzStandalone(f *testing.F) {
	f.Add(misaligned(f, liberationsansregular.TTF, true)[:2000], 0)
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"), 0)
	f.Fuzz(func(t *testing.T, data []byte, face int) {
		out, err := standalone(data, face)
		if err == nil && len(out) < 12 {
			t.Fatalf("a font of %d bytes", len(out))
		}
	})
}

// A PDF of a figure drawn with the user's font is one image, since the PDF
// canvas cannot write Chinese text; without a font it keeps its text.
func TestChinesePDFIsAnImage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sans.ttf")
	if err := os.WriteFile(path, liberationsansregular.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	fnt, err := LoadFont(path)
	if err != nil {
		t.Fatal(err)
	}
	st := Style{Printer: i18n.New(i18n.Chinese), Font: fnt}
	p, err := Triplet(article, st)
	if err != nil {
		t.Fatal(err)
	}
	withFont, err := RenderRow([]*plot.Plot{p}, "pdf", st)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(withFont, []byte("/Subtype /Image")) || bytes.Contains(withFont, []byte("/FontFile")) {
		t.Errorf("the PDF drawn with a font is not one image (%d bytes)", len(withFont))
	}
	plain, err := Render(p, "pdf")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain, []byte("/Subtype /Image")) {
		t.Error("a PDF without the user's font became an image")
	}
}
