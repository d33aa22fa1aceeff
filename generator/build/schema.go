package build

import (
	"cmp"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// schemaPos is where a schema is written: for a $ref, where it is used.
func (b *builder) schemaPos(s *openapi3.SchemaRef) ir.Pos {
	if s.Origin != nil && s.Origin.Key != nil {
		return b.doc.Pos(s.Origin.Key)
	}
	if s.Value != nil {
		return b.pos(s.Value.Origin)
	}
	return b.doc.Pos(nil)
}

// component returns the type of a component schema, building it once.
func (b *builder) component(name string) ir.TypeRef {
	if t, ok := b.components[name]; ok {
		return *t
	}
	ref := b.doc.T.Components.Schemas[name]
	if ref == nil || ref.Value == nil {
		b.diags.Addf(b.doc.Pos(nil), "schema %q is not defined", name)
		return ir.TypeRef{Kind: ir.KindString}
	}
	if b.building[name] {
		// An object under construction already has its type (see
		// object): a property that refers back to it, directly or
		// through items, is a pointer or a slice of it. A required
		// property or an allOf that holds it was refused by
		// infiniteCycles.
		if t, ok := b.inline[ref.Value]; ok {
			return t
		}
		if t, ok := b.inline[b.bases[name]]; ok {
			return t
		}
		b.diags.Addf(b.pos(ref.Value.Origin), "unsupported: schema %q refers to itself other than through an object's properties (an array of itself has no Go type here)", name)
		return ir.TypeRef{Kind: ir.KindString}
	}
	b.building[name] = true
	var t ir.TypeRef
	if variants := b.baseVariants(name, ref.Value); len(variants) > 0 {
		t = b.baseUnion(name, ref.Value, variants)
	} else {
		t = b.schemaType(ref.Value, name, nil, ir.RoleModel)
	}
	delete(b.building, name)
	b.components[name] = &t
	return t
}

// typeOf is the Go type of the schema s, found under owner at path. Inline
// objects and enums become named types called after owner and path.
func (b *builder) typeOf(s *openapi3.SchemaRef, owner string, path []string, role ir.Role) ir.TypeRef {
	if s == nil || s.Value == nil {
		return ir.TypeRef{Kind: ir.KindString}
	}
	if s.Ref != "" {
		name := refName(s.Ref)
		if outer := refInto(s.Ref); outer != "" && b.doc.T.Components.Schemas[outer] != nil {
			// A schema inside a component (one of its properties):
			// the component first, so the inline types it declares are
			// named after it and shared.
			b.component(outer)
			return b.schemaType(s.Value, owner, path, role)
		}
		if name == "" {
			// A schema elsewhere in the document (a response's or a
			// parameter's): kin-openapi resolved it to the schema
			// itself, so it is the type that schema has where it is
			// written, built once (b.inline).
			return b.schemaType(s.Value, owner, path, role)
		}
		if role == ir.RoleForm && isObject(s.Value) {
			b.diags.Addf(b.schemaPos(s), "unsupported: a nested object in a form body")
		}
		return b.component(name)
	}
	return b.schemaType(s.Value, owner, path, role)
}

// schemaType is the Go type of an inline or component schema: its shape,
// nullable when the schema says so (see nullable.go).
func (b *builder) schemaType(s *openapi3.Schema, owner string, path []string, role ir.Role) ir.TypeRef {
	if part := b.wrapped(s); part != nil {
		// allOf: [$ref] beside nullable: true, the 3.0 way to make a
		// reference nullable, or a described union: the part's type.
		b.unsupportedSchema(s, b.pos(s.Origin))
		t := b.typeOf(part, owner, path, role)
		t.Nullable = t.Nullable || s.Nullable
		return t
	}
	if cs := constUnion(s); cs != nil {
		// An enum written as a oneOf of values: the enum.
		t, ok := b.inline[s]
		if !ok {
			t = b.schemaShape(cs, owner, path, role)
			b.inline[s] = t
		}
		t.Nullable = t.Nullable || b.nullable(s)
		return t
	}
	if v := singleVariant(s); v != nil {
		b.unsupportedSchema(s, b.pos(s.Origin))
		t := b.typeOf(v, owner, path, role)
		t.Nullable = t.Nullable || b.nullable(s)
		return t
	}
	t := b.schemaShape(s, owner, path, role)
	t.Nullable = t.Nullable || b.nullable(s)
	return t
}

// schemaShape is the Go type of a schema, nullable or not.
func (b *builder) schemaShape(s *openapi3.Schema, owner string, path []string, role ir.Role) ir.TypeRef {
	at := b.pos(s.Origin)
	if gt := b.userType(s); gt != nil {
		// The user's type stands for the whole schema, whatever it
		// says: nothing of it is generated.
		return ir.TypeRef{Kind: ir.KindGo, Go: gt}
	}
	b.unsupportedSchema(s, at)
	if role == ir.RoleForm && len(path) > 0 && isObject(s) && !isMap(s) {
		b.diags.Addf(at, "unsupported: a nested object in a form body")
	}
	if t, ok := b.inline[s]; ok {
		return t
	}
	switch {
	case s.Not != nil:
		return ir.TypeRef{Kind: ir.KindString}
	case len(s.OneOf) > 0 || len(s.AnyOf) > 0:
		return b.union(s, naming.Inline(owner, path...), role, at)
	case len(s.Enum) > 0:
		t := b.enum(s, naming.Inline(owner, path...), at)
		b.inline[s] = t
		return t
	case isMap(s):
		return b.mapType(s, owner, path, role, at)
	case isObject(s):
		b.typedObject(s, at)
		t := ir.TypeRef{Kind: ir.KindStruct, Name: b.object(s, naming.Inline(owner, path...), at).GoName}
		b.inline[s] = t
		return t
	case len(s.AllOf) > 0:
		return b.scalarAllOf(s, owner, path, role)
	case s.Type.Is("array"):
		if s.Items == nil {
			b.diags.Addf(at, "unsupported: an array without items")
			return ir.TypeRef{Kind: ir.KindString}
		}
		elem := b.typeOf(s.Items, owner, append(slices.Clip(path), "item"), role)
		return ir.TypeRef{Kind: ir.KindArray, Elem: &elem}
	}
	return b.scalar(s, at)
}

// scalar maps a scalar schema to its Go type.
func (b *builder) scalar(s *openapi3.Schema, at ir.Pos) ir.TypeRef {
	switch {
	case s.Type.Is("string"):
		return ir.TypeRef{Kind: stringKind(s), Secret: s.Format == "password"}
	case s.Type.Is("integer"):
		return ir.TypeRef{Kind: ir.KindInt}
	case s.Type.Is("number"):
		return ir.TypeRef{Kind: ir.KindFloat}
	case s.Type.Is("boolean"):
		return ir.TypeRef{Kind: ir.KindBool}
	}
	if s.Type == nil || s.Type.IsEmpty() {
		return b.freeForm(s, at)
	}
	// Else a type OpenAPI does not know: the load reported it.
	return ir.TypeRef{Kind: ir.KindString}
}

// scalarAllOf is the type of an allOf of scalar schemas: all parts must
// agree on one type; their rules are all checked (see rules).
func (b *builder) scalarAllOf(s *openapi3.Schema, owner string, path []string, role ir.Role) ir.TypeRef {
	var t *ir.TypeRef
	for _, part := range s.AllOf {
		if part.Value == nil || part.Value.Type == nil || part.Value.Type.IsEmpty() {
			if part.Value != nil && (len(part.Value.Properties) > 0 || len(part.Value.Required) > 0) {
				// An object's constraints beside parts that are not
				// objects: no Go type holds both.
				b.diags.Addf(b.schemaPos(part), "unsupported: allOf parts of different types (properties or required beside a part that is not an object)")
			}
			if part.Value != nil && len(part.Value.Enum) > 0 {
				// The value's type would not be an enum type, and the
				// enum could not be checked.
				b.diags.Addf(b.fieldPos(part.Value.Origin, "enum"), "unsupported: an enum in an untyped allOf part (put it with the type)")
			}
			continue
		}
		pt := b.typeOf(part, owner, path, role)
		if t != nil && (pt.Kind != t.Kind || pt.Name != t.Name) {
			b.diags.Addf(b.schemaPos(part), "unsupported: allOf parts of different types")
		}
		t = &pt
	}
	if t == nil {
		if s.Type != nil && !s.Type.IsEmpty() {
			st := b.scalar(s, b.pos(s.Origin))
			return st
		}
		if !slices.ContainsFunc(s.AllOf, func(p *openapi3.SchemaRef) bool { return p.Value == nil || !annotationOnly(p.Value) }) && annotationOnlyBeside(s) {
			// Parts that only describe (box's additionalProperties:
			// allOf: [{}, {example}, {description}]): any value.
			return b.freeForm(s, b.pos(s.Origin))
		}
		b.diags.Addf(b.pos(s.Origin), "unsupported: allOf without a type")
		return ir.TypeRef{Kind: ir.KindString}
	}
	if s.Format == "password" && t.Kind == ir.KindString {
		t.Secret = true
	}
	return *t
}

// isObject reports whether s describes an object: type object, properties,
// or an allOf whose parts are objects.
func isObject(s *openapi3.Schema) bool {
	if s.Type.Is("object") || len(s.Properties) > 0 {
		return true
	}
	if len(s.AllOf) == 0 {
		return false
	}
	objects := 0
	for _, p := range s.AllOf {
		switch {
		case p.Value != nil && annotationOnly(p.Value):
			// A part that only describes (asana's "A set of filters
			// ..." beside the $ref): it constrains no shape.
		case p.Value != nil && requiredOnly(p.Value):
			// A part that only requires names (vonage-voice's
			// "required: [ncco]" beside the part declaring ncco):
			// required constrains objects alone, and properties
			// merges it.
		case p.Value == nil || !isObject(p.Value):
			return false
		default:
			objects++
		}
	}
	return objects > 0
}

// requiredOnly reports whether s requires property names and, besides
// annotations, says nothing else.
func requiredOnly(s *openapi3.Schema) bool {
	rest := *s
	rest.Required = nil
	return len(s.Required) > 0 && annotationOnly(&rest)
}

// annotationOnlyBeside reports whether s, its allOf aside, constrains
// nothing.
func annotationOnlyBeside(s *openapi3.Schema) bool {
	rest := *s
	rest.AllOf = nil
	return annotationOnly(&rest)
}

// annotationOnly reports whether s constrains nothing: a title, a
// description, examples, extensions at most.
func annotationOnly(s *openapi3.Schema) bool {
	return s.IsEmpty() && len(s.Properties) == 0 && len(s.AllOf) == 0 && len(s.OneOf) == 0 && len(s.AnyOf) == 0 && s.Discriminator == nil
}

// typedObject warns of an object schema that does not say type: object,
// itself or through an allOf part. JSON Schema's properties constrain only
// objects, so "a string" or 5 would match it; every user of such a schema
// (and oapi-codegen and ogen alike) means an object, so it is generated as
// one, and a value that is not an object is refused by the decoder: the
// warning says so, and -strict makes it an error.
func (b *builder) typedObject(s *openapi3.Schema, at ir.Pos) {
	if !forcesObject(s) {
		b.doc.Warnf(at, "properties without type: object: generated as an object, so a value that is not an object (which JSON Schema would accept) is refused; add type: object")
	}
}

// forcesObject reports whether every value of s is an object: s, or one of
// its allOf parts, says type: object.
func forcesObject(s *openapi3.Schema) bool {
	if s.Type.Is("object") {
		return true
	}
	for _, p := range s.AllOf {
		if p.Value != nil && forcesObject(p.Value) {
			return true
		}
	}
	return false
}

// property is one property of an object, merged through allOf.
type property struct {
	name     string
	schema   *openapi3.SchemaRef
	required bool
	pos      ir.Pos
	// implied marks a name the object requires but no part declares
	// (README: required names that are not properties).
	implied bool
}

// properties lists the properties of s and of its allOf parts, in the
// order they are written, parts first. A name required by s or by any
// of its parts is required in the whole (allOf means every part holds),
// and a required name no part declares is an implied property of any
// value (see impliedProperties).
func (b *builder) properties(s *openapi3.Schema) []property {
	out := b.declared(s)
	required := requiredNames(s)
	for i := range out {
		out[i].required = out[i].required || slices.Contains(required, out[i].name)
	}
	return append(out, b.impliedProperties(s, out, required)...)
}

// declared lists the properties s and its allOf parts declare: a later
// declaration of a name replaces an earlier one.
func (b *builder) declared(s *openapi3.Schema) []property {
	var out []property
	add := func(p property) {
		if i := slices.IndexFunc(out, func(q property) bool { return q.name == p.name }); i >= 0 {
			p.required = p.required || out[i].required
			out[i] = p
			return
		}
		out = append(out, p)
	}
	for _, part := range s.AllOf {
		if part.Value != nil {
			for _, p := range b.declared(part.Value) {
				add(p)
			}
		}
	}
	own := make([]property, 0, len(s.Properties))
	for name, p := range s.Properties {
		own = append(own, property{name: name, schema: p, required: slices.Contains(s.Required, name), pos: b.schemaPos(p)})
	}
	slices.SortFunc(own, func(x, y property) int {
		return cmp.Or(cmp.Compare(x.pos.Line, y.pos.Line), cmp.Compare(x.pos.Col, y.pos.Col), cmp.Compare(x.name, y.name))
	})
	for _, p := range own {
		add(p)
	}
	return out
}

// requiredNames lists the names s and its allOf parts require, each once,
// in the order they are written.
func requiredNames(s *openapi3.Schema) []string {
	var out []string
	for _, part := range s.AllOf {
		if part.Value != nil {
			for _, name := range requiredNames(part.Value) {
				if !slices.Contains(out, name) {
					out = append(out, name)
				}
			}
		}
	}
	for _, name := range s.Required {
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// impliedProperties gives each required name that no property declares a
// required property of any value: JSON Schema asks only that the key be
// present (a paging base schema requires "items" and leaves its type to
// the schemas that extend it), so the struct holds its raw value.
func (b *builder) impliedProperties(s *openapi3.Schema, props []property, required []string) []property {
	var out []property
	for _, name := range required {
		if slices.ContainsFunc(props, func(p property) bool { return p.name == name }) {
			continue
		}
		out = append(out, property{
			name:     name,
			schema:   &openapi3.SchemaRef{Value: &openapi3.Schema{}},
			required: true,
			pos:      b.requiredPos(s, name),
			implied:  true,
		})
	}
	return out
}

// requiredPos is the position of the required list that names name: s's
// own, else the first allOf part's that does.
func (b *builder) requiredPos(s *openapi3.Schema, name string) ir.Pos {
	if slices.Contains(s.Required, name) {
		return b.fieldPos(s.Origin, "required")
	}
	for _, part := range s.AllOf {
		if part.Value != nil && slices.Contains(requiredNames(part.Value), name) {
			return b.requiredPos(part.Value, name)
		}
	}
	return b.pos(s.Origin)
}
