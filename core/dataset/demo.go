package dataset

import (
	"bytes"
	"embed"
	"errors"
	"sort"
)

//go:embed demo/iris.csv demo/digits.csv.gz
var demoFiles embed.FS

var demos = map[string]string{"iris": "demo/iris.csv", "digits": "demo/digits.csv.gz"}

// DemoNames lists the demo sets.
func DemoNames() []string {
	names := make([]string, 0, len(demos))
	for n := range demos {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Demo loads a demo set: "iris" (Fisher 1936, 150 × 4, 3 classes) or
// "digits" (UCI handwritten digits, 1797 × 64, 10 classes). See
// demo/PROVENANCE.md.
func Demo(name string) (*Dataset, error) { return DemoLimited(name, Limits{}) }

// DemoLimited is Demo within lim, like any other input: a demo with more
// rows than lim.MaxRows is refused as a file would be.
func DemoLimited(name string, lim Limits) (*Dataset, error) {
	path, ok := demos[name]
	if !ok {
		return nil, &Error{Reason: UnknownDemo, Value: name, Names: DemoNames()}
	}
	data, err := demoFiles.ReadFile(path)
	if err != nil {
		return nil, err
	}
	r, err := Decompress(path, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	d, err := ParseLimited(r, "", CSV, "", lim)
	if e := (*Error)(nil); errors.As(err, &e) {
		e.Demo = name // the demo, not a line of the embedded file
	}
	if err != nil {
		return nil, err
	}
	d.File, d.Source, d.Demo = "", "", name
	return d, nil
}
