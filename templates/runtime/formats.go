package runtime

import (
	"net/netip"
	"strconv"
	"time"
)

// Date is a calendar date without a time of day or a zone (format: date),
// written YYYY-MM-DD in JSON, XML and parameters.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf is the date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads a YYYY-MM-DD date, RFC 3339's full-date: the day must
// exist in its month.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, &DateError{Value: s}
	}
	return DateOf(t), nil
}

// DateError reports text that is not a YYYY-MM-DD date.
type DateError struct {
	// Value is the text at fault.
	Value string
}

// Error says what the text should be.
func (e *DateError) Error() string {
	return strconv.Quote(e.Value) + " is not a date (YYYY-MM-DD)"
}

// String is the date as YYYY-MM-DD.
func (d Date) String() string {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// IsZero reports whether d is the zero Date, which the generated code
// takes for absent.
func (d Date) IsZero() bool { return d == Date{} }

// MarshalText writes d as YYYY-MM-DD (JSON strings and XML text).
func (d Date) MarshalText() ([]byte, error) {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).AppendFormat(nil, time.DateOnly), nil
}

// timeTextLen is the length of t's wire text (RFC 3339 as the client sends
// it, time.RFC3339Nano), which minLength and maxLength judge; it does not
// allocate.
func timeTextLen(t time.Time) int {
	var buf [64]byte
	return len(t.AppendFormat(buf[:0], time.RFC3339Nano))
}

// dateTextLen is the length of d's wire text (YYYY-MM-DD, more digits for
// a year beyond 9999), without allocating.
func dateTextLen(d Date) int {
	var buf [32]byte
	return len(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).AppendFormat(buf[:0], time.DateOnly))
}

// UnmarshalText reads a YYYY-MM-DD date.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// isUUID reports whether s is a UUID of RFC 9562 (versions 1 to 8, the
// nil and the max UUID), in hexadecimal of either case with hyphens.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		switch i {
		case 8, 13, 18, 23:
			if s[i] != '-' {
				return false
			}
		default:
			if !isHex(s[i]) {
				return false
			}
		}
	}
	if s == "00000000-0000-0000-0000-000000000000" || s == "ffffffff-ffff-ffff-ffff-ffffffffffff" || s == "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF" {
		return true
	}
	v := s[14]
	return '1' <= v && v <= '8' && (s[19] == '8' || s[19] == '9' || s[19] == 'a' || s[19] == 'b' || s[19] == 'A' || s[19] == 'B')
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// isEmail reports whether s looks like an e-mail address: text, one @,
// and a domain without spaces, quotes or angle brackets (kin-openapi's
// FormatOfStringForEmail; no check can tell a deliverable address).
func isEmail(s string) bool {
	at := -1
	for i := 0; i < len(s); i++ {
		if s[i] == '@' {
			if at >= 0 {
				return false
			}
			at = i
		}
	}
	if at <= 0 || at == len(s)-1 {
		return false
	}
	for i := at + 1; i < len(s); i++ {
		switch s[i] {
		case '<', '>', '"', ',', ' ', '\t', '\n', '\v', '\f', '\r':
			return false
		}
	}
	return true
}

// isHostname reports whether s is a host name of RFC 1123 (JSON Schema's
// hostname): dot-separated labels of 1 to 63 letters, digits and hyphens,
// none starting or ending with a hyphen, 253 characters at most, no
// trailing dot.
func isHostname(s string) bool {
	if len(s) == 0 || len(s) > 253 {
		return false
	}
	label := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
			if label == 0 || s[i-1] == '-' {
				return false
			}
			label = 0
			continue
		case c == '-':
			if label == 0 {
				return false
			}
		case !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'):
			return false
		}
		if label++; label > 63 {
			return false
		}
	}
	return label > 0 && s[len(s)-1] != '-'
}

// isURI reports whether s is an absolute URI (RFC 3986): a scheme, a
// colon, then no space, control character or malformed %-escape.
func isURI(s string) bool {
	i := 0
	for ; i < len(s) && s[i] != ':'; i++ {
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	if i == 0 || i == len(s) {
		return false
	}
	for i++; i < len(s); i++ {
		switch c := s[i]; {
		case c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}':
			return false
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
		}
	}
	return true
}

// isIPv4 reports whether s is an IPv4 address in dotted decimal.
func isIPv4(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is4()
}

// isIPv6 reports whether s is an IPv6 address (an IPv4-mapped one too).
func isIPv6(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is6()
}

// isTime reports whether s is an RFC 3339 full-time or partial-time:
// HH:MM:SS, optional fraction, optional Z or ±HH:MM offset.
func isTime(s string) bool {
	if len(s) < 8 || !twoDigits(s, 0, 23) || s[2] != ':' || !twoDigits(s, 3, 59) || s[5] != ':' || !twoDigits(s, 6, 60) {
		return false
	}
	s = s[8:]
	if len(s) > 0 && s[0] == '.' {
		n := 1
		for n < len(s) && '0' <= s[n] && s[n] <= '9' {
			n++
		}
		if n == 1 {
			return false
		}
		s = s[n:]
	}
	switch {
	case s == "" || s == "Z" || s == "z":
		return true
	case len(s) == 6 && (s[0] == '+' || s[0] == '-'):
		return twoDigits(s, 1, 23) && s[3] == ':' && twoDigits(s, 4, 59)
	}
	return false
}

// twoDigits reports whether s[i:i+2] is a number from 00 to max.
func twoDigits(s string, i, max int) bool {
	if i+2 > len(s) || s[i] < '0' || s[i] > '9' || s[i+1] < '0' || s[i+1] > '9' {
		return false
	}
	return int(s[i]-'0')*10+int(s[i+1]-'0') <= max
}

// isDuration reports whether s is an ISO 8601 duration (RFC 3339
// appendix A): P, then years, months, weeks and days, and after a T hours,
// minutes and seconds, each a number and its letter, in that order, at
// least one; the last may have a fraction.
func isDuration(s string) bool {
	if len(s) < 3 || s[0] != 'P' {
		return false
	}
	units, seen, inTime := "YMWD", 0, false
	for i := 1; i < len(s); {
		if s[i] == 'T' && !inTime {
			inTime, units, i = true, "HMS", i+1
			if i == len(s) {
				return false
			}
			continue
		}
		j := i
		for j < len(s) && ('0' <= s[j] && s[j] <= '9' || s[j] == '.' || s[j] == ',') {
			j++
		}
		if j == i || j == len(s) {
			return false
		}
		k := indexByte(units, s[j])
		if k < 0 {
			return false
		}
		units, i, seen = units[k+1:], j+1, seen+1
	}
	return seen > 0
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
