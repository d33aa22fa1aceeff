package build

import (
	"bytes"
	"cmp"
	"encoding/json"
	"mime"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// standardMedia are the media types the runtime declares itself, one per
// codec: their IR MediaType has no GoName.
var standardMedia = map[string]ir.Media{
	"application/json":                  ir.MediaJSON,
	"application/xml":                   ir.MediaXML,
	"application/x-www-form-urlencoded": ir.MediaForm,
	"application/problem+json":          ir.MediaProblemJSON,
}

// mediaBase is a declared media type without parameters, in lower case
// ("application/json; charset=utf-8" is application/json).
func mediaBase(declared string) string {
	if mt, _, err := mime.ParseMediaType(declared); err == nil {
		return mt
	}
	mt, _, _ := strings.Cut(declared, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// mediaCodec is the structured codec of a media type: the runtime's own,
// text/xml, and the structured suffixes +json and +xml (RFC 6839); false
// for a media type no structured codec reads.
func mediaCodec(name string) (ir.Media, bool) {
	if c, ok := standardMedia[name]; ok {
		return c, true
	}
	typ, sub, ok := strings.Cut(name, "/")
	switch {
	case !ok || typ == "*" || strings.Contains(sub, "*"):
		return 0, false
	case name == "text/xml" || strings.HasSuffix(sub, "+xml"):
		return ir.MediaXML, true
	case typ == "text" && sub == "json", strings.HasSuffix(sub, "+json"):
		return ir.MediaJSON, true
	}
	return 0, false
}

// mediaKind is the codec a declared media type and its schema travel
// with: a structured codec when one reads the type and a schema says what
// it holds; text (a Go string) for a text/* type whose schema is a string;
// else a stream of bytes (binary types, ranges such as image/*, a media
// type without a schema). A structured type without a schema of its own
// takes a sibling's when shared (application/json with a schema beside
// application/xml without). multipart/* is not handled yet (false).
func mediaKind(name string, s *openapi3.SchemaRef, shared bool) (ir.Media, bool) {
	if c, ok := mediaCodec(name); ok && (s != nil || shared) {
		return c, true
	}
	switch {
	case name == "multipart/form-data":
		return ir.MediaMultipart, true
	case strings.HasPrefix(name, "multipart/"):
		return 0, false
	case strings.HasPrefix(name, "text/") && name != "text/event-stream" && textSchema(s):
		return ir.MediaText, true
	}
	return ir.MediaStream, true
}

// textSchema reports whether s is a plain string, which a text body holds.
func textSchema(s *openapi3.SchemaRef) bool {
	if s == nil || s.Value == nil || s.Value.Type == nil || !s.Value.Type.Is("string") {
		return false
	}
	return s.Value.Format != "binary" && s.Value.Format != "byte" && len(s.Value.Enum) == 0
}

// mediaType is the IR media type of a declared one with codec, shared by
// every body that declares it.
func (b *builder) mediaType(declared string, codec ir.Media) *ir.MediaType {
	name := mediaBase(declared)
	key := mediaKey{name, codec}
	if m, ok := b.media[key]; ok {
		return m
	}
	m := &ir.MediaType{Name: name, Codec: codec, Range: strings.Contains(name, "*")}
	b.media[key] = m
	return m
}

// mediaKey identifies a media type in the builder: application/json
// without a schema is a stream, with one JSON.
type mediaKey struct {
	name  string
	codec ir.Media
}

// standard reports whether m is the runtime's own media type.
func standard(m *ir.MediaType) bool {
	c, ok := standardMedia[m.Name]
	return ok && c == m.Codec
}

// nameMedia names the server's variable of every media type that is not
// the runtime's own, in name order, and lists them in the API.
func (b *builder) nameMedia() {
	keys := make([]mediaKey, 0, len(b.media))
	for k := range b.media {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y mediaKey) int { return cmp.Or(strings.Compare(x.name, y.name), cmp.Compare(x.codec, y.codec)) })
	for _, k := range keys {
		m := b.media[k]
		if standard(m) {
			continue
		}
		m.GoName = b.values.Unique(naming.Media(m.Name))
		b.api.MediaTypes = append(b.api.MediaTypes, m)
	}
}

// sortMedia orders media types by codec (JSON first), the runtime's own
// before the others of its codec, then by name.
func sortMedia(ms []*ir.MediaType) {
	slices.SortFunc(ms, func(x, y *ir.MediaType) int {
		return cmp.Or(cmp.Compare(x.Codec, y.Codec), boolOrder(standard(x), standard(y)), strings.Compare(x.Name, y.Name))
	})
}

// boolOrder sorts true before false.
func boolOrder(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return -1
	}
	return 1
}

// bodyClass groups codecs whose bodies can be one Go value: the
// structured ones (JSON, XML, problem+json), text, and streams.
func bodyClass(c ir.Media) ir.Media {
	switch c {
	case ir.MediaXML, ir.MediaProblemJSON, ir.MediaForm:
		return ir.MediaJSON
	}
	return c
}

// sameSchema reports whether two media types of one body carry the same
// schema: the same one, or inline ones written alike (Vonage writes the
// same oneOf of $refs under application/json and text/xml), which are one
// Go type. Inline schemas are compared as JSON text, $refs by name;
// positions do not count.
func sameSchema(x, y *openapi3.SchemaRef) bool {
	switch {
	case x == nil || y == nil:
		return x == y
	case x.Value == y.Value:
		return true
	case x.Ref != "" || y.Ref != "":
		return false // two components, or a component and an inline schema
	}
	bx, errx := json.Marshal(x.Value)
	by, erry := json.Marshal(y.Value)
	return errx == nil && erry == nil && bytes.Equal(bx, by)
}
