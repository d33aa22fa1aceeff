package build

import (
	"cmp"
	"mime"
	"slices"
	"strings"

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

// mediaCodec is the codec of a media type: the runtime's own, text/xml,
// and the structured suffixes +json and +xml (RFC 6839); false for a media
// type no codec reads.
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

// mediaType is the IR media type of a declared one, shared by every body
// that declares it; false when no codec reads it.
func (b *builder) mediaType(declared string) (*ir.MediaType, bool) {
	name := mediaBase(declared)
	if m, ok := b.media[name]; ok {
		return m, true
	}
	codec, ok := mediaCodec(name)
	if !ok {
		return nil, false
	}
	m := &ir.MediaType{Name: name, Codec: codec}
	b.media[name] = m
	return m, true
}

// nameMedia names the server's variable of every media type that is not
// the runtime's own, in name order, and lists them in the API.
func (b *builder) nameMedia() {
	for _, name := range sortedKeys(b.media) {
		m := b.media[name]
		if _, std := standardMedia[name]; std {
			continue
		}
		m.GoName = b.values.Unique(naming.Media(name))
		b.api.MediaTypes = append(b.api.MediaTypes, m)
	}
}

// sortMedia orders media types by codec (JSON first), the runtime's own
// before the others of its codec, then by name.
func sortMedia(ms []*ir.MediaType) {
	slices.SortFunc(ms, func(x, y *ir.MediaType) int {
		_, xs := standardMedia[x.Name]
		_, ys := standardMedia[y.Name]
		return cmp.Or(cmp.Compare(x.Codec, y.Codec), boolOrder(xs, ys), strings.Compare(x.Name, y.Name))
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
