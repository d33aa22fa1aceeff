package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// The server's files: server.go has the Handler interface, each
// operation's input and response interface; server_responses.go the typed
// responses; server_routes.go the routes, binding and serving of each
// operation. The static runtime (NewServer, options, authentication,
// negotiation, binding helpers, envelopes) comes from the templates
// server*.go.tmpl.

// serverTypes prints the Handler interface, then each operation's input
// struct and response interface.
func serverTypes(api *ir.API, f *jen.File) {
	f.Add(docComment("Handler serves the API: one method per operation. NewServer routes each\n" +
		"request to its method with the input bound, defaulted and validated, and\n" +
		"writes the typed response the method returns. A returned error answers\n" +
		"500 without details (400 when it wraps a *ValidationError, 501 for\n" +
		"ErrNotImplemented)."))
	f.Type().Id(rt.Handler).InterfaceFunc(func(g *jen.Group) {
		for _, op := range api.Operations {
			g.Add(serverMethodDoc(op))
			g.Id(op.GoName).Params(
				jen.Id("ctx").Qual("context", "Context"),
				jen.Id("in").Op("*").Id(op.Server.Input),
			).Params(jen.Id(op.Server.Response), jen.Error())
		}
	})
	f.Line()
	serverUnimplemented(api, f)
	for _, op := range api.Operations {
		serverInput(op, f)
		serverResponseInterface(op, f)
	}
}

// serverUnimplemented prints UnimplementedHandler, whose methods all
// answer 501: embed it to implement some operations only.
func serverUnimplemented(api *ir.API, f *jen.File) {
	f.Add(docComment("UnimplementedHandler answers every operation with 501 Not Implemented\n" +
		"(its methods return ErrNotImplemented). Embed it in a Handler that\n" +
		"implements some operations only; the others then answer 501."))
	f.Type().Id("UnimplementedHandler").Struct()
	f.Line()
	for _, op := range api.Operations {
		f.Add(docComment(op.GoName + " returns ErrNotImplemented."))
		f.Func().Params(jen.Id("UnimplementedHandler")).Id(op.GoName).Params(
			jen.Qual("context", "Context"), jen.Op("*").Id(op.Server.Input),
		).Params(jen.Id(op.Server.Response), jen.Error()).Block(jen.Return(jen.Nil(), jen.Id(rt.ErrNotImplemented)))
		f.Line()
	}
}

// serverMethodDoc documents a Handler method: the call it serves, then the
// spec's description.
func serverMethodDoc(op *ir.Operation) *jen.Statement {
	lead := fmt.Sprintf("serves %s %s (%s)", op.Method, op.Path, op.ID)
	if s := strings.TrimSpace(op.Summary); s != "" {
		lead += ": " + strings.ToLower(s[:1]) + strings.TrimSuffix(s[1:], ".")
	}
	text := strings.TrimSpace(op.Description)
	if op.Deprecated {
		text += "\n\nDeprecated: the spec marks " + quote(op.ID) + " deprecated."
	}
	return comment(op.GoName, lead+".", text)
}

// serverInput prints the request struct an operation's method receives.
func serverInput(op *ir.Operation, f *jen.File) {
	f.Add(docComment(op.Server.Input + " is the request of " + op.GoName + ", bound from the query string,\n" +
		"path, headers and body, with defaults applied and validated."))
	f.Type().Id(op.Server.Input).StructFunc(func(g *jen.Group) {
		g.Add(docComment("User is the user the request authenticated with: that of HTTP Basic,\nor of the API keys paired with it; empty for other credentials, and\nwhen the operation needs none."))
		g.Id("User").String()
		if op.Params != nil {
			g.Add(docComment("Params are the operation's parameters."))
			g.Id("Params").Id(op.Params.GoName)
		}
		if op.Body != nil && op.Body.Type.Kind == ir.KindStream {
			g.Add(docComment("Body is the request body (" + op.Body.Media.Name + "), as it arrives: read it\n" +
				"as far as you need; nothing of it is held in memory. The server\n" +
				"closes it, and WithMaxBodyBytes does not cap it."))
			g.Id("Body").Add(goType(op.Body.Type))
			g.Add(docComment("ContentType is the request's Content-Type header."))
			g.Id("ContentType").String()
		} else if op.Body != nil {
			text := "Body is the request body."
			if !op.Body.Required {
				text += " It is optional: absent, it is the zero value."
			}
			g.Add(docComment(text))
			g.Id("Body").Add(goType(op.Body.Type))
		}
	})
	f.Line()
}

// serverResponseInterface prints the interface every typed response of an
// operation implements.
func serverResponseInterface(op *ir.Operation, f *jen.File) {
	var names []string
	for _, r := range op.Responses {
		names = append(names, r.GoName)
	}
	f.Add(docComment(op.Server.Response + " is a response of " + op.GoName + ": one of " + strings.Join(names, ", ") + "."))
	f.Type().Id(op.Server.Response).Interface(
		jen.Id(rt.serverResponse),
		jen.Id(op.Server.Marker).Params(),
	)
	f.Line()
}
