package load

import (
	"regexp"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/diag"
	"github.com/nexmogen/nexmogen/generator/ir"
)

// Warnings are the problems of the document that lose a check or a piece
// of documentation but not the meaning of the generated code: the
// generation goes on (see the README's Diagnostics). Load and Build both
// record them here.
func (d *Doc) Warnings() []*diag.Diagnostic { return d.warnings.Warnings() }

// Warnf records a warning at pos.
func (d *Doc) Warnf(pos ir.Pos, format string, args ...any) { d.warnings.Warnf(pos, format, args...) }

// BrokenDefault reports whether the default of s breaks its schema (a
// warning): such a default is not applied.
func (d *Doc) BrokenDefault(s *openapi3.Schema) bool { return s != nil && d.brokenDefaults[s.Origin] }

// NullOnly reports whether s was of type "null" alone (OpenAPI 3.1): a
// free-form value now, whose only valid value is null.
func (d *Doc) NullOnly(s *openapi3.Schema) bool {
	return s != nil && s.Origin != nil && d.nullOnly[s.Origin]
}

// lenient turns what vendor specs often get wrong, and what does not
// change the generated code, into warnings, and takes it out of the way
// of kin-openapi's validation so that it hides no real problem: a
// response without description (it is documentation), a const in a 3.0
// document (a 3.1 keyword, not checked there; 3.1's is v31's), and a pattern Go's RE2
// cannot compile (not checked; the generated doc says so). Examples and
// defaults that break their schema are found by the second validation
// pass (see validate).
func (d *Doc) lenient() {
	empty := ""
	for _, r := range d.responses() {
		if r.Description == nil {
			d.warnings.Warnf(d.KeyPos(r.Origin), "a response without description (OpenAPI requires one)")
			r.Description = &empty
		}
	}
	d.eachSchema(func(s *openapi3.Schema) {
		if s.Const != nil && !d.isV31() {
			d.warnings.Warnf(d.FieldPos(s.Origin, "const"), "const is an OpenAPI 3.1 keyword: in a 3.0 document it is not checked")
			s.Const = nil
		}
		if s.Pattern != "" {
			if _, err := regexp.Compile(s.Pattern); err != nil {
				d.warnings.Warnf(d.FieldPos(s.Origin, "pattern"), "%s; it is not checked", PatternMessage(s.Pattern, err))
			}
		}
	})
}

// PatternChecked reports whether a pattern compiles in Go's RE2 syntax;
// one that does not is a warning (see lenient), and is not checked.
func PatternChecked(pattern string) bool {
	_, err := regexp.Compile(pattern)
	return err == nil
}

// responses lists every response of the document: the components' and
// the operations'.
func (d *Doc) responses() []*openapi3.Response {
	var out []*openapi3.Response
	add := func(r *openapi3.ResponseRef) {
		if r != nil && r.Value != nil {
			out = append(out, r.Value)
		}
	}
	if c := d.T.Components; c != nil {
		for _, k := range sortedKeys(c.Responses) {
			add(c.Responses[k])
		}
	}
	d.eachOperation(func(op *openapi3.Operation) {
		if op.Responses != nil {
			for _, code := range sortedKeys(op.Responses.Map()) {
				add(op.Responses.Value(code))
			}
		}
	})
	return out
}

// eachOperation calls f for every operation, in path and method order
// (those of webhooks and callbacks included, see Items).
func (d *Doc) eachOperation(f func(*openapi3.Operation)) {
	for _, it := range d.Items() {
		ops := it.Item.Operations()
		for _, m := range sortedKeys(ops) {
			if ops[m] != nil {
				f(ops[m])
			}
		}
	}
}

// eachSchema calls f once for every schema of the document, those nested
// in others included, in document order of their roots.
func (d *Doc) eachSchema(f func(*openapi3.Schema)) {
	seen := make(map[*openapi3.Schema]bool)
	var visit func(r *openapi3.SchemaRef)
	visit = func(r *openapi3.SchemaRef) {
		if r == nil || r.Value == nil || seen[r.Value] {
			return
		}
		s := r.Value
		seen[s] = true
		f(s)
		for _, k := range sortedKeys(s.Properties) {
			visit(s.Properties[k])
		}
		visit(s.Items)
		for _, list := range [][]*openapi3.SchemaRef{s.AllOf, s.AnyOf, s.OneOf} {
			for _, sub := range list {
				visit(sub)
			}
		}
		visit(s.Not)
		visit(s.AdditionalProperties.Schema)
	}
	content := func(c openapi3.Content) {
		for _, k := range sortedKeys(c) {
			if mt := c[k]; mt != nil {
				visit(mt.Schema)
			}
		}
	}
	params := func(ps openapi3.Parameters) {
		for _, p := range ps {
			if p != nil && p.Value != nil {
				visit(p.Value.Schema)
				content(p.Value.Content)
			}
		}
	}
	headers := func(hs openapi3.Headers) {
		for _, k := range sortedKeys(hs) {
			if h := hs[k]; h != nil && h.Value != nil {
				visit(h.Value.Schema)
				content(h.Value.Content)
			}
		}
	}
	if c := d.T.Components; c != nil {
		for _, k := range sortedKeys(c.Schemas) {
			visit(c.Schemas[k])
		}
		for _, k := range sortedKeys(c.Parameters) {
			params(openapi3.Parameters{c.Parameters[k]})
		}
		headers(c.Headers)
		for _, k := range sortedKeys(c.RequestBodies) {
			if b := c.RequestBodies[k]; b != nil && b.Value != nil {
				content(b.Value.Content)
			}
		}
	}
	for _, r := range d.responses() {
		content(r.Content)
		headers(r.Headers)
	}
	for _, it := range d.Items() {
		params(it.Item.Parameters)
	}
	d.eachOperation(func(op *openapi3.Operation) {
		params(op.Parameters)
		if op.RequestBody != nil && op.RequestBody.Value != nil {
			content(op.RequestBody.Value.Content)
		}
	})
}
