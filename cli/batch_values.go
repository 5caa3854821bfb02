package cli

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"losslab/core/batch"
	"losslab/i18n"
	"losslab/internal/numfmt"
	"losslab/internal/termsafe"
)

// byteSize is a flag value holding a number of bytes: 1073741824, 512MiB,
// 512M, 1GiB, 1G, 1TiB (K, M, G, T are powers of 1024).
type byteSize struct{ v *int64 }

func (f byteSize) Type() string { return "size" }

// sizeUnits are the units a size may carry, as shifts of 1.
var sizeUnits = map[string]uint{"": 0, "B": 0, "K": 10, "KB": 10, "KIB": 10, "M": 20, "MB": 20, "MIB": 20,
	"G": 30, "GB": 30, "GIB": 30, "T": 40, "TB": 40, "TIB": 40}

func (f byteSize) String() string {
	if f.v == nil {
		return ""
	}
	for _, u := range []struct {
		name  string
		shift uint
	}{{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}} {
		if *f.v > 0 && *f.v%(1<<u.shift) == 0 {
			return fmt.Sprintf("%d%s", *f.v>>u.shift, u.name)
		}
	}
	return strconv.FormatInt(*f.v, 10)
}

// Set parses a size, saying which part of it is wrong: the number, the
// unit, a fraction (with the same size in whole units), or its range.
func (f byteSize) Set(s string) error {
	t := strings.TrimSpace(s)
	cut := strings.IndexFunc(t, func(r rune) bool { return !strings.ContainsRune("0123456789.+-", r) })
	if cut < 0 {
		cut = len(t)
	}
	num, unit := t[:cut], strings.TrimSpace(t[cut:])
	sh, ok := sizeUnits[strings.ToUpper(unit)]
	switch {
	case num == "":
		return usagef(i18n.BatchErrSize, termsafe.Echo(s))
	case !ok:
		return usagef(i18n.BatchErrSizeUnit, termsafe.Echo(s), termsafe.Echo(unit))
	}
	v, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		x, ferr := strconv.ParseFloat(num, 64)
		switch {
		case ferr != nil && !errors.Is(ferr, strconv.ErrRange):
			return usagef(i18n.BatchErrSize, termsafe.Echo(s))
		case x*float64(int64(1)<<sh) >= 1<<62:
			return usagef(i18n.BatchErrSizeLarge, termsafe.Echo(s))
		case !(x >= 1<<20/float64(int64(1)<<sh)):
			return usagef(i18n.BatchErrSizeSmall, termsafe.Echo(s))
		}
		whole := int64(math.Round(x * float64(int64(1)<<sh)))
		return usagef(i18n.BatchErrSizeWhole, termsafe.Echo(s), byteSize{&whole}.String())
	}
	switch {
	case v > (1<<62)>>sh:
		return usagef(i18n.BatchErrSizeLarge, termsafe.Echo(s))
	case v<<sh < 1<<20:
		return usagef(i18n.BatchErrSizeSmall, termsafe.Echo(s))
	}
	*f.v = v << sh
	return nil
}

// anchorSample is a flag value: "auto" (0: sample when the estimate is
// long), "all" (-1) or a number of anchors K ≥ batch.MinSampleAnchors.
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
	switch {
	case err != nil:
		return usagef(i18n.BatchErrSample, termsafe.Echo(s))
	case k < batch.MinSampleAnchors: // the intervals' normal approximation needs that many
		return usagef(i18n.BatchErrSampleSmall, termsafe.Echo(s), numfmt.Count(batch.MinSampleAnchors))
	}
	*f.v = k
	return nil
}
