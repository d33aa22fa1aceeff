package build

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// Nullable values (README: "Nullable values"). A schema with nullable:
// true (3.1's "null" in a type list is read as that, see load/v31.go) is
// the runtime's Nullable of its type, wherever a JSON or XML document holds
// it: a property or an array item. A parameter, header or form field has
// no null on the wire (a query string cannot say null), so its type is the
// value's own (notNullable).

// nullable reports whether the values of s may be null. An enum with
// nullable: true is nullable whether or not null is among its values:
// kin-openapi (v0.153) takes null for nullable: true, enum: [a, b] before
// it looks at the enum, and Twilio's documents say so of their nullable
// enums, whose examples hold null (found by corpus
// TestSpecExamplesRoundTrip; OpenAPI 3.0.3's clarification would refuse
// it, the oracle does not).
func (b *builder) nullable(s *openapi3.Schema) bool {
	return s.Nullable
}

// wrapped is the one part of an allOf that says something, when s says
// nothing else (no properties, type, enum or union of its own) and the
// other parts are annotations (a description, a title, an example): the
// schema is that part's type. It is taken when s is nullable (3.0's
// spelling of a nullable reference, allOf: [$ref] beside nullable: true)
// and when the part is a union (an allOf cannot merge a union's choice into
// an object, but a union described at its use is the union); nil else.
func (b *builder) wrapped(s *openapi3.Schema) *openapi3.SchemaRef {
	if len(s.AllOf) == 0 || len(s.Properties) > 0 || len(s.Enum) > 0 || (s.Type != nil && !s.Type.IsEmpty()) ||
		composite(s) || s.AdditionalProperties.Schema != nil {
		return nil
	}
	var part *openapi3.SchemaRef
	for _, p := range s.AllOf {
		if p.Value == nil {
			return nil
		}
		if annotation(p.Value) {
			continue
		}
		if part != nil {
			return nil
		}
		part = p
	}
	if part == nil || !(s.Nullable || isUnion(part.Value)) {
		return nil
	}
	return part
}

// annotation reports a schema that only documents: a description, title
// or example, nothing that constrains a value.
func annotation(s *openapi3.Schema) bool {
	rest := *s
	rest.Description, rest.Title, rest.Example, rest.Deprecated = "", "", nil, false
	return len(rest.OneOf) == 0 && len(rest.AnyOf) == 0 && len(rest.AllOf) == 0 && rest.IsEmpty()
}

// isUnion reports a oneOf or anyOf that is a union type (not an enum
// written as one, see constUnion).
func isUnion(s *openapi3.Schema) bool {
	return (len(s.OneOf) > 0 || len(s.AnyOf) > 0) && constUnion(s) == nil
}

// notNullable is t for a parameter, header, form field or whole body:
// neither the value nor its items are nullable there.
func notNullable(t ir.TypeRef) ir.TypeRef {
	t.Nullable = false
	if t.Elem != nil {
		elem := notNullable(*t.Elem)
		t.Elem = &elem
	}
	return t
}

// wholeBody is the type of a request or response body of schema s: a
// nullable schema is read as its type, with a warning, since a body of
// null is refused (the server's decoder and the client's presence checks
// take a body for the value it describes).
func (b *builder) wholeBody(t ir.TypeRef, s *openapi3.SchemaRef) ir.TypeRef {
	if t.Nullable {
		b.doc.Warnf(b.schemaPos(s), "a nullable body: a body of null is refused (its properties and items may be null)")
	}
	t.Nullable = false
	return t
}

// xmlNullable reports the nullable properties of an XML body that XML
// cannot carry: an array that is not wrapped (each element would replace
// the one before). A nullable element or attribute is written when it has
// a value and left out when it is absent or null (XML has no null).
func (b *builder) xmlNullable(f *ir.Field) {
	if !f.Type.Nullable {
		return
	}
	if f.Type.Kind == ir.KindArray && !strings.Contains(f.XMLTag, ">") {
		b.diags.Addf(f.Pos, "unsupported: nullable array %q in an XML body that is not wrapped (xml.wrapped: true)", f.Name)
	}
}

// nullableCycle reports a nullable property whose object holds, directly
// or through other nullable properties, the object being built: a
// Nullable holds its value, so the Go type would contain itself. (An
// optional property that is not nullable is a pointer; an array a slice.)
func (b *builder) nullableCycle(f *ir.Field) {
	if f.Type.Nullable && f.Type.Kind == ir.KindStruct && b.open[f.Type.Name] {
		b.diags.Addf(f.Pos, "unsupported: nullable property %q refers back to its own object (a Nullable holds its value: the Go type would contain itself; drop nullable, or make it an array)", f.Name)
	}
}
