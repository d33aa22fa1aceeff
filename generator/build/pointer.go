package build

import (
	"regexp"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// pointer decides whether an input field (parameter or form field) is a
// pointer, so that absent and zero stay distinct: it is when the field is
// optional, its zero value is valid, and sending the zero would mean
// something other than leaving it out (it is not the default). An empty
// callback URL clears it, so moCallBackUrl is a *string; size has minimum 1
// and stays an int; search_pattern's zero is its default and stays a value.
func (b *builder) pointer(f *ir.Field, s *openapi3.Schema) bool {
	if f.Required {
		return false
	}
	switch f.Type.Kind {
	case ir.KindArray, ir.KindStruct:
		return false
	}
	zero := zeroOf(f.Type, s)
	if zero == nil || !zeroValid(zero, s) {
		return false
	}
	return f.Default == nil || f.Default != zero
}

// zeroOf is the Go zero value of a scalar field as an IR literal.
func zeroOf(t ir.TypeRef, s *openapi3.Schema) any {
	switch t.Kind {
	case ir.KindString:
		return ""
	case ir.KindBool:
		return false
	case ir.KindInt:
		return int64(0)
	case ir.KindFloat:
		return float64(0)
	case ir.KindEnum:
		switch {
		case s.Type.Is("string"):
			return ""
		case s.Type.Is("integer"):
			return int64(0)
		case s.Type.Is("number"):
			return float64(0)
		case s.Type.Is("boolean"):
			return false
		}
	}
	return nil
}

// zeroValid reports whether the zero value passes every rule of s.
func zeroValid(zero any, s *openapi3.Schema) bool {
	if len(s.Enum) > 0 && !slices.ContainsFunc(s.Enum, func(v any) bool { return sameLiteral(v, zero) }) {
		return false
	}
	if str, ok := zero.(string); ok {
		if s.MinLength > 0 || checkedFormats[s.Format] {
			return false
		}
		if re, err := regexp.Compile(s.Pattern); err == nil && s.Pattern != "" && !re.MatchString(str) {
			return false
		}
	}
	if (s.Min != nil && *s.Min > 0) || (s.Max != nil && *s.Max < 0) {
		return false
	}
	for _, part := range s.AllOf {
		if part.Value != nil && !zeroValid(zero, part.Value) {
			return false
		}
	}
	return true
}

// sameLiteral compares a decoded YAML value with an IR literal.
func sameLiteral(v, lit any) bool {
	switch l := lit.(type) {
	case int64:
		f, ok := v.(float64)
		return ok && f == float64(l)
	default:
		return v == lit
	}
}
