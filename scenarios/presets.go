package scenarios

import (
	"embed"
	"fmt"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	"losslab/i18n"
	"losslab/internal/termsafe"
)

//go:embed presets/*.toml
var presetFiles embed.FS

// Presets returns the embedded scenarios sorted by name, parsed once. The
// scenarios are shared: callers must not modify them.
func Presets() []*Scenario { return presets() }

// A broken preset is a bug that the tests catch, so it panics rather than
// reaching a user.
var presets = sync.OnceValue(func() []*Scenario {
	entries, err := presetFiles.ReadDir("presets")
	if err != nil {
		panic(err)
	}
	var out []*Scenario
	for _, e := range entries {
		data, err := presetFiles.ReadFile(path.Join("presets", e.Name()))
		if err != nil {
			panic(err)
		}
		s, err := Parse("presets/"+e.Name(), data)
		if err != nil {
			panic(fmt.Sprintf("preset %s: %v", e.Name(), err))
		}
		s.Source = SourcePreset
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
})

// Preset returns the preset called name, or nil.
func Preset(name string) *Scenario {
	for _, s := range Presets() {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// UnknownError is returned for a name that is neither a preset nor a file.
type UnknownError struct {
	Name    string
	Closest []string
}

func (e *UnknownError) Error() string { return e.Text(i18n.Printer{}) }

// Text renders the error with p.
func (e *UnknownError) Text(p i18n.Printer) string {
	name := termsafe.Echo(e.Name)
	if len(e.Closest) > 0 {
		return p.T(i18n.ScenUnknownClosest, name, strings.Join(e.Closest, ", "))
	}
	return p.T(i18n.ScenUnknown, name)
}

// Resolve finds a scenario by preset name or file path. A name that looks
// like a path (has a separator or ends in .toml) or names an existing file
// is loaded as a file.
func Resolve(nameOrFile string) (*Scenario, error) {
	if s := Preset(nameOrFile); s != nil {
		return s, nil
	}
	if strings.ContainsRune(nameOrFile, os.PathSeparator) || strings.HasSuffix(nameOrFile, ".toml") {
		return LoadFile(nameOrFile)
	}
	if _, err := os.Stat(nameOrFile); err == nil {
		return LoadFile(nameOrFile)
	}
	return nil, &UnknownError{Name: nameOrFile, Closest: closestNames(nameOrFile, 3)}
}

// closestNames returns up to n preset names nearest to name by edit distance
// (and any name containing it), nearest first.
func closestNames(name string, n int) []string {
	type scored struct {
		name string
		d    int
	}
	var all []scored
	for _, s := range Presets() {
		d := editDistance(name, s.Name)
		if strings.Contains(s.Name, name) && name != "" {
			d = min(d, 1)
		}
		all = append(all, scored{s.Name, d})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].d < all[j].d })
	var out []string
	for _, s := range all[:min(n, len(all))] {
		if s.d <= max(3, len(name)/2) {
			out = append(out, s.name)
		}
	}
	return out
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
