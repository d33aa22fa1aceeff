package emit

import (
	"cmp"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// clientEncoders prints, for every params struct and form body, the
// unexported methods that put its fields on the wire: encodeQuery,
// encodeHeader, encodeCookie and encodeForm. A required field is always sent; a pointer
// field whenever it is set, even to its zero value (an empty callback URL
// clears it); any other optional field when it is not its zero value.
// Secrets are sent with Reveal.
func clientEncoders(api *ir.API, f *jen.File) {
	for _, st := range api.Structs {
		switch st.Role {
		case ir.RoleParams:
			clientEncoder(api, f, st, ir.InQuery, "encodeQuery", "query parameters")
			clientEncoder(api, f, st, ir.InHeader, "encodeHeader", "header parameters")
			clientEncoder(api, f, st, ir.InCookie, "encodeCookie", "cookie parameters")
		case ir.RoleForm:
			clientEncoder(api, f, st, ir.InForm, "encodeForm", "form fields")
		}
	}
	clientFormKeyed(api, f)
}

// clientEncoder prints one encoding method for the fields of st that
// travel in in; nothing when there are none. When one of them is a JSON
// text (StyleJSON), the method also returns the error of encoding it.
func clientEncoder(api *ir.API, f *jen.File, st *ir.Struct, in ir.In, method, what string) {
	var fields []*ir.Field
	for _, fd := range st.Fields {
		if fd.In == in {
			fields = append(fields, fd)
		}
	}
	if len(fields) == 0 {
		return
	}
	kind, add := jen.Qual("net/url", "Values"), "Set"
	if in == ir.InHeader {
		kind = jen.Qual("net/http", "Header")
	}
	fails := clientEncodeFails(st, in)
	results := jen.Add(kind.Clone())
	if fails {
		results = jen.Parens(jen.List(kind.Clone(), jen.Error()))
	}
	f.Comment(method + " puts the " + what + " of " + st.GoName + " on the wire.")
	f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id(method).Params().Add(results).BlockFunc(func(g *jen.Group) {
		g.Id("v").Op(":=").Make(kind, jen.Lit(len(fields)))
		for _, fd := range fields {
			clientEncodeField(api, g, fd, add)
		}
		if fails {
			g.Return(jen.Id("v"), jen.Nil())
		} else {
			g.Return(jen.Id("v"))
		}
	})
	f.Line()
}

// clientEncodeFails reports whether the encoder of st's fields in in can
// fail: one of them is a JSON text, an exploded map (whose keys must be
// no other parameter's, and a cookie's cookie names), or a discriminated union in an object style
// (whose discriminator must name the variant set).
func clientEncodeFails(st *ir.Struct, in ir.In) bool {
	for _, fd := range st.Fields {
		if fd.In == in && (fd.Style == ir.StyleJSON || explodedMap(fd) || fd.Style.Object() && fd.Type.Kind == ir.KindUnion) {
			return true
		}
	}
	return false
}

// explodedMap reports a map of style form exploded: a pair (a cookie)
// per key, which must be no other parameter's.
func explodedMap(fd *ir.Field) bool {
	return fd.Type.Kind == ir.KindMap && fd.Style == ir.StyleObjectExplode
}

// clientEncodeField prints the encoding of one field into v.
func clientEncodeField(api *ir.API, g *jen.Group, fd *ir.Field, set string) {
	clientEncodeFieldAt(api, g, fd, set, jen.Lit(fd.Name))
}

// clientEncodeFieldAt prints the encoding of one field into v under the
// key name (a form-keyed struct's formKey(prefix, name)).
func clientEncodeFieldAt(api *ir.API, g *jen.Group, fd *ir.Field, set string, name *jen.Statement) {
	x := jen.Id("x").Dot(fd.GoName)
	switch {
	case fd.Style == ir.StyleJSON:
		clientEncodeJSON(api, g, fd, set)
		return
	case fd.Style.Object():
		clientEncodeObject(api, g, fd, set)
		return
	case fd.Type.Kind == ir.KindUnion:
		clientEncodeUnion(api, g, fd, set, name)
		return
	case fd.Type.Kind == ir.KindArray:
		clientEncodeArray(api, g, fd, x, set, name)
		return
	}
	clientEncodeValue(api, g, fd, x, func(value jen.Code) jen.Code { return jen.Id("v").Dot(set).Call(name.Clone(), value) })
}

// clientEncodeValue prints the encoding of the scalar x of field fd: put
// is given its text. A required field is always put, a pointer when set,
// another optional field when not its zero value.
func clientEncodeValue(api *ir.API, g *jen.Group, fd *ir.Field, x *jen.Statement, put func(jen.Code) jen.Code) {
	switch {
	case fd.Pointer:
		deref := jen.Op("*").Add(x.Clone())
		if fd.Type.Secret {
			deref = x.Clone() // Reveal has a value receiver: x.F.Reveal() dereferences
		}
		g.If(x.Clone().Op("!=").Nil()).Block(put(wireText(api, fd.Type, deref)))
	case fd.Required:
		g.Add(put(wireText(api, fd.Type, x.Clone())))
	default:
		g.If(nonZero(api, fd.Type, x.Clone())).Block(put(wireText(api, fd.Type, x.Clone())))
	}
}

// clientEncodeJSON prints a value sent as its JSON text: a required one
// always, an optional one when set (not nil, or not empty).
func clientEncodeJSON(api *ir.API, g *jen.Group, fd *ir.Field, set string) {
	x := jen.Id("x").Dot(fd.GoName)
	put := jen.If(jen.List(jen.Id("s"), jen.Err()).Op(":=").Id(rt.jsonParam).Call(x.Clone()), jen.Err().Op("!=").Nil()).Block(
		jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(fd.Name+": %w"), jen.Err())),
	).Else().Block(jen.Id("v").Dot(set).Call(jen.Lit(fd.Name), jen.Id("s")))
	switch {
	case fd.Required:
		g.Add(put)
	case fd.Pointer || fd.Type.Kind == ir.KindArray || fd.Type.Kind == ir.KindMap || fd.Type.Kind == ir.KindAny:
		g.If(x.Clone().Op("!=").Nil()).Block(put)
	default:
		g.If(nonZero(api, fd.Type, x.Clone())).Block(put)
	}
}

// clientEncodeObject prints an object parameter, when set: each property
// a pair of its own (form exploded: name; deepObject: obj[name]), or all
// of them in one value of names and values (form, explode false).
func clientEncodeObject(api *ir.API, g *jen.Group, fd *ir.Field, set string) {
	if fd.Type.Kind == ir.KindMap {
		clientEncodeMap(api, g, fd)
		return
	}
	if fd.Type.Kind == ir.KindUnion {
		clientEncodeTagged(api, g, fd, set)
		return
	}
	st := fd.Type.Struct
	x := jen.Id("x").Dot(fd.GoName)
	if fd.In == ir.InHeader {
		set := jen.Id("v").Dot(set).Call(jen.Lit(fd.Name), clientStyled(api, fd, x))
		if fd.Pointer {
			g.If(x.Clone().Op("!=").Nil()).Block(set)
			return
		}
		g.Add(set)
		return
	}
	body := func(g *jen.Group) { clientEncodeMembers(api, g, fd, st, x, set) }
	if fd.Pointer {
		g.If(x.Clone().Op("!=").Nil()).BlockFunc(body)
		return
	}
	g.BlockFunc(body)
}

// clientEncodeMembers prints the properties of x, an object of struct st
// that the object parameter fd holds (or a variant of its union), as its
// style says: each a pair of its own, or all of them in one value.
func clientEncodeMembers(api *ir.API, g *jen.Group, fd *ir.Field, st *ir.Struct, x *jen.Statement, set string) {
	if fd.Style == ir.StyleObjectPairs {
		g.Id("pairs").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Lit(2*len(st.Fields)))
	}
	for _, m := range st.Fields {
		clientEncodeValue(api, g, m, x.Clone().Dot(m.GoName), func(value jen.Code) jen.Code {
			if fd.Style == ir.StyleObjectPairs {
				return jen.Id("pairs").Op("=").Append(jen.Id("pairs"), jen.Lit(m.Name), value)
			}
			return jen.Id("v").Dot(set).Call(jen.Lit(objectKey(fd, m)), value)
		})
	}
	if fd.Style == ir.StyleObjectPairs {
		g.Id("v").Dot(set).Call(jen.Lit(fd.Name), jen.Qual("strings", "Join").Call(jen.Id("pairs"), jen.Lit(cmp.Or(fd.Delimiter, ","))))
	}
}

// clientEncodeTagged prints a discriminated union of the query in an
// object style, when set: the variant that is set, as an object. Its
// discriminator property must name that variant (paramTag), else the
// server would bind another: the encoder fails, and nothing is sent.
func clientEncodeTagged(api *ir.API, g *jen.Group, fd *ir.Field, set string) {
	st := fd.Type.Struct
	x := jen.Id("x").Dot(fd.GoName)
	sw := jen.Switch().BlockFunc(func(g *jen.Group) {
		for i, v := range st.Fields {
			vst := v.Type.Struct
			vx := x.Clone().Dot(v.GoName)
			g.Case(vx.Clone().Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
				tag := taggedMember(vst, st.Union.Discriminator)
				if tag == nil {
					return
				}
				text := wireText(api, tag.Type, vx.Clone().Dot(tag.GoName))
				if tag.Pointer {
					text = jen.Func().Params().String().Block(
						jen.If(vx.Clone().Dot(tag.GoName).Op("==").Nil()).Block(jen.Return(jen.Lit(""))),
						jen.Return(wireText(api, tag.Type, jen.Op("*").Add(vx.Clone().Dot(tag.GoName)))),
					).Call()
				}
				args := []jen.Code{jen.Lit(fd.Name), jen.Lit(st.Union.Discriminator), jen.Lit(vst.GoName), text}
				for _, val := range st.Union.Values[i] {
					args = append(args, jen.Lit(val))
				}
				g.If(jen.Err().Op(":=").Id(rt.paramTag).Call(args...), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
				clientEncodeMembers(api, g, fd, vst, vx, set)
			})
		}
	})
	if fd.Pointer {
		g.If(x.Clone().Op("!=").Nil()).Block(sw)
		return
	}
	g.Add(sw)
}

// taggedMember is the property of a union's variant st that is its
// discriminator (nil when it has none, which the builder refused).
func taggedMember(st *ir.Struct, name string) *ir.Field {
	if st == nil {
		return nil
	}
	for _, m := range st.Fields {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// clientEncodeMap prints a map parameter of the query: its keys sorted,
// each value's text, put as its style says (addMap).
func clientEncodeMap(api *ir.API, g *jen.Group, fd *ir.Field) {
	elem := *fd.Type.Elem
	format := jen.Func().Params(jen.Id("e").Add(goType(elem))).String().Block(
		jen.Return(wireText(api, elem, jen.Id("e"))),
	)
	if explodedMap(fd) {
		g.If(jen.Err().Op(":=").Id(rt.addExplodedMap).Call(jen.Id("v"), jen.Lit(fd.In == ir.InCookie), otherKeys(fd),
			jen.Id(rt.mapTexts).Call(jen.Id("x").Dot(fd.GoName), format)), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(fd.Name+": %w"), jen.Err())),
		)
		return
	}
	g.Id(rt.addMap).Call(jen.Id("v"), jen.Lit(fd.Name), jen.Id(mapStyleIdent(fd)), jen.Lit(cmp.Or(fd.Delimiter, ",")),
		jen.Id(rt.mapTexts).Call(jen.Id("x").Dot(fd.GoName), format))
}

// otherKeys prints the keys of a form-exploded map's place that are not
// its (nil when there are none).
func otherKeys(fd *ir.Field) *jen.Statement {
	if len(fd.OtherKeys) == 0 {
		return jen.Nil()
	}
	return jen.Index().String().ValuesFunc(func(g *jen.Group) {
		for _, k := range fd.OtherKeys {
			g.Lit(k)
		}
	})
}

// mapStyleIdent is the runtime's constant for how a map parameter
// travels.
func mapStyleIdent(fd *ir.Field) string {
	switch fd.Style {
	case ir.StyleDeepObject:
		return rt.mapDeep
	case ir.StyleObjectPairs:
		return rt.mapPairs
	}
	return rt.mapExplode
}

// objectKey is the key a property m of the object parameter fd travels
// under as a pair of its own: obj[name] (deepObject), name (form).
func objectKey(fd, m *ir.Field) string {
	if fd.Style == ir.StyleDeepObject {
		return fd.Name + "[" + m.Name + "]"
	}
	return m.Name
}

// clientEncodeArray prints an array: one comma-separated value when
// explode is false, else one value per element.
func clientEncodeArray(api *ir.API, g *jen.Group, fd *ir.Field, x *jen.Statement, set string, name *jen.Statement) {
	elem := *fd.Type.Elem
	if !fd.Explode {
		format := jen.Func().Params(jen.Id("e").Add(goType(elem))).String().Block(
			jen.Return(wireText(api, elem, jen.Id("e"))),
		)
		g.If(jen.Len(x.Clone()).Op(">").Lit(0)).Block(
			jen.Id("v").Dot(set).Call(name.Clone(), jen.Id(rt.joinValues).Call(x.Clone(), jen.Lit(fd.Delimiter), format)),
		)
		return
	}
	g.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(x.Clone())).Block(
		jen.Id("v").Dot("Add").Call(name.Clone(), wireText(api, elem, jen.Id("e"))),
	)
}

// clientEncodeUnion prints a oneOf or anyOf of text variants, when set:
// the variant that is set, as a scalar or an array of the field.
func clientEncodeUnion(api *ir.API, g *jen.Group, fd *ir.Field, set string, name *jen.Statement) {
	st := fd.Type.Struct
	x := jen.Id("x").Dot(fd.GoName)
	sw := jen.Switch().BlockFunc(func(g *jen.Group) {
		for _, v := range st.Fields {
			val := jen.Parens(jen.Op("*").Add(x.Clone().Dot(v.GoName)))
			g.Case(x.Clone().Dot(v.GoName).Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
				if v.Type.Kind == ir.KindArray {
					w := *fd
					w.Type = v.Type
					clientEncodeArray(api, g, &w, val, set, name)
					return
				}
				g.Id("v").Dot(set).Call(name.Clone(), wireText(api, v.Type, val))
			})
		}
	})
	if fd.Pointer {
		g.If(x.Clone().Op("!=").Nil()).Block(sw)
		return
	}
	g.Add(sw)
}

// styledPath reports whether a path parameter is written by the runtime's
// styledValue: of style label or matrix, or an array or an object.
func styledPath(fd *ir.Field) bool {
	return fd.PathStyle != "simple" || fd.Type.Kind == ir.KindArray || fd.Style.Object()
}

// clientStyled prints the text of a path parameter or a header object x
// of field fd, as its style writes it (styledValue): its parts are its
// text, its items' or its properties' names and texts (those set), path
// escaped in a path.
func clientStyled(api *ir.API, fd *ir.Field, x *jen.Statement) *jen.Statement {
	var parts *jen.Statement
	switch {
	case fd.Style.Object():
		st := fd.Type.Struct
		parts = jen.Func().Params().Index().String().BlockFunc(func(g *jen.Group) {
			g.Id("pairs").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Lit(2*len(st.Fields)))
			for _, m := range st.Fields {
				clientEncodeValue(api, g, m, x.Clone().Dot(m.GoName), func(value jen.Code) jen.Code {
					return jen.Id("pairs").Op("=").Append(jen.Id("pairs"), jen.Lit(m.Name), value)
				})
			}
			g.Return(jen.Id("pairs"))
		}).Call()
	case fd.Type.Kind == ir.KindArray:
		elem := *fd.Type.Elem
		parts = jen.Id(rt.textsOf).Call(x.Clone(), jen.Func().Params(jen.Id("e").Add(goType(elem))).String().Block(
			jen.Return(wireText(api, elem, jen.Id("e"))),
		))
	default:
		parts = jen.Index().String().Values(wireText(api, fd.Type, x.Clone()))
	}
	style := fd.PathStyle
	if fd.In == ir.InPath {
		parts = jen.Id(rt.pathParts).Call(jen.Lit(fd.PathReserved), parts)
	} else {
		style = "simple"
	}
	return jen.Id(rt.styledValue).Call(jen.Lit(style), jen.Lit(fd.Name), jen.Lit(fd.Explode), jen.Lit(fd.Style.Object()), parts)
}
