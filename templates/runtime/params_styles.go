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

// srvObject finds an object parameter of the query. Its properties are
// pairs of their own (form exploded: keys are the properties' names;
// deepObject: obj[name]), found in x, or, when pairs is true, the names
// and values of one value (obj=name,x,age,3), given back as the query of
// an exchange of their own. found is false when none of keys (or w's
// value) is there; a required object must be.
func srvObject(x *srvExchange, w srvWire, pairs bool, keys ...string) (*srvExchange, bool, error) {
	if !pairs {
		for _, k := range keys {
			if _, ok, err := x.query.lookup(srvWire{src: w.src, name: k, key: k}); err != nil || ok {
				return x, ok, err
			}
		}
		return x, false, srvAbsent(w)
	}
	v, ok, err := x.query.lookup(w)
	if err != nil || !ok {
		return nil, false, cmp.Or(err, srvAbsent(w))
	}
	sub := &srvExchange{r: x.r, op: x.op}
	if v == "" {
		return sub, true, nil
	}
	items := strings.Split(v, ",")
	if len(items)%2 != 0 {
		return nil, false, &srvBindError{w, srvQuoted(v) + " is not a list of names and values"}
	}
	var raw strings.Builder
	for i := 0; i < len(items); i += 2 {
		if i > 0 {
			raw.WriteByte('&')
		}
		raw.WriteString(url.QueryEscape(items[i]) + "=" + url.QueryEscape(items[i+1]))
	}
	sub.query.parse(raw.String())
	return sub, true, nil
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
