package examples

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
)

// The verdicts of Compare.
const (
	// Same: the re-encoding is the example, as a JSON value.
	Same = "same"
	// Equivalent: it differs only as the README says a decoded value
	// does (Note*).
	Equivalent = "equivalent"
	// Differs: it lost, added or changed a value.
	Differs = "differs"
)

// The differences the README documents, as Compare names them.
const (
	// NoteZeroAbsent: an optional property at its Go zero ("", 0,
	// false, an empty array or object) is not written ("Optional values
	// follow one convention: the zero value is absent").
	NoteZeroAbsent = "an optional property at its zero is absent"
	// NoteUndeclared: a key that no property of the object declares,
	// in an object without additionalProperties, is not kept (the
	// struct has no field for it; additionalProperties gives one).
	NoteUndeclared = "a key no property declares is not kept"
	// NoteTimeText: a date-time is written as time.RFC3339Nano writes
	// the same instant and offset ("2024-01-01T00:00:00.000Z" becomes
	// "2024-01-01T00:00:00Z").
	NoteTimeText = "a date-time is rewritten in RFC 3339's shortest form"
)

// Compare judges got, the re-encoding, against want, the example, both
// JSON text, along schema s (nil where no single schema applies: inside
// a oneOf or anyOf). It returns the verdict and, for Equivalent, the notes
// that explain it, for Differs, the first difference.
func Compare(s *openapi3.Schema, want, got string) (string, []string) {
	w, err1 := decode(want)
	g, err2 := decode(got)
	if err1 != nil || err2 != nil {
		return Differs, []string{fmt.Sprintf("not JSON: %v %v", err1, err2)}
	}
	c := &comparison{notes: map[string]bool{}}
	if !c.value(s, w, g, "$") {
		return Differs, []string{c.diff}
	}
	if len(c.notes) == 0 {
		return Same, nil
	}
	notes := make([]string, 0, len(c.notes))
	for n := range c.notes {
		notes = append(notes, n)
	}
	sort.Strings(notes)
	return Equivalent, notes
}

func decode(text string) (any, error) {
	d := json.NewDecoder(bytes.NewReader([]byte(text)))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}

// comparison collects the notes of one Compare and its first difference.
type comparison struct {
	notes map[string]bool
	diff  string
}

func (c *comparison) differ(path, format string, args ...any) bool {
	c.diff = path + ": " + fmt.Sprintf(format, args...)
	return false
}

// value compares one value at path.
func (c *comparison) value(s *openapi3.Schema, want, got any, path string) bool {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return c.differ(path, "an object became %v", got)
		}
		return c.object(s, w, g, path)
	case []any:
		g, ok := got.([]any)
		if !ok {
			return c.differ(path, "an array became %v", got)
		}
		if len(w) != len(g) {
			return c.differ(path, "%d items became %d", len(w), len(g))
		}
		items := itemsOf(s)
		for i := range w {
			if !c.value(items, w[i], g[i], fmt.Sprintf("%s[%d]", path, i)) {
				return false
			}
		}
		return true
	case json.Number:
		g, ok := got.(json.Number)
		if !ok {
			return c.differ(path, "the number %s became %v", w, got)
		}
		x, ok1 := new(big.Rat).SetString(w.String())
		y, ok2 := new(big.Rat).SetString(g.String())
		if !ok1 || !ok2 || x.Cmp(y) != 0 {
			return c.differ(path, "the number %s became %s", w, g)
		}
		return true
	case string:
		g, ok := got.(string)
		if !ok {
			return c.differ(path, "the string %q became %v", w, got)
		}
		if w == g {
			return true
		}
		if sameInstant(w, g) {
			c.notes[NoteTimeText] = true
			return true
		}
		return c.differ(path, "%q became %q", w, g)
	}
	if want != got {
		return c.differ(path, "%v became %v", want, got)
	}
	return true
}

// object compares two objects along s.
func (c *comparison) object(s *openapi3.Schema, want, got map[string]any, path string) bool {
	for _, k := range sortedKeys(want) {
		wv := want[k]
		gv, ok := got[k]
		switch {
		case ok:
			if !c.value(propertyOf(s, k), wv, gv, path+"."+k) {
				return false
			}
		case isZero(wv) && !requires(s, k):
			c.notes[NoteZeroAbsent] = true
		case s != nil && !declares(s, k) && !openEnded(s):
			c.notes[NoteUndeclared] = true
		default:
			return c.differ(path+"."+k, "the value %s was lost", text(wv))
		}
	}
	for _, k := range sortedKeys(got) {
		if _, ok := want[k]; !ok {
			return c.differ(path+"."+k, "the value %s was added", text(got[k]))
		}
	}
	return true
}

func text(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 80 {
		return string(b[:80]) + "..."
	}
	return string(b)
}

// isZero reports whether v is a Go zero a struct field leaves out: "",
// 0, false, an empty array or object.
func isZero(v any) bool {
	switch x := v.(type) {
	case string:
		return x == ""
	case json.Number:
		r, ok := new(big.Rat).SetString(x.String())
		return ok && r.Sign() == 0
	case bool:
		return !x
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

// sameInstant reports whether two strings are RFC 3339 date-times of the
// same instant and offset.
func sameInstant(a, b string) bool {
	x, err1 := time.Parse(time.RFC3339Nano, a)
	y, err2 := time.Parse(time.RFC3339Nano, b)
	if err1 != nil || err2 != nil || !x.Equal(y) {
		return false
	}
	_, ox := x.Zone()
	_, oy := y.Zone()
	return ox == oy
}

// parts are s and its allOf parts, at any depth: the schemas whose
// properties an object of s has.
func parts(s *openapi3.Schema) []*openapi3.Schema {
	if s == nil {
		return nil
	}
	out := []*openapi3.Schema{s}
	for _, p := range s.AllOf {
		if p.Value != nil && !slices.Contains(out, p.Value) {
			out = append(out, parts(p.Value)...)
		}
	}
	return out
}

// composite reports whether s or an allOf part is a oneOf or anyOf:
// which schema a key belongs to depends on the variant.
func composite(s *openapi3.Schema) bool {
	for _, p := range parts(s) {
		if len(p.OneOf) > 0 || len(p.AnyOf) > 0 {
			return true
		}
	}
	return false
}

// propertyOf is the schema of property k of an object of s, or nil.
func propertyOf(s *openapi3.Schema, k string) *openapi3.Schema {
	if composite(s) {
		return nil
	}
	for _, p := range slices.Backward(parts(s)) {
		if ref := p.Properties[k]; ref != nil {
			return ref.Value
		}
	}
	for _, p := range parts(s) {
		if ap := p.AdditionalProperties.Schema; ap != nil {
			return ap.Value
		}
	}
	return nil
}

// declares reports whether an object of s declares property k.
func declares(s *openapi3.Schema, k string) bool {
	for _, p := range parts(s) {
		if _, ok := p.Properties[k]; ok {
			return true
		}
	}
	return false
}

// requires reports whether an object of s requires property k.
func requires(s *openapi3.Schema, k string) bool {
	for _, p := range parts(s) {
		if slices.Contains(p.Required, k) {
			return true
		}
	}
	return false
}

// openEnded reports whether an object of s keeps keys it does not
// declare (a map, additionalProperties), or whether s says too little to
// know (a union, no properties).
func openEnded(s *openapi3.Schema) bool {
	if composite(s) {
		return true
	}
	props := false
	for _, p := range parts(s) {
		props = props || len(p.Properties) > 0
		if p.AdditionalProperties.Schema != nil || (p.AdditionalProperties.Has != nil && *p.AdditionalProperties.Has) {
			return true
		}
	}
	return !props
}

// itemsOf is the schema of the items of an array of s, or nil.
func itemsOf(s *openapi3.Schema) *openapi3.Schema {
	for _, p := range parts(s) {
		if p.Items != nil {
			return p.Items.Value
		}
	}
	return nil
}
