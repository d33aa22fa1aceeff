package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// additional gives an object with properties and additionalProperties (a
// schema, true or {}) a field holding its other keys: AdditionalProperties,
// a map of the values' type, which the struct's generated UnmarshalJSON
// fills and MarshalJSON writes after the declared properties. Keys bind
// exactly, as the server binds every body.
func (b *builder) additional(st *ir.Struct, s *openapi3.Schema, scope *naming.Scope, at ir.Pos) {
	ap := s.AdditionalProperties
	if ap.Schema == nil && (ap.Has == nil || !*ap.Has) {
		return
	}
	elem := ir.TypeRef{Kind: ir.KindAny}
	if ap.Schema != nil && ap.Schema.Value != nil {
		elem = b.typeOf(ap.Schema, st.GoName, []string{"additional"}, ir.RoleModel)
	}
	f := &ir.Field{
		Name:       "additionalProperties",
		GoName:     scope.Unique("AdditionalProperties"),
		Doc:        "AdditionalProperties holds the properties the schema does not declare (additionalProperties), by key.",
		Pos:        b.fieldPos(s.Origin, "additionalProperties"),
		Type:       ir.TypeRef{Kind: ir.KindMap, Elem: &elem},
		In:         ir.InBody,
		JSONTag:    "-",
		XMLTag:     "-",
		AccessTag:  "additional",
		Additional: true,
	}
	if ap.Schema != nil && ap.Schema.Value != nil {
		f.ItemRules = b.typedBounds(b.applicable(b.schemaRules(f, ap.Schema.Value), elem), elem)
		f.NestedRules = b.nestedRules(f, ap.Schema.Value, elem)
	}
	st.Fields = append(st.Fields, f)
}

// additionalSecrets reports a struct with other keys that holds a secret
// (format: password), itself or in what it holds: its wire twin, which
// sends the secrets revealed, would not carry the other keys.
func (b *builder) additionalSecrets() {
	for _, st := range b.api.Structs {
		for _, f := range st.Fields {
			if f.Additional && b.holdsSecret(ir.TypeRef{Kind: ir.KindStruct, Name: st.GoName}, map[string]bool{}) {
				b.diags.Addf(f.Pos, "unsupported: additionalProperties beside properties in an object that holds a secret (format: password)")
			}
		}
	}
}
