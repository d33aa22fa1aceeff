package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// A body by media type (ir.Struct with ByMedia set: a response whose
// media types carry different schemas) is printed as a struct with one
// pointer per format, JSON and XML, and methods that write and read each
// format's value: encoding/json reaches the JSON one, encoding/xml the XML
// one, so the client's decoding by Content-Type and the server's encoding
// in the negotiated media type need nothing else.

// usesMediaBodies reports whether api has a body by media type, the only
// user of the runtime's media_bodies.go.
func usesMediaBodies(api *ir.API) bool {
	for _, st := range api.Structs {
		if st.ByMedia != nil {
			return true
		}
	}
	return false
}

// mediaBodyType prints a body by media type and its JSON and XML methods.
func mediaBodyType(f *jen.File, st *ir.Struct) {
	f.Add(comment(st.GoName, "is the body of "+quote(st.Name)+": one field per format (JSON, XML), as the spec gives each its own schema.", st.Doc))
	f.Type().Id(st.GoName).StructFunc(func(g *jen.Group) {
		for i, fd := range st.Fields {
			g.Add(docComment(fd.GoName + " is the body as " + mediaNamesOf(st.ByMedia[i]) + "; nil when it is not in that format."))
			g.Id(fd.GoName).Add(fieldType(fd))
		}
	})
	f.Line()
	for i, fd := range st.Fields {
		x := jen.Id("x").Dot(fd.GoName)
		switch {
		case ir.HasCodec(st.ByMedia[i], ir.MediaXML):
			f.Comment("MarshalXML writes the " + fd.GoName + " body; an error when it is not set.")
			f.Func().Params(jen.Id("x").Id(st.GoName)).Id("MarshalXML").Params(
				jen.Id("e").Op("*").Qual("encoding/xml", "Encoder"), jen.Id("_").Qual("encoding/xml", "StartElement"),
			).Error().Block(
				jen.If(x.Clone().Op("==").Nil()).Block(jen.Return(jen.Id(rt.errMediaBodyUnset).Call(jen.Lit(st.GoName), jen.Lit(fd.GoName)))),
				jen.Comment("(its own root element, as if it were the whole body)"),
				jen.Return(jen.Id("e").Dot("Encode").Call(x.Clone())),
			)
			f.Line()
			f.Comment("UnmarshalXML reads the element as the " + fd.GoName + " body, with its required elements and attributes.")
			f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("UnmarshalXML").Params(
				jen.Id("d").Op("*").Qual("encoding/xml", "Decoder"), jen.Id("start").Qual("encoding/xml", "StartElement"),
			).Error().Block(
				jen.Id("v").Op(":=").New(goType(fd.Type)),
				jen.If(jen.Err().Op(":=").Id(rt.mediaBodyXML).Call(jen.Id("d"), jen.Id("start"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Op("*").Id("x").Op("=").Id(st.GoName).Values(jen.Dict{jen.Id(fd.GoName): jen.Id("v")}),
				jen.Return(jen.Nil()),
			)
		default:
			f.Comment("MarshalJSON writes the " + fd.GoName + " body; an error when it is not set.")
			f.Func().Params(jen.Id("x").Id(st.GoName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
				jen.If(x.Clone().Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.Id(rt.errMediaBodyUnset).Call(jen.Lit(st.GoName), jen.Lit(fd.GoName)))),
				jen.Return(jen.Qual("encoding/json", "Marshal").Call(x.Clone())),
			)
			f.Line()
			f.Comment("UnmarshalJSON reads the value as the " + fd.GoName + " body, with its required properties.")
			f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
				jen.Id("v").Op(":=").New(goType(fd.Type)),
				jen.If(jen.Err().Op(":=").Id(rt.mediaBodyJSON).Call(jen.Id("b"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Op("*").Id("x").Op("=").Id(st.GoName).Values(jen.Dict{jen.Id(fd.GoName): jen.Id("v")}),
				jen.Return(jen.Nil()),
			)
		}
		f.Line()
	}
}

// mediaBodyOffers prints the srvOffers method of a response whose body is
// a body by media type: the media types of the formats the handler set.
func mediaBodyOffers(api *ir.API, name string, r *ir.Response, f *jen.File) {
	st := structByName(api, r.Type.Name)
	if st == nil || st.ByMedia == nil {
		return
	}
	f.Comment("srvOffers are the media types of the bodies set, preferred first: the server")
	f.Comment("answers in the one the request accepts best, 406 when it accepts none.")
	f.Func().Params(jen.Id("v").Id(name)).Id("srvOffers").Params().Index().Id(rt.srvMedia).BlockFunc(func(g *jen.Group) {
		g.Var().Id("offers").Index().Id(rt.srvMedia)
		for i, fd := range st.Fields {
			var ids []jen.Code
			for _, m := range st.ByMedia[i] {
				ids = append(ids, jen.Id(mediaIdent(m)))
			}
			g.If(jen.Id("v").Dot("Body").Dot(fd.GoName).Op("!=").Nil()).Block(
				jen.Id("offers").Op("=").Append(append([]jen.Code{jen.Id("offers")}, ids...)...))
		}
		g.Return(jen.Id("offers"))
	})
	f.Line()
}

// clientByMedia encodes a request body by format (its media types carry
// different schemas): in the media type the client prefers among those of
// the formats the caller set (encodeBody), an error when none is set.
func clientByMedia(op *ir.Operation, st *ir.Struct, value *jen.Statement, g *jen.Group) {
	g.Var().Id("declared").Index().String()
	for i, fd := range st.Fields {
		names := []jen.Code{jen.Id("declared")}
		for _, m := range st.ByMedia[i] {
			names = append(names, jen.Lit(m.Name))
		}
		g.If(jen.Id("body").Dot(fd.GoName).Op("!=").Nil()).Block(jen.Id("declared").Op("=").Append(names...))
	}
	g.If(jen.Err().Op(":=").Id("c").Dot("encodeBody").Call(jen.Id("r"), value, jen.Id("declared").Op("...")), jen.Err().Op("!=").Nil()).Block(
		clientFail(op, jen.Id(rt.invalidInput).Call(jen.Lit(clientLabel(op)), jen.Err())),
	)
}

// serverByMedia decodes a request body by format into the field of the
// format it came in (srvDecodeByMedia).
func serverByMedia(op *ir.Operation, st *ir.Struct, g *jen.Group) {
	var jsonField, xmlField string
	for i, fd := range st.Fields {
		if ir.HasCodec(st.ByMedia[i], ir.MediaXML) {
			xmlField = fd.GoName
		} else {
			jsonField = fd.GoName
		}
	}
	body := jen.Id("in").Dot("Body")
	g.If(jen.Err().Op(":=").Id(rt.srvDecodeByMedia).Call(jen.Id("x"), jen.Lit(op.Body.Required),
		jen.Op("&").Add(body.Clone()).Dot(jsonField), jen.Op("&").Add(body.Clone()).Dot(xmlField)),
		jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
}

// mediaNamesOf lists media types' names for a comment: "text/xml or
// application/xml".
func mediaNamesOf(ms []*ir.MediaType) string {
	out := ""
	for i, m := range ms {
		if i > 0 {
			out += " or "
		}
		out += m.Name
	}
	return out
}

// usesXMLText reports whether a struct of api carries free-form values in
// XML, the only users of the runtime's xml_freeform.go.
func usesXMLText(api *ir.API) bool {
	for _, st := range api.Structs {
		if st.XMLText {
			return true
		}
	}
	return false
}
