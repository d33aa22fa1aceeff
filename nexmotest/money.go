package nexmotest

import (
	"errors"
	"strconv"
	"strings"
)

// Micros is an amount of euros counted in millionths (micro-euros), so that
// sums and differences are exact.
type Micros int64

// microsPerEuro is one euro in micro-euros.
const microsPerEuro = 1_000_000

// Euros returns m as a float64 number of euros, as Nexmo's balance reports it.
func (m Micros) Euros() float64 { return float64(m) / microsPerEuro }

// String formats m as a decimal string of euros with at least two decimals
// and no trailing zeros beyond them: 500000 is "0.50", 1 is "0.000001".
func (m Micros) String() string { return m.Decimal(2) }

// Decimal formats m as a decimal string of euros with at least minDecimals
// decimals (at most 6; the pricing table uses 8 by padding zeros).
func (m Micros) Decimal(minDecimals int) string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign, v = "-", -v
	}
	frac := strconv.FormatInt(v%microsPerEuro+microsPerEuro, 10)[1:]
	frac = strings.TrimRight(frac, "0")
	for len(frac) < minDecimals {
		frac += "0"
	}
	out := sign + strconv.FormatInt(v/microsPerEuro, 10)
	if frac != "" {
		out += "." + frac
	}
	return out
}

// errAmount is the error of ParseMicros.
var errAmount = errors.New("nexmotest: not a non-negative decimal amount with at most 6 decimals")

// ParseMicros reads a non-negative decimal amount of euros ("0.50", "12",
// "0.000001") exactly. More than six decimals, unless they are zeros, is an
// error.
func ParseMicros(s string) (Micros, error) {
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	if whole == "" || len(whole) > 12 || len(frac) > 6 || !digits(whole) || !digits(frac) {
		return 0, errAmount
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f := int64(0)
	if frac != "" {
		f, _ = strconv.ParseInt(frac+strings.Repeat("0", 6-len(frac)), 10, 64)
	}
	return Micros(w*microsPerEuro + f), nil
}

// digits reports whether s holds only ASCII digits (true for "").
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
