package cli

import (
	"strings"
	"testing"

	"losslab/core/batch"
)

func TestByteSize(t *testing.T) {
	for in, want := range map[string]int64{"1GiB": 1 << 30, "512MiB": 512 << 20, "512M": 512 << 20, "2g": 2 << 30, "1048576": 1 << 20, " 64 MB ": 64 << 20, "4096KiB": 4 << 20, "1T": 1 << 40, "2TiB": 2 << 40} {
		var v int64
		if err := (byteSize{&v}).Set(in); err != nil || v != want {
			t.Errorf("Set(%q) = %d, %v; want %d", in, v, err, want)
		}
	}
	for _, in := range []string{"", "lots", "1.5G", "-1G", "0", "1P", "1000", "99999999999999999G", "1e9"} {
		var v int64
		if err := (byteSize{&v}).Set(in); err == nil {
			t.Errorf("Set(%q) accepted: %d", in, v)
		}
	}
	v := int64(1 << 30)
	if s := (byteSize{&v}).String(); s != "1GiB" {
		t.Errorf("String() = %q", s)
	}
}

func TestAnchorSample(t *testing.T) {
	for in, want := range map[string]int{"auto": sampleAuto, "ALL": sampleAll, "1000": 1000, "30": 30} {
		var v int
		if err := (anchorSample{&v}).Set(in); err != nil || v != want {
			t.Errorf("Set(%q) = %d, %v", in, v, err)
		}
	}
	for _, in := range []string{"1", "2", "29", "0", "-5", "some", "", "1.5"} {
		var v int
		if err := (anchorSample{&v}).Set(in); err == nil {
			t.Errorf("Set(%q) accepted", in)
		}
	}
}

// Whatever is typed, Set either fails or stores a value that String writes
// back to the same value.
func FuzzBatchFlagValues(f *testing.F) {
	for _, s := range []string{"1GiB", "512M", "lots", "-1", "99999999999999999G", "auto", "all", "17", "1e9", " 64 mb "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var size int64
		if (byteSize{&size}).Set(s) == nil {
			var again int64
			if err := (byteSize{&again}).Set((byteSize{&size}).String()); err != nil || again != size || size < 1<<20 {
				t.Fatalf("%q: %d round-trips to %d, %v", s, size, again, err)
			}
		}
		var k int
		if (anchorSample{&k}).Set(s) == nil {
			var again int
			if err := (anchorSample{&again}).Set((anchorSample{&k}).String()); err != nil || again != k || (k > 0 && k < batch.MinSampleAnchors) {
				t.Fatalf("%q: %d round-trips to %d, %v", s, k, again, err)
			}
			if k > 0 && strings.TrimSpace(s) == "" {
				t.Fatal("empty accepted")
			}
		}
	})
}
