package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// A response with parts (ir.Response.Parts: media types of different
// kinds, or structured ones with different schemas) is, on the client, a
// struct with a pointer per part (client_responses.go), filled by the runtime's
// answerInto with the part the answer's Content-Type names; on the
// server, a response with a field per part, the handler setting one.

// usesParts reports whether a response of api has parts, the only users
// of the runtime's client_parts.go.
func usesParts(api *ir.API) bool {
	for _, op := range api.AllOperations() {
		for _, r := range op.Responses {
			if r.Parts != nil {
				return true
			}
		}
	}
	return false
}

// clientAnswerParts prints the client's answer of every response with
// parts that an operation's method returns.
func clientAnswerParts(api *ir.API, f *jen.File) {
	for _, op := range api.AllOperations() {
		if r := op.Success; r != nil && r.Parts != nil {
			clientAnswerType(op, r, f)
		}
	}
}

// clientPartType is the client's type of a part's field: a pointer to
// clientPartValue.
func clientPartType(p *ir.ResponsePart) *jen.Statement {
	return jen.Op("*").Add(clientPartValue(p))
}

// clientPartValue is the value a part's field points to.
func clientPartValue(p *ir.ResponsePart) *jen.Statement {
	switch {
	case p.EventData != nil:
		return jen.Id(rt.SSEStreamOf).Index(goType(*p.EventData))
	case p.Events:
		return jen.Id(rt.SSEStream)
	case p.Type.Kind == ir.KindStream:
		return jen.Id(rt.Stream)
	}
	return goType(p.Type)
}

// partDoc says what a part's field holds.
func partDoc(p *ir.ResponsePart, client bool) string {
	names := mediaNamesOf(p.Media)
	switch {
	case p.Events && client:
		return p.GoName + " are the answer's server-sent events (" + names + "): range over its All,\nthen close it."
	case p.Type.Kind == ir.KindStream && client:
		return p.GoName + " is the answer as " + names + ", streamed: read its Body, then close it."
	case client:
		return p.GoName + " is the answer as " + names + "."
	}
	return p.GoName + " is the body as " + names + "."
}

// clientAnswerType prints the answer struct of r, its Close when a part is
// a stream, and the answerMedia and answerFor methods answerInto reads.
func clientAnswerType(op *ir.Operation, r *ir.Response, f *jen.File) {
	name := r.Type.Name
	var kinds []string
	for _, p := range r.Parts {
		kinds = append(kinds, p.GoName)
	}
	f.Add(comment(name, "is the answer of "+op.GoName+"'s "+responseStatus(r)+", one of several kinds of body.",
		"Its fields ("+strings.Join(kinds, ", ")+") are the kinds: the one the answer's Content-Type\nnames is set, the others nil. The client asks for all of them, in this\norder; WithAccept asks for one."))
	f.Type().Id(name).StructFunc(func(g *jen.Group) {
		for _, p := range r.Parts {
			g.Add(docComment(partDoc(p, true) + "\nNil when the answer is in another media type."))
			g.Id(p.GoName).Add(clientPartType(p))
		}
	})
	f.Line()
	var streams []*ir.ResponsePart
	for _, p := range r.Parts {
		if p.Type.Kind == ir.KindStream {
			streams = append(streams, p)
		}
	}
	if len(streams) > 0 {
		f.Comment("Close closes the streamed part, when the answer is one.")
		f.Func().Params(jen.Id("x").Op("*").Id(name)).Id("Close").Params().Error().BlockFunc(func(g *jen.Group) {
			for _, p := range streams {
				g.If(jen.Id("x").Dot(p.GoName).Op("!=").Nil()).Block(jen.Return(jen.Id("x").Dot(p.GoName).Dot("Close").Call()))
			}
			g.Return(jen.Nil())
		})
		f.Line()
	}
	f.Comment("answerMedia are the answer's media types, in preference order.")
	f.Func().Params(jen.Op("*").Id(name)).Id("answerMedia").Params().Index().String().Block(
		jen.Return(jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, m := range r.Media {
				g.Lit(m.Name)
			}
		})))
	f.Line()
	f.Comment("answerFor sets the part of the i-th media type to a new value and returns it.")
	f.Func().Params(jen.Id("x").Op("*").Id(name)).Id("answerFor").Params(jen.Id("i").Int()).Any().BlockFunc(func(g *jen.Group) {
		g.Switch(jen.Id("i")).BlockFunc(func(g *jen.Group) {
			at := 0
			for _, p := range r.Parts {
				var cases []jen.Code
				for range p.Media {
					cases = append(cases, jen.Lit(at))
					at++
				}
				g.Case(cases...).Block(
					jen.Id("x").Dot(p.GoName).Op("=").New(clientPartValue(p)),
					jen.Return(jen.Id("x").Dot(p.GoName)),
				)
			}
		})
		g.Return(jen.Nil())
	})
	f.Line()
}

// serverPartType is the server's type of a part's field: a pointer to a
// structured value or text, a reader of a stream, the function that
// writes events.
func serverPartType(p *ir.ResponsePart) *jen.Statement {
	switch {
	case p.EventData != nil:
		return jen.Func().Params(jen.Id(rt.SSEWriterOf).Index(goType(*p.EventData))).Error()
	case p.Events:
		return jen.Func().Params(jen.Op("*").Id(rt.SSEWriter)).Error()
	case p.Type.Kind == ir.KindStream:
		return jen.Qual("io", "Reader")
	}
	return jen.Op("*").Add(goType(p.Type))
}

// serverPartsBody prints the fields of a response with parts.
func serverPartsBody(r *ir.Response, g *jen.Group) {
	for i, p := range r.Parts {
		text := partDoc(p, false)
		switch {
		case p.Events:
			text += " It writes the events after the status, each Send\nflushed to the client."
		case p.Type.Kind == ir.KindStream:
			text += " It is copied to the client as it is read,\nnever held in memory, and closed when it is an io.Closer."
		}
		if i == 0 {
			text += "\nSet one body (or several: the server answers in the one the\nrequest accepts best, 406 when it accepts none; none set answers 500)."
		}
		g.Add(docComment(text))
		g.Id(p.GoName).Add(serverPartType(p))
		if p.Type.Kind == ir.KindStream && !p.Events {
			g.Add(docComment("ContentType is the Content-Type of " + p.GoName + "; empty means the one of\n" + mediaNamesOf(p.Media) + " the request accepts best (application/octet-stream for a\nrange)."))
			g.Id("ContentType").String()
		}
	}
}

// serverPartsWrite prints the writing of a response with parts, in media
// m (negotiated among the parts set, srvOffers): the structured body is
// encoded before the headers are set, so that its failure can still
// answer 500.
func serverPartsWrite(api *ir.API, r *ir.Response, status *jen.Statement, g *jen.Group) {
	for _, p := range r.Parts {
		if p.Type.Kind == ir.KindStream || p.Type.Kind == ir.KindString && isText(p.Media) {
			continue
		}
		field := jen.Id("v").Dot(p.GoName)
		g.If(field.Clone().Op("!=").Nil().Op("&&").Add(partHolds(p))).BlockFunc(func(g *jen.Group) {
			value := jen.Code(field.Clone())
			if !clientSame(p.Type, wired) {
				value = serverWireBody(api, p.Type, jen.Parens(jen.Op("*").Add(field.Clone())), g)
			}
			args := []jen.Code{jen.Id("m"), value}
			for _, m := range p.Media {
				args = append(args, jen.Id(mediaIdent(m)))
			}
			g.List(jen.Id("e"), jen.Err()).Op(":=").Id(rt.srvEncode).Call(args...)
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			serverHeaders(api, r, g)
			g.Id("e").Dot("send").Call(jen.Id("w"), status)
			g.Return(jen.Nil())
		})
	}
	serverHeaders(api, r, g)
	for _, p := range r.Parts {
		field := jen.Id("v").Dot(p.GoName)
		var write jen.Code
		switch {
		case p.EventData != nil:
			write = jen.Return(jen.Id(rt.srvSendEvents).Call(jen.Id("w"), status, jen.Id(rt.srvTypedEvents).Call(field.Clone())))
		case p.Events:
			write = jen.Return(jen.Id(rt.srvSendEvents).Call(jen.Id("w"), status, field.Clone()))
		case p.Type.Kind == ir.KindStream:
			write = jen.Return(jen.Id(rt.srvSendStream).Call(jen.Id("w"), status, jen.Id("v").Dot("ContentType"), jen.Id("m"), field.Clone()))
		case isText(p.Media):
			args := []jen.Code{jen.Id("w"), status, jen.Id("m"), jen.Op("*").Add(field.Clone())}
			for _, m := range p.Media {
				args = append(args, jen.Id(mediaIdent(m)))
			}
			write = jen.BlockFunc(func(g *jen.Group) {
				g.Id(rt.srvSendText).Call(args...)
				g.Return(jen.Nil())
			})
		default:
			continue
		}
		g.If(field.Clone().Op("!=").Nil().Op("&&").Add(partHolds(p))).Block(write)
	}
	g.Return(jen.Id(rt.errSrvNoPart))
}

// partHolds is the condition that m, the negotiated media type, is one of
// p's.
func partHolds(p *ir.ResponsePart) *jen.Statement {
	if len(p.Media) == 1 {
		return jen.Id("m").Op("==").Id(mediaIdent(p.Media[0]))
	}
	s := jen.Null()
	for i, m := range p.Media {
		if i > 0 {
			s.Op("||")
		}
		s.Id("m").Op("==").Id(mediaIdent(m))
	}
	return jen.Parens(s)
}

// serverHeaders prints the setting of r's headers.
func serverHeaders(api *ir.API, r *ir.Response, g *jen.Group) {
	if len(r.Headers) == 0 {
		return
	}
	g.Id("h").Op(":=").Id("w").Dot("Header").Call()
	for _, h := range r.Headers {
		serverHeader(api, h, g)
	}
}

// partsOffers prints the srvOffers method of a response with parts: the
// media types of the parts the handler set.
func partsOffers(name string, r *ir.Response, f *jen.File) {
	f.Comment("srvOffers are the media types of the bodies set, preferred first: the server")
	f.Comment("answers in the one the request accepts best, 406 when it accepts none.")
	f.Func().Params(jen.Id("v").Id(name)).Id("srvOffers").Params().Index().Id(rt.srvMedia).BlockFunc(func(g *jen.Group) {
		g.Var().Id("offers").Index().Id(rt.srvMedia)
		for _, p := range r.Parts {
			ids := []jen.Code{jen.Id("offers")}
			for _, m := range p.Media {
				ids = append(ids, jen.Id(mediaIdent(m)))
			}
			g.If(jen.Id("v").Dot(p.GoName).Op("!=").Nil()).Block(jen.Id("offers").Op("=").Append(ids...))
		}
		g.Return(jen.Id("offers"))
	})
	f.Line()
}
