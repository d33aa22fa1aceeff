package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// client_hooks.go is the sending side of the requests the API sends
// (webhooks and callbacks), for the API itself, a fake or a test: per
// group a sender, a Client aimed at the receiver's URL, whose methods
// encode and send as the client's do (clientMethodBody).

// clientHooks prints every hook group's sender.
func clientHooks(api *ir.API, f *jen.File) {
	for _, g := range api.Hooks {
		hookSender(g, f)
		for _, op := range g.Operations {
			f.Add(hookMethodDoc(op, "sends"))
			f.Func().Params(jen.Id("s").Op("*").Id(g.Sender)).Id(op.Hook.Method).
				Params(clientInputs(api, op)...).
				Add(clientResults(op)).
				BlockFunc(func(b *jen.Group) {
					b.Id("c").Op(":=").Id("s").Dot("c")
					clientMethodBody(api, op, b)
				})
			f.Line()
		}
	}
}

// hookSender prints a group's sender type and constructor.
func hookSender(g *ir.HookGroup, f *jen.File) {
	to := "url"
	if g.ByName {
		to = "url followed by \"/\" and the " + hookNoun(g) + "'s name (" + hookNames(g) + ")"
	}
	f.Add(docComment(g.Sender + " sends " + hookGroupWhat(g) + " as the API would, to the URL of\n" +
		"the application that receives them (" + g.NewHandler + " there). Its\n" +
		"methods validate and encode their input as the Client's do, and return\n" +
		"an *APIError when the receiver answers with a failure."))
	f.Type().Id(g.Sender).Struct(jen.Id("c").Op("*").Id(rt.Client))
	f.Line()
	f.Add(docComment(g.NewSender + " returns a sender that sends each request to " + to + ",\n" +
		"an absolute http or https URL without query (see WithBaseURL). opts are\n" +
		"the Client's options: its HTTP client, retries, credentials."))
	f.Func().Id(g.NewSender).Params(jen.Id("url").String(), jen.Id("opts").Op("...").Id(rt.Option)).
		Params(jen.Op("*").Id(g.Sender), jen.Error()).BlockFunc(func(b *jen.Group) {
		b.List(jen.Id("c"), jen.Err()).Op(":=").Id(rt.newClient).Call(
			jen.Append(jen.Qual("slices", "Clip").Call(jen.Id("opts")), jen.Id(rt.WithBaseURL).Call(jen.Id("url"))))
		b.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
		b.Return(jen.Op("&").Id(g.Sender).Values(jen.Dict{jen.Id("c"): jen.Id("c")}), jen.Nil())
	})
	f.Line()
}
