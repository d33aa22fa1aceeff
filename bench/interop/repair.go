package interop

import (
	"reflect"
	"regexp"
	"strings"
)

// The minimal values break some documents' rules (a country of two
// letters, a currency of three, a uuid, an email). When nexmogen's client
// refuses them, its message names the field ("body field \"currency\":
// length 5 is greater than the maximum length 3"); repair gives every
// string of that name the first candidate the client takes, and the call
// is tried again. The values are still checked by the client's validation
// only: nothing is sent until it passes.

// candidates are the strings repair tries, in order.
var candidates = []string{
	"GB", "EUR", "447700900000", "a1b2c3d4-0000-4000-8000-000000000000", "smoke@example.com",
	"https://example.com/smoke", "2024-01-02", "2024-01-02T03:04:05Z", "Smoke1234abcd", "1",
}

// refused is the field a refusal names: `field "x"` or `parameter "x"`.
var refused = regexp.MustCompile(`(?:field|parameter) "([^"]+)": (.*)`)

// literals are the alternatives of a pattern made only of words
// ("payTo|upi_collect").
var literals = regexp.MustCompile(`the pattern \^?\(?([A-Za-z0-9_|-]+)\)?\$?$`)

// repairable finds the string values of args (pointers) under a field
// whose name is name, normalised.
func repairable(args []any, name string) []reflect.Value {
	var out []reflect.Value
	for _, a := range args {
		walkStrings(reflect.ValueOf(a).Elem(), "", name, &out, 0)
	}
	return out
}

func walkStrings(v reflect.Value, field, name string, out *[]reflect.Value, depth int) {
	if depth > 8 {
		return
	}
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() && norm(field) == name {
			*out = append(*out, v)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkStrings(v.Elem(), field, name, out, depth+1)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkStrings(v.Index(i), field, name, out, depth+1)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			n := tagName(f)
			if n == "-" {
				n = f.Name
			}
			if strings.HasPrefix(v.Type().Name(), "Nullable[") {
				n = field // the value of a nullable field is that field's
			}
			walkStrings(v.Field(i), n, name, out, depth+1)
		}
	}
}

// repair changes the values err names and reports whether it found any
// it could change; try calls the client (nil when it took them).
func repair(args []any, err error, try func() error) bool {
	m := refused.FindStringSubmatch(err.Error())
	if m == nil {
		return false
	}
	name := m[1]
	if i := strings.LastIndexAny(name, ".]"); i >= 0 {
		name = name[i+1:]
	}
	leaves := repairable(args, norm(name))
	if len(leaves) == 0 {
		return false
	}
	try1 := candidates
	if l := literals.FindStringSubmatch(m[2]); l != nil {
		try1 = append(strings.Split(l[1], "|"), candidates...)
	}
	for _, c := range try1 {
		for _, l := range leaves {
			l.SetString(c)
		}
		e := try()
		if e == nil || !strings.Contains(e.Error(), `"`+m[1]+`"`) {
			return true
		}
	}
	return false
}
