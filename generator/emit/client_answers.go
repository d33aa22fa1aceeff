package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// clientAnswers prints an operation's declared responses for the runtime
// (request.answers, client_answers.go) when one of them changes how an
// answer is read: a 2xx without a body beside a success with one, which
// then succeeds with no value, or a failure with a typed body, which
// becomes a *TypedError. nil when none does.
func clientAnswers(op *ir.Operation) *jen.Statement {
	if !clientHasEmpty(op) && !clientHasTypedFailure(op) {
		return nil
	}
	plain := broadAnswer(op)
	return jen.Index().Id(rt.reply).ValuesFunc(func(g *jen.Group) {
		for _, r := range op.Responses {
			if r.Type != nil && clientFailOf(r) == nil && !plain {
				continue // read as it always is, and no range or default would take it
			}
			g.Values(jen.DictFunc(func(d jen.Dict) {
				if r.Status != 0 {
					d[jen.Id("status")] = jen.Lit(r.Status)
				}
				if r.Class != 0 {
					d[jen.Id("class")] = jen.Lit(r.Class)
				}
				if r.Type == nil {
					d[jen.Id("empty")] = jen.True()
				}
				if fail := clientFailOf(r); fail != nil {
					d[jen.Id("fail")] = fail
				}
			}))
		}
	})
}

// broadAnswer reports whether a range or "default" of an operation reads
// differently from a plain answer (it is empty or a typed failure): the
// exact statuses with a body are then listed too, so that they are not
// taken for it.
func broadAnswer(op *ir.Operation) bool {
	for _, r := range op.Responses {
		if r.Status == 0 && (r.Type == nil || clientFailOf(r) != nil) {
			return true
		}
	}
	return false
}

// clientHasEmpty reports whether an operation whose success has a body
// declares a 2xx response without one (a 204 beside a 200).
func clientHasEmpty(op *ir.Operation) bool {
	if clientResult(op) == nil {
		return false
	}
	for _, r := range op.Responses {
		if r.Type == nil && r.Success() {
			return true
		}
	}
	return false
}

// clientHasTypedFailure reports whether an operation declares a failure
// with a body the client decodes.
func clientHasTypedFailure(op *ir.Operation) bool {
	for _, r := range op.Responses {
		if clientFailOf(r) != nil {
			return true
		}
	}
	return false
}

// clientFailOf is the runtime's decoder of a failure's body (failOf[T],
// failText); nil for a success, a response without a body, or one whose
// body is a stream (the *APIError keeps its bytes).
func clientFailOf(r *ir.Response) *jen.Statement {
	if r.Type == nil || !r.Failure() || r.Type.Kind == ir.KindStream {
		return nil
	}
	if isText(r.Media) {
		return jen.Id(rt.failText)
	}
	return jen.Id(rt.failOf).Index(goType(*r.Type))
}

// clientEmpty prints the return of a call answered with a declared 2xx
// status without a body: no value (nil, or the zero of a value type) and
// no error.
func clientEmpty(op *ir.Operation) *jen.Statement { return clientFail(op, jen.Nil()) }

// clientAnswersDoc documents what the declared responses change: the
// statuses that succeed without a value, and the typed error of each
// failure with a body.
func clientAnswersDoc(op *ir.Operation) string {
	var text string
	if clientHasEmpty(op) {
		var codes []string
		for _, r := range op.Responses {
			if r.Type == nil && r.Success() {
				codes = append(codes, r.Code())
			}
		}
		zero := "a nil value"
		if t := op.Success.Type; !named(*t) && t.Kind != ir.KindArray && t.Kind != ir.KindStream {
			zero = "the zero value"
		}
		text += "\n\nAn answer of " + strings.Join(codes, " or ") + ", declared without a body, returns " + zero +
			"\nand no error; WithResponse's StatusCode tells which status came back."
	}
	var types []string
	codes := map[string][]string{}
	for _, r := range op.Responses {
		if f := clientFailOf(r); f != nil {
			typ := "string"
			if !isText(r.Media) {
				typ = fmt.Sprintf("%#v", goType(*r.Type))
			}
			if codes[typ] == nil {
				types = append(types, typ)
			}
			codes[typ] = append(codes[typ], r.Code())
		}
	}
	if len(types) > 0 {
		text += "\n\nA failure whose body decodes as declared is, for errors.As, a typed\nerror whose Value is the body:\n"
		for _, typ := range types {
			text += "\n  - " + strings.Join(codes[typ], ", ") + ": *" + rt.TypedError + "[" + typ + "]"
		}
	}
	return text
}
