package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// Parameter styles beyond scalars and arrays of scalars (README:
// "Parameters"). An object in the query travels as OpenAPI's style table
// says: form exploded (?name=x&age=3), form not exploded
// (?obj=name,x,age,3) or deepObject (?obj[name]=x&obj[age]=3); its
// properties must be scalars, which is all the table defines. A parameter
// with content application/json (or a +json type) is its value's JSON
// text, and so is an array of objects in the query, which no style
// defines (?mdfilters=[{"scope":"enterprise"}]): each of those is a JSON
// document, so unions, maps and nested objects are fine there.

// paramShape is what a parameter's value is and how it travels: its
// schema (the parameter's, or its content's), the style, and the role its
// type is built in (RoleModel for a JSON text, whose type is a JSON
// document's). ok is false when the parameter was refused.
type paramShape struct {
	schema *openapi3.SchemaRef
	style  ir.Style
	role   ir.Role
}

// paramShapeOf decides the shape of p, reporting what it cannot carry.
func (b *builder) paramShapeOf(p *openapi3.Parameter, at ir.Pos) (paramShape, bool) {
	if p.Schema == nil || p.Schema.Value == nil {
		return b.contentShape(p, at)
	}
	s := p.Schema.Value
	switch {
	case p.In == "query" && s.Type.Is("array") && s.Items != nil && s.Items.Value != nil && isObject(s.Items.Value) && !isMap(s.Items.Value):
		return paramShape{schema: p.Schema, style: ir.StyleJSON, role: ir.RoleModel}, true
	case isObject(s) && !isMap(s) && !composite(s):
		style, ok := b.objectStyle(p, at)
		return paramShape{schema: p.Schema, style: style, role: ir.RoleParams}, ok
	case p.In == "query" && len(s.OneOf)+len(s.AnyOf) > 0 && s.Discriminator != nil && objectStyleName(p.Style):
		// A discriminated union of objects in the query: its variant's
		// properties are keys as an object's, the discriminator's among
		// them, which names the variant (unionParam checks the rest).
		style, ok := b.objectStyle(p, at)
		return paramShape{schema: p.Schema, style: style, role: ir.RoleParams}, ok
	case isMap(s) && s.AdditionalProperties.Schema != nil && (p.In == "query" || p.In == "cookie") && objectStyleName(p.Style):
		// A map of scalars in the query (OpenAI's metadata[k]=v) or in
		// cookies, as an object of the keys it holds (mapParam checks
		// the values).
		style, ok := b.objectStyle(p, at)
		return paramShape{schema: p.Schema, style: style, role: ir.RoleParams}, ok
	}
	return paramShape{schema: p.Schema, style: ir.StyleValue, role: ir.RoleParams}, true
}

// objectStyleName reports a style the query writes an object in: form
// (the default), deepObject, spaceDelimited or pipeDelimited (OpenAPI's
// style table; the cookies' form only, which kin-openapi holds them to).
func objectStyleName(style string) bool {
	return style == "" || style == "form" || style == "deepObject" || delimitedStyle(style)
}

// contentShape is the shape of a parameter given by content instead of
// schema: one JSON media type (application/json, text/json or +json)
// whose schema is the value's.
func (b *builder) contentShape(p *openapi3.Parameter, at ir.Pos) (paramShape, bool) {
	if len(p.Content) != 1 {
		b.diags.Addf(at, "unsupported: parameter %q without a schema or with content of other than one media type", p.Name)
		return paramShape{}, false
	}
	for name, mt := range p.Content {
		codec, ok := mediaCodec(mediaBase(name))
		if !ok || (codec != ir.MediaJSON && codec != ir.MediaProblemJSON) {
			b.diags.Addf(b.fieldPos(p.Origin, "content"), "unsupported: parameter %q of content %q (only JSON: application/json, +json)", p.Name, name)
			return paramShape{}, false
		}
		if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
			b.diags.Addf(b.fieldPos(p.Origin, "content"), "unsupported: parameter %q of content %q without a schema", p.Name, name)
			return paramShape{}, false
		}
		if p.In == "path" {
			b.diags.Addf(b.fieldPos(p.Origin, "content"), "unsupported: path parameter %q of content %q", p.Name, name)
			return paramShape{}, false
		}
		return paramShape{schema: mt.Schema, style: ir.StyleJSON, role: ir.RoleModel}, true
	}
	return paramShape{}, false
}

// objectStyle is how an object parameter travels: in the query, form
// (exploded unless explode is false), spaceDelimited or pipeDelimited
// (explode false: one value) or deepObject.
func (b *builder) objectStyle(p *openapi3.Parameter, at ir.Pos) (ir.Style, bool) {
	explode := p.Explode != nil && *p.Explode
	switch {
	case p.In == "cookie" && (p.Style == "" || p.Style == "form"):
		// Form, as in the query: each property a cookie of its own
		// (R=100; G=200), or, explode false, one cookie of names and
		// values (color=R,100,G,200).
		if p.Explode != nil && !*p.Explode {
			return ir.StyleObjectPairs, true
		}
		return ir.StyleObjectExplode, true
	case p.In == "cookie":
		b.diags.Addf(b.fieldPos(p.Origin, "style"), "unsupported: style %q for cookie parameter %q of object type (only \"form\")", p.Style, p.Name)
		return ir.StyleValue, false
	case p.In == "header" && (p.Style == "" || p.Style == "simple"),
		p.In == "path" && (p.Style == "" || p.Style == "simple" || p.Style == "label" || p.Style == "matrix"):
		// R,100,G,200 or, exploded, R=100,G=200 (label: .R=100.G=200;
		// matrix: ;R=100;G=200).
		if explode {
			return ir.StyleObjectExplode, true
		}
		return ir.StyleObjectPairs, true
	case p.In != "query":
		b.diags.Addf(b.fieldPos(p.Origin, "style"), "unsupported: style %q for %s parameter %q of object type", p.Style, p.In, p.Name)
		return ir.StyleValue, false
	}
	switch p.Style {
	case "", "form":
		if p.Explode != nil && !*p.Explode {
			return ir.StyleObjectPairs, true
		}
		return ir.StyleObjectExplode, true
	case "spaceDelimited", "pipeDelimited":
		// One value of names and values, separated by the style's
		// delimiter (color=R%20100%20G%20200, color=R|100|G|200).
		if explode {
			b.diags.Addf(b.fieldPos(p.Origin, "explode"), "unsupported: style %s with explode true for object parameter %q (OpenAPI's style table defines it with explode false only)", p.Style, p.Name)
			return ir.StyleValue, false
		}
		return ir.StyleObjectPairs, true
	case "deepObject":
		if p.Explode != nil && !*p.Explode {
			b.diags.Addf(b.fieldPos(p.Origin, "explode"), "unsupported: style deepObject with explode false for parameter %q (OpenAPI defines deepObject exploded only)", p.Name)
			return ir.StyleValue, false
		}
		return ir.StyleDeepObject, true
	}
	b.diags.Addf(b.fieldPos(p.Origin, "style"), "unsupported: style %q for object parameter %q (form, spaceDelimited, pipeDelimited or deepObject)", p.Style, p.Name)
	return ir.StyleValue, false
}

// objectMembers checks the properties of an object parameter: each must
// be a scalar (the style table defines nothing else), and an exploded
// form object's must not share a name with another query parameter.
func (b *builder) objectMembers(f *ir.Field, at ir.Pos) {
	st := b.structByName(f.Type.Name)
	if st == nil {
		return
	}
	for _, m := range st.Fields {
		if !scalarKind(m.Type.Kind) || m.Type.Nullable || m.Additional {
			b.diags.Addf(m.Pos, "unsupported: property %q of object parameter %q is not a scalar (a style writes only scalars; use content application/json)", m.Name, f.Name)
		}
	}
	if len(st.Fields) == 0 {
		b.diags.Addf(at, "unsupported: object parameter %q without properties (use content application/json)", f.Name)
	}
}

// mapParam checks a map parameter of the query or a cookie: its values
// must be scalars (a style writes only scalars). In deepObject its keys
// travel as name[key]=value, in form with explode false as
// name=key,value,...; in form exploded each key is a pair (a cookie) of
// its own, so the map holds every key of the query (every cookie) that is
// no other parameter's (nor an API key's).
func (b *builder) mapParam(f *ir.Field, at ir.Pos) {
	if e := f.Type.Elem; e == nil || !scalarKind(e.Kind) || e.Nullable {
		b.diags.Addf(at, "unsupported: map parameter %q whose values are not scalars (a style writes only scalars; use content application/json)", f.Name)
	}
}

// unionParam checks a discriminated union of the query in an object
// style (deepObject, form exploded or not): the keys of the variant that
// is set travel as an object's, the discriminator's among them, so the
// server reads the discriminator first and binds the variant it names.
// Each variant must be an object of scalar properties that holds the
// discriminator, a scalar too.
func (b *builder) unionParam(f *ir.Field, at ir.Pos) {
	st := b.structByName(f.Type.Name)
	if st == nil || st.Union == nil {
		return
	}
	if st.Union.Discriminator == "" {
		b.diags.Addf(at, "unsupported: a oneOf or anyOf without a discriminator in object parameter %q (an object style writes its keys and values, which name no variant; a discriminator's property would)", f.Name)
		return
	}
	for _, v := range st.Fields {
		vst := b.structByName(v.Type.Name)
		if v.Type.Kind != ir.KindStruct || vst == nil || vst.Union != nil {
			b.diags.Addf(v.Pos, "unsupported: a variant of union parameter %q that is not an object", f.Name)
			continue
		}
		tag := false
		for _, m := range vst.Fields {
			if !scalarKind(m.Type.Kind) || m.Type.Nullable || m.Additional {
				b.diags.Addf(m.Pos, "unsupported: property %q of variant %s of union parameter %q is not a scalar (a style writes only scalars; use content application/json)", m.Name, vst.GoName, f.Name)
			}
			tag = tag || m.Name == st.Union.Discriminator
		}
		if !tag {
			b.diags.Addf(v.Pos, "unsupported: variant %s of union parameter %q has no property %q, its discriminator (the server could not tell it was sent)", vst.GoName, f.Name, st.Union.Discriminator)
		}
	}
}
