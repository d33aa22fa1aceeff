package build

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// unsupportedOperation reports operation-level constructs outside the
// supported subset: servers of their own (the client has one base URL).
func (b *builder) unsupportedOperation(e opEntry) {
	base := ""
	if len(b.doc.T.Servers) > 0 {
		base = strings.TrimSuffix(b.doc.T.Servers[0].URL, "/")
	}
	own := func(servers openapi3.Servers) bool {
		return len(servers) > 0 && (len(servers) > 1 || strings.TrimSuffix(servers[0].URL, "/") != base)
	}
	if own(e.item.Servers) {
		b.diags.Addf(b.fieldPos(e.item.Origin, "servers"), "unsupported: servers on a path item that differ from the document's")
	}
	if e.op.Servers != nil && own(*e.op.Servers) {
		b.diags.Addf(b.fieldPos(e.op.Origin, "servers"), "unsupported: servers on an operation that differ from the document's")
	}
}

// unsupportedAccess reports readOnly and writeOnly: a request validator
// would have to drop readOnly properties from required, a response the
// writeOnly ones, and the generated types share one struct for both.
func (b *builder) unsupportedAccess(s *openapi3.Schema) {
	if s.ReadOnly {
		b.diags.Addf(b.fieldPos(s.Origin, "readOnly"), "unsupported: readOnly")
	}
	if s.WriteOnly {
		b.diags.Addf(b.fieldPos(s.Origin, "writeOnly"), "unsupported: writeOnly")
	}
}

// requiredKnown reports a required name that is no property of the object
// (its allOf parts included): the generated struct could not hold it, and
// a validator could never see it.
func (b *builder) requiredKnown(s *openapi3.Schema, props []property) {
	for _, name := range s.Required {
		if !slices.ContainsFunc(props, func(p property) bool { return p.name == name }) {
			b.diags.Addf(b.fieldPos(s.Origin, "required"), "required property %q is not among the properties", name)
		}
	}
}
