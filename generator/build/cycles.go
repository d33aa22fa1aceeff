package build

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// cycle search colours: unseen schemas are absent from the map.
const (
	onPath = 1
	done   = 2
)

// holdEdge is one way a value of a schema must hold a value of another: an
// allOf part (the value is the part) or a required property that is not an
// array (the value contains the property's value).
type holdEdge struct {
	to  *openapi3.SchemaRef
	via string
}

// infiniteCycles reports, at the reference that closes each, the cycles of
// schemas whose every value would hold a value of itself: an allOf that
// reaches itself (A: allOf [B], B: allOf [A]), or a required property of
// the schema's own type. No finite JSON value matches such a schema, no Go
// type can hold one, and the builder's walks through allOf would never end:
// it returns true when it found one, and Build stops. A cycle through an
// optional property or an array is finite and generates (a pointer or a
// slice breaks it).
func (b *builder) infiniteCycles() bool {
	c := &cycleSearch{b: b, colour: make(map[*openapi3.Schema]int), names: make(map[*openapi3.Schema]string)}
	for _, s := range b.rootSchemas() {
		if s.ref != nil && s.ref.Value != nil && s.name != "" {
			c.names[s.ref.Value] = s.name
		}
	}
	for _, s := range b.rootSchemas() {
		c.visit(s.ref, s.name)
	}
	return c.found
}

// cycleSearch is the state of a depth-first search for holdEdge cycles.
type cycleSearch struct {
	b      *builder
	colour map[*openapi3.Schema]int
	names  map[*openapi3.Schema]string
	// path is the chain of schemas from the root to the current one, with
	// the edge that led to each.
	path   []*openapi3.Schema
	labels []string
	found  bool
}

func (c *cycleSearch) visit(ref *openapi3.SchemaRef, via string) {
	if ref == nil || ref.Value == nil {
		return
	}
	s := ref.Value
	switch c.colour[s] {
	case done:
		return
	case onPath:
		c.report(ref, s, via)
		return
	}
	c.colour[s] = onPath
	c.path = append(c.path, s)
	c.labels = append(c.labels, c.label(s, via))
	for _, e := range holds(s) {
		c.visit(e.to, e.via)
	}
	c.path = c.path[:len(c.path)-1]
	c.labels = c.labels[:len(c.labels)-1]
	c.colour[s] = done
}

// label names a schema in a cycle's message: its component name, or the
// edge that reached an inline schema.
func (c *cycleSearch) label(s *openapi3.Schema, via string) string {
	n := c.names[s]
	switch {
	case n == "":
		return via
	case via == "":
		return fmt.Sprintf("%q", n)
	}
	return fmt.Sprintf("%s %q", via, n)
}

func (c *cycleSearch) report(ref *openapi3.SchemaRef, s *openapi3.Schema, via string) {
	start := max(0, slices.Index(c.path, s))
	chain := append([]string{c.label(s, "")}, c.labels[start+1:]...)
	chain = append(chain, c.label(s, via))
	c.b.diags.Addf(c.b.schemaPos(ref), "schema %s holds itself (%s): every value would be infinitely large; make one link an optional property or an array",
		c.label(s, ""), strings.Join(chain, " → "))
	c.found = true
}

// holds lists the schemas every value of s must hold.
func holds(s *openapi3.Schema) []holdEdge {
	var out []holdEdge
	for _, p := range s.AllOf {
		out = append(out, holdEdge{to: p, via: "allOf"})
	}
	for _, name := range sortedKeys(s.Properties) {
		p := s.Properties[name]
		if slices.Contains(s.Required, name) && p != nil && p.Value != nil && !p.Value.Type.Is("array") {
			out = append(out, holdEdge{to: p, via: "property " + fmt.Sprintf("%q", name)})
		}
	}
	return out
}

// namedSchema is a schema the document declares, with its component name
// when it is one.
type namedSchema struct {
	ref  *openapi3.SchemaRef
	name string
}

// rootSchemas are the schemas written outside other schemas: the
// components, and those of parameters, bodies, responses and headers.
func (b *builder) rootSchemas() []namedSchema {
	var out []namedSchema
	t := b.doc.T
	params := func(ps openapi3.Parameters) {
		for _, p := range ps {
			if p != nil && p.Value != nil {
				out = append(out, namedSchema{ref: p.Value.Schema})
			}
		}
	}
	content := func(c openapi3.Content) {
		for _, k := range sortedKeys(c) {
			if mt := c[k]; mt != nil {
				out = append(out, namedSchema{ref: mt.Schema})
			}
		}
	}
	if c := t.Components; c != nil {
		for _, name := range sortedKeys(c.Schemas) {
			out = append(out, namedSchema{ref: c.Schemas[name], name: name})
		}
		for _, name := range sortedKeys(c.Parameters) {
			params(openapi3.Parameters{c.Parameters[name]})
		}
	}
	if t.Paths == nil {
		return out
	}
	for _, path := range sortedKeys(t.Paths.Map()) {
		item := t.Paths.Value(path)
		if item == nil {
			continue
		}
		params(item.Parameters)
		ops := item.Operations()
		for _, m := range sortedKeys(ops) {
			op := ops[m]
			params(op.Parameters)
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				content(op.RequestBody.Value.Content)
			}
			if op.Responses == nil {
				continue
			}
			for _, code := range sortedKeys(op.Responses.Map()) {
				if r := op.Responses.Value(code); r != nil && r.Value != nil {
					content(r.Value.Content)
				}
			}
		}
	}
	return out
}
