package build

import (
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// Unions (README: "Unions"). A oneOf or anyOf is a struct of its own with
// one pointer field per variant, exactly one set; its JSON is the set
// variant's. With a discriminator the property names the variant; without,
// the variants are tried in the spec's order, and a variant matches a value
// that decodes into it (required properties present) and passes its
// Validate: oneOf takes exactly one match, anyOf the first.

// union builds the union type of s, named name.
func (b *builder) union(s *openapi3.Schema, name string, role ir.Role, at ir.Pos) ir.TypeRef {
	variants, key := s.OneOf, "oneOf"
	if len(s.OneOf) == 0 {
		variants, key = s.AnyOf, "anyOf"
	}
	switch {
	case len(s.OneOf) > 0 && len(s.AnyOf) > 0:
		b.diags.Addf(b.fieldPos(s.Origin, "anyOf"), "unsupported: anyOf beside oneOf")
	case len(s.Properties) > 0 || len(s.AllOf) > 0:
		b.diags.Addf(b.fieldPos(s.Origin, key), "unsupported: %s beside properties or allOf (no single Go shape)", key)
	}
	st := &ir.Struct{
		Name:   name,
		GoName: b.claimName(b.types, b.goNameOf(s.Extensions, s.Origin), naming.Exported(name), s.Origin),
		Doc:    doc(s.Title, s.Description),
		Pos:    at,
		Role:   ir.RoleModel,
		Union:  &ir.Union{OneOf: key == "oneOf"},
	}
	b.api.Structs = append(b.api.Structs, st)
	if name := xmlName(s); name != "" {
		b.elements[st.GoName] = name
	}
	t := ir.TypeRef{Kind: ir.KindUnion, Name: st.GoName}
	b.inline[s] = t
	scope := naming.NewScope()
	nullables := 0
	for i, v := range variants {
		if v.Value == nil {
			continue
		}
		vt := b.typeOf(v, st.GoName, []string{"variant" + strconv.Itoa(i+1)}, role)
		if vt.Nullable {
			// null is the union's value (liftNull).
			nullables++
			vt.Nullable = false
		}
		f := &ir.Field{
			Name:    st.Name,
			GoName:  scope.Unique(variantName(vt, v)),
			Doc:     doc(v.Value.Title, v.Value.Description),
			Pos:     b.schemaPos(v),
			Type:    vt,
			Pointer: true,
			In:      ir.InBody,
		}
		b.rules(f, v.Value)
		f.Rules = slices.DeleteFunc(f.Rules, func(r *ir.Rule) bool { return r.Kind == ir.RuleRequired })
		st.Fields = append(st.Fields, f)
	}
	if s.Discriminator != nil && !untaggedDiscriminator(s, st) {
		b.discriminator(s, st, variants)
	} else {
		b.distinct(st, key)
	}
	b.liftNull(s, st, key, nullables, at)
	return t
}

// liftNull makes the union nullable when a variant is: null is then a
// value of the union, not of a variant (a Nullable holds no union of
// Nullables). In a oneOf, two nullable variants would both match null,
// which no value may: refused.
func (b *builder) liftNull(s *openapi3.Schema, st *ir.Struct, key string, nullables int, at ir.Pos) {
	switch {
	case nullables == 0:
	case nullables > 1 && st.Union.OneOf:
		b.diags.Addf(at, "unsupported: %d nullable variants of oneOf (null would match more than one)", nullables)
	default:
		s.Nullable = true // read by schemaType, after the shape
	}
}

// variantName is the Go name of a variant's field: its type's name for a
// named type, else its kind's (String, Integer, ...).
func variantName(t ir.TypeRef, v *openapi3.SchemaRef) string {
	switch t.Kind {
	case ir.KindStruct, ir.KindEnum, ir.KindUnion:
		return t.Name
	case ir.KindArray:
		return "Array"
	case ir.KindMap:
		return "Map"
	case ir.KindAny:
		return "Any"
	case ir.KindGo:
		return naming.Exported(t.Go.Name)
	case ir.KindString:
		return "String"
	case ir.KindInt:
		return "Integer"
	case ir.KindFloat:
		return "Number"
	case ir.KindBool:
		return "Boolean"
	case ir.KindTime:
		return "Time"
	case ir.KindDate:
		return "Date"
	case ir.KindBytes:
		return "Bytes"
	case ir.KindStream:
		// A stream is a whole body, never a variant.
	}
	panic(unknownKind("variantName", t.Kind))
}

// distinct judges the variants of a oneOf without a discriminator that
// share a JSON type and are not objects (two strings, an integer and a
// number). They are decided like any others, by trial: a value matches a
// variant when it decodes into it and passes its rules, and a oneOf wants
// exactly one match, as JSON Schema (and kin-openapi) says. So no value is
// guessed; but where one variant takes every value of the JSON type the
// other has (a plain string beside an enum or a pattern, a number beside
// an integer), every value of the other matches both and the oneOf
// refuses it. That is what the document says, and almost never what its
// author meant (anyOf): a warning at the variant, and the generation goes
// on. An anyOf takes the first variant that matches, in the spec's order,
// so its variants need not be told apart.
func (b *builder) distinct(st *ir.Struct, key string) {
	if !st.Union.OneOf {
		return
	}
	var seen []*ir.Field
	for _, f := range st.Fields {
		jt := b.jsonType(f.Type)
		if jt == "any" && len(st.Fields) > 1 {
			b.diags.Addf(f.Pos, "unsupported: a oneOf variant without a type (every value matches it, so no value would match exactly one variant)")
			continue
		}
		if jt == "object" || jt == "any" {
			continue
		}
		for _, g := range seen {
			gt := b.jsonType(g.Type)
			switch {
			case gt == "integer" && jt == "number" && b.takesEvery(f):
				b.doc.Warnf(f.Pos, "%s variants %s and %s: every integer is also a number, so an integer matches both and the %s refuses it (only numbers with a fraction are valid; the document may mean anyOf)", key, g.GoName, f.GoName, key)
			case gt == "number" && jt == "integer" && b.takesEvery(g):
				b.doc.Warnf(f.Pos, "%s variants %s and %s: every integer is also a number, so an integer matches both and the %s refuses it (only numbers with a fraction are valid; the document may mean anyOf)", key, g.GoName, f.GoName, key)
			case gt == jt && (b.takesEvery(g) || b.takesEvery(f)):
				wide, other := g, f
				if !b.takesEvery(g) {
					wide, other = f, g
				}
				b.doc.Warnf(f.Pos, "%s variants %s and %s: %s takes every JSON %s, so a value of %s matches both and the %s refuses it (the document may mean anyOf)", key, g.GoName, f.GoName, wide.GoName, jt, other.GoName, key)
			}
		}
		seen = append(seen, f)
	}
}

// takesEvery reports a variant that every value of its JSON type matches:
// a plain string, integer, number or boolean without rules or format.
func (b *builder) takesEvery(f *ir.Field) bool {
	switch k := b.baseKind(f.Type); k {
	case ir.KindString, ir.KindInt, ir.KindFloat, ir.KindBool:
	case ir.KindStruct, ir.KindEnum, ir.KindArray, ir.KindTime, ir.KindDate, ir.KindBytes, ir.KindAny, ir.KindMap,
		ir.KindGo, ir.KindUnion, ir.KindStream:
		return false
	default:
		panic(unknownKind("takesEvery", k))
	}
	for _, r := range f.Rules {
		if r.Kind != ir.RuleRequired {
			return false
		}
	}
	return true
}

// jsonType is the JSON type of values of t: object, array, string,
// integer, number or boolean.
func (b *builder) jsonType(t ir.TypeRef) string {
	switch k := b.baseKind(t); k {
	case ir.KindStruct, ir.KindMap, ir.KindGo:
		return "object" // a user's Go type: told apart by its own decoding
	case ir.KindAny:
		return "any"
	case ir.KindUnion:
		return "union"
	case ir.KindArray:
		return "array"
	case ir.KindInt:
		return "integer"
	case ir.KindFloat:
		return "number"
	case ir.KindBool:
		return "boolean"
	case ir.KindString, ir.KindTime, ir.KindDate, ir.KindBytes, ir.KindStream:
		return "string"
	case ir.KindEnum:
		// baseKind is the enum's base, never KindEnum.
	}
	panic(unknownKind("jsonType", b.baseKind(t)))
}

// untaggedDiscriminator reports a discriminator without mapping over
// variants of which one is not a $ref to an object component (openai's
// inline variants, each with its own enum of the property): no name
// selects such a variant, and kin-openapi, given no mapping, decides the
// union as one without discriminator (the variants tried; for oneOf
// exactly one must match). So does the union: the property's values in
// each variant are what tell them apart.
func untaggedDiscriminator(s *openapi3.Schema, st *ir.Struct) bool {
	if len(s.Discriminator.Mapping) > 0 {
		return false
	}
	variants := append(s.OneOf[:len(s.OneOf):len(s.OneOf)], s.AnyOf...)
	i := 0
	for _, v := range variants {
		if v.Value == nil {
			continue
		}
		if refName(v.Ref) == "" || i >= len(st.Fields) || st.Fields[i].Type.Kind != ir.KindStruct {
			return true
		}
		i++
	}
	return false
}

// discriminator fills the union's discriminator: the property, and each
// variant's values: those of the mapping that point at it, else its
// component name (OpenAPI's implicit mapping). Every variant must be an
// object component ($ref).
func (b *builder) discriminator(s *openapi3.Schema, st *ir.Struct, variants openapi3.SchemaRefs) {
	d := s.Discriminator
	at := b.fieldPos(s.Origin, "discriminator")
	st.Union.Discriminator = d.PropertyName
	refs := make([]string, 0, len(st.Fields))
	for i, v := range variants {
		if v.Value == nil {
			continue
		}
		if refName(v.Ref) == "" || st.Fields[len(refs)].Type.Kind != ir.KindStruct {
			b.diags.Addf(b.schemaPos(v), "unsupported: a discriminated variant that is not a $ref to an object component (variant %d)", i+1)
		}
		refs = append(refs, v.Ref)
	}
	st.Union.Values = make([][]string, len(refs))
	for _, value := range sortedKeys(d.Mapping) {
		target := d.Mapping[value].Ref
		if !strings.Contains(target, "/") {
			target = schemasPrefix + target
		}
		i := slices.Index(refs, target)
		if i < 0 {
			b.diags.Addf(at, "discriminator mapping %q points at %s, which is no variant", value, target)
			continue
		}
		st.Union.Values[i] = append(st.Union.Values[i], value)
	}
	for i, ref := range refs {
		if len(st.Union.Values[i]) == 0 {
			st.Union.Values[i] = []string{refName(ref)}
		}
	}
}

// singleVariant reports a oneOf or anyOf of one variant and nothing that
// makes a type of its own: the variant's type (often beside nullable:
// true, the way 3.0 specs make a reference nullable).
func singleVariant(s *openapi3.Schema) *openapi3.SchemaRef {
	if len(s.OneOf)+len(s.AnyOf) != 1 || s.Discriminator != nil || len(s.Properties) > 0 || len(s.AllOf) > 0 ||
		len(s.Enum) > 0 || (s.Type != nil && !s.Type.IsEmpty()) || s.Not != nil {
		return nil
	}
	v := append(s.OneOf[:len(s.OneOf):len(s.OneOf)], s.AnyOf...)[0]
	if v.Value == nil {
		return nil
	}
	return v
}

// unionInAllOf refuses an allOf part that is a oneOf or anyOf: the
// object's properties would be merged and the union's choice lost (no
// single Go shape holds both).
func (b *builder) unionInAllOf(s *openapi3.Schema) {
	if b.wrapped(s) != nil {
		return
	}
	for _, part := range s.AllOf {
		if p := part.Value; p != nil && isUnion(p) {
			b.diags.Addf(b.schemaPos(part), "unsupported: oneOf or anyOf inside allOf (no single Go shape)")
		}
	}
}

// unionSecrets refuses a secret (format: password) inside a union's
// variants: a union writes its variant with encoding/json, which redacts
// a Secret, and has no wire twin that reveals it. A body by format (JSON
// and XML of different schemas) holding one has a twin of its own, which
// writes its formats' twins (client_wire.go).
func (b *builder) unionSecrets() {
	for _, st := range b.api.Structs {
		if st.Union == nil {
			continue
		}
		for _, f := range st.Fields {
			if b.holdsSecret(f.Type, map[string]bool{}) {
				b.diags.Addf(f.Pos, "unsupported: a secret (format: password) inside a oneOf or anyOf variant")
			}
		}
	}
}

// holdsSecret reports whether values of t hold a Secret.
func (b *builder) holdsSecret(t ir.TypeRef, seen map[string]bool) bool {
	switch t.Kind {
	case ir.KindString:
		return t.Secret
	case ir.KindArray, ir.KindMap:
		return b.holdsSecret(*t.Elem, seen)
	case ir.KindStruct, ir.KindUnion:
		if seen[t.Name] {
			return false
		}
		seen[t.Name] = true
		st := b.structByName(t.Name)
		return st != nil && slices.ContainsFunc(st.Fields, func(f *ir.Field) bool { return b.holdsSecret(f.Type, seen) })
	case ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindEnum, ir.KindTime, ir.KindDate, ir.KindBytes, ir.KindAny,
		ir.KindGo, ir.KindStream:
		return false
	}
	panic(unknownKind("holdsSecret", t.Kind))
}

// constUnion reads a oneOf or anyOf of single values under a scalar type
// (type: integer, oneOf: [{title: JOIN, const: 1}, ...]: an enum written
// as a union, with a name per value) as the enum it is: a copy of s with
// those values, their titles as x-enum-varnames when every value has a
// distinct one. nil when s is not that.
func constUnion(s *openapi3.Schema) *openapi3.Schema {
	variants := append(s.OneOf[:len(s.OneOf):len(s.OneOf)], s.AnyOf...)
	if len(variants) == 0 || s.Type == nil || len(s.Type.Slice()) != 1 || s.Type.Is("object") || s.Type.Is("array") ||
		len(s.Enum) > 0 || s.Discriminator != nil || len(s.Properties) > 0 || len(s.AllOf) > 0 || s.Not != nil {
		return nil
	}
	values := make([]any, 0, len(variants))
	names := make([]string, 0, len(variants))
	for _, v := range variants {
		x := v.Value
		if x == nil || len(x.Enum) != 1 || (x.Type != nil && !x.Type.IsEmpty() && !x.Type.Is(s.Type.Slice()[0])) {
			return nil
		}
		rest := *x
		rest.Enum, rest.Type, rest.Title, rest.Description, rest.Const, rest.Example = nil, nil, "", "", nil, nil
		if !rest.IsEmpty() {
			return nil
		}
		values = append(values, x.Enum[0])
		if x.Title != "" && !slices.Contains(names, x.Title) {
			names = append(names, x.Title)
		}
	}
	cp := *s
	cp.OneOf, cp.AnyOf, cp.Enum = nil, nil, values
	if len(names) == len(values) {
		cp.Extensions = map[string]any{extEnumNames: names}
		for k, v := range s.Extensions {
			if k != extEnumNames {
				cp.Extensions[k] = v
			}
		}
	}
	return &cp
}
