package emit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// serverResponses prints every operation's typed responses: a struct per
// declared status with the body and headers, marked as the operation's
// response, that writes itself. A shared components/responses entry is one
// struct, marked as the response of each operation that uses it, printed
// at its first use; each use's name is an alias of it.
func serverResponses(api *ir.API, f *jen.File) {
	for _, op := range api.Operations {
		serverResponsesOf(api, op, f)
	}
}

// serverResponsesOf prints the typed responses of one operation.
func serverResponsesOf(api *ir.API, op *ir.Operation, f *jen.File) {
	for _, r := range op.Responses {
		if r.Shared != nil {
			serverSharedResponse(api, op, r, f)
			continue
		}
		serverResponseType(r.GoName, responseStatus(r)+" of "+op.GoName+".", r, f)
		serverResponseMarker(op, r.GoName, f)
		serverResponseWrite(api, r.GoName, r, f)
		serverOffers(api, r.GoName, r, f)
	}
}

// serverSharedResponse prints the alias of one use of a shared response,
// and the shared struct itself at its first use.
func serverSharedResponse(api *ir.API, op *ir.Operation, r *ir.Response, f *jen.File) {
	sh := r.Shared
	if sh.Uses[0] == r {
		users := make([]string, len(sh.Users))
		for i, u := range sh.Users {
			users[i] = u.GoName
		}
		lead := responseStatus(r) + " " + quote(sh.Component) + " (components/responses) of " + strings.Join(users, ", ") + "."
		serverResponseType(sh.TypeName, lead, r, f)
		for _, u := range sh.Users {
			serverResponseMarker(u, sh.TypeName, f)
		}
		serverResponseWrite(api, sh.TypeName, r, f)
		serverOffers(api, sh.TypeName, r, f)
	}
	f.Add(docComment(r.GoName + " is " + sh.TypeName + ", the " + responseStatus(r) + " of " + op.GoName + "."))
	f.Type().Id(r.GoName).Op("=").Id(sh.TypeName)
	f.Line()
}

// serverOffers prints the srvOffers method of a response whose media type
// depends on the bodies the handler set: a response with parts, or whose
// body is a body by media type.
func serverOffers(api *ir.API, name string, r *ir.Response, f *jen.File) {
	switch {
	case r.Parts != nil:
		partsOffers(name, r, f)
	case r.Type != nil && r.Type.Kind == ir.KindStruct:
		mediaBodyOffers(api, name, r, f)
	}
}

// responseStatus names a response by its status: "401 response", "default
// response".
func responseStatus(r *ir.Response) string {
	switch {
	case r.Class != 0:
		return r.Code() + " response (a status from " + strconv.Itoa(r.Class) + "00 to " + strconv.Itoa(r.Class) + "99)"
	case r.Status == 0:
		return "default response"
	}
	return strconv.Itoa(r.Status) + " response"
}

// serverResponseMarker marks the type name as a response of op.
func serverResponseMarker(op *ir.Operation, name string, f *jen.File) {
	f.Add(docComment(op.Server.Marker + " marks " + name + " as a " + op.Server.Response + "."))
	f.Func().Params(jen.Id(name)).Id(op.Server.Marker).Params().Block()
	f.Line()
}

// serverResponseType prints the struct of one response, named name.
func serverResponseType(name, lead string, r *ir.Response, f *jen.File) {
	f.Add(comment(name, "is the "+lead, r.Doc))
	f.Type().Id(name).StructFunc(func(g *jen.Group) {
		if r.Status == 0 {
			lo, hi := r.Bounds()
			text := fmt.Sprintf("Status is the HTTP status to answer with (%d to %d).", lo, hi)
			if r.Class != 0 {
				text += fmt.Sprintf("\n0 answers %d.", lo)
			}
			g.Add(docComment(text))
			g.Id("Status").Int()
		}
		switch {
		case r.Parts != nil:
			serverPartsBody(r, g)
		case r.Type != nil:
			serverResponseBody(r, g)
		}
		for _, h := range r.Headers {
			text := strings.TrimSpace(h.Doc)
			if text == "" {
				text = h.GoName + " is the " + h.Name + " header."
			}
			typ := goType(h.Type)
			if h.Pointer {
				typ = jen.Op("*").Add(typ)
				text += "\nThe header " + h.Name + " is sent when the field is not nil."
			} else {
				text += "\nThe header " + h.Name + " is sent when the field is not empty."
			}
			g.Add(docComment(text))
			g.Id(h.GoName).Add(typ)
		}
	})
	f.Line()
}

// serverResponseWrite prints the method by which a response writes itself:
// the body is encoded first, so an encoding failure can still answer 500.
func serverResponseWrite(api *ir.API, name string, r *ir.Response, f *jen.File) {
	status := jen.Lit(r.Status)
	if r.Status == 0 {
		status = jen.Id("v").Dot("Status")
	}
	f.Add(docComment("writeResponse writes " + name + ", in media m when it offers it."))
	f.Func().Params(jen.Id("v").Id(name)).Id("writeResponse").
		Params(jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("m").Id(rt.srvMedia)).Error().
		BlockFunc(func(g *jen.Group) {
			if r.Class != 0 {
				lo, _ := r.Bounds()
				g.If(jen.Id("v").Dot("Status").Op("==").Lit(0)).Block(jen.Id("v").Dot("Status").Op("=").Lit(lo))
			}
			if r.Status == 0 {
				lo, hi := r.Bounds()
				g.If(jen.Id("v").Dot("Status").Op("<").Lit(lo).Op("||").Id("v").Dot("Status").Op(">").Lit(hi)).
					Block(jen.Return(jen.Id(rt.errSrvResponseStatus)))
			}
			if r.Parts != nil {
				serverPartsWrite(api, r, status, g)
				return
			}
			if r.Type != nil && r.Type.Kind != ir.KindStream && !isText(r.Media) {
				args := []jen.Code{jen.Id("m"), serverWireBody(api, *r.Type, jen.Id("v").Dot("Body"), g)}
				for _, m := range r.Media {
					args = append(args, jen.Id(mediaIdent(m)))
				}
				g.List(jen.Id("e"), jen.Err()).Op(":=").Id(rt.srvEncode).Call(args...)
				g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
			}
			if len(r.Headers) > 0 {
				g.Id("h").Op(":=").Id("w").Dot("Header").Call()
				for _, h := range r.Headers {
					serverHeader(api, h, g)
				}
			}
			switch {
			case r.Type != nil && r.Events:
				send := jen.Id("v").Dot("Body")
				if r.EventData != nil {
					send = jen.Id(rt.srvTypedEvents).Call(send)
				}
				g.Return(jen.Id(rt.srvSendEvents).Call(jen.Id("w"), status, send))
				return
			case r.Type != nil && r.Type.Kind == ir.KindStream:
				g.Return(jen.Id(rt.srvSendStream).Call(jen.Id("w"), status, jen.Id("v").Dot("ContentType"),
					jen.Id(mediaIdent(r.Media[0])), jen.Id("v").Dot("Body")))
				return
			case r.Type != nil && isText(r.Media):
				args := []jen.Code{jen.Id("w"), status, jen.Id("m"), jen.Id("v").Dot("Body")}
				for _, m := range r.Media {
					args = append(args, jen.Id(mediaIdent(m)))
				}
				g.Id(rt.srvSendText).Call(args...)
			case r.Type != nil:
				g.Id("e").Dot("send").Call(jen.Id("w"), status)
			default:
				g.Id("w").Dot("WriteHeader").Call(status)
			}
			g.Return(jen.Nil())
		})
	f.Line()
}

// serverResponseBody prints the body fields of a response: the body, and
// for a stream its Content-Type.
func serverResponseBody(r *ir.Response, g *jen.Group) {
	if r.Events {
		serverEventsBody(r, g)
		return
	}
	if r.Type.Kind != ir.KindStream {
		g.Add(docComment("Body is the response body, written as " + mediaList(r.Media) + "."))
		g.Id("Body").Add(goType(*r.Type))
		return
	}
	g.Add(docComment("Body is the response body (" + mediaList(r.Media) + "), copied to the client as it is\n" +
		"read, never held in memory; it is closed when it is an io.Closer."))
	g.Id("Body").Add(goType(*r.Type))
	def := r.Media[0].Name
	if r.Media[0].Range {
		def = "application/octet-stream"
	}
	g.Add(docComment("ContentType is the body's Content-Type; empty means " + def + "."))
	g.Id("ContentType").String()
}

// isText reports whether a body's media types are text (a Go string).
func isText(ms []*ir.MediaType) bool { return len(ms) > 0 && ms[0].Codec == ir.MediaText }

// serverHeader prints the setting of one response header: a pointer is
// sent when set, a plain value when it is not its zero.
func serverHeader(api *ir.API, h *ir.Header, g *jen.Group) {
	field := jen.Id("v").Dot(h.GoName)
	if !h.Pointer {
		g.If(nonZero(api, h.Type, field.Clone())).Block(
			jen.Id("h").Dot("Set").Call(jen.Lit(h.Name), wireText(api, h.Type, field.Clone())))
		return
	}
	g.If(field.Clone().Op("!=").Nil()).Block(
		jen.Id("h").Dot("Set").Call(jen.Lit(h.Name), wireText(api, h.Type, jen.Op("*").Add(field.Clone()))))
}

// mediaIdent is the server's variable for a media type: the generated one
// of a declared type, else the runtime's for its codec.
func mediaIdent(m *ir.MediaType) string {
	if m.GoName != "" {
		return m.GoName
	}
	return [...]string{ir.MediaJSON: rt.srvMediaJSON, ir.MediaXML: rt.srvMediaXML, ir.MediaForm: rt.srvMediaForm,
		ir.MediaProblemJSON: rt.srvMediaProblemJSON}[m.Codec]
}

// codecIdent is the runtime's constant for a codec.
func codecIdent(c ir.Media) string {
	return [...]string{ir.MediaJSON: rt.srvCodecJSON, ir.MediaXML: rt.srvCodecXML, ir.MediaForm: rt.srvCodecForm,
		ir.MediaProblemJSON: rt.srvCodecJSON, ir.MediaStream: rt.srvCodecStream, ir.MediaText: rt.srvCodecText,
		ir.MediaMultipart: rt.srvCodecMultipart}[c]
}

// mediaList names media types for comments: "JSON or XML", the declared
// name of those that are not the runtime's own ("JSON or text/xml").
func mediaList(ms []*ir.MediaType) string {
	var names []string
	for _, m := range ms {
		name := m.Name
		if m.GoName == "" {
			name = [...]string{ir.MediaJSON: "JSON", ir.MediaXML: "XML", ir.MediaForm: "a form",
				ir.MediaProblemJSON: "problem+json"}[m.Codec]
		}
		names = append(names, name)
	}
	return strings.Join(names, " or ")
}

// serverWireBody is the value a response encodes: its body, or the body's
// wire twin when it holds secrets (see client_wire.go), so that a server
// sends their values.
func serverWireBody(api *ir.API, t ir.TypeRef, body *jen.Statement, g *jen.Group) jen.Code {
	need := wired
	switch {
	case clientSame(t, need):
		return jen.Op("&").Add(body.Clone())
	case t.Kind == ir.KindStruct:
		return clientWireValue(t, body.Clone(), need) // its secrets revealed
	case t.Kind == ir.KindArray && t.Elem.Kind == ir.KindStruct:
		g.Id("body").Op(":=").Make(clientWireType(t, need), jen.Len(body.Clone()))
		g.For(jen.Id("i").Op(":=").Range().Add(body.Clone())).Block(
			jen.Id("body").Index(jen.Id("i")).Op("=").Add(clientWireValue(*t.Elem, body.Clone().Index(jen.Id("i")), need)))
		return jen.Id("body")
	case t.Kind == ir.KindMap && (t.Elem.Kind == ir.KindStruct || t.Elem.Secret):
		g.Id("body").Op(":=").Make(clientWireType(t, need), jen.Len(body.Clone()))
		g.For(jen.List(jen.Id("k"), jen.Id("item")).Op(":=").Range().Add(body.Clone())).Block(
			jen.Id("body").Index(jen.Id("k")).Op("=").Add(clientWireValue(*t.Elem, jen.Id("item"), need)))
		return jen.Id("body")
	}
	// Deeper shapes (arrays of arrays) have no twin: the builder marks
	// structs and arrays of them only (Struct.Wire).
	return jen.Op("&").Add(body.Clone())
}

// serverEventsBody prints the body field of a text/event-stream response:
// the function that writes its events, each flushed as it is sent.
func serverEventsBody(r *ir.Response, g *jen.Group) {
	writer := jen.Op("*").Id(rt.SSEWriter)
	text := "Body writes the response's events (text/event-stream) after the\n" +
		"status: each Send is flushed to the client. Return when done; a failure\n" +
		"(the client gone) is logged. Nil answers no event."
	if r.EventData != nil {
		writer = jen.Id(rt.SSEWriterOf).Index(goType(*r.EventData))
		text += "\nEach event's data is the JSON of its Value."
	}
	g.Add(docComment(text))
	g.Id("Body").Func().Params(writer).Error()
}
