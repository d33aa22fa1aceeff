package emit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// server_hooks.go is the receiving side of the requests the API sends
// (webhooks and callbacks): it is server code for the user's application,
// which serves them. Per group: the interface the user implements, the
// constructor of its http.Handler, and for each operation what the server
// stubs have for one (input, responses, descriptor, serve method, binder),
// printed by the same functions.

// serverHooks prints every hook group's handler.
func serverHooks(api *ir.API, f *jen.File) {
	for _, g := range api.Hooks {
		hookInterface(g, f)
		hookConstructor(g, f)
		for _, op := range g.Operations {
			serverInput(op, f)
			serverResponseInterface(op, f)
			serverResponsesOf(api, op, f)
			serverDescriptor(op, f)
			f.Comment(op.Server.Serve + " serves " + hookWhat(op) + " with h.")
			serveOperation(api, op, f, jen.Id(g.Handler), jen.Id("h").Dot(op.Hook.Method))
			serverBind(api, op, f)
		}
	}
}

// hookWhat describes an operation of a hook group: "the webhook newPet
// (POST)", "the callback onData (POST {$request.query.url}/data)".
func hookWhat(op *ir.Operation) string {
	if op.Hook.Expr == "" {
		return fmt.Sprintf("the webhook %s (%s)", op.Hook.Name, op.Method)
	}
	return fmt.Sprintf("the callback %s (%s %s)", op.Hook.Name, op.Method, op.Hook.Expr)
}

// hookGroupWhat describes a group: "the webhooks", "the callbacks of
// createStream".
func hookGroupWhat(g *ir.HookGroup) string {
	if g.Of == nil {
		return "the webhooks"
	}
	return "the callbacks of " + g.Of.ID
}

// hookMethodDoc documents a group's method: what it receives or sends,
// then the spec's summary and description.
func hookMethodDoc(op *ir.Operation, verb string) *jen.Statement {
	lead := verb + " " + hookWhat(op)
	if s := strings.TrimSpace(op.Summary); s != "" {
		lead += ": " + clientLowerFirst(strings.TrimSuffix(s, "."))
	}
	text := strings.TrimSpace(op.Description)
	if op.Deprecated {
		text += "\n\nDeprecated: the spec marks " + quote(op.ID) + " deprecated."
	}
	return comment(op.Hook.Method, lead+".", text)
}

// hookInterface prints the interface of a group.
func hookInterface(g *ir.HookGroup, f *jen.File) {
	f.Add(docComment(g.Handler + " receives " + hookGroupWhat(g) + ", the requests the API sends: one\n" +
		"method per operation. " + g.NewHandler + " serves it; a method's input is bound,\n" +
		"defaulted and validated as the server stubs' are, and the typed response\n" +
		"it returns is written. A returned error answers 500 without details\n" +
		"(400 when it wraps a *ValidationError, 501 for ErrNotImplemented)."))
	f.Type().Id(g.Handler).InterfaceFunc(func(ig *jen.Group) {
		for _, op := range g.Operations {
			ig.Add(hookMethodDoc(op, "receives"))
			ig.Id(op.Hook.Method).Params(
				jen.Id("ctx").Qual("context", "Context"),
				jen.Id("in").Op("*").Id(op.Server.Input),
			).Params(jen.Id(op.Server.Response), jen.Error())
		}
	})
	f.Line()
}

// hookConstructor prints the function that serves a group's interface.
func hookConstructor(g *ir.HookGroup, f *jen.File) {
	where := "It serves whatever path it is mounted at (the URL is the one the API was\n" +
		"given, which the handler does not check), routing by method: a method\n" +
		"the operation does not take answers 405 with Allow."
	if g.ByName {
		where = "It serves them at whatever path it is mounted, routing by the last\n" +
			"segment of the request's path, the name of the " + hookNoun(g) + " (" + hookNames(g) + "),\n" +
			"then by method: a name it does not know answers 404, a method the\n" +
			"operation does not take 405 with Allow."
	}
	if g.Of != nil {
		where += "\nThe API sends each callback to the URL of its runtime expression (" + hookExprs(g) + "),\n" +
			"evaluated on the request of " + g.Of.ID + ": the handler does not route on it."
	}
	f.Add(docComment(g.NewHandler + " returns an http.Handler that receives " + hookGroupWhat(g) + " with h.\n" +
		where + "\nBodies are read, checked and answered as NewServer's are, with the\n" +
		"same options (body cap, logger, verifiers of the security the operations\n" +
		"declare); errors are written in the API's envelope."))
	f.Func().Id(g.NewHandler).Params(
		jen.Id("h").Id(g.Handler), jen.Id("opts").Op("...").Id(rt.ServerOption),
	).Qual("net/http", "Handler").BlockFunc(func(b *jen.Group) {
		b.Id("s").Op(":=").Id(rt.newHookServer).Call(jen.Id("opts"))
		b.Return(jen.Id("s").Dot("hookHandler").Call(jen.Index().Id(rt.srvHook).ValuesFunc(func(l *jen.Group) {
			for _, op := range g.Operations {
				l.Values(jen.Dict{
					jen.Id("name"):   jen.Lit(op.Hook.Name),
					jen.Id("method"): jen.Lit(op.Method),
					jen.Id("serve"): jen.Func().Params(jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request")).
						Block(jen.Id("s").Dot(op.Server.Serve).Call(jen.Id("h"), jen.Id("w"), jen.Id("r"))),
				})
			}
		}), jen.Lit(g.ByName)))
	})
	f.Line()
}

// hookNoun is "webhook" or "callback".
func hookNoun(g *ir.HookGroup) string {
	if g.Of == nil {
		return "webhook"
	}
	return "callback"
}

// hookExprs lists the distinct expressions of a group's callbacks.
func hookExprs(g *ir.HookGroup) string {
	var exprs []string
	for _, op := range g.Operations {
		if !slices.Contains(exprs, op.Hook.Expr) {
			exprs = append(exprs, op.Hook.Expr)
		}
	}
	return strings.Join(exprs, ", ")
}

// hookNames lists the distinct names of a group's operations.
func hookNames(g *ir.HookGroup) string {
	var names []string
	for _, op := range g.Operations {
		if len(names) == 0 || names[len(names)-1] != op.Hook.Name {
			names = append(names, op.Hook.Name)
		}
	}
	return strings.Join(names, ", ")
}
