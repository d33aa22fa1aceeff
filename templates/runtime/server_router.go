package runtime

import (
	"net/http"
	"net/url"
	"strings"
)

// srvRoute is one path template of the API as the generator decided it:
// its segments, the Allow header of a method it does not take, and the
// operation serving each method it takes.
type srvRoute struct {
	// segments are the template's segments between slashes, each the
	// literal texts around its parameters: one text is a literal segment,
	// n+1 texts a segment of n parameters ({Sid}.json is "", ".json").
	segments [][]string
	// allow lists the methods the path takes ("GET, HEAD, POST").
	allow string
	ops   []srvRouteOp
}

// srvRouteOp is an operation of a route: its method, the names its path
// values are set under (r.PathValue), in the order of the template, and
// the method of the server that serves it.
type srvRouteOp struct {
	method string
	params []string
	serve  func(*server, http.ResponseWriter, *http.Request)
}

// srvNode is a node of the router's tree: one per distinct prefix of
// segments. A literal segment is looked up; the templates are then tried
// in the generator's order (more literal text first).
type srvNode struct {
	literals  map[string]*srvNode
	templates []srvTemplateChild
	// route is the route whose template ends at this node; nil for none.
	route *srvRoute
}

// srvTemplateChild is a segment with parameters, and the subtree below it.
type srvTemplateChild struct {
	texts []string
	node  *srvNode
}

// srvNewRouter builds the tree of routes, whose order is the generator's
// precedence order.
func srvNewRouter(routes []srvRoute) *srvNode {
	root := &srvNode{}
	for i := range routes {
		n := root
		for _, seg := range routes[i].segments {
			n = n.child(seg)
		}
		n.route = &routes[i]
	}
	return root
}

// child is the node below n for the segment texts, added when missing.
func (n *srvNode) child(texts []string) *srvNode {
	if len(texts) == 1 {
		if c := n.literals[texts[0]]; c != nil {
			return c
		}
		if n.literals == nil {
			n.literals = make(map[string]*srvNode)
		}
		c := &srvNode{}
		n.literals[texts[0]] = c
		return c
	}
	for _, t := range n.templates {
		if srvSameTexts(t.texts, texts) {
			return t.node
		}
	}
	c := &srvNode{}
	n.templates = append(n.templates, srvTemplateChild{texts, c})
	return c
}

// srvSameTexts reports whether two segments have the same literal texts.
func srvSameTexts(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// match finds the route of an escaped path and appends its parameters'
// values, still escaped, to vals. At each segment a literal beats a
// template, and a template with more literal text beats one with less;
// when what wins at a segment matches nothing further on, the next
// candidate is tried, so the leftmost difference decides. A parameter's
// value is never empty.
func (n *srvNode) match(path string, vals []string) (*srvRoute, []string) {
	if !strings.HasPrefix(path, "/") {
		return nil, vals
	}
	return n.segment(path[1:], vals)
}

// segment matches rest, the path after a slash, below n.
func (n *srvNode) segment(rest string, vals []string) (*srvRoute, []string) {
	seg, tail, more := strings.Cut(rest, "/")
	if c := n.literal(seg); c != nil {
		if r, v := c.next(tail, more, vals); r != nil {
			return r, v
		}
	}
	for _, t := range n.templates {
		k := len(vals)
		v, ok := srvSplitSegment(seg, t.texts, vals)
		if ok {
			if r, v := t.node.next(tail, more, v); r != nil {
				return r, v
			}
		}
		vals = v[:k]
	}
	return nil, vals
}

// next is the route of what follows a matched segment: the route ending at
// n when nothing does.
func (n *srvNode) next(tail string, more bool, vals []string) (*srvRoute, []string) {
	if !more {
		return n.route, vals
	}
	return n.segment(tail, vals)
}

// literal is the child of n for a literal segment, compared as sent and,
// when it holds escapes, decoded.
func (n *srvNode) literal(seg string) *srvNode {
	if c := n.literals[seg]; c != nil {
		return c
	}
	if strings.IndexByte(seg, '%') < 0 || len(n.literals) == 0 {
		return nil
	}
	if u, err := url.PathUnescape(seg); err == nil {
		return n.literals[u]
	}
	return nil
}

// srvSplitSegment matches a segment against the literal texts of a template,
// appending the values of its parameters to vals. Each value is at least
// one byte. Between two parameters the first occurrence of the text that
// separates them ends the earlier one: every parameter but the last takes
// the shortest value that fits ({name}.{ext} splits "a.b.c" into "a" and
// "b.c"), the last takes the rest up to the template's suffix.
func srvSplitSegment(seg string, texts []string, vals []string) ([]string, bool) {
	last := len(texts) - 1
	prefix, suffix := texts[0], texts[last]
	if len(seg) <= len(prefix)+len(suffix) || !strings.HasPrefix(seg, prefix) || !strings.HasSuffix(seg, suffix) {
		return vals, false
	}
	seg = seg[len(prefix) : len(seg)-len(suffix)]
	for _, sep := range texts[1:last] {
		i := strings.Index(seg[1:], sep)
		if i < 0 {
			return vals, false
		}
		vals = append(vals, seg[:i+1])
		seg = seg[i+1+len(sep):]
		if seg == "" {
			return vals, false
		}
	}
	return append(vals, seg), true
}

// op is the operation of the route for a method; a HEAD request is served
// by GET when the route has no HEAD of its own. Nil when none takes it.
func (rt *srvRoute) op(method string) *srvRouteOp {
	for i := range rt.ops {
		if rt.ops[i].method == method {
			return &rt.ops[i]
		}
	}
	if method == http.MethodHead {
		return rt.op(http.MethodGet)
	}
	return nil
}

// route serves a request with the operation of its path and method: 404
// when no template matches the path, 405 with Allow when the path's
// template does not take the method. The path alone picks the template
// (OpenAPI's rule: concrete paths before templated ones), then the method
// picks its operation. The values of the path parameters are decoded and
// set on r, under the names the binders read.
func (s *server) route(w http.ResponseWriter, r *http.Request) {
	var buf [8]string
	route, vals := s.router.match(r.URL.EscapedPath(), buf[:0])
	if route == nil {
		s.writeEnvelope(w, srvEnvelopeMedia(r), serverErrorRoot, http.StatusNotFound, srvLabelNotFound)
		return
	}
	op := route.op(r.Method)
	if op == nil {
		w.Header().Set("Allow", route.allow)
		s.writeEnvelope(w, srvEnvelopeMedia(r), serverErrorRoot, http.StatusMethodNotAllowed, srvLabelNotAllowed)
		return
	}
	for i, name := range op.params {
		v := vals[i]
		if strings.IndexByte(v, '%') >= 0 {
			u, err := url.PathUnescape(v)
			if err != nil {
				s.writeEnvelope(w, srvEnvelopeMedia(r), serverErrorRoot, http.StatusNotFound, srvLabelNotFound)
				return
			}
			v = u
		}
		r.SetPathValue(name, v)
	}
	op.serve(s, w, r)
}
