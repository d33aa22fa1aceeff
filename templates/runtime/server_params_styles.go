package runtime

import (
	"cmp"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
)

// The server's side of parameters of other styles than a scalar's or an
// array's (params_styles.go): binding objects in the query, and values
// written as their JSON text.

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
// deepObject: obj[name]), or cookies of their own (form exploded), found
// in x; or, when pairs is true, in the one
// value w locates: names and values separated by commas
// (color=R,100,G,200; by w.sep, when set, as spaceDelimited's
// color=R%20100%20G%20200 and pipeDelimited's color=R|100|G|200), or, when w.explode, name=value items separated by
// w.sep (a path's or a header's R=100,G=200; label .R=100.G=200; matrix
// ;R=100;G=200), given back as the members of an exchange of their own.
// found is false when none of keys (or w's value) is there; a required
// object must be.
func srvObject(x *srvExchange, w srvWire, pairs bool, keys ...string) (*srvExchange, bool, error) {
	if !pairs {
		for _, k := range keys {
			if _, ok, err := x.value(srvWire{src: w.src, name: k, key: k}); err != nil || ok {
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
		items := strings.Split(v, string(cmp.Or(w.sep, ',')))
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

// srvBindMap binds a map parameter of the query or a cookie into dst: the
// pairs name[key]=value (deepObject), every pair (every cookie) whose key
// is none of others (form exploded: the other parameters', API keys', and
// deepObject ones' name[...]), or the keys and values of one value (form,
// explode false).
// found is false when it has no key; a key given twice must agree.
func srvBindMap[T any](x *srvExchange, w srvWire, how mapStyle, others []string, dst *map[string]T, parse func(srvWire, string) (T, error)) (bool, error) {
	pairs, err := srvMapPairs(x, w, how, others)
	if err != nil || pairs == nil {
		return false, cmp.Or(err, srvAbsent(w))
	}
	out := make(map[string]T, len(pairs)/2)
	texts := make(map[string]string, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		k, v := pairs[i], pairs[i+1]
		ew := srvWire{src: w.src, name: w.name + "[" + k + "]", key: k}
		if old, dup := texts[k]; dup && old != v {
			return true, &srvBindError{ew, "is given twice with different values"}
		}
		t, err := parse(ew, v)
		if err != nil {
			return true, err
		}
		out[k], texts[k] = t, v
	}
	*dst = out
	return true, nil
}

// srvMapPairs are the keys and values of a map parameter (nil when it has
// none; an empty value of explode false is an empty map).
func srvMapPairs(x *srvExchange, w srvWire, how mapStyle, others []string) ([]string, error) {
	if how == mapPairs {
		v, ok, err := x.value(w)
		switch {
		case err != nil || !ok:
			return nil, err
		case v == "":
			return []string{}, nil
		}
		items := strings.Split(v, string(cmp.Or(w.sep, ',')))
		if len(items)%2 != 0 {
			return nil, &srvBindError{w, srvQuoted(v) + " is not a list of keys and values"}
		}
		return items, nil
	}
	if w.src == srvSrcCookie {
		return srvCookieMapPairs(x, w, others)
	}
	var out []string
	q := &x.query
	for i := 0; i < q.n+len(q.more); i++ {
		pr := q.at(i)
		key, ok := srvMapKey(how, w.key, pr.key, others)
		if !ok {
			continue
		}
		u, err := url.QueryUnescape(pr.value)
		if err != nil {
			return nil, &srvBindError{w, "is not a valid URL-encoded value"}
		}
		out = append(out, key, u)
	}
	return out, nil
}

// srvCookieMapPairs are the names and values of the cookies an exploded
// cookie map holds: every cookie whose name is none of others (the other
// cookie parameters', the cookie API keys'), its value percent-decoded,
// in the order sent (nil when there is none).
func srvCookieMapPairs(x *srvExchange, w srvWire, others []string) ([]string, error) {
	var out []string
	for _, c := range x.r.Cookies() {
		if c.Name == "" || slices.Contains(others, c.Name) {
			continue
		}
		u, err := url.PathUnescape(c.Value)
		if err != nil {
			return nil, &srvBindError{srvWire{src: w.src, name: w.name + "[" + c.Name + "]", key: c.Name}, "is not a valid percent-encoded value"}
		}
		out = append(out, c.Name, u)
	}
	return out, nil
}

// srvMapKey is the map's key a query key stands for, if it is one: the
// key inside name[...] (deepObject), or the query key itself when it is
// none of others and no other's name[...] (form exploded).
func srvMapKey(how mapStyle, name, key string, others []string) (string, bool) {
	if how == mapDeep {
		inner, ok := strings.CutPrefix(key, name+"[")
		if !ok || !strings.HasSuffix(inner, "]") {
			return "", false
		}
		return strings.TrimSuffix(inner, "]"), true
	}
	for _, o := range others {
		if key == o || strings.HasPrefix(key, o+"[") {
			return "", false
		}
	}
	return key, key != ""
}

// srvUnionTag reads the discriminator of a union parameter of an object
// style, which w locates among the object's keys: it must be there (a
// union whose other keys came has no variant without it) and be one of
// values, the ones that name a variant.
func srvUnionTag(x *srvExchange, w srvWire, values ...string) (string, error) {
	v, ok, err := x.value(w)
	switch {
	case err != nil:
		return "", err
	case !ok:
		return "", srvAbsent(w)
	case !slices.Contains(values, v):
		return "", &srvBindError{w, srvQuoted(v) + " names no variant (" + strings.Join(values, ", ") + ")"}
	}
	return v, nil
}
