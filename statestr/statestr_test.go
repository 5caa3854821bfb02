package statestr

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"losslab/core/dist"
	"losslab/core/grid"
	"losslab/core/loss"
	"losslab/scenarios"
)

func mustEncode(t *testing.T, p Playground) string {
	t.Helper()
	s, err := Encode(p)
	if err != nil {
		t.Fatalf("Encode(%+v): %v", p, err)
	}
	return s
}

// The spellings a person can check: defaults left out, shortest numbers,
// the CRC-32 of the body (computed with Python's zlib.crc32 too:
// hex(zlib.crc32(b"ll1_p") & 0xffffff) == '0x9f9aea').
func TestEncodeByHand(t *testing.T) {
	moved := Default()
	moved.Values.DAP = 30
	moved.Values.YAN = loss.Same
	moved.Chart = ChartHeatmap
	preset := Playground{Scenario: "blog-case-1", Step: 2, Values: scenarios.Preset("blog-case-1").StateAt(2)}
	for _, tc := range []struct {
		p    Playground
		body string
	}{
		{Default(), "ll1_p"},
		{moved, "ll1_p_dap-0.3_yan-s_c-heatmap"},
		{preset, "ll1_p_sc-blog-case-1_st-2"},
	} {
		got := mustEncode(t, tc.p)
		body, sum, _ := strings.Cut(got, "_"+checksum(tc.body))
		if body != tc.body || sum != "" {
			t.Errorf("Encode(%+v) = %q, want %q and its checksum", tc.p, got, tc.body)
		}
	}
	if got, want := checksum("ll1_p"), "9f9aea"; got != want {
		t.Errorf("checksum(ll1_p) = %s, want %s (zlib.crc32(b'll1_p') & 0xffffff)", got, want)
	}
}

func randomPlayground(r *rand.Rand) Playground {
	p := Default()
	if r.IntN(2) == 0 {
		ps := scenarios.Presets()
		s := ps[r.IntN(len(ps))]
		p.Scenario, p.Step = s.Name, r.IntN(s.Len())
		p.Values = s.StateAt(p.Step)
	}
	for f := grid.DAP; f <= grid.Margin; f++ {
		if r.IntN(2) == 0 {
			p.Values = p.Values.WithValue(f, grid.Hundredths(r.IntN(int(f.Max())+1)))
		}
	}
	if r.IntN(3) == 0 {
		p.Values.YAP = loss.Label(r.IntN(2))
	}
	if r.IntN(3) == 0 {
		p.Values.YAN = loss.Label(r.IntN(2))
	}
	if r.IntN(3) == 0 {
		p.Values = randomPoints(r, p.Values)
	}
	p.Chart = chartIDs[r.IntN(len(chartIDs))]
	return p
}

// randomPoints is s in points mode at random points: on the 0.01 grid (as
// keys and the mouse put them) or anywhere on the lattice (as a gradient
// step does), some coordinates 0.
func randomPoints(r *rand.Rand, s grid.State) grid.State {
	for {
		ps := grid.Points{Metric: []dist.Metric{dist.Euclidean, dist.Cosine}[r.IntN(2)]}
		for w := range ps.At {
			coord := func() float64 {
				switch r.IntN(3) {
				case 0:
					return 0
				case 1:
					return float64(r.IntN(401)-200) / 100
				}
				return grid.Snap(4*r.Float64() - 2)
			}
			ps.At[w] = grid.Point{X: coord(), Y: coord()}
		}
		if out, err := s.WithPoints(ps); err == nil {
			return out
		}
	}
}

// Every state round-trips, and every string is canonical and safe.
func TestRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		p := randomPlayground(r)
		s := mustEncode(t, p)
		d, err := Decode(s)
		if err != nil {
			t.Fatalf("Decode(%q): %v", s, err)
		}
		if d.Mode != ModePlayground || d.Playground != p {
			t.Fatalf("Decode(Encode(%+v)) = %+v", p, d.Playground)
		}
		if again := mustEncode(t, d.Playground); again != s {
			t.Fatalf("not canonical: %q then %q", s, again)
		}
		for i := 0; i < len(s); i++ {
			if !allowed(s[i]) {
				t.Fatalf("%q has %q", s, s[i])
			}
		}
	}
}

// A paste cut anywhere is refused, and so is any one character changed.
func TestTruncatedAndChangedRefused(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		s := mustEncode(t, randomPlayground(r))
		for n := 0; n < len(s); n++ {
			if _, err := Decode(s[:n]); err == nil {
				t.Fatalf("prefix %q of %q accepted", s[:n], s)
			}
		}
		i := r.IntN(len(s))
		const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789.-_"
		c := alphabet[r.IntN(len(alphabet))]
		if c == s[i] {
			continue
		}
		changed := s[:i] + string(c) + s[i+1:]
		if d, err := Decode(changed); err == nil {
			// Only a CRC collision (1 in 2^24) could get here.
			t.Fatalf("changed %q (from %q) accepted as %+v", changed, s, d)
		}
	}
}

// withSum appends the right checksum, to test the field checks behind it.
func withSum(body string) string { return body + "_" + checksum(body) }

func TestDecodeNamesTheField(t *testing.T) {
	for _, tc := range []struct {
		in, field string
		reason    string
	}{
		{"", FieldVersion, "share.state.not-state"},
		{"hello", FieldVersion, "share.state.not-state"},
		{"ll2_p_abcdef", FieldVersion, "share.state.version"},
		{"ll1_p", FieldChecksum, "share.state.truncated"},
		{"ll1_p_000000", FieldChecksum, "share.state.checksum"},
		{"ll1_p_dap-0.3 x", FieldString, "share.state.character"},
		{strings.Repeat("a", MaxLen+1), FieldString, "share.state.too-long"},
		{withSum("ll1_x"), FieldMode, "share.state.mode"},
		{withSum("ll1_p_dap-0.70"), "dap", "share.state.spelling"},
		{withSum("ll1_p_dap-0.7"), "dap", "share.state.default"},
		{withSum("ll1_p_dap-0.333"), "dap", "share.state.grid"},
		{withSum("ll1_p_dap-3.01"), "dap", "share.state.range"},
		{withSum("ll1_p_m-1e-1"), "m", "share.state.number"},
		{withSum("ll1_p_m-Inf"), "m", "share.state.number"},
		{withSum("ll1_p_dap-NaN"), "dap", "share.state.number"},
		{withSum("ll1_p_dan-0x1p-2"), "dan", "share.state.number"},
		{withSum("ll1_p_dan-.3"), "dan", "share.state.spelling"},
		{withSum("ll1_p_m-0.3_dap-0.3"), "dap", "share.state.order"},
		{withSum("ll1_p_dap-0.3_dap-0.4"), "dap", "share.state.order"},
		{withSum("ll1_p_x-1"), "x", "share.state.unknown-field"},
		{withSum("ll1_p_dap"), "dap", "share.state.no-value"},
		{withSum("ll1_p_sc-nope"), "sc", "share.state.unknown-preset"},
		{withSum("ll1_p_st-1"), "st", "share.state.step-no-scenario"},
		{withSum("ll1_p_sc-blog-case-1_st-99"), "st", "share.state.step-range"},
		{withSum("ll1_p_sc-blog-case-1_st-01"), "st", "share.state.step-range"},
		{withSum("ll1_p_yap-x"), "yap", "share.state.label"},
		{withSum("ll1_p_yap-s"), "yap", "share.state.default"},
		{withSum("ll1_p_c-pie"), "c", "share.state.chart"},
		{withSum("ll1_p_c-triplet"), "c", "share.state.default"},
		{withSum("ll1_p_pts-x"), "pts", "points.state.metric"},
		{withSum("ll1_p_dap-0.3_pts-e"), "dap", "points.state.derived"},
		{withSum("ll1_p_px-0.3"), "px", "points.state.needs-points"},
		{withSum("ll1_p_pts-e_px-1e-1"), "px", "points.state.coordinate"},
		{withSum("ll1_p_pts-e_px-5.5"), "px", "points.state.coordinate"},
		{withSum("ll1_p_pts-e_px-0.1234567890123"), "px", "points.state.coordinate"},
		{withSum("ll1_p_pts-e_px-0.50"), "px", "share.state.spelling"},
		{withSum("ll1_p_pts-e_px-0"), "px", "share.state.default"},
		{withSum("ll1_p_pts-e_px--0"), "px", "share.state.default"},
		{withSum("ll1_p_pts-e_px-3.5"), "pts", "points.state.points"},
		{withSum("ll1_p_pts-c_px-1"), "pts", "points.state.points"},
		{withSum("ll1_p_pts-e_ny-0.5_px-1"), "px", "share.state.order"},
	} {
		_, err := Decode(tc.in)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Decode(%q) = %v, want an *Error", tc.in, err)
			continue
		}
		if e.Field != tc.field || string(e.Reason) != tc.reason {
			t.Errorf("Decode(%q): field %q reason %q, want %q %q (%v)", tc.in, e.Field, e.Reason, tc.field, tc.reason, err)
		}
		if !strings.Contains(err.Error(), tc.field) {
			t.Errorf("Decode(%q): %q does not name %q", tc.in, err, tc.field)
		}
	}
}

func TestEncodeRefusesWhatCannotReopen(t *testing.T) {
	for _, p := range []Playground{
		{Scenario: "nope", Values: grid.Article()},
		{Step: 1, Values: grid.Article()},
		{Scenario: "blog-case-1", Step: 50, Values: grid.Article()},
		{Values: grid.State{DAP: 301, Margin: 20}},
		{Values: grid.State{Margin: 201}},
		{Values: grid.Article(), Chart: "bar"},
	} {
		if s, err := Encode(p); err == nil {
			t.Errorf("Encode(%+v) = %q, want an error", p, s)
		}
	}
}

func FuzzDecode(f *testing.F) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 20 {
		s, _ := Encode(randomPlayground(r))
		f.Add(s)
	}
	for _, s := range []string{"", "ll1", "ll1_p", "ll1_p_9f9aea", withSum("ll1_p_dap-0.70"), withSum("ll1_p_sc-_st-"), withSum("ll1_p_m-NaN"), withSum("ll1_p_dap-Inf"), withSum("ll1_p_st-99999999999999999999")} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Decode(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Field == "" {
				t.Fatalf("Decode(%q): %v does not name a field", s, err)
			}
			return
		}
		again, err := Encode(d.Playground)
		if err != nil || again != s {
			t.Fatalf("Decode(%q) then Encode = %q, %v", s, again, err)
		}
	})
}

// Target: a few microseconds per string (measured 1.8 µs), so that the panel
// can spell the state at every frame.
func BenchmarkEncode(b *testing.B) {
	p := Playground{Scenario: "contrastive-vs-triplet", Step: 1, Values: grid.State{DAP: 75, DAN: 20, Margin: 25}, Chart: ChartGeometry}
	for b.Loop() {
		if _, err := Encode(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	s, _ := Encode(Playground{Scenario: "contrastive-vs-triplet", Step: 1, Values: grid.State{DAP: 75, DAN: 20, Margin: 25}, Chart: ChartGeometry})
	for b.Loop() {
		if _, err := Decode(s); err != nil {
			b.Fatal(err)
		}
	}
}

// Strings written before charts were named by the playground's chart table
// (when Playground.Chart was an index) reopen the same state: users keep
// and share them.
func TestOldStringsStillDecode(t *testing.T) {
	values := grid.State{DAP: 30, DAN: 50, Margin: 20, YAP: loss.Same, YAN: loss.Different}
	for _, tc := range []struct {
		s     string
		chart string
		p     Playground
	}{
		{s: "ll1_p_dap-0.3_5cc187", chart: ChartTriplet},
		{s: "ll1_p_dap-0.3_c-contrastive_b80565", chart: ChartContrastive},
		{s: "ll1_p_dap-0.3_c-heatmap_67d638", chart: ChartHeatmap},
		{s: "ll1_p_dap-0.3_c-geometry_615484", chart: ChartGeometry},
		{s: "ll1_p_dap-0.3_c-history_32fff9", chart: ChartHistory},
		{s: "ll1_p_sc-contrastive-vs-triplet_st-1_dap-0.75_dan-0.2_m-0.25_yap-d_c-geometry_1cd390",
			p: Playground{Scenario: "contrastive-vs-triplet", Step: 1, Values: grid.State{DAP: 75, DAN: 20, Margin: 25, YAP: loss.Different, YAN: loss.Different}, Chart: ChartGeometry}},
		{s: "ll1_p_sc-blog-case-1_st-2_dap-0.75_dan-0.2_m-0.25_yap-d_c-history_8cb9ca",
			p: Playground{Scenario: "blog-case-1", Step: 2, Values: grid.State{DAP: 75, DAN: 20, Margin: 25, YAP: loss.Different, YAN: loss.Different}, Chart: ChartHistory}},
	} {
		t.Run(tc.s, func(t *testing.T) {
			want := tc.p
			if want.Scenario == "" {
				want = Playground{Values: values, Chart: tc.chart}
			}
			d, err := Decode(tc.s)
			if err != nil || d.Mode != ModePlayground || d.Playground != want {
				t.Fatalf("Decode = %+v, %v; want %+v", d.Playground, err, want)
			}
			if again := mustEncode(t, d.Playground); again != tc.s {
				t.Errorf("spelled again as %q", again)
			}
		})
	}
}

// Points mode by hand: the article's default points spell as their
// non-zero coordinates, d(a,p) and d(a,n) left to the points; a string
// reopens the points exactly, the distances they give included.
func TestPointsByHand(t *testing.T) {
	p := Default()
	p.Values = p.Values.WithPointsFrom(grid.Points{})
	moved := p
	ps := moved.Values.Points
	ps.Metric, ps.At[grid.N] = dist.Cosine, grid.Point{X: -0.3, Y: 0.4}
	moved.Values, _ = moved.Values.WithPoints(ps)
	for _, tc := range []struct {
		p    Playground
		body string
	}{
		{p, "ll1_p_pts-e_ax-1_px-1.7_nx-0.7_ny-0.4"},
		{moved, "ll1_p_pts-c_ax-1_px-1.7_nx--0.3_ny-0.4"},
	} {
		got := mustEncode(t, tc.p)
		if got != withSum(tc.body) {
			t.Errorf("Encode = %q, want %q", got, withSum(tc.body))
		}
		d, err := Decode(got)
		if err != nil || d.Playground != tc.p {
			t.Errorf("Decode(%q) = %+v, %v", got, d.Playground, err)
		}
	}
	// cos(a, n) = −0.6: d(a,n) = 1.6, d(a,p) = 0 (p points where a does).
	if set := moved.Values.Setting(); set.DAP != 0 || math.Abs(set.DAN-1.6) > 1e-15 || moved.Values.DAN != 160 {
		t.Errorf("cosine distances %v, %v (control %v)", set.DAP, set.DAN, moved.Values.DAN)
	}
}

// The longest string points mode can spell still fits MaxLen: the longest
// preset name, its last step, every field and six coordinates of twelve
// decimals.
func TestLongestPointsStringFits(t *testing.T) {
	var longest *scenarios.Scenario
	for _, s := range scenarios.Presets() {
		if longest == nil || len(s.Name) > len(longest.Name) {
			longest = s
		}
	}
	step := longest.Len() - 1
	p := Playground{Scenario: longest.Name, Step: step, Values: longest.StateAt(step), Chart: ChartContrastive}
	p.Values = p.Values.WithValue(grid.Margin, 199)
	p.Values.YAP, p.Values.YAN = 1-p.Values.YAP, 1-p.Values.YAN
	ps := grid.Points{Metric: dist.Cosine, At: [grid.NumPoints]grid.Point{
		{X: -1.123456789012, Y: -1.234567890123}, {X: -1.345678901234, Y: -0.456789012345}, {X: -1.567890123456, Y: -1.678901234567}}}
	var err error
	if p.Values, err = p.Values.WithPoints(ps); err != nil {
		t.Fatal(err)
	}
	s := mustEncode(t, p)
	if len(s) > MaxLen {
		t.Fatalf("%d characters: %s", len(s), s)
	}
	if d, err := Decode(s); err != nil || d.Playground != p {
		t.Fatalf("Decode(%q) = %+v, %v", s, d.Playground, err)
	}
}
