package emit

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// valueChecks prints the checks of rules on the value v, of type t, of
// field fd.
func valueChecks(api *ir.API, fd *ir.Field, t ir.TypeRef, rules []*ir.Rule, v *jen.Statement) []jen.Code {
	var out []jen.Code
	for _, r := range rules {
		if c := ruleCheck(api, fd, t, r, v); c != nil {
			out = append(out, c)
		}
	}
	if named(t) {
		if st := t.Struct; st != nil && st.Validate {
			failed := jen.Err()
			if fd.In != ir.InBody {
				// A parameter's or form field's object or union: its
				// failures are the parameter's.
				failed = jen.Id(rt.validationAt).Call(jen.Err(), jen.Lit(inName(fd.In)), jen.Lit(fd.Name), jen.Lit(st.Name))
			}
			out = append(out, jen.If(jen.Err().Op(":=").Add(v.Clone()).Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Block(
				jen.Id("errs").Op("=").Append(jen.Id("errs"), failed)))
		}
	}
	return out
}

// ruleCheck prints one rule: if the value breaks it, a *ValidationError is
// appended to errs.
func ruleCheck(api *ir.API, fd *ir.Field, t ir.TypeRef, r *ir.Rule, v *jen.Statement) jen.Code {
	var cond, limit, value *jen.Statement
	rule := ruleName(r)
	switch r.Kind {
	case ir.RuleRequired:
		return nil
	case ir.RulePattern:
		cond = jen.Op("!").Add(patternMatch(r.Pattern, wireString(api, t, v)))
		limit = jen.Lit(r.Pattern.Expr)
		value = showValue(api, t, v)
	case ir.RuleMultipleOf:
		if r.Bound.Kind == ir.LitFloat {
			// float64() of an integer, an enum or a number alike.
			cond = jen.Op("!").Id(rt.isMultipleOf).Call(jen.Float64().Call(v.Clone()), jen.Lit(r.Bound.Float))
		} else {
			cond = v.Clone().Op("%").Add(scalarLit(r.Bound)).Op("!=").Lit(0)
		}
		limit = jen.Lit(r.Bound.Text())
		value = showValue(api, t, v)
	case ir.RuleFormat:
		cond = jen.Op("!").Add(formatCheck(r.Format, asString(t, v)))
		limit = jen.Lit(r.Format)
		value = showValue(api, t, v)
	case ir.RuleEnum:
		cond = jen.Op("!").Add(v.Clone()).Dot("IsKnown").Call()
		limit = jen.Lit(enumValues(api, t))
		value = showValue(api, t, v)
	case ir.RuleMinimum, ir.RuleMaximum:
		op := map[bool]string{true: "<", false: ">"}[r.Kind == ir.RuleMinimum]
		if r.Exclusive {
			op += "="
		}
		cond = v.Clone().Op(op).Add(scalarLit(r.Bound))
		limit = jen.Lit(r.Bound.Text())
		value = showValue(api, t, v)
	case ir.RuleMinLength, ir.RuleMaxLength:
		n := textLength(api, t, v)
		cond = n.Clone().Op(map[bool]string{true: "<", false: ">"}[r.Kind == ir.RuleMinLength]).Add(scalarLit(r.Bound))
		limit = jen.Lit(r.Bound.Text())
		value = jen.Qual("strconv", "Itoa").Call(n)
	case ir.RuleMinItems, ir.RuleMaxItems, ir.RuleMinProperties, ir.RuleMaxProperties:
		n := jen.Len(v.Clone())
		cond = n.Clone().Op(map[bool]string{true: "<", false: ">"}[r.Kind == ir.RuleMinItems || r.Kind == ir.RuleMinProperties]).Add(scalarLit(r.Bound))
		limit = jen.Lit(r.Bound.Text())
		value = jen.Qual("strconv", "Itoa").Call(n)
	case ir.RuleNull:
		// The only value of a schema of type "null": present, the
		// JSON text is null.
		cond = v.Clone().Op("!=").Nil().Op("&&").String().Parens(v.Clone()).Op("!=").Lit("null")
		limit = jen.Lit("null")
		value = jen.String().Parens(v.Clone())
	case ir.RuleUniqueItems:
		if !equalByValue(*t.Elem) {
			return jen.If(jen.Id("i").Op(":=").Id(rt.duplicateJSONAt).Call(v.Clone()), jen.Id("i").Op(">=").Lit(0)).Block(
				jen.Id("errs").Op("=").Append(jen.Id("errs"), failure(fd, rule, nil, jen.Id(rt.itemText).Call(jen.Id("i")))))
		}
		return jen.If(jen.Id("i").Op(":=").Id(rt.duplicateAt).Call(v.Clone()), jen.Id("i").Op(">=").Lit(0)).Block(
			jen.Id("errs").Op("=").Append(jen.Id("errs"), failure(fd, rule, nil, showValue(api, *t.Elem, v.Clone().Index(jen.Id("i"))))))
	}
	if cond == nil {
		panic("emit: a rule of unknown kind " + strconv.Itoa(int(r.Kind)))
	}
	return jen.If(cond).Block(jen.Id("errs").Op("=").Append(jen.Id("errs"), failure(fd, rule, limit, value)))
}

// failure builds the *ValidationError of a broken rule, on one line, in
// the struct's field order; a nil limit or value is left out.
func failure(fd *ir.Field, rule string, limit, value jen.Code) *jen.Statement {
	fields := []jen.Code{
		jen.Id("In").Op(":").Lit(inName(fd.In)),
		jen.Id("Field").Op(":").Lit(fd.Name),
		jen.Id("Rule").Op(":").Lit(rule),
	}
	if limit != nil {
		fields = append(fields, jen.Id("Limit").Op(":").Add(limit))
	}
	if value != nil {
		fields = append(fields, jen.Id("Value").Op(":").Add(value))
	}
	return jen.Op("&").Id(rt.ValidationError).Values(fields...)
}

// ruleName is the rule's name in errors, as the spec spells the keyword.
func ruleName(r *ir.Rule) string { return r.Keyword() }

// asString converts a string-kinded value to string for matching.
func asString(t ir.TypeRef, v *jen.Statement) *jen.Statement {
	if t.Secret || t.Kind == ir.KindEnum {
		return jen.String().Parens(v.Clone())
	}
	return v.Clone()
}

// wireString is the text a pattern judges: a string's own, or the wire
// text of a date-time, date or bytes value (what the client sends and
// kin-openapi checks; formatting it allocates).
func wireString(api *ir.API, t ir.TypeRef, v *jen.Statement) *jen.Statement {
	if c := codecOf(api, t); c.textLen != nil {
		return c.text(v.Clone())
	}
	return asString(t, v)
}

// textLength is the length in characters that minLength and maxLength
// judge: a string's, or its wire text's (codec.textLen).
func textLength(api *ir.API, t ir.TypeRef, v *jen.Statement) *jen.Statement {
	if c := codecOf(api, t); c.textLen != nil {
		return c.textLen(v.Clone())
	}
	return jen.Qual("unicode/utf8", "RuneCountInString").Call(asString(t, v))
}

// enumValues lists an enum's values for messages: "SMS, VOICE".
func enumValues(api *ir.API, t ir.TypeRef) string {
	e := t.Enum
	if e == nil {
		return ""
	}
	parts := make([]string, len(e.Values))
	for i, v := range e.Values {
		parts[i] = strings.Trim(literalText(v.Value), `"`)
	}
	return strings.Join(parts, ", ")
}

// patternMatch is the test that s matches p: a byte loop of the runtime
// (pattern_runtime.go) when the builder found p simple enough, else the
// compiled regexp. The error's Limit still names the regexp's source.
func patternMatch(p *ir.Pattern, s *jen.Statement) *jen.Statement {
	switch {
	case p.Run != nil && p.Run.Whole:
		return jen.Id(rt.matchRun).Call(s, jen.Lit(p.Run.Ranges), jen.Lit(p.Run.Min), jen.Lit(p.Run.Max))
	case p.Run != nil:
		return jen.Id(rt.containsRun).Call(s, jen.Lit(p.Run.Ranges))
	}
	return jen.Id(p.GoName).Dot("MatchString").Call(s)
}

// equalByValue reports whether Go's == compares values of t as JSON Schema
// compares their JSON: not for objects, arrays, maps, free-form values,
// unions or the user's types, whose uniqueItems compares encodings.
func equalByValue(t ir.TypeRef) bool {
	switch t.Kind {
	case ir.KindStruct, ir.KindArray, ir.KindMap, ir.KindAny, ir.KindUnion, ir.KindGo, ir.KindBytes:
		return false
	case ir.KindString, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindEnum, ir.KindTime, ir.KindDate, ir.KindStream:
		return !t.Nullable
	}
	panic(unknownKind("equalByValue", t.Kind))
}
