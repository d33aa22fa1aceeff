package runtime

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Parameters of other styles than a scalar's or an array's (README:
// "Parameters"): objects in the query, and values written as their JSON
// text.

// jsonParam is the JSON text of a parameter of content application/json
// (or an array of objects, which travels the same way).
func jsonParam(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// validationAt places the failures of a parameter's or form field's
// object, union or JSON value (its type's Validate, which names them as
// a body's) at the parameter: In is in, and Field the parameter's name,
// followed by the property's ("filter.a"), unless the failure is the
// type's own (a union's, Field typeName).
func validationAt(err error, in, name, typeName string) error {
	var out []error
	var walk func(error)
	walk = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		ve, ok := err.(*ValidationError)
		if !ok {
			out = append(out, err)
			return
		}
		c := *ve
		c.In, c.Field = in, name+"."+c.Field
		if ve.Field == typeName || ve.Field == "" {
			c.Field = name
		}
		out = append(out, &c)
	}
	walk(err)
	return errors.Join(out...)
}

// styledValue writes a path parameter of style simple, label or matrix,
// or a header of style simple, from parts: one text for a scalar, the
// items of an array, or the names and values of an object (object true),
// each escaped already as where it travels needs. As OpenAPI's style
// table: simple 5, 3,4,5, R,100,G,200 (exploded R=100,G=200); label .5,
// .3,4,5 (exploded .3.4.5, .R=100.G=200); matrix ;id=5, ;id=3,4,5
// (exploded ;id=3;id=4;id=5, ;R=100;G=200).
func styledValue(style, name string, explode, object bool, parts []string) string {
	sep := ","
	if explode {
		sep = map[string]string{"label": ".", "matrix": ";"}[style]
		if sep == "" {
			sep = ","
		}
	}
	var body string
	switch {
	case object && explode:
		kv := make([]string, 0, len(parts)/2)
		for i := 0; i+1 < len(parts); i += 2 {
			kv = append(kv, parts[i]+"="+parts[i+1])
		}
		body = strings.Join(kv, sep)
	case style == "matrix" && explode:
		body = strings.Join(parts, ";"+name+"=")
	default:
		body = strings.Join(parts, sep)
	}
	switch {
	case style == "label":
		return "." + body
	case style == "matrix" && object && explode:
		return ";" + body
	case style == "matrix" && body == "":
		return ";" + name
	case style == "matrix":
		return ";" + name + "=" + body
	}
	return body
}

// textsOf formats each element of vs.
func textsOf[T any](vs []T, format func(T) string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = format(v)
	}
	return out
}

// mapStyle is how a map parameter of the query travels.
type mapStyle int

// The map styles: deepObject (name[key]=value), form exploded (key=value,
// each key a pair of its own) and form with explode false
// (name=key,value,...).
const (
	mapDeep mapStyle = iota
	mapExplode
	mapPairs
)

// mapTexts are a map's keys and their values' texts, sorted by key: the
// pairs a map parameter sends.
func mapTexts[T any](m map[string]T, format func(T) string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]string, 0, 2*len(keys))
	for _, k := range keys {
		out = append(out, k, format(m[k]))
	}
	return out
}

// addExplodedMap puts the pairs (mapTexts) of a map parameter of style
// form exploded into v, each key a pair (a cookie, when cookies) of its
// own. A key that is another parameter's of the same place (others: the
// other parameters', the API keys', or one of their name[...]) would
// change what that parameter says, and a key that is no cookie name
// (RFC 6265's token: no separators, spaces or controls) cannot travel as
// a cookie; either is an error matching ErrInvalidInput, and nothing is
// sent. So is an empty key, which the server could not read back.
func addExplodedMap(v url.Values, cookies bool, others []string, pairs []string) error {
	for i := 0; i < len(pairs); i += 2 {
		k := pairs[i]
		switch {
		case k == "":
			return fmt.Errorf("an empty key: %w", ErrInvalidInput)
		case cookies && !isCookieName(k):
			return fmt.Errorf("key %q is not a cookie name: %w", k, ErrInvalidInput)
		case slices.ContainsFunc(others, func(o string) bool { return k == o || strings.HasPrefix(k, o+"[") }):
			return fmt.Errorf("key %q is another parameter's: %w", k, ErrInvalidInput)
		}
	}
	for i := 0; i < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	return nil
}

// isCookieName reports whether k is an RFC 6265 cookie name: a token of
// RFC 2616 (visible ASCII but separators).
func isCookieName(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("()<>@,;:\\\"/[]?={}", c) >= 0 {
			return false
		}
	}
	return true
}

// addMap puts a map parameter's pairs (key, text, ...: mapTexts) into v
// as its style says, those of one value (mapPairs) separated by sep (","
// for form, " " for spaceDelimited, "|" for pipeDelimited); an empty map
// sends nothing.
func addMap(v url.Values, name string, how mapStyle, sep string, pairs []string) {
	if len(pairs) == 0 {
		return
	}
	if how == mapPairs {
		v.Set(name, strings.Join(pairs, sep))
		return
	}
	for i := 0; i < len(pairs); i += 2 {
		key := pairs[i]
		if how == mapDeep {
			key = name + "[" + key + "]"
		}
		v.Set(key, pairs[i+1])
	}
}

// paramTag checks the discriminator of a union parameter of the query in
// an object style before it is sent: the text of its property disc in the
// variant set (of type variant) must be one of the values that name that
// variant, else the server would bind another or none. The error matches
// ErrInvalidInput.
func paramTag(name, disc, variant, got string, values ...string) error {
	if slices.Contains(values, got) {
		return nil
	}
	return fmt.Errorf("%s: the discriminator %q of variant %s is %q, not %s: %w", name, disc, variant, got, strings.Join(values, " or "), ErrInvalidInput)
}
