package build

import "github.com/nexmogen/nexmogen/generator/ir"

// requestByMedia makes a request body whose JSON and XML media types carry
// different schemas (Vonage Number Insight's callbacks send JSON of one
// schema and text/xml of another) a body by format, as a response's
// (mediabody.go): <Op>RequestBody with one pointer field per format. The
// caller sets one (or both: the client then sends the one it prefers);
// the server fills the field of the format the Content-Type names. A form
// among such media types is refused: which schema would it carry?
func (b *builder) requestByMedia(op *ir.Operation, body *ir.Body, formats []mediaSchema) *ir.Body {
	for _, m := range body.Alternatives {
		if !structured(m.Codec) {
			b.diags.Addf(formats[0].pos, "unsupported: media types of one request body with different schemas, a form among them (a body by format has JSON and XML only)")
			return nil
		}
	}
	t := b.byMediaStruct(op.GoName+"Request",
		"A bound request has the field of the format it came in set; a caller sets one (or both, and the client sends the one it prefers).",
		formats)
	body.Type = *t
	return body
}
