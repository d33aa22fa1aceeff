package kinfuzz_test

// The intended differences between the generated server and kin-openapi,
// each narrow: a rewrite of the body that removes exactly the construct
// the two read differently, after which both must agree again. A
// disagreement that no rewrite explains, or that survives its rewrite, is
// a failure.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// node is a JSON value that keeps what encoding/json's any loses: key
// order and keys given twice (obj's keys and vals run in parallel).
type node struct {
	kind byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	keys []string
	vals []*node
	str  string // a string's value, a number's text
	b    bool
}

// parseNodes reads one JSON text and what follows it ("" when only
// space); ok is false when the text is not JSON.
func parseNodes(body []byte) (n *node, rest []byte, ok bool) {
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	n, err := readNode(d)
	if err != nil {
		return nil, nil, false
	}
	// JSON's whitespace only (RFC 8259: space, tab, line feed, carriage
	// return): a vertical tab after the value is data, which the server
	// refuses (bytes.TrimSpace took it away; found by FuzzBodiesAgainstKin).
	return n, bytes.Trim(body[d.InputOffset():], " \t\n\r"), true
}

func readNode(d *json.Decoder) (*node, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch v := tok.(type) {
	case json.Delim:
		n := &node{kind: 'a'}
		if v == '{' {
			n.kind = 'o'
		}
		for d.More() {
			if n.kind == 'o' {
				k, err := d.Token()
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, k.(string))
			}
			item, err := readNode(d)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, item)
		}
		if _, err := d.Token(); err != nil {
			return nil, err
		}
		return n, nil
	case string:
		return &node{kind: 's', str: v}, nil
	case json.Number:
		return &node{kind: 'n', str: v.String()}, nil
	case bool:
		return &node{kind: 'b', b: v}, nil
	case nil:
		return &node{kind: 'z'}, nil
	}
	return nil, io.ErrUnexpectedEOF
}

// encode writes n back as JSON text, keys given twice included.
func (n *node) encode(w *bytes.Buffer) {
	switch n.kind {
	case 'o', 'a':
		open, end := byte('['), byte(']')
		if n.kind == 'o' {
			open, end = '{', '}'
		}
		w.WriteByte(open)
		for i, v := range n.vals {
			if i > 0 {
				w.WriteByte(',')
			}
			if n.kind == 'o' {
				k, _ := json.Marshal(n.keys[i])
				w.Write(k)
				w.WriteByte(':')
			}
			v.encode(w)
		}
		w.WriteByte(end)
	case 's':
		s, _ := json.Marshal(n.str)
		w.Write(s)
	case 'n':
		w.WriteString(n.str)
	case 'b':
		w.WriteString(strconv.FormatBool(n.b))
	default:
		w.WriteString("null")
	}
}

// get is the value of an object's key (the last one given), or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != 'o' {
		return nil
	}
	for i := len(n.keys) - 1; i >= 0; i-- {
		if n.keys[i] == key {
			return n.vals[i]
		}
	}
	return nil
}

// drop removes an object's key.
func (n *node) drop(key string) {
	for i := 0; i < len(n.keys); i++ {
		if n.keys[i] == key {
			n.keys = append(n.keys[:i:i], n.keys[i+1:]...)
			n.vals = append(n.vals[:i:i], n.vals[i+1:]...)
			i--
		}
	}
}

// dedupe keeps the last of every key given twice, as kin-openapi's
// decoder (encoding/json into any) reads it, everywhere in n.
func (n *node) dedupe() bool {
	changed := false
	if n.kind == 'o' {
		seen := map[string]bool{}
		for i := len(n.keys) - 1; i >= 0; i-- {
			if seen[n.keys[i]] {
				n.keys = append(n.keys[:i:i], n.keys[i+1:]...)
				n.vals = append(n.vals[:i:i], n.vals[i+1:]...)
				changed = true
				continue
			}
			seen[n.keys[i]] = true
		}
	}
	for _, v := range n.vals {
		changed = v.dedupe() || changed
	}
	return changed
}

// integers rewrites every integral number written with a fraction or an
// exponent (5.0, 1e1) as an integer (5, 10), everywhere in n.
func (n *node) integers() bool {
	changed := false
	if n.kind == 'n' && strings.ContainsAny(n.str, ".eE") {
		if f, err := strconv.ParseFloat(n.str, 64); err == nil && f == math.Trunc(f) && math.Abs(f) <= 1<<53 {
			n.str = strconv.FormatFloat(f, 'f', -1, 64)
			if n.str == "-0" {
				n.str = "0"
			}
			changed = true
		}
	}
	for _, v := range n.vals {
		changed = v.integers() || changed
	}
	return changed
}

// kinBytePattern is kin-openapi's pattern for format byte.
var kinBytePattern = regexp.MustCompile(`(^$|^[a-zA-Z0-9+/\-_]*=*$)`)

// kinLeapSecond is a date-time at second 60 that kin-openapi takes.
var kinLeapSecond = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:60`)

// rewrite is a body without the constructs the two sides read
// differently by design, and the reasons; nil when there is none.
func rewrite(c call) (*call, []string) {
	n, rest, ok := parseNodes(c.body)
	if !ok {
		return nil, nil
	}
	var why []string
	if len(rest) > 0 {
		// kin-openapi's decoder (json.Decoder.Decode) reads the first
		// value and ignores the rest; a body of two JSON texts is no JSON.
		why = append(why, "data after the JSON value")
	}
	if n.dedupe() {
		// RFC 8259 leaves a key given twice to the reader; the server
		// refuses it (README), kin-openapi keeps the last.
		why = append(why, "a key given twice")
	}
	if n.integers() {
		// OpenAPI 3.0's JSON Schema (draft Wright-00, as draft 4): an
		// integer has no fraction or exponent part; kin-openapi takes any
		// integral number (draft 6's reading). In a 3.1 document (JSON
		// Schema 2020-12) 5.0 is an integer, so there the server's
		// refusal is a known difference, not an intended one (README).
		why = append(why, "an integer written with a fraction or exponent")
	}
	switch c.path {
	case "/maps":
		if v := n.get("any"); v != nil && v.kind == 'z' {
			// OpenAPI 3.0.3: nullable adds null to the type the schema
			// states, so a schema without a type ({}) takes null, as JSON
			// Schema's {} does; kin-openapi refuses it.
			n.drop("any")
			why = append(why, "null for a free-form value")
		}
	case "/formats", "/nullables", "/nulls":
		if v := n.get("at"); v != nil && v.kind == 's' && kinLeapSecond.MatchString(v.str) {
			// Go's time.Time refuses a leap second (:60), kin-openapi's
			// pattern takes it: judged at :59.
			v.str = v.str[:17] + "59" + v.str[19:]
			why = append(why, "a leap second")
		}
		for _, k := range []string{"site", "opens", "lasts", "host"} {
			if c.path == "/formats" && n.get(k) != nil {
				// kin-openapi does not check uri, time, duration or
				// hostname: not compared (the runtime's formats_test.go
				// holds the generated checks to their RFCs).
				n.drop(k)
				why = append(why, "a format kin-openapi does not check ("+k+")")
			}
		}
		if v := n.get("raw"); v != nil && v.kind == 's' && kinBytePattern.MatchString(v.str) {
			if _, err := base64.StdEncoding.Strict().DecodeString(v.str); err != nil {
				// OpenAPI 3.0's byte is base64 (RFC 4648 section 4,
				// padded, standard alphabet); kin-openapi's pattern also
				// takes unpadded text and the URL alphabet.
				n.drop("raw")
				why = append(why, "base64 that is not RFC 4648's padded standard alphabet")
			}
		}
	}
	if why == nil {
		return nil, nil
	}
	var b bytes.Buffer
	n.encode(&b)
	r := c
	r.body = b.Bytes()
	return &r, why
}
