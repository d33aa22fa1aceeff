package build

import (
	"slices"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// access applies a property's readOnly or writeOnly (README: readOnly and
// writeOnly), as kin-openapi's request and response validation does: a
// readOnly property is not required in a request and is refused when one
// sets it, a writeOnly property is not required in a response. It reports
// whether the property is either. On a schema that is not a property's (a
// whole body, array items, a parameter) they constrain nothing, as in
// kin-openapi.
func (b *builder) access(f *ir.Field, p property) bool {
	v := p.schema.Value
	if v == nil || (!v.ReadOnly && !v.WriteOnly) {
		return false
	}
	f.ReadOnly, f.WriteOnly = v.ReadOnly, v.WriteOnly
	f.AccessTag = map[bool]string{true: "readOnly", false: "writeOnly"}[v.ReadOnly]
	if p.required {
		f.AccessTag += ",required"
	}
	if f.ReadOnly {
		// The validators judge requests, which do not carry it.
		f.Required = false
		f.Rules = slices.DeleteFunc(f.Rules, func(r *ir.Rule) bool { return r.Kind == ir.RuleRequired })
	}
	return true
}

// requiredKnown reports a required name no property declares in an
// object that allows no other property: no value could ever be valid.
// Elsewhere such a name is an implied property (see impliedProperties).
func (b *builder) requiredKnown(s *openapi3.Schema, props []property) {
	if !closed(s) {
		return
	}
	for _, p := range props {
		if p.implied {
			b.diags.Addf(p.pos, "required property %q is not among the properties, and additionalProperties is false: no value is valid", p.name)
		}
	}
}

// closed reports whether s or one of its allOf parts forbids properties
// it does not declare.
func closed(s *openapi3.Schema) bool {
	if s.AdditionalProperties.Has != nil && !*s.AdditionalProperties.Has {
		return true
	}
	return slices.ContainsFunc(s.AllOf, func(part *openapi3.SchemaRef) bool { return part.Value != nil && closed(part.Value) })
}

// allOfParts builds the components an object's allOf refers to before the
// object itself, so the inline types they declare are named after them
// (NewPet's owner is NewPetOwner) and shared, not rebuilt under the
// object's name.
func (b *builder) allOfParts(s *openapi3.Schema) {
	for _, part := range s.AllOf {
		if name := refName(part.Ref); name != "" && part.Value != nil && isObject(part.Value) && !b.isBase(part) {
			b.component(name)
		}
	}
}

// plainName reports, at at, a wire name that holds a control character
// (a newline included) or a backquote: the generated code prints such
// names in comments and struct tags, where they would end the comment or
// the tag and the rest would be code.
func (b *builder) plainName(what, name string, at ir.Pos) bool {
	if strings.ContainsFunc(name, func(r rune) bool { return unicode.IsControl(r) || r == '`' }) {
		b.diags.Addf(at, "%s %q holds a control character or a backquote", what, name)
		return false
	}
	return true
}

// singleLine makes a title one line of plain text: control characters
// (newlines included) become spaces, runs of spaces one. The title is
// printed inside a comment line.
func singleLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
}

// applicable keeps the rules that apply to a value of type t. As JSON
// Schema says (and kin-openapi does), a keyword constrains only values of
// its own type: uniqueItems on a boolean, or a pattern on an integer,
// checks nothing, and a generated check of it would not compile.
func (b *builder) applicable(rules []*ir.Rule, t ir.TypeRef) []*ir.Rule {
	base := b.baseKind(t)
	return slices.DeleteFunc(rules, func(r *ir.Rule) bool {
		if r.Kind == ir.RuleNull {
			return base != ir.KindAny
		}
		if base == ir.KindAny {
			// JSON Schema would apply each to the values of its type.
			b.diags.Addf(r.Pos, "unsupported: a validation rule on a free-form value (a schema without a type): say the type")
			return true
		}
		switch r.Kind {
		case ir.RuleMinProperties, ir.RuleMaxProperties:
			return base != ir.KindMap
		case ir.RulePattern, ir.RuleMinLength, ir.RuleMaxLength:
			// On a date-time, date or byte value they judge its wire
			// text, as kin-openapi does (README: string rules on
			// formatted values).
			return base != ir.KindString && !formatKind(base)
		case ir.RuleFormat:
			return base != ir.KindString
		case ir.RuleMultipleOf:
			whole := r.Bound.Kind == ir.LitInt
			return base != ir.KindInt && (base != ir.KindFloat || whole)
		case ir.RuleMinimum, ir.RuleMaximum:
			return base != ir.KindInt && base != ir.KindFloat
		case ir.RuleMinItems, ir.RuleMaxItems, ir.RuleUniqueItems:
			return base != ir.KindArray
		case ir.RuleEnum:
			// Only an enum type has the check; every other way to an
			// enum rule (an untyped allOf part, an enum of booleans) is
			// reported where it is built.
			return t.Kind != ir.KindEnum
		case ir.RuleRequired, ir.RuleNull:
			return false
		}
		panic("build: a rule of unknown kind " + r.Keyword())
	})
}

// baseKind is the kind of a value of type t on the wire: an enum's base
// kind, else t's own.
func (b *builder) baseKind(t ir.TypeRef) ir.Kind {
	if t.Kind != ir.KindEnum {
		return t.Kind
	}
	if i := slices.IndexFunc(b.api.Enums, func(e *ir.Enum) bool { return e.GoName == t.Name }); i >= 0 {
		return b.api.Enums[i].Base
	}
	return ir.KindString
}

// unknownKind is the panic of a switch over kinds that meets a kind it
// does not know (every switch lists them all: TestKindSwitchesExhaustive).
func unknownKind(where string, k ir.Kind) string {
	return "build: " + where + ": unknown kind " + k.String()
}
