package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// formEncoding applies the encoding object of a form body to its fields:
// how each array travels (style form, exploded by default, or
// spaceDelimited and pipeDelimited, one value unless exploded); an object
// travels as deepObject keys, the only style it takes. An entry naming no
// property is an error; contentType, headers and allowReserved are
// refused. A form schema two operations share takes one
// encoding: a second that differs is refused.
func (b *builder) formEncoding(t ir.TypeRef, mt *openapi3.MediaType) {
	st := b.structByName(t.Name)
	if st == nil || st.Role != ir.RoleForm && !st.FormKeys {
		return
	}
	var enc openapi3.Encodings
	if mt != nil {
		enc = mt.Encoding
	}
	for _, name := range sortedKeys(enc) {
		if fieldNamed(st, name) == nil {
			b.diags.Addf(b.encodingPos(mt, enc[name]), "encoding names %q, which is no property of the form body", name)
		}
	}
	for _, f := range st.Fields {
		e := enc[f.Name]
		var style string
		var explode *bool
		if e != nil {
			style, explode = e.Style, e.Explode
			b.encodingRefusals(mt, e, f)
		}
		if f.Type.Kind != ir.KindArray && f.Type.Kind != ir.KindUnion {
			// A union's array variant travels as an array does.
			continue
		}
		ex, delim := arrayStyle(style, explode)
		if b.encoded[st] && (ex != f.Explode || delim != f.Delimiter) {
			b.diags.Addf(b.encodingPos(mt, e), "unsupported: form field %q travels differently in two bodies of schema %q (one Go type, one encoding)", f.Name, st.Name)
			continue
		}
		f.Explode, f.Delimiter = ex, delim
	}
	b.encoded[st] = true
}

// encodingRefusals reports what an encoding entry asks that the form
// codec does not do.
func (b *builder) encodingRefusals(mt *openapi3.MediaType, e *openapi3.Encoding, f *ir.Field) {
	at := b.encodingPos(mt, e)
	switch {
	case e.ContentType != "":
		b.diags.Addf(at, "unsupported: contentType %q for form field %q (a form field is text)", e.ContentType, f.Name)
	case len(e.Headers) > 0:
		b.diags.Addf(at, "unsupported: headers for form field %q (only multipart parts have headers)", f.Name)
	case e.AllowReserved:
		b.diags.Addf(at, "unsupported: allowReserved for form field %q", f.Name)
	case e.Style == "form" && formObject(f.Type):
		b.diags.Addf(at, "unsupported: style \"form\" for object form field %q (its properties would be keys of the form itself; nested objects travel as deepObject keys, %s[name])", f.Name, f.Name)
	case e.Style == "" || e.Style == "form":
	case delimitedStyle(e.Style) && f.Type.Kind == ir.KindArray:
	case e.Style == "deepObject" && formObject(f.Type):
	default:
		b.diags.Addf(at, "unsupported: style %q for form field %q (form, spaceDelimited or pipeDelimited for an array, deepObject for an object)", e.Style, f.Name)
	}
}

// encodingPos is where an encoding entry is written: at the entry when
// kin-openapi kept its origin, else at the media type's encoding key.
func (b *builder) encodingPos(mt *openapi3.MediaType, e *openapi3.Encoding) ir.Pos {
	if e != nil && e.Origin != nil {
		return b.pos(e.Origin)
	}
	return b.fieldPos(mt.Origin, "encoding")
}

// scalarKind reports whether values of kind k have one text form (a
// parameter's, a form field's).
func scalarKind(k ir.Kind) bool {
	switch k {
	case ir.KindString, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindEnum, ir.KindTime, ir.KindDate, ir.KindBytes:
		return true
	case ir.KindAny, ir.KindArray, ir.KindGo, ir.KindMap, ir.KindStream, ir.KindStruct, ir.KindUnion:
		return false
	}
	panic(unknownKind("scalarKind", k))
}

// formObject reports whether a form field of type t is an object or an
// array of objects, which travel under deepObject-style keys.
func formObject(t ir.TypeRef) bool {
	return t.Kind == ir.KindStruct || t.Kind == ir.KindArray && t.Elem.Kind == ir.KindStruct
}
