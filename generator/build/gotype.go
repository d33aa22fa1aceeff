package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// extGoType gives a schema a Go type of the user's ("x-go-type:
// example.com/money.Decimal"), as oapi-codegen's x-go-type does; the
// configuration's types map sets it too (per schema, or for every schema
// of a format). The type carries its own wire forms: encoding/json and
// encoding/xml use its MarshalJSON/UnmarshalJSON, MarshalXML or
// MarshalText/UnmarshalText methods.
const extGoType = "x-go-type"

// userType is the Go type the user gave s: its x-go-type, else the
// configuration's type for its format; nil when none. A malformed
// x-go-type is an error at its place.
func (b *builder) userType(s *openapi3.Schema) *ir.GoType {
	if v, ok := s.Extensions[extGoType]; ok {
		at := b.fieldPos(s.Origin, extGoType)
		name, ok := v.(string)
		if !ok {
			b.diags.Addf(at, "%s must be a string: import/path.TypeName", extGoType)
			return nil
		}
		t, err := ir.ParseGoType(name)
		if err != nil {
			b.diags.Addf(at, "%s %q: %v", extGoType, name, err)
			return nil
		}
		return t
	}
	if s.Format != "" {
		if t, ok := b.formatTypes[s.Format]; ok {
			return t
		}
	}
	return nil
}

// holdsGo reports whether t is a user's Go type, or an array or map of
// them.
func holdsGo(t ir.TypeRef) bool {
	if t.Kind == ir.KindArray || t.Kind == ir.KindMap {
		return holdsGo(*t.Elem)
	}
	return t.Kind == ir.KindGo
}

// userTypeField fits a field of a user's Go type: such a value has only
// the wire forms its type gives it, so it travels in JSON and XML bodies
// only; its default is not applied (a warning says so: the generator
// cannot write its literal). An optional one is a pointer (nil: absent;
// see object). Its rules are userTypeRules.
func (b *builder) userTypeField(f *ir.Field, v *openapi3.Schema, role ir.Role) {
	if !holdsGo(f.Type) {
		return
	}
	if role != ir.RoleModel {
		b.diags.Addf(f.Pos, "unsupported: a parameter or form field of a Go type of the user's (%s): only JSON and XML bodies carry one", extGoType)
		return
	}
	if f.Default != nil {
		b.doc.Warnf(b.fieldPos(v.Origin, "default"), "the default is not applied to a value of the user's Go type (%s): the generator cannot write its literal", extGoType)
		f.Default = nil
	}
}

// userTypeRules are the rules of a field of a user's Go type: none on a
// value of the type, whose Unmarshal methods decide what it accepts (each
// rule of the schema is a warning); an array or map of them keeps its own
// rules but uniqueItems (the type may not be comparable).
func (b *builder) userTypeRules(f *ir.Field, s *openapi3.Schema) {
	if f.Type.Kind == ir.KindGo {
		for _, r := range b.schemaRules(f, s) {
			b.unchecked(r)
		}
		return
	}
	if f.Required {
		f.Rules = append(f.Rules, &ir.Rule{Kind: ir.RuleRequired, Pos: f.Pos})
	}
	for _, r := range b.applicable(b.schemaRules(f, s), f.Type) {
		if r.Kind == ir.RuleUniqueItems {
			b.unchecked(r)
			continue
		}
		f.Rules = append(f.Rules, r)
	}
	if elem := elemSchema(s); elem != nil {
		for _, r := range b.schemaRules(f, elem) {
			b.unchecked(r)
		}
	}
}

// unchecked warns that rule r is not checked on a user's Go type.
func (b *builder) unchecked(r *ir.Rule) {
	b.doc.Warnf(r.Pos, "%s is not checked on a value of the user's Go type (%s): its Unmarshal methods decide what it accepts", r.Keyword(), extGoType)
}
