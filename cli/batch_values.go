package cli

import (
	"fmt"
	"strconv"
	"strings"

	"losslab/i18n"
)

// byteSize is a flag value holding a number of bytes: 1073741824, 512MiB,
// 512M, 1GiB, 1G (K, M, G are powers of 1024).
type byteSize struct{ v *int64 }

func (f byteSize) Type() string { return "size" }

func (f byteSize) String() string {
	if f.v == nil {
		return ""
	}
	for _, u := range []struct {
		name  string
		shift uint
	}{{"GiB", 30}, {"MiB", 20}, {"KiB", 10}} {
		if *f.v > 0 && *f.v%(1<<u.shift) == 0 {
			return fmt.Sprintf("%d%s", *f.v>>u.shift, u.name)
		}
	}
	return strconv.FormatInt(*f.v, 10)
}

func (f byteSize) Set(s string) error {
	t := strings.TrimSpace(s)
	cut := len(strings.TrimRight(t, "KMGBIkmgbi")) // the number, then its unit
	num, unit := strings.TrimSpace(t[:cut]), strings.ToUpper(t[cut:])
	shift := map[string]uint{"": 0, "B": 0, "K": 10, "KB": 10, "KIB": 10, "M": 20, "MB": 20, "MIB": 20, "G": 30, "GB": 30, "GIB": 30}
	sh, ok := shift[unit]
	v, err := strconv.ParseInt(num, 10, 64)
	if !ok || err != nil || v <= 0 {
		return usagef(i18n.BatchErrSize)
	}
	if v > (1<<62)>>sh {
		return usagef(i18n.BatchErrSize)
	}
	*f.v = v << sh
	if *f.v < 1<<20 {
		return usagef(i18n.BatchErrSizeSmall)
	}
	return nil
}

// anchorSample is a flag value: "auto" (0: sample when the estimate is
// long), "all" (-1) or a number of anchors K ≥ 2.
type anchorSample struct{ v *int }

const (
	sampleAuto = 0
	sampleAll  = -1
)

func (f anchorSample) Type() string { return "anchors" }

func (f anchorSample) String() string {
	if f.v == nil {
		return ""
	}
	switch *f.v {
	case sampleAuto:
		return "auto"
	case sampleAll:
		return "all"
	}
	return strconv.Itoa(*f.v)
}

func (f anchorSample) Set(s string) error {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "auto":
		*f.v = sampleAuto
		return nil
	case "all":
		*f.v = sampleAll
		return nil
	}
	k, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || k < 2 {
		return usagef(i18n.BatchErrSample)
	}
	*f.v = k
	return nil
}
