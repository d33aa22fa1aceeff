package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// eventStream is the media type of server-sent events.
const eventStream = "text/event-stream"

// events marks a streamed response whose one media type is
// text/event-stream: the client reads its events with an iterator and the
// server writes them with an SSEWriter. When its schema says what each
// event's data holds (an object, an array, a union: not a string, nor an
// object of the stream's own fields event, data, id and retry), the data
// is that type, as JSON.
func (b *builder) events(r *ir.Response, content openapi3.Content) {
	if len(r.Media) != 1 || r.Media[0].Name != eventStream {
		return
	}
	r.Events = true
	var s *openapi3.SchemaRef
	for name, mt := range content {
		if mediaBase(name) == eventStream {
			s = mt.Schema
		}
	}
	if !eventData(s) {
		return
	}
	t := b.typeOf(s, naming.Inline(r.GoName, "event"), nil, ir.RoleModel)
	r.EventData = &t
}

// eventData reports whether s declares the data of each event: a schema
// that is neither absent, free-form, a string, nor an object of the
// stream's own fields.
func eventData(s *openapi3.SchemaRef) bool {
	if s == nil || s.Value == nil {
		return false
	}
	v := s.Value
	switch {
	case v.Type != nil && v.Type.Is("string"):
		return false
	case len(v.OneOf)+len(v.AnyOf)+len(v.AllOf) > 0 || v.Items != nil:
		return true
	case len(v.Properties) == 0:
		return v.Type != nil && !v.Type.Is("object")
	}
	for name := range v.Properties {
		switch name {
		case "event", "data", "id", "retry":
		default:
			return true
		}
	}
	return false
}
