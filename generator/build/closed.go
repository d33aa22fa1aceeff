package build

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// closeObject marks the struct st of schema s closed (ir.Struct.Closed)
// when s, or an allOf part of it, says additionalProperties: false beside
// properties. In JSON Schema such a schema allows only the properties it
// declares itself, not those of its allOf parts or of the schema it is a
// part of: a property of the merged object that a closed schema does not
// declare could never be present, and no single Go shape says so; it is
// refused at that schema's additionalProperties.
func (b *builder) closeObject(st *ir.Struct, s *openapi3.Schema, props []property) {
	if st.NoProperties || !closed(s) {
		return
	}
	names := make([]string, 0, len(props))
	for _, p := range props {
		if !p.implied {
			names = append(names, p.name)
		}
	}
	refused := false
	walkClosed(s, func(c *openapi3.Schema) {
		for _, name := range names {
			if _, ok := c.Properties[name]; !ok {
				b.diags.Addf(b.fieldPos(c.Origin, "additionalProperties"), "unsupported: additionalProperties: false in a schema that does not declare the property %q of the allOf it is in (JSON Schema would refuse every value holding it); declare the property beside additionalProperties", name)
				refused = true
				return
			}
		}
	})
	st.Closed = !refused
}

// walkClosed calls fn on s and on each of its allOf parts, at any depth,
// that says additionalProperties: false; a part met twice (a cycle, which
// the builder reports) is walked once.
func walkClosed(s *openapi3.Schema, fn func(*openapi3.Schema)) {
	seen := map[*openapi3.Schema]bool{}
	var walk func(*openapi3.Schema)
	walk = func(s *openapi3.Schema) {
		if seen[s] {
			return
		}
		seen[s] = true
		if s.AdditionalProperties.Has != nil && !*s.AdditionalProperties.Has {
			fn(s)
		}
		for _, part := range s.AllOf {
			if part.Value != nil {
				walk(part.Value)
			}
		}
	}
	walk(s)
}
