package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// Responses whose media types carry different schemas (README: "Different
// schemas per media type"). Vonage answers JSON with one schema and
// text/xml with another; the response's body is then a struct of its own
// with one pointer field per format, JSON and XML, each of its format's
// schema: the client fills the one the answer's Content-Type names, the
// server writes the one the handler set that the request accepts.

// mediaSchema is a structured media type of a response and its schema.
type mediaSchema struct {
	media  *ir.MediaType
	schema *openapi3.SchemaRef
	pos    ir.Pos
}

// mediaFormats are the formats a body can have a type for, in field order.
var mediaFormats = []struct {
	word   string
	codecs []ir.Media
}{
	{"json", []ir.Media{ir.MediaJSON, ir.MediaProblemJSON}},
	{"xml", []ir.Media{ir.MediaXML}},
}

// mediaBodies builds the body of a response whose structured media types
// have different schemas: one field per format, typed by its media types'
// schema, which must be one per format.
func (b *builder) mediaBodies(r *ir.Response, formats []mediaSchema) *ir.TypeRef {
	return b.byMediaStruct(r.GoName,
		"A decoded answer has the field of its format set; a handler sets one or both, and the server answers in one the request accepts.",
		formats)
}

// byMediaStruct builds a body by format named after base (base + Body):
// one pointer field per format of formats, typed by its media types'
// schema (one per format; an inline one named base + JSONBody).
func (b *builder) byMediaStruct(base, docText string, formats []mediaSchema) *ir.TypeRef {
	name := naming.Inline(base, "body")
	st := &ir.Struct{
		Name:   name,
		GoName: b.types.Unique(name),
		Doc:    docText,
		Pos:    formats[0].pos,
		Role:   ir.RoleModel,
	}
	for _, format := range mediaFormats {
		var schema *openapi3.SchemaRef
		var media []*ir.MediaType
		for _, f := range formats {
			if !hasMedia(format.codecs, f.media.Codec) {
				continue
			}
			if schema != nil && !sameSchema(schema, f.schema) {
				b.diags.Addf(f.pos, "unsupported: %s media types of one body with different schemas (one type per format)", naming.Exported(format.word))
			}
			if schema == nil {
				schema = f.schema
			}
			media = append(media, f.media)
		}
		if schema == nil {
			continue
		}
		t := b.wholeBody(b.typeOf(schema, naming.Inline(base, format.word, "body"), nil, ir.RoleModel), schema)
		if format.word == "xml" {
			b.setRoot(t)
		}
		sortMedia(media)
		st.Fields = append(st.Fields, &ir.Field{
			Name:    format.word,
			GoName:  naming.Exported(format.word),
			Doc:     "The body as " + mediaNames(media) + ".",
			Pos:     b.schemaPos(schema),
			Type:    t,
			Pointer: true,
			In:      ir.InBody,
		})
		st.ByMedia = append(st.ByMedia, media)
	}
	b.api.Structs = append(b.api.Structs, st)
	return &ir.TypeRef{Kind: ir.KindStruct, Name: st.GoName}
}

// hasMedia reports whether codecs holds c.
func hasMedia(codecs []ir.Media, c ir.Media) bool {
	for _, x := range codecs {
		if x == c {
			return true
		}
	}
	return false
}

// mediaNames lists media types' names: "application/json" or "text/xml
// or application/xml".
func mediaNames(ms []*ir.MediaType) string {
	out := ""
	for i, m := range ms {
		if i > 0 {
			out += " or "
		}
		out += m.Name
	}
	return out
}

// byMediaXML are the types of a response body's XML formats: the XML
// field's of a body by media type, else the body itself.
func (b *builder) byMediaXML(t ir.TypeRef) []ir.TypeRef {
	st := b.structByName(t.Name)
	if t.Kind != ir.KindStruct || st == nil || st.ByMedia == nil {
		return []ir.TypeRef{t}
	}
	var out []ir.TypeRef
	for i, f := range st.Fields {
		if ir.HasCodec(st.ByMedia[i], ir.MediaXML) {
			out = append(out, f.Type)
		}
	}
	return out
}

// responseXML are the types of a response's XML bodies: its XML parts'
// when it has parts, else byMediaXML's.
func (b *builder) responseXML(r *ir.Response) []ir.TypeRef {
	if r.Parts == nil {
		return b.byMediaXML(*r.Type)
	}
	var out []ir.TypeRef
	for _, p := range r.Parts {
		if ir.HasCodec(p.Media, ir.MediaXML) {
			out = append(out, p.Type)
		}
	}
	return out
}
