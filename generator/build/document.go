package build

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// Vendor extensions read by the builder. The README documents each.
const (
	extPagination = "x-nexmogen-pagination"
	extIdempotent = "x-nexmogen-idempotent"
	extBodyStatus = "x-nexmogen-body-status"
	extRequestIDs = "x-nexmogen-request-id-headers"
	extEnumNames  = "x-enum-varnames"
)

// auth reads the security schemes: a pair of query apiKeys (the key and the
// one whose parameter name says "secret") and HTTP Basic.
func (b *builder) auth() {
	c := b.doc.T.Components
	if c == nil {
		return
	}
	for _, name := range sortedKeys(c.SecuritySchemes) {
		ref := c.SecuritySchemes[name]
		s := ref.Value
		if s == nil {
			continue
		}
		at := b.pos(s.Origin)
		switch {
		case s.Type == "http" && strings.EqualFold(s.Scheme, "basic"):
			b.api.Auth.Basic = true
		case s.Type == "apiKey" && s.In == "query" && strings.Contains(strings.ToLower(s.Name), "secret"):
			b.setAuthParam(&b.api.Auth.SecretParam, s.Name, at)
		case s.Type == "apiKey" && s.In == "query":
			b.setAuthParam(&b.api.Auth.KeyParam, s.Name, at)
		default:
			b.diags.Addf(at, "unsupported: security scheme %q (%s): supported are HTTP Basic and a query apiKey pair of key and secret", name, schemeKind(s))
		}
	}
	a := b.api.Auth
	if (a.KeyParam == "") != (a.SecretParam == "") {
		b.diags.Addf(b.pos(c.Origin), "unsupported: a query apiKey without its pair (one key, one whose parameter name contains \"secret\")")
	}
}

func (b *builder) setAuthParam(dst *string, name string, at ir.Pos) {
	b.plainName("security parameter name", name, at)
	if *dst != "" {
		b.diags.Addf(at, "unsupported: a second query apiKey %q (already have %q)", name, *dst)
		return
	}
	*dst = name
}

// bodyStatus reads x-nexmogen-body-status.
func (b *builder) bodyStatus() {
	v, ok := b.doc.T.Extensions[extBodyStatus]
	if !ok {
		return
	}
	var bs struct {
		Code    string   `json:"code"`
		Label   string   `json:"label"`
		Success []string `json:"success"`
	}
	at := b.fieldPos(b.doc.T.Origin, extBodyStatus)
	if err := decodeExtension(v, &bs); err != nil || bs.Code == "" || len(bs.Success) == 0 {
		b.diags.Addf(at, "%s must be {code: NAME, label: NAME, success: [CODE, ...]}", extBodyStatus)
		return
	}
	if !b.plainName(extBodyStatus+" code", bs.Code, at) || !b.plainName(extBodyStatus+" label", bs.Label, at) {
		return
	}
	b.api.BodyStatus = &ir.BodyStatus{Code: bs.Code, Label: bs.Label, Success: bs.Success}
}

// requestIDHeaders reads x-nexmogen-request-id-headers.
func (b *builder) requestIDHeaders() {
	v, ok := b.doc.T.Extensions[extRequestIDs]
	if !ok {
		return
	}
	var names []string
	if err := decodeExtension(v, &names); err != nil {
		b.diags.Addf(b.fieldPos(b.doc.T.Origin, extRequestIDs), "%s must be a list of header names", extRequestIDs)
		return
	}
	for _, n := range names {
		if !b.plainName("request id header", n, b.fieldPos(b.doc.T.Origin, extRequestIDs)) {
			return
		}
	}
	b.api.RequestIDHeaders = names
}

// unsupportedDocument reports document-level constructs the generator
// does not handle.
func (b *builder) unsupportedDocument() {
	t := b.doc.T
	if len(t.Servers) > 0 && len(t.Servers[0].Variables) > 0 {
		b.diags.Addf(b.pos(t.Servers[0].Origin), "unsupported: server URL variables")
	}
	if t.Components != nil && len(t.Components.Callbacks) > 0 {
		b.diags.Addf(b.pos(t.Components.Origin), "unsupported: callbacks")
	}
}

// operationSecurity checks that an operation's own security, if any, is
// the document's or none at all.
func (b *builder) operationSecurity(op *openapi3.Operation) {
	if op.Security == nil || len(*op.Security) == 0 {
		return
	}
	if !sameSecurity(*op.Security, b.doc.T.Security) {
		b.diags.Addf(b.fieldPos(op.Origin, "security"), "unsupported: operation-level security that differs from the document's")
	}
}

func sameSecurity(a, c openapi3.SecurityRequirements) bool {
	if len(a) != len(c) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(c[i]) {
			return false
		}
		for k := range a[i] {
			if _, ok := c[i][k]; !ok {
				return false
			}
		}
	}
	return true
}

// schemeKind describes a security scheme for diagnostics: "oauth2",
// "apiKey in header", "http bearer".
func schemeKind(s *openapi3.SecurityScheme) string {
	switch s.Type {
	case "apiKey":
		return "apiKey in " + s.In
	case "http":
		return "http " + s.Scheme
	}
	return s.Type
}
