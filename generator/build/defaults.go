package build

import (
	"encoding/base64"
	"encoding/json"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// kindDefault is the default of field f (schema v) in the form its kind
// takes (ir.Field.Default): scalar is defaultValue's reading (a string,
// int64, float64 or bool); a date-time, date or bytes default is parsed
// here (a text Go cannot read is an error at the default); an array,
// object, map, union or free-form default is its JSON text. A default that
// breaks its schema was a warning of the load and is not applied.
func (b *builder) kindDefault(f *ir.Field, v *openapi3.Schema, scalar any, role ir.Role) any {
	if v.Default == nil || b.doc.BrokenDefault(v) {
		return nil
	}
	at := b.fieldPos(v.Origin, "default")
	text, _ := v.Default.(string)
	switch f.Type.Kind {
	case ir.KindTime:
		t, err := time.Parse(time.RFC3339Nano, text)
		if err != nil {
			b.diags.Addf(at, "default %q is not an RFC 3339 date-time Go can read", text)
			return nil
		}
		return t
	case ir.KindDate:
		d, err := time.Parse(time.DateOnly, text)
		if err != nil {
			b.diags.Addf(at, "default %q is not a date (YYYY-MM-DD)", text)
			return nil
		}
		return ir.Date{Year: d.Year(), Month: int(d.Month()), Day: d.Day()}
	case ir.KindBytes:
		raw, err := base64.StdEncoding.DecodeString(text)
		if err != nil {
			b.diags.Addf(at, "default %q is not standard padded base64", text)
			return nil
		}
		return raw
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
		return jsonDefault(v.Default)
	case ir.KindArray:
		return jsonDefault(v.Default)
	case ir.KindStream:
		b.doc.Warnf(at, "the default of a file part is not applied")
		return nil
	}
	return scalar
}

// jsonDefault is a default's JSON text; encoding/json sorts the keys of
// the maps the loader decoded, so the text is deterministic.
func jsonDefault(v any) ir.JSONValue {
	text, err := json.Marshal(v)
	if err != nil {
		// The loader decoded it from JSON or YAML: it encodes.
		panic("build: a default that does not encode: " + err.Error())
	}
	return ir.JSONValue(text)
}
