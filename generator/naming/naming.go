// Package naming computes every Go identifier the generator prints. No other
// package turns a spec name into a Go name.
package naming

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"
	"unicode"
)

// initialisms are printed in upper case, as Go style asks: the common ones
// from the Go wiki, and common telephony terms (MSISDN, SMS, SIP, ...).
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true,
	"IP": true, "JSON": true, "QPS": true, "RAM": true, "RPC": true, "SLA": true,
	"SMTP": true, "SQL": true, "SSH": true, "TCP": true, "TLS": true, "TTL": true,
	"UDP": true, "UI": true, "UID": true, "UUID": true, "URI": true, "URL": true,
	"UTF8": true, "VM": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true,
	// Telephony.
	"MSISDN": true, "SMS": true, "MMS": true, "LVN": true, "SIP": true, "MCC": true, "MNC": true,
}

// Words splits a spec name into words: at any character that is not a letter
// or digit, and at lower-to-upper and acronym-to-word case changes
// ("moHttpUrl" → mo, Http, Url; "HTTPServer" → HTTP, Server).
//
// A Go name is ASCII: a letter or digit outside ASCII is spelt as U and its
// code point in hex ("getаccount", with a Cyrillic а, → get, U0430ccount),
// so two names that differ by a confusable character never give two
// identical-looking identifiers.
func Words(s string) []string {
	var words []string
	runes := []rune(asciiSpelling(s))
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			words = append(words, string(runes[start:end]))
		}
		start = -1
	}
	for i, r := range runes {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := runes[i-1]
		switch {
		case unicode.IsLower(prev) && unicode.IsUpper(r):
			flush(i)
			start = i
		case unicode.IsUpper(prev) && unicode.IsUpper(r) && i+1 < len(runes) && unicode.IsLower(runes[i+1]):
			flush(i)
			start = i
		}
	}
	flush(len(runes))
	return words
}

// asciiSpelling spells every non-ASCII letter or digit of s as "U" and its
// code point (four or more upper-case hex digits); other non-ASCII
// characters stay, to separate words.
func asciiSpelling(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			fmt.Fprintf(&b, "U%04X", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Exported is the exported Go spelling of a spec name: "error-code" →
// ErrorCode, "msisdn" → MSISDN, "moHttpUrl" → MoHTTPURL. A name that
// would start with a digit is prefixed with "N". An empty result is "X".
func Exported(s string) string {
	var b strings.Builder
	for _, w := range Words(s) {
		up := strings.ToUpper(w)
		if initialisms[up] {
			b.WriteString(up)
			continue
		}
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	name := b.String()
	if name == "" {
		return "X"
	}
	if unicode.IsDigit([]rune(name)[0]) {
		return "N" + name
	}
	return name
}

// Unexported is the unexported Go spelling of a spec name: the first word in
// lower case ("MSISDN" → msisdn, "moHttpUrl" → moHTTPURL). Keywords get an
// underscore suffix, checked with go/token.
func Unexported(s string) string {
	words := Words(s)
	if len(words) == 0 {
		return "x"
	}
	first := strings.ToLower(words[0])
	rest := Exported(strings.Join(words[1:], " "))
	if len(words) == 1 {
		rest = ""
	}
	name := first + rest
	if unicode.IsDigit([]rune(name)[0]) {
		name = "n" + name
	}
	if token.IsKeyword(name) {
		name += "_"
	}
	return name
}

// Scope hands out names that must be unique within it (the types of a
// package, the fields of a struct). The zero value is not usable; call
// NewScope.
type Scope struct {
	taken map[string]bool
}

// NewScope returns a scope in which the reserved names are already taken.
func NewScope(reserved ...string) *Scope {
	s := &Scope{taken: make(map[string]bool)}
	for _, r := range reserved {
		s.taken[r] = true
	}
	return s
}

// Taken reports whether name is in use.
func (s *Scope) Taken(name string) bool { return s.taken[name] }

// Claim takes name, reporting false when it was already taken.
func (s *Scope) Claim(name string) bool {
	if s.taken[name] {
		return false
	}
	s.taken[name] = true
	return true
}

// Unique takes name, or name followed by the smallest number from 2 that
// is free. Callers must ask in a deterministic order.
func (s *Scope) Unique(name string) string {
	if s.Claim(name) {
		return name
	}
	for i := 2; ; i++ {
		n := name + strconv.Itoa(i)
		if s.Claim(n) {
			return n
		}
	}
}
