package emit

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// The client's files: client_operations.go has one method per operation
// (validate, encode, send through the runtime's Client.do, return the
// decoded answer); the static runtime (Client, options, errors, retries,
// decoding) comes from the templates client*.go.tmpl.

// clientOperations prints one Client method per operation.
func clientOperations(api *ir.API, f *jen.File) {
	for _, op := range api.Operations {
		clientMethodDoc(f, op)
		f.Func().Params(jen.Id("c").Op("*").Id(rt.Client)).Id(op.GoName).
			Params(clientInputs(api, op)...).
			Add(clientResults(op)).
			BlockFunc(func(g *jen.Group) { clientMethodBody(api, op, g) })
		f.Line()
	}
}

// clientMethodDoc documents an operation's method: its summary, the call
// on the wire, the spec's description, and whether it is retried.
func clientMethodDoc(f *jen.File, op *ir.Operation) {
	lead := fmt.Sprintf("calls %s %s (%s)", op.Method, op.Path, op.ID)
	if s := strings.TrimSpace(op.Summary); s != "" {
		lead += ": " + clientLowerFirst(strings.TrimSuffix(s, "."))
	}
	text := strings.TrimSpace(op.Description)
	if op.Idempotent {
		text += "\n\nThe call is safe to repeat: it is retried on 429, 5xx and connection\n" +
			"failures, as the client's RetryPolicy allows."
	} else {
		text += "\n\nThe call is not safe to repeat: it is resent only when the connection\n" +
			"could not be opened. When it may have reached the server but its answer\n" +
			"was lost, the error matches ErrOutcomeUnknown."
	}
	if op.Body != nil && op.Body.Media.Codec == ir.MediaStream {
		text += "\n\nThe body is streamed as it is read, never held in memory, and never\n" +
			"closed by the client. A retry resends it only when it is an io.Seeker\n" +
			"(an *os.File, a *bytes.Reader): it is sought back to where it stood;\n" +
			"any other body is sent once."
	}
	switch {
	case op.Success != nil && op.Success.Events:
		text += "\n\nThe answer is a stream of server-sent events: range over its All to\n" +
			"read them as they arrive (or read its Body as bytes), then close it.\n" +
			"Called WithSSEReconnect, it resumes a cut stream after its last event\n" +
			"(the Last-Event-ID header); WithLastEventID starts after a given one."
	case op.Success != nil && op.Success.Type != nil && op.Success.Type.Kind == ir.KindStream:
		text += "\n\nThe answer's Body is streamed: read it, then close it."
	case op.Success != nil && op.Success.Parts != nil:
		text += "\n\nThe answer comes as one of several kinds of body: the field of the\n" +
			"one the answer's Content-Type names is set (a streamed one read, then\n" +
			"closed). WithAccept asks for the one the call wants."
	}
	text += clientAnswersDoc(op)
	if op.Deprecated {
		text += "\n\nDeprecated: the spec marks " + quote(op.ID) + " deprecated."
	}
	f.Add(comment(op.GoName, lead+".", text))
}

// clientInputs are a method's parameters: ctx, then params, then body,
// then the call's options.
func clientInputs(api *ir.API, op *ir.Operation) []jen.Code {
	in := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	if op.Params != nil {
		in = append(in, jen.Id("params").Id(op.Params.GoName))
	}
	if op.Body != nil {
		in = append(in, jen.Id("body").Add(goType(op.Body.Type)))
		if op.Body.Media.Range {
			in = append(in, jen.Id("contentType").String())
		}
	}
	return append(in, jen.Id("opts").Op("...").Id(rt.CallOption))
}

// clientResult is the type an operation's method returns besides its
// error; nil when its success answer has no body.
func clientResult(op *ir.Operation) *jen.Statement {
	if op.Success == nil || op.Success.Type == nil {
		return nil
	}
	switch op.Success.Type.Kind {
	case ir.KindStruct, ir.KindUnion:
		return jen.Op("*").Id(op.Success.Type.Name)
	case ir.KindStream:
		return jen.Op("*").Add(clientStreamType(op.Success))
	case ir.KindString, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindEnum, ir.KindArray, ir.KindTime, ir.KindDate,
		ir.KindBytes, ir.KindAny, ir.KindMap, ir.KindGo:
		return goType(*op.Success.Type)
	}
	panic(unknownKind("clientResult", op.Success.Type.Kind))
}

// clientResults prints a method's results.
func clientResults(op *ir.Operation) *jen.Statement {
	if t := clientResult(op); t != nil {
		return jen.Params(t, jen.Error())
	}
	return jen.Error()
}

// clientFail prints the return of a failure.
func clientFail(op *ir.Operation, err jen.Code) *jen.Statement {
	switch t := op.Success; {
	case t == nil || t.Type == nil:
		return jen.Return(err)
	case named(*t.Type) || t.Type.Kind == ir.KindArray || t.Type.Kind == ir.KindStream:
		return jen.Return(jen.Nil(), err)
	}
	return jen.Return(jen.Op("*").New(goType(*op.Success.Type)), err)
}

// clientMethodBody prints: defaults and validation of the inputs, the
// request, the call and the answer.
func clientMethodBody(api *ir.API, op *ir.Operation, g *jen.Group) {
	if op.Params != nil {
		clientCheck(op, op.Params, "params", g)
	}
	if op.Body != nil && named(op.Body.Type) {
		if st := op.Body.Type.Struct; st != nil {
			clientCheck(op, st, "body", g)
		}
	}
	g.Id("r").Op(":=").Op("&").Id(rt.request).Values(jen.DictFunc(func(d jen.Dict) {
		d[jen.Id("op")] = jen.Lit(clientLabel(op))
		d[jen.Id("id")] = jen.Lit(op.ID)
		d[jen.Id("method")] = clientMethodConst(op.Method)
		if names := clientReserved(op.Params); len(names) > 0 {
			d[jen.Id("reserved")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
				for _, n := range names {
					g.Lit(n)
				}
			})
		}
		if names := clientHeaderNames(op.Params); len(names) > 0 {
			d[jen.Id("headers")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
				for _, n := range names {
					g.Lit(n)
				}
			})
		}
		d[jen.Id("path")] = clientPath(api, op)
		d[jen.Id("idempotent")] = jen.Lit(op.Idempotent)
		if op.Security != nil && op.Security.Index != 0 {
			d[jen.Id("security")] = jen.Lit(op.Security.Index)
		}
		if op.Accept.Fixed != "" {
			d[jen.Id("accept")] = jen.Lit(op.Accept.Fixed)
		}
		if op.Accept.JSON != "" {
			d[jen.Id("acceptJSON")] = jen.Lit(op.Accept.JSON)
		}
		if op.Accept.XML != "" {
			d[jen.Id("acceptXML")] = jen.Lit(op.Accept.XML)
		}
		if op.ServerURL != "" {
			d[jen.Id("server")] = jen.Lit(op.ServerURL)
		}
		if op.Success != nil && isText(op.Success.Media) {
			d[jen.Id("text")] = jen.True()
		}
		if answers := clientAnswers(op); answers != nil {
			d[jen.Id("answers")] = answers
		}
	}))
	clientParams(op, ir.InQuery, "query", "encodeQuery", g)
	clientParams(op, ir.InHeader, "header", "encodeHeader", g)
	clientParams(op, ir.InCookie, "cookies", "encodeCookie", g)
	if op.Body != nil {
		clientBody(api, op, g)
	}
	clientSecrets(api, op, g)
	clientCall(op, g)
}

// clientParams puts the parameters of op that travel in in into the
// request's field: by their encoder, whose failure (a JSON text that
// cannot be written) is the call's.
func clientParams(op *ir.Operation, in ir.In, field, method string, g *jen.Group) {
	if op.Params == nil || !clientHas(op.Params, in) {
		return
	}
	if !clientEncodeFails(op.Params, in) {
		g.Id("r").Dot(field).Op("=").Id("params").Dot(method).Call()
		return
	}
	g.If(jen.List(jen.Id("v"), jen.Err()).Op(":=").Id("params").Dot(method).Call(), jen.Err().Op("!=").Nil()).Block(
		clientFail(op, jen.Id(rt.invalidInput).Call(jen.Lit(clientLabel(op)), jen.Err())),
	).Else().Block(jen.Id("r").Dot(field).Op("=").Id("v"))
}

// clientLabel is the method an operation's errors name (APIError's
// Operation): the Client's, or the hook sender's.
func clientLabel(op *ir.Operation) string {
	if op.Hook != nil {
		return op.Hook.Method
	}
	return op.GoName
}

// clientCheck applies the defaults of an input and validates it.
func clientCheck(op *ir.Operation, st *ir.Struct, name string, g *jen.Group) {
	if st.Defaults {
		g.Id(name).Dot("ApplyDefaults").Call()
	}
	if st.Validate {
		g.If(jen.Err().Op(":=").Id(name).Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Block(
			clientFail(op, jen.Id(rt.invalidInput).Call(jen.Lit(clientLabel(op)), jen.Err())),
		)
	}
}

// clientBody encodes the request body: a form, or JSON.
func clientBody(api *ir.API, op *ir.Operation, g *jen.Group) {
	if st := op.Body.Type.Struct; st != nil && st.ByMedia != nil {
		value := jen.Op("&").Id("body")
		if wired(st) {
			g.Id("wire").Op(":=").Id("body").Dot("wire").Call() // its formats' secrets revealed
			value = jen.Op("&").Id("wire")
		}
		clientByMedia(api, op, st, value, g)
		return
	}
	switch op.Body.Media.Codec {
	case ir.MediaForm:
		if st := op.Body.Type.Struct; st != nil && st.Role == ir.RoleModel {
			// A model with nested objects, under deepObject-style keys.
			g.Id("v").Op(":=").Make(jen.Qual("net/url", "Values"))
			g.Id("body").Dot("appendForm").Call(jen.Id("v"), jen.Lit(""))
			g.Id("r").Dot("body").Op("=").Index().Byte().Call(jen.Id("v").Dot("Encode").Call())
		} else {
			g.Id("r").Dot("body").Op("=").Index().Byte().Call(jen.Id("body").Dot("encodeForm").Call().Dot("Encode").Call())
		}
		g.Id("r").Dot("contentType").Op("=").Lit("application/x-www-form-urlencoded")
	case ir.MediaMultipart:
		clientMultipart(api, op, op.Body.Type.Struct, jen.Id("body"), g)
	case ir.MediaStream:
		g.Id("r").Dot("stream").Op("=").Id("body")
		contentType := jen.Lit(op.Body.Media.Name)
		if op.Body.Media.Range {
			contentType = jen.Id("contentType")
		}
		g.Id("r").Dot("contentType").Op("=").Add(contentType)
	case ir.MediaText:
		g.Id("r").Dot("body").Op("=").Index().Byte().Call(jen.Id("body"))
		g.Id("r").Dot("contentType").Op("=").Lit(op.Body.Media.Name + "; charset=utf-8")
	default:
		// A pointer, so that encoding/json also finds the methods of
		// pointer receivers (a user's *big.Float's MarshalText) on the
		// fields.
		value := jen.Op("&").Id("body")
		if op.Body.Type.Kind == ir.KindStruct && wired(op.Body.Type.Struct) {
			g.Id("wire").Op(":=").Id("body").Dot("wire").Call() // its secrets revealed
			value = jen.Op("&").Id("wire")
		}
		if len(op.Body.Alternatives) > 0 {
			clientAlternatives(api, op, value, g)
			return
		}
		g.List(jen.Id("b"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(value)
		g.If(jen.Err().Op("!=").Nil()).Block(
			clientFail(op, jen.Id(rt.invalidInput).Call(jen.Lit(clientLabel(op)), jen.Err())),
		)
		g.Id("r").Dot("body").Op("=").Id("b")
		g.Id("r").Dot("contentType").Op("=").Lit(op.Body.Media.Name)
	}
}

// clientAlternatives encodes a body declared in several media types in
// the one the client prefers (encodeBody): JSON or XML of value, or a form
// of the body (appendForm) when one is declared and sendsForm says so.
func clientAlternatives(api *ir.API, op *ir.Operation, value *jen.Statement, g *jen.Group) {
	args := []jen.Code{jen.Id("r"), value}
	var all []jen.Code
	for _, m := range op.Body.Alternatives {
		all = append(all, jen.Lit(m.Name))
		if m.Codec != ir.MediaForm {
			args = append(args, jen.Lit(m.Name))
		}
	}
	stmt := jen.If(jen.Err().Op(":=").Id("c").Dot("encodeBody").Call(args...), jen.Err().Op("!=").Nil()).Block(
		clientFail(op, jen.Id(rt.invalidInput).Call(jen.Lit(clientLabel(op)), jen.Err())),
	)
	if ir.HasCodec(op.Body.Alternatives, ir.MediaForm) {
		stmt = jen.If(jen.Id("c").Dot("sendsForm").Call(all...)).Block(
			jen.Id("v").Op(":=").Make(jen.Qual("net/url", "Values")),
			jen.Id("body").Dot("appendForm").Call(jen.Id("v"), jen.Lit("")),
			jen.Id("r").Dot("body").Op("=").Index().Byte().Call(jen.Id("v").Dot("Encode").Call()),
			jen.Id("r").Dot("contentType").Op("=").Lit("application/x-www-form-urlencoded"),
		).Else().Add(stmt)
	}
	g.Add(stmt)
}

// clientMultipart streams a multipart/form-data body (body, of struct
// st): its text and JSON
// parts (encodeForm; the JSON ones under their Content-Type), then its
// file parts, one per reader of a file or an array of files.
func clientMultipart(api *ir.API, op *ir.Operation, st *ir.Struct, body *jen.Statement, g *jen.Group) {
	fields, types := jen.Nil(), jen.Nil()
	if clientHas(st, ir.InForm) {
		fields = body.Clone().Dot("encodeForm").Call()
		if clientEncodeFails(st, ir.InForm) {
			g.List(jen.Id("fields"), jen.Err()).Op(":=").Add(fields)
			g.If(jen.Err().Op("!=").Nil()).Block(
				clientFail(op, jen.Id(rt.invalidInput).Call(jen.Lit(clientLabel(op)), jen.Err())),
			)
			fields = jen.Id("fields")
		}
	}
	d := jen.Dict{}
	for _, fd := range st.Fields {
		if fd.In == ir.InForm && fd.PartType != "" {
			d[jen.Lit(fd.Name)] = jen.Lit(fd.PartType)
		}
	}
	if len(d) > 0 {
		types = jen.Map(jen.String()).String().Values(d)
	}
	files := jen.Index().Id(rt.filePart).ValuesFunc(func(g *jen.Group) {
		for _, fd := range st.Fields {
			readers := body.Clone().Dot(fd.GoName)
			switch {
			case fd.Type.Kind == ir.KindStream:
				readers = jen.Index().Qual("io", "Reader").Values(readers)
			case fd.Type.Kind == ir.KindArray && fd.Type.Elem.Kind == ir.KindStream:
			default:
				continue
			}
			g.Values(jen.Lit(fd.Name), jen.Lit(fd.PartType), readers)
		}
	})
	g.List(jen.Id("r").Dot("stream"), jen.Id("r").Dot("contentType"), jen.Id("r").Dot("owned")).Op("=").
		Id(rt.multipartBody).Call(fields, types, files)
}

// clientCall sends the request and returns the answer.
func clientCall(op *ir.Operation, g *jen.Group) {
	res := clientResult(op)
	if res == nil {
		g.Return(jen.Id("c").Dot("do").Call(jen.Id("ctx"), jen.Id("r"), jen.Nil(), jen.Id("opts").Op("...")))
		return
	}
	target := jen.Op("&").Id("out")
	switch op.Success.Type.Kind {
	case ir.KindStruct, ir.KindUnion:
		g.Id("out").Op(":=").New(jen.Id(op.Success.Type.Name))
		target = jen.Id("out")
		if op.Success.Parts != nil {
			target = jen.Id(rt.answerInto).Call(jen.Id("out"))
		}
	case ir.KindStream:
		g.Id("out").Op(":=").New(clientStreamType(op.Success))
		target = jen.Id("out")
	case ir.KindString, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindEnum, ir.KindArray, ir.KindTime, ir.KindDate,
		ir.KindBytes, ir.KindAny, ir.KindMap, ir.KindGo:
		g.Var().Id("out").Add(res)
	default:
		panic(unknownKind("clientCall", op.Success.Type.Kind))
	}
	g.If(jen.Err().Op(":=").Id("c").Dot("do").Call(jen.Id("ctx"), jen.Id("r"), target, jen.Id("opts").Op("...")), jen.Err().Op("!=").Nil()).Block(
		clientFail(op, jen.Err()),
	)
	if clientHasEmpty(op) {
		g.If(jen.Id("r").Dot("empty")).Block(clientEmpty(op))
	}
	g.Return(jen.Id("out"), jen.Nil())
}

// clientPath prints the escaped path: literal segments, and path
// parameters escaped with url.PathEscape (escapePathValue in a segment
// with literal text, which escapes that text's bytes as well).
func clientPath(api *ir.API, op *ir.Operation) *jen.Statement {
	var parts []jen.Code
	rest := ir.PathOnWire(op.Path)
	for rest != "" {
		open := strings.IndexByte(rest, '{')
		end := strings.IndexByte(rest, '}')
		if open < 0 || end < open {
			parts = append(parts, jen.Lit(rest))
			break
		}
		if open > 0 {
			parts = append(parts, jen.Lit(rest[:open]))
		}
		name := rest[open+1 : end]
		if f := clientField(op.Params, ir.InPath, name); f != nil && styledPath(f) {
			parts = append(parts, clientStyled(api, f, jen.Id("params").Dot(f.GoName)))
		} else if f != nil {
			v := wireText(api, f.Type, jen.Id("params").Dot(f.GoName))
			if f.PathReserved != "" {
				parts = append(parts, jen.Id(rt.escapePathValue).Call(v, jen.Lit(f.PathReserved)))
			} else {
				parts = append(parts, jen.Qual("net/url", "PathEscape").Call(v))
			}
		}
		rest = rest[end+1:]
	}
	if len(parts) == 0 {
		return jen.Lit("")
	}
	s := jen.Add(parts[0])
	for _, p := range parts[1:] {
		s.Op("+").Add(p)
	}
	return s
}

// clientReserved are the names of the query parameters of st whose values
// keep their reserved characters (allowReserved).
func clientReserved(st *ir.Struct) []string {
	var out []string
	if st != nil {
		for _, f := range st.Fields {
			if f.In == ir.InQuery && f.AllowReserved {
				out = append(out, f.Name)
			}
		}
	}
	return out
}

// clientField finds a field of st by place and wire name.
func clientField(st *ir.Struct, in ir.In, name string) *ir.Field {
	if st == nil {
		return nil
	}
	for _, f := range st.Fields {
		if f.In == in && f.Name == name {
			return f
		}
	}
	return nil
}

// clientHeaderNames are the wire names of the header parameters of st,
// which a call's WithHeader cannot give.
func clientHeaderNames(st *ir.Struct) []string {
	if st == nil {
		return nil
	}
	var names []string
	for _, f := range st.Fields {
		if f.In == ir.InHeader {
			names = append(names, f.Name)
		}
	}
	return names
}

// clientHas reports whether st has a field travelling in in.
func clientHas(st *ir.Struct, in ir.In) bool {
	for _, f := range st.Fields {
		if f.In == in {
			return true
		}
	}
	return false
}

// clientMethodConst prints an HTTP method as net/http's constant.
func clientMethodConst(method string) *jen.Statement {
	switch method {
	case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE":
		return jen.Qual("net/http", "Method"+method[:1]+strings.ToLower(method[1:]))
	}
	return jen.Lit(method)
}

// clientLowerFirst lowers the first letter of a sentence, unless its first
// word is an acronym ("SMS pricing" stays).
func clientLowerFirst(s string) string {
	word, _, _ := strings.Cut(s, " ")
	if len(word) > 1 && strings.ToUpper(word) == word {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// clientStreamType is the runtime type of a streamed answer: Stream, or
// for server-sent events SSEStream, or SSEStreamOf of the events' data type.
func clientStreamType(r *ir.Response) *jen.Statement {
	switch {
	case r.EventData != nil:
		return jen.Id(rt.SSEStreamOf).Index(goType(*r.EventData))
	case r.Events:
		return jen.Id(rt.SSEStream)
	}
	return jen.Id(rt.Stream)
}
