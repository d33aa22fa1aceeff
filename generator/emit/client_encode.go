package emit

import (
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
}

// clientEncoder prints one encoding method for the fields of st that
// travel in in; nothing when there are none.
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
	f.Comment(method + " puts the " + what + " of " + st.GoName + " on the wire.")
	f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id(method).Params().Add(kind.Clone()).BlockFunc(func(g *jen.Group) {
		g.Id("v").Op(":=").Make(kind, jen.Lit(len(fields)))
		for _, fd := range fields {
			clientEncodeField(api, g, fd, add)
		}
		g.Return(jen.Id("v"))
	})
	f.Line()
}

// clientEncodeField prints the encoding of one field into v.
func clientEncodeField(api *ir.API, g *jen.Group, fd *ir.Field, set string) {
	x := jen.Id("x").Dot(fd.GoName)
	name := jen.Lit(fd.Name)
	if fd.Type.Kind == ir.KindArray {
		clientEncodeArray(api, g, fd, set)
		return
	}
	switch {
	case fd.Pointer:
		deref := jen.Op("*").Add(x.Clone())
		if fd.Type.Secret {
			deref = x.Clone() // Reveal has a value receiver: x.F.Reveal() dereferences
		}
		value := wireText(api, fd.Type, deref)
		g.If(x.Clone().Op("!=").Nil()).Block(jen.Id("v").Dot(set).Call(name, value))
	case fd.Required:
		g.Id("v").Dot(set).Call(name, wireText(api, fd.Type, x.Clone()))
	default:
		g.If(nonZero(api, fd.Type, x.Clone())).Block(jen.Id("v").Dot(set).Call(name, wireText(api, fd.Type, x.Clone())))
	}
}

// clientEncodeArray prints an array: one comma-separated value when
// explode is false, else one value per element.
func clientEncodeArray(api *ir.API, g *jen.Group, fd *ir.Field, set string) {
	x := jen.Id("x").Dot(fd.GoName)
	elem := *fd.Type.Elem
	if !fd.Explode {
		format := jen.Func().Params(jen.Id("e").Add(goType(elem))).String().Block(
			jen.Return(wireText(api, elem, jen.Id("e"))),
		)
		g.If(jen.Len(x.Clone()).Op(">").Lit(0)).Block(
			jen.Id("v").Dot(set).Call(jen.Lit(fd.Name), jen.Id(rt.joinValues).Call(x.Clone(), jen.Lit(fd.Delimiter), format)),
		)
		return
	}
	g.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(x.Clone())).Block(
		jen.Id("v").Dot("Add").Call(jen.Lit(fd.Name), wireText(api, elem, jen.Id("e"))),
	)
}
