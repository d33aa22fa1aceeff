package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// textUnion checks a oneOf or anyOf that a parameter or a form field
// holds (README: "Parameters"). Its value is text, which says nothing of
// a JSON type: each variant must be a scalar or an array of scalars, and
// the server takes the first variant, in the spec's order, whose parsers
// read the text (oneOf [string, array]: one value is the string, several
// the array). A text has no null: a variant's nullable items are its
// items' type. An optional union is a pointer (nil: not sent).
func (b *builder) textUnion(f *ir.Field, s *openapi3.SchemaRef) {
	f.Pointer = !f.Required
	st := b.structByName(f.Type.Name)
	if st == nil || st.Union == nil {
		return
	}
	if f.In == ir.InPath {
		b.diags.Addf(f.Pos, "unsupported: path parameter %q of a oneOf or anyOf", f.Name)
		return
	}
	if st.Union.Discriminator != "" {
		b.diags.Addf(f.Pos, "unsupported: a discriminated union in %s %q (a text has no property to name its variant; in the query, style deepObject or form carries it as an object's keys, the discriminator's among them; elsewhere use content application/json)", inWhat(f.In), f.Name)
		return
	}
	for _, v := range st.Fields {
		t := notNullable(v.Type)
		switch {
		case scalarKind(t.Kind), t.Kind == ir.KindArray && scalarKind(t.Elem.Kind):
		case t.Kind == ir.KindStruct || t.Kind == ir.KindMap || t.Kind == ir.KindUnion:
			// The style table writes an object as its keys and values
			// (R=100&G=200, color[R]=100): nothing in them names a
			// variant, so a server could not tell which was sent.
			b.diags.Addf(v.Pos, "unsupported: an object, map or union variant of parameter or form field %q (a style writes an object as its keys and values, which name no variant, so no server could tell the variants apart; use content application/json, whose JSON text the variants' rules tell apart)", f.Name)
			continue
		default:
			b.diags.Addf(v.Pos, "unsupported: a variant of parameter or form field %q that is not a scalar or an array of scalars (a text holds nothing else)", f.Name)
			continue
		}
		if t.Elem != nil && v.Type.Elem.Nullable && s != nil && s.Ref != "" {
			// The union is a component a JSON document may hold too,
			// where its items can be null.
			b.diags.Addf(v.Pos, "unsupported: nullable items in union %q, used by parameter or form field %q (a text has no null)", st.Name, f.Name)
			continue
		}
		v.Type = t
	}
}

// inWhat names a field by where it travels, for a diagnostic.
func inWhat(in ir.In) string {
	if in == ir.InForm {
		return "form field"
	}
	return map[ir.In]string{ir.InQuery: "query", ir.InPath: "path", ir.InHeader: "header", ir.InCookie: "cookie"}[in] + " parameter"
}
