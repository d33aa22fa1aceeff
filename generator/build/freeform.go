package build

import (
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// Maps and free-form values (README, supported subset). A schema without a
// type and without composition ({}) is a free-form value: json.RawMessage,
// the JSON text as sent, which the caller decodes into a type of its own;
// nothing is lost (map[string]any would turn numbers into float64) and
// nothing is decoded that the caller does not read. An object without
// properties is a map: map[string]T for additionalProperties: T, and
// map[string]json.RawMessage for additionalProperties true, {} or absent.

// isMap reports whether s is an object of arbitrary keys: no properties
// and no allOf, and type object or an additionalProperties schema or true.
func isMap(s *openapi3.Schema) bool {
	if len(s.Properties) > 0 || len(s.AllOf) > 0 || composite(s) || len(s.Enum) > 0 {
		return false
	}
	ap := s.AdditionalProperties
	if noProperties(s) {
		return false
	}
	return s.Type.Is("object") || ap.Schema != nil || (ap.Has != nil && *ap.Has)
}

// noProperties reports an object that allows no property: no properties,
// no allOf and additionalProperties: false. Its only values are {} (and
// null when nullable): a struct without fields whose decoders refuse any
// key (ir.Struct.NoProperties), not a map.
func noProperties(s *openapi3.Schema) bool {
	has := s.AdditionalProperties.Has
	return has != nil && !*has && len(s.Properties) == 0 && len(s.AllOf) == 0 && !composite(s) && len(s.Enum) == 0 && s.Type.Is("object")
}

// mapType is the type of a map schema: its values' type, built under
// owner at path + "value", or a free-form value.
func (b *builder) mapType(s *openapi3.Schema, owner string, path []string, role ir.Role, at ir.Pos) ir.TypeRef {
	if !s.Type.Is("object") {
		b.doc.Warnf(at, "additionalProperties without type: object: generated as a map, so a value that is not an object (which JSON Schema would accept) is refused; add type: object")
	}
	elem := ir.TypeRef{Kind: ir.KindAny}
	if ap := s.AdditionalProperties.Schema; ap != nil && ap.Value != nil {
		elem = b.typeOf(ap, owner, append(slices.Clip(path), "value"), role)
	}
	return ir.TypeRef{Kind: ir.KindMap, Elem: &elem}
}

// freeForm is the type of a schema without a type: a free-form value when
// nothing else constrains it. Items without type: array would go
// unchecked, and are refused.
func (b *builder) freeForm(s *openapi3.Schema, at ir.Pos) ir.TypeRef {
	if s.Items != nil {
		b.diags.Addf(b.fieldPos(s.Origin, "items"), "unsupported: items without type: array")
	}
	return ir.TypeRef{Kind: ir.KindAny}
}

// elemSchema is the schema of the elements of s: an array's items, a map's
// values; nil when s has none.
func elemSchema(s *openapi3.Schema) *openapi3.Schema {
	switch {
	case s.Type.Is("array") && s.Items != nil:
		return s.Items.Value
	case isMap(s) && s.AdditionalProperties.Schema != nil:
		return s.AdditionalProperties.Schema.Value
	}
	return nil
}

// looseKind reports a map or free-form value, or an array of them: no
// query, path, header or form text and no XML element can carry one.
func looseKind(t ir.TypeRef) bool {
	for t.Kind == ir.KindArray && t.Elem != nil {
		t = *t.Elem
	}
	return t.Kind == ir.KindMap || t.Kind == ir.KindAny
}
