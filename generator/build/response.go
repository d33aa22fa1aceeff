package build

import (
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// responses builds the declared responses of an operation, in status order
// with "default" last, and picks the success response.
func (b *builder) responses(op *ir.Operation, o *openapi3.Operation) {
	if o.Responses == nil {
		return
	}
	codes := sortedKeys(o.Responses.Map())
	slices.SortStableFunc(codes, func(x, y string) int { return statusOrder(x) - statusOrder(y) })
	for _, code := range codes {
		ref := o.Responses.Value(code)
		if ref == nil || ref.Value == nil {
			continue
		}
		status, class := 0, statusClass(code)
		if code != "default" && class == 0 {
			n, err := strconv.Atoi(code)
			if err != nil || n < 100 || n > 599 {
				b.diags.Addf(b.pos(ref.Value.Origin), "unsupported: response status %q (only exact codes, ranges 1XX to 5XX and default)", code)
				continue
			}
			status = n
		}
		r := b.response(op, status, class, ref.Value)
		r.Component = responseComponent(ref.Ref)
		op.Responses = append(op.Responses, r)
		if op.Success == nil && (status >= 200 && status < 300 || class == 2) {
			op.Success = r
		}
	}
	if op.Success == nil {
		op.Success = defaultSuccess(op.Responses)
	}
}

// defaultSuccess is the success response of an operation that declares no
// 2xx one: "default", which OpenAPI says describes every status not
// listed, 2xx included, when it has a body; nil otherwise, and the client
// method then returns only an error (a 2xx answer is a success without a
// body to read, any other status an *APIError).
func defaultSuccess(rs []*ir.Response) *ir.Response {
	for _, r := range rs {
		if r.Status == 0 && r.Class == 0 && r.Type != nil {
			return r
		}
	}
	return nil
}

// statusOrder sorts numeric codes, each range after the codes it holds
// ("2XX" after "299"), then "default".
func statusOrder(code string) int {
	if n, err := strconv.Atoi(code); err == nil {
		return n
	}
	if c := statusClass(code); c != 0 {
		return c*100 + 99
	}
	return 1000
}

// statusClass is the first digit of a range of statuses ("2XX": 2; OpenAPI
// spells the X in upper case, and lower case is taken too); 0 for any
// other code.
func statusClass(code string) int {
	if len(code) == 3 && code[0] >= '1' && code[0] <= '5' && strings.EqualFold(code[1:], "XX") {
		return int(code[0] - '0')
	}
	return 0
}

// response builds one response: its body type (the same schema in every
// media type) and its headers.
func (b *builder) response(op *ir.Operation, status, statusRange int, resp *openapi3.Response) *ir.Response {
	name := naming.Response(op.GoName, status)
	if statusRange != 0 {
		name = naming.ResponseRange(op.GoName, statusRange)
	}
	r := &ir.Response{Status: status, Class: statusRange, GoName: b.types.Unique(name)}
	if resp.Description != nil {
		r.Doc = *resp.Description
	}
	kinds := b.responseKinds(r, resp.Content)
	if kinds.parts() {
		b.responseParts(r, kinds, resp)
	} else {
		b.responseBody(r, kinds, resp.Content)
	}
	for _, name := range sortedKeys(resp.Headers) {
		h := resp.Headers[name].Value
		if h == nil || h.Schema == nil {
			continue
		}
		t := notNullable(b.typeOf(h.Schema, r.GoName, []string{name}, ir.RoleParams))
		if t.Kind == ir.KindStruct || t.Kind == ir.KindArray || looseKind(t) {
			b.diags.Addf(b.pos(h.Origin), "unsupported: response header %q that is not a scalar", name)
		}
		r.Headers = append(r.Headers, &ir.Header{Name: name, GoName: naming.Exported(name), Doc: h.Description, Type: t})
	}
	return r
}

// structuredSchema reports whether a response's content has a structured
// media type with a schema, which its structured siblings without one
// share.
func structuredSchema(content openapi3.Content) bool {
	for name, mt := range content {
		if _, ok := mediaCodec(mediaBase(name)); ok && mt.Schema != nil {
			return true
		}
	}
	return false
}
