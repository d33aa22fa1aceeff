package build

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// A multipart/form-data body (README: "Request bodies") is a struct of
// parts, one per property, as OpenAPI's defaults say: a binary string is
// a file part (an io.Reader, application/octet-stream), an array of them
// one file part per item; a scalar is a text part, an array of scalars
// one text part per item; anything else (an object, a map, an array of
// objects, a union of objects, a free-form value) is a JSON part,
// application/json, its value a model written as its JSON text. The
// encoding object's contentType changes a part's Content-Type: another
// JSON type (application/vnd.x+json) for a JSON part, the one type a file
// or a text part is sent as (a text part's default is text/plain).

// textPart reports whether a property of schema s travels as a text part
// (a scalar, an array of scalars, a union of them) or a file part, not as
// a JSON part.
func textPart(s *openapi3.Schema) bool {
	if s == nil {
		return true
	}
	if len(s.AllOf) == 1 && len(s.Properties) == 0 && s.AllOf[0].Value != nil {
		return textPart(s.AllOf[0].Value)
	}
	if vs := append(append(openapi3.SchemaRefs{}, s.OneOf...), s.AnyOf...); len(vs) > 0 {
		for _, v := range vs {
			if v.Value == nil || !textPart(v.Value) || v.Value.Type.Is("array") {
				return false
			}
		}
		return true
	}
	switch {
	case s.Type.Is("string"), s.Type.Is("integer"), s.Type.Is("number"), s.Type.Is("boolean"):
		return true
	case s.Type.Is("array"):
		return s.Items != nil && s.Items.Value != nil && scalarSchema(s.Items.Value)
	}
	return false
}

// scalarSchema reports whether s is a string, number, integer or boolean
// (an enum of them included).
func scalarSchema(s *openapi3.Schema) bool {
	if len(s.AllOf) == 1 && len(s.Properties) == 0 && s.AllOf[0].Value != nil {
		return scalarSchema(s.AllOf[0].Value)
	}
	return len(s.OneOf) == 0 && len(s.AnyOf) == 0 &&
		(s.Type.Is("string") || s.Type.Is("integer") || s.Type.Is("number") || s.Type.Is("boolean"))
}

// binarySchema reports whether s is a binary string or an array of them:
// in a multipart body, file parts.
func binarySchema(s *openapi3.Schema) bool {
	if s.Type.Is("array") && s.Items != nil && s.Items.Value != nil {
		s = s.Items.Value
	}
	return s.Type.Is("string") && s.Format == "binary"
}

// jsonPart builds the field of a multipart body's JSON part: a model,
// written as its JSON text (StyleJSON) in a part of its own. An optional
// one without a zero of its own (an object, a union) is a pointer, nil
// leaving the part out.
func (b *builder) jsonPart(p property, owner string, scope *naming.Scope) *ir.Field {
	f := b.field(p, owner, scope, ir.RoleModel)
	f.Type = notNullable(f.Type)
	f.In, f.Style, f.PartType = ir.InForm, ir.StyleJSON, "application/json"
	b.access(f, p)
	f.AccessTag = ""
	f.Pointer = !f.Required && (f.Type.Kind == ir.KindStruct || f.Type.Kind == ir.KindUnion)
	return f
}

// multipartEncoding applies the encoding object of a multipart body to
// its parts: contentType (a JSON type makes any property a JSON part; a
// file or text part is sent as its one type); each array of text parts is a part
// per item. An entry naming no property is an
// error; headers and other content types are refused. style, explode and
// allowReserved apply to forms only (OpenAPI 3.0), as for every multipart
// body: they change nothing here.
func (b *builder) multipartEncoding(t ir.TypeRef, mt *openapi3.MediaType) {
	st := b.structByName(t.Name)
	if st == nil {
		return
	}
	st.Multipart = true
	for _, f := range st.Fields {
		if f.In == ir.InForm && f.Type.Kind == ir.KindArray && f.Style == ir.StyleValue {
			f.Explode, f.Delimiter = true, "" // a part per item
		}
	}
	for _, name := range sortedKeys(mt.Encoding) {
		e := mt.Encoding[name]
		at := b.encodingPos(mt, e)
		f := fieldNamed(st, name)
		if f == nil {
			b.diags.Addf(at, "encoding names %q, which is no property of the multipart body", name)
			continue
		}
		if len(e.Headers) > 0 {
			b.diags.Addf(at, "unsupported: headers for multipart part %q", name)
		}
		b.partType(f, e.ContentType, at)
	}
}

// partType gives the part of field f the content type ct of its
// encoding entry, or refuses it.
func (b *builder) partType(f *ir.Field, ct string, at ir.Pos) {
	ct = strings.TrimSpace(ct)
	codec, known := mediaCodec(mediaBase(ct))
	switch {
	case ct == "":
	case strings.ContainsAny(ct, ",*"):
		b.diags.Addf(at, "unsupported: contentType %q for part %q (one media type, the part's Content-Type)", ct, f.Name)
	case f.Binary:
		f.PartType = ct
	case known && (codec == ir.MediaJSON || codec == ir.MediaProblemJSON):
		if f.Style != ir.StyleJSON {
			b.diags.Addf(at, "unsupported: contentType %q for text part %q (a scalar in a JSON part)", ct, f.Name)
			return
		}
		f.PartType = ct
	case f.Style == ir.StyleJSON:
		b.diags.Addf(at, "unsupported: contentType %q for part %q of an object (it travels as JSON: application/json)", ct, f.Name)
	case mediaBase(ct) != "text/plain":
		// A text part's value under the type the document gives it
		// (OpenAI's SDP offer, application/sdp).
		f.PartType = ct
	}
}
