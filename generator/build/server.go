package build

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// defaultErrorRoot is the XML root of the server's error envelopes when no
// error response of the document names one.
const defaultErrorRoot = "error"

// server makes the server stub's decisions: the names of each operation's
// input and response interface, its ServeMux route, the media types it
// answers with, and the XML roots of the envelopes the runtime writes. It
// runs after every spec-derived type has claimed its name.
func (b *builder) server() {
	b.api.ServerErrorRoot = b.commonErrorRoot()
	for _, op := range b.api.Operations {
		op.Server = &ir.ServerOperation{
			Input:      b.types.Unique(naming.ServerInput(op.GoName)),
			Response:   b.types.Unique(naming.ServerResponse(op.GoName)),
			Marker:     naming.ServerMarker(op.GoName),
			Serve:      naming.ServerServe(op.GoName),
			Bind:       naming.ServerBind(op.GoName),
			Descriptor: naming.ServerDescriptor(op.GoName),
			Route:      b.route(op),
			Media:      serverMedia(op),
			ErrorRoot:  cmp.Or(b.errorRoot(op), b.api.ServerErrorRoot),
		}
		for _, r := range op.Responses {
			for _, h := range r.Headers {
				h.Pointer = h.Type.Kind != ir.KindString
			}
		}
	}
	b.checkRoutes()
}

// route is the ServeMux pattern of an operation. Path parameters become
// wildcards named by Go identifiers (ServeMux's rule); a wildcard must be a
// whole path segment, else the path is reported and the route is empty.
func (b *builder) route(op *ir.Operation) string {
	wild := make(map[string]string)
	scope := naming.NewScope()
	if op.Params != nil {
		for _, f := range op.Params.Fields {
			if f.In == ir.InPath {
				f.Wildcard = scope.Unique(naming.Wildcard(f.Name))
				wild[f.Name] = f.Wildcard
			}
		}
	}
	segs := strings.Split(op.Path, "/")
	for i, seg := range segs {
		lo, hi := strings.IndexByte(seg, '{'), strings.LastIndexByte(seg, '}')
		if lo < 0 && hi < 0 {
			continue
		}
		name := strings.TrimSuffix(strings.TrimPrefix(seg, "{"), "}")
		w, ok := wild[name]
		if lo != 0 || hi != len(seg)-1 || !ok {
			b.diags.Addf(op.Pos, "unsupported: path %q: segment %q must be exactly one declared path parameter", op.Path, seg)
			return ""
		}
		segs[i] = "{" + w + "}"
	}
	path := strings.Join(segs, "/")
	if strings.HasSuffix(path, "/") {
		path += "{$}"
	}
	return op.Method + " " + path
}

// checkRoutes registers every route on a scratch ServeMux, which panics on
// a malformed or conflicting pattern: report it instead, naming the
// operation it conflicts with.
func (b *builder) checkRoutes() {
	mux := http.NewServeMux()
	var served []*ir.Operation
	for _, op := range b.api.Operations {
		if op.Server.Route == "" {
			continue
		}
		if msg := register(mux, op.Server.Route); msg != "" {
			for _, prev := range served {
				if register(http.NewServeMux(), prev.Server.Route, op.Server.Route) != "" {
					msg = fmt.Sprintf("conflicts with path %q of %q: both match some paths and neither is more specific", prev.Path, prev.ID)
					break
				}
			}
			b.diags.Addf(op.Pos, "unsupported: path %q cannot be served: %s", op.Path, msg)
			continue
		}
		served = append(served, op)
	}
}

// register registers the patterns on mux, returning the first line of the
// panic of a pattern it refuses; empty when it takes them all.
func register(mux *http.ServeMux, patterns ...string) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg, _, _ = strings.Cut(fmt.Sprint(r), "\n")
		}
	}()
	for _, p := range patterns {
		mux.HandleFunc(p, func(http.ResponseWriter, *http.Request) {})
	}
	return ""
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
		if r.Status != 0 && r.Status < 400 {
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
