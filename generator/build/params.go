package build

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// params builds the parameters struct of an operation: path-item
// parameters overridden by the operation's own, in the order written.
func (b *builder) params(op *ir.Operation, e opEntry) *ir.Struct {
	var list []*openapi3.Parameter
	add := func(ps openapi3.Parameters) {
		for _, ref := range ps {
			p := ref.Value
			if p == nil {
				continue
			}
			list = slices.DeleteFunc(list, func(q *openapi3.Parameter) bool { return q.Name == p.Name && q.In == p.In })
			list = append(list, p)
		}
	}
	add(e.item.Parameters)
	add(e.op.Parameters)
	if len(list) == 0 {
		return nil
	}
	slices.SortStableFunc(list, func(x, y *openapi3.Parameter) int {
		return cmp.Compare(b.pos(x.Origin).Line, b.pos(y.Origin).Line)
	})
	st := &ir.Struct{
		Name:   op.ID + " parameters",
		GoName: b.types.Unique(naming.Params(op.GoName)),
		Doc:    "holds the parameters of " + op.GoName + ".",
		Pos:    op.Pos,
		Role:   ir.RoleParams,
	}
	fields := naming.NewScope()
	for _, p := range list {
		if f := b.param(p, st.GoName, fields); f != nil {
			st.Fields = append(st.Fields, f)
		}
	}
	b.mapOtherKeys(st)
	b.api.Structs = append(b.api.Structs, st)
	return st
}

// mapOtherKeys gives each form-exploded map parameter of st the keys of
// its place (the query, or the cookies) that are not its own: the other
// parameters' there (an exploded object's properties, a deepObject's
// name), and the API keys that travel there. Two exploded maps in one
// place would each hold every such key, so the second is refused.
func (b *builder) mapOtherKeys(st *ir.Struct) {
	for i, f := range st.Fields {
		if !explodedMap(f) {
			continue
		}
		for j, o := range st.Fields {
			switch {
			case o == f || o.In != f.In:
			case explodedMap(o):
				if j > i {
					b.diags.Addf(o.Pos, "unsupported: map parameters %q and %q both of style form exploded in the %s (each would hold every key no other parameter has; give one explode: false%s)", f.Name, o.Name, placeOf(f.In), map[bool]string{true: " or style deepObject"}[f.In == ir.InQuery])
				}
			case o.Style == ir.StyleObjectExplode && (o.Type.Kind == ir.KindStruct || o.Type.Kind == ir.KindUnion):
				f.OtherKeys = append(f.OtherKeys, b.memberNames(o)...)
			default:
				f.OtherKeys = append(f.OtherKeys, o.Name)
			}
		}
		for _, s := range b.api.Schemes {
			if s.Kind == ir.SchemeAPIKey && (s.In == ir.KeyInQuery && f.In == ir.InQuery || s.In == ir.KeyInCookie && f.In == ir.InCookie) {
				f.OtherKeys = append(f.OtherKeys, s.Param)
			}
		}
		slices.Sort(f.OtherKeys)
		f.OtherKeys = slices.Compact(f.OtherKeys)
	}
}

// memberNames are the property names of an object parameter, or of every
// variant of a discriminated union one: its keys when exploded.
func (b *builder) memberNames(f *ir.Field) []string {
	var out []string
	st := b.structByName(f.Type.Name)
	if st == nil {
		return nil
	}
	structs := []*ir.Struct{st}
	if st.Union != nil {
		structs = nil
		for _, v := range st.Fields {
			if vst := b.structByName(v.Type.Name); vst != nil {
				structs = append(structs, vst)
			}
		}
	}
	for _, s := range structs {
		for _, m := range s.Fields {
			out = append(out, m.Name)
		}
	}
	return out
}

// explodedMap reports a map parameter of style form exploded, whose keys
// are pairs (or cookies) of their own.
func explodedMap(f *ir.Field) bool {
	return f.Type.Kind == ir.KindMap && f.Style == ir.StyleObjectExplode
}

// placeOf names where a parameter travels, for a diagnostic.
func placeOf(in ir.In) string {
	if in == ir.InCookie {
		return "cookies"
	}
	return "query"
}

// param builds one parameter field, or reports why it cannot.
func (b *builder) param(p *openapi3.Parameter, owner string, scope *naming.Scope) *ir.Field {
	at := b.pos(p.Origin)
	in, ok := map[string]ir.In{"query": ir.InQuery, "path": ir.InPath, "header": ir.InHeader, "cookie": ir.InCookie}[p.In]
	if !ok {
		b.diags.Addf(at, "unsupported: %s parameter %q", p.In, p.Name)
		return nil
	}
	shape, ok := b.paramShapeOf(p, at)
	if !ok {
		return nil
	}
	if shape.style == ir.StyleValue {
		b.paramStyle(p, at)
	} else if p.AllowReserved {
		b.diags.Addf(b.fieldPos(p.Origin, "allowReserved"), "unsupported: allowReserved for parameter %q of an object or of content (only a scalar's or an array's value keeps reserved characters)", p.Name)
	}
	prop := property{name: p.Name, schema: shape.schema, required: p.Required || in == ir.InPath, pos: at}
	f := b.field(prop, owner, scope, shape.role)
	f.Type = notNullable(f.Type)
	f.In, f.Style = in, shape.style
	if shape.style == ir.StyleObjectPairs && delimitedStyle(p.Style) {
		// An object's names and values in one value, separated by the
		// style's delimiter.
		_, f.Delimiter = arrayStyle(p.Style, p.Explode)
	}
	f.Doc = doc(p.Description, f.Doc)
	f.Deprecated = f.Deprecated || p.Deprecated
	switch {
	case shape.style == ir.StyleJSON:
		// One text, whatever the type: optional values without a
		// zero of their own are pointers (nil: not sent).
		f.Pointer = !f.Required && (f.Type.Kind == ir.KindStruct || f.Type.Kind == ir.KindUnion)
		return f
	case shape.style.Object() && f.Type.Kind == ir.KindMap:
		b.mapParam(f, at)
		return f
	case shape.style.Object() && f.Type.Kind == ir.KindUnion:
		b.unionParam(f, at)
		f.Pointer = !f.Required
		return f
	case shape.style.Object():
		if f.Type.Kind != ir.KindStruct {
			b.diags.Addf(at, "unsupported: parameter %q of object type", p.Name)
			return f
		}
		b.objectMembers(f, at)
		f.Pointer = !f.Required
		if in == ir.InPath || in == ir.InHeader {
			f.PathStyle = cmp.Or(p.Style, "simple")
			f.Explode = p.Explode != nil && *p.Explode
			f.Delimiter = pathDelimiter(f.PathStyle, f.Explode)
			if in == ir.InHeader {
				f.PathStyle = ""
			}
		}
		return f
	}
	b.valueParam(p, f, at)
	return f
}

// valueParam finishes a parameter of a scalar or an array: how an array
// travels, whether the field is a pointer, and what no style carries.
func (b *builder) valueParam(p *openapi3.Parameter, f *ir.Field, at ir.Pos) {
	f.Explode, f.Delimiter = arrayStyle(p.Style, p.Explode)
	f.AllowReserved = p.AllowReserved && f.In == ir.InQuery
	switch f.In {
	case ir.InPath:
		f.PathStyle = cmp.Or(p.Style, "simple")
		f.Explode = p.Explode != nil && *p.Explode
		f.Delimiter = pathDelimiter(f.PathStyle, f.Explode)
	case ir.InHeader:
		// simple: an array is comma-separated, exploded or not.
		f.Explode, f.Delimiter = false, ","
	case ir.InCookie:
		b.cookieArray(p, f, at)
	}
	if f.Type.Kind != ir.KindArray && f.Type.Kind != ir.KindUnion {
		f.Delimiter = ""
	}
	if f.Type.Kind == ir.KindUnion {
		b.textUnion(f, p.Schema)
		return
	}
	switch {
	case f.Type.Kind == ir.KindStruct || (f.Type.Kind == ir.KindArray && f.Type.Elem.Kind == ir.KindStruct):
		b.diags.Addf(at, "unsupported: parameter %q of object type", p.Name)
	case looseKind(f.Type):
		b.diags.Addf(at, "unsupported: parameter %q of a map or free-form type (a parameter's text has no form for one; use content application/json)", p.Name)
	case f.Type.Kind == ir.KindArray && !scalarKind(f.Type.Elem.Kind):
		b.diags.Addf(at, "unsupported: parameter %q of an array whose items are not scalars (no style writes them; use content application/json)", p.Name)
	}
	f.Pointer = b.pointer(f, p.Schema.Value)
}

// arrayStyle is how an array of a query parameter or form field travels,
// by its style and explode: exploded (one pair per item; form's default),
// or in one value with the items separated by the style's delimiter.
func arrayStyle(style string, explode *bool) (bool, string) {
	delim := map[string]string{"spaceDelimited": " ", "pipeDelimited": "|"}[style]
	if delim == "" {
		return explode == nil || *explode, ","
	}
	return explode != nil && *explode, delim
}

// delimitedStyle reports whether a style separates an array's items in
// one value (spaceDelimited, pipeDelimited): it applies to arrays only.
func delimitedStyle(style string) bool {
	return style == "spaceDelimited" || style == "pipeDelimited"
}

// paramStyle reports serialisation styles other than those supported:
// form, spaceDelimited and pipeDelimited in the query (the last two for
// arrays), simple, label and matrix in the path, simple in headers, form
// in cookies. explode changes nothing in style simple for scalars and
// arrays of a header; allowReserved is the query's only.
func (b *builder) paramStyle(p *openapi3.Parameter, at ir.Pos) {
	want := map[string]string{"query": "form", "path": "simple", "header": "simple", "cookie": "form"}[p.In]
	switch {
	case p.Style == "" || p.Style == want:
	case p.In == "query" && delimitedStyle(p.Style):
		if s := p.Schema; s != nil && s.Value != nil && !s.Value.Type.Is("array") {
			b.diags.Addf(b.fieldPos(p.Origin, "style"), "unsupported: style %q for query parameter %q, which is not an array", p.Style, p.Name)
		}
	case p.In == "path" && (p.Style == "label" || p.Style == "matrix"):
	default:
		only := map[string]string{"query": `"form", "spaceDelimited" or "pipeDelimited"`, "path": `"simple", "label" or "matrix"`}[p.In]
		if only == "" {
			only = strconv.Quote(want)
		}
		b.diags.Addf(b.fieldPos(p.Origin, "style"), "unsupported: style %q for %s parameter %q (only %s)", p.Style, p.In, p.Name, only)
	}
	if p.AllowReserved && p.In != "query" {
		b.diags.Addf(b.fieldPos(p.Origin, "allowReserved"), "unsupported: allowReserved for %s parameter %q (OpenAPI defines it for the query only)", p.In, p.Name)
	}
}

// pathDelimiter separates the items of an array (and the pairs of an
// exploded object) in a path parameter of style: "," but in an exploded
// label ("." : .3.4.5) or matrix (";" : ;id=3;id=4).
func pathDelimiter(style string, explode bool) string {
	if !explode {
		return ","
	}
	return map[string]string{"simple": ",", "label": ".", "matrix": ";"}[style]
}

// cookieArray decides how an array cookie travels, in style form: with
// explode false its items comma-separated in one cookie (color=a,b);
// exploded (form's default) a cookie per item, all of the parameter's name
// (color=a; color=b), which the server reads in order as the items (a
// scalar cookie given twice with different values stays refused). A
// union's array variant travels the same way: one cookie is its scalar
// variant (if it has one), several its array.
func (b *builder) cookieArray(p *openapi3.Parameter, f *ir.Field, _ ir.Pos) {
	list := f.Type.Kind == ir.KindArray || f.Type.Kind == ir.KindUnion
	f.Explode, f.Delimiter = list && (p.Explode == nil || *p.Explode), ","
}
