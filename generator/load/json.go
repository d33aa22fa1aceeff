package load

import (
	"bytes"
	"fmt"
	"strconv"
)

// yamlSafe returns a JSON document's bytes with the escapes YAML's parser
// refuses rewritten into ones it reads as the same string, so that a valid
// JSON document loads (YAML parses it, with positions, in this package and
// in kin-openapi). YAML rejects UTF-16 surrogate escapes: a pair
// ("\ud83d\udc4d", one character outside the Basic Multilingual Plane)
// becomes YAML's eight-digit escape ("\U0001F44D"), and a lone surrogate,
// which JSON's grammar allows and Go's encoding/json reads as U+FFFD,
// becomes "\uFFFD". A pair is two bytes shorter than its rewrite; as many
// spaces follow the string's closing quote, so that every line and column
// after the string stays where it was in the original. Data that does not
// start as a JSON object, or holds no surrogate escape, is returned as is.
func yamlSafe(data []byte) []byte {
	if !isJSONObject(data) || !bytes.Contains(data, []byte(`\u`)) {
		return data
	}
	var out []byte // nil until the first rewrite
	inString, pad := false, 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case !inString:
			inString = c == '"'
		case c == '"':
			inString = false
			if pad > 0 {
				out = append(out, '"')
				out = append(out, bytes.Repeat([]byte(" "), pad)...)
				pad = 0
				continue
			}
		case c == '\\' && i+1 < len(data):
			if rewrite, n := surrogate(data[i:]); n > 0 {
				if out == nil {
					out = append(make([]byte, 0, len(data)+16), data[:i]...)
				}
				out = append(out, rewrite...)
				pad += n - len(rewrite)
				i += n - 1
				continue
			}
			if out != nil {
				out = append(out, c, data[i+1])
			}
			i++
			continue
		}
		if out != nil {
			out = append(out, c)
		}
	}
	if out == nil {
		return data
	}
	return out
}

// surrogate reads the escape at the start of s ("\uXXXX..."). When it is a
// UTF-16 surrogate it returns its YAML rewrite and the number of bytes of
// s it replaces; otherwise n is 0.
func surrogate(s []byte) (rewrite []byte, n int) {
	hi, ok := hex4(s)
	if !ok || hi < 0xD800 || hi > 0xDFFF {
		return nil, 0
	}
	if hi <= 0xDBFF {
		if lo, ok := hex4(s[6:]); ok && lo >= 0xDC00 && lo <= 0xDFFF {
			r := 0x10000 + (hi-0xD800)<<10 + (lo - 0xDC00)
			return fmt.Appendf(nil, `\U%08X`, r), 12
		}
	}
	return []byte(`\uFFFD`), 6
}

// hex4 decodes "\uXXXX" at the start of s.
func hex4(s []byte) (rune, bool) {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return 0, false
	}
	v, err := strconv.ParseUint(string(s[2:6]), 16, 16)
	return rune(v), err == nil
}

// isJSONObject reports whether data starts, after JSON's whitespace, with
// "{": a JSON document (a YAML one starts with a key or "---").
func isJSONObject(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '{'
}
