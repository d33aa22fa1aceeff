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

// usesXMLUnions reports whether a union of api has XML methods.
func usesXMLUnions(api *ir.API) bool {
	for _, st := range api.Structs {
		if st.Union != nil && st.Union.XML {
			return true
		}
	}
	return false
}

// buffersXML reports whether api needs the runtime's xml_elements.go: a
// union read from XML, or a body by media type.
func buffersXML(api *ir.API) bool { return usesXMLUnions(api) || usesMediaBodies(api) }

// unionType prints the union's type and its JSON methods, and its XML
// methods when an XML body reaches it.
func unionType(api *ir.API, f *jen.File, st *ir.Struct) {
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
		unionByTag(f, st, unionJSON)
	} else {
		unionByTrial(f, st, unionJSON)
	}
	f.Line()
	if st.Union.XML {
		unionMarshalXML(api, f, st)
		if st.Union.Discriminator != "" {
			unionByTag(f, st, unionXML)
		} else {
			unionByTrial(f, st, unionXML)
		}
		f.Line()
	}
}

// unionCodec is what differs between a union's JSON and XML decoding: the
// method's signature, how the value is buffered, and the runtime's
// functions that read it.
type unionCodec struct {
	method string
	params []jen.Code
	// buffer, when not nil, reads the value into b first.
	buffer       jen.Code
	decode, tag  string
	what, errVal string
}

// unionJSON decodes the JSON value b; unionXML the XML element start
// opens, buffered.
var (
	unionJSON = unionCodec{method: "UnmarshalJSON", params: []jen.Code{jen.Id("b").Index().Byte()}, what: "the value", errVal: "b"}
	unionXML  = unionCodec{method: "UnmarshalXML", what: "the element", errVal: "b"}
)

func init() {
	unionJSON.decode, unionJSON.tag = rt.unionDecode, rt.unionTag
	unionXML.decode, unionXML.tag = rt.unionDecodeXML, rt.unionTagXML
	unionXML.params = []jen.Code{jen.Id("d").Op("*").Qual("encoding/xml", "Decoder"), jen.Id("start").Qual("encoding/xml", "StartElement")}
	unionXML.buffer = jen.List(jen.Id("b"), jen.Err()).Op(":=").Id(rt.xmlElement).Call(jen.Id("d"), jen.Id("start"))
}

// prologue prints the buffering of an XML element.
func (c unionCodec) prologue(g *jen.Group) {
	if c.buffer != nil {
		g.Add(c.buffer)
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	}
}

// unionMarshalXML prints the MarshalXML of a union: the set variant as
// the element start names; at the top of a body, an object variant as its
// own root element and a scalar as the union's.
func unionMarshalXML(api *ir.API, f *jen.File, st *ir.Struct) {
	f.Comment("MarshalXML writes the variant that is set, as the element start names; at the top")
	f.Comment("of a body, an object variant as its own root element.")
	f.Func().Params(jen.Id("x").Id(st.GoName)).Id("MarshalXML").Params(
		jen.Id("e").Op("*").Qual("encoding/xml", "Encoder"), jen.Id("start").Qual("encoding/xml", "StartElement"),
	).Error().BlockFunc(func(g *jen.Group) {
		roots := map[string]string{}
		for _, fd := range st.Fields {
			if inner := fd.Type.Struct; fd.Type.Kind == ir.KindStruct && inner != nil && inner.XMLName != "" {
				roots[fd.GoName] = inner.XMLName
			}
		}
		switch top := jen.Id("top"); {
		case len(roots) > 0:
			g.List(jen.Id("start"), top).Op(":=").Id(rt.unionXMLTop).Call(jen.Id("start"), jen.Lit(st.GoName), jen.Lit(st.XMLName))
		case st.XMLName != "":
			g.List(jen.Id("start"), jen.Id("_")).Op("=").Id(rt.unionXMLTop).Call(jen.Id("start"), jen.Lit(st.GoName), jen.Lit(st.XMLName))
		}
		g.Switch().BlockFunc(func(g *jen.Group) {
			for _, fd := range st.Fields {
				v := jen.Id("x").Dot(fd.GoName)
				enc := jen.Return(jen.Id("e").Dot("EncodeElement").Call(v.Clone(), jen.Id("start")))
				if root, ok := roots[fd.GoName]; ok {
					inner := struct{ XMLName string }{root}
					g.Case(v.Clone().Op("!=").Nil().Op("&&").Id("top")).Block(
						jen.Return(jen.Id("e").Dot("EncodeElement").Call(v.Clone(), jen.Qual("encoding/xml", "StartElement").Values(jen.Dict{
							jen.Id("Name"): jen.Qual("encoding/xml", "Name").Values(jen.Dict{jen.Id("Local"): jen.Lit(inner.XMLName)}),
						}))))
				}
				g.Case(v.Clone().Op("!=").Nil()).Block(enc)
			}
		})
		g.Return(jen.Id(rt.errUnionUnset).Call(jen.Lit(st.GoName)))
	})
	f.Line()
}

// unionByTag prints the UnmarshalJSON (or UnmarshalXML) of a
// discriminated union.
func unionByTag(f *jen.File, st *ir.Struct, c unionCodec) {
	u := st.Union
	var allowed []string
	for _, vs := range u.Values {
		allowed = append(allowed, vs...)
	}
	how := "the discriminator property " + quote(u.Discriminator)
	if c.buffer != nil {
		how = "the discriminator " + quote(u.Discriminator) + " (an attribute, else a child element)"
	}
	f.Comment(c.method + " reads the variant " + how + " names.")
	f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id(c.method).Params(c.params...).Error().BlockFunc(func(g *jen.Group) {
		c.prologue(g)
		g.List(jen.Id("tag"), jen.Err()).Op(":=").Id(c.tag).Call(jen.Lit(st.GoName), jen.Id("b"), jen.Lit(u.Discriminator))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		g.Switch(jen.Id("tag")).BlockFunc(func(g *jen.Group) {
			for i, fd := range st.Fields {
				var values []jen.Code
				for _, v := range u.Values[i] {
					values = append(values, jen.Lit(v))
				}
				g.Case(values...).Block(
					jen.Id("v").Op(":=").New(goType(fd.Type)),
					jen.If(jen.Err().Op(":=").Id(c.decode).Call(jen.Id("b"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
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
func unionByTrial(f *jen.File, st *ir.Struct, c unionCodec) {
	var names []string
	for _, fd := range st.Fields {
		names = append(names, fd.GoName)
	}
	oneOf := st.Union.OneOf
	how := "the first variant, in the spec's order, that it decodes into and that validates (anyOf)"
	if oneOf {
		how = "the one variant it decodes into and that validates; more than one is an error (oneOf)"
	}
	f.Comment(c.method + " reads " + c.what + " as " + how + ".")
	f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id(c.method).Params(c.params...).Error().BlockFunc(func(g *jen.Group) {
		c.prologue(g)
		if oneOf {
			g.Var().Id("out").Id(st.GoName)
		}
		g.Var().Id("matched").Index().String()
		for _, fd := range st.Fields {
			set := jen.Id("c").Op(":=").Id(st.GoName).Values(jen.Dict{jen.Id(fd.GoName): jen.Id("v")})
			var take []jen.Code
			if oneOf {
				take = []jen.Code{
					jen.If(jen.Len(jen.Id("matched")).Op("==").Lit(0)).Block(jen.Id("out").Op("=").Id("c")),
					jen.Id("matched").Op("=").Append(jen.Id("matched"), jen.Lit(fd.GoName)),
				}
			} else {
				take = []jen.Code{jen.Op("*").Id("x").Op("=").Id("c"), jen.Return(jen.Nil())}
			}
			g.If(jen.Id("v").Op(":=").New(goType(fd.Type)), jen.Id(c.decode).Call(jen.Id("b"), jen.Id("v")).Op("==").Nil()).Block(
				set,
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
