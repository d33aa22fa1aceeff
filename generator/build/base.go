package build

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// A base schema's discriminator (OpenAPI's inheritance: the base declares
// the property and a mapping, the schemas that extend it say allOf: [base])
// makes the base, wherever it is used as a type, the union of the schemas
// that extend it, decided by the property: a value of a subtype keeps its
// own properties, which the base struct would drop. The variants are the
// mapping's targets in the order of their values, then the component
// schemas whose allOf refers to the base, by name (OpenAPI's implicit
// mapping: the value is the schema's name). The subtypes read the base's
// properties from the spec (properties), not from its Go type.

// baseVariants lists the variants of the base component name: nil when s
// is no base schema.
func (b *builder) baseVariants(name string, s *openapi3.Schema) openapi3.SchemaRefs {
	if s.Discriminator == nil || len(s.OneOf) > 0 || len(s.AnyOf) > 0 {
		return nil
	}
	var out openapi3.SchemaRefs
	add := func(ref string) {
		if slices.ContainsFunc(out, func(v *openapi3.SchemaRef) bool { return v.Ref == ref }) {
			return
		}
		if target := b.doc.T.Components.Schemas[refName(ref)]; target != nil && target.Value != nil && refName(ref) != name {
			out = append(out, &openapi3.SchemaRef{Ref: ref, Value: target.Value})
		}
	}
	for _, value := range sortedKeys(s.Discriminator.Mapping) {
		ref := s.Discriminator.Mapping[value].Ref
		if !strings.Contains(ref, "/") {
			ref = schemasPrefix + ref
		}
		add(ref)
	}
	for _, child := range sortedKeys(b.doc.T.Components.Schemas) {
		if c := b.doc.T.Components.Schemas[child].Value; c != nil && slices.ContainsFunc(c.AllOf, func(p *openapi3.SchemaRef) bool { return p.Ref == schemasPrefix+name }) {
			add(schemasPrefix + child)
		}
	}
	return out
}

// baseUnion builds the union type of the base component name (see above).
func (b *builder) baseUnion(name string, s *openapi3.Schema, variants openapi3.SchemaRefs) ir.TypeRef {
	u := &openapi3.Schema{
		Extensions:    s.Extensions,
		Origin:        s.Origin,
		Title:         s.Title,
		Description:   s.Description,
		Nullable:      s.Nullable,
		Discriminator: s.Discriminator,
		OneOf:         variants,
	}
	b.bases[name] = u
	return b.union(u, name, ir.RoleModel, b.pos(s.Origin))
}

// isBase reports whether the allOf part p is a base schema with a
// discriminator, which the object extending it does not build first
// (allOfParts): its type is the union of its subtypes, the object among
// them.
func (b *builder) isBase(p *openapi3.SchemaRef) bool {
	name := refName(p.Ref)
	return name != "" && p.Value != nil && len(b.baseVariants(name, p.Value)) > 0
}
