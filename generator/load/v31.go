package load

import (
	"errors"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/diag"
	"github.com/nexmogen/nexmogen/generator/ir"
)

// oasDialect31 is OpenAPI 3.1's default JSON Schema dialect.
const oasDialect31 = "https://spec.openapis.org/oas/3.1/dialect/base"

// OpenAPI 3.1. kin-openapi loads and validates a 3.1 document with JSON
// Schema 2020-12's meaning; v31 then rewrites the constructs whose meaning
// the generator carries into their 3.0 spelling, which is all the builder
// reads, and refuses at their position those it cannot carry:
//
//   - type lists: a single type is that type; "null" in a list is
//     nullable: true, and a {type: "null"} variant of oneOf or anyOf too
//     (v31NullVariant); several other types are left to the builder,
//     which refuses them;
//   - const: an enum of one value (typed after the value when the schema
//     has no type);
//   - exclusiveMinimum and exclusiveMaximum as numbers: the bound and its
//     exclusive flag, or nothing when minimum/maximum is stricter;
//   - examples (a list): each is held against its schema by kin-openapi,
//     as example is; they are documentation;
//   - $defs of a component schema: components of their own, named
//     Owner_Name, and the $refs that point at them follow;
//   - webhooks: built as the paths are (their schemas are rewritten here
//     too), into the webhooks' handler and sender (the builder's hooks);
//   - every JSON Schema keyword the generator has no code for
//     (prefixItems, if/then/else, patternProperties, ...): refused.

// isV31 reports whether the document is OpenAPI 3.1.
func (d *Doc) isV31() bool { return d.T != nil && d.T.IsOpenAPI31OrLater() }

// v31 rewrites a 3.1 document into the builder's terms; see above.
func (d *Doc) v31() error {
	if !d.isV31() {
		return nil
	}
	var l diag.List
	if d.T.JSONSchemaDialect != "" && d.T.JSONSchemaDialect != oasDialect31 {
		l.Addf(d.FieldPos(d.T.Origin, "jsonSchemaDialect"), "unsupported: jsonSchemaDialect %q (OpenAPI 3.1's own dialect is supported)", d.T.JSONSchemaDialect)
	}
	d.hoistDefs(&l)
	seen := make(map[*openapi3.Schema]bool)
	for _, s := range d.schemas() {
		d.v31Schema(s, seen, &l)
	}
	return l.Err()
}

// v31Schema rewrites one schema and those below it.
func (d *Doc) v31Schema(ref *openapi3.SchemaRef, seen map[*openapi3.Schema]bool, l *diag.List) {
	if ref == nil || ref.Value == nil || seen[ref.Value] {
		return
	}
	s := ref.Value
	seen[s] = true
	if s.Always != nil {
		l.Addf(d.schemaRefPos(ref), "unsupported: a boolean schema (%v)", *s.Always)
	}
	v31NullVariant(s)
	d.v31Type(s, l)
	d.v31Const(s, l)
	v31Bounds(s)
	d.v31ContentEncoding(s, l)
	for _, k := range unsupported31(s) {
		l.Addf(d.FieldPos(s.Origin, k), "unsupported: %s (OpenAPI 3.1)", k)
	}
	for _, sub := range subschemas(s) {
		d.v31Schema(sub, seen, l)
	}
	d.v31Examples(s)
}

// v31Examples holds each of a schema's examples against it, as example is
// (kin-openapi's validation of a 3.1 document does not), a failure being a
// warning as an example's is: once the schema
// and those below it are in 3.0's terms, which kin-openapi's validator
// reads exactly.
func (d *Doc) v31Examples(s *openapi3.Schema) {
	for i, v := range s.Examples {
		err := s.VisitJSON(v, openapi3.MultiErrors())
		if err == nil {
			continue
		}
		reason := firstLine(err.Error())
		var se *openapi3.SchemaError
		if errors.As(err, &se) {
			reason = se.Reason
			if p := se.JSONPointer(); len(p) > 0 {
				reason = "at /" + strings.Join(p, "/") + ": " + reason
			}
		}
		d.warnings.Warnf(d.FieldPos(s.Origin, "examples"), "examples[%d] does not match its schema: %s", i, reason)
	}
}

// schemaRefPos is where a schema is written: for a $ref, where it is used.
func (d *Doc) schemaRefPos(ref *openapi3.SchemaRef) ir.Pos {
	if ref.Origin != nil && ref.Origin.Key != nil {
		return d.Pos(ref.Origin.Key)
	}
	return d.KeyPos(ref.Value.Origin)
}

// v31Type turns a type list into 3.0's single type: "null" in it is
// nullable: true. A schema of type "null" alone, but as a variant of
// oneOf or anyOf (see v31NullVariant), is a free-form value that must be
// null (NullOnly).
func (d *Doc) v31Type(s *openapi3.Schema, l *diag.List) {
	if s.Type == nil || !s.Type.Includes(openapi3.TypeNull) {
		return
	}
	var rest openapi3.Types
	for _, t := range *s.Type {
		if t != openapi3.TypeNull {
			rest = append(rest, t)
		}
	}
	if len(rest) == 0 {
		// A value that can only be null (Discord's premium_subscriber:
		// null says yes, absent says no): free-form, whose nil is absent
		// and whose four bytes null are null, and NullOnly has the
		// validators refuse any other value.
		if s.Origin == nil {
			l.Addf(d.FieldPos(s.Origin, "type"), "unsupported: a schema of type \"null\" whose position is unknown")
		} else {
			d.nullOnly[s.Origin] = true
		}
		s.Type = nil
		return
	}
	s.Nullable = true
	s.Type = &rest
}

// v31NullVariant reads a oneOf or anyOf with a {type: "null"} variant (3.1's
// nullable reference, anyOf: [{$ref: X}, {type: "null"}]) as nullable: the
// null variants are dropped, and a single variant left becomes an allOf
// part (the 3.0 spelling, allOf: [$ref] with nullable: true).
func v31NullVariant(s *openapi3.Schema) {
	for _, list := range []*openapi3.SchemaRefs{&s.OneOf, &s.AnyOf} {
		// A new slice, not slices.DeleteFunc: that clears the dropped
		// tail in place, and a schema that shares the backing array
		// (kin-openapi's copies do) would then hold nil variants.
		kept := make(openapi3.SchemaRefs, 0, len(*list))
		for _, v := range *list {
			if v == nil || v.Value == nil || !nullOnly(v.Value) {
				kept = append(kept, v)
			}
		}
		if len(kept) == len(*list) {
			continue
		}
		*list = kept
		s.Nullable = true
		if len(*list) == 1 {
			s.AllOf = append(s.AllOf, (*list)[0])
			*list = nil
		}
	}
}

// nullOnly reports a schema that says only type: "null".
func nullOnly(s *openapi3.Schema) bool {
	if s.Type == nil || len(*s.Type) != 1 || !s.Type.Is(openapi3.TypeNull) {
		return false
	}
	rest := *s
	rest.Type = nil
	return rest.IsEmpty()
}

// v31Const turns const into an enum of one value.
func (d *Doc) v31Const(s *openapi3.Schema, l *diag.List) {
	if s.Const == nil {
		return
	}
	if len(s.Enum) > 0 {
		l.Addf(d.FieldPos(s.Origin, "const"), "unsupported: const beside enum")
		return
	}
	s.Enum = []any{s.Const}
	if s.Type == nil || s.Type.IsEmpty() {
		switch s.Const.(type) {
		case string:
			s.Type = &openapi3.Types{openapi3.TypeString}
		case bool:
			s.Type = &openapi3.Types{openapi3.TypeBoolean}
		}
	}
	s.Const = nil
}

// v31ContentEncoding reads a string's contentEncoding as the 3.0 format it
// replaced (OpenAPI 3.1's migration: format: byte is contentEncoding:
// base64, and raw bytes, binary, what format: binary said): base64 is a
// []byte in base64, binary a file part or stream. The other encodings
// (base16, base32, quoted-printable, 7bit, 8bit) stay unsupported.
func (d *Doc) v31ContentEncoding(s *openapi3.Schema, l *diag.List) {
	format := map[string]string{"base64": "byte", "binary": "binary"}[s.ContentEncoding]
	if format == "" || !s.Type.Is(openapi3.TypeString) {
		return
	}
	if s.Format != "" && s.Format != format {
		l.Addf(d.FieldPos(s.Origin, "contentEncoding"), "contentEncoding %q beside format %q, which says otherwise", s.ContentEncoding, s.Format)
		return
	}
	s.Format, s.ContentEncoding = format, ""
}

// v31Bounds turns numeric exclusive bounds into 3.0's bound and flag: of
// minimum and exclusiveMinimum, the stricter one holds.
func v31Bounds(s *openapi3.Schema) {
	if v := s.ExclusiveMin.Value; v != nil {
		if s.Min == nil || *v >= *s.Min {
			s.Min = ptr(*v)
			s.ExclusiveMin = openapi3.ExclusiveBound{Bool: ptr(true)}
		} else {
			s.ExclusiveMin = openapi3.ExclusiveBound{}
		}
	}
	if v := s.ExclusiveMax.Value; v != nil {
		if s.Max == nil || *v <= *s.Max {
			s.Max = ptr(*v)
			s.ExclusiveMax = openapi3.ExclusiveBound{Bool: ptr(true)}
		} else {
			s.ExclusiveMax = openapi3.ExclusiveBound{}
		}
	}
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

// unsupported31 lists the JSON Schema keywords of s the generator has no
// code for, by their spelling in the document.
func unsupported31(s *openapi3.Schema) []string {
	var keys []string
	add := func(present bool, key string) {
		if present {
			keys = append(keys, key)
		}
	}
	add(len(s.PrefixItems) > 0, "prefixItems")
	add(s.Contains != nil, "contains")
	add(s.MinContains != nil, "minContains")
	add(s.MaxContains != nil, "maxContains")
	add(len(s.PatternProperties) > 0, "patternProperties")
	add(len(s.DependentSchemas) > 0, "dependentSchemas")
	add(s.PropertyNames != nil, "propertyNames")
	add(s.UnevaluatedItems.Has != nil || s.UnevaluatedItems.Schema != nil, "unevaluatedItems")
	add(s.UnevaluatedProperties.Has != nil || s.UnevaluatedProperties.Schema != nil, "unevaluatedProperties")
	add(s.If != nil, "if")
	add(s.Then != nil, "then")
	add(s.Else != nil, "else")
	add(len(s.DependentRequired) > 0, "dependentRequired")
	add(s.SchemaID != "", "$id")
	add(s.Anchor != "", "$anchor")
	add(s.DynamicRef != "", "$dynamicRef")
	add(s.DynamicAnchor != "", "$dynamicAnchor")
	add(s.ContentMediaType != "", "contentMediaType")
	add(s.ContentEncoding != "", "contentEncoding")
	add(s.ContentSchema != nil, "contentSchema")
	add(s.SchemaDialect != "" && s.SchemaDialect != oasDialect31 && !strings.HasPrefix(s.SchemaDialect, "https://json-schema.org/draft/2020-12/schema"), "$schema")
	add(len(s.Defs) > 0, "$defs")
	return keys
}

// subschemas are the schemas directly below s.
func subschemas(s *openapi3.Schema) []*openapi3.SchemaRef {
	subs := []*openapi3.SchemaRef{s.Items, s.Not, s.AdditionalProperties.Schema}
	for _, k := range sortedKeys(s.Properties) {
		subs = append(subs, s.Properties[k])
	}
	subs = append(subs, s.AllOf...)
	subs = append(subs, s.AnyOf...)
	subs = append(subs, s.OneOf...)
	return subs
}
