package dataset

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

const iris4 = `sepal_length,sepal_width,petal_length,petal_width,label
5.1,3.5,1.4,0.2,setosa
4.9,3.0,1.4,0.2,setosa
7.0,3.2,4.7,1.4,versicolor
6.4,3.2,4.5,1.5,versicolor
`

// wantError asserts that err is an *Error equal to want in every field
// want sets (Err aside).
func wantError(t *testing.T, err error, want Error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%v (%T), want an *Error for %v", err, err, want.Reason)
	}
	got := *e
	got.Err = nil
	if want.Value == "" {
		got.Value = "" // not asserted
	}
	if want.Names == nil {
		got.Names = nil
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("error %+v\nwant  %+v", got, want)
	}
}

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
	_, err = Parse(strings.NewReader(text), "x.csv", CSV, "kind")
	wantError(t, err, Error{File: "x.csv", Reason: NoHeader, Name: "kind"})
	_, err = Parse(strings.NewReader(iris4), "x.csv", CSV, "kind")
	wantError(t, err, Error{File: "x.csv", Reason: NoSuchColumn, Name: "kind",
		Names: []string{"sepal_length", "sepal_width", "petal_length", "petal_width", "label"}})
}

func TestTSVAndNumericLabels(t *testing.T) {
	d, err := Parse(strings.NewReader("0.5\t1\t0\n0.6\t1\t0\n0.1\t2\t1\n0.2\t2\t1\n"), "x.tsv", TSV, "")
	if err != nil || len(d.Classes) != 2 || d.X.At(1, 0) != 0.6 {
		t.Fatalf("tsv: %v", err)
	}
}

func TestErrorsNameTheLine(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       Error
	}{
		{"empty", "", Error{File: "x.csv", Reason: Empty}},
		{"header only", "a,b,label\n", Error{File: "x.csv", Reason: NoDataRows}},
		{"ragged", "a,b,label\n1,2,x\n1,2\n3,4,y\n", Error{File: "x.csv", Line: 3, Reason: FieldCount, Count: 2, Limit: 3}},
		{"not a number", "a,b,label\n1,2,x\n1,abc,x\n3,4,y\n3,4,y\n", Error{File: "x.csv", Line: 3, Reason: NotNumber, Column: 2, Name: "b", Value: "abc"}},
		{"NaN", "a,b,label\n1,2,x\n1,NaN,x\n3,4,y\n3,4,y\n", Error{File: "x.csv", Line: 3, Reason: NotFinite, Column: 2, Name: "b", Value: "NaN"}},
		{"Inf", "1,2,x\n1,2,x\n3,-Inf,y\n3,4,y\n", Error{File: "x.csv", Line: 3, Reason: NotFinite, Column: 2, Value: "-Inf"}},
		{"out of range", "1,1e999,x\n1,2,x\n3,4,y\n3,4,y\n", Error{File: "x.csv", Line: 1, Reason: OutOfRange, Column: 2, Value: "1e999"}},
		{"one class", "1,2,x\n1,2,x\n", Error{File: "x.csv", Reason: OneClass, Value: "x"}},
		{"singleton", "1,2,x\n1,2,x\n3,4,y\n5,6,z\n5,6,z\n", Error{File: "x.csv", Line: 3, Reason: SingleSample, Value: "y"}},
		{"empty label", "1,2,x\n1,2,\n", Error{File: "x.csv", Line: 2, Reason: EmptyLabel}},
		{"quote", "1,\"2,x\n", Error{File: "x.csv", Line: 1, Reason: BadQuote}},
		{"bare quote", "1,2\"3,x\n", Error{File: "x.csv", Line: 1, Reason: BadQuote}},
		{"one column", "1\n2\n", Error{File: "x.csv", Line: 1, Reason: TooFewColumns}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(c.text), "x.csv", CSV, "")
			wantError(t, err, c.want)
		})
	}
}

func TestProjector(t *testing.T) {
	vectors := "0.1\t0.2\n0.1\t0.3\n0.9\t0.8\n0.8\t0.9\n"
	d, err := ParseProjector(strings.NewReader(vectors), "v.tsv", strings.NewReader("cat\ncat\ndog\ndog\n"), "m.tsv", "")
	if err != nil || len(d.Classes) != 2 || d.X.At(2, 1) != 0.8 || d.Lines[3] != 4 {
		t.Fatalf("single-column metadata: %v", err)
	}
	d, err = ParseProjector(strings.NewReader(vectors), "v.tsv", strings.NewReader("name\tkind\na\tcat\nb\tcat\nc\tdog\nd\tdog\n"), "m.tsv", "kind")
	if err != nil || d.Classes[1] != "dog" {
		t.Fatalf("header metadata: %v", err)
	}
	for _, c := range []struct {
		name, vectors, metadata, labelCol string
		want                              Error
	}{
		{"fewer labels", vectors, "cat\ncat\ndog\n", "", Error{File: "m.tsv", Reason: LabelCount, Count: 3, Limit: 4, Other: "v.tsv"}},
		{"more labels", vectors, "cat\ncat\ndog\ndog\nemu\nemu\n", "", Error{File: "m.tsv", Reason: LabelCount, Count: 6, Limit: 4, Other: "v.tsv"}},
		{"header only", vectors, "name\tkind\n", "", Error{File: "m.tsv", Reason: LabelCount, Count: 0, Limit: 4, Other: "v.tsv"}},
		{"bad vector", "0.1\tx\n0.1\t0.3\n", "cat\ncat\n", "", Error{File: "v.tsv", Line: 1, Reason: NotNumber, Column: 2, Value: "x"}},
		{"singleton", vectors, "cat\ncat\ndog\nemu\n", "", Error{File: "m.tsv", Line: 3, Reason: SingleSample, Value: "dog"}},
		{"empty metadata", vectors, "", "", Error{File: "m.tsv", Reason: Empty}},
		{"empty vectors", "", "cat\ncat\n", "", Error{File: "v.tsv", Reason: Empty}},
		{"short metadata row", vectors, "a\tkind\nx\tcat\nx\tcat\ny\ny\tdog\n", "kind", Error{File: "m.tsv", Line: 4, Reason: MissingLabel, Count: 1, Column: 2}},
		{"label-col, one column", vectors, "cat\ncat\ndog\ndog\n", "kind", Error{File: "m.tsv", Reason: SingleColumnMetadata, Name: "kind"}},
		{"no such column", vectors, "a\tb\nx\tcat\n", "kind", Error{File: "m.tsv", Reason: NoSuchColumn, Name: "kind", Names: []string{"a", "b"}}},
		{"ragged vectors", "1\t2\n1\n", "cat\ncat\n", "", Error{File: "v.tsv", Line: 2, Reason: FieldCount, Count: 1, Limit: 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseProjector(strings.NewReader(c.vectors), "v.tsv", strings.NewReader(c.metadata), "m.tsv", c.labelCol)
			wantError(t, err, c.want)
		})
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
	_, err := Demo("mnist")
	wantError(t, err, Error{Reason: UnknownDemo, Value: "mnist", Names: []string{"digits", "iris"}})
}

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]Format{"a.csv": CSV, "b.TSV": TSV, "c.tsv.gz": TSV} {
		if f, err := FormatOf(path); err != nil || f != want {
			t.Errorf("FormatOf(%s) = %v, %v", path, f, err)
		}
	}
	_, err := FormatOf("x.txt")
	wantError(t, err, Error{File: "x.txt", Reason: UnknownExtension, Value: ".txt"})
	_, err = ParseFormat("json")
	wantError(t, err, Error{Reason: UnknownFormat, Value: "json"})
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]error{"x": ErrNotNumber, "1e999": ErrOutOfRange, "NaN": ErrNotFinite, "-Inf": ErrNotFinite, "": ErrNotNumber} {
		if _, err := ParseNumber(in); err != want {
			t.Errorf("ParseNumber(%q): %v, want %v", in, err, want)
		}
	}
	if v, err := ParseNumber(" -0 "); err != nil || math.Signbit(v) {
		t.Errorf("-0 reads as %v, %v", v, err)
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
	f.Add([]byte("1,\"2\n\n3\",x\n"), false)                    // a quoted field over lines
	f.Fuzz(func(t *testing.T, data []byte, tsv bool) {
		format := CSV
		if tsv {
			format = TSV
		}
		d, err := ParseLimited(strings.NewReader(string(data)), "fuzz", format, "", Limits{MaxLine: 64, MaxRows: 1000, MaxColumns: 8, MaxMemory: 4096})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Reason == 0 || e.File != "fuzz" {
				t.Fatalf("%v (%T) is not an *Error about the file", err, err)
			}
			return
		}
		r, c := d.X.Dims()
		if r != len(d.Labels) || r != len(d.Lines) || len(d.Classes) < 2 || c+1 > 8 {
			t.Fatalf("%d×%d, %d labels, %d classes", r, c, len(d.Labels), len(d.Classes))
		}
		for _, v := range d.X.RawMatrix().Data {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatal("non-finite value accepted")
			}
		}
	})
}
