package build

import (
	"cmp"
	"slices"
	"strings"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// defaultErrorRoot is the XML root of the server's error envelopes when no
// error response of the document names one.
const defaultErrorRoot = "error"

// server makes the server stub's decisions: the names of each operation's
// input and response interface, its route, the media types it
// answers with, and the XML roots of the envelopes the runtime writes. It
// runs after every spec-derived type has claimed its name.
func (b *builder) server() {
	b.api.ServerErrorRoot = b.commonErrorRoot()
	for _, op := range b.api.AllOperations() {
		op.Server = &ir.ServerOperation{
			Input:      b.types.Unique(naming.ServerInput(op.GoName)),
			Response:   b.types.Unique(naming.ServerResponse(op.GoName)),
			Marker:     naming.ServerMarker(op.GoName),
			Serve:      naming.ServerServe(op.GoName),
			Bind:       naming.ServerBind(op.GoName),
			Descriptor: naming.ServerDescriptor(op.GoName),
			Media:      serverMedia(op),
			ErrorRoot:  cmp.Or(b.errorRoot(op), b.api.ServerErrorRoot),
			Bodiless:   slices.ContainsFunc(op.Responses, func(r *ir.Response) bool { return r.Type == nil && len(r.Media) == 0 }),
			Gzip:       op.Body != nil && declaresCoding(op.Params),
		}
		for _, r := range op.Responses {
			for _, h := range r.Headers {
				h.Pointer = h.Type.Kind != ir.KindString
			}
		}
	}
	b.routes()
}

// declaresCoding reports whether params holds a Content-Encoding header
// parameter.
func declaresCoding(params *ir.Struct) bool {
	return params != nil && slices.ContainsFunc(params.Fields, func(f *ir.Field) bool {
		return f.In == ir.InHeader && strings.EqualFold(f.Name, "Content-Encoding")
	})
}

// serverMedia is the union of the media of an operation's responses, in
// the IR's media order (JSON first); JSON when no response has a body.
func serverMedia(op *ir.Operation) []*ir.MediaType {
	var out []*ir.MediaType
	for _, r := range op.Responses {
		for _, m := range r.Media {
			if !slices.Contains(out, m) {
				out = append(out, m)
			}
		}
	}
	sortMedia(out)
	if len(out) == 0 {
		out = []*ir.MediaType{{Name: "application/json", Codec: ir.MediaJSON}}
	}
	return out
}

// errorRoot is the XML root of an operation's first declared error
// response (status 400 and up, or default) whose body is a struct.
func (b *builder) errorRoot(op *ir.Operation) string {
	for _, r := range op.Responses {
		if r.Status != 0 && r.Status < 400 || r.Class != 0 && r.Class < 4 {
			continue
		}
		if root := b.rootOf(r.Type); root != "" {
			return root
		}
	}
	return ""
}

// commonErrorRoot is the XML root used by the most operations' error
// responses (ties to the smaller name), for requests no operation matched.
func (b *builder) commonErrorRoot() string {
	count := make(map[string]int)
	for _, op := range b.api.Operations {
		if root := b.errorRoot(op); root != "" {
			count[root]++
		}
	}
	best := defaultErrorRoot
	for _, root := range sortedKeys(count) {
		if count[root] > count[best] {
			best = root
		}
	}
	return best
}

// rootOf is the XML root element of a body type; empty when it has none.
func (b *builder) rootOf(t *ir.TypeRef) string {
	if t == nil || t.Kind != ir.KindStruct {
		return ""
	}
	if st := b.structByName(t.Name); st != nil {
		return st.XMLName
	}
	return ""
}
