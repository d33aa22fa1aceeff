package build

import (
	"math"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// checkedFormats are the string formats whose values kin-openapi checks
// and the generated validators do not: outside the supported subset.
// binary and byte are file contents, not text.
var checkedFormats = map[string]bool{"date": true, "date-time": true, "byte": true, "binary": true}

// stringFormat reports a string format outside the supported subset.
// password makes a Secret; every other format (uri, url, email, uuid, ...)
// is an annotation: the value is a plain, unchecked string, as OpenAPI 3.0
// lets a tool do with a format it does not know.
func (b *builder) stringFormat(s *openapi3.Schema) {
	if checkedFormats[s.Format] {
		b.diags.Addf(b.fieldPos(s.Origin, "format"), "unsupported: string format %q", s.Format)
	}
}

// formatRules are the bounds a numeric format implies: an int32 holds
// what 32 bits hold, checked unless the schema states its own bound.
func (b *builder) formatRules(s *openapi3.Schema) []*ir.Rule {
	if s.Format != "int32" || !s.Type.Is("integer") {
		return nil
	}
	at := b.fieldPos(s.Origin, "format")
	var out []*ir.Rule
	if s.Min == nil {
		out = append(out, &ir.Rule{Kind: ir.RuleMinimum, Pos: at, Bound: int64(math.MinInt32)})
	}
	if s.Max == nil {
		out = append(out, &ir.Rule{Kind: ir.RuleMaximum, Pos: at, Bound: int64(math.MaxInt32)})
	}
	return out
}
