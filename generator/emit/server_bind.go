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
	f.Func().Id(op.Server.Bind).Params(jen.Id("x").Op("*").Id("srvExchange"), jen.Id("in").Op("*").Id(op.Server.Input)).Error().
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
	if op.Body.Media != ir.MediaForm {
		g.If(jen.Err().Op(":=").Id("srvDecodeJSONBody").Call(jen.Id("x"), jen.Lit(op.Body.Required), jen.Op("&").Id("in").Dot("Body")),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		return
	}
	st := structByName(api, op.Body.Type.Name)
	if st == nil {
		return
	}
	for _, fd := range st.Fields {
		serverBindField(api, fd, jen.Id("in").Dot("Body").Dot(fd.GoName), g)
	}
}

// serverBindField prints the binding of one field into dst.
func serverBindField(api *ir.API, fd *ir.Field, dst *jen.Statement, g *jen.Group) {
	binder, t := "srvBindValue", fd.Type
	switch {
	case fd.Type.Kind == ir.KindArray:
		binder, t = "srvBindSlice", *fd.Type.Elem
	case fd.Pointer:
		binder = "srvBindPointer"
	}
	call := jen.Id(binder).Call(jen.Id("x"), serverWire(fd), jen.Op("&").Add(dst), serverParser(api, t))
	g.If(jen.Err().Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
}

// serverWire prints where a field's value travels.
func serverWire(fd *ir.Field) *jen.Statement {
	src := map[ir.In]string{ir.InQuery: "srvSrcQuery", ir.InPath: "srvSrcPath", ir.InHeader: "srvSrcHeader", ir.InForm: "srvSrcForm"}[fd.In]
	key := fd.Name
	if fd.In == ir.InPath {
		key = fd.Wildcard
	}
	explode := fd.Explode && fd.Type.Kind == ir.KindArray
	return jen.Id("srvWire").Values(jen.Id(src), jen.Lit(fd.Name), jen.Lit(key), jen.Lit(fd.Required), jen.Lit(explode))
}

// serverParser prints the runtime's parser of a scalar type, instantiated.
func serverParser(api *ir.API, t ir.TypeRef) *jen.Statement {
	kind := t.Kind
	if t.Kind == ir.KindEnum {
		if e := enumByName(api, t.Name); e != nil {
			kind = e.Base
		}
	}
	name := map[ir.Kind]string{ir.KindInt: "srvParseInt", ir.KindFloat: "srvParseFloat", ir.KindBool: "srvParseBool"}[kind]
	if name == "" {
		name = "srvParseString"
	}
	return jen.Id(name).Index(goType(t))
}
