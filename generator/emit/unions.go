package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// A union (ir.Struct with Union set) is printed as a struct with one
// pointer field per variant, a MarshalJSON that writes the set variant, an
// UnmarshalJSON that decides which variant a value is (by the
// discriminator, or by trying the variants in order) and a Validate that
// wants exactly one variant set and checks it.

// usesUnions reports whether api needs the runtime's unions.go.
func usesUnions(api *ir.API) bool {
	for _, st := range api.Structs {
		if st.Union != nil {
			return true
		}
	}
	return false
}

// unionType prints the union's type and its JSON methods.
func unionType(f *jen.File, st *ir.Struct) {
	what := "any"
	if st.Union.OneOf {
		what = "exactly one"
	}
	f.Add(comment(st.GoName, "is the schema "+quote(st.Name)+": "+what+" of its variants (the field that is not nil).", st.Doc))
	f.Type().Id(st.GoName).StructFunc(func(g *jen.Group) {
		for _, fd := range st.Fields {
			text := fd.Doc
			if strings.TrimSpace(text) == "" {
				text = fd.GoName + " is the variant " + quote(fd.GoName) + "."
			}
			g.Add(docComment(text))
			g.Id(fd.GoName).Add(fieldType(fd))
		}
	})
	f.Line()
	f.Comment("MarshalJSON writes the variant that is set.")
	f.Func().Params(jen.Id("x").Id(st.GoName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.Switch().BlockFunc(func(g *jen.Group) {
			for _, fd := range st.Fields {
				g.Case(jen.Id("x").Dot(fd.GoName).Op("!=").Nil()).Block(
					jen.Return(jen.Qual("encoding/json", "Marshal").Call(jen.Id("x").Dot(fd.GoName))))
			}
		})
		g.Return(jen.Nil(), jen.Id(rt.errUnionUnset).Call(jen.Lit(st.GoName)))
	})
	f.Line()
	if st.Union.Discriminator != "" {
		unionByTag(f, st)
	} else {
		unionByTrial(f, st)
	}
	f.Line()
}

// unionByTag prints the UnmarshalJSON of a discriminated union.
func unionByTag(f *jen.File, st *ir.Struct) {
	u := st.Union
	var allowed []string
	for _, vs := range u.Values {
		allowed = append(allowed, vs...)
	}
	f.Comment("UnmarshalJSON reads the variant the discriminator property " + quote(u.Discriminator) + " names.")
	f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.List(jen.Id("tag"), jen.Err()).Op(":=").Id(rt.unionTag).Call(jen.Lit(st.GoName), jen.Id("b"), jen.Lit(u.Discriminator))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		g.Switch(jen.Id("tag")).BlockFunc(func(g *jen.Group) {
			for i, fd := range st.Fields {
				var values []jen.Code
				for _, v := range u.Values[i] {
					values = append(values, jen.Lit(v))
				}
				g.Case(values...).Block(
					jen.Id("v").Op(":=").New(goType(fd.Type)),
					jen.If(jen.Err().Op(":=").Id(rt.unionDecode).Call(jen.Id("b"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
					jen.Op("*").Id("x").Op("=").Id(st.GoName).Values(jen.Dict{jen.Id(fd.GoName): jen.Id("v")}),
					jen.Return(jen.Nil()),
				)
			}
		})
		g.Return(jen.Id(rt.errUnionTag).Call(jen.Lit(st.GoName), jen.Lit(u.Discriminator), jen.Id("tag"), jen.Lit(strings.Join(allowed, ", "))))
	})
}

// unionByTrial prints the UnmarshalJSON of a union without discriminator:
// each variant is tried in order; it matches when the value decodes into
// it and the union holding it validates. oneOf wants exactly one match,
// anyOf takes the first.
func unionByTrial(f *jen.File, st *ir.Struct) {
	var names []string
	for _, fd := range st.Fields {
		names = append(names, fd.GoName)
	}
	oneOf := st.Union.OneOf
	how := "the first variant, in the spec's order, that it decodes into and that validates (anyOf)"
	if oneOf {
		how = "the one variant it decodes into and that validates; more than one is an error (oneOf)"
	}
	f.Comment("UnmarshalJSON reads the value as " + how + ".")
	f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		if oneOf {
			g.Var().Id("out").Id(st.GoName)
		}
		g.Var().Id("matched").Index().String()
		for _, fd := range st.Fields {
			c := jen.Id("c").Op(":=").Id(st.GoName).Values(jen.Dict{jen.Id(fd.GoName): jen.Id("v")})
			var take []jen.Code
			if oneOf {
				take = []jen.Code{
					jen.If(jen.Len(jen.Id("matched")).Op("==").Lit(0)).Block(jen.Id("out").Op("=").Id("c")),
					jen.Id("matched").Op("=").Append(jen.Id("matched"), jen.Lit(fd.GoName)),
				}
			} else {
				take = []jen.Code{jen.Op("*").Id("x").Op("=").Id("c"), jen.Return(jen.Nil())}
			}
			g.If(jen.Id("v").Op(":=").New(goType(fd.Type)), jen.Id(rt.unionDecode).Call(jen.Id("b"), jen.Id("v")).Op("==").Nil()).Block(
				c,
				jen.If(jen.Id("c").Dot("Validate").Call().Op("==").Nil()).Block(take...),
			)
		}
		g.If(jen.Err().Op(":=").Id(rt.unionMatched).Call(jen.Lit(st.GoName), jen.Lit(oneOf), jen.Id("matched"), jen.Lit(strings.Join(names, ", "))), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err()))
		if oneOf {
			g.Op("*").Id("x").Op("=").Id("out")
		}
		g.Return(jen.Nil())
	})
}

// unionValidate prints the Validate of a union: exactly one variant set,
// and its checks.
func unionValidate(api *ir.API, f *jen.File, st *ir.Struct) {
	rule := "anyOf"
	if st.Union.OneOf {
		rule = "oneOf"
	}
	f.Comment("Validate checks that exactly one variant of " + st.GoName + " is set and checks it")
	f.Comment("against the spec's rules; each failure is a *ValidationError (errors.As), and")
	f.Comment("all match ErrInvalidInput (errors.Is).")
	f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("Validate").Params().Error().BlockFunc(func(g *jen.Group) {
		g.Var().Id("errs").Index().Error()
		g.Id("n").Op(":=").Lit(0)
		for _, fd := range st.Fields {
			g.If(jen.Id("x").Dot(fd.GoName).Op("!=").Nil()).Block(jen.Id("n").Op("++"))
		}
		g.If(jen.Id("n").Op("!=").Lit(1)).Block(jen.Id("errs").Op("=").Append(jen.Id("errs"), jen.Op("&").Id(rt.ValidationError).Values(
			jen.Id("In").Op(":").Lit("body"), jen.Id("Field").Op(":").Lit(st.Name), jen.Id("Rule").Op(":").Lit(rule),
			jen.Id("Value").Op(":").Qual("strconv", "Itoa").Call(jen.Id("n")))))
		for _, fd := range st.Fields {
			fieldChecks(api, g, fd)
		}
		g.Return(jen.Qual("errors", "Join").Call(jen.Id("errs").Op("...")))
	})
	f.Line()
}

// named reports a struct or a union: a type of the package's own,
// returned by pointer and validated with its Validate method.
func named(t ir.TypeRef) bool {
	return t.Kind == ir.KindStruct || t.Kind == ir.KindUnion
}
