package build

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/load"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// rules fills the validation rules of f from its schema s: required,
// pattern, enum, bounds, lengths and item counts, through allOf parts and
// into array items.
func (b *builder) rules(f *ir.Field, s *openapi3.Schema) {
	if holdsGo(f.Type) {
		b.userTypeRules(f, s)
		return
	}
	if f.Required && requiredCheckable(f.Type) {
		f.Rules = append(f.Rules, &ir.Rule{Kind: ir.RuleRequired, Pos: f.Pos})
	}
	f.Rules = append(f.Rules, b.typedBounds(b.applicable(b.schemaRules(f, s), f.Type), f.Type)...)
	if elem := elemSchema(s); elem != nil && f.Type.Elem != nil {
		f.ItemRules = b.typedBounds(b.applicable(b.schemaRules(f, elem), *f.Type.Elem), *f.Type.Elem)
		if f.Type.Kind == ir.KindArray {
			b.comparableItems(f)
		}
		f.NestedRules = b.nestedRules(f, elem, *f.Type.Elem)
	}
}

// nestedRules are the rules of the elements of the elements of a value of
// type t and schema s, one slice per level down (ir.Field.NestedRules):
// the items of an array of arrays, the values of a map of arrays or an
// array of maps. Trailing levels without rules are left out. A schema met
// twice on the way (an array that holds itself, which the builder
// reports) ends the descent.
func (b *builder) nestedRules(f *ir.Field, s *openapi3.Schema, t ir.TypeRef) [][]*ir.Rule {
	var out [][]*ir.Rule
	seen := map[*openapi3.Schema]bool{s: true}
	for {
		inner := elemSchema(s)
		if inner == nil || t.Elem == nil || seen[inner] || (t.Kind != ir.KindArray && t.Kind != ir.KindMap) {
			break
		}
		seen[inner] = true
		s, t = inner, *t.Elem
		out = append(out, b.typedBounds(b.applicable(b.schemaRules(f, s), t), t))
	}
	for len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	return out
}

// comparableItems warns of uniqueItems on an array of objects or arrays:
// the validators compare the items' JSON encodings (Go cannot compare such
// values with ==), which judge the decoded Go values, so two items a
// receiver read that differed only in an optional property sent as its
// zero value, or in properties the schema does not declare, count as
// equal where JSON Schema would call them different.
func (b *builder) comparableItems(f *ir.Field) {
	if k := f.Type.Elem.Kind; k != ir.KindStruct && k != ir.KindArray && k != ir.KindMap && k != ir.KindAny && k != ir.KindUnion {
		return
	}
	for _, r := range f.Rules {
		if r.Kind == ir.RuleUniqueItems {
			b.doc.Warnf(r.Pos, "uniqueItems on an array of objects or arrays is checked by the items' JSON encodings: received items that differ only in an optional property sent as its zero value, or in undeclared properties, count as equal")
		}
	}
}

// requiredCheckable reports whether a missing value of type t can be told
// from a present one: strings, secrets and arrays (empty), not numbers,
// booleans or date-times, whose zero is a value (0001-01-01T00:00:00Z is a
// date-time kin-openapi takes; the server's presence checks and parameter
// binding refuse a required one that is absent, as they do a number). A
// date is absent when zero (the runtime's Date{} is no YYYY-MM-DD text),
// bytes, a map or a free-form value when nil (a free-form JSON null is the
// bytes null, present). A Nullable is absent when not Set: null is there.
// A required date-time that is a pointer (writeOnly, left out of answers)
// is absent when nil (requiredPointer).
func requiredCheckable(t ir.TypeRef) bool {
	if t.Nullable {
		return true
	}
	switch t.Kind {
	case ir.KindString, ir.KindArray, ir.KindDate, ir.KindBytes, ir.KindAny, ir.KindMap:
		return true
	case ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindEnum, ir.KindTime, ir.KindStruct, ir.KindGo, ir.KindUnion, ir.KindStream:
		return false
	}
	panic(unknownKind("requiredCheckable", t.Kind))
}

// requiredPointer gives a required field that is a pointer (a writeOnly
// date-time, left out of answers) the required rule its type alone does
// not: nil is absent.
func requiredPointer(f *ir.Field) {
	if f.Pointer && f.Required && f.Type.Kind == ir.KindTime && !slices.ContainsFunc(f.Rules, func(r *ir.Rule) bool { return r.Kind == ir.RuleRequired }) {
		f.Rules = append([]*ir.Rule{{Kind: ir.RuleRequired, Pos: f.Pos}}, f.Rules...)
	}
}

// schemaRules are the rules one schema (and its allOf parts) states.
func (b *builder) schemaRules(f *ir.Field, s *openapi3.Schema) []*ir.Rule {
	var out []*ir.Rule
	at := b.pos(s.Origin)
	if len(s.Enum) > 0 {
		out = append(out, &ir.Rule{Kind: ir.RuleEnum, Pos: at})
	}
	if b.doc.NullOnly(s) {
		out = append(out, &ir.Rule{Kind: ir.RuleNull, Pos: b.fieldPos(s.Origin, "type")})
	}
	switch {
	case s.Pattern == "":
	case load.PatternChecked(s.Pattern):
		out = append(out, &ir.Rule{Kind: ir.RulePattern, Pos: b.fieldPos(s.Origin, "pattern"), Pattern: b.pattern(s, f.Name)})
	default:
		// A warning of the load: the doc says what is not checked.
		note := fmt.Sprintf("The spec's pattern %q is not checked: Go's regexp package (RE2) cannot compile it.", s.Pattern)
		if !strings.Contains(f.Doc, note) {
			f.Doc = doc(f.Doc, note)
		}
	}
	if s.Min != nil {
		out = append(out, &ir.Rule{Kind: ir.RuleMinimum, Pos: b.fieldPos(s.Origin, "minimum"), Bound: ir.FloatLit(*s.Min), Exclusive: s.ExclusiveMin.IsTrue()})
	}
	if s.Max != nil {
		out = append(out, &ir.Rule{Kind: ir.RuleMaximum, Pos: b.fieldPos(s.Origin, "maximum"), Bound: ir.FloatLit(*s.Max), Exclusive: s.ExclusiveMax.IsTrue()})
	}
	if m := integerMultiple(s); m > 0 {
		out = append(out, &ir.Rule{Kind: ir.RuleMultipleOf, Pos: b.fieldPos(s.Origin, "multipleOf"), Bound: ir.IntLit(m)})
	} else if s.MultipleOf != nil && *s.MultipleOf > 0 {
		// On a number, or not a whole number: checked as kin-openapi
		// does (the runtime's isMultipleOf).
		out = append(out, &ir.Rule{Kind: ir.RuleMultipleOf, Pos: b.fieldPos(s.Origin, "multipleOf"), Bound: ir.FloatLit(*s.MultipleOf)})
	}
	out = append(out, b.formatRules(s)...)
	out = append(out, lengthRules(s, b.fieldPos)...)
	for _, part := range s.AllOf {
		if part.Value != nil {
			out = append(out, b.schemaRules(f, part.Value)...)
		}
	}
	return out
}

// lengthRules are the string length, array size and map size rules of s.
func lengthRules(s *openapi3.Schema, fieldPos func(*openapi3.Origin, string) ir.Pos) []*ir.Rule {
	var out []*ir.Rule
	add := func(kind ir.RuleKind, key string, n uint64) {
		out = append(out, &ir.Rule{Kind: kind, Pos: fieldPos(s.Origin, key), Bound: ir.IntLit(int64(n))})
	}
	if s.MinLength > 0 {
		add(ir.RuleMinLength, "minLength", s.MinLength)
	}
	if s.MaxLength != nil {
		add(ir.RuleMaxLength, "maxLength", *s.MaxLength)
	}
	if s.MinItems > 0 {
		add(ir.RuleMinItems, "minItems", s.MinItems)
	}
	if s.MaxItems != nil {
		add(ir.RuleMaxItems, "maxItems", *s.MaxItems)
	}
	if isMap(s) && s.MinProps > 0 {
		add(ir.RuleMinProperties, "minProperties", s.MinProps)
	}
	if isMap(s) && s.MaxProps != nil {
		add(ir.RuleMaxProperties, "maxProperties", *s.MaxProps)
	}
	if s.UniqueItems {
		out = append(out, &ir.Rule{Kind: ir.RuleUniqueItems, Pos: fieldPos(s.Origin, "uniqueItems")})
	}
	return out
}

// typedBounds gives the minimum and maximum rules of a value of type t
// their bound in its Go type: float64 for numbers, int64 for integers,
// rounded towards the values the rule admits. For an integer, x >= 1.1
// is x >= 2 and x > 1.1 is x > 1 (likewise for maximum); a bound beyond
// int64 is clamped. The schema's own type does not decide: a bound in an
// untyped allOf part applies to the value's type.
func (b *builder) typedBounds(rules []*ir.Rule, t ir.TypeRef) []*ir.Rule {
	if b.baseKind(t) != ir.KindInt {
		return rules
	}
	for _, r := range rules {
		if r.Bound.Kind != ir.LitFloat || r.Kind != ir.RuleMinimum && r.Kind != ir.RuleMaximum {
			continue
		}
		v := r.Bound.Float
		// Rounding up for an inclusive minimum or an exclusive maximum,
		// down for the other two.
		if (r.Kind == ir.RuleMinimum) != r.Exclusive {
			v = math.Ceil(v)
		} else {
			v = math.Floor(v)
		}
		r.Bound = ir.IntLit(clampInt(v))
	}
	return rules
}

// integerMultiple is the multipleOf of a schema when it is a whole number
// the validators can check exactly on an integer (v%m), else 0 (a float64
// bound, checked by isMultipleOf).
func integerMultiple(s *openapi3.Schema) int64 {
	m := s.MultipleOf
	if m == nil || s.Type.Is("number") || *m < 1 || *m >= math.MaxInt64 || *m != math.Trunc(*m) {
		return 0
	}
	return int64(*m)
}

// clampInt converts an integral float to int64, saturating.
func clampInt(v float64) int64 {
	switch {
	case v >= math.MaxInt64:
		return math.MaxInt64
	case v <= math.MinInt64:
		return math.MinInt64
	}
	return int64(v)
}

// pattern returns the package-level pattern for s.Pattern, one that
// compiles (see load.PatternChecked).
func (b *builder) pattern(s *openapi3.Schema, field string) *ir.Pattern {
	if p, ok := b.patterns[s.Pattern]; ok {
		return p
	}
	at := b.fieldPos(s.Origin, "pattern")
	p := &ir.Pattern{GoName: b.values.Unique(naming.Pattern(field)), Expr: s.Pattern, Pos: at}
	b.patterns[s.Pattern] = p
	return p
}

// allRules are the rules of f at every level: its value's, its items'
// and those further down.
func allRules(f *ir.Field) []*ir.Rule {
	out := append(f.Rules[:len(f.Rules):len(f.Rules)], f.ItemRules...)
	for _, level := range f.NestedRules {
		out = append(out, level...)
	}
	return out
}

// usedPatterns lists, once each, the patterns the validated structs check:
// a pattern only a response mentions is not compiled into the package.
func (b *builder) usedPatterns() {
	seen := make(map[*ir.Pattern]bool)
	for _, st := range b.api.Structs {
		if !st.Validate {
			continue
		}
		for _, f := range st.Fields {
			for _, r := range allRules(f) {
				if r.Pattern != nil && !seen[r.Pattern] {
					seen[r.Pattern] = true
					b.api.Patterns = append(b.api.Patterns, r.Pattern)
				}
			}
		}
	}
}
