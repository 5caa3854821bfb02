package numfmt

import (
	"errors"
	"strconv"
	"strings"
)

// ErrNotDecimal is ParseDecimal's answer to anything but a plain decimal.
var ErrNotDecimal = errors.New("not a decimal number")

// ParseDecimal reads a number as a person types one: an optional sign (the
// minus sign − too), digits, and at most one decimal point with a digit on
// one side of it (0.25, .5, 3.). Everything else strconv would take — NaN,
// Inf, hexadecimal 0x1p-1, exponents, underscores — is ErrNotDecimal, so
// that a typed value is the value the screen then shows; so is a decimal
// beyond float64.
func ParseDecimal(s string) (float64, error) {
	s = strings.Replace(strings.TrimSpace(s), "−", "-", 1)
	body := s
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	if body == "" || body == "." {
		return 0, ErrNotDecimal
	}
	point := false
	for _, c := range body {
		switch {
		case c == '.' && !point:
			point = true
		case c < '0' || c > '9':
			return 0, ErrNotDecimal
		}
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil { // beyond float64 (a 300-digit number): nothing a typed value can be
		return 0, ErrNotDecimal
	}
	return x, nil
}
