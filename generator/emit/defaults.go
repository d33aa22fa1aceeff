package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// defaults prints ApplyDefaults for every struct with defaults: the one
// place the spec's defaults are applied. The client calls it before it
// validates and sends; the server calls it after binding a request.
func defaults(api *ir.API, f *jen.File) {
	for _, st := range api.Structs {
		if !st.Defaults {
			continue
		}
		f.Comment("ApplyDefaults sets each field of " + st.GoName + " that is absent (nil, or the")
		f.Comment("zero value) to the spec's default. It is the one place defaults are applied:")
		f.Comment("the client calls it before sending, the server after binding a request.")
		f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("ApplyDefaults").Params().BlockFunc(func(g *jen.Group) {
			for _, fd := range st.Fields {
				applyDefault(api, g, fd)
			}
		})
		f.Line()
	}
}

// applyDefault prints the defaulting of one field.
func applyDefault(api *ir.API, g *jen.Group, fd *ir.Field) {
	if fd.Default == nil {
		return
	}
	v := jen.Id("x").Dot(fd.GoName)
	value := literalOf(api, fd.Type.Base(), *fd.Default)
	if fd.Type.Nullable {
		// Absent only: null is a value the sender chose.
		g.If(jen.Op("!").Add(v.Clone()).Dot("Set")).Block(v.Clone().Op("=").Id(rt.NewNullable).Types(goType(fd.Type.Base())).Call(value))
		return
	}
	if fd.Pointer {
		g.If(v.Clone().Op("==").Nil()).Block(v.Clone().Op("=").Id(rt.Ptr).Call(value))
		return
	}
	if fd.Default.GoZero() {
		return // the zero value already is the default
	}
	g.If(isZero(api, fd.Type, v.Clone())).Block(v.Clone().Op("=").Add(value))
}
