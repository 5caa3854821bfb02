package dataset

import (
	"errors"
	"math"
	"strings"
	"testing"
)

const iris4 = `sepal_length,sepal_width,petal_length,petal_width,label
5.1,3.5,1.4,0.2,setosa
4.9,3.0,1.4,0.2,setosa
7.0,3.2,4.7,1.4,versicolor
6.4,3.2,4.5,1.5,versicolor
`

func TestParseCSVWithHeader(t *testing.T) {
	d, err := Parse(strings.NewReader(iris4), "x.csv", CSV, "")
	if err != nil {
		t.Fatal(err)
	}
	r, c := d.X.Dims()
	if r != 4 || c != 4 || len(d.Classes) != 2 || d.Labels[2] != 1 || d.X.At(2, 0) != 7 || d.Lines[3] != 5 {
		t.Errorf("parsed %d×%d classes %v labels %v lines %v", r, c, d.Classes, d.Labels, d.Lines)
	}
}

func TestLabelColumn(t *testing.T) {
	text := "species,a,b\nx,1,2\nx,3,4\ny,5,6\ny,7,8\n"
	d, err := Parse(strings.NewReader(text), "x.csv", CSV, "species")
	if err != nil || d.Classes[0] != "x" || d.X.At(0, 1) != 2 {
		t.Fatalf("--label-col species: %v %+v", err, d)
	}
	// Without --label-col and without a "label" column, the last column is the label.
	text = "1,2,a\n3,4,a\n5,6,b\n7,8,b\n"
	d, err = Parse(strings.NewReader(text), "x.csv", CSV, "")
	if err != nil || len(d.Classes) != 2 || d.X.At(3, 1) != 8 {
		t.Fatalf("headerless: %v", err)
	}
	if _, err := Parse(strings.NewReader(text), "x.csv", CSV, "kind"); !errors.Is(err, ErrLabelColumn) {
		t.Errorf("--label-col on a headerless file: %v", err)
	}
	if _, err := Parse(strings.NewReader(iris4), "x.csv", CSV, "kind"); !errors.Is(err, ErrLabelColumn) || !strings.Contains(err.Error(), "sepal_length") {
		t.Errorf("--label-col unknown: %v", err)
	}
}

func TestTSVAndNumericLabels(t *testing.T) {
	d, err := Parse(strings.NewReader("0.5\t1\t0\n0.6\t1\t0\n0.1\t2\t1\n0.2\t2\t1\n"), "x.tsv", TSV, "")
	if err != nil || len(d.Classes) != 2 || d.X.At(1, 0) != 0.6 {
		t.Fatalf("tsv: %v", err)
	}
}

func TestErrorsNameTheLine(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"empty", "", "x.csv: the file is empty"},
		{"header only", "a,b,label\n", "no data rows"},
		{"ragged", "a,b,label\n1,2,x\n1,2\n3,4,y\n", "x.csv:3: 2 fields, expected 3"},
		{"not a number", "a,b,label\n1,2,x\n1,abc,x\n3,4,y\n3,4,y\n", `x.csv:3: column b: "abc" is not a number`},
		{"NaN", "a,b,label\n1,2,x\n1,NaN,x\n3,4,y\n3,4,y\n", "x.csv:3: column b: NaN is not a finite number"},
		{"Inf", "1,2,x\n1,2,x\n3,-Inf,y\n3,4,y\n", "x.csv:3: column 2: -Inf is not a finite number"},
		{"one class", "1,2,x\n1,2,x\n", `only one class ("x")`},
		{"singleton", "1,2,x\n1,2,x\n3,4,y\n5,6,z\n5,6,z\n", `x.csv:3: label "y" has a single sample: no positive pair`},
		{"empty label", "1,2,x\n1,2,\n", "x.csv:2: empty label"},
		{"quote", "1,\"2,x\n", "x.csv:1"},
		{"out of range", "1,1e999,x\n1,2,x\n3,4,y\n3,4,y\n", `x.csv:1: column 2: "1e999" is out of range`},
	}
	for _, c := range cases {
		_, err := Parse(strings.NewReader(c.text), "x.csv", CSV, "")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

func TestProjector(t *testing.T) {
	vectors := "0.1\t0.2\n0.1\t0.3\n0.9\t0.8\n0.8\t0.9\n"
	d, err := ParseProjector(strings.NewReader(vectors), "v.tsv", strings.NewReader("cat\ncat\ndog\ndog\n"), "m.tsv", "")
	if err != nil || len(d.Classes) != 2 || d.X.At(2, 1) != 0.8 {
		t.Fatalf("single-column metadata: %v", err)
	}
	d, err = ParseProjector(strings.NewReader(vectors), "v.tsv", strings.NewReader("name\tkind\na\tcat\nb\tcat\nc\tdog\nd\tdog\n"), "m.tsv", "kind")
	if err != nil || d.Classes[1] != "dog" {
		t.Fatalf("header metadata: %v", err)
	}
	_, err = ParseProjector(strings.NewReader(vectors), "v.tsv", strings.NewReader("cat\ncat\ndog\n"), "m.tsv", "")
	if err == nil || !strings.Contains(err.Error(), "m.tsv: 3 labels for 4 vectors") {
		t.Errorf("count mismatch: %v", err)
	}
	_, err = ParseProjector(strings.NewReader("0.1\tx\n0.1\t0.3\n"), "v.tsv", strings.NewReader("cat\ncat\n"), "m.tsv", "")
	if err == nil || !strings.Contains(err.Error(), "v.tsv:1: column 2") {
		t.Errorf("bad vector: %v", err)
	}
	_, err = ParseProjector(strings.NewReader(vectors), "v.tsv", strings.NewReader("cat\ncat\ndog\nemu\n"), "m.tsv", "")
	if err == nil || !strings.Contains(err.Error(), `m.tsv:3: label "dog" has a single sample`) {
		t.Errorf("singleton in metadata: %v", err)
	}
}

func TestDemos(t *testing.T) {
	for _, c := range []struct {
		name           string
		rows, dim, cls int
	}{{"iris", 150, 4, 3}, {"digits", 1797, 64, 10}} {
		d, err := Demo(c.name)
		if err != nil {
			t.Fatal(err)
		}
		r, k := d.X.Dims()
		if r != c.rows || k != c.dim || len(d.Classes) != c.cls {
			t.Errorf("%s: %d×%d, %d classes", c.name, r, k, len(d.Classes))
		}
	}
	d, _ := Demo("iris")
	if d.Classes[0] != "setosa" || math.Abs(d.X.At(0, 0)-5.1) > 0 {
		t.Errorf("iris first row %v %v", d.Classes, d.X.RawRowView(0))
	}
	if _, err := Demo("mnist"); err == nil || !strings.Contains(err.Error(), "digits, iris") {
		t.Errorf("unknown demo: %v", err)
	}
}

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]Format{"a.csv": CSV, "b.TSV": TSV, "c.tsv.gz": TSV} {
		if f, err := FormatOf(path); err != nil || f != want {
			t.Errorf("FormatOf(%s) = %v, %v", path, f, err)
		}
	}
	if _, err := FormatOf("x.txt"); err == nil || !strings.Contains(err.Error(), "--format") {
		t.Errorf("FormatOf(x.txt): %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(iris4), false)
	f.Add([]byte("1,2,x\n1,2,x\n3,4,y\n3,4,y\n"), false)
	f.Add([]byte("0.5\t1\t0\n0.6\t1\t0\n"), true)
	f.Add([]byte("\"a\",b\n\"1\n"), false)
	f.Add([]byte("\ufeff1,2,x\n1,3,x\n3,4,y\n3,5,y\n"), false)  // BOM, no header
	f.Add([]byte("\ufefflabel,a\nx,1\nx,2\ny,3\ny,4\n"), false) // BOM before a header
	f.Add([]byte("1.0,2.x,a\n1,2,a\n3,4,b\n3,5,b\n"), false)    // typo in row 1
	f.Add([]byte("1\t2\tx\n1\t3\tx\n"), false)                  // tabs in a .csv
	f.Add([]byte("1,\x1b[2J,x\n"), false)                       // an escape in a field
	f.Fuzz(func(t *testing.T, data []byte, tsv bool) {
		format := CSV
		if tsv {
			format = TSV
		}
		d, err := ParseLimited(strings.NewReader(string(data)), "fuzz", format, "", Limits{MaxLine: 4096, MaxRows: 1000})
		if err != nil {
			return
		}
		r, _ := d.X.Dims()
		for _, c := range d.Classes {
			if strings.ContainsAny(c, "\x1b\a\r\n") {
				t.Fatalf("class %q is not printable", c)
			}
		}
		if r != len(d.Labels) || r != len(d.Lines) || len(d.Classes) < 2 {
			t.Fatalf("%d rows, %d labels, %d classes", r, len(d.Labels), len(d.Classes))
		}
		for _, v := range d.X.RawMatrix().Data {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatal("non-finite value accepted")
			}
		}
	})
}
