package build

import (
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
	extPair       = "x-nexmogen-pair"
	extErrClasses = "x-nexmogen-error-classes"
)

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
	b.unreferencedCallbacks()
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
