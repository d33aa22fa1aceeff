package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// serverBind prints the function that binds an operation's request into
// its input: every parameter, then the body (each form field, or the JSON
// document). Binding is plain code, one call per field: no reflection.
func serverBind(api *ir.API, op *ir.Operation, f *jen.File) {
	if op.Params == nil && op.Body == nil {
		return
	}
	f.Comment(op.Server.Bind + " binds the request of " + op.ID + " into in.")
	f.Func().Id(op.Server.Bind).Params(jen.Id("x").Op("*").Id(rt.srvExchange), jen.Id("in").Op("*").Id(op.Server.Input)).Error().
		BlockFunc(func(g *jen.Group) {
			if op.Params != nil {
				for _, fd := range op.Params.Fields {
					serverBindField(api, fd, jen.Id("in").Dot("Params").Dot(fd.GoName), g)
				}
			}
			if op.Body != nil {
				serverBindBody(api, op, g)
			}
			g.Return(jen.Nil())
		})
	f.Line()
}

// serverBindBody binds a form body field by field, or decodes a JSON body.
func serverBindBody(api *ir.API, op *ir.Operation, g *jen.Group) {
	if st := op.Body.Type.Struct; st != nil && st.ByMedia != nil {
		serverByMedia(api, op, st, g)
		return
	}
	switch op.Body.Media.Codec {
	case ir.MediaStream:
		g.Id("in").Dot("Body").Op("=").Id("x").Dot("r").Dot("Body")
		g.Id("in").Dot("ContentType").Op("=").Id("x").Dot("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type"))
		return
	case ir.MediaMultipart:
		serverBindMultipart(api, op.Body.Type.Struct, jen.Id("in").Dot("Body"), g)
		return
	case ir.MediaText:
		g.If(jen.Err().Op(":=").Id(rt.srvTextBody).Call(jen.Id("x"), jen.Lit(op.Body.Required), jen.Op("&").Id("in").Dot("Body")),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		return
	}
	if op.Body.Media.Codec != ir.MediaForm {
		decode := rt.srvDecodeJSONBody
		if len(op.Body.Alternatives) > 0 {
			decode = rt.srvDecodeBody
		}
		stmt := jen.If(jen.Err().Op(":=").Id(decode).Call(jen.Id("x"), jen.Lit(op.Body.Required), jen.Op("&").Id("in").Dot("Body")),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		if ir.HasCodec(op.Body.Alternatives, ir.MediaForm) {
			// The same model may come as a form (bindForm).
			stmt = jen.If(jen.Id(rt.srvFormBody).Call(jen.Id("x"))).Block(
				jen.Return(jen.Id("in").Dot("Body").Dot("bindForm").Call(jen.Id("x"), jen.Lit(""))),
			).Else().Add(stmt)
		}
		g.Add(stmt)
		return
	}
	st := op.Body.Type.Struct
	if st == nil {
		return
	}
	if st.Role == ir.RoleModel {
		// A model with nested objects, under deepObject-style keys.
		g.If(jen.Err().Op(":=").Id("in").Dot("Body").Dot("bindForm").Call(jen.Id("x"), jen.Lit("")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		return
	}
	for _, fd := range st.Fields {
		serverBindField(api, fd, jen.Id("in").Dot("Body").Dot(fd.GoName), g)
	}
}

// serverBindMultipart binds a multipart body's parts into the fields of
// body (of struct st): its file parts (srvFilePart, srvFileParts), its
// text and JSON parts as form fields.
func serverBindMultipart(api *ir.API, st *ir.Struct, body *jen.Statement, g *jen.Group) {
	for _, fd := range st.Fields {
		dst := body.Clone().Dot(fd.GoName)
		bind := rt.srvFilePart
		switch {
		case fd.Type.Kind == ir.KindArray && fd.Type.Elem.Kind == ir.KindStream:
			bind = rt.srvFileParts
		case fd.Type.Kind != ir.KindStream:
			serverBindField(api, fd, dst, g)
			continue
		}
		g.If(jen.Err().Op(":=").Id(bind).Call(jen.Id("x"), jen.Lit(fd.Name), jen.Lit(fd.Required), jen.Op("&").Add(dst)),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	}
}

// serverBindField prints the binding of one field into dst. The binder
// knows whether a value is absent, which ApplyDefaults and Validate cannot
// tell from an explicit zero: it applies the field's default to an absent
// value, and checks the rules on an explicit zero that Validate would skip
// as absent (size=0 breaks minimum 1).
func serverBindField(api *ir.API, fd *ir.Field, dst *jen.Statement, g *jen.Group) {
	if fd.Style.Object() {
		serverBindObject(api, fd, dst, g)
		return
	}
	if fd.Type.Kind == ir.KindUnion {
		serverBindUnion(api, fd, dst, g)
		return
	}
	serverBindFrom(api, fd, dst, jen.Id("x"), serverWire(fd), g)
}

// serverBindFrom prints the binding of field fd into dst, from the
// exchange xs at wire.
func serverBindFrom(api *ir.API, fd *ir.Field, dst *jen.Statement, xs, wire jen.Code, g *jen.Group) {
	binder, t := rt.srvBindValue, fd.Type
	parser := func() jen.Code { return parserOf(api, t) }
	switch {
	case fd.Style == ir.StyleJSON:
		parse := rt.srvParseJSONValue
		if fd.In == ir.InForm {
			parse = rt.srvParseJSONPart // a multipart body's JSON part
		}
		parser = func() jen.Code { return jen.Id(parse).Index(goType(fd.Type)) }
		if fd.Pointer {
			binder = rt.srvBindPointer
		}
	case fd.Type.Kind == ir.KindArray:
		binder, t = rt.srvBindSlice, *fd.Type.Elem
	case fd.Pointer:
		binder = rt.srvBindPointer
	}
	call := jen.Id(binder).Call(xs, wire, jen.Op("&").Add(dst.Clone()), parser())
	hasDefault := fd.Default != nil
	checks := serverZeroChecks(api, fd, dst)
	ok := jen.Id("ok")
	if !hasDefault && checks == nil {
		ok = jen.Id("_")
	}
	stmt := jen.If(jen.List(ok, jen.Err()).Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	if hasDefault {
		value := literalOf(api, fd.Type, *fd.Default)
		if fd.Default.Scalar() {
			value = scalarLit(*fd.Default) // untyped: the field's type
		}
		if fd.Pointer {
			value = jen.Id(rt.Ptr).Call(literalOf(api, fd.Type, *fd.Default))
		}
		stmt.Else().If(jen.Op("!").Id("ok")).Block(dst.Clone().Op("=").Add(value))
	}
	if checks != nil {
		zero := dst.Clone().Op("==").Add(zeroOf(api, fd.Type))
		if !hasDefault {
			zero = jen.Id("ok").Op("&&").Add(zero)
		}
		stmt.Else().If(zero).Block(checks...)
	}
	g.Add(stmt)
}

// serverBindObject prints the binding of an object parameter: when one of
// its properties is there (or, for explode false, its value), the object
// is set and each property bound as a parameter of its own, its rules
// and default its own; a required object must be there.
func serverBindObject(api *ir.API, fd *ir.Field, dst *jen.Statement, g *jen.Group) {
	if fd.Type.Kind == ir.KindMap {
		others := otherKeys(fd)
		g.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id(rt.srvBindMap).Call(jen.Id("x"), serverWire(fd), jen.Id(mapStyleIdent(fd)),
			others, jen.Op("&").Add(dst.Clone()), parserOf(api, *fd.Type.Elem)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		return
	}
	st := fd.Type.Struct
	// One value (a path's, a header's, or a query's of explode false),
	// or pairs of the query of their own.
	pairs := fd.Style == ir.StyleObjectPairs || fd.In != ir.InQuery && fd.In != ir.InCookie
	args := []jen.Code{jen.Id("x"), serverWire(fd), jen.Lit(pairs)}
	if !pairs {
		seen := map[string]bool{}
		for _, m := range objectMembers(st) {
			if k := objectKey(fd, m); !seen[k] {
				seen[k] = true
				args = append(args, jen.Lit(k))
			}
		}
	}
	g.If(jen.List(jen.Id("ox"), jen.Id("found"), jen.Err()).Op(":=").Id(rt.srvObject).Call(args...), jen.Err().Op("!=").Nil()).Block(
		jen.Return(jen.Err()),
	).Else().If(jen.Id("found")).BlockFunc(func(g *jen.Group) {
		if st.Union != nil {
			serverBindTagged(api, fd, st, dst, pairs, g)
			return
		}
		if fd.Pointer {
			g.Add(dst.Clone()).Op("=").New(jen.Id(st.GoName))
		}
		serverBindMembers(api, fd, st, dst, pairs, g)
	})
}

// objectMembers are the properties of an object parameter's struct st,
// or of every variant of its discriminated union: the keys it may send.
func objectMembers(st *ir.Struct) []*ir.Field {
	if st.Union == nil {
		return st.Fields
	}
	var out []*ir.Field
	for _, v := range st.Fields {
		if v.Type.Struct != nil {
			out = append(out, v.Type.Struct.Fields...)
		}
	}
	return out
}

// memberWire is the field m of the object parameter fd as a parameter of
// its own (its name in errors: obj[name], name, or obj.name of a value of
// names and values), and where its value travels in the object's
// exchange.
func memberWire(fd, m *ir.Field, pairs bool) (*ir.Field, *jen.Statement) {
	key, name := objectKey(fd, m), objectKey(fd, m)
	if pairs {
		key, name = m.Name, fd.Name+"."+m.Name
	}
	w := *m
	w.Name, w.In = name, ir.InQuery
	if fd.In == ir.InCookie {
		w.In = ir.InCookie // a property of an exploded object is a cookie of its own
	}
	wire := serverWire(&w)
	if key != name {
		wire = jen.Id(rt.srvWire).Values(jen.Id(serverSource(fd)), jen.Lit(name), jen.Lit(key), jen.Lit(m.Required), jen.False(), jen.Lit(0))
	}
	return &w, wire
}

// serverBindMembers binds each property of struct st, from the object's
// exchange ox, into dst, as a parameter of its own: its rules and
// default its own.
func serverBindMembers(api *ir.API, fd *ir.Field, st *ir.Struct, dst *jen.Statement, pairs bool, g *jen.Group) {
	for _, m := range st.Fields {
		w, wire := memberWire(fd, m, pairs)
		serverBindFrom(api, w, dst.Clone().Dot(m.GoName), jen.Id("ox"), wire, g)
	}
}

// serverBindTagged binds a discriminated union of an object style whose
// keys came: its discriminator first (srvUnionTag: it must be there and
// name a variant), then the properties of the variant it names.
func serverBindTagged(api *ir.API, fd *ir.Field, st *ir.Struct, dst *jen.Statement, pairs bool, g *jen.Group) {
	u := st.Union
	tag := &ir.Field{Name: u.Discriminator, Required: true, Type: ir.TypeRef{Kind: ir.KindString}}
	_, wire := memberWire(fd, tag, pairs)
	args := []jen.Code{jen.Id("ox"), wire}
	for _, vals := range u.Values {
		for _, v := range vals {
			args = append(args, jen.Lit(v))
		}
	}
	g.List(jen.Id("tag"), jen.Err()).Op(":=").Id(rt.srvUnionTag).Call(args...)
	g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	g.Var().Id("u").Id(st.GoName)
	g.Switch(jen.Id("tag")).BlockFunc(func(g *jen.Group) {
		for i, v := range st.Fields {
			vals := make([]jen.Code, len(u.Values[i]))
			for j, val := range u.Values[i] {
				vals[j] = jen.Lit(val)
			}
			g.Case(vals...).BlockFunc(func(g *jen.Group) {
				g.Id("u").Dot(v.GoName).Op("=").New(jen.Id(v.Type.Struct.GoName))
				serverBindMembers(api, fd, v.Type.Struct, jen.Id("u").Dot(v.GoName), pairs, g)
			})
		}
	})
	if fd.Pointer {
		g.Add(dst.Clone()).Op("=").Op("&").Id("u")
		return
	}
	g.Add(dst.Clone()).Op("=").Id("u")
}

// serverBindUnion prints the binding of a oneOf or anyOf of text
// variants: each variant tried in turn into u, an optional value, and the
// first that reads the text set (srvBindUnion).
func serverBindUnion(api *ir.API, fd *ir.Field, dst *jen.Statement, g *jen.Group) {
	st := fd.Type.Struct
	tries := []jen.Code{serverWire(fd)}
	for _, v := range st.Fields {
		w := *fd
		w.Type, w.Required, w.Pointer = v.Type, false, false
		wire := serverWire(&w)
		target := jen.Id("u").Dot(v.GoName)
		tries = append(tries, jen.Func().Params().Params(jen.Bool(), jen.Error()).BlockFunc(func(g *jen.Group) {
			if v.Type.Kind != ir.KindArray {
				g.Return(jen.Id(rt.srvBindPointer).Call(jen.Id("x"), wire, jen.Op("&").Add(target), parserOf(api, v.Type)))
				return
			}
			g.Var().Id("items").Add(goType(v.Type))
			g.List(jen.Id("ok"), jen.Err()).Op(":=").Id(rt.srvBindSlice).Call(jen.Id("x"), wire, jen.Op("&").Id("items"), parserOf(api, *v.Type.Elem))
			g.If(jen.Id("ok").Op("&&").Err().Op("==").Nil()).Block(target.Clone().Op("=").Op("&").Id("items"))
			g.Return(jen.Id("ok"), jen.Err())
		}))
	}
	set := dst.Clone().Op("=").Id("u")
	if fd.Pointer {
		set = dst.Clone().Op("=").Op("&").Id("u")
	}
	g.BlockFunc(func(g *jen.Group) {
		g.Var().Id("u").Id(st.GoName)
		g.If(jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id(rt.srvBindUnion).Call(tries...), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err()),
		).Else().If(jen.Id("ok")).Block(set)
	})
}

// serverZeroChecks prints the rule checks of an explicit zero in an
// optional field that is not a pointer (where Validate reads zero as
// absent), returning the first failure; nil when there is nothing to check.
func serverZeroChecks(api *ir.API, fd *ir.Field, dst *jen.Statement) []jen.Code {
	switch {
	case fd.Required, fd.Pointer:
		return nil
	case fd.Type.Kind == ir.KindArray, fd.Type.Kind == ir.KindStruct, fd.Type.Kind == ir.KindBool:
		return nil
	}
	checks := valueChecks(api, fd, fd.Type, fd.Rules, dst)
	if len(checks) == 0 {
		return nil
	}
	out := []jen.Code{jen.Var().Id("errs").Index().Error()}
	out = append(out, checks...)
	return append(out, jen.If(jen.Len(jen.Id("errs")).Op(">").Lit(0)).Block(jen.Return(jen.Id("errs").Index(jen.Lit(0)))))
}

// serverSource is the runtime's source of a field's value: its place,
// and for a path parameter its style.
func serverSource(fd *ir.Field) string {
	switch {
	case fd.In == ir.InPath && fd.PathStyle == "label":
		return rt.srvSrcPathLabel
	case fd.In == ir.InPath && fd.PathStyle == "matrix":
		return rt.srvSrcPathMatrix
	}
	return map[ir.In]string{ir.InQuery: rt.srvSrcQuery, ir.InPath: rt.srvSrcPath, ir.InHeader: rt.srvSrcHeader, ir.InForm: rt.srvSrcForm, ir.InCookie: rt.srvSrcCookie}[fd.In]
}

// serverWire prints where a field's value travels.
func serverWire(fd *ir.Field) *jen.Statement {
	src := serverSource(fd)
	key := fd.Name
	if fd.In == ir.InPath {
		key = fd.Wildcard
	}
	explode := fd.Explode && (fd.Type.Kind == ir.KindArray || fd.Type.Kind == ir.KindStruct)
	sep := jen.Lit(0)
	if fd.Delimiter != "" && (!explode || fd.In == ir.InPath || fd.In == ir.InHeader) {
		// An exploded path array's items, or an exploded path or
		// header object's pairs, are separated by the delimiter too.
		sep = jen.LitRune(rune(fd.Delimiter[0]))
	}
	return jen.Id(rt.srvWire).Values(jen.Id(src), jen.Lit(fd.Name), jen.Lit(key), jen.Lit(fd.Required), jen.Lit(explode), sep)
}
