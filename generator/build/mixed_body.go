package build

import (
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// A request body declared in several media types of which one is
// multipart/form-data, text or a binary stream (Discord's messages: JSON,
// a form and multipart; OpenAI's uploads: JSON or multipart) is a body by
// format, as one whose JSON and XML schemas differ (request_media.go):
// <Op>RequestBody with one pointer field per format, JSON (and XML) of
// the model, Multipart of a multipart struct of its own
// (<Op>MultipartBody, built from the multipart media type's schema, even
// when it is the JSON one's: its binary properties are file parts there,
// []byte in JSON), Text (a string) and Stream (an io.Reader). A form of
// the JSON (or XML) schema travels as that field's model (a model body as
// a form). The caller sets one field (or several, and the client sends
// the one it prefers: JSON, or what WithBodyMedia says); the server fills
// the field of the media type the request's Content-Type names.

// mixedMedia is a media type of a mixed body, its codec and its schema.
type mixedMedia struct {
	name  string
	codec ir.Media
	mt    *openapi3.MediaType
}

// mixed reports whether a request body's media types are several with a
// multipart, text or stream one among them.
func mixed(content openapi3.Content) bool {
	if len(content) < 2 {
		return false
	}
	for name, mt := range content {
		if c, ok := mediaKind(mediaBase(name), mt.Schema, false); ok && !alternative(c) {
			return true
		}
	}
	return false
}

// mixedBody builds a mixed request body (see above), or refuses it.
func (b *builder) mixedBody(op *ir.Operation, rb *openapi3.RequestBody) *ir.Body {
	body := &ir.Body{Required: rb.Required}
	var formats []mediaSchema
	var form, multipart, text, stream []mixedMedia
	for _, name := range sortedKeys(rb.Content) {
		mt := rb.Content[name]
		codec, ok := b.requestMedia(name, mt)
		if !ok {
			return nil
		}
		media := b.mediaType(name, codec)
		if !slices.Contains(body.Alternatives, media) {
			body.Alternatives = append(body.Alternatives, media)
		}
		m := mixedMedia{name, codec, mt}
		switch codec {
		case ir.MediaForm:
			form = append(form, m)
		case ir.MediaMultipart:
			multipart = append(multipart, m)
		case ir.MediaText:
			text = append(text, m)
		case ir.MediaStream:
			if media.Range {
				b.diags.Addf(b.pos(mt.Origin), "unsupported: a media range (%s) beside other media types in one request body (one binary type, sent as declared)", name)
				return nil
			}
			stream = append(stream, m)
		default:
			formats = append(formats, mediaSchema{media, mt.Schema, b.pos(mt.Origin)})
		}
		if len(mt.Encoding) > 0 && codec != ir.MediaForm && codec != ir.MediaMultipart {
			b.diags.Addf(b.fieldPos(mt.Origin, "encoding"), "unsupported: encoding objects (of a body other than a form or multipart/form-data)")
		}
	}
	if len(stream) > 1 {
		b.diags.Addf(b.pos(stream[1].mt.Origin), "unsupported: two binary media types beside others in one request body (the stream's type would have to be given)")
		return nil
	}
	sortMedia(body.Alternatives)
	body.Media = body.Alternatives[0]
	t := b.mixedStruct(op, b.pos(rb.Origin), formats, form, multipart, text, stream)
	if t == nil {
		return nil
	}
	body.Type = *t
	return body
}

// mixedStruct builds the body by format of a mixed body: the structured
// formats' fields, then Multipart, Text and Stream.
func (b *builder) mixedStruct(op *ir.Operation, at ir.Pos, formats []mediaSchema, form, multipart, text, stream []mixedMedia) *ir.TypeRef {
	base := op.GoName + "Request"
	docText := "A bound request has the field of the media type it came in set; a caller sets one (or several, and the client sends the one it prefers: JSON, or what WithBodyMedia says)."
	var st *ir.Struct
	if len(formats) > 0 {
		t := b.byMediaStruct(base, docText, formats)
		st = b.structByName(t.Name)
	} else {
		name := naming.Inline(base, "body")
		st = &ir.Struct{Name: name, GoName: b.types.Unique(name), Doc: docText, Pos: at, Role: ir.RoleModel}
		b.api.Structs = append(b.api.Structs, st)
	}
	if len(form) > 0 && !b.mixedForm(st, form[0], formats) {
		return nil
	}
	if len(multipart) > 0 {
		m := multipart[0]
		s := m.mt.Schema
		if s != nil && s.Ref != "" {
			// Its own struct, whatever else uses the component: its
			// binary properties are file parts here.
			s = &openapi3.SchemaRef{Value: s.Value}
		}
		t := b.formNamed(naming.Inline(op.GoName, "multipart", "body"), s, true)
		b.fileParts(t)
		b.multipartEncoding(t, m.mt)
		b.mixedField(st, "multipart", "The body as multipart/form-data.", t, b.pos(m.mt.Origin), b.mediaOf(multipart))
	}
	if len(text) > 0 {
		f := b.mixedField(st, "text", "The body as text.", ir.TypeRef{Kind: ir.KindString}, b.pos(text[0].mt.Origin), b.mediaOf(text))
		if s := text[0].mt.Schema; s != nil && s.Value != nil {
			b.rules(f, s.Value) // its length and pattern
		}
	}
	if len(stream) > 0 {
		b.mixedField(st, "stream", "The body as "+stream[0].name+", streamed.", ir.TypeRef{Kind: ir.KindStream}, b.pos(stream[0].mt.Origin), b.mediaOf(stream))
	}
	return &ir.TypeRef{Kind: ir.KindStruct, Name: st.GoName}
}

// mixedForm puts a form media type among the JSON (else XML) field's: its
// schema must be that field's, whose model then travels as a form too.
func (b *builder) mixedForm(st *ir.Struct, form mixedMedia, formats []mediaSchema) bool {
	for i, f := range st.Fields {
		var schema *openapi3.SchemaRef
		for _, fm := range formats {
			if slices.Contains(st.ByMedia[i], fm.media) {
				schema = fm.schema
			}
		}
		if schema == nil || !sameSchema(schema, form.mt.Schema) {
			continue
		}
		st.ByMedia[i] = append(st.ByMedia[i], b.mediaType(form.name, ir.MediaForm))
		b.formBodies = append(b.formBodies, formModel{f.Type, form.mt, b.pos(form.mt.Origin)})
		return true
	}
	b.diags.Addf(b.pos(form.mt.Origin), "unsupported: a form media type whose schema is none of the JSON or XML ones of its body (a form travels as one of their models)")
	return false
}

// mixedField adds a format's pointer field to a mixed body's struct (a
// stream is an io.Reader: nil when not set).
func (b *builder) mixedField(st *ir.Struct, word, docText string, t ir.TypeRef, at ir.Pos, media []*ir.MediaType) *ir.Field {
	f := &ir.Field{
		Name:    word,
		GoName:  naming.Exported(word),
		Doc:     docText,
		Pos:     at,
		Type:    t,
		Pointer: t.Kind != ir.KindStream,
		In:      ir.InBody,
	}
	st.Fields = append(st.Fields, f)
	st.ByMedia = append(st.ByMedia, media)
	return f
}

// mediaOf are the IR media types of a format's declared ones, sorted.
func (b *builder) mediaOf(ms []mixedMedia) []*ir.MediaType {
	var out []*ir.MediaType
	for _, m := range ms {
		out = append(out, b.mediaType(m.name, m.codec))
	}
	sortMedia(out)
	return out
}
