package build

import (
	"cmp"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// body builds an operation's request body: a form (its own struct with
// form fields), JSON or XML (a model, in one media type or several of the
// same schema, a form of it among them), text (a string) or a stream.
func (b *builder) body(op *ir.Operation, ref *openapi3.RequestBodyRef) *ir.Body {
	if ref == nil || ref.Value == nil {
		return nil
	}
	rb := ref.Value
	if len(rb.Content) == 0 {
		b.diags.Addf(b.pos(rb.Origin), "unsupported: a request body with no media type")
		return nil
	}
	if mixed(rb.Content) {
		return b.mixedBody(op, rb)
	}
	var body *ir.Body
	var schema *openapi3.SchemaRef
	var encoding, multipart *openapi3.MediaType
	var formats []mediaSchema // the structured ones, for a body by format
	differ := false
	for _, name := range sortedKeys(rb.Content) {
		mt := rb.Content[name]
		codec, ok := b.requestMedia(name, mt)
		if !ok {
			return nil
		}
		if len(mt.Encoding) > 0 && codec != ir.MediaForm && codec != ir.MediaMultipart {
			b.diags.Addf(b.fieldPos(mt.Origin, "encoding"), "unsupported: encoding objects (of a body other than a form or multipart/form-data)")
		}
		switch codec {
		case ir.MediaForm:
			encoding = mt
		case ir.MediaMultipart:
			multipart = mt
		}
		media := b.mediaType(name, codec)
		if structured(codec) {
			formats = append(formats, mediaSchema{media, mt.Schema, b.pos(mt.Origin)})
		}
		if body == nil {
			body, schema = &ir.Body{Media: media, Required: rb.Required}, mt.Schema
			body.Alternatives = append(body.Alternatives, media)
			continue
		}
		if !sameSchema(mt.Schema, schema) {
			// (a multipart, text or stream one among them is a mixed
			// body, mixed_body.go)
			differ = true
		}
		if !slices.Contains(body.Alternatives, media) {
			body.Alternatives = append(body.Alternatives, media)
		}
	}
	if body == nil {
		return nil
	}
	sortMedia(body.Alternatives)
	body.Media = body.Alternatives[0]
	if differ {
		return b.requestByMedia(op, body, formats)
	}
	if len(body.Alternatives) == 1 && body.Media.Codec != ir.MediaXML {
		body.Alternatives = nil
	}
	switch body.Media.Codec {
	case ir.MediaForm:
		if nestedForm(schema) {
			// Nested objects: a model whose properties travel under
			// deepObject-style keys (a model body as a form).
			body.Type = b.wholeBody(b.typeOf(schema, naming.Body(op.GoName), nil, ir.RoleModel), schema)
			b.formBodies = append(b.formBodies, formModel{body.Type, encoding, b.pos(encoding.Origin)})
			break
		}
		body.Type = b.form(op, schema, false)
		b.formEncoding(body.Type, encoding)
	case ir.MediaMultipart:
		body.Type = b.form(op, schema, true)
		b.fileParts(body.Type)
		b.multipartEncoding(body.Type, multipart)
	case ir.MediaStream:
		body.Type = ir.TypeRef{Kind: ir.KindStream}
	case ir.MediaText:
		body.Type = ir.TypeRef{Kind: ir.KindString}
	default:
		body.Type = b.wholeBody(b.typeOf(schema, naming.Body(op.GoName), nil, ir.RoleModel), schema)
		b.setRoot(body.Type)
		if ir.HasCodec(body.Alternatives, ir.MediaForm) {
			b.formBodies = append(b.formBodies, formModel{body.Type, encoding, b.pos(encoding.Origin)})
		}
	}
	return body
}

// alternative reports whether a codec's body may be one of several media
// types of one schema: JSON, XML, and a form of the same model.
func alternative(c ir.Media) bool { return structured(c) || c == ir.MediaForm }

// structured reports whether a codec reads a model (JSON or XML).
func structured(c ir.Media) bool {
	return c == ir.MediaJSON || c == ir.MediaXML || c == ir.MediaProblemJSON
}

// xmlBody reports whether an operation's request body may travel as XML.
func xmlBody(op *ir.Operation) bool {
	return op.Body != nil && ir.HasCodec(op.Body.Alternatives, ir.MediaXML)
}

// form builds the struct of a form body, named after its component or, when
// inline, after the operation. In a multipart one (multipart), a property
// that is not text (an object, a map, an array of objects) is a JSON part:
// a model, written as its JSON text (multipart.go).
func (b *builder) form(op *ir.Operation, s *openapi3.SchemaRef, multipart bool) ir.TypeRef {
	return b.formNamed(naming.Body(op.GoName), s, multipart)
}

// formNamed builds the struct of a form body, named after its component
// or, when inline, inline.
func (b *builder) formNamed(inline string, s *openapi3.SchemaRef, multipart bool) ir.TypeRef {
	at := b.schemaPos(s)
	if s.Value == nil || !isObject(s.Value) {
		b.diags.Addf(at, "unsupported: a form body that is not an object")
		return ir.TypeRef{Kind: ir.KindString}
	}
	if isMap(s.Value) {
		b.diags.Addf(at, "unsupported: a form body without properties (a map)")
		return ir.TypeRef{Kind: ir.KindString}
	}
	// The form's own schema is not built by schemaType: check it here
	// (a form without properties would be a struct with nothing to send).
	b.unsupportedSchema(s.Value, b.pos(s.Value.Origin))
	if closed(s.Value) {
		b.openForm(b.pos(s.Value.Origin))
	}
	name := refName(s.Ref)
	if name != "" {
		if t, built := b.components[name]; built {
			if !b.forms[name] {
				b.diags.Addf(at, "unsupported: schema %q is used both as a form body and as a model", name)
			}
			return *t
		}
		b.forms[name] = true
	} else {
		name = inline
	}
	st := &ir.Struct{
		Name:   name,
		GoName: b.types.Unique(naming.Exported(name)),
		Doc:    doc(s.Value.Title, s.Value.Description),
		Pos:    b.pos(s.Value.Origin),
		Role:   ir.RoleForm,
	}
	fields := naming.NewScope()
	props := b.properties(s.Value)
	b.requiredKnown(s.Value, props)
	for _, p := range props {
		if p.implied {
			// A form value is text: an implied one is a string.
			p.schema = &openapi3.SchemaRef{Value: openapi3.NewStringSchema()}
		}
		if multipart && !textPart(p.schema.Value) {
			st.Fields = append(st.Fields, b.jsonPart(p, st.GoName, fields))
			continue
		}
		f := b.field(p, st.GoName, fields, ir.RoleForm)
		f.In = ir.InForm
		f.Binary = binarySchema(p.schema.Value)
		b.access(f, p)
		f.AccessTag = "" // a form has no struct tags
		f.Pointer = b.pointer(f, p.schema.Value)
		if f.Type.Kind == ir.KindUnion {
			b.textUnion(f, p.schema)
		}
		if f.Type.Kind == ir.KindArray && !scalarKind(f.Type.Elem.Kind) {
			b.diags.Addf(p.pos, "unsupported: an array of objects, arrays or maps in a form body")
		}
		if f.Type.Kind == ir.KindMap {
			b.diags.Addf(p.pos, "unsupported: a map in a form body")
		}
		st.Fields = append(st.Fields, f)
	}
	b.api.Structs = append(b.api.Structs, st)
	t := ir.TypeRef{Kind: ir.KindStruct, Name: st.GoName}
	if refName(s.Ref) != "" {
		b.components[refName(s.Ref)] = &t
	}
	return t
}

// fileParts makes the binary properties of a multipart form file parts:
// streams, sent and read as they come. Other fields stay form fields.
func (b *builder) fileParts(t ir.TypeRef) {
	st := b.structByName(t.Name)
	if st == nil {
		return
	}
	for _, f := range st.Fields {
		if !f.Binary {
			continue
		}
		switch {
		case f.Type.Kind == ir.KindBytes:
			f.Type = ir.TypeRef{Kind: ir.KindStream}
		case f.Type.Kind == ir.KindArray && f.Type.Elem.Kind == ir.KindBytes:
			// An array of files: a part of the field's name per item.
			f.Type = ir.TypeRef{Kind: ir.KindArray, Elem: &ir.TypeRef{Kind: ir.KindStream}}
			f.ItemRules = nil
		default:
			continue
		}
		f.In = ir.InBody
		f.Pointer = false
		f.Rules = slices.DeleteFunc(f.Rules, func(r *ir.Rule) bool {
			// A stream's size is not known: what is checked is that
			// it is there, and how many there are.
			return r.Kind != ir.RuleRequired && r.Kind != ir.RuleMinItems && r.Kind != ir.RuleMaxItems
		})
	}
}

// setRoot gives a struct used as a whole body its root element: its xml
// name, or its own. Only root bodies get one: a nested struct's element is
// named by its parent's field tag, and an XMLName field would only cost
// decoding time (a tenth of a 100-number page).
func (b *builder) setRoot(t ir.TypeRef) {
	if t.Kind != ir.KindStruct {
		return
	}
	if st := b.structByName(t.Name); st != nil && st.XMLName == "" {
		st.XMLName = cmp.Or(b.elements[st.GoName], st.Name)
	}
}

// structByName finds a built struct by Go name.
func (b *builder) structByName(goName string) *ir.Struct {
	for _, st := range b.api.Structs {
		if st.GoName == goName {
			return st
		}
	}
	return nil
}

// requestMedia is the codec of a request body's media type name, or false,
// reported at the media type, for one the generator cannot send.
func (b *builder) requestMedia(name string, mt *openapi3.MediaType) (ir.Media, bool) {
	codec, ok := mediaKind(mediaBase(name), mt.Schema, false)
	if !ok {
		b.diags.Addf(b.pos(mt.Origin), "unsupported: request body media type %q (form, multipart/form-data, JSON, XML and their suffixes, text and binary streams are supported)", name)
	}
	return codec, ok
}
