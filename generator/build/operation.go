package build

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// opEntry is one operation found in the paths, with where it is written.
type opEntry struct {
	path   string
	method string
	item   *openapi3.PathItem
	op     *openapi3.Operation
	pos    ir.Pos
	// hook and goName, for an operation the API sends, are its hook and
	// its Go name (see hookOperation).
	hook   *ir.Hook
	goName string
}

// operations builds every operation in the order of the document.
func (b *builder) operations() {
	var entries []opEntry
	if b.doc.T.Paths != nil {
		for path, item := range b.doc.T.Paths.Map() {
			for method, op := range item.Operations() {
				entries = append(entries, opEntry{path: path, method: method, item: item, op: op, pos: b.pos(op.Origin)})
			}
		}
	}
	// Document order: the spec's own operations, then those of path items
	// in other files, file by file.
	inSpec := func(e opEntry) int { return cmp.Compare(e.pos.File, b.doc.File) & 1 }
	slices.SortFunc(entries, func(x, y opEntry) int {
		return cmp.Or(cmp.Compare(inSpec(x), inSpec(y)), cmp.Compare(x.pos.File, y.pos.File),
			cmp.Compare(x.pos.Line, y.pos.Line), cmp.Compare(x.path, y.path), cmp.Compare(x.method, y.method))
	})
	methods := b.opNames
	ids := make(map[string]ir.Pos)
	byGoName := make(map[string]string)
	for _, e := range entries {
		op := b.operation(e)
		if op == nil {
			continue
		}
		named := e.op.OperationID != ""
		if prev, dup := ids[op.ID]; dup && named {
			b.diags.Addf(b.fieldPos(e.op.Origin, "operationId"), "duplicate operationId %q (first at line %d)", op.ID, prev.Line)
			continue
		}
		if named {
			// Where the load reports a duplicate too: the two say one thing.
			ids[op.ID] = b.fieldPos(e.op.Origin, "operationId")
		}
		if !methods.Claim(op.GoName) {
			b.nameTaken(e, op, byGoName[op.GoName])
			continue
		}
		byGoName[op.GoName] = describeOperation(e)
		b.pagination(op, e.op, methods)
		b.api.Operations = append(b.api.Operations, op)
		b.built[e.op] = op
	}
}

// operation builds one operation, or returns nil when it cannot be named.
func (b *builder) operation(e opEntry) *ir.Operation {
	o := e.op
	if strings.ContainsFunc(o.OperationID+e.path, unicode.IsControl) {
		b.diags.Addf(b.fieldPos(o.Origin, "operationId"), "operationId %q or path %q holds a control character", o.OperationID, e.path)
		return nil
	}
	id, goName := o.OperationID, naming.Operation(o.OperationID)
	switch {
	case e.hook != nil:
		id, goName = cmp.Or(o.OperationID, e.hook.Name), e.goName
	case id == "":
		// Named after its method and path; the name stands for the
		// missing id in documentation and messages.
		goName = naming.RouteOperation(e.method, e.path)
		id = goName
	}
	if asked := b.goNameOf(o.Extensions, o.Origin); asked != "" && e.hook == nil {
		goName = asked
	}
	op := &ir.Operation{
		ID:          id,
		GoName:      goName,
		Summary:     strings.TrimSpace(o.Summary),
		Description: strings.TrimSpace(o.Description),
		Deprecated:  o.Deprecated,
		Pos:         e.pos,
		Method:      strings.ToUpper(e.method),
		Path:        e.path,
		Hook:        e.hook,
	}
	if len(o.Tags) > 0 {
		op.Tag = o.Tags[0]
	}
	op.Security = b.operationSecurity(o, e.hook != nil)
	if e.hook == nil {
		// A hook's URL is the sender's: no server of the document's.
		b.operationServer(op, e)
	} else {
		b.built[o] = op
	}
	op.Params = b.params(op, e)
	op.Body = b.body(op, o.RequestBody)
	b.responses(op, o)
	op.Idempotent = b.idempotent(op, o)
	return op
}

// idempotent decides whether a failed call may be resent: by method, unless
// x-nexmogen-idempotent says otherwise.
func (b *builder) idempotent(op *ir.Operation, o *openapi3.Operation) bool {
	switch op.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		op.Idempotent = true
	}
	v, ok := o.Extensions[extIdempotent]
	if !ok {
		return op.Idempotent
	}
	flag, isBool := v.(bool)
	if !isBool {
		b.diags.Addf(b.fieldPos(o.Origin, extIdempotent), "%s must be true or false", extIdempotent)
		return op.Idempotent
	}
	return flag
}
