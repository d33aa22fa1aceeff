package emit

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// ExampleFile is the generated test file holding the package's runnable
// example, so that every generated package shows a call on pkg.go.dev.
const ExampleFile = "example_gen_test.go"

// packageExample prints Example: a call of the first operation the
// example can make unaided (no required parameter, no request body, a
// success response without a body or with a JSON example in the spec)
// against an httptest server answering with that example. When none
// qualifies, the Example calls the first operation and is compiled, not
// run (compiledExample). It reports false, printing nothing, when the
// package has no operation or declares Example itself.
func packageExample(api *ir.API, f *jen.File) bool {
	if len(api.Operations) == 0 || declares(api, "Example") {
		return false
	}
	i := slices.IndexFunc(api.Operations, exampleReady)
	if i < 0 {
		compiledExample(api, api.Operations[0], f)
		return true
	}
	op := api.Operations[i]
	status := op.Success.Status
	if status == 0 {
		status = 200
	}
	args, opts := exampleCredentials(api, op)
	args = append(append(args, jen.Id(rt.WithBaseURL).Call(jen.Id("srv").Dot("URL"))), opts...)
	call := []jen.Code{jen.Qual("context", "Background").Call()}
	if op.Params != nil {
		call = append(call, jen.Id(op.Params.GoName).Values())
	}
	f.Comment("Example calls " + op.GoName + " (" + op.Method + " " + op.Path + ") on a stand-in for the")
	if op.Success.Type != nil {
		f.Comment("API's server that answers with the spec's example of its " + strconv.Itoa(status) + " response.")
	} else {
		f.Comment("API's server that answers " + strconv.Itoa(status) + ", the operation's success.")
	}
	f.Func().Id("Example").Params().Block(
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(
			jen.Qual("net/http", "HandlerFunc").Call(jen.Func().Params(
				jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("_").Op("*").Qual("net/http", "Request")).Block(
				exampleAnswer(op.Success, status)...,
			))),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.Line(),
		jen.List(jen.Id("c"), jen.Err()).Op(":=").Id(rt.NewClient).Call(args...),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Qual("fmt", "Println").Call(jen.Err()),
			jen.Return(),
		),
		exampleCall(op, call),
		jen.Qual("fmt", "Println").Call(jen.Err()),
		jen.Comment("Output: <nil>"),
	)
	return true
}

// exampleReady reports whether the example can call op unaided.
func exampleReady(op *ir.Operation) bool {
	if op.Body != nil || op.Success == nil {
		return false
	}
	if op.Success.Type != nil && (op.Success.Example == "" || !ir.HasCodec(op.Success.Media, ir.MediaJSON)) {
		return false
	}
	return op.Params == nil || !slices.ContainsFunc(op.Params.Fields, func(f *ir.Field) bool { return f.Required })
}

// exampleCredentials are NewClient's arguments and the options that give
// the example's client credentials for op's first security alternative:
// placeholders, which the stand-in server does not check.
func exampleCredentials(api *ir.API, op *ir.Operation) (args, opts []jen.Code) {
	if p := api.ClientPair; p != nil {
		args = []jen.Code{jen.Lit(p.UserParam), jen.Lit(p.PasswordParam)}
	}
	if op.Security == nil || op.Security.Open() {
		return args, nil
	}
	given := map[*ir.Scheme]bool{api.ClientPair: api.ClientPair != nil}
	for _, s := range op.Security.Alternatives[0] {
		if s.Carrier != nil {
			s = s.Carrier
		}
		if given[s] {
			continue
		}
		given[s] = true
		if s.Kind == ir.SchemeBasic {
			opts = append(opts, jen.Id(s.Option).Call(jen.Lit("user"), jen.Lit("password")))
		} else {
			opts = append(opts, jen.Id(s.Option).Call(jen.Lit("example-credential")))
		}
	}
	return args, opts
}

// declares reports whether the package declares a type named name: a
// check of the name's collision, not a lookup of a type (TypeRef links).
func declares(api *ir.API, name string) bool {
	return slices.ContainsFunc(api.Structs, func(s *ir.Struct) bool { return s.GoName == name }) ||
		slices.ContainsFunc(api.Enums, func(e *ir.Enum) bool { return e.GoName == name })
}

// stringLit prints s as a raw string literal when it can be one (JSON
// reads better unescaped), else as an interpreted one.
func stringLit(s string) *jen.Statement {
	if strings.ContainsAny(s, "`\r") || !utf8.ValidString(s) {
		return jen.Lit(s)
	}
	return jen.Op("`" + s + "`")
}

// exampleAnswer is the stand-in server's answer: the status, and the
// spec's example as the JSON body when the response has one.
func exampleAnswer(r *ir.Response, status int) []jen.Code {
	if r.Type == nil {
		return []jen.Code{jen.Id("w").Dot("WriteHeader").Call(jen.Lit(status))}
	}
	return []jen.Code{
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Lit(status)),
		jen.Qual("fmt", "Fprint").Call(jen.Id("w"), stringLit(r.Example)),
	}
}

// exampleCall calls the operation's method, which returns the success
// body and an error, or only an error when the success has no body.
func exampleCall(op *ir.Operation, args []jen.Code) *jen.Statement {
	if op.Success.Type == nil {
		return jen.Err().Op("=").Id("c").Dot(op.GoName).Call(args...)
	}
	return jen.List(jen.Id("_"), jen.Err()).Op("=").Id("c").Dot(op.GoName).Call(args...)
}

// compiledExample prints an Example that shows a call of op against the
// API's own server: it has no Output comment, so go test compiles it and
// never runs it (no network), and pkg.go.dev shows it.
func compiledExample(api *ir.API, op *ir.Operation, f *jen.File) {
	args, opts := exampleCredentials(api, op)
	f.Comment("Example shows a call of " + op.GoName + " (" + op.Method + " " + op.Path + "). It is compiled,")
	f.Comment("not run: the spec gives no example answer for a stand-in server to send.")
	f.Func().Id("Example").Params().BlockFunc(func(g *jen.Group) {
		g.List(jen.Id("c"), jen.Err()).Op(":=").Id(rt.NewClient).Call(append(args, opts...)...)
		g.If(jen.Err().Op("!=").Nil()).Block(
			jen.Qual("fmt", "Println").Call(jen.Err()),
			jen.Return(),
		)
		call := []jen.Code{jen.Qual("context", "Background").Call()}
		if op.Params != nil {
			g.Var().Id("params").Id(op.Params.GoName).Comment("set the operation's parameters here")
			call = append(call, jen.Id("params"))
		}
		if op.Body != nil {
			g.Var().Id("body").Add(goType(op.Body.Type)).Comment("and its request body here")
			call = append(call, jen.Id("body"))
		}
		if op.Success == nil || op.Success.Type == nil {
			g.Err().Op("=").Id("c").Dot(op.GoName).Call(call...)
			g.Qual("fmt", "Println").Call(jen.Err())
			return
		}
		g.List(jen.Id("out"), jen.Err()).Op(":=").Id("c").Dot(op.GoName).Call(call...)
		g.If(jen.Err().Op("!=").Nil()).Block(
			jen.Qual("fmt", "Println").Call(jen.Err()),
			jen.Return(),
		)
		g.Qual("fmt", "Printf").Call(jen.Lit("%+v\n"), jen.Id("out"))
	})
}
