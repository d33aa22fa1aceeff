package interop

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"time"
)

// fillTime is the time every filled time.Time holds.
var fillTime = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// fill sets every exported field of v to a minimal value, to depth 4, as
// corpus/smoke does for nexmogen's own smoke test: strings "smoke", numbers
// 1, true, an enum's first constant (enums), one element per list and map
// (deeper, lists and maps are empty, not nil).
func fill(v reflect.Value, enums map[reflect.Type]reflect.Value, depth int) {
	if e, ok := enums[v.Type()]; ok {
		v.Set(e)
		return
	}
	switch v.Type() {
	case reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(fillTime))
		return
	case reflect.TypeFor[json.RawMessage]():
		v.Set(reflect.ValueOf(json.RawMessage(`"smoke"`)))
		return
	case reflect.TypeFor[xml.Name]():
		return
	case reflect.TypeFor[io.Reader]():
		v.Set(reflect.ValueOf(io.Reader(strings.NewReader("smoke"))))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("smoke")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1)
	case reflect.Pointer:
		if depth < 4 {
			p := reflect.New(v.Type().Elem())
			fill(p.Elem(), enums, depth+1)
			v.Set(p)
		}
	case reflect.Slice:
		fillSlice(v, enums, depth)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		if depth < 4 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, enums, depth+1)
			fill(e, enums, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		if fillOne(v, enums, depth) {
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), enums, depth+1)
			}
		}
	case reflect.Interface:
		if v.NumMethod() == 0 {
			v.Set(reflect.ValueOf("smoke"))
		}
	}
}

func fillSlice(v reflect.Value, enums map[reflect.Type]reflect.Value, depth int) {
	switch {
	case v.Type().Elem().Kind() == reflect.Uint8:
		v.SetBytes([]byte("smoke"))
	case depth < 4:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(s.Index(0), enums, depth+1)
		v.Set(s)
	default:
		// Empty, not nil: a required array is [] on the wire.
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	}
}

// fillOne fills what holds one value of several: a Nullable (its Value,
// set) and a oneOf/anyOf union of nexmogen's (one untagged pointer per
// variant: the first only). It reports whether v was one of those.
func fillOne(v reflect.Value, enums map[reflect.Type]reflect.Value, depth int) bool {
	t := v.Type()
	if strings.HasPrefix(t.Name(), "Nullable[") {
		fill(v.FieldByName("Value"), enums, depth+1)
		v.FieldByName("Set").SetBool(true)
		return true
	}
	if _, ok := reflect.PointerTo(t).MethodByName("UnmarshalJSON"); !ok || t.NumField() == 0 {
		return false
	}
	for i := range t.NumField() {
		if f := t.Field(i); f.Type.Kind() != reflect.Pointer || f.Tag != "" || !f.IsExported() {
			return false
		}
	}
	fill(v.Field(0), enums, depth)
	return true
}
