package emit

import (
	"time"

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
	value := defaultLit(fd.Type.Base(), fd.Default)
	if fd.Type.Nullable {
		// Absent only: null is a value the sender chose.
		g.If(jen.Op("!").Add(v.Clone()).Dot("Set")).Block(v.Clone().Op("=").Id(rt.NewNullable).Types(goType(fd.Type.Base())).Call(value))
		return
	}
	if fd.Pointer {
		g.If(v.Clone().Op("==").Nil()).Block(v.Clone().Op("=").Id(rt.Ptr).Call(value))
		return
	}
	switch fd.Default {
	case "", int64(0), float64(0), false:
		return // the zero value already is the default
	}
	if d, ok := fd.Default.(time.Time); ok && d.IsZero() {
		return
	}
	g.If(isZero(api, fd.Type, v.Clone())).Block(v.Clone().Op("=").Add(value))
}

// defaultLit prints a default (ir.Field.Default) as a value of type t: a
// typed literal for scalars and enums, a time.Date call, a Date, a []byte
// conversion, or for a JSON text (ir.JSONValue) a fresh value decoded from
// it by the runtime's defaultOf (a free-form value is the text itself).
func defaultLit(t ir.TypeRef, v any) *jen.Statement {
	switch d := v.(type) {
	case time.Time:
		loc := jen.Qual("time", "UTC")
		if _, off := d.Zone(); off != 0 {
			loc = jen.Qual("time", "FixedZone").Call(jen.Lit(""), jen.Lit(off))
		}
		return jen.Qual("time", "Date").Call(jen.Lit(d.Year()), jen.Qual("time", d.Month().String()), jen.Lit(d.Day()),
			jen.Lit(d.Hour()), jen.Lit(d.Minute()), jen.Lit(d.Second()), jen.Lit(d.Nanosecond()), loc)
	case ir.Date:
		return jen.Id(rt.Date).Values(jen.Dict{
			jen.Id("Year"): jen.Lit(d.Year), jen.Id("Month"): jen.Qual("time", time.Month(d.Month).String()), jen.Id("Day"): jen.Lit(d.Day),
		})
	case []byte:
		return jen.Index().Byte().Call(jen.Lit(string(d)))
	case ir.JSONValue:
		if t.Kind == ir.KindAny {
			return jen.Qual("encoding/json", "RawMessage").Call(jen.Lit(string(d)))
		}
		return jen.Id(rt.defaultOf).Types(goType(t)).Call(jen.Lit(string(d)))
	}
	return typedLit(t, v)
}

// typedLit prints a literal of the field's type: enum defaults are
// converted to the enum type.
func typedLit(t ir.TypeRef, v any) *jen.Statement {
	if t.Kind == ir.KindEnum {
		return jen.Id(t.Name).Call(lit(v))
	}
	if t.Secret {
		return jen.Id(rt.Secret).Call(lit(v))
	}
	return lit(v)
}
