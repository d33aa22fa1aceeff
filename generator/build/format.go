package build

import (
	"math"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// formatKinds are the string formats with a Go type of their own (see the
// README's supported-subset table). binary is file contents: as a
// property of a JSON document it is base64 text, like byte.
var formatKinds = map[string]ir.Kind{
	"date-time": ir.KindTime,
	"date":      ir.KindDate,
	"byte":      ir.KindBytes,
	"binary":    ir.KindBytes,
}

// checkedFormats are the string formats that stay strings and that the
// generated validators check (RuleFormat), with the runtime's check of
// each (formats.go). password makes a Secret; every other format is an
// annotation: the value is a plain, unchecked string, as OpenAPI 3.0 lets a
// tool do with a format it does not know.
var checkedFormats = map[string]bool{
	"uuid": true, "email": true, "hostname": true, "uri": true, "ipv4": true, "ipv6": true, "time": true, "duration": true,
}

// formatKind reports a kind that a string format makes.
func formatKind(k ir.Kind) bool {
	return k == ir.KindTime || k == ir.KindDate || k == ir.KindBytes
}

// stringKind is the kind of a string schema: its format's, or a string.
func stringKind(s *openapi3.Schema) ir.Kind {
	if k, ok := formatKinds[s.Format]; ok {
		return k
	}
	return ir.KindString
}

// formatRule is the check of a string schema's checked format, or nil.
func (b *builder) formatRule(s *openapi3.Schema) *ir.Rule {
	if !checkedFormats[s.Format] || !s.Type.Is("string") {
		return nil
	}
	return &ir.Rule{Kind: ir.RuleFormat, Pos: b.fieldPos(s.Origin, "format"), Format: s.Format}
}

// formatRules are the bounds a numeric format implies (an int32 holds
// what 32 bits hold, checked unless the schema states its own bound) and
// the check of a string format.
func (b *builder) formatRules(s *openapi3.Schema) []*ir.Rule {
	if r := b.formatRule(s); r != nil {
		return []*ir.Rule{r}
	}
	if s.Format != "int32" || !s.Type.Is("integer") {
		return nil
	}
	at := b.fieldPos(s.Origin, "format")
	var out []*ir.Rule
	if s.Min == nil {
		out = append(out, &ir.Rule{Kind: ir.RuleMinimum, Pos: at, Bound: ir.IntLit(math.MinInt32)})
	}
	if s.Max == nil {
		out = append(out, &ir.Rule{Kind: ir.RuleMaximum, Pos: at, Bound: ir.IntLit(math.MaxInt32)})
	}
	return out
}
