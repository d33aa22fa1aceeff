package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// The structs that travel in a form under a key prefix (ir.Struct.FormKeys:
// a model body also declared as a form, and the objects it holds) get
// appendForm on the client's side and bindForm on the server's: scalar
// fields under formKey(prefix, name), nested objects under that key as
// their prefix, the items of an array of objects under formIndex.

// clientFormKeyed prints appendForm for every form-keyed struct.
func clientFormKeyed(api *ir.API, f *jen.File) {
	for _, st := range api.Structs {
		if !st.FormKeys {
			continue
		}
		f.Comment("appendForm puts the fields of " + st.GoName + " into v as form fields under the")
		f.Comment("key prefix (\"\" for the form's own fields).")
		f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("appendForm").
			Params(jen.Id("v").Qual("net/url", "Values"), jen.Id("prefix").String()).
			BlockFunc(func(g *jen.Group) {
				for _, fd := range st.Fields {
					clientFormKeyedField(api, g, fd)
				}
			})
		f.Line()
	}
}

// clientFormKeyedField prints the encoding of one field of a form-keyed
// struct.
func clientFormKeyedField(api *ir.API, g *jen.Group, fd *ir.Field) {
	key := jen.Id(rt.formKey).Call(jen.Id("prefix"), jen.Lit(fd.Name))
	x := jen.Id("x").Dot(fd.GoName)
	switch {
	case fd.Type.Nullable:
		// Set: null travels as the key with an empty value, a value as
		// the field's own would; absent sends nothing.
		g.If(x.Clone().Dot("Set")).Block(
			jen.If(x.Clone().Dot("Null")).Block(jen.Id("v").Dot("Set").Call(key, jen.Lit(""))).
				Else().BlockFunc(func(g *jen.Group) { clientFormKeyedField(api, g, nullableValue(fd, true)) }),
		)
	case fd.Type.Kind == ir.KindStruct && fd.Pointer:
		g.If(x.Clone().Op("!=").Nil()).Block(x.Clone().Dot("appendForm").Call(jen.Id("v"), key))
	case fd.Type.Kind == ir.KindStruct:
		g.Add(x.Clone().Dot("appendForm").Call(jen.Id("v"), key))
	case fd.Type.Kind == ir.KindArray && fd.Type.Elem.Kind == ir.KindStruct:
		g.For(jen.Id("i").Op(":=").Range().Add(x.Clone())).Block(
			x.Clone().Index(jen.Id("i")).Dot("appendForm").Call(jen.Id("v"), jen.Id(rt.formIndex).Call(key, jen.Id("i"))),
		)
	default:
		clientEncodeFieldAt(api, g, fd, "Set", key)
	}
}

// serverFormKeyed prints bindForm for every form-keyed struct.
func serverFormKeyed(api *ir.API, f *jen.File) {
	for _, st := range api.Structs {
		if !st.FormKeys {
			continue
		}
		f.Comment("bindForm binds the form fields under the key prefix (\"\" for the form's own")
		f.Comment("fields) into dst.")
		f.Func().Params(jen.Id("dst").Op("*").Id(st.GoName)).Id("bindForm").
			Params(jen.Id("x").Op("*").Id(rt.srvExchange), jen.Id("prefix").String()).Error().
			BlockFunc(func(g *jen.Group) {
				for _, fd := range st.Fields {
					serverFormKeyedField(api, g, fd)
				}
				g.Return(jen.Nil())
			})
		f.Line()
	}
}

// serverFormKeyedField prints the binding of one field of a form-keyed
// struct: a nested object when the form has fields under its key, each
// item of an array of objects, or a form field.
func serverFormKeyedField(api *ir.API, g *jen.Group, fd *ir.Field) {
	dst := jen.Id("dst").Dot(fd.GoName)
	key := jen.Id(rt.formKey).Call(jen.Id("prefix"), jen.Lit(fd.Name))
	ret := jen.Return(jen.Err())
	switch {
	case fd.Type.Nullable:
		g.BlockFunc(func(g *jen.Group) {
			g.List(jen.Id("present"), jen.Id("null"), jen.Err()).Op(":=").Id(rt.srvFormNullable).Call(jen.Id("x"), key, jen.Lit(fd.Required))
			g.If(jen.Err().Op("!=").Nil()).Block(ret.Clone())
			g.If(jen.Id("null")).Block(
				jen.List(dst.Clone().Dot("Null"), dst.Clone().Dot("Set")).Op("=").List(jen.True(), jen.True()),
			).Else().If(jen.Id("present")).BlockFunc(func(g *jen.Group) {
				g.Add(dst.Clone().Dot("Set").Op("=").True())
				serverFormKeyedField(api, g, nullableValue(fd, false))
			})
		})
	case fd.Type.Kind == ir.KindStruct:
		bind := []jen.Code{}
		if fd.Pointer {
			bind = append(bind, dst.Clone().Op("=").New(jen.Id(fd.Type.Name)))
		}
		bind = append(bind, jen.If(jen.Err().Op(":=").Add(dst.Clone()).Dot("bindForm").Call(jen.Id("x"), jen.Id("k")), jen.Err().Op("!=").Nil()).Block(ret.Clone()))
		g.BlockFunc(func(g *jen.Group) {
			g.Id("k").Op(":=").Add(key)
			g.List(jen.Id("ok"), jen.Err()).Op(":=").Id(rt.srvFormObject).Call(jen.Id("x"), jen.Id("k"), jen.Lit(fd.Required))
			g.If(jen.Err().Op("!=").Nil()).Block(ret.Clone())
			g.If(jen.Id("ok")).Block(bind...)
		})
	case fd.Type.Kind == ir.KindArray && fd.Type.Elem.Kind == ir.KindStruct:
		g.BlockFunc(func(g *jen.Group) {
			g.Id("k").Op(":=").Add(key)
			g.List(jen.Id("n"), jen.Err()).Op(":=").Id(rt.srvFormItems).Call(jen.Id("x"), jen.Id("k"), jen.Lit(fd.Required))
			g.If(jen.Err().Op("!=").Nil()).Block(ret.Clone())
			g.If(jen.Id("n").Op(">").Lit(0)).Block(dst.Clone().Op("=").Make(goType(fd.Type), jen.Id("n")))
			g.For(jen.Id("i").Op(":=").Range().Add(dst.Clone())).Block(
				jen.If(jen.Err().Op(":=").Add(dst.Clone()).Index(jen.Id("i")).Dot("bindForm").Call(jen.Id("x"), jen.Id(rt.formIndex).Call(jen.Id("k"), jen.Id("i"))),
					jen.Err().Op("!=").Nil()).Block(ret.Clone()),
			)
		})
	default:
		serverBindFrom(api, fd, dst, jen.Id("x"), serverFormWire(fd), g)
	}
}

// serverFormWire prints where a form-keyed struct's field travels: its
// key under the prefix.
func serverFormWire(fd *ir.Field) *jen.Statement {
	explode := fd.Explode && fd.Type.Kind == ir.KindArray
	sep := jen.Lit(0)
	if !explode && fd.Delimiter != "" {
		sep = jen.LitRune(rune(fd.Delimiter[0]))
	}
	return jen.Id(rt.srvFormWire).Call(jen.Id("prefix"), jen.Lit(fd.Name), jen.Lit(fd.Required), jen.Lit(explode), sep)
}

// nullableValue is the field of a nullable form-keyed field's Value (its
// Go name F.Value, its type the value's): written whenever the Nullable
// holds a value (required, on the client's side), bound when the form
// holds it (optional, on the server's: srvFormNullable checked presence).
func nullableValue(fd *ir.Field, client bool) *ir.Field {
	inner := *fd
	inner.GoName = fd.GoName + ".Value"
	inner.Type.Nullable = false
	inner.Pointer = false
	inner.Required = client
	inner.Default = nil
	return &inner
}
