package runtime

import (
	"cmp"
	"encoding/json"
	"errors"
	"net/url"
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

// srvParseJSONValue converts a parameter written as JSON text into T.
func srvParseJSONValue[T any](w srvWire, v string) (T, error) {
	var t T
	if err := json.Unmarshal([]byte(v), &t); err != nil {
		return t, &srvBindError{w, srvQuoted(v) + " is not JSON of the parameter's type"}
	}
	return t, nil
}

// srvObject finds an object parameter. Its properties are pairs of the
// query of their own (form exploded: keys are the properties' names;
// deepObject: obj[name]), found in x; or, when pairs is true, in the one
// value w locates: names and values separated by commas
// (color=R,100,G,200), or, when w.explode, name=value items separated by
// w.sep (a path's or a header's R=100,G=200; label .R=100.G=200; matrix
// ;R=100;G=200), given back as the members of an exchange of their own.
// found is false when none of keys (or w's value) is there; a required
// object must be.
func srvObject(x *srvExchange, w srvWire, pairs bool, keys ...string) (*srvExchange, bool, error) {
	if !pairs {
		for _, k := range keys {
			if _, ok, err := x.query.lookup(srvWire{src: w.src, name: k, key: k}); err != nil || ok {
				return x, ok, err
			}
		}
		return x, false, srvAbsent(w)
	}
	v, ok, err := srvObjectText(x, w)
	if err != nil || !ok {
		return nil, false, cmp.Or(err, srvAbsent(w))
	}
	sub := &srvExchange{r: x.r, op: x.op, members: new(srvPairs)}
	if v == "" {
		return sub, true, nil
	}
	var raw strings.Builder
	if w.explode {
		for i, item := range strings.Split(v, string(cmp.Or(w.sep, ','))) {
			name, value, ok := strings.Cut(item, "=")
			if !ok {
				return nil, false, &srvBindError{w, srvQuoted(v) + " is not a list of name=value"}
			}
			srvPairText(&raw, i, name, value)
		}
	} else {
		items := strings.Split(v, ",")
		if len(items)%2 != 0 {
			return nil, false, &srvBindError{w, srvQuoted(v) + " is not a list of names and values"}
		}
		for i := 0; i < len(items); i += 2 {
			srvPairText(&raw, i, items[i], items[i+1])
		}
	}
	sub.members.parse(raw.String())
	return sub, true, nil
}

// srvObjectText is the text of an object parameter of one value: an
// exploded matrix object's is its pairs after the leading ';' (;R=100;G=200
// names no parameter), the others' what the value is for its style.
func srvObjectText(x *srvExchange, w srvWire) (string, bool, error) {
	if w.src != srvSrcPathMatrix || !w.explode {
		return x.value(w)
	}
	v := x.r.PathValue(w.key)
	rest, ok := strings.CutPrefix(v, ";")
	if !ok {
		return "", false, &srvBindError{w, srvQuoted(v) + " is not of style matrix (;name=value)"}
	}
	return rest, true, nil
}

// srvPairText appends name=value, query-escaped, to raw (after '&' but
// for the first, i 0).
func srvPairText(raw *strings.Builder, i int, name, value string) {
	if i > 0 {
		raw.WriteByte('&')
	}
	raw.WriteString(url.QueryEscape(name) + "=" + url.QueryEscape(value))
}

// srvBindUnion binds a oneOf or anyOf of text variants: each try binds
// one variant (absent: false), in the spec's order, and the first whose
// parsers read the text wins. found is false when the value is absent (a
// required one must be there); a value no variant reads is refused.
func srvBindUnion(w srvWire, tries ...func() (bool, error)) (bool, error) {
	var first error
	for _, try := range tries {
		ok, err := try()
		if err == nil && !ok {
			return false, srvAbsent(w)
		}
		if err == nil {
			return true, nil
		}
		if first == nil {
			first = err
		}
	}
	problem := "matches none of its variants"
	if be, ok := first.(*srvBindError); ok {
		problem += " (" + be.problem + ")"
	}
	return true, &srvBindError{w, problem}
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

// pathParts escapes each text of a path parameter (escapePathValue, with
// the bytes of reserved too).
func pathParts(reserved string, parts []string) []string {
	for i, p := range parts {
		parts[i] = escapePathValue(p, reserved)
	}
	return parts
}

// textsOf formats each element of vs.
func textsOf[T any](vs []T, format func(T) string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = format(v)
	}
	return out
}
