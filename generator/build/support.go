package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// unsupportedSchema reports the schema constructs outside the supported
// subset (see the README's table). Each is an error at its position.
func (b *builder) unsupportedSchema(s *openapi3.Schema, at ir.Pos) {
	report := func(key, what string) { b.diags.Addf(b.fieldPos(s.Origin, key), "unsupported: %s", what) }
	if s.Not != nil {
		report("not", "not")
	}
	if s.Discriminator != nil && len(s.OneOf) == 0 && len(s.AnyOf) == 0 {
		report("discriminator", "discriminator without oneOf or anyOf (a base schema's discriminator, used through allOf)")
	}
	b.unionInAllOf(s)
	if s.Type != nil && s.Type.IsMultiple() {
		report("type", "a schema with several types")
	}
	if (s.MinProps > 0 || s.MaxProps != nil) && s.Type.Is("object") && !isMap(s) {
		report("minProperties", "minProperties and maxProperties on an object with properties (they are checked on maps)")
	}
}

// composite reports whether s is built from oneOf, anyOf or not: no
// object or scalar of its own.
func composite(s *openapi3.Schema) bool {
	return len(s.OneOf) > 0 || len(s.AnyOf) > 0 || s.Not != nil
}
