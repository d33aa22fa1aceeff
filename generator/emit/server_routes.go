package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// serverRoutes prints the route table, then for each operation its
// descriptor, its serve method and its binder.
func serverRoutes(api *ir.API, f *jen.File) {
	f.Comment(rt.serverRoutes + " are the API's path templates in the router's precedence order, each")
	f.Comment("with the operation serving each of its methods.")
	f.Var().Id(rt.serverRoutes).Op("=").Index().Id(rt.srvRoute).ValuesFunc(func(g *jen.Group) {
		for _, r := range api.Routes {
			g.Line().Add(serverRoute(r))
		}
		g.Line()
	})
	f.Line()
	serverMediaTypes(api, f)
	for _, op := range api.Operations {
		serverDescriptor(op, f)
		serverServe(api, op, f)
		serverBind(api, op, f)
	}
	serverFormKeyed(api, f)
	serverEnvelope(api, f)
}

// serverEnvelope prints the error body the server writes itself (for a
// request no operation matched, or a failure of its own), in the API's
// declared error shape.
func serverEnvelope(api *ir.API, f *jen.File) {
	f.Comment("serverErrorRoot is the XML root element of the error envelopes written")
	f.Comment("for requests no operation matched.")
	f.Const().Id(rt.serverErrorRoot).Op("=").Lit(api.ServerErrorRoot)
	f.Line()
	f.Comment("srvErrorEnvelope is the API's error body, written by the server itself.")
	f.Type().Id(rt.srvErrorEnvelope).Struct(
		jen.Id("XMLName").Qual("encoding/xml", "Name").Tag(map[string]string{"json": "-"}),
		jen.Id("Code").String().Tag(map[string]string{"json": api.Envelope.Code, "xml": api.Envelope.Code}),
		jen.Id("Label").String().Tag(map[string]string{"json": api.Envelope.Label, "xml": api.Envelope.Label}),
	)
}

// serverRoute prints one route of the table.
func serverRoute(r *ir.Route) *jen.Statement {
	segs := jen.Index().Index().String().ValuesFunc(func(g *jen.Group) {
		for _, texts := range r.Segments {
			g.ValuesFunc(func(g *jen.Group) {
				for _, t := range texts {
					g.Lit(t)
				}
			})
		}
	})
	ops := jen.Index().Id(rt.srvRouteOp).ValuesFunc(func(g *jen.Group) {
		for _, op := range r.Ops {
			d := jen.Dict{
				jen.Id("method"): jen.Lit(op.Method),
				jen.Id("serve"):  jen.Parens(jen.Op("*").Id(rt.server)).Dot(op.Server.Serve),
			}
			if len(op.Server.PathParams) > 0 {
				d[jen.Id("params")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
					for _, p := range op.Server.PathParams {
						g.Lit(p)
					}
				})
			}
			g.Values(d)
		}
	})
	return jen.Values(
		jen.Id("segments").Op(":").Add(segs),
		jen.Id("allow").Op(":").Lit(r.Allow),
		jen.Id("ops").Op(":").Add(ops),
	)
}

// serverMediaTypes declares the media types the spec names that are not
// the runtime's own.
func serverMediaTypes(api *ir.API, f *jen.File) {
	for _, m := range api.MediaTypes {
		f.Comment(m.GoName + " is " + m.Name + " to the server runtime.")
		f.Var().Id(m.GoName).Op("=").Id(rt.srvNewMedia).Call(jen.Lit(m.Name), jen.Id(codecIdent(m.Codec)))
		f.Line()
	}
}

// serverDescriptor prints the runtime's description of an operation.
func serverDescriptor(op *ir.Operation, f *jen.File) {
	body := rt.srvMediaNone
	if op.Body != nil {
		body = mediaIdent(op.Body.Media)
	}
	f.Comment(op.Server.Descriptor + " describes " + op.ID + " to the server runtime.")
	d := jen.Dict{
		jen.Id("id"):   jen.Lit(op.ID),
		jen.Id("path"): jen.Lit(op.Path),
		jen.Id("offers"): jen.Index().Id(rt.srvMedia).ValuesFunc(func(g *jen.Group) {
			for _, m := range op.Server.Media {
				g.Id(mediaIdent(m))
			}
		}),
		jen.Id("body"):      jen.Id(body),
		jen.Id("errorRoot"): jen.Lit(op.Server.ErrorRoot),
	}
	if op.Server.Bodiless {
		d[jen.Id("bodiless")] = jen.True()
	}
	if op.Server.Gzip {
		d[jen.Id("gzip")] = jen.True()
	}
	if op.Security != nil && op.Security.Index != 0 {
		d[jen.Id("security")] = jen.Lit(op.Security.Index)
	}
	if op.Body != nil && len(op.Body.Alternatives) > 0 {
		d[jen.Id("bodies")] = jen.Index().Id(rt.srvMedia).ValuesFunc(func(g *jen.Group) {
			for _, m := range op.Body.Alternatives {
				g.Id(mediaIdent(m))
			}
		})
	}
	f.Var().Id(op.Server.Descriptor).Op("=").Id(rt.srvOperation).Values(d)
	f.Line()
}

// serverServe prints the method that serves one operation: the shared
// steps, binding (with the defaults of parameters and form fields),
// ApplyDefaults for a JSON body, validation, the handler, the response.
func serverServe(api *ir.API, op *ir.Operation, f *jen.File) {
	f.Comment(op.Server.Serve + " serves " + op.Method + " " + op.Path + " (" + op.ID + ").")
	serveOperation(api, op, f, nil, jen.Id("s").Dot("handler").Dot(op.GoName))
}

// serveOperation prints the serve method of an operation, whose handler
// method is call; handler, when not nil, is a first parameter (h, of a
// hook group's interface).
func serveOperation(api *ir.API, op *ir.Operation, f *jen.File, handler jen.Code, call *jen.Statement) {
	x := jen.Op("&").Id("x")
	reject := jen.Block(jen.Id("s").Dot("reject").Call(jen.Id("w"), x.Clone(), jen.Err()), jen.Return())
	params := []jen.Code{jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request")}
	if handler != nil {
		params = append([]jen.Code{jen.Id("h").Add(handler)}, params...)
	}
	f.Func().Params(jen.Id("s").Op("*").Id(rt.server)).Id(op.Server.Serve).
		Params(params...).
		BlockFunc(func(g *jen.Group) {
			g.Var().Id("x").Id(rt.srvExchange)
			g.If(jen.Op("!").Id("s").Dot("begin").Call(jen.Id("w"), jen.Id("r"), jen.Op("&").Id(op.Server.Descriptor), x.Clone())).
				Block(jen.Return())
			g.Id("in").Op(":=").Op("&").Id(op.Server.Input).Values(jen.Dict{jen.Id("User"): jen.Id("x").Dot("user")})
			if op.Params != nil || op.Body != nil {
				g.If(jen.Err().Op(":=").Id(op.Server.Bind).Call(x.Clone(), jen.Id("in")), jen.Err().Op("!=").Nil()).Add(reject.Clone())
			}
			for _, part := range serverParts(api, op) {
				if part.st.Defaults && part.st.Role == ir.RoleModel {
					g.Id("in").Dot(part.field).Dot("ApplyDefaults").Call()
				}
				if part.st.Validate {
					g.If(jen.Err().Op(":=").Id("in").Dot(part.field).Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Add(reject.Clone())
				}
			}
			g.List(jen.Id("resp"), jen.Err()).Op(":=").Add(call).
				Call(jen.Id("r").Dot("Context").Call(), jen.Id("in"))
			g.Id("s").Dot("finish").Call(jen.Id("w"), x.Clone(), jen.Id("resp"), jen.Err())
		})
	f.Line()
}

// serverPart is a struct of an operation's input: its params or its body.
type serverPart struct {
	field string
	st    *ir.Struct
}

// serverParts are the structs of an operation's input, params first.
func serverParts(api *ir.API, op *ir.Operation) []serverPart {
	var parts []serverPart
	if op.Params != nil {
		parts = append(parts, serverPart{"Params", op.Params})
	}
	if op.Body != nil && named(op.Body.Type) {
		if st := op.Body.Type.Struct; st != nil {
			parts = append(parts, serverPart{"Body", st})
		}
	}
	return parts
}
