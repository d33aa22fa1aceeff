package load

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/diag"
)

// hoistDefs makes the $defs of each component schema components of their
// own, named Owner_Name, and points the $refs that reach them there
// ("#/components/schemas/Pet/$defs/Tag" → "#/components/schemas/Pet_Tag").
// $defs anywhere else are refused where they are (v31Schema).
func (d *Doc) hoistDefs(l *diag.List) {
	c := d.T.Components
	if c == nil {
		return
	}
	moved := make(map[string]string)
	for _, owner := range sortedKeys(c.Schemas) {
		ref := c.Schemas[owner]
		if ref == nil || ref.Value == nil || ref.Ref != "" {
			continue
		}
		for _, name := range sortedKeys(ref.Value.Defs) {
			to := owner + "_" + name
			if _, taken := c.Schemas[to]; taken {
				l.Addf(d.FieldPos(ref.Value.Origin, "$defs"), "unsupported: $defs %q of %q: the component name %s it would take is another schema's", name, owner, to)
				continue
			}
			c.Schemas[to] = ref.Value.Defs[name]
			moved["#/components/schemas/"+owner+"/$defs/"+name] = "#/components/schemas/" + to
		}
		ref.Value.Defs = nil
	}
	if len(moved) == 0 {
		return
	}
	seen := make(map[*openapi3.Schema]bool)
	var follow func(r *openapi3.SchemaRef)
	follow = func(r *openapi3.SchemaRef) {
		if r == nil {
			return
		}
		if to, ok := moved[r.Ref]; ok {
			r.Ref = to
		} else if strings.Contains(r.Ref, "/$defs/") {
			l.Addf(d.schemaRefPos(r), "unsupported: $ref %q (into $defs below a component schema's own)", r.Ref)
		}
		if r.Value == nil || seen[r.Value] {
			return
		}
		seen[r.Value] = true
		for _, sub := range subschemas(r.Value) {
			follow(sub)
		}
	}
	for _, s := range d.schemas() {
		follow(s)
	}
}

// schemas are the document's schemas that are not below another: those of
// the components, the parameters, headers and bodies, in document order
// of their kinds.
func (d *Doc) schemas() []*openapi3.SchemaRef {
	var out []*openapi3.SchemaRef
	content := func(c openapi3.Content) {
		for _, k := range sortedKeys(c) {
			if mt := c[k]; mt != nil {
				out = append(out, mt.Schema)
			}
		}
	}
	param := func(p *openapi3.ParameterRef) {
		if p != nil && p.Value != nil {
			out = append(out, p.Value.Schema)
			content(p.Value.Content)
		}
	}
	headers := func(h openapi3.Headers) {
		for _, k := range sortedKeys(h) {
			if h[k] != nil && h[k].Value != nil {
				out = append(out, h[k].Value.Schema)
				content(h[k].Value.Content)
			}
		}
	}
	response := func(r *openapi3.ResponseRef) {
		if r != nil && r.Value != nil {
			headers(r.Value.Headers)
			content(r.Value.Content)
		}
	}
	if c := d.T.Components; c != nil {
		for _, k := range sortedKeys(c.Schemas) {
			out = append(out, c.Schemas[k])
		}
		for _, k := range sortedKeys(c.Parameters) {
			param(c.Parameters[k])
		}
		headers(c.Headers)
		for _, k := range sortedKeys(c.RequestBodies) {
			if b := c.RequestBodies[k]; b != nil && b.Value != nil {
				content(b.Value.Content)
			}
		}
		for _, k := range sortedKeys(c.Responses) {
			response(c.Responses[k])
		}
	}
	for _, it := range d.Items() {
		item := it.Item
		for _, prm := range item.Parameters {
			param(prm)
		}
		ops := item.Operations()
		for _, m := range sortedKeys(ops) {
			op := ops[m]
			for _, prm := range op.Parameters {
				param(prm)
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				content(op.RequestBody.Value.Content)
			}
			if op.Responses != nil {
				for _, code := range sortedKeys(op.Responses.Map()) {
					response(op.Responses.Value(code))
				}
			}
		}
	}
	return out
}
