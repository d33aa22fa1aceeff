package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// A response's media types by kind (README: "Responses with media types of
// different kinds"). OpenAI answers a chat completion in JSON or, when the
// request says stream: true, as server-sent events; a video as MP4, WebP
// or JSON. Such a response has parts: one per kind (a structured body of
// one schema, text, a byte stream, events), and one per schema among
// structured media types whose schemas differ. The client's answer is a
// struct with a pointer per part, the one the answer's Content-Type names
// set; the server's response has a field per part, the handler setting
// one (several: the request's Accept picks).

// mediaKinds are a response's media types sorted by kind.
type mediaKinds struct {
	// formats are the structured media types with their schemas; bare
	// those without a schema of their own (which share a sibling's).
	formats []mediaSchema
	bare    []*ir.MediaType
	// text, stream and events are the media types of each other kind.
	text, stream, events []*ir.MediaType
	// eventSchema is the schema of text/event-stream.
	eventSchema *openapi3.SchemaRef
	// example is the spec's example of the first JSON media type.
	example string
}

// responseKinds sorts the media types of content by kind; a media type no
// kind takes is refused at its position.
func (b *builder) responseKinds(r *ir.Response, content openapi3.Content) mediaKinds {
	var k mediaKinds
	shared := structuredSchema(content)
	for _, name := range sortedKeys(content) {
		mt := content[name]
		codec, ok := mediaKind(mediaBase(name), mt.Schema, shared)
		if !ok || codec == ir.MediaForm || codec == ir.MediaMultipart {
			b.diags.Addf(b.pos(mt.Origin), "unsupported: response media type %q (JSON, XML, problem+json, +json and +xml, text and binary streams are supported)", name)
			continue
		}
		media := b.mediaType(name, codec)
		switch {
		case codec == ir.MediaText:
			k.text = appendMedia(k.text, media)
		case codec == ir.MediaStream && media.Name == eventStream:
			k.events = appendMedia(k.events, media)
			k.eventSchema = mt.Schema
		case codec == ir.MediaStream:
			k.stream = appendMedia(k.stream, media)
		case mt.Schema == nil:
			k.bare = appendMedia(k.bare, media)
		default:
			if !hasFormat(k.formats, media) {
				k.formats = append(k.formats, mediaSchema{media, mt.Schema, b.pos(mt.Origin)})
			}
			if media.Codec == ir.MediaJSON && k.example == "" {
				k.example = jsonExample(mt)
			}
		}
	}
	return k
}

// appendMedia appends m unless ms holds it (application/json and
// application/json; charset=utf-8 are one).
func appendMedia(ms []*ir.MediaType, m *ir.MediaType) []*ir.MediaType {
	for _, x := range ms {
		if x == m {
			return ms
		}
	}
	return append(ms, m)
}

// hasFormat reports whether formats holds m.
func hasFormat(formats []mediaSchema, m *ir.MediaType) bool {
	for _, f := range formats {
		if f.media == m {
			return true
		}
	}
	return false
}

// structured reports whether the response has a structured body.
func (k mediaKinds) structured() bool { return len(k.formats)+len(k.bare) > 0 }

// parts reports whether the response needs parts: media types of more
// than one kind, or JSON (or XML) media types with different schemas.
func (k mediaKinds) parts() bool {
	n := 0
	for _, has := range []bool{k.structured(), len(k.text) > 0, len(k.stream) > 0, len(k.events) > 0} {
		if has {
			n++
		}
	}
	if n > 1 {
		return true
	}
	for _, format := range mediaFormats {
		var first *openapi3.SchemaRef
		for _, f := range k.formats {
			if !hasMedia(format.codecs, f.media.Codec) {
				continue
			}
			if first != nil && !sameSchema(first, f.schema) {
				return true
			}
			first = f.schema
		}
	}
	return false
}

// responseBody builds the body of a response of one kind, as it always
// was: a stream (events when text/event-stream), text, a body by format
// when its JSON and XML schemas differ, or the one schema's type.
func (b *builder) responseBody(r *ir.Response, k mediaKinds, content openapi3.Content) {
	for _, f := range k.formats {
		r.Media = appendMedia(r.Media, f.media)
	}
	for _, ms := range [][]*ir.MediaType{k.bare, k.text, k.stream, k.events} {
		for _, m := range ms {
			r.Media = appendMedia(r.Media, m)
		}
	}
	sortMedia(r.Media)
	r.Example = k.example
	switch {
	case len(k.stream)+len(k.events) > 0:
		r.Type = &ir.TypeRef{Kind: ir.KindStream}
		b.events(r, content)
	case len(k.text) > 0:
		r.Type = &ir.TypeRef{Kind: ir.KindString}
	case len(k.formats) == 0:
	case k.differ():
		r.Type = b.mediaBodies(r, k.formats)
	default:
		schema := k.formats[len(k.formats)-1].schema
		t := b.wholeBody(b.typeOf(schema, naming.Inline(r.GoName, "body"), nil, ir.RoleModel), schema)
		b.setRoot(t)
		r.Type = &t
	}
}

// differ reports whether the structured media types carry different
// schemas (JSON's and XML's, as parts says otherwise).
func (k mediaKinds) differ() bool {
	for _, f := range k.formats[1:] {
		if !sameSchema(f.schema, k.formats[0].schema) {
			return true
		}
	}
	return false
}

// responseParts builds the parts of a response whose media types are of
// different kinds or schemas; a failure response with parts is refused
// (a typed error has one body type).
func (b *builder) responseParts(r *ir.Response, k mediaKinds, resp *openapi3.Response) {
	if !r.Success() && !(r.Status == 0 && r.Class == 0) {
		b.diags.Addf(b.pos(resp.Origin), "unsupported: a failure response whose media types are of different kinds or schemas (a typed error has one body type)")
		return
	}
	r.Example = k.example
	b.structuredParts(r, k)
	if len(k.text) > 0 {
		r.Parts = append(r.Parts, &ir.ResponsePart{GoName: "Text", Media: k.text, Type: ir.TypeRef{Kind: ir.KindString}})
	}
	if len(k.events) > 0 {
		p := &ir.ResponsePart{GoName: "Events", Media: k.events, Type: ir.TypeRef{Kind: ir.KindStream}, Events: true}
		if eventData(k.eventSchema) {
			t := b.typeOf(k.eventSchema, naming.Inline(r.GoName, "event"), nil, ir.RoleModel)
			p.EventData = &t
		}
		r.Parts = append(r.Parts, p)
	}
	if len(k.stream) > 0 {
		sortMedia(k.stream)
		r.Parts = append(r.Parts, &ir.ResponsePart{GoName: "Stream", Media: k.stream, Type: ir.TypeRef{Kind: ir.KindStream}})
	}
	for _, p := range r.Parts {
		r.Media = append(r.Media, p.Media...)
	}
	r.Type = &ir.TypeRef{Kind: ir.KindStruct, Name: b.types.Unique(naming.Inline(r.GoName, "body"))}
}

// structuredParts builds a part per schema of the structured media types,
// those without a schema joining the first: JSON when its media types are
// all JSON, XML when all XML, else Body; several of one name are named
// after their first media type.
func (b *builder) structuredParts(r *ir.Response, k mediaKinds) {
	type group struct {
		schema *openapi3.SchemaRef
		media  []*ir.MediaType
	}
	var groups []*group
	for _, f := range k.formats {
		var g *group
		for _, x := range groups {
			if sameSchema(x.schema, f.schema) {
				g = x
			}
		}
		if g == nil {
			g = &group{schema: f.schema}
			groups = append(groups, g)
		}
		g.media = append(g.media, f.media)
	}
	if len(groups) > 0 {
		groups[0].media = append(groups[0].media, k.bare...)
	}
	names := map[string]int{}
	for _, g := range groups {
		sortMedia(g.media)
		names[partName(g.media)]++
	}
	for _, g := range groups {
		name := partName(g.media)
		if names[name] > 1 {
			name = naming.Exported(g.media[0].Name)
		}
		t := b.wholeBody(b.typeOf(g.schema, naming.Inline(r.GoName, name, "body"), nil, ir.RoleModel), g.schema)
		if ir.HasCodec(g.media, ir.MediaXML) {
			b.setRoot(t)
		}
		r.Parts = append(r.Parts, &ir.ResponsePart{GoName: name, Media: g.media, Type: t})
	}
}

// partName is the field of a structured part: JSON, XML, or Body when it
// has both.
func partName(ms []*ir.MediaType) string {
	switch xml := ir.HasCodec(ms, ir.MediaXML); {
	case xml && len(ms) > 1 && !allXML(ms):
		return "Body"
	case xml:
		return "XML"
	}
	return "JSON"
}

// allXML reports whether every media type of ms is XML.
func allXML(ms []*ir.MediaType) bool {
	for _, m := range ms {
		if m.Codec != ir.MediaXML {
			return false
		}
	}
	return true
}
