package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// enums prints every enum: a named type, its constants, and IsKnown.
// Decoding accepts any value of the base type, so a value the provider adds
// later does not break clients; IsKnown tells the listed values apart.
func enums(api *ir.API, f *jen.File) {
	for _, e := range api.Enums {
		f.Add(comment(e.GoName, "is the enum "+quote(e.Name)+". Values outside the listed constants decode without error; see IsKnown.", e.Doc))
		f.Type().Id(e.GoName).Add(enumBase(e))
		f.Line()
		f.Comment("The values of " + e.GoName + " the spec lists.")
		f.Const().DefsFunc(func(g *jen.Group) {
			for _, v := range e.Values {
				g.Comment(fmt.Sprintf("%s is %s.", v.GoName, literalText(v.Value)))
				g.Id(v.GoName).Id(e.GoName).Op("=").Add(literalOf(api, ir.TypeRef{Kind: e.Base}, v.Value))
			}
		})
		f.Line()
		f.Comment("IsKnown reports whether v is one of the values the spec lists.")
		f.Func().Params(jen.Id("v").Id(e.GoName)).Id("IsKnown").Params().Bool().Block(
			jen.Switch(jen.Id("v")).Block(
				jen.Case(enumCases(e)...).Block(jen.Return(jen.True())),
			),
			jen.Return(jen.False()),
		)
		f.Line()
	}
}

// enumBase is the underlying Go type of an enum, its base kind's.
func enumBase(e *ir.Enum) *jen.Statement {
	return goType(ir.TypeRef{Kind: e.Base})
}

func enumCases(e *ir.Enum) []jen.Code {
	out := make([]jen.Code, len(e.Values))
	for i, v := range e.Values {
		out[i] = jen.Id(v.GoName)
	}
	return out
}
