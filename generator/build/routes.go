package build

import (
	"cmp"
	"net/url"
	"slices"
	"strings"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// routes decides the server's router: each operation's path template is
// split into segments of literal text and parameters, its path values are
// named, and the operations are grouped into routes (one per template,
// whatever its parameters are called), sorted in precedence order. A
// template the router cannot take is reported at its operation. Two
// operations of one method on one path (their parameters renamed, or
// their templates told apart only by a URL fragment, which never travels)
// are an error, unless no server is generated: the client calls each.
func (b *builder) routes() {
	byShape := make(map[string]*ir.Route)
	for _, op := range b.api.Operations {
		segs, ok := b.pathSegments(op)
		if !ok {
			continue
		}
		key := shapeKey(segs)
		r := byShape[key]
		if r == nil {
			r = &ir.Route{Path: op.Path, Segments: segs}
			byShape[key] = r
			b.api.Routes = append(b.api.Routes, r)
		}
		if i := slices.IndexFunc(r.Ops, func(o *ir.Operation) bool { return o.Method == op.Method }); i >= 0 && !b.clientOnly {
			why := "its parameters renamed"
			if ir.PathOnWire(op.Path) != op.Path || ir.PathOnWire(r.Ops[i].Path) != r.Ops[i].Path {
				why = "a URL fragment (#...) never leaves the client"
			}
			b.diags.Addf(op.Pos, "%s %s: the same path as %s %s of %q (%s): a request could be either, and no server can tell them apart",
				op.Method, op.Path, r.Ops[i].Method, r.Ops[i].Path, r.Ops[i].ID, why)
			continue
		}
		r.Ops = append(r.Ops, op)
	}
	for _, r := range b.api.Routes {
		slices.SortFunc(r.Ops, func(x, y *ir.Operation) int { return strings.Compare(x.Method, y.Method) })
		r.Allow = allowHeader(r.Ops)
	}
	slices.SortStableFunc(b.api.Routes, compareRoutes)
}

// pathSegments splits an operation's path template into the router's
// segments, setting the Wildcard (and PathReserved) of each path
// parameter and the operation's PathParams.
func (b *builder) pathSegments(op *ir.Operation) ([][]string, bool) {
	params := make(map[string]*ir.Field)
	scope := naming.NewScope()
	if op.Params != nil {
		for _, f := range op.Params.Fields {
			if f.In == ir.InPath {
				f.Wildcard = scope.Unique(naming.Wildcard(f.Name))
				params[f.Name] = f
			}
		}
	}
	seen := make(map[string]bool)
	var out [][]string
	ok := true
	for _, seg := range strings.Split(strings.TrimPrefix(ir.PathOnWire(op.Path), "/"), "/") {
		texts, names, problem := splitTemplate(seg)
		invalid := ""
		for i, name := range names {
			f := params[name]
			switch {
			case problem != "", invalid != "":
			case f == nil:
				invalid = "{" + name + "} is not a declared path parameter"
			case seen[name]:
				invalid = "{" + name + "} comes twice in the path"
			default:
				seen[name] = true
				op.Server.PathParams = append(op.Server.PathParams, f.Wildcard)
				if i < len(names)-1 {
					f.PathReserved = pathReserved(texts[i+1])
				}
			}
		}
		if problem != "" {
			b.diags.Addf(op.Pos, "unsupported: path %q: segment %q: %s", op.Path, seg, problem)
			ok = false
		}
		if invalid != "" {
			b.diags.Addf(op.Pos, "path %q: segment %q: %s", op.Path, seg, invalid)
			ok = false
		}
		out = append(out, texts)
	}
	return out, ok
}

// splitTemplate splits a segment of a path template into the literal
// texts around its parameters and the parameters' names; problem says why
// the router cannot take it (unbalanced braces, two parameters with no
// text between them, which could split anywhere).
func splitTemplate(seg string) (texts, names []string, problem string) {
	for {
		open, end := strings.IndexByte(seg, '{'), strings.IndexByte(seg, '}')
		if open < 0 && end < 0 {
			return append(texts, seg), names, ""
		}
		if open < 0 || end < open || strings.IndexByte(seg[open+1:end], '{') >= 0 || end == open+1 {
			return nil, nil, "its braces do not enclose parameter names"
		}
		if len(names) > 0 && open == 0 {
			return nil, nil, "parameters {" + names[len(names)-1] + "} and {" + seg[1:end] + "} need literal text between them"
		}
		texts = append(texts, seg[:open])
		names = append(names, seg[open+1:end])
		seg = seg[end+1:]
	}
}

// pathReserved is what the client escapes in the value of a parameter
// that another follows in its segment: the first byte of the text between
// them, unless url.PathEscape encodes it anyway. Without that byte the
// value cannot hold the text, so the router's shortest split gives it back
// whole; the last parameter of a segment needs nothing (its value ends at
// the segment's suffix).
func pathReserved(sep string) string {
	if c := sep[:1]; url.PathEscape(c) == c {
		return c
	}
	return ""
}

// shapeKey is a template's segments with the parameters' names dropped:
// the same key, the same paths.
func shapeKey(segs [][]string) string {
	var sb strings.Builder
	for _, texts := range segs {
		sb.WriteByte('/')
		sb.WriteString(strings.Join(texts, "{}"))
	}
	return sb.String()
}

// allowHeader lists the methods of a route's operations, HEAD after GET
// (GET serves HEAD).
func allowHeader(ops []*ir.Operation) string {
	var methods []string
	for _, op := range ops {
		methods = append(methods, op.Method)
		if op.Method == "GET" && !slices.ContainsFunc(ops, func(o *ir.Operation) bool { return o.Method == "HEAD" }) {
			methods = append(methods, "HEAD")
		}
	}
	return strings.Join(methods, ", ")
}

// compareRoutes orders routes by precedence, segment by segment: at the
// first segment where two differ, a literal segment comes before one with
// parameters, and of two with parameters the one with more literal text,
// then the one with fewer parameters. The router tries candidates in this
// order, so the leftmost difference decides.
func compareRoutes(a, b *ir.Route) int {
	for i := range min(len(a.Segments), len(b.Segments)) {
		if c := compareSegments(a.Segments[i], b.Segments[i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a.Segments), len(b.Segments))
}

// compareSegments orders two segments by precedence (compareRoutes), then
// by their text.
func compareSegments(a, b []string) int {
	switch la, lb := len(a) == 1, len(b) == 1; {
	case la && lb:
		return strings.Compare(a[0], b[0])
	case la:
		return -1
	case lb:
		return 1
	}
	if c := cmp.Compare(literalLen(b), literalLen(a)); c != 0 {
		return c
	}
	if c := cmp.Compare(len(a), len(b)); c != 0 {
		return c
	}
	return slices.Compare(a, b)
}

// literalLen is the length of a segment's literal text.
func literalLen(texts []string) int {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return n
}
