package emit

import (
	"strings"

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
	var names []string
	for _, fd := range st.Fields {
		names = append(names, fd.GoName)
	}
	f.Add(comment(st.GoName, "is the body of "+quote(st.Name)+": one field per format ("+strings.Join(names, ", ")+"), as the spec gives each its own schema or media type.", st.Doc))
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
		case !structuredField(st.ByMedia[i]):
			continue // multipart, text or a stream: written by the client itself
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

// structuredField reports whether a body by format's field of these media
// types is a JSON or XML document (not multipart, text or a stream).
func structuredField(ms []*ir.MediaType) bool {
	return ir.HasCodec(ms, ir.MediaJSON) || ir.HasCodec(ms, ir.MediaProblemJSON) || ir.HasCodec(ms, ir.MediaXML)
}

// mediaBodyWires prints the MarshalJSON and MarshalXML of the wire twin of
// a body by media type that holds a secret: each writes its format's twin,
// the secrets revealed, as the body's own methods write the value (which
// redact them, so that the body printed as JSON shows none).
func mediaBodyWires(f *jen.File, st *ir.Struct, twin string) {
	for i, fd := range st.Fields {
		if !structuredField(st.ByMedia[i]) {
			continue // multipart, text or a stream: written by the client itself
		}
		x := jen.Id("x").Dot(fd.GoName)
		unset := jen.If(x.Clone().Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.Id(rt.errMediaBodyUnset).Call(jen.Lit(st.GoName), jen.Lit(fd.GoName))))
		if ir.HasCodec(st.ByMedia[i], ir.MediaXML) {
			f.Comment("MarshalXML writes the " + fd.GoName + " body, its secrets revealed; an error when it is not set.")
			f.Func().Params(jen.Id("x").Id(twin)).Id("MarshalXML").Params(
				jen.Id("e").Op("*").Qual("encoding/xml", "Encoder"), jen.Id("_").Qual("encoding/xml", "StartElement"),
			).Error().Block(
				jen.If(x.Clone().Op("==").Nil()).Block(jen.Return(jen.Id(rt.errMediaBodyUnset).Call(jen.Lit(st.GoName), jen.Lit(fd.GoName)))),
				jen.Return(jen.Id("e").Dot("Encode").Call(x.Clone())),
			)
		} else {
			f.Comment("MarshalJSON writes the " + fd.GoName + " body, its secrets revealed; an error when it is not set.")
			f.Func().Params(jen.Id("x").Id(twin)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
				unset,
				jen.Return(jen.Qual("encoding/json", "Marshal").Call(x.Clone())),
			)
		}
		f.Line()
	}
}

// mediaBodyOffers prints the srvOffers method of a response whose body is
// a body by media type: the media types of the formats the handler set.
func mediaBodyOffers(api *ir.API, name string, r *ir.Response, f *jen.File) {
	st := r.Type.Struct
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
// different schemas, or some are multipart, text or a stream): in the
// media type the client prefers among those of the formats the caller set
// (pickBody), an error when none is set (no body at all when the body is
// optional). JSON and XML are encodeBody's; a
// form of a format's model, multipart, text and a stream are written
// here.
func clientByMedia(api *ir.API, op *ir.Operation, st *ir.Struct, value *jen.Statement, g *jen.Group) {
	g.Var().Id("declared").Index().String()
	for i, fd := range st.Fields {
		names := []jen.Code{jen.Id("declared")}
		for _, m := range st.ByMedia[i] {
			names = append(names, jen.Lit(m.Name))
		}
		g.If(jen.Id("body").Dot(fd.GoName).Op("!=").Nil()).Block(jen.Id("declared").Op("=").Append(names...))
	}
	structured := jen.If(jen.Err().Op(":=").Id("c").Dot("encodeBody").Call(jen.Id("r"), value, jen.Id("declared").Op("...")), jen.Err().Op("!=").Nil()).Block(
		clientFail(op, jen.Id(rt.invalidInput).Call(jen.Lit(clientLabel(op)), jen.Err())),
	)
	var cases []jen.Code
	for i, fd := range st.Fields {
		for _, m := range st.ByMedia[i] {
			if c := clientFormatCase(api, op, fd, m, g); c != nil {
				cases = append(cases, c)
			}
		}
	}
	send := structured
	if len(cases) > 0 {
		send = jen.Switch(jen.Id("c").Dot("pickBody").Call(jen.Id("declared"))).Block(append(cases, jen.Default().Block(structured))...)
	}
	if op.Body != nil && !op.Body.Required {
		// An optional body with no format set is not sent.
		send = jen.If(jen.Len(jen.Id("declared")).Op(">").Lit(0)).Block(send)
	}
	g.Add(send)
}

// clientFormatCase is the case of the media type m of field fd of a body
// by format that the client writes itself (nil for JSON and XML, which
// encodeBody writes): a form of the field's model, multipart, text or a
// stream.
func clientFormatCase(api *ir.API, op *ir.Operation, fd *ir.Field, m *ir.MediaType, g *jen.Group) jen.Code {
	x := jen.Id("body").Dot(fd.GoName)
	var body []jen.Code
	switch m.Codec {
	case ir.MediaForm:
		body = []jen.Code{
			jen.Id("v").Op(":=").Make(jen.Qual("net/url", "Values")),
			x.Clone().Dot("appendForm").Call(jen.Id("v"), jen.Lit("")),
			jen.Id("r").Dot("body").Op("=").Index().Byte().Call(jen.Id("v").Dot("Encode").Call()),
			jen.Id("r").Dot("contentType").Op("=").Lit(m.Name),
		}
	case ir.MediaMultipart:
		return jen.Case(jen.Lit(m.Name)).BlockFunc(func(g *jen.Group) { clientMultipart(api, op, fd.Type.Struct, x, g) })
	case ir.MediaText:
		body = []jen.Code{
			jen.Id("r").Dot("body").Op("=").Index().Byte().Call(jen.Op("*").Add(x.Clone())),
			jen.Id("r").Dot("contentType").Op("=").Lit(m.Name + "; charset=utf-8"),
		}
	case ir.MediaStream:
		body = []jen.Code{
			jen.Id("r").Dot("stream").Op("=").Add(x.Clone()),
			jen.Id("r").Dot("contentType").Op("=").Lit(m.Name),
		}
	default:
		return nil
	}
	return jen.Case(jen.Lit(m.Name)).Block(body...)
}

// serverByMedia decodes a request body by format into the field of the
// media type it came in: JSON and XML by srvDecodeByMedia (or
// srvDecodeByMediaJSON when there is no XML), a form into its format's
// model (bindForm), multipart into the multipart struct part by part,
// text and a stream as such.
func serverByMedia(api *ir.API, op *ir.Operation, st *ir.Struct, g *jen.Group) {
	var jsonField, xmlField string
	var cases []jen.Code
	body := jen.Id("in").Dot("Body")
	for i, fd := range st.Fields {
		dst := body.Clone().Dot(fd.GoName)
		switch {
		case ir.HasCodec(st.ByMedia[i], ir.MediaMultipart):
			mp := fd.Type.Struct
			cases = append(cases, jen.Case(jen.Id(rt.srvCodecMultipart)).BlockFunc(func(g *jen.Group) {
				g.Add(dst.Clone()).Op("=").New(jen.Id(mp.GoName))
				serverBindMultipart(api, mp, dst, g)
			}))
		case ir.HasCodec(st.ByMedia[i], ir.MediaText):
			cases = append(cases, jen.Case(jen.Id(rt.srvCodecText)).Block(
				dst.Clone().Op("=").New(jen.String()),
				jen.Return(jen.Id(rt.srvTextBody).Call(jen.Id("x"), jen.False(), dst.Clone())),
			))
		case ir.HasCodec(st.ByMedia[i], ir.MediaStream):
			cases = append(cases, jen.Case(jen.Id(rt.srvCodecStream)).Block(
				dst.Clone().Op("=").Id("x").Dot("r").Dot("Body"),
			))
		case ir.HasCodec(st.ByMedia[i], ir.MediaXML):
			xmlField = fd.GoName
		default:
			jsonField = fd.GoName
		}
		if ir.HasCodec(st.ByMedia[i], ir.MediaForm) {
			cases = append(cases, jen.Case(jen.Id(rt.srvCodecForm)).Block(
				dst.Clone().Op("=").New(goType(fd.Type)),
				jen.Return(dst.Clone().Dot("bindForm").Call(jen.Id("x"), jen.Lit(""))),
			))
		}
	}
	var structured jen.Code
	switch {
	case jsonField != "" && xmlField != "":
		structured = jen.If(jen.Err().Op(":=").Id(rt.srvDecodeByMedia).Call(jen.Id("x"), jen.Lit(op.Body.Required),
			jen.Op("&").Add(body.Clone()).Dot(jsonField), jen.Op("&").Add(body.Clone()).Dot(xmlField)),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	case jsonField != "" || xmlField != "":
		structured = jen.If(jen.Err().Op(":=").Id(rt.srvDecodeByMediaOne).Call(jen.Id("x"), jen.Lit(op.Body.Required),
			jen.Op("&").Add(body.Clone()).Dot(jsonField+xmlField)),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	default:
		structured = jen.If(jen.Lit(op.Body.Required)).Block(jen.Return(jen.Id(rt.srvBodyRequired).Call()))
	}
	if len(cases) == 0 {
		g.Add(structured)
		return
	}
	g.Switch(jen.Id(rt.srvBodyCodec).Call(jen.Id("x"))).Block(append(cases, jen.Default().Block(structured))...)
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
