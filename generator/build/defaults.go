package build

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// defaultLiteral is the default of field f (schema v) as the literal its
// kind takes (ir.Field.Default), or nil: the one place a default the
// loader decoded (kin-openapi's any) becomes a typed value. A scalar or
// enum default is scalarLiteral's reading for the kind (of the enum's
// base); a date-time, date or bytes default is parsed here (a text Go
// cannot read is an error at the default); an array, object, map, union or
// free-form default is its JSON text. A default that breaks its schema was
// a warning of the load and is not applied; one of a JSON type the field's
// kind does not hold (which the load's check of the schema's own type can
// miss: a type said only in an allOf part) is a warning here.
func (b *builder) defaultLiteral(f *ir.Field, v *openapi3.Schema, role ir.Role) *ir.Literal {
	if v.Default == nil || b.doc.BrokenDefault(v) {
		return nil
	}
	at := b.fieldPos(v.Origin, "default")
	text, _ := v.Default.(string)
	kind := b.baseKind(f.Type)
	switch kind {
	case ir.KindString, ir.KindInt, ir.KindFloat, ir.KindBool:
		l, ok := scalarLiteral(v.Default, kind)
		if !ok {
			b.doc.Warnf(at, "default %s is not %s; it is not applied", jsonText(v.Default), article(jsonTypeOf(kind)))
			return nil
		}
		return &l
	case ir.KindTime:
		t, err := time.Parse(time.RFC3339Nano, text)
		if err != nil {
			b.diags.Addf(at, "default %q is not an RFC 3339 date-time Go can read", text)
			return nil
		}
		return ptr(ir.TimeLit(t))
	case ir.KindDate:
		d, err := time.Parse(time.DateOnly, text)
		if err != nil {
			b.diags.Addf(at, "default %q is not a date (YYYY-MM-DD)", text)
			return nil
		}
		return ptr(ir.DateLit(ir.Date{Year: d.Year(), Month: int(d.Month()), Day: d.Day()}))
	case ir.KindBytes:
		raw, err := base64.StdEncoding.DecodeString(text)
		if err != nil {
			b.diags.Addf(at, "default %q is not standard padded base64", text)
			return nil
		}
		return ptr(ir.BytesLit(raw))
	case ir.KindStruct, ir.KindUnion, ir.KindMap, ir.KindAny:
		switch {
		case role != ir.RoleModel:
			b.doc.Warnf(at, "the default of an object, union, map or free-form parameter or form field is not applied")
			return nil
		case f.Required && !f.Type.Nullable && (f.Type.Kind == ir.KindStruct || f.Type.Kind == ir.KindUnion):
			// Not a pointer (object): never absent in a valid value.
			b.doc.Warnf(at, "the default of a required object or union is never applied (a valid value always has it)")
			return nil
		}
		return ptr(ir.JSONLit(jsonText(v.Default)))
	case ir.KindArray:
		return ptr(ir.JSONLit(jsonText(v.Default)))
	case ir.KindGo:
		// Never applied: userTypeField warns and drops it.
		return ptr(ir.JSONLit(jsonText(v.Default)))
	case ir.KindStream:
		b.doc.Warnf(at, "the default of a file part is not applied")
		return nil
	case ir.KindEnum:
		// baseKind is the enum's base, never KindEnum.
	}
	panic(fmt.Sprintf("build: the default of a value of kind %s", kind))
}

// scalarLiteral converts a value the loader decoded (a string, float64 or
// bool) to the literal of scalar kind (KindString, KindInt, KindFloat or
// KindBool): the reading of enum values and scalar defaults. ok is false
// when the value is not of the kind's JSON type (an integer must be a
// whole number within int64).
func scalarLiteral(v any, kind ir.Kind) (l ir.Literal, ok bool) {
	switch kind {
	case ir.KindString:
		s, ok := v.(string)
		return ir.StringLit(s), ok
	case ir.KindInt:
		f, ok := v.(float64)
		if !ok || f != math.Trunc(f) || f < math.MinInt64 || f >= math.MaxInt64 {
			return ir.Literal{}, false
		}
		return ir.IntLit(int64(f)), true
	case ir.KindFloat:
		f, ok := v.(float64)
		return ir.FloatLit(f), ok
	case ir.KindBool:
		x, ok := v.(bool)
		return ir.BoolLit(x), ok
	case ir.KindStruct, ir.KindEnum, ir.KindArray, ir.KindTime, ir.KindDate, ir.KindBytes, ir.KindAny,
		ir.KindMap, ir.KindGo, ir.KindUnion, ir.KindStream:
	}
	panic(fmt.Sprintf("build: a scalar literal of kind %s", kind))
}

// jsonTypeOf is the JSON type of the values of a scalar kind, for messages.
func jsonTypeOf(kind ir.Kind) string {
	switch kind {
	case ir.KindString:
		return "string"
	case ir.KindInt:
		return "integer"
	case ir.KindFloat:
		return "number"
	case ir.KindBool:
		return "boolean"
	case ir.KindStruct, ir.KindEnum, ir.KindArray, ir.KindTime, ir.KindDate, ir.KindBytes, ir.KindAny,
		ir.KindMap, ir.KindGo, ir.KindUnion, ir.KindStream:
	}
	panic(fmt.Sprintf("build: the JSON type of kind %s", kind))
}

func ptr[T any](v T) *T { return &v }

// jsonText is a decoded value's JSON text; encoding/json sorts the keys of
// the maps the loader decoded, so the text is deterministic.
func jsonText(v any) string {
	text, err := json.Marshal(v)
	if err != nil {
		// The loader decoded it from JSON or YAML: it encodes.
		panic("build: a default that does not encode: " + err.Error())
	}
	return string(text)
}
