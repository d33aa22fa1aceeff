package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// formModel is a model body that may also travel as a form (a body
// declaring application/x-www-form-urlencoded beside JSON or XML of the
// same schema), decided once every type is built.
type formModel struct {
	t  ir.TypeRef
	mt *openapi3.MediaType
	at ir.Pos
}

// formModels makes the structs of the model bodies that travel as forms
// form-keyed (Struct.FormKeys): each scalar property is a form field of
// its own name, a nested object's properties travel under
// deepObject-style keys (category[name]), the items of an array of
// objects under their index (tags[0][name]), and an array of scalars
// repeats its key, or joins its items as the encoding says (at the top
// level). What has no form here (maps, unions, nullable values, arrays of
// arrays, the user's Go types) is refused at its property.
func (b *builder) formModels() {
	for _, fm := range b.formBodies {
		st := b.structByName(fm.t.Name)
		if fm.t.Kind != ir.KindStruct || st == nil || st.Union != nil || st.ByMedia != nil {
			b.diags.Addf(fm.at, "unsupported: a form media type beside others for a body that is not an object")
			continue
		}
		b.formKeyed(st)
		b.formEncoding(fm.t, fm.mt)
	}
}

// formKeyed marks st and the structs its fields hold form-keyed, refusing
// the fields that have no form.
func (b *builder) formKeyed(st *ir.Struct) {
	if st.FormKeys {
		return
	}
	st.FormKeys = true
	if st.Closed {
		b.openForm(st.Pos)
	}
	for _, f := range st.Fields {
		if f.Type.Kind == ir.KindArray && f.Delimiter == "" {
			f.Explode, f.Delimiter = arrayStyle("", nil)
		}
		if why := b.formless(f); why != "" {
			b.diags.Addf(f.Pos, "unsupported: %s in a form body (property %q of %q)", why, f.Name, st.Name)
		}
	}
}

// openForm warns that a form body's additionalProperties: false is not
// enforced: the server binds the fields the schema declares and ignores
// the others, since a form's fields may also come from the query string,
// whose other keys are the operation's parameters (in JSON and XML the
// same schema is enforced).
func (b *builder) openForm(at ir.Pos) {
	b.doc.Warnf(at, "additionalProperties: false is not enforced on a form body: the server ignores form fields the schema does not declare (it also reads form fields from the query string, where the operation's parameters are)")
}

// formless says why a field of a form-keyed struct has no form ("" when
// it has one), marking the structs it holds form-keyed.
func (b *builder) formless(f *ir.Field) string {
	t := f.Type
	switch {
	case f.Additional:
		return "a map (additionalProperties beside properties)"
	case t.Nullable && t.Kind == ir.KindUnion:
		return "a nullable oneOf or anyOf"
	case t.Kind == ir.KindArray && t.Elem.Nullable:
		return "an array of nullable items"
	case t.Kind == ir.KindArray && t.Elem.Kind == ir.KindStruct:
		return b.formStruct(*t.Elem)
	case t.Kind == ir.KindArray && !scalarKind(t.Elem.Kind):
		return "an array of arrays, maps, unions or free-form values"
	case t.Kind == ir.KindStruct:
		return b.formStruct(t)
	case scalarKind(t.Kind), t.Kind == ir.KindArray, t.Kind == ir.KindAny:
		return ""
	case t.Kind == ir.KindMap:
		return "a map"
	case t.Kind == ir.KindUnion:
		return "a oneOf or anyOf"
	case t.Kind == ir.KindGo:
		return "a value of the user's Go type"
	}
	return "a value of this kind"
}

// formStruct marks the struct of t form-keyed; a union has no form.
func (b *builder) formStruct(t ir.TypeRef) string {
	st := b.structByName(t.Name)
	if st == nil || st.Union != nil {
		return "a oneOf or anyOf"
	}
	b.formKeyed(st)
	return ""
}

// nestedForm reports whether a form body's schema has a property that is
// an object (not a map) or an array of objects: such a body is a model
// whose nested properties travel under deepObject-style keys
// (owner[name]=x, tags[0][name]=y), as a model body declared as a form
// beside JSON does, instead of a form struct of flat fields.
func nestedForm(s *openapi3.SchemaRef) bool {
	if s == nil || s.Value == nil || !isObject(s.Value) || isMap(s.Value) {
		return false
	}
	for _, p := range formProperties(s.Value) {
		v := p.Value
		if v != nil && v.Type.Is("array") && v.Items != nil {
			v = v.Items.Value
		}
		if v != nil && isObject(v) && !isMap(v) && len(v.OneOf) == 0 && len(v.AnyOf) == 0 {
			return true
		}
	}
	return false
}

// formProperties are the properties of a form's schema, its allOf parts'
// included.
func formProperties(s *openapi3.Schema) []*openapi3.SchemaRef {
	var out []*openapi3.SchemaRef
	for _, name := range sortedKeys(s.Properties) {
		out = append(out, s.Properties[name])
	}
	for _, part := range s.AllOf {
		if part.Value != nil {
			out = append(out, formProperties(part.Value)...)
		}
	}
	return out
}
