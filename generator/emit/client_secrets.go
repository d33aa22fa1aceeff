package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// Every secret-bearing value a request sends (a format: password field at
// any depth of its body, a secret query or header parameter) is a secret
// for the redactor of that call: a server that echoes a new secret in an
// error label must not make the client show it. For every struct whose
// values hold a secret and that a request sends (ir.Struct.Secrets),
// client_secrets.go has an appendSecrets method listing them; the operation hands the list to the
// request (clientSecrets).

// sendsSecrets reports whether st has an appendSecrets method
// (ir.Struct.Secrets).
func sendsSecrets(st *ir.Struct) bool { return st != nil && st.Secrets }

// holdsSecret reports whether a value of type t holds a secret the
// builder marked (a secret string, or a struct of Struct.Secrets).
func holdsSecret(t ir.TypeRef) bool { return !clientSame(t, sendsSecrets) }

// clientSecretMethods prints the appendSecrets methods.
func clientSecretMethods(api *ir.API, f *jen.File) {
	need := sendsSecrets
	for _, st := range api.Structs {
		if !need(st) {
			continue
		}
		f.Comment("appendSecrets appends the secrets x holds, at any depth, to dst.")
		f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("appendSecrets").Params(jen.Id("dst").Index().String()).Index().String().BlockFunc(func(g *jen.Group) {
			for _, fd := range st.Fields {
				clientAppendSecrets(g, fd.Type, fd.Pointer, jen.Id("x").Dot(fd.GoName), need)
			}
			g.Return(jen.Id("dst"))
		})
		f.Line()
	}
}

// clientAppendSecrets prints what appends the secrets of v, of type t (a
// pointer to one when pointer), to dst; nothing when t holds none.
func clientAppendSecrets(g *jen.Group, t ir.TypeRef, pointer bool, v *jen.Statement, need func(*ir.Struct) bool) {
	var add *jen.Statement
	switch {
	case t.Nullable && !clientSame(t, need):
		// A Nullable's value, when it has one.
		g.If(v.Clone().Dot("Set").Op("&&").Op("!").Add(v.Clone()).Dot("Null")).BlockFunc(func(g *jen.Group) {
			clientAppendSecrets(g, t.Base(), false, v.Clone().Dot("Value"), need)
		})
		return
	case t.Kind == ir.KindString && t.Secret:
		add = jen.Id("dst").Op("=").Append(jen.Id("dst"), v.Clone().Dot("Reveal").Call())
	case t.Kind == ir.KindStruct && need(t.Struct):
		add = jen.Id("dst").Op("=").Add(v.Clone()).Dot("appendSecrets").Call(jen.Id("dst"))
	case t.Kind == ir.KindArray && !clientSame(*t.Elem, need):
		g.For(jen.Id("i").Op(":=").Range().Add(v.Clone())).BlockFunc(func(g *jen.Group) {
			clientAppendSecrets(g, *t.Elem, false, v.Clone().Index(jen.Id("i")), need)
		})
		return
	case t.Kind == ir.KindMap && !clientSame(*t.Elem, need):
		g.For(jen.List(jen.Id("_"), jen.Id("item")).Op(":=").Range().Add(v.Clone())).BlockFunc(func(g *jen.Group) {
			clientAppendSecrets(g, *t.Elem, false, jen.Id("item"), need)
		})
		return
	default:
		return
	}
	if pointer {
		g.If(v.Clone().Op("!=").Nil()).Block(add)
		return
	}
	g.Add(add)
}

// clientSecrets hands the request the secret-bearing values it sends, so
// that the client redacts them from what it returns as it does its own
// secret.
func clientSecrets(api *ir.API, op *ir.Operation, g *jen.Group) {
	need := sendsSecrets
	if need(op.Params) {
		g.Id("r").Dot("secrets").Op("=").Id("params").Dot("appendSecrets").Call(jen.Id("r").Dot("secrets"))
	}
	if op.Body == nil || !holdsSecret(op.Body.Type) {
		return
	}
	if op.Body.Type.Kind == ir.KindStruct {
		g.Id("r").Dot("secrets").Op("=").Id("body").Dot("appendSecrets").Call(jen.Id("r").Dot("secrets"))
		return
	}
	g.BlockFunc(func(g *jen.Group) {
		g.Id("dst").Op(":=").Id("r").Dot("secrets")
		clientAppendSecrets(g, op.Body.Type, false, jen.Id("body"), need)
		g.Id("r").Dot("secrets").Op("=").Id("dst")
	})
}
