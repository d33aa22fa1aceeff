package interop

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode"
)

// wire is a request on the wire's terms, the same for both generators:
// each parameter under its wire name (normalised: lower case, letters and
// digits only, since nexmogen's Params fields carry no tags and are matched
// by their Go names) with its value as a JSON value, and the body as a JSON
// value. Absent and zero parameters are left out on both sides.
type wire struct {
	Params  map[string]any
	Body    any
	HasBody bool
}

// redacted is how nexmogen's Secret marshals; diff takes it as equal to
// any string (the wire carries the value, the model hides it).
const redacted = "[REDACTED]"

// formKeys normalises the top-level keys of a form body's JSON value:
// nexmogen's form models carry no JSON tags (their wire names are in the
// form encoder), so form fields are matched by normalised name, as
// parameters are.
func formKeys(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := make(map[string]any, len(m))
	for k, e := range m {
		out[norm(k)] = e
	}
	return out
}

// norm is the key a parameter is matched by: "application_id",
// "ApplicationID" and "ApplicationId" are all "applicationid".
func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// jsonValue is v marshalled to JSON and read back as a generic value.
func jsonValue(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	err = json.Unmarshal(b, &out)
	return out, err
}

// oursWire reads nexmogen's side: the values of the Input fields (Params,
// Body) of fields, in vals.
func oursWire(vals []reflect.Value, fields []string, form bool) (wire, error) {
	w := wire{Params: map[string]any{}}
	for i, v := range vals {
		switch fields[i] {
		case "Params":
			for j := range v.NumField() {
				f := v.Type().Field(j)
				if !f.IsExported() || v.Field(j).IsZero() {
					continue
				}
				if err := w.param(norm(f.Name), v.Field(j).Interface()); err != nil {
					return w, err
				}
			}
		case "Body":
			b, err := jsonValue(v.Interface())
			if err != nil {
				return w, fmt.Errorf("body: %v", err)
			}
			if form {
				b = formKeys(b)
			}
			w.Body, w.HasBody = b, true
		default:
			return w, fmt.Errorf("argument %d (%s) arrives in no field of the input", i, v.Type())
		}
	}
	return w, nil
}

func (w *wire) param(key string, v any) error {
	if _, dup := w.Params[key]; dup {
		return fmt.Errorf("two parameters are named %q", key)
	}
	j, err := jsonValue(v)
	if err != nil {
		return fmt.Errorf("parameter %s: %v", key, err)
	}
	w.Params[key] = j
	return nil
}

// tagName is a field's JSON name (its tag, else its Go name).
func tagName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return f.Name
	}
	return name
}

// theirsWire reads oapi-codegen's side: a RequestObject (path parameters
// as its fields, Params, Body).
func theirsWire(req reflect.Value, form bool) (wire, error) {
	w := wire{Params: map[string]any{}}
	t := req.Type()
	for i := range t.NumField() {
		f, v := t.Field(i), req.Field(i)
		switch {
		case f.Name == "Params":
			for j := range v.NumField() {
				pf := v.Type().Field(j)
				if !pf.IsExported() || tagName(pf) == "-" || v.Field(j).IsZero() {
					continue
				}
				if err := w.param(norm(tagName(pf)), v.Field(j).Interface()); err != nil {
					return w, err
				}
			}
		case f.Name == "Body":
			if v.IsNil() {
				continue
			}
			b, err := jsonValue(v.Interface())
			if err != nil {
				return w, fmt.Errorf("body: %v", err)
			}
			if form {
				b = formKeys(b)
			}
			w.Body, w.HasBody = b, true
		case !v.IsZero():
			if err := w.param(norm(tagName(f)), v.Interface()); err != nil {
				return w, err
			}
		}
	}
	return w, nil
}

// toTheirs sets the RequestObject req (a struct) to w: each parameter into
// the field of its wire name, the body decoded from its JSON. What finds no
// place is an error.
func toTheirs(w wire, req reflect.Value) error {
	left := map[string]any{}
	for k, v := range w.Params {
		left[k] = v
	}
	t := req.Type()
	for i := range t.NumField() {
		f, v := t.Field(i), req.Field(i)
		switch f.Name {
		case "Params":
			for j := range v.NumField() {
				if err := take(left, norm(tagName(v.Type().Field(j))), v.Field(j)); err != nil {
					return err
				}
			}
		case "Body":
			if !w.HasBody {
				continue
			}
			if f.Type.Kind() != reflect.Pointer {
				return fmt.Errorf("the peer's body is a %s", f.Type)
			}
			p := reflect.New(f.Type.Elem())
			if err := setJSON(tagKeys(w.Body, f.Type.Elem()), p); err != nil {
				return fmt.Errorf("body: %v", err)
			}
			v.Set(p)
			w.HasBody = false
		default:
			if err := take(left, norm(tagName(f)), v); err != nil {
				return err
			}
		}
	}
	if w.HasBody {
		return fmt.Errorf("the peer's request has no body")
	}
	if len(left) > 0 {
		keys := make([]string, 0, len(left))
		for k := range left {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return fmt.Errorf("no parameter of the peer's is named %s", strings.Join(keys, ", "))
	}
	return nil
}

// tagKeys renames the normalised keys of a form body's value to the JSON
// names of t's fields (other values are returned as they are).
func tagKeys(v any, t reflect.Type) any {
	m, ok := v.(map[string]any)
	if !ok || t.Kind() != reflect.Struct {
		return v
	}
	names := map[string]string{}
	for i := range t.NumField() {
		names[norm(tagName(t.Field(i)))] = tagName(t.Field(i))
	}
	out := make(map[string]any, len(m))
	for k, e := range m {
		if n, ok := names[k]; ok {
			k = n
		}
		out[k] = e
	}
	return out
}

func take(left map[string]any, key string, dst reflect.Value) error {
	v, ok := left[key]
	if !ok {
		return nil
	}
	delete(left, key)
	if err := setJSON(v, dst.Addr()); err != nil {
		return fmt.Errorf("parameter %s: %v", key, err)
	}
	return nil
}

func setJSON(v any, dst reflect.Value) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, dst.Interface())
}

// diff compares what was sent with what was received; "" when equal.
func diff(sent, got wire) string {
	var out []string
	keys := map[string]bool{}
	for k := range sent.Params {
		keys[k] = true
	}
	for k := range got.Params {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		s, okS := sent.Params[k]
		g, okG := got.Params[k]
		if !same(s, g) {
			out = append(out, fmt.Sprintf("parameter %s: sent %s, received %s", k, show(s, okS), show(g, okG)))
		}
	}
	if sent.HasBody != got.HasBody || !same(sent.Body, got.Body) {
		out = append(out, fmt.Sprintf("body: sent %s, received %s", show(sent.Body, sent.HasBody), show(got.Body, got.HasBody)))
	}
	return strings.Join(out, "; ")
}

func show(v any, ok bool) string {
	if !ok {
		return "nothing"
	}
	b, _ := json.Marshal(v)
	if len(b) > 300 {
		return string(b[:300]) + "..."
	}
	return string(b)
}

// same compares two JSON values; a redacted string (nexmogen's Secret, as
// its model marshals) equals any string.
func same(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		m, ok := b.(map[string]any)
		if !ok || len(m) != len(a) {
			return false
		}
		for k, v := range a {
			w, ok := m[k]
			if !ok || !same(v, w) {
				return false
			}
		}
		return true
	case []any:
		s, ok := b.([]any)
		if !ok || len(s) != len(a) {
			return false
		}
		for i := range a {
			if !same(a[i], s[i]) {
				return false
			}
		}
		return true
	case string:
		s, ok := b.(string)
		return ok && (a == s || a == redacted || s == redacted)
	}
	return reflect.DeepEqual(a, b)
}
