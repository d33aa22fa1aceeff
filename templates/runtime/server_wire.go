package runtime

import (
	"cmp"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// srvExchange is the state of one request as the server handles it.
type srvExchange struct {
	r     *http.Request
	op    *srvOperation
	media srvMedia
	// bodyMedia is the media type the request body came in; nil when it
	// has none.
	bodyMedia srvMedia
	// files are the file parts of a multipart body the handler was given,
	// closed when the exchange ends.
	files []io.Closer
	// query and form are the pairs of the query string and of a form body;
	// body is the raw body.
	query, form srvPairs
	body        string
	// members, when not nil, are the properties of an object parameter,
	// in which every value of the exchange is looked up (srvObject).
	members *srvPairs
	// user is the user the request authenticated with (HTTP Basic, or
	// the API keys paired with it).
	user string
}

// srvPair is one pair of a URL-encoded string: the key decoded, the value
// as sent (decoded when looked up).
type srvPair struct{ key, value string }

// srvPairs is a URL-encoded string split once into its pairs. The first 16
// pairs are kept in place, so a request's values are found without
// allocating; more spill into a slice.
type srvPairs struct {
	inline [16]srvPair
	n      int
	more   []srvPair
}

// parse splits raw into its pairs. A key that cannot be decoded matches
// nothing and is dropped.
func (p *srvPairs) parse(raw string) {
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		if srvEscaped(k) {
			u, err := url.QueryUnescape(k)
			if err != nil {
				continue
			}
			k = u
		}
		if p.n < len(p.inline) {
			p.inline[p.n] = srvPair{k, v}
			p.n++
		} else {
			p.more = append(p.more, srvPair{k, v})
		}
	}
}

// srvEscaped reports whether s may be percent- or plus-encoded.
func srvEscaped(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '%' || s[i] == '+' {
			return true
		}
	}
	return false
}

// lookup finds w's key. A key given twice must have the same value both
// times. Nothing is allocated unless the value is percent-encoded.
func (p *srvPairs) lookup(w srvWire) (val string, found bool, err error) {
	for i := 0; i < p.n+len(p.more); i++ {
		pr := p.at(i)
		if pr.key != w.key {
			continue
		}
		u, err := url.QueryUnescape(pr.value)
		if err != nil {
			return "", false, &srvBindError{w, "is not a valid URL-encoded value"}
		}
		if found && u != val {
			return "", false, &srvBindError{w, "is given twice with different values"}
		}
		val, found = u, true
	}
	return val, found, nil
}

// all finds every value of w's key, in order.
func (p *srvPairs) all(w srvWire) ([]string, error) {
	var out []string
	for i := 0; i < p.n+len(p.more); i++ {
		if pr := p.at(i); pr.key == w.key {
			u, err := url.QueryUnescape(pr.value)
			if err != nil {
				return nil, &srvBindError{w, "is not a valid URL-encoded value"}
			}
			out = append(out, u)
		}
	}
	return out, nil
}

// at is the i-th pair.
func (p *srvPairs) at(i int) *srvPair {
	if i < p.n {
		return &p.inline[i]
	}
	return &p.more[i-p.n]
}

// srvSource is where a value travels.
type srvSource uint8

// The sources of values, named as ValidationError.In names them.
const (
	srvSrcQuery srvSource = iota
	srvSrcPath
	srvSrcHeader
	srvSrcForm
	srvSrcBody
	srvSrcCookie
	// srvSrcPathLabel and srvSrcPathMatrix are path parameters of style
	// label (.5) and matrix (;id=5); srvSrcPath is style simple.
	srvSrcPathLabel
	srvSrcPathMatrix
)

// srvSourceNames are the ValidationError.In names of the sources.
var srvSourceNames = [...]string{srvSrcQuery: "query", srvSrcPath: "path", srvSrcHeader: "header", srvSrcForm: "form", srvSrcBody: "body", srvSrcCookie: "cookie", srvSrcPathLabel: "path", srvSrcPathMatrix: "path"}

// srvWire locates one value of a request.
type srvWire struct {
	src srvSource
	// name is the spec's name, used in errors; key is what the value is
	// looked up by (the ServeMux wildcard of a path parameter, else name).
	name, key string
	// required values must be present; explode arrays repeat the key,
	// others separate items with sep (',', ' ' or '|').
	required, explode bool
	sep               byte
}

// srvBindError reports a value that cannot be bound: it is not of its type,
// or comes twice with different values.
type srvBindError struct {
	w       srvWire
	problem string
}

// Error names the value at fault, as ValidationError does.
func (e *srvBindError) Error() string {
	where := srvSourceNames[e.w.src] + " field"
	switch e.w.src {
	case srvSrcQuery, srvSrcPath, srvSrcHeader, srvSrcCookie, srvSrcPathLabel, srvSrcPathMatrix:
		where = srvSourceNames[e.w.src] + " parameter"
	case srvSrcBody:
		return "request body: " + e.problem
	}
	return where + " " + strconv.Quote(e.w.name) + ": " + e.problem
}

// srvQuoted quotes a value for an error message, cut to 64 bytes.
func srvQuoted(v string) string {
	if len(v) > 64 {
		v = v[:64] + "..."
	}
	return strconv.Quote(v)
}

// value finds the value w locates, reporting whether it is present.
func (x *srvExchange) value(w srvWire) (string, bool, error) {
	if x.members != nil {
		// The exchange of an object's properties (srvObject).
		return x.members.lookup(w)
	}
	switch w.src {
	case srvSrcPath:
		v := x.r.PathValue(w.key)
		return v, v != "", nil
	case srvSrcPathLabel, srvSrcPathMatrix:
		return srvPathStyled(w, x.r.PathValue(w.key))
	case srvSrcHeader:
		vs := x.r.Header.Values(w.key)
		if len(vs) == 0 {
			return "", false, nil
		}
		for _, v := range vs[1:] {
			if v != vs[0] {
				// As for a query value given twice: which one would be
				// validated, and which one used?
				return "", false, &srvBindError{w, "is given twice with different values"}
			}
		}
		return vs[0], true, nil
	case srvSrcForm:
		return x.formValue(w)
	case srvSrcCookie:
		return x.cookieValue(w)
	}
	return x.query.lookup(w)
}

// formValue finds a form field in the body or, as the API also takes it,
// in the query string; the two must agree.
func (x *srvExchange) formValue(w srvWire) (string, bool, error) {
	bv, inBody, err := x.form.lookup(w)
	if err != nil {
		return "", false, err
	}
	qv, inQuery, err := x.query.lookup(w)
	if err != nil {
		return "", false, err
	}
	if inBody && inQuery && bv != qv {
		return "", false, &srvBindError{w, "the body and the query string give different values"}
	}
	if inBody {
		return bv, true, nil
	}
	return qv, inQuery, nil
}

// srvAbsent is what binding a missing value gives: a ValidationError when the
// value is required.
func srvAbsent(w srvWire) error {
	if !w.required {
		return nil
	}
	return &ValidationError{In: srvSourceNames[w.src], Field: w.name, Rule: "required"}
}

// srvBindValue binds a scalar value into dst, reporting whether it was
// present: the binder applies defaults to absent values itself, and checks
// an explicit zero that Validate would take for absent.
func srvBindValue[T any](x *srvExchange, w srvWire, dst *T, parse func(srvWire, string) (T, error)) (bool, error) {
	v, ok, err := x.value(w)
	if err != nil {
		return false, err
	}
	if !ok {
		return false, srvAbsent(w)
	}
	*dst, err = parse(w, v)
	return true, err
}

// srvBindPointer binds an optional scalar whose absence matters: dst stays
// nil when the value is absent.
func srvBindPointer[T any](x *srvExchange, w srvWire, dst **T, parse func(srvWire, string) (T, error)) (bool, error) {
	v, ok, err := x.value(w)
	if err != nil {
		return false, err
	}
	if !ok {
		return false, srvAbsent(w)
	}
	t, err := parse(w, v)
	if err != nil {
		return true, err
	}
	*dst = &t
	return true, nil
}

// srvBindSlice binds an array into dst: each occurrence of an exploded
// key (from the form body when it has any, else the query), or the
// comma-separated items of one value.
func srvBindSlice[T any](x *srvExchange, w srvWire, dst *[]T, parse func(srvWire, string) (T, error)) (bool, error) {
	var items []string
	var err error
	switch {
	case w.explode && w.src == srvSrcQuery:
		items, err = x.query.all(w)
	case w.explode && w.src == srvSrcCookie:
		items, err = x.cookieValues(w)
	case w.explode && w.src == srvSrcForm:
		if items, err = x.form.all(w); err == nil && len(items) == 0 {
			items, err = x.query.all(w)
		}
	default:
		v, ok, verr := x.value(w)
		if verr != nil || !ok {
			return false, cmp.Or(verr, srvAbsent(w))
		}
		if v == "" {
			// "features=" is an empty array (form style), not an absent
			// one: the validators judge it (minItems, required).
			*dst = []T{}
			return true, nil
		}
		return true, srvSplit(w, v, dst, parse)
	}
	if err != nil {
		return false, err
	}
	if len(items) == 0 {
		return false, srvAbsent(w)
	}
	out := make([]T, len(items))
	for i, item := range items {
		if out[i], err = parse(w, item); err != nil {
			return true, err
		}
	}
	*dst = out
	return true, nil
}

// srvSplit parses the items of v, separated by w.sep (a comma when it is
// not set), into dst.
func srvSplit[T any](w srvWire, v string, dst *[]T, parse func(srvWire, string) (T, error)) error {
	sep := string(cmp.Or(w.sep, ','))
	out := make([]T, 0, strings.Count(v, sep)+1)
	for more := true; more; {
		var item string
		item, v, more = strings.Cut(v, sep)
		t, err := parse(w, item)
		if err != nil {
			return err
		}
		out = append(out, t)
	}
	*dst = out
	return nil
}

// srvParseString converts a string value; it cannot fail.
func srvParseString[T ~string](_ srvWire, v string) (T, error) { return T(v), nil }

// srvParseInt converts an integer value of T's range.
func srvParseInt[T ~int | ~int8 | ~int16 | ~int32 | ~int64](w srvWire, v string) (T, error) {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || int64(T(n)) != n {
		return 0, &srvBindError{w, srvQuoted(v) + " is not an integer"}
	}
	return T(n), nil
}

// srvParseFloat converts a finite number.
func srvParseFloat[T ~float32 | ~float64](w srvWire, v string) (T, error) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, &srvBindError{w, srvQuoted(v) + " is not a number"}
	}
	return T(f), nil
}

// srvParseBool converts true or false (and the other spellings strconv
// accepts: 1, t, 0, f...).
func srvParseBool[T ~bool](w srvWire, v string) (T, error) {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, &srvBindError{w, srvQuoted(v) + " is not true or false"}
	}
	return T(b), nil
}

// srvParseJSONText converts a free-form value, which travels as its JSON
// text (a form field): the text must be JSON.
func srvParseJSONText(w srvWire, v string) (json.RawMessage, error) {
	if !json.Valid([]byte(v)) {
		return nil, &srvBindError{w, srvQuoted(v) + " is not JSON"}
	}
	return json.RawMessage(v), nil
}

// cookieValue finds a cookie parameter: its value percent-decoded (the
// client sends it url.PathEscape'd). A cookie given twice must agree.
func (x *srvExchange) cookieValue(w srvWire) (string, bool, error) {
	var val string
	var found bool
	for _, c := range x.r.CookiesNamed(w.key) {
		u, err := url.PathUnescape(c.Value)
		if err != nil {
			return "", false, &srvBindError{w, "is not a valid percent-encoded value"}
		}
		if found && u != val {
			return "", false, &srvBindError{w, "is given twice with different values"}
		}
		val, found = u, true
	}
	return val, found, nil
}

// cookieValues are the values of every cookie named w.key, in order,
// percent-decoded: the items of an exploded array cookie.
func (x *srvExchange) cookieValues(w srvWire) ([]string, error) {
	var out []string
	for _, c := range x.r.CookiesNamed(w.key) {
		u, err := url.PathUnescape(c.Value)
		if err != nil {
			return nil, &srvBindError{w, "is not a valid percent-encoded value"}
		}
		out = append(out, u)
	}
	return out, nil
}

// srvPathStyled reads a path value of style label (.5, .3,4,5, .3.4.5) or
// matrix (;id=5, ;id=3,4,5, ;id=3;id=4;id=5) as style simple would hold
// it: the prefix cut off, and an exploded matrix array's items separated by
// ';' alone (w.sep). A value without its style's prefix is refused.
func srvPathStyled(w srvWire, v string) (string, bool, error) {
	if w.src == srvSrcPathLabel {
		rest, ok := strings.CutPrefix(v, ".")
		if !ok {
			return "", false, &srvBindError{w, srvQuoted(v) + " is not of style label (.value)"}
		}
		return rest, true, nil
	}
	prefix := ";" + w.name
	if v == prefix {
		return "", true, nil // an empty value
	}
	rest, ok := strings.CutPrefix(v, prefix+"=")
	if !ok {
		return "", false, &srvBindError{w, srvQuoted(v) + " is not of style matrix (" + prefix + "=value)"}
	}
	if w.explode {
		rest = strings.ReplaceAll(rest, prefix+"=", ";")
	}
	return rest, true, nil
}
