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
	case ir.KindString, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindEnum, ir.KindTime, ir.KindDate, ir.KindBytes,
		ir.KindAny, ir.KindMap, ir.KindGo, ir.KindUnion, ir.KindStream:
		// zeroOf decides.
	default:
		panic(unknownKind("pointer", f.Type.Kind))
	}
	zero := zeroOf(f.Type, s)
	if zero.Kind == ir.LitNone || !zeroValid(zero, s) {
		return false
	}
	return f.Default == nil || !f.Default.Equal(zero)
}

// zeroOf is the Go zero value of a scalar field as an IR literal, or the
// zero Literal (LitNone) for a field of another kind (or an enum without
// type).
func zeroOf(t ir.TypeRef, s *openapi3.Schema) ir.Literal {
	switch t.Kind {
	case ir.KindString:
		return ir.StringLit("")
	case ir.KindBool:
		return ir.BoolLit(false)
	case ir.KindInt:
		return ir.IntLit(0)
	case ir.KindFloat:
		return ir.FloatLit(0)
	case ir.KindEnum:
		switch {
		case s.Type.Is("string"):
			return ir.StringLit("")
		case s.Type.Is("integer"):
			return ir.IntLit(0)
		case s.Type.Is("number"):
			return ir.FloatLit(0)
		case s.Type.Is("boolean"):
			return ir.BoolLit(false)
		}
	case ir.KindStruct, ir.KindArray, ir.KindTime, ir.KindDate, ir.KindBytes, ir.KindAny, ir.KindMap,
		ir.KindGo, ir.KindUnion, ir.KindStream:
	default:
		panic(unknownKind("zeroOf", t.Kind))
	}
	return ir.Literal{}
}

// zeroValid reports whether the zero value passes every rule of s.
func zeroValid(zero ir.Literal, s *openapi3.Schema) bool {
	if len(s.Enum) > 0 && !slices.ContainsFunc(s.Enum, func(v any) bool { return sameLiteral(v, zero) }) {
		return false
	}
	if zero.Kind == ir.LitString {
		str := zero.Str
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

// sameLiteral compares a value the loader decoded with a scalar literal.
func sameLiteral(v any, l ir.Literal) bool {
	switch l.Kind {
	case ir.LitString:
		return v == any(l.Str)
	case ir.LitInt:
		f, ok := v.(float64)
		return ok && f == float64(l.Int)
	case ir.LitFloat:
		return v == any(l.Float)
	case ir.LitBool:
		return v == any(l.Bool)
	case ir.LitNone, ir.LitTime, ir.LitDate, ir.LitBytes, ir.LitJSON:
	}
	panic("build: sameLiteral of a " + l.Kind.String() + " literal")
}
